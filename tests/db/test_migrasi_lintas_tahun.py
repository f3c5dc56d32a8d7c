"""Migration 003 on a file made by the previous version (schema 001 + 002 and data written as that code wrote
it): every row survives, answers and their undo copies get their innovation's year, and the new keys hold."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dasbor.db.connection import Database
from dasbor.db.migrate import migrate, migration_files

INOVASI = [
    # id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, tanggal_penerapan, id_sumber_data
    ("63.01-2024-0001", 2024, "63.01", "SIPAKAT", "diterima", "2023-04-01", 1),
    ("63.01-2024-0002", 2024, "63.01", "LAPAK DESA", "draft", None, 1),
    ("63.01-2025-0001", 2025, "63.01", "SIPAKAT", "dikirim", "2023-04-01", 2),
]
SID = [
    ("63.01-2024-0001", "16", 3, "ada", 3, None),
    ("63.01-2024-0001", "17", 2, "kosong", None, "SK belum ada"),
    ("63.01-2024-0002", "16", 1, "ada", None, None),
    ("63.01-2025-0001", "16", 3, "ada", None, None),
]
SPD = [("63.01", 2024, "1", 3, "ada", 3, None, 1), ("63.01", 2025, "1", 2, "ada", None, None, 2)]


@pytest.fixture
def berkas_lama(tmp_path: Path) -> Path:
    """A database as today's main wrote it: migrations 001 and 002 only, demo and imported rows, one undo copy."""
    path = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    for name, sql in migration_files()[:2]:
        assert name.startswith(("001", "002"))
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, current_timestamp)", [name])
    con.execute(
        "INSERT INTO sumber_data (jenis, sintetis, keterangan) VALUES ('demo', true, 'demo'), ('impor', false, 'x')"
    )
    con.executemany(
        "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, tanggal_penerapan, "
        "id_sumber_data) VALUES (?, ?, ?, ?, ?, ?, ?)",
        INOVASI,
    )
    con.executemany("INSERT INTO jawaban_sid VALUES (?, ?, ?, ?, ?, ?)", SID)
    con.executemany("INSERT INTO jawaban_spd VALUES (?, ?, ?, ?, ?, ?, ?, ?)", SPD)
    # Import #1 replaced 63.01-2024 and kept a copy of what it replaced (the 2024 rows, as they were).
    con.execute(
        "INSERT INTO impor_log (pengguna, nama_file, sha256, tahun, baris, hasil) VALUES ('a', 'f', 'h', 2024, 3, 'diimpor')"
    )
    con.execute("INSERT INTO impor_cakupan VALUES (1, '63.01', 2024)")
    con.execute("INSERT INTO impor_cadangan_inovasi BY NAME SELECT 1 AS id_impor, * FROM inovasi WHERE tahun = 2024")
    con.execute(
        "INSERT INTO impor_cadangan_jawaban_sid BY NAME SELECT 1 AS id_impor, * FROM jawaban_sid "
        "WHERE id_inovasi LIKE '%-2024-%'"
    )
    con.close()
    return path


KOLOM_004 = (
    "kematangan",
    "tanggal_pengembangan",
    "lintang",
    "bujur",
    "koordinat_teks",
    "akun_portal",
    "asta_cita",
    "ada_video",
    "kembar_dengan",
    "sumber",
)


def test_migration_keeps_every_row_and_gives_answers_their_year(berkas_lama: Path) -> None:
    con = duckdb.connect(str(berkas_lama))
    sebelum = {
        t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("inovasi", "jawaban_sid", "jawaban_spd", "impor_cadangan_inovasi", "impor_cadangan_jawaban_sid")
    }
    assert migrate(con) == [nama for nama, _ in migration_files()[2:]]  # 003, 004 and every later one
    # Migration 004 (the portal export) adds columns after the old ones; the old columns are unchanged.
    lama = "SELECT * EXCLUDE (" + ", ".join(KOLOM_004) + ") FROM {} ORDER BY ALL"
    assert con.execute(lama.format("inovasi")).fetchall() == sebelum["inovasi"]
    assert con.execute("SELECT * FROM jawaban_spd ORDER BY ALL").fetchall() == sebelum["jawaban_spd"]
    assert con.execute(lama.format("impor_cadangan_inovasi")).fetchall() == sebelum["impor_cadangan_inovasi"]
    tahun = {r[0]: r[1] for r in INOVASI}
    assert con.execute("SELECT * EXCLUDE (tahun) FROM jawaban_sid ORDER BY ALL").fetchall() == sebelum["jawaban_sid"]
    assert dict(con.execute("SELECT DISTINCT id_inovasi, tahun FROM jawaban_sid").fetchall()) == tahun
    cadangan = con.execute("SELECT * EXCLUDE (tahun) FROM impor_cadangan_jawaban_sid ORDER BY ALL").fetchall()
    assert cadangan == sebelum["impor_cadangan_jawaban_sid"]
    assert {r[0] for r in con.execute("SELECT DISTINCT tahun FROM impor_cadangan_jawaban_sid").fetchall()} == {2024}
    # The same id may now come back in another year, never twice in one year.
    con.execute(
        "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, id_sumber_data, sumber) "
        "VALUES ('63.01-2024-0001', 2025, '63.01', 'SIPAKAT', 'dikirim', 2, 'templat')"
    )
    con.execute("INSERT INTO jawaban_sid VALUES ('63.01-2024-0001', 2025, '16', 3, 'ada', NULL, NULL)")
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, id_sumber_data, sumber) "
            "VALUES ('63.01-2024-0001', 2025, '63.01', 'X', 'dikirim', 2, 'templat')"
        )
    con.close()


def test_undo_of_an_import_made_before_the_migration_still_restores_it(berkas_lama: Path) -> None:
    """The copy kept by the old code is usable by today's undo: the 2024 rows come back, with their year."""
    from dasbor.services import impor

    db = Database(berkas_lama)  # opening migrates
    try:
        with db.transaction() as cur:  # what import #1 wrote over 63.01-2024
            cur.execute("DELETE FROM jawaban_sid WHERE tahun = 2024 AND kode_indikator = '17'")
            cur.execute("UPDATE inovasi SET nama_inovasi = 'DIIMPOR' WHERE tahun = 2024")
        assert impor.undo_last_import(db, "admin") == 1
        cur = db.cursor()
        jawaban = cur.execute("SELECT id_inovasi, tahun, kode_indikator FROM jawaban_sid ORDER BY ALL").fetchall()
        nama = cur.execute("SELECT id_inovasi, nama_inovasi FROM inovasi ORDER BY ALL").fetchall()
        cur.close()
    finally:
        db.close()
    tahun = {r[0]: r[1] for r in INOVASI}
    assert jawaban == sorted((r[0], tahun[r[0]], r[1]) for r in SID)
    assert nama == sorted((r[0], r[3]) for r in INOVASI)


def test_migration_004_labels_each_row_demo_or_templat_by_its_source(berkas_lama: Path) -> None:
    con = duckdb.connect(str(berkas_lama))
    migrate(con)
    sumber = con.execute(
        "SELECT s.jenis, i.sumber FROM inovasi i JOIN sumber_data s USING (id_sumber_data) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert sumber == [("demo", "demo"), ("impor", "templat")]
    assert {r[0] for r in con.execute("SELECT sumber FROM impor_cadangan_inovasi").fetchall()} <= {"demo", "templat"}
    con.close()
