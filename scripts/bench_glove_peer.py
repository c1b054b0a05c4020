#!/usr/bin/env python3
"""The GloVe peer for scripts/bench-glove.sh: glove-python (PyPI `bicleaner-ai-glove`, a maintained build of
Maciej Kula's glove-python with wheels for Python 3.11; Cython, AdaGrad, Hogwild threads) on the same corpus and
settings as EmbedLab's glove-bench: min count 5, window 15 (weight 1/d), 50 dims, x_max 10, alpha 0.75, learning
rate 0.05, 15 epochs, 2 threads.

    python3 scripts/bench_glove_peer.py CORPUS.txt QUESTIONS-WORDS.txt [--epochs 15] [--threads 2] [--restrict 30000]

Differences that remain, stated in the output: glove-python keeps one set of vectors (word and context share
them) in float64, and counts each pair once (the upper triangle of the co-occurrence matrix), where the
Stanford programs and EmbedLab keep both directions (twice the records, two vector sets). Its training loop
does the same work per record as theirs (one dot product, two AdaGrad updates of a vector and a bias each),
so records per second compare the engines; seconds per epoch are also printed, in wall-clock time and in
CPU time of all threads (the machine may be shared). The cost after each epoch is
computed here (not timed) as the Stanford programs print it: the mean over records of ½·f(X)·(w·w' + b + b' − log X)².
Prints one JSON object as its last line.
"""
import argparse, collections, json, os, sys, time
import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus"); p.add_argument("questions")
    p.add_argument("--epochs", type=int, default=15); p.add_argument("--threads", type=int, default=2)
    p.add_argument("--restrict", type=int, default=30000); p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--window", type=int, default=15); p.add_argument("--dims", type=int, default=50)
    a = p.parse_args()
    from glove import Corpus, Glove
    from glove.glove_cython import fit_vectors

    t0 = time.perf_counter()
    with open(a.corpus, encoding="utf-8") as f:
        sentences = [line.split() for line in f]
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    counts = collections.Counter(w for s in sentences for w in s)
    words = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= a.min_count]
    dictionary = {w: i for i, w in enumerate(words)}
    vocab_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    corpus = Corpus(dictionary=dictionary)
    corpus.fit(sentences, window=a.window, ignore_missing=True)
    cooccur_s = time.perf_counter() - t0
    del sentences
    m = corpus.matrix.tocoo()
    records = int(m.nnz)
    print(f"glove-python: {len(words)} words, {records} records (upper triangle), read {read_s:.2f} s, "
          f"vocabulary {vocab_s:.2f} s, co-occurrence {cooccur_s:.2f} s", file=sys.stderr)

    model = Glove(no_components=a.dims, learning_rate=0.05, alpha=0.75, max_count=10, random_state=1)
    rng = np.random.RandomState(1)
    n = len(words)
    model.word_vectors = (rng.rand(n, a.dims) - 0.5) / a.dims
    model.word_biases = np.zeros(n, dtype=np.float64)
    model.vectors_sum_gradients = np.ones_like(model.word_vectors)
    model.biases_sum_gradients = np.ones_like(model.word_biases)
    shuffle = np.arange(records, dtype=np.int32)
    row, col, data = m.row, m.col, m.data
    logx = np.log(data); fx = np.minimum(1.0, (data / 10.0) ** 0.75)

    def cost():
        w, b = model.word_vectors, model.word_biases
        total = 0.0
        for s in range(0, records, 4_000_000):
            r, c = row[s:s + 4_000_000], col[s:s + 4_000_000]
            d = np.einsum("ij,ij->i", w[r], w[c]) + b[r] + b[c] - logx[s:s + 4_000_000]
            total += float(np.sum(0.5 * fx[s:s + 4_000_000] * d * d))
        return total / records

    epoch_s, epoch_cpu, shuffle_s, costs = [], [], [], []
    for e in range(a.epochs):
        t0 = time.perf_counter()
        rng.shuffle(shuffle)
        t1 = time.perf_counter(); c1 = time.process_time()
        fit_vectors(model.word_vectors, model.vectors_sum_gradients, model.word_biases, model.biases_sum_gradients,
                    row, col, data, shuffle, model.learning_rate, model.max_count, model.alpha, model.max_loss,
                    int(a.threads))
        t2 = time.perf_counter(); c2 = time.process_time()
        shuffle_s.append(t1 - t0); epoch_s.append(t2 - t1); epoch_cpu.append(c2 - c1)
        costs.append(cost())
        print(f"glove-python iter: {e + 1:03d}, cost: {costs[-1]:.6f}, {t2 - t1:.2f} s", file=sys.stderr)

    from gensim.models import KeyedVectors
    kv = KeyedVectors(a.dims)
    kv.add_vectors(words, model.word_vectors.astype(np.float32))
    t0 = time.perf_counter()
    score, sections = kv.evaluate_word_analogies(a.questions, restrict_vocab=a.restrict)
    total = [s for s in sections if s["section"] == "Total accuracy"][0]
    correct, asked = len(total["correct"]), len(total["correct"]) + len(total["incorrect"])
    med = float(np.median(epoch_s))
    print(json.dumps({
        "peer_glove": "glove-python (PyPI bicleaner-ai-glove 0.2.1)",
        "peer_glove_words": len(words), "peer_glove_records": records,
        "peer_glove_cooccur_s": round(vocab_s + cooccur_s, 3),
        "peer_glove_epoch_s": round(med, 3), "peer_glove_epoch_s_runs": [round(x, 3) for x in epoch_s],
        "peer_glove_epoch_cpu_s": round(float(np.median(epoch_cpu)), 3),
        "peer_glove_shuffle_s": round(float(np.median(shuffle_s)), 3),
        "peer_glove_records_per_s": round(records / med),
        "peer_glove_costs": [round(c, 6) for c in costs],
        "peer_glove_accuracy": [correct, asked],
        "peer_glove_threads": a.threads, "peer_glove_epochs": a.epochs,
    }))


if __name__ == "__main__":
    main()
