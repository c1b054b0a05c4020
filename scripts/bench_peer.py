#!/usr/bin/env python3
"""The numpy peer of EmbedLab's benchmark: the same work done the way numpy users do it.

Prints JSON lines (one object per line, "kind" says which) so the Swift benchmark can put
EmbedLab's figures and these side by side and print ratios:

  {"kind": "env", ...}          numpy version, BLAS library and thread count, relevant environment variables
  {"kind": "knn", ...}          nearest-neighbour query latency over a float32 matrix
  {"kind": "load_text", ...}    reading a word2vec or GloVe text file into a float32 matrix (one line per method)
  {"kind": "gensim_eval", ...}  gensim's load_word2vec_format and evaluate_word_analogies

Nearest neighbours, as numpy users write it: rows are L2-normalised once (not timed), then per query
    scores = m @ q                                  # cosine similarity with every row (BLAS sgemv)
    top = np.argpartition(-scores, k)[:k]           # the k best, unordered, O(rows)
    top = top[np.argsort(-scores[top])]             # order those k
Latency is per query, after warm-up queries, with time.perf_counter_ns; the query row itself is among
the candidates (it is its own nearest, score 1), as in EmbedLab's own benchmark.

Examples
  python3 scripts/bench_peer.py --matrix glove50.f32 --rows 400000 --cols 50 --nq 1000 --seed 1
  python3 scripts/bench_peer.py --matrix glove50.f32 --rows 400000 --cols 50 --queries 0,1,2 -k 10 \\
      --load-text glove.6B.50d.txt --gensim-eval glove.6B.50d.txt questions-words --restrict 30000

This script never changes the environment: BLAS settings such as OPENBLAS_NUM_THREADS,
OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE are the caller's choice, and are reported in the "env" line.
"""
import argparse
import gzip
import json
import os
import platform
import sys
import time

import numpy as np

ENV_VARS = [
    "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OPENBLAS_VERBOSE",
    "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS", "GOTO_NUM_THREADS",
]


def emit(record):
    print(json.dumps(record, ensure_ascii=False), flush=True)


def blas_info():
    """Which BLAS numpy calls and with how many threads: threadpoolctl if installed (it asks the
    loaded library), else numpy's build configuration (which cannot tell the thread count)."""
    try:
        import threadpoolctl
    except ImportError:
        try:
            config = np.show_config(mode="dicts")
            blas = config.get("Build Dependencies", {}).get("blas", {})
            return {"source": "numpy.show_config (threadpoolctl not installed: pip install threadpoolctl)",
                    "libraries": [{"internal_api": blas.get("name"), "version": blas.get("version"),
                                   "num_threads": None}]}
        except Exception as e:  # very old numpy
            return {"source": "unavailable", "error": str(e), "libraries": []}
    libs = [{k: lib.get(k) for k in ("user_api", "internal_api", "version", "num_threads",
                                     "threading_layer", "architecture", "filepath")}
            for lib in threadpoolctl.threadpool_info()]
    return {"source": f"threadpoolctl {threadpoolctl.__version__}", "libraries": libs}


def env_record():
    return {
        "kind": "env",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "affinity_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        # other work on the machine at start (1, 5, 15 min): a busy machine makes every timing noisy
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "blas": blas_info(),
        "environment": {k: os.environ[k] for k in ENV_VARS if k in os.environ},
    }


def percentile_ms(samples_ns, p):
    return float(np.percentile(np.asarray(samples_ns, dtype=np.float64), p)) / 1e6


def load_matrix(path, rows, cols):
    expected = rows * cols * 4
    size = os.path.getsize(path)
    if size != expected:
        sys.exit(f"bench_peer: {path} is {size} bytes, but {rows} rows x {cols} cols of float32 "
                 f"need {expected} bytes; check --rows/--cols")
    return np.fromfile(path, dtype="<f4", count=rows * cols).reshape(rows, cols)


