"""Migration 005 (issue 23 §2, §7): the import archive keeps every file and now also takes an SPD entry (format
'spd'); the portal counters table exists and refuses impossible values."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dasbor.db.migrate import migrate, migration_files


def test_migration_005_keeps_the_archive_and_admits_spd_entries(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "lama.duckdb"))
    con.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    sebelum = [(n, sql) for n, sql in migration_files() if n < "005"]
    for name, sql in sebelum:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, current_timestamp)", [name])
    con.execute("INSERT INTO impor_berkas VALUES (1, 'portal', 'isi'::BLOB), (2, 'templat', 'lain'::BLOB)")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO impor_berkas VALUES (3, 'spd', 'x'::BLOB)")
    # Migration 005 alone: 008 then moves the archive into impor_arsip (tests/impor/test_arsip.py)
    assert migrate(con, hanya=["005_spd_penghitung.sql"]) == ["005_spd_penghitung.sql"]
    assert con.execute("SELECT id_impor, format, isi::VARCHAR FROM impor_berkas ORDER BY 1").fetchall() == [
        (1, "portal", "isi"),
        (2, "templat", "lain"),
    ]
    con.execute("INSERT INTO impor_berkas VALUES (3, 'spd', 'kode_indikator,level,bukti_ada'::BLOB)")
    con.execute(
        "INSERT INTO penghitung_portal (kode_wilayah, tahun, dilaporkan, dikirim, pengguna) VALUES ('63.01', 2025, 257, 221, 'a')"
    )
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "INSERT INTO penghitung_portal (kode_wilayah, tahun, indeks_mandiri, pengguna) VALUES ('63.02', 2025, 140, 'a')"
        )
