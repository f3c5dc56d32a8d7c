"""Helpers shared by the import tests: constants and content fingerprints of a database file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dasbor.db.connection import Database

SANDI = "sandi-uji-yang-panjang"
TAHUN = 2021
WILAYAH = "63.72"  # Kota Banjarbaru 2021: the smallest wilayah-year of the demo (13 innovations)


def isi_db(path: Path) -> str:
    """SHA-256 over every row of every table (sorted), so any change anywhere in the database is seen."""
    db = Database(path)
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
    db = Database(path)
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
