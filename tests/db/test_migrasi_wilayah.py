"""Migration 007 and the regions of a new database (issue 25 §2): a database made before the migration keeps its
regions and gains their province code, a backup taken before it still restores (migrated on the way in), and a new
database is given the regions of the deployment's scope from the national reference."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from dasbor.db import cadangan
from dasbor.db.connection import Database
from dasbor.db.migrate import migrate, migration_files
from tests.conftest import ROOT

KALSEL = ROOT / "data" / "referensi" / "wilayah-kalsel.csv"


def _baris_kalsel() -> list[tuple[str, str, str, float | None, float | None, float | None]]:
    with KALSEL.open(encoding="utf-8", newline="") as f:
        return [
            (
                r["kode_wilayah"],
                r["nama_wilayah"],
                r["jenis"],
                float(r["perkiraan_pusat_lat"]) if r["perkiraan_pusat_lat"] else None,
                float(r["perkiraan_pusat_lng"]) if r["perkiraan_pusat_lng"] else None,
                float(r["luas_km2"]) if r["luas_km2"] else None,
            )
            for r in csv.DictReader(f)
        ]


@pytest.fixture
def berkas_004(tmp_path: Path) -> Path:
    """A database as the code before migration 007 wrote it: migrations 001–004, Kalsel's fourteen regions."""
    path = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    for name, sql in migration_files():
        if name > "004":
            break
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, current_timestamp)", [name])
    con.executemany("INSERT INTO wilayah VALUES (?, ?, ?, ?, ?, ?)", _baris_kalsel())
    con.close()
    return path


def _wilayah(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT kode_wilayah, nama_wilayah, jenis, lat, lng, luas_km2, kode_provinsi FROM wilayah ORDER BY 1"
        ).fetchall()
    finally:
        con.close()


def test_an_old_database_keeps_its_regions_and_gains_their_province(berkas_004: Path) -> None:
    con = duckdb.connect(str(berkas_004))
    assert "007_wilayah_provinsi.sql" in migrate(con)
    con.close()
    assert _wilayah(berkas_004) == [(*r, "63") for r in _baris_kalsel()]


def test_a_backup_taken_before_the_migration_restores_migrated(berkas_004: Path, tmp_path: Path) -> None:
    # The backup as the old code wrote it: the file of schema 004 and its manifest.
    con = duckdb.connect(str(berkas_004))
    jumlah, migrasi = cadangan._isi_tabel(con.cursor()), cadangan._migrasi(con.cursor())
    con.close()
    manifest = cadangan.Manifest(
        cadangan.FORMAT,
        datetime.now(UTC).isoformat(timespec="seconds"),
        4,
        migrasi,
        jumlah,
        cadangan._sha256(berkas_004),
        berkas_004.stat().st_size,
    )
    berkas = tmp_path / "cadangan-004.zip"
    cadangan._tulis_zip(berkas_004, manifest, berkas)
    tujuan = tmp_path / "pulih" / "iid.duckdb"
    tujuan.parent.mkdir()
    dipulihkan, sebelum = cadangan.pulihkan(tujuan, berkas)
    assert dipulihkan.versi_skema == 4 and sebelum is None
    assert _wilayah(tujuan) == [(*r, "63") for r in _baris_kalsel()]


def test_a_new_database_is_given_the_scope_regions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASBOR_LINGKUP", raising=False)
    Database(tmp_path / "kalsel.duckdb").close()
    # The national reference names Kalsel's regions as the demo does (wilayah-kalsel.csv), so a new Kalsel
    # database and the demo agree on every code, name and kind.
    assert [r[:3] for r in _wilayah(tmp_path / "kalsel.duckdb")] == [r[:3] for r in _baris_kalsel()]
    monkeypatch.setenv("DASBOR_LINGKUP", "35")
    Database(tmp_path / "jatim.duckdb").close()
    jatim = _wilayah(tmp_path / "jatim.duckdb")
    assert jatim[0][:3] == ("35", "Provinsi Jawa Timur", "provinsi")
    assert ("35.15", "Kabupaten Sidoarjo", "kabupaten") in [r[:3] for r in jatim]
    assert [r[2] for r in jatim].count("kota") == 9 and len(jatim) == 39
    assert {r[6] for r in jatim} == {"35"}


def test_opening_again_adds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_LINGKUP", "35")
    path = tmp_path / "x.duckdb"
    Database(path).close()
    monkeypatch.setenv("DASBOR_LINGKUP", "63")
    Database(path).close()  # a database keeps the regions it was made with
    assert len(_wilayah(path)) == 39
