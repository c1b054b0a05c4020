#!/usr/bin/env python3
"""Evaluate a vectors file with gensim, to compare EmbedLab's own evaluation against a reference.

gensim is the reference implementation: its `KeyedVectors.evaluate_word_analogies` is the C word2vec
`compute-accuracy` (3CosAdd: the answer to a:b :: c:? is the word nearest to b - a + c, input words
excluded, looking only at the `restrict` most frequent words), and `evaluate_word_pairs` compares
model cosine similarities with human scores (Pearson r on values, Spearman rho on ranks).

Examples
    # analogies (questions-words format) and two similarity sets, on the 30,000 most frequent words
    python3 scripts/compare_gensim.py vectors.txt --analogies questions-words \\
        --pairs wordsim353 --pairs simlex999 --restrict 30000

    # a GloVe text file (no 'V d' header line), machine-readable output
    python3 scripts/compare_gensim.py glove.6B.50d.txt --no-header --analogies my-questions.txt --json

`questions-words`, `wordsim353` and `simlex999` name the copies shipped inside gensim
(gensim/test/test_data/); any other value is a path. Both evaluations are case-insensitive, as
gensim does by default, and skip questions/pairs with a word outside the restricted vocabulary
(those are counted as "oov").
"""
import argparse
import json
import os
import sys
import time


def gensim_test_data(name):
    """Path of a file shipped in gensim/test/test_data, e.g. questions-words.txt."""
    import gensim

    return os.path.join(os.path.dirname(gensim.__file__), "test", "test_data", name)


BUILTIN = {
    "questions-words": "questions-words.txt",
    "wordsim353": "wordsim353.tsv",
    "simlex999": "simlex999.txt",
}


def resolve(name):
    if name in BUILTIN:
        return gensim_test_data(BUILTIN[name])
    if not os.path.exists(name):
        sys.exit(f"compare_gensim: no such file: {name} (or use one of: {', '.join(BUILTIN)})")
    return name


def has_header(path):
    """A word2vec text file starts with the line 'V d' (two integers); a GloVe text file does not."""
    from gensim import utils

    with utils.open(path, "rb") as f:
        first = f.readline().split()
    return len(first) == 2 and all(x.isdigit() for x in first)


def count_analogy_questions(path):
    """Questions per section, in file order, parsed with the same rules as gensim (': name' starts a
    section, a question is a line of exactly four words). gensim does not return how many it skipped,
    so oov = questions - evaluated."""
    from gensim import utils

    counts = []
    with utils.open(path, "rb") as f:
        for line in f:
            line = utils.to_unicode(line)
            if line.startswith(": "):
                counts.append(0)
            elif counts and len(line.split()) == 4:
                counts[-1] += 1
    return counts


def count_pairs(path, delimiter, kv, restrict):
    """(valid judgement lines, lines with a word outside the first `restrict` words), parsed with the
    same rules as gensim's evaluate_word_pairs (case-insensitive)."""
    vocab = {w.upper() for w in kv.index_to_key[:restrict]}
    n = oov = 0
    with open(path, encoding="utf8") as f:
        for line in f:
            if not line or line.startswith("#"):
                continue
            parts = line.upper().split(delimiter)
            if len(parts) != 3:
                continue
            try:
                float(parts[2])
            except ValueError:
                continue
            n += 1
            oov += parts[0] not in vocab or parts[1] not in vocab
    return n, oov


def evaluate_analogies(kv, path, restrict):
    questions = count_analogy_questions(path)
    start = time.perf_counter()
    try:
        score, sections = kv.evaluate_word_analogies(path, restrict_vocab=restrict, case_insensitive=True)
    except ZeroDivisionError:  # gensim divides by the number of questions
        sys.exit(f"compare_gensim: {path} holds no analogy questions (': section' lines, then 'a b c d')")
    seconds = time.perf_counter() - start
    rows = []
    for i, s in enumerate(sections):
        correct, incorrect = len(s["correct"]), len(s["incorrect"])
        total = correct + incorrect
        is_total = s["section"] == "Total accuracy"
        asked = sum(questions) if is_total else questions[i]
        rows.append({
            "section": "total" if is_total else s["section"],
            "correct": correct,
            "total": total,
            "accuracy": correct / total if total else None,
            "questions": asked,
            "oov": asked - total,
        })
    total = rows[-1]
    return {
        "file": path,
        "restrict_vocab": restrict,
        "sections": rows[:-1],
        "total": total,
        "oov_ratio": total["oov"] / total["questions"] if total["questions"] else None,
        "seconds": seconds,
    }


