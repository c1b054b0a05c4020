#!/bin/sh
# Builds vectors/pictures.clip, the bundled picture model of `picture`, `search pictures`,
# `classify picture` and lesson 11: CLIP trained from scratch on EmbedLab's own picture world
# (Sources/CLIP), with its default settings: 6,000 pictures, 30 epochs, batch 128, 64 dimensions,
# seed 1. One thread, so that the file is the same bit for bit on every run of this script.
# Nothing is downloaded: the pictures and captions are drawn by the program itself.
#
#   scripts/build-pictures-model.sh            # writes vectors/pictures.clip (about 4 MB, a few minutes)
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product clip-bench >/dev/null
.build/release/clip-bench train threads=1 save=vectors/pictures.clip
