#!/usr/bin/env python3
"""The approximate-neighbour benchmark's Python side (run by scripts/bench-ann.sh).

  prepare NPY OUTDIR [--queries 1000] [--seed 1] [--k 10]
      Splits the GloVe matrix into held-out queries and the base to index (a seeded choice of rows),
      writes base.f32, queries.f32 (row-major float32) and truth.i32: the exact top-k base rows of
      each query by cosine (numpy, float64 scores), best first.
  hnswlib OUTDIR [--m 16] [--ef-construction 200] [--target 0.95] [--repeats 5] [--k 10]
      Builds hnswlib's index (cosine, one thread), finds the smallest ef in a fixed ladder at which its
      recall@k reaches the target, times the queries there and prints one JSON object per line;
      with --efs 10,20,40,… it then times every ef of that list too (the recall–speed curve, "curve": true).
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def prepare(args):
    m = np.load(args.npy, mmap_mode="r")
    if m.ndim != 2 or m.dtype != np.float32:
        sys.exit(f"{args.npy}: expected a float32 matrix, found {m.dtype} {m.shape}")
    m = np.ascontiguousarray(m, dtype=np.float32)
    rng = np.random.default_rng(args.seed)
    held = np.sort(rng.choice(m.shape[0], size=args.queries, replace=False))
    keep = np.ones(m.shape[0], dtype=bool)
    keep[held] = False
    base, queries = m[keep], m[held]
    os.makedirs(args.outdir, exist_ok=True)
    base.astype("<f4").tofile(os.path.join(args.outdir, "base.f32"))
    queries.astype("<f4").tofile(os.path.join(args.outdir, "queries.f32"))
    unit = base.astype(np.float64)
    unit /= np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-300)
    q = queries.astype(np.float64)
    q /= np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-300)
    truth = np.empty((len(q), args.k), dtype="<i4")
    for s in range(0, len(q), 100):
        scores = q[s:s + 100] @ unit.T
        top = np.argpartition(-scores, args.k, axis=1)[:, :args.k]
        order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1, kind="stable")
        truth[s:s + 100] = np.take_along_axis(top, order, axis=1)
    truth.tofile(os.path.join(args.outdir, "truth.i32"))
    print(json.dumps({"base_rows": int(base.shape[0]), "queries": int(len(q)), "cols": int(base.shape[1])}))


def recall(labels, truth):
    return float(np.mean([len(set(a) & set(b)) for a, b in zip(labels, truth)])) / truth.shape[1]


def hnswlib_run(args):
    import hnswlib
    d = args.outdir
    cols = 50
    base = np.fromfile(os.path.join(d, "base.f32"), dtype="<f4")
    queries = np.fromfile(os.path.join(d, "queries.f32"), dtype="<f4").reshape(-1, cols)
    base = base.reshape(-1, cols)
    truth = np.fromfile(os.path.join(d, "truth.i32"), dtype="<i4").reshape(len(queries), args.k)
    # Wall clock and CPU time of this process (on a shared machine the second shows the work alone).
    builds, builds_cpu = [], []
    if args.load:   # measuring queries alone: a saved index instead of a build
        index = hnswlib.Index(space="cosine", dim=cols)
        index.load_index(args.load)
        index.set_num_threads(1)
    for _ in range(0 if args.load else args.builds):
        index = hnswlib.Index(space="cosine", dim=cols)
        t0, c0 = time.perf_counter(), time.process_time()
        index.init_index(max_elements=len(base), M=args.m, ef_construction=args.ef_construction, random_seed=100)
        index.set_num_threads(1)
        index.add_items(base, np.arange(len(base)), num_threads=1)
        builds.append(time.perf_counter() - t0)
        builds_cpu.append(time.process_time() - c0)
    if args.save:
        index.save_index(args.save)
    print(json.dumps({"build_s": builds, "build_cpu_s": builds_cpu}), flush=True)
    chosen = None
    for ef in [10, 12, 16, 20, 24, 32, 40, 48, 64, 80, 100, 128, 160, 200, 256, 320, 400, 512]:
        if ef < args.k:
            continue
        index.set_ef(ef)
        labels, _ = index.knn_query(queries, k=args.k, num_threads=1)
        r = recall(labels, truth)
        print(json.dumps({"ef": ef, "recall_at_10": r, "probe": True}), flush=True)
        if r >= args.target:
            chosen = ef
            break
    if chosen is None:
        sys.exit(f"hnswlib never reached recall {args.target}")
    index.set_ef(chosen)
    index.knn_query(queries, k=args.k, num_threads=1)   # warm-up
    times, cpu = [], []
    for _ in range(args.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        labels, _ = index.knn_query(queries, k=args.k, num_threads=1)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(json.dumps({"ef": chosen, "recall_at_10": recall(labels, truth), "qps": [len(queries) / t for t in times],
                      "qps_cpu": [len(queries) / t for t in cpu]}), flush=True)
    for ef in [int(x) for x in args.efs.split(",")] if args.efs else []:
        index.set_ef(ef)
        labels, _ = index.knn_query(queries, k=args.k, num_threads=1)   # recall, and a warm-up
        times, cpu = [], []
        for _ in range(args.repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            index.knn_query(queries, k=args.k, num_threads=1)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(json.dumps({"ef": ef, "recall_at_10": recall(labels, truth), "qps": [len(queries) / t for t in times],
                          "qps_cpu": [len(queries) / t for t in cpu], "curve": True}), flush=True)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("npy")
    p.add_argument("outdir")
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--k", type=int, default=10)
    h = sub.add_parser("hnswlib")
    h.add_argument("outdir")
    h.add_argument("--m", type=int, default=16)
    h.add_argument("--ef-construction", type=int, default=200)
    h.add_argument("--target", type=float, default=0.95)
    h.add_argument("--repeats", type=int, default=5)
    h.add_argument("--builds", type=int, default=1)
    h.add_argument("--k", type=int, default=10)
    h.add_argument("--efs", help="also time each of these ef values (comma-separated): the curve")
    h.add_argument("--save", help="write the built index here")
    h.add_argument("--load", help="query this saved index instead of building one")
    args = ap.parse_args()
    prepare(args) if args.cmd == "prepare" else hnswlib_run(args)


if __name__ == "__main__":
    main()
