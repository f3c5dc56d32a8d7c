"""What the read-only commands share: the published copy, opened read-only so that they run while dashboard
servers read the same copy, and an assessment year that must exist in it."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from dasbor.db import terbitan
from dasbor.db.connection import Database, db_path
from dasbor.ekspor.tabel import netralkan
from dasbor.lingkup import lingkup


def tahun_ada(db: Database) -> list[int]:
    return db.query("periode")["tahun"].astype(int).tolist()


def buka_tahun(tahun: int) -> Database | None:
    """The published copy, or None after saying why not (no database yet, or the year is not in it)."""
    path = db_path()
    if not path.exists():
        print(f"Basis data {path} tidak ditemukan; bangun data demo dengan `python -m dasbor demo`.", file=sys.stderr)
        return None
    db = terbitan.kini(path).db
    if tahun not in (ada := tahun_ada(db)):
        print(f"Tahun {tahun} tidak ada di basis data; tersedia: {', '.join(map(str, ada))}.", file=sys.stderr)
        return None
    return db


def wilayah_dikenal(db: Database, kode: list[str] | None) -> bool:
    """False after naming the unknown kode_wilayah and the known ones (the caller exits 2)."""
    wilayah = db.query("wilayah")["kode_wilayah"].tolist()
    asing = [k for k in kode or () if k not in wilayah]
    if asing:
        print(f"Kode wilayah tidak dikenal: {', '.join(asing)}; tersedia: {', '.join(wilayah)}.", file=sys.stderr)
    return not asing


def cetak_tabel(tabel: pd.DataFrame, format: str) -> None:
    """A table on standard output: JSON records, or CSV with commas and dot decimals whose text cells cannot be
    taken for a formula by a spreadsheet (dasbor.ekspor.tabel.netralkan)."""
    if format == "json":
        print(tabel.to_json(orient="records", force_ascii=False, indent=1))
        return
    teks = tabel.select_dtypes(include=["object", "string"]).columns
    sys.stdout.write(tabel.assign(**{k: tabel[k].map(netralkan) for k in teks}).to_csv(index=False))


def opsi_baca(perintah: argparse.ArgumentParser, wilayah: str | None = "banyak") -> None:
    """The options every read-back command shares: --tahun, --wilayah ('banyak': optional, several; 'satu':
    required, one; None: none) and --format csv|json."""
    perintah.add_argument("--tahun", type=int, required=True, help="tahun penilaian, mis. 2025")
    if wilayah == "banyak":
        perintah.add_argument(
            "--wilayah", nargs="+", metavar="KODE", help=f"hanya wilayah ini, mis. {' '.join(lingkup().pembanding)}"
        )
    elif wilayah == "satu":
        perintah.add_argument(
            "--wilayah", required=True, metavar="KODE", help=f"satu pemda, mis. {lingkup().pembanding[0]}"
        )
    perintah.add_argument("--format", choices=("csv", "json"), default="csv", help="format keluaran (bawaan: csv)")
