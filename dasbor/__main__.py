"""Command line of the dashboard: `python -m dasbor SUB-PERINTAH` (see `python -m dasbor --help`)."""

from __future__ import annotations

import argparse
import sys

from dasbor.cli import (
    akun,
    bimtek,
    cadangan,
    demo,
    hasil,
    impor,
    inovasi,
    kelengkapan,
    lintas_tahun,
    saran_kirim,
    spd,
    status,
)
from dasbor.db.connection import DatabaseSibukError
from dasbor.db.terbitan import BasisDataTidakAdaError, BelumDiterbitkanError
from dasbor.lingkup import lingkup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dasbor", description=lingkup().judul_aplikasi)
    sub = parser.add_subparsers(dest="perintah", required=True)
    for modul in (
        demo,
        impor,
        akun,
        kelengkapan,
        bimtek,
        lintas_tahun,
        inovasi,
        hasil,
        saran_kirim,
        spd,
        status,
        cadangan,
    ):
        modul.daftarkan(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    # A write that committed but could not be published says so, not a traceback (exit 2: the machine needs care).
    except (DatabaseSibukError, BasisDataTidakAdaError, BelumDiterbitkanError) as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
