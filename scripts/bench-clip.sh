#!/usr/bin/env bash
# CLIP's benchmark (issue 23), one part of scripts/bench.sh: our trainer's time per epoch beside a PyTorch
# reference of the same model, data, batch size, learning rate and threads (scripts/bench_clip.py, on CPU), in
# the same run; then a full training from scratch with its held-out figures.
#
#   scripts/bench-clip.sh [--json]      BENCH_CLIP_THREADS=2 BENCH_CLIP_EPOCHS=5 by default
#
# Keys (the last line with --json): clip_epoch_s, reference_clip_epoch_s (medians of BENCH_CLIP_EPOCHS epochs
# on the same 6,000 pictures), clip_epoch_ratio (ours / reference: at most 1 is the goal), clip_train_s (from
# scratch to the figures, drawing included), clip_heldout_accuracy (mean of colour, shape, position, zero-shot on
# pictures of held-out colour-shape pairs), clip_heldout_colour/_shape/_position, clip_recall_at_1, load_average.
# PyTorch runs with OMP_WAIT_POLICY=PASSIVE: on a shared, loaded machine its OpenMP threads otherwise spin while
# waiting (16.9 s an epoch under load 13, 2.7 s passive under load 7-10, same run length).
# Needs swift, python3 with pip; PyTorch is installed from PyPI when missing (large: once).
set -euo pipefail
cd "$(dirname "$0")/.."
json=0
[ "${1:-}" = --json ] && json=1
threads=${BENCH_CLIP_THREADS:-2}
epochs=${BENCH_CLIP_EPOCHS:-5}
say() { echo "== $*" >&2; }
python3 -c 'import torch, numpy' 2>/dev/null || { say "installing torch and numpy from PyPI (once)"; python3 -m pip install --quiet torch numpy >&2; }
say "building clip-bench (release)"
swift build -c release --scratch-path .build-bench --product clip-bench >&2
bin=.build-bench/release/clip-bench
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1 /proc/loadavg)
say "ours: $epochs epochs, $threads threads"
"$bin" epoch "$work/clip.data" epochs="$epochs" threads="$threads" | tee "$work/ours.txt" >&2
say "PyTorch $(python3 -c 'import torch; print(torch.__version__)'): the same data"
OMP_WAIT_POLICY=PASSIVE python3 scripts/bench_clip.py "$work/clip.data" --epochs "$epochs" --threads "$threads" | tee "$work/ref.txt" >&2
say "from scratch to the figures: clip-bench train threads=$threads"
"$bin" train threads="$threads" | tee "$work/train.txt" >&2
load_after=$(cut -d' ' -f1 /proc/loadavg)
python3 - "$work" "$load_before" "$load_after" "$json" <<'PY'
import json, re, sys
work, before, after, as_json = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
def key(path, name):
    for line in open(f"{work}/{path}"):
        if line.startswith(name + " "):
            return line.split()[1:]
    raise SystemExit(f"bench-clip: {name} missing from {path}")
ours = float(key("ours.txt", "clip_epoch_s")[0]); ref = float(key("ref.txt", "reference_clip_epoch_s")[0])
held = key("train.txt", "heldout")
out = {"clip_epoch_s": ours, "reference_clip_epoch_s": ref, "clip_epoch_ratio": round(ours / ref, 3),
       "clip_train_s": float(key("train.txt", "clip_train_s")[0]),
       "clip_heldout_accuracy": float(key("train.txt", "clip_heldout_accuracy")[0]),
       "clip_heldout_colour": float(held[1]), "clip_heldout_shape": float(held[3]), "clip_heldout_position": float(held[7]),
       "clip_recall_at_1": float(key("train.txt", "recall_at_1")[0]), "clip_load_average": f"{before} -> {after}"}
print(f"CLIP epoch: ours {ours:.3f} s, PyTorch {ref:.3f} s ({ours / ref:.2f}x); from scratch {out['clip_train_s']:.1f} s; "
      f"held-out colour {out['clip_heldout_colour']:.2f} shape {out['clip_heldout_shape']:.2f} position {out['clip_heldout_position']:.2f}; "
      f"recall@1 {out['clip_recall_at_1']:.2f}; load {before} -> {after}")
if as_json:
    print(json.dumps(out, sort_keys=True))
PY
