#!/usr/bin/env bash
# The GloVe benchmark (release build; not part of the tests): the whole pipeline on a corpus with the Stanford
# reference demo's settings (min count 5, window 15, 50 dims, x_max 10, 15 epochs, 2 threads), timed stage by
# stage (vocabulary + co-occurrence, shuffle, seconds per epoch in wall-clock and CPU time, records per second),
# the cost after each epoch, and the analogy accuracy of the result on questions-words (gensim's copy, the 30,000
# most frequent words); then, in the same run, the same for the peer: glove-python from PyPI
# (`bicleaner-ai-glove`, wheels for Python 3.11; scripts/bench_glove_peer.py says how it differs).
#
#   scripts/bench-glove.sh [--json] CORPUS.txt.gz [glove-bench options, e.g. --threads 1 --epochs 5] [--peer-epochs N]
#
# --peer-epochs N: the peer trains N epochs instead of all of ours (its epochs are ~30× slower; per-epoch speeds are
# medians either way, and both cost curves are compared after its last epoch: glove_cost_at_peer_last_epoch).
#
# CORPUS: one paragraph a line, lowercased tokens separated by spaces (.gz or plain). With --json the last line
# is one JSON object: glove_* (EmbedLab), peer_glove_* (glove-python), glove_records_per_s_ratio (ours / peer's
# records a second), glove_cpu_ratio (the same in CPU time of all threads), glove_epoch_ratio (peer's seconds
# per epoch / ours, which also counts that ours trains twice the records per epoch), load_glove.
# Needs python3 with gensim (questions-words.txt) and bicleaner-ai-glove (both installed with pip when missing).
# Builds in .build-bench (the benchmarks' scratch folder).
set -euo pipefail
cd "$(dirname "$0")/.."
json=0
corpus=""
peer_epochs=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    --peer-epochs) [ $# -ge 2 ] || { echo "bench-glove.sh: $1 needs a number" >&2; exit 64; }; peer_epochs=$2; shift ;;
    --threads|--epochs|--restrict) [ $# -ge 2 ] || { echo "bench-glove.sh: $1 needs a number" >&2; exit 64; }; extra+=("$1" "$2"); shift ;;
    -*) echo "bench-glove.sh: unknown option '$1'" >&2; exit 64 ;;
    *) [ -z "$corpus" ] || { echo "bench-glove.sh: one corpus only ('$corpus', then '$1')" >&2; exit 64; }; corpus=$1 ;;
  esac
  shift
done
[ -n "$corpus" ] || { echo "usage: scripts/bench-glove.sh [--json] CORPUS.txt.gz [--threads N] [--epochs N] [--restrict N] [--peer-epochs N]" >&2; exit 64; }
[ -f "$corpus" ] || { echo "bench-glove.sh: $corpus is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -c 'import gensim' 2>/dev/null || python3 -m pip install --quiet gensim >&2
python3 -c 'import glove.glove_cython' 2>/dev/null || python3 -m pip install --quiet "bicleaner-ai-glove==0.2.1" >&2
questions="$(python3 -c 'import gensim,os;print(os.path.dirname(gensim.__file__))')/test/test_data/questions-words.txt"
[ -f "$questions" ] || { echo "bench-glove.sh: $questions is missing" >&2; exit 1; }

echo "== building glove-bench (release)" >&2
swift build -c release --scratch-path .build-bench --product glove-bench >&2
bench=$(swift build -c release --scratch-path .build-bench --show-bin-path)/glove-bench

case "$corpus" in
  *.gz) echo "== unpacking $corpus" >&2; gunzip -c "$corpus" > "$work/corpus.txt"; text="$work/corpus.txt" ;;
  *) text="$corpus" ;;
esac
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== EmbedLab (load $load)" >&2
"$bench" "$text" "$questions" --threads 2 --epochs 15 --restrict 30000 "${extra[@]}" --json | tee "$work/ours.out" | sed '$d'
tail -n 1 "$work/ours.out" > "$work/ours.json"
threads=2 epochs=15 restrict=30000
set -- "${extra[@]}"
while [ $# -gt 0 ]; do case "$1" in --threads) threads=$2 ;; --epochs) epochs=$2 ;; --restrict) restrict=$2 ;; esac; shift 2; done
echo "== glove-python (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
python3 scripts/bench_glove_peer.py "$text" "$questions" --threads "$threads" --epochs "${peer_epochs:-$epochs}" --restrict "$restrict" > "$work/peer.json"
python3 - "$work/ours.json" "$work/peer.json" "$load" "$json" <<'PY'
import json, sys
ours, peer = json.load(open(sys.argv[1])), json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
merged = {**ours, **peer, "load_glove": sys.argv[3]}
merged["glove_records_per_s_ratio"] = round(ours["glove_records_per_s"] / peer["peer_glove_records_per_s"], 2)
merged["glove_cpu_ratio"] = round((ours["glove_records"] / ours["glove_epoch_cpu_s"]) / (peer["peer_glove_records"] / peer["peer_glove_epoch_cpu_s"]), 2)
merged["glove_epoch_ratio"] = round(peer["peer_glove_epoch_s"] / ours["glove_epoch_s"], 2)
# The same point of both cost curves: after the peer's last epoch (all of ours, or its first few when the peer ran fewer).
shared = min(len(peer["peer_glove_costs"]), len(ours["glove_costs"]))
merged["glove_cost_at_peer_last_epoch"] = ours["glove_costs"][shared - 1]
rows = [
    ("records per epoch", f'{ours["glove_records"]:,}', f'{peer["peer_glove_records"]:,} (one direction)', ""),
    ("seconds per epoch (median)", f'{ours["glove_epoch_s"]:.2f}', f'{peer["peer_glove_epoch_s"]:.2f}', f'{merged["glove_epoch_ratio"]}×'),
    ("records per second", f'{ours["glove_records_per_s"]:,}', f'{peer["peer_glove_records_per_s"]:,}', f'{merged["glove_records_per_s_ratio"]}×'),
    ("records per CPU second", f'{ours["glove_records"] / ours["glove_epoch_cpu_s"]:,.0f}', f'{peer["peer_glove_records"] / peer["peer_glove_epoch_cpu_s"]:,.0f}', f'{merged["glove_cpu_ratio"]}×'),
    (f"cost after epoch 1 / {shared}", f'{ours["glove_costs"][0]:.4f} / {ours["glove_costs"][shared - 1]:.4f}', f'{peer["peer_glove_costs"][0]:.4f} / {peer["peer_glove_costs"][shared - 1]:.4f}', ""),
    (f"cost after epoch {len(ours['glove_costs'])} (ours)", f'{ours["glove_costs"][-1]:.4f}', "", ""),
    ("questions-words correct", "%d/%d" % tuple(ours["glove_accuracy"]), "%d/%d" % tuple(peer["peer_glove_accuracy"]), ""),
]
print(f"\nGloVe, same run (load at the start {sys.argv[3]}): EmbedLab vs {peer['peer_glove']}; ratio above 1: EmbedLab is faster")
for r in rows: print(f"{r[0]:<28} {r[1]:>22} {r[2]:>30} {r[3]:>8}")
if sys.argv[4] == "1": print(json.dumps(merged, sort_keys=True))
PY
