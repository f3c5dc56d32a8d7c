"""What the read-only commands share: the published snapshot, opened read-only so that they run while dashboard
servers read the same snapshot, and an assessment year that must exist in it."""

from __future__ import annotations

import sys

from dasbor.db import terbitan
from dasbor.db.connection import Database, db_path


def tahun_ada(db: Database) -> list[int]:
    return db.query("periode")["tahun"].astype(int).tolist()


def buka_tahun(tahun: int) -> Database | None:
    """The published snapshot, or None after saying why not (no database yet, or the year is not in it)."""
    path = db_path()
    if not path.exists():
        print(f"Basis data {path} tidak ditemukan; bangun data demo dengan `python -m dasbor demo`.", file=sys.stderr)
        return None
    db = terbitan.kini(path).db
    if tahun not in (ada := tahun_ada(db)):
        print(f"Tahun {tahun} tidak ada di basis data; tersedia: {', '.join(map(str, ada))}.", file=sys.stderr)
        return None
    return db
