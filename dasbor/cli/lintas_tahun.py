"""`python -m dasbor lintas-tahun`: last year's innovations not yet entered again, or entered again unchanged."""

from __future__ import annotations

import argparse
import sys

from dasbor.cli.bacaan import buka_tahun, cetak_tabel, opsi_baca, tahun_ada, wilayah_dikenal

KOLOM = (
    "kode_wilayah",
    "id_inovasi",
    "nama_inovasi",
    "perangkat_daerah",
    "jenis",
    "tahun_sebelumnya",
    "nilai_perbaikan",
)


def cmd_lintas_tahun(args: argparse.Namespace) -> int:
    """One row per flagged innovation, as CSV or JSON on standard output."""
    from dasbor.services.lintas_tahun import lintas_tahun_db

    db = buka_tahun(args.tahun)
    if db is None:
        return 2
    if not wilayah_dikenal(db, args.wilayah):
        return 2
    if args.tahun - 1 not in tahun_ada(db):
        print(f"Tahun {args.tahun - 1} tidak ada di basis data: tidak ada yang dapat dibandingkan.", file=sys.stderr)
    hasil = lintas_tahun_db(db, args.tahun)
    if args.wilayah:
        hasil = hasil[hasil["kode_wilayah"].isin(args.wilayah)]
    hasil = hasil.rename(columns={"nama_perangkat_daerah": "perangkat_daerah"})[list(KOLOM)]
    hasil = hasil.assign(nilai_perbaikan=hasil["nilai_perbaikan"].round(6))
    cetak_tabel(hasil, args.format)
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    perintah = sub.add_parser(
        "lintas-tahun",
        help="inovasi tahun lalu yang belum diinput ulang atau diinput ulang tanpa pembaruan, dengan nilainya",
    )
    opsi_baca(perintah)
    perintah.set_defaults(func=cmd_lintas_tahun)
