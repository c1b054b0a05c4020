#!/usr/bin/env bash
# Installs the Debian packages EmbedLab builds against, when missing (needs root or sudo).
set -euo pipefail
needed=()
for pkg in libedit-dev pkg-config tmux; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
# The page tests (Tests/RenderingTests/BrowserTests.swift) open EmbedLab's HTML in headless Chromium
# and measure its screenshots with ImageMagick.
for pkg in chromium-headless-shell imagemagick; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
# The Python bridge test (Tests/REPLTests/PythonBridgeTests.swift) runs exported notebooks with gensim (PyPI).
if ! python3 -c "import gensim" 2>/dev/null; then
  echo "installing gensim (pip)" >&2
  python3 -m pip install --quiet gensim 2>/dev/null || python3 -m pip install --quiet --break-system-packages gensim
fi
[ ${#needed[@]} -eq 0 ] && exit 0
echo "installing ${needed[*]} (Debian packages)" >&2
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
