#!/usr/bin/env bash
# The GloVe benchmark (release build; not part of the tests): the whole pipeline on the 10-million-token
# English corpus with the Stanford reference demo's settings (min count 5, window 15, 50 dims, x_max 10,
# 15 epochs, 2 threads), timed stage by stage: vocabulary + co-occurrence, shuffle, seconds per epoch,
# records per second; then the analogy accuracy of the result on questions-words (gensim's copy, the
# 30,000 most frequent words), printed beside copied figures of the Stanford C programs on the same corpus
# (labelled as copied; they are in Benchmarks/glove-bench/main.swift with where and how they were measured).
#
#   scripts/bench-glove.sh CORPUS.txt.gz [extra glove-bench options, e.g. --threads 1 --epochs 5]
#
# CORPUS: the 10-million-token English corpus (one paragraph a line, lowercased tokens separated by spaces).
# Needs python3 with gensim (for its copy
# of questions-words.txt; installed with pip when missing). Builds in .build-glove (its own scratch folder).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: scripts/bench-glove.sh CORPUS.txt.gz [glove-bench options]" >&2; exit 64; }
corpus=$1
shift
[ -f "$corpus" ] || { echo "bench-glove.sh: $corpus is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -c 'import gensim' 2>/dev/null || python3 -m pip install --quiet gensim
questions="$(python3 -c 'import gensim,os;print(os.path.dirname(gensim.__file__))')/test/test_data/questions-words.txt"
[ -f "$questions" ] || { echo "bench-glove.sh: $questions is missing" >&2; exit 1; }

echo "== building glove-bench (release)" >&2
swift build -c release --scratch-path .build-glove --product glove-bench >&2
bench=$(swift build -c release --scratch-path .build-glove --show-bin-path)/glove-bench

case "$corpus" in
  *.gz) echo "== unpacking $corpus" >&2; gunzip -c "$corpus" > "$work/corpus.txt"; text="$work/corpus.txt" ;;
  *) text="$corpus" ;;
esac
"$bench" "$text" "$questions" --threads 2 --epochs 15 --restrict 30000 "$@"
