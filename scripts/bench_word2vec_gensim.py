"""The peer of word2vec-bench: gensim's Word2Vec on the same corpus file with the same settings.

Times train() alone (after build_vocab(), which is timed apart), counts words a second as raw words
(every token of the corpus, once an epoch, which is what train() returns as its second number), then
scores the vectors with gensim's own evaluate_word_analogies over the most frequent words.
The last line printed is one JSON object.

    python3 scripts/bench_word2vec_gensim.py CORPUS.txt QUESTIONS-WORDS.txt --sg 0 --dim 100 --window 5 \
        --negative 5 --epochs 5 --min-count 5 --sample 0.001 --alpha 0.025 --threads 2 --seed 1 --restrict 30000
"""
import argparse
import json
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

p = argparse.ArgumentParser()
p.add_argument("corpus")
p.add_argument("questions")
p.add_argument("--sg", type=int, default=0)
p.add_argument("--dim", type=int, default=100)
p.add_argument("--window", type=int, default=5)
p.add_argument("--negative", type=int, default=5)
p.add_argument("--epochs", type=int, default=5)
p.add_argument("--min-count", type=int, default=5)
p.add_argument("--sample", type=float, default=1e-3)
p.add_argument("--alpha", type=float, default=0.025)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--restrict", type=int, default=30000)
a = p.parse_args()

model = Word2Vec(vector_size=a.dim, window=a.window, min_count=a.min_count, sg=a.sg, hs=0, negative=a.negative,
                 sample=a.sample, alpha=a.alpha, min_alpha=0.0001, workers=a.threads, seed=a.seed, epochs=a.epochs)
t0 = time.perf_counter()
model.build_vocab(corpus_file=None, corpus_iterable=LineSentence(a.corpus))
t1 = time.perf_counter()
_, raw = model.train(LineSentence(a.corpus), total_examples=model.corpus_count, epochs=a.epochs)
t2 = time.perf_counter()
score, _ = model.wv.evaluate_word_analogies(a.questions, restrict_vocab=a.restrict)
print(f"gensim {gensim_version if (gensim_version := __import__('gensim').__version__) else ''}: "
      f"{len(model.wv)} words; vocabulary {t1 - t0:.1f} s; training {t2 - t1:.1f} s ({raw / (t2 - t1):.0f} words/s); "
      f"questions-words {100 * score:.2f}%", file=sys.stderr)
print(json.dumps({"words_per_s": round(raw / (t2 - t1)), "training_s": t2 - t1, "vocabulary_s": t1 - t0,
                  "accuracy": score, "vocabulary": len(model.wv)}, sort_keys=True))
