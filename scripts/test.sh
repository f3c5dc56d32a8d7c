#!/usr/bin/env bash
# Install everything the tests need (dev packages, Debian Chromium, HAProxy, pdftotext and LibreOffice), lint, then
# run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
scripts/chromium.sh
scripts/haproxy.sh
scripts/cetak.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
# The 15 slowest tests are printed at the end, so CI shows where the suite spends its time.
exec .venv/bin/python -m pytest --durations=15 "$@"
