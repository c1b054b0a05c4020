#!/usr/bin/env bash
# Runs the whole test suite. Installs the Debian packages the build needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift test "$@"
# Each libFuzzer target for a short, bounded time (scripts/fuzz.sh --seconds 600 for a long run).
scripts/fuzz.sh --seconds "${EMBEDLAB_FUZZ_SECONDS:-15}"
