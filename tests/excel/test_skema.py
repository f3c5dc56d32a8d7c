"""The workbook's drop-down choices agree with the database's CHECK constraints."""

from __future__ import annotations

import duckdb
import pytest

from dasbor.db.migrate import migrate
from dasbor.excel.skema import LEMBAR_DATA

PILIHAN = [(lembar, k) for lembar, kolom in LEMBAR_DATA.items() for k in kolom if k.jenis == "pilihan"]


@pytest.mark.parametrize("lembar,kolom", PILIHAN, ids=lambda x: getattr(x, "nama", x))
def test_every_choice_is_accepted_by_the_table_and_nothing_else(lembar, kolom) -> None:
    con = duckdb.connect()
    migrate(con)
    baris = {
        "inovasi": "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, sumber, "
        "id_sumber_data) VALUES ('x', 2024, '63', 'n', 'draft', 'templat', 1)",
        "jawaban_sid": "INSERT INTO jawaban_sid (id_inovasi, tahun, kode_indikator, status_bukti) VALUES ('x', 2024, '16', 'ada')",
        "jawaban_spd": "INSERT INTO jawaban_spd (kode_wilayah, tahun, kode_indikator, status_bukti, id_sumber_data) "
        "VALUES ('63', 2024, '1', 'ada', 1)",
    }[lembar]
    con.execute(baris)
    for nilai in kolom.pilihan:
        con.execute(f"UPDATE {lembar} SET {kolom.nama} = ?", [nilai])
    with pytest.raises(duckdb.ConstraintException):
        con.execute(f"UPDATE {lembar} SET {kolom.nama} = ?", ["bukan-pilihan"])
