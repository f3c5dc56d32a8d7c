#!/usr/bin/env bash
# Debian's HAProxy, the reverse proxy in front of the Streamlit workers (`--proses N` with N > 1; config in deploy/).
set -euo pipefail
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "HAProxy belum terpasang; jalankan sebagai root: apt-get install -y haproxy (atau mulai dengan --proses 1)" >&2
  exit 2
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
