"""`python -m dasbor inovasi`: every innovation reported for a year, read back from the database (issue 18 §6)."""

from __future__ import annotations

import argparse

import pandas as pd

from dasbor.cli.bacaan import buka_tahun, cetak_tabel, opsi_baca, wilayah_dikenal

KOLOM = (
    "kode_wilayah",
    "id_inovasi",
    "nama_inovasi",
    "perangkat_daerah",
    "jenis",
    "bentuk",
    "tahapan",
    "kematangan",
    "tanggal_penerapan",
    "tanggal_pengembangan",
    "lintang",
    "bujur",
    "memenuhi_usia",
    "alasan_usia",
    "status_inovasi",
    "kembar_dengan",
    "sumber",
)


def _iso(tanggal: pd.Series) -> pd.Series:
    return pd.to_datetime(tanggal).dt.strftime("%Y-%m-%d").astype(object).where(tanggal.notna(), "")


def tabel_inovasi(inovasi: pd.DataFrame) -> pd.DataFrame:
    """services.kiriman.daftar_inovasi in the command's columns: ISO dates, decimal coordinates, ya/tidak, and
    empty for what is missing. alasan_usia says when an innovation ages out next year unless developed."""
    return pd.DataFrame(
        {
            "kode_wilayah": inovasi["kode_wilayah"],
            "id_inovasi": inovasi["id_inovasi"],
            "nama_inovasi": inovasi["nama_inovasi"],
            "perangkat_daerah": inovasi["nama_perangkat_daerah"].fillna(""),
            "jenis": inovasi["jenis"].fillna(""),
            "bentuk": inovasi["bentuk"].fillna(""),
            "tahapan": inovasi["tahapan"].fillna(""),
            "kematangan": inovasi["kematangan"].round(6),
            "tanggal_penerapan": _iso(inovasi["tanggal_penerapan"]),
            "tanggal_pengembangan": _iso(inovasi["tanggal_pengembangan"]),
            "lintang": inovasi["lintang"],
            "bujur": inovasi["bujur"],
            "memenuhi_usia": inovasi["memenuhi_usia"].map({True: "ya", False: "tidak"}),
            "alasan_usia": inovasi["alasan_usia"],
            "status_inovasi": inovasi["status_inovasi"],
            "kembar_dengan": inovasi["kembar_dengan"].fillna(""),
            "sumber": inovasi["sumber"],
        },
        columns=list(KOLOM),
    )


def cmd_inovasi(args: argparse.Namespace) -> int:
    from dasbor.services.kiriman import daftar_inovasi

    db = buka_tahun(args.tahun)
    if db is None or not wilayah_dikenal(db, args.wilayah):
        return 2
    inovasi = daftar_inovasi(db, args.tahun)
    if args.wilayah:
        inovasi = inovasi[inovasi["kode_wilayah"].isin(args.wilayah)]
    cetak_tabel(tabel_inovasi(inovasi), args.format)
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    perintah = sub.add_parser("inovasi", help="semua inovasi yang dilaporkan pada satu tahun, dengan aturan usianya")
    opsi_baca(perintah)
    perintah.set_defaults(func=cmd_inovasi)
