"""A database's catalog as comparable data, and the catalog a fresh migration creates (issue 24 M2): a restored
backup must hold exactly the objects our migrations make (tables, views, columns with their types, constraints,
sequences, indexes, macros, types, schemas) and nothing else, because a view or macro hidden in a backup runs
inside every server that later reads the published copy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

import duckdb

from dasbor.db.connection import AMAN, sql
from dasbor.db.migrate import migrate

Katalog = Counter  # of (jenis, nama, rincian); a Counter because one table may list equal constraints twice

# The order objects are named in a refusal: what can run code first.
_URUTAN = ("view", "makro", "tipe", "skema", "tabel", "sequence", "indeks", "kolom", "batasan")


def katalog(cur: duckdb.DuckDBPyConnection) -> Katalog:
    """Every object of the open database (dasbor/db/queries/skema_katalog.sql). Reads the catalog only."""
    return Counter(tuple(r) for r in cur.execute(sql("skema_katalog")).fetchall())


@cache
def _acuan(migrasi: tuple[str, ...]) -> Katalog:
    con = duckdb.connect(":memory:", config=dict(AMAN))
    try:
        migrate(con, hanya=migrasi)
        return katalog(con.cursor())
    finally:
        con.close()


def acuan(migrasi: Sequence[str]) -> Katalog:
    """The catalog of an empty database given exactly these migrations (the ones a backup records)."""
    return Counter(_acuan(tuple(sorted(migrasi))))


def beda(calon: Katalog, baku: Katalog) -> list[str]:
    """What differs in `calon` from `baku`, one Indonesian phrase per object naming it, objects that can run code
    first; empty when they are the same."""
    lebih, kurang = calon - baku, baku - calon
    nama_lebih = {(j, n) for j, n, _ in lebih}
    nama_kurang = {(j, n) for j, n, _ in kurang}
    hasil = [
        (j, n, f"{j} {n} berbeda dari yang dibuat migrasi")
        if (j, n) in nama_kurang
        else (j, n, f"{j} {n} tidak dikenal (tidak dibuat migrasi mana pun)")
        for j, n in nama_lebih
    ]
    hasil += [(j, n, f"{j} {n} tidak ada") for j, n in nama_kurang - nama_lebih]
    hasil.sort(key=lambda x: (_URUTAN.index(x[0]) if x[0] in _URUTAN else len(_URUTAN), x[1]))
    return [teks for _, _, teks in hasil]