def normalise_rows(m):
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1  # an all-zero row stays zero instead of becoming NaN
    return (m / norms).astype(np.float32, copy=False)


def top_k(m, q, k):
    """The numpy idiom: one matrix-vector product, a partial sort, then sort the k survivors."""
    scores = m @ q
    top = np.argpartition(-scores, k)[:k]
    return top[np.argsort(-scores[top])], scores


def bench_knn(args):
    start = time.perf_counter()
    raw = load_matrix(args.matrix, args.rows, args.cols)
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    m = np.ascontiguousarray(normalise_rows(raw))
    normalise_seconds = time.perf_counter() - start
    del raw

    if args.queries:
        try:
            queries = [int(x) for x in args.queries.split(",") if x.strip()]
        except ValueError:
            sys.exit(f"bench_peer: --queries takes row numbers separated by commas, e.g. 0,1,2; got {args.queries!r}")
        bad = [q for q in queries if not 0 <= q < args.rows]
        if bad:
            sys.exit(f"bench_peer: query rows out of range 0..{args.rows - 1}: {bad[:5]}")
        query_source = "given"
    else:
        rng = np.random.default_rng(args.seed)
        queries = rng.integers(0, args.rows, size=args.nq).tolist()
        query_source = f"random, numpy default_rng({args.seed}).integers(0, rows, nq)"
    if not queries:
        sys.exit("bench_peer: no query rows (give --queries I,J,... or --nq N with N > 0)")
    k = args.k
    if not 0 < k < args.rows:
        sys.exit(f"bench_peer: -k must be between 1 and rows-1 ({args.rows - 1}), got {k}")

    # Warm up: page in the matrix, let BLAS spin up its threads, fill caches and branch predictors.
    for i in range(args.warmup):
        top_k(m, m[queries[i % len(queries)]], k)

    samples, matvec, select = [], [], []
    answers = []
    for row in queries:
        q = m[row]
        t0 = time.perf_counter_ns()
        scores = m @ q                                  # top_k(m, q, k), written out to time its two parts
        t1 = time.perf_counter_ns()
        top = np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top])]
        t2 = time.perf_counter_ns()
        samples.append(t2 - t0)
        matvec.append(t1 - t0)
        select.append(t2 - t1)
        if len(answers) < args.show:
            answers.append({"query": row, "top": top.tolist(),
                            "scores": [round(float(s), 6) for s in scores[top]]})

    bytes_per_query = m.nbytes
    median_ms = percentile_ms(samples, 50)
    record = {
        "kind": "knn",
        "matrix": args.matrix,
        "rows": args.rows,
        "cols": args.cols,
        "k": k,
        "queries": len(queries),
        "query_rows": query_source,
        "warmup": args.warmup,
        "method": "scores = m @ q; np.argpartition(-scores, k)[:k]; sort those k (rows L2-normalised once)",
        "median_ms": median_ms,
        "p90_ms": percentile_ms(samples, 90),
        "mean_ms": float(np.mean(samples)) / 1e6,
        "min_ms": float(np.min(samples)) / 1e6,
        "max_ms": float(np.max(samples)) / 1e6,
        "median_matvec_ms": percentile_ms(matvec, 50),   # scores = m @ q
        "median_select_ms": percentile_ms(select, 50),   # argpartition + sort of k
        "matrix_gb_per_s_at_median": bytes_per_query / (median_ms / 1e3) / 1e9 if median_ms else None,
        "load_matrix_seconds": load_seconds,
        "normalise_seconds": normalise_seconds,
        "first_answers": answers,
    }
    emit(record)

    if args.batch:
        # Many queries at once, as numpy users do for a whole evaluation set: one matrix-matrix product.
        batch = np.asarray(queries[:args.batch])
        qs = m[batch]
        times = []
        for _ in range(args.batch_repeat + 1):  # the first run is a warm-up
            t0 = time.perf_counter_ns()
            scores = qs @ m.T                                   # (B, rows): one BLAS sgemm
            top = np.argpartition(-scores, k, axis=1)[:, :k]    # the k best of each row
            order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1)
            np.take_along_axis(top, order, axis=1)
            times.append(time.perf_counter_ns() - t0)
        times = times[1:]
        per_query_ms = percentile_ms(times, 50) / len(batch)
        emit({"kind": "knn_batch", "rows": args.rows, "cols": args.cols, "k": k, "batch": len(batch),
              "repeat": args.batch_repeat,
              "method": "scores = Q @ m.T; np.argpartition(-scores, k, axis=1)[:, :k]; sort those k per row",
              "median_batch_ms": percentile_ms(times, 50), "per_query_ms": per_query_ms})


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def has_header(path):
    """True when the file starts with word2vec's 'V d' header line (GloVe text has none)."""
    with open_text(path) as f:
        first = f.readline().split()
    return len(first) == 2 and all(x.isdigit() for x in first)


