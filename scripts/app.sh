#!/usr/bin/env bash
# Install what the app needs and start it on the bundled demo data (built on first start if absent).
# Usage: scripts/app.sh [--proses N] [--tls-cert FILE.pem] [--hanya-baca] [Streamlit options]; N workers behind
# HAProxy (default: the cores when > 1); with a certificate (or $DASBOR_TLS_CERT) HAProxy serves only HTTPS.
# `scripts/app.sh --depan HOST:PORT,HOST:PORT` starts only the HAProxy in front of worker groups on other machines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
# Without HAProxy (and without root to install it) only `--proses 1` can start; dasbor.serve says so.
scripts/haproxy.sh || true
# The demo database is built here, explicitly, on first start; the server never fills a missing file itself.
# A read-only worker group reads what the writer machine publishes and a front holds no data: neither builds one.
bangun=1
if [ "${DASBOR_HANYA_BACA:-0}" = 1 ]; then bangun=0; fi
for arg in "$@"; do
    case "$arg" in --hanya-baca | --depan | --depan=*) bangun=0 ;; esac
done
if [ "$bangun" = 1 ] && [ ! -e "${DASBOR_DB:-data/iid.duckdb}" ]; then
    .venv/bin/python -m dasbor demo
fi
exec .venv/bin/python -m dasbor.serve "$@"
