#!/usr/bin/env bash
# Create .venv and install the pinned requirements; re-installs only when a requirements file changed.
# Usage: scripts/setup.sh [requirements-file]   (default requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
req="${1:-requirements.txt}"
if ! python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Python 3.11 atau lebih baru diperlukan (python3 --version: $(python3 --version))." >&2
  exit 2
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.terpasang-$(basename "$req")"
want=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r "$req"
  echo "$want" > "$stamp"
fi