def evaluate_pairs(kv, path, restrict, delimiter):
    n, oov = count_pairs(path, delimiter, kv, restrict)
    start = time.perf_counter()
    try:
        pearson, spearman, oov_percent = kv.evaluate_word_pairs(
            path, delimiter=delimiter, restrict_vocab=restrict, case_insensitive=True)
    except ValueError as e:  # gensim/scipy: fewer than two pairs have both words in the vocabulary
        return {"file": path, "restrict_vocab": restrict, "pairs": n, "evaluated": n - oov, "oov": oov,
                "oov_ratio": oov / n if n else None,
                "pearson": None, "pearson_p": None, "spearman": None, "spearman_p": None,
                "error": str(e), "seconds": time.perf_counter() - start}
    seconds = time.perf_counter() - start
    if oov != round(oov_percent / 100 * n):
        print(f"compare_gensim: warning: {path}: counted {oov} OOV pairs of {n}, gensim says {oov_percent:.2f}%",
              file=sys.stderr)
    return {
        "file": path,
        "restrict_vocab": restrict,
        "pairs": n,
        "evaluated": n - oov,
        "oov": oov,
        "oov_ratio": oov_percent / 100,
        "pearson": float(pearson[0]),
        "pearson_p": float(pearson[1]),
        "spearman": float(spearman[0]),
        "spearman_p": float(spearman[1]),
        "seconds": seconds,
    }


def percent(x):
    return "   n/a" if x is None else f"{100 * x:5.1f}%"


def print_text(report):
    v = report["vectors"]
    print(f"vectors   {v['file']}  ({v['words']} words x {v['dims']} dims, "
          f"{'word2vec text' if v['header'] else 'GloVe text, no header'}, loaded in {v['load_seconds']:.2f} s)")
    print(f"gensim    {report['gensim']}, restrict_vocab {report['restrict_vocab']}, case-insensitive")
    for a in report["analogies"]:
        print(f"\nanalogies {a['file']}  ({a['seconds']:.2f} s)")
        width = max([len(s["section"]) for s in a["sections"]] + [5])
        print(f"  {'section'.ljust(width)}  correct/total  accuracy   oov")
        for s in a["sections"] + [a["total"]]:
            if s["section"] == "total":
                print(f"  {'-' * width}")
            print(f"  {s['section'].ljust(width)}  {s['correct']:>7}/{s['total']:<5}  {percent(s['accuracy'])}  "
                  f"{s['oov']:>5}")
        t = a["total"]
        print(f"  {t['oov']} of {t['questions']} questions skipped as out of vocabulary ({percent(a['oov_ratio']).strip()})")
    for p in report["pairs"]:
        print(f"\npairs     {p['file']}  ({p['seconds']:.2f} s)")
        if p["pearson"] is None:
            print(f"  no correlation: {p['evaluated']} of {p['pairs']} pairs have both words in the vocabulary, "
                  f"at least 2 are needed ({p['error']})")
            continue
        print(f"  Pearson  r   = {p['pearson']:.4f}  (p = {p['pearson_p']:.3g})")
        print(f"  Spearman rho = {p['spearman']:.4f}  (p = {p['spearman_p']:.3g})")
        print(f"  OOV ratio    = {percent(p['oov_ratio']).strip()}  ({p['oov']} of {p['pairs']} pairs skipped)")


def main():
    parser = argparse.ArgumentParser(
        description="Evaluate word vectors with gensim (analogies and word-pair similarity), as a reference "
                    "for EmbedLab's own evaluation.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("Examples", 1)[1])
    parser.add_argument("vectors", help="word2vec text file ('V d' header), GloVe text (see --no-header), "
                                        "or word2vec binary (see --binary); .gz works")
    parser.add_argument("--no-header", action="store_true",
                        help="GloVe text: no 'V d' first line (detected automatically if not given)")
    parser.add_argument("--binary", action="store_true", help="word2vec binary format")
    parser.add_argument("--analogies", action="append", default=[], metavar="FILE",
                        help="questions-words format file, or 'questions-words' for gensim's copy; repeatable")
    parser.add_argument("--pairs", action="append", default=[], metavar="FILE",
                        help="'word1<TAB>word2<TAB>score' file, or 'wordsim353' / 'simlex999'; repeatable")
    parser.add_argument("--delimiter", default="\t", help="column separator of the pairs files (default: TAB)")
    parser.add_argument("--restrict", type=int, default=300000, metavar="N",
                        help="only the first N words of the file count (gensim's restrict_vocab; default 300000)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args()
    if not args.analogies and not args.pairs:
        parser.error("nothing to evaluate: give --analogies FILE and/or --pairs FILE "
                     "(e.g. --analogies questions-words --pairs wordsim353)")

    import gensim
    from gensim.models import KeyedVectors

    header = False if args.no_header else (True if args.binary else has_header(args.vectors))
    start = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(args.vectors, binary=args.binary, no_header=not header)
    load_seconds = time.perf_counter() - start

    report = {
        "vectors": {"file": args.vectors, "words": len(kv), "dims": kv.vector_size, "header": header,
                    "load_seconds": load_seconds},
        "gensim": gensim.__version__,
        "restrict_vocab": args.restrict,
        "analogies": [evaluate_analogies(kv, resolve(a), args.restrict) for a in args.analogies],
        "pairs": [evaluate_pairs(kv, resolve(p), args.restrict, args.delimiter) for p in args.pairs],
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_text(report)


if __name__ == "__main__":
    main()
