#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests (playwright-core drives it; no
# browser is ever downloaded). Installs the `chromium` package as root on Debian when missing.
# Used by .ci/run; CHROMIUM_PATH points the tests at another Chromium.
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium from Debian's packages (for the browser tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x "$chromium" ]; then
  echo "The browser tests need Chromium at $chromium: apt-get install chromium (Debian), or set CHROMIUM_PATH." >&2
  exit 1
fi
