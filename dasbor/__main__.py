"""Command line of the dashboard: `python -m dasbor SUB-PERINTAH` (see `python -m dasbor --help`)."""

from __future__ import annotations

import argparse
import sys

from dasbor.cli import akun, bimtek, demo, impor, kelengkapan, lintas_tahun, status
from dasbor.db.connection import DatabaseTerkunciError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dasbor", description="Dasbor IID Kalsel")
    sub = parser.add_subparsers(dest="perintah", required=True)
    for modul in (demo, impor, akun, kelengkapan, bimtek, lintas_tahun, status):
        modul.daftarkan(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DatabaseTerkunciError as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