def load_text_split(path, header):
    """The usual way (as in the Keras GloVe example): split each line, np.asarray its numbers."""
    words, rows = [], []
    with open_text(path) as f:
        if header:
            f.readline()
        for line in f:
            parts = line.rstrip().split(" ")
            words.append(parts[0])
            rows.append(np.asarray(parts[1:], dtype=np.float32))
    return words, np.vstack(rows)


def load_text_fromstring(path, header):
    """The fast pure-numpy way: peel the word off each line with one split, then let numpy parse all
    the numbers at once with np.fromstring(text, sep=' ') (C parser, no Python float objects)."""
    words, numbers = [], []
    with open_text(path) as f:
        if header:
            f.readline()
        for line in f:
            word, rest = line.rstrip().split(" ", 1)
            words.append(word)
            numbers.append(rest)
    flat = np.fromstring(" ".join(numbers), dtype=np.float32, sep=" ")
    if len(words) == 0 or flat.size % len(words):
        sys.exit("bench_peer: rows of different lengths; is this word2vec or GloVe text?")
    return words, flat.reshape(len(words), -1)


def load_text_gensim(path, header):
    """gensim's reader: KeyedVectors.load_word2vec_format(no_header=True for a GloVe file)."""
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load_word2vec_format(path, binary=False, no_header=not header)
    return kv.index_to_key, kv.vectors


LOADERS = {
    "split": ("python str.split per line + np.asarray(parts, float32) per row + np.vstack", load_text_split),
    "fromstring": ("python split(' ', 1) per line to peel the word + one np.fromstring(sep=' ') over all numbers",
                   load_text_fromstring),
    "gensim": ("gensim KeyedVectors.load_word2vec_format", load_text_gensim),
}


def bench_load_text(args):
    header = has_header(args.load_text)  # word2vec text: the 'V d' line is skipped, not timed apart
    size = os.path.getsize(args.load_text)
    checksum = None
    for name in args.load_methods.split(","):
        if name not in LOADERS:
            sys.exit(f"bench_peer: unknown --load-methods entry {name!r}; choose from {', '.join(LOADERS)}")
        description, loader = LOADERS[name]
        times = []
        for _ in range(args.load_repeat):
            t0 = time.perf_counter()
            words, matrix = loader(args.load_text, header)
            times.append(time.perf_counter() - t0)
        total = float(np.sum(matrix, dtype=np.float64))
        same = None if checksum is None else bool(np.isclose(total, checksum, rtol=1e-6))
        checksum = total if checksum is None else checksum
        emit({"kind": "load_text", "file": args.load_text, "bytes": size, "header": header, "method": name,
              "description": description, "rows": len(words), "cols": int(matrix.shape[1]),
              "dtype": str(matrix.dtype), "repeat": args.load_repeat,
              "seconds": float(np.median(times)), "min_seconds": float(np.min(times)),
              "mb_per_s": size / float(np.median(times)) / 1e6,
              "checksum": total, "same_as_first_method": same})
        del words, matrix


def resolve_questions(name):
    if name == "questions-words":
        import gensim

        return os.path.join(os.path.dirname(gensim.__file__), "test", "test_data", "questions-words.txt")
    return name


