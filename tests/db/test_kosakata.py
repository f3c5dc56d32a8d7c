"""The one vocabulary module against the database, both ways: every (table, column) with an enumerated CHECK
constraint is declared in dasbor.kosakata with exactly the values the constraint lists; each declared value is
accepted by a real insert and a value outside is refused; the basis is the scoring module's; the portal's
spellings map into the vocabulary."""

from __future__ import annotations

import re

import duckdb
import pytest

import scoring
from dasbor import kosakata
from dasbor.db.migrate import migrate
from dasbor.excel import portal, skema


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    migrate(c)
    return c


def batasan(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], tuple[str, ...]]:
    """(table, column) -> the values of every `column IN ('a', 'b')` CHECK constraint of the database."""
    hasil = {}
    for tabel, kolom, teks in con.execute(
        "SELECT table_name, constraint_column_names, expression FROM duckdb_constraints() "
        "WHERE constraint_type = 'CHECK' AND expression LIKE '% IN (%'"
    ).fetchall():
        hasil[(tabel, kolom[0])] = tuple(re.findall(r"'([^']*)'", teks))
    return hasil


def test_every_enumerated_column_is_declared_with_the_same_values(con: duckdb.DuckDBPyConnection) -> None:
    assert batasan(con) == dict(kosakata.KOLOM)


@pytest.mark.parametrize(("tabel", "kolom"), sorted(kosakata.KOLOM))
def test_each_value_is_accepted_and_nothing_else(con: duckdb.DuckDBPyConnection, tabel: str, kolom: str) -> None:
    # A column's CHECK is evaluated on the value alone: cast it through the constraint's own expression.
    [(teks,)] = con.execute(
        "SELECT expression FROM duckdb_constraints() WHERE table_name = ? AND constraint_column_names = [?] "
        "AND constraint_type = 'CHECK'",
        [tabel, kolom],
    ).fetchall()
    cek = teks.replace(kolom, "$nilai", 1)
    for nilai in kosakata.KOLOM[(tabel, kolom)]:
        assert con.execute(f"SELECT {cek}", {"nilai": nilai}).fetchone() == (True,)
    assert con.execute(f"SELECT {cek}", {"nilai": "bukan-pilihan"}).fetchone() == (False,)


def test_a_real_insert_takes_every_innovation_value(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("BEGIN")
    try:
        con.execute(
            "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, sumber, "
            "id_sumber_data) VALUES ('x', 2025, '63', 'n', 'draft', 'portal', 1)"
        )
        for (tabel, kolom), nilai in kosakata.KOLOM.items():
            if tabel == "inovasi":
                for v in nilai:
                    con.execute(f"UPDATE inovasi SET {kolom} = ?", [v])
        with pytest.raises(duckdb.ConstraintException):
            con.execute("UPDATE inovasi SET jenis = 'analog'")
    finally:
        con.execute("ROLLBACK")


def test_the_other_lists_are_the_vocabulary() -> None:
    assert kosakata.BASIS is scoring.BASIS
    assert (skema.TAHAPAN, skema.INISIATOR, skema.JENIS, skema.BENTUK) == (
        kosakata.TAHAPAN,
        kosakata.INISIATOR,
        kosakata.JENIS,
        kosakata.BENTUK,
    )
    for peta, kosa in (
        (portal.INISIATOR, kosakata.INISIATOR),
        (portal.BENTUK, kosakata.BENTUK),
        (portal.JENIS, kosakata.JENIS),
        (portal.TAHAPAN, kosakata.TAHAPAN),
    ):
        assert set(peta.values()) <= set(kosa)


def test_the_checker_sees_a_missing_value(con: duckdb.DuckDBPyConnection) -> None:
    # Were 'teknologi' (migration 004) missing here, as it was from the workbook's drop-down, the test would fail.
    dikurangi = {**kosakata.KOLOM, ("inovasi", "jenis"): ("digital", "non digital")}
    assert batasan(con) != dikurangi
