#!/usr/bin/env bash
# The first search of a session on a transformer encoder (release build; not part of the tests): a fresh
# session, `:use e5-small`, then `search faq-en "…"`, timed in-process (Benchmarks/search-bench), with the
# collection's sentence vectors computed (no cache yet) and read back from the cache a new session finds.
# No peer: the goal is absolute (issue 24: ≤ 50 ms), and the uncached time is the same code without the cache.
#
#   scripts/bench-search.sh [--json] [--repeats 15] [--encoder e5-small] [--collection faq-en]
#
# With --json the last line is one JSON object: search_first_ms (cached, median), search_first_ms_runs,
# search_first_uncached_ms, search_first_uncached_ms_runs, search_query_ms, search_encoder, search_collection.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --json) args+=(--json) ;;
    --repeats|--encoder|--collection) [ $# -ge 2 ] || { echo "bench-search.sh: $1 needs a value" >&2; exit 64; }; args+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "usage: scripts/bench-search.sh [--json] [--repeats N] [--encoder NAME] [--collection NAME]" >&2; exit 64 ;;
  esac
  shift
done
echo "== building search-bench (release)" >&2
swift build -c release --scratch-path .build-bench --product search-bench >&2
bench=$(swift build -c release --scratch-path .build-bench --show-bin-path)/search-bench
"$bench" vectors "${args[@]}"