def bench_gensim_eval(args):
    import gensim
    from gensim.models import KeyedVectors

    vectors, questions = args.gensim_eval[0], resolve_questions(args.gensim_eval[1])
    header = has_header(vectors)
    t0 = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(vectors, binary=False, no_header=not header)
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    score, sections = kv.evaluate_word_analogies(questions, restrict_vocab=args.restrict, case_insensitive=True)
    eval_seconds = time.perf_counter() - t0
    total = sections[-1]
    correct, evaluated = len(total["correct"]), len(total["correct"]) + len(total["incorrect"])
    emit({"kind": "gensim_eval", "gensim": gensim.__version__, "vectors": vectors, "questions": questions,
          "header": header, "words": len(kv), "dims": kv.vector_size, "restrict_vocab": args.restrict,
          "load_seconds": load_seconds, "eval_seconds": eval_seconds,
          "correct": correct, "evaluated": evaluated, "accuracy": score,
          "questions_per_second": evaluated / eval_seconds if eval_seconds else None})


def main():
    parser = argparse.ArgumentParser(
        description="numpy/gensim peer timings for EmbedLab's benchmark; prints JSON lines.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("Examples", 1)[1])
    knn = parser.add_argument_group("nearest neighbours")
    knn.add_argument("--matrix", metavar="FILE", help="raw little-endian float32 matrix, row-major, no header")
    knn.add_argument("--rows", type=int, help="rows in --matrix")
    knn.add_argument("--cols", type=int, help="columns in --matrix")
    knn.add_argument("--queries", metavar="I,J,...", help="query row indices, comma-separated")
    knn.add_argument("--nq", type=int, default=1000, help="random query rows if --queries is not given (default 1000)")
    knn.add_argument("--seed", type=int, default=1, help="seed for the random query rows (default 1)")
    knn.add_argument("-k", type=int, default=10, help="neighbours per query (default 10)")
    knn.add_argument("--warmup", type=int, default=20, help="untimed queries first (default 20)")
    knn.add_argument("--show", type=int, default=3, help="answers of the first SHOW queries in the output, for "
                                                         "checking against EmbedLab (default 3)")
    knn.add_argument("--batch", type=int, default=0, metavar="B",
                     help="also time B queries as one matrix-matrix product (default: off)")
    knn.add_argument("--batch-repeat", type=int, default=5, help="repetitions of the batch timing (default 5)")
    text = parser.add_argument_group("loading text")
    text.add_argument("--load-text", metavar="FILE",
                      help="time reading this word2vec text (header line detected and skipped) or GloVe text file into numpy")
    text.add_argument("--load-methods", default="split,fromstring",
                      help=f"comma-separated, from: {', '.join(LOADERS)} (default split,fromstring)")
    text.add_argument("--load-repeat", type=int, default=1, help="runs per method; the median is reported (default 1)")
    ev = parser.add_argument_group("gensim evaluation")
    ev.add_argument("--gensim-eval", nargs=2, metavar=("VECTORS", "QUESTIONS"),
                    help="time gensim's evaluate_word_analogies; QUESTIONS may be 'questions-words' (gensim's copy); "
                         "VECTORS is word2vec text or GloVe text (header detected)")
    ev.add_argument("--restrict", type=int, default=300000, help="restrict_vocab for --gensim-eval (default 300000)")
    args = parser.parse_args()

    if args.matrix and not (args.rows and args.cols):
        parser.error("--matrix needs --rows and --cols")
    if not (args.matrix or args.load_text or args.gensim_eval):
        parser.error("nothing to time: give --matrix FILE --rows R --cols C, --load-text FILE and/or --gensim-eval")

    emit(env_record())
    if args.matrix:
        bench_knn(args)
    if args.load_text:
        bench_load_text(args)
    if args.gensim_eval:
        bench_gensim_eval(args)


if __name__ == "__main__":
    main()
