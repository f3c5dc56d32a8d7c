"""Helpers shared by the import tests: constants, content fingerprints of a database file, and the command line
run in the test's own process."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from dasbor.__main__ import main
from dasbor.db.connection import Database
from dasbor.services import akun as layanan_akun
from penguji.perintah import di_sini
from tests.conftest import bersihkan_cache

SANDI = "sandi-uji-yang-panjang"


def templat_akun(folder: Path, *akun: tuple) -> Path:
    """An accounts file in `folder` holding `akun`, each (nama, sandi, peran[, tambah_akun options as a dict]),
    hashed once at bcrypt's real cost (~0,3 s a hash). Tests take their own copy of it (salin_akun)."""
    path = folder / "akun.yaml"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_AKUN", str(path))
        for nama, sandi, peran, *opsi in akun:
            layanan_akun.tambah_akun(nama, sandi, peran, **(opsi[0] if opsi else {}))
    return path


def salin_akun(templat: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own copy of an accounts template, named by DASBOR_AKUN, so sign-ins and changes stay with it
    (copy2 keeps the file's 0600 mode)."""
    path = folder / "akun.yaml"
    shutil.copy2(templat, path)
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    return path


TAHUN = 2021
WILAYAH = "63.72"  # Kota Banjarbaru 2021: the smallest wilayah-year of the demo (13 innovations)


@contextmanager
def _kursor(sumber: Path | Database) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the database: through the caller's own handle when it holds one, since DuckDB refuses a second
    handle on the same file with another configuration in one process; else a read-only handle of its own."""
    db = sumber if isinstance(sumber, Database) else Database(sumber, read_only=True)
    cur = db.cursor()
    try:
        yield cur
    finally:
        cur.close()
        if db is not sumber:
            db.close()


def isi_db(sumber: Path | Database) -> str:
    """SHA-256 over every row of every table (sorted), so any change anywhere in the database is seen."""
    with _kursor(sumber) as cur:
        tabel = [r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        h = hashlib.sha256()
        for t in tabel:
            h.update(t.encode())
            h.update(repr(cur.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()).encode())
        return h.hexdigest()


def isi_data(sumber: Path | Database) -> dict[str, list]:
    """The rows of the tables an import replaces; id_sumber_data aside, because an import rightly changes the
    provenance of what it writes (id_sumber_data, and sumber: demo rows come back from a template)."""
    with _kursor(sumber) as cur:
        hasil = {
            t: cur.execute(f"SELECT * EXCLUDE ({kolom}) FROM {t} ORDER BY ALL").fetchall()
            for t, kolom in (("inovasi", "id_sumber_data, sumber"), ("jawaban_spd", "id_sumber_data"))
        }
        hasil["jawaban_sid"] = cur.execute("SELECT * FROM jawaban_sid ORDER BY ALL").fetchall()
        hasil["periode"] = cur.execute("SELECT * FROM periode ORDER BY ALL").fetchall()
        return hasil


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


# What a run of the command line gives back, in process or not.
Keluaran = subprocess.CompletedProcess


def dasbor(db: Path, *argv: str, masukan: str = "", env: dict[str, str] | None = None) -> Keluaran:
    """`python -m dasbor ARGV` with $DASBOR_DB=db, run through the same main() in this process (penguji.perintah):
    these tests are about the command's exit code, messages and writes, not about the process boundary (tests that
    are keep real subprocesses). The published copies and caches this process opened are closed before and after,
    as a fresh process would start and end without them."""
    bersihkan_cache()
    try:
        return di_sini(main, argv, {"DASBOR_DB": str(db), **(env or {})}, masukan)
    finally:
        bersihkan_cache()
