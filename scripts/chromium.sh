#!/usr/bin/env bash
# Debian's Chromium for browser tests and image export (Playwright's own browser download cannot work offline).
# The emoji font lets screenshots show the page icons (headless Debian Chromium has none otherwise).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium belum terpasang; jalankan sebagai root: apt-get install -y chromium" >&2
  exit 2
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
