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
# The servers and commands the tests start as Python processes load the project's modules from
# __pycache__ (git-ignored) instead of compiling them again each time, where the machine sets
# PYTHONDONTWRITEBYTECODE: 0,1-0,2 s of a core per process.
unset PYTHONDONTWRITEBYTECODE
# One worker process per core, each running whole files (--dist loadfile): a file's module fixtures (servers,
# rendered decks) are built once, and the few files whose tests depend on their order keep it. Files are handed
# out in collection order (--no-loadscope-reorder), not most-tests-first: the costly browser and database files
# come early in the tree, so the run does not end on one long file while the other core idles. Arguments come
# after, so `-n 0` runs everything in one process for debugging. The 15 slowest tests are printed at the end, so CI
# shows where the suite spends its time.
exec .venv/bin/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --durations=15 "$@"
