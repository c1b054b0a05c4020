#!/usr/bin/env bash
# Runs the whole test suite. Installs the Debian packages the build needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift test "$@"
