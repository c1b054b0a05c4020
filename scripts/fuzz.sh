#!/usr/bin/env bash
# Builds EmbedLab's libFuzzer targets (Fuzz/) with AddressSanitizer and runs each for a while.
#
#   scripts/fuzz.sh [--seconds N] [TARGET ...]     (default: 60 seconds each, all targets)
#
# Targets: fuzz-models (every model reader), fuzz-documents (lessons and notebooks),
# fuzz-commands (the command language on the toy model), fuzz-notebooks (:save then check is an
# identity), fuzz-grader (lesson grade over answers folders with FIFOs, links, junk, odd names).
# Each starts from its seed corpus in Fuzz/corpus/ and first replays Fuzz/regressions/ (inputs that once crashed). Exits non-zero
# when any target crashes, leaks, runs out of memory or takes over 30 s on one input; the input
# is then in .build-fuzz/artifacts/TARGET/ (add it to Fuzz/regressions/ once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#--seconds=}"; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        fuzz-*) targets+=("$1"); shift ;;
        *) echo "fuzz.sh: unknown argument '$1' (try --seconds 60 fuzz-models)" >&2; exit 64 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-models fuzz-documents fuzz-commands fuzz-notebooks fuzz-grader)

corpus_of() {
    case "$1" in
        fuzz-models) echo models ;;
        fuzz-documents) echo documents ;;
        fuzz-commands) echo commands ;;
        fuzz-notebooks) echo notebooks ;;
        fuzz-grader) echo grader ;;
        *) echo "fuzz.sh: no target '$1'" >&2; exit 64 ;;
    esac
}

scratch=.build-fuzz
for target in "${targets[@]}"; do
    corpus_of "$target" >/dev/null
    echo "== building $target (fuzzer + address sanitizer)"
    # EMBEDLAB_FUZZ=1 makes Package.swift declare the fuzz targets; the manifest is not cached,
    # so ordinary builds never see them.
    # swiftc keeps only its LAST -sanitize= flag, and SwiftPM passes one per --sanitize: the
    # combined flag comes last, or Swift code would get either no coverage or no AddressSanitizer.
    EMBEDLAB_FUZZ=1 swift build --manifest-cache none --scratch-path "$scratch" \
        --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address \
        --product "$target" 2>&1 | grep -E "error|Build of|Compiling fuzz" || true
    # Coverage is what lets libFuzzer learn; a build without it would only replay random bytes.
    if ! nm "$scratch/debug/$target" 2>/dev/null | grep "__start___sancov_cntrs" >/dev/null; then   # not -q: nm must not die of SIGPIPE under pipefail
        echo "fuzz.sh: $target was built without coverage instrumentation" >&2; exit 1
    fi
    [ -x "$scratch/debug/$target" ] || { echo "fuzz.sh: $target did not build" >&2; exit 1; }
done

status=0
for target in "${targets[@]}"; do
    kind=$(corpus_of "$target")
    work="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    mkdir -p "$work" "$artifacts"
    # -timeout is wall-clock time: 30 s, so that a busy machine (builds beside the fuzzer) does
    # not pass for a hang; a real hang runs into it all the same.
    options=(-timeout=30 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 "-artifact_prefix=$artifacts/")
    # libFuzzer reports crashes itself; Swift's own backtracer would only slow it down.
    export SWIFT_BACKTRACE=enable=no
    if [ -d "Fuzz/regressions/$kind" ] && [ -n "$(ls -A "Fuzz/regressions/$kind" 2>/dev/null)" ]; then
        echo "== $target: replaying Fuzz/regressions/$kind"
        if ! "$scratch/debug/$target" "${options[@]}" Fuzz/regressions/$kind/* > "$artifacts/regressions.log" 2>&1; then
            echo "fuzz.sh: $target fails on a regression input; see $artifacts/regressions.log" >&2
            tail -40 "$artifacts/regressions.log" >&2
            status=1
            continue
        fi
    fi
    echo "== $target: fuzzing for $seconds s"
    if "$scratch/debug/$target" "${options[@]}" -max_total_time="$seconds" "$work" "Fuzz/corpus/$kind" > "$artifacts/fuzz.log" 2>&1; then
        grep -E "^Done|stat::number_of_executed_units" "$artifacts/fuzz.log" | tr '\n' ' '; echo
    else
        echo "fuzz.sh: $target found a problem; the input is in $artifacts/, the report in $artifacts/fuzz.log" >&2
        grep -E "ERROR|SUMMARY|#[0-9]+ 0x|Fatal error|artifact" "$artifacts/fuzz.log" | head -30 >&2
        status=1
    fi
done
exit $status
