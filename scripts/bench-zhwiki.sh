#!/usr/bin/env bash
# The bundled Chinese model's timings (release build; not part of the tests): opening vectors/zh-wiki.embv
# (int8 rows read in place) and nearest neighbours over its 125,145 rows, beside NearestScan's float16
# scan over 400,000 × 50 random unit rows in the same run (per-row speeds compared).
#   scripts/bench-zhwiki.sh [--json]   --json: the last line is one JSON object (zh_wiki_load_ms,
#                                      nearest_zh_wiki_ms, …); scripts/bench.sh runs it as a part and merges it
# Builds in .build-bench (the benchmarks' scratch folder).
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
[ "${1:-}" = "--json" ] && args=(--json)
swift build -c release --scratch-path .build-bench --product embedlab-bench >&2
bin=$(swift build -c release --scratch-path .build-bench --show-bin-path)
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine)" >&2
"$bin/embedlab-bench" zhwiki --model vectors/zh-wiki.embv "${args[@]}"
