"""Issue 24 M2 and M1: no connection we open can read a file through a query, nor switch that back on; the files
that hold the data (writer database, published copies, backups, the states a restore replaced) are owner-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb
import pytest

from dasbor.db import cadangan, terbitan
from dasbor.db.connection import Database, buka


@pytest.fixture
def rahasia(tmp_path: Path) -> Path:
    path = tmp_path / "akun.yaml"
    path.write_text("admin:\n  sandi: rahasia\n", encoding="utf-8")
    return path


def _tidak_bisa_membaca_berkas(cur: duckdb.DuckDBPyConnection, rahasia: Path) -> None:
    for kueri in (
        "SELECT * FROM read_text($p)",
        "SELECT * FROM read_blob($p)",
        "SELECT * FROM read_csv($p)",
        "SELECT * FROM glob($p)",
    ):
        with pytest.raises(duckdb.PermissionException):
            cur.execute(kueri, {"p": str(rahasia)}).fetchall()
    with pytest.raises(duckdb.PermissionException):
        cur.execute(f"ATTACH '{rahasia.with_suffix('.duckdb')}' AS lain")
    with pytest.raises(duckdb.PermissionException):
        cur.execute(f"COPY (SELECT 1) TO '{rahasia.with_suffix('.csv')}'")
    for setelan in (
        "SET enable_external_access = true",
        "RESET enable_external_access",
        "SET lock_configuration = false",
    ):
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            cur.execute(setelan)
    with pytest.raises(duckdb.PermissionException):
        cur.execute("SELECT * FROM read_text($p)", {"p": str(rahasia)}).fetchall()


def test_no_connection_kind_can_read_a_file(salinan_db: Path, rahasia: Path) -> None:
    # The writer: import, undo, demo build, migration.
    with terbitan.penulis(salinan_db) as db, db.cursor() as cur:
        _tidak_bisa_membaca_berkas(cur, rahasia)
    t = terbitan.kini(salinan_db)  # the reader every server page uses
    try:
        with t.db.cursor() as cur:
            _tidak_bisa_membaca_berkas(cur, rahasia)
        salinan = t.path
    finally:
        terbitan.tutup_semua()
    baca = Database(salinan, read_only=True)  # read-only commands open a copy the same way
    try:
        with baca.cursor() as cur:
            _tidak_bisa_membaca_berkas(cur, rahasia)
    finally:
        baca.close()
    con = buka(salinan, read_only=True)  # the restore's check of a backup's database
    try:
        _tidak_bisa_membaca_berkas(con.cursor(), rahasia)
    finally:
        con.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_database_its_copies_backups_and_replaced_states_are_owner_only(salinan_db: Path, tmp_path: Path) -> None:
    os.chmod(salinan_db, 0o644)  # as an older version (or a copy with the default umask) left it
    berkas = tmp_path / "cadangan" / "iid.zip"
    cadangan.tulis_cadangan(salinan_db, berkas)
    assert _mode(salinan_db) == 0o600, "the writer database"
    lt = terbitan.letak(salinan_db)
    salinan = list(lt.folder.glob("*.duckdb"))
    assert salinan and all(_mode(p) == 0o600 for p in salinan), "published copies"
    assert _mode(berkas) == 0o600, "the backup"
    _, sebelum = cadangan.pulihkan(salinan_db, berkas)
    assert sebelum is not None and _mode(sebelum) == 0o600 and _mode(sebelum.parent) == 0o700, "pulihan/"
    assert _mode(salinan_db) == 0o600, "the restored database"
    baru = [p for p in lt.folder.glob("*.duckdb") if p not in salinan]
    assert baru and all(_mode(p) == 0o600 for p in baru)
    terbitan.tutup_semua()
