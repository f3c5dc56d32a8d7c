#!/usr/bin/env bash
# Debian's poppler-utils (pdftotext) and headless LibreOffice Calc: the tests read the deck's PDF text and print a
# worklist workbook to PDF as a person's LibreOffice would.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "pdftotext/LibreOffice belum terpasang; jalankan sebagai root: apt-get install -y poppler-utils libreoffice-calc-nogui" >&2
  exit 2
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils libreoffice-calc-nogui >/dev/null
