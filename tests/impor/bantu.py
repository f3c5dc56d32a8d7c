"""Helpers shared by the import tests: constants and content fingerprints of a database file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from dasbor.db.connection import Database

SANDI = "sandi-uji-yang-panjang"
TAHUN = 2021
WILAYAH = "63.72"  # Kota Banjarbaru 2021: the smallest wilayah-year of the demo (13 innovations)


def isi_db(path: Path) -> str:
    """SHA-256 over every row of every table (sorted), so any change anywhere in the database is seen."""
    db = Database(path, read_only=True)
    try:
        cur = db.cursor()
        tabel = [r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        h = hashlib.sha256()
        for t in tabel:
            h.update(t.encode())
            h.update(repr(cur.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()).encode())
        cur.close()
        return h.hexdigest()
    finally:
        db.close()


def isi_data(path: Path) -> dict[str, list]:
    """The rows of the tables an import replaces; id_sumber_data aside, because an import rightly changes the
    provenance of what it writes."""
    db = Database(path, read_only=True)
    try:
        cur = db.cursor()
        hasil = {
            t: cur.execute(f"SELECT * EXCLUDE (id_sumber_data) FROM {t} ORDER BY ALL").fetchall()
            for t in ("inovasi", "jawaban_spd")
        }
        hasil["jawaban_sid"] = cur.execute("SELECT * FROM jawaban_sid ORDER BY ALL").fetchall()
        hasil["periode"] = cur.execute("SELECT * FROM periode ORDER BY ALL").fetchall()
        cur.close()
        return hasil
    finally:
        db.close()


def buku_ekspor(demo_db: Path, folder: Path) -> bytes:
    """The export of Kota Banjarbaru 2021, read from a copy: the session demo file may be held by the e2e server."""
    salinan = folder / "sumber-ekspor.duckdb"
    shutil.copy(demo_db, salinan)
    from dasbor.services import impor

    db = Database(salinan)
    try:
        return impor.ekspor(db, TAHUN, [WILAYAH])
    finally:
        db.close()
