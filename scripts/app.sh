#!/usr/bin/env bash
# Install what the app needs and start it on the bundled demo data (built on first start if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
exec .venv/bin/python -m dasbor.serve "$@"
