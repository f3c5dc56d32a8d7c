"""Exports: the worklist workbook read back with openpyxl, CSV neutralised, and the bimtek CLI for all regions."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dasbor.__main__ import main
from dasbor.db.connection import Database
from dasbor.ekspor.tabel import ke_csv, ke_xlsx, nama_lembar, netralkan
from dasbor.services import daftar_kerja
from dasbor.services import kelengkapan as kel

ROOT = Path(__file__).resolve().parents[2]
HARI = date(2025, 5, 27)


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+6281234", "'+6281234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Dinas Kesehatan", "Dinas Kesehatan"),
        ("", ""),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_text_that_looks_like_a_formula_is_neutralised(masuk: object, keluar: object) -> None:
    assert netralkan(masuk) == keluar


def test_sheet_names_are_valid_and_unique() -> None:
    terpakai = {"Ringkasan"}
    assert nama_lembar("ringkasan", terpakai) == "ringkasan (2)"
    assert nama_lembar("Dinas: PU/PR [kota]?", terpakai) == "Dinas  PU PR  kota"
    panjang = nama_lembar("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", terpakai)
    assert len(panjang) == 31
    assert len(nama_lembar("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", terpakai)) == 31
    assert len(terpakai) == 5


@pytest.fixture(scope="module")
def hasil(kelengkapan_2024: kel.Kelengkapan) -> kel.Kelengkapan:
    return kelengkapan_2024


def _lebar_kolom(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[int, float]:
    """Width per column number; a <col> element may cover a range of equal columns."""
    return {i: d.width for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)}


def _semua_sel(wb: openpyxl.Workbook) -> list[openpyxl.cell.Cell]:
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def test_worklist_workbook_reads_back_with_sheets_headers_filters_and_no_formula(hasil: kel.Kelengkapan) -> None:
    kode = "63.09"
    celah = hasil.celah.copy()
    pilih = celah.index[(celah["kode_wilayah"] == kode) & (celah["aspek"] == "SID")][:3]
    celah.loc[pilih[0], "nama_inovasi"] = '=HYPERLINK("http://contoh.invalid","klik")'
    celah.loc[pilih[1], "catatan_verifikasi"] = "@SUM(1+1)"
    celah.loc[pilih[2], "catatan_verifikasi"] = "-1+2"
    racun = kel.Kelengkapan(**{**hasil.__dict__, "celah": celah})
    wb = openpyxl.load_workbook(io.BytesIO(daftar_kerja.ekspor_xlsx(racun, kode, HARI)))

    ringkasan = daftar_kerja.ringkasan_perangkat_daerah(celah[celah["kode_wilayah"] == kode])
    assert wb.sheetnames[0] == "Ringkasan" and wb.sheetnames[-1] == "Keterangan"
    assert len(wb.sheetnames) == len(ringkasan) + 2  # one sheet per perangkat daerah with gaps
    assert "Pemda (SPD)" in wb.sheetnames
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        lebar = _lebar_kolom(ws)
        for kolom, sel in enumerate(ws[1], start=1):
            # sized to the content: every word of the header fits (a long header wraps onto more lines)
            assert lebar[kolom] >= max(len(k) for k in str(sel.value).split()), (ws.title, sel.value)
    lembar = wb[wb.sheetnames[1]]
    # a perangkat daerah's sheet: the printed hand-out columns first, then the rest of the worklist
    assert [c.value for c in lembar[1]] == [daftar_kerja.KOLOM_DAFTAR[k] for k in daftar_kerja.KOLOM_LEMBAR_PD]
    assert set(daftar_kerja.KOLOM_LEMBAR_PD) == set(daftar_kerja.KOLOM_DAFTAR)
    assert [c.value for c in wb["Ringkasan"][1]][:3] == ["Lembar", "Perangkat daerah", "Jumlah celah"]
    # the index: every perangkat daerah sheet is listed by its code with its full name
    indeks = [r[0] for r in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)]
    assert indeks == wb.sheetnames[1:-1]
    sel = _semua_sel(wb)
    assert not [c.coordinate for c in sel if c.data_type == "f"]
    teks = {c.value for c in sel if isinstance(c.value, str)}
    assert '\'=HYPERLINK("http://contoh.invalid","klik")' in teks
    assert {"'@SUM(1+1)", "'-1+2"} <= teks
    assert not [t for t in teks if t.startswith(("=", "+", "-", "@"))]
    # every gap of the region is on exactly one perangkat daerah sheet
    baris = sum(ws.max_row - 1 for ws in wb.worksheets[1:-1])
    assert baris == (celah["kode_wilayah"] == kode).sum()
    keterangan = {r[0]: r[1] for r in wb["Keterangan"].iter_rows(min_row=2, values_only=True)}
    assert keterangan["Sumber angka"].startswith("Aturan IID 2023")
    assert keterangan["Data"].startswith("SINTETIS")


def test_generic_workbook_writer_keeps_numbers_as_numbers() -> None:
    frame = pd.DataFrame({"nama": ["a", "=b"], "nilai": [1.25, None], "ok": [True, False]})
    wb = openpyxl.load_workbook(io.BytesIO(ke_xlsx({"Data": frame}, {"nilai": "0.000"})))
    ws = wb["Data"]
    assert [c.value for c in ws["B"]] == ["nilai", 1.25, None]
    assert ws["B2"].number_format == "0.000"
    assert ws["A3"].value == "'=b" and ws["C2"].value is True


def test_csv_is_semicolon_separated_with_decimal_comma_and_neutralised(hasil: kel.Kelengkapan) -> None:
    data = daftar_kerja.ekspor_csv(hasil, "63.06")
    assert data.startswith("\ufeff".encode())
    terbaca = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(terbaca.columns) == list(daftar_kerja.KOLOM_DAFTAR.values())
    asli = hasil.celah[hasil.celah["kode_wilayah"] == "63.06"]
    assert len(terbaca) == len(asli)
    assert terbaca["Nilai perbaikan (poin IID)"].sum() == pytest.approx(asli["nilai_perbaikan"].sum())
    racun = pd.DataFrame({"=kolom": ["-1+1", "aman"]})
    assert ke_csv(racun).decode("utf-8-sig").splitlines() == ["'=kolom", "'-1+1", "aman"]


def test_file_names_carry_region_year_and_date(hasil: kel.Kelengkapan) -> None:
    assert (
        daftar_kerja.nama_berkas(hasil, "63.06", HARI, "xlsx")
        == "kelengkapan_kabupaten-hulu-sungai-selatan_2024_2025-05-27.xlsx"
    )


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DASBOR_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "dasbor", "kelengkapan", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def _cli_di_sini(db: Path, *args: str, capsys: pytest.CaptureFixture) -> tuple[int, str]:
    """The same command through main() in this process, where no second process is the point: (code, stderr)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_DB", str(db))
        capsys.readouterr()
        kode = main(["kelengkapan", *args])
    return kode, capsys.readouterr().err


def test_cli_refuses_unknown_year_then_writes_one_workbook_per_region_while_a_writer_holds_the_file(
    salinan_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """One run of the command in a process of its own checks what it writes and says, and that it reads the
    published copy while the writer file is held open read-write by this process, as during an import (DuckDB's
    file lock is per process): the two used to be two runs of the same 14 workbooks. The refused run in this
    process comes first and publishes the copy, as an earlier command or the server would have."""
    kode, err = _cli_di_sini(salinan_db, "--tahun", "2019", "--keluaran", str(tmp_path), capsys=capsys)
    assert kode == 2
    assert "Tahun 2019 tidak ada" in err and "2024" in err
    assert not list(tmp_path.glob("*.xlsx"))
    keluaran = tmp_path / "bimtek"
    pemegang = Database(salinan_db)
    try:
        hasil = _cli(salinan_db, "--tahun", "2024", "--keluaran", str(keluaran))
    finally:
        pemegang.close()
    assert hasil.returncode == 0, hasil.stderr
    assert "No runtime" not in hasil.stderr and "Traceback" not in hasil.stderr
    berkas = sorted(keluaran.glob("*.xlsx"))
    assert len(berkas) == 14  # 13 kabupaten/kota and the province
    assert all(b.name.startswith("kelengkapan_") and "_2024_" in b.name for b in berkas)
    baris = [b for b in hasil.stdout.splitlines() if " celah, " in b]
    assert len(baris) == 14
    assert any(b.startswith("Kabupaten Tabalong: ") and "poin IID dipertaruhkan" in b for b in baris)
    assert "SINTETIS" in hasil.stdout
    wb = openpyxl.load_workbook(keluaran / f"kelengkapan_kabupaten-tabalong_2024_{date.today().isoformat()}.xlsx")
    assert wb.sheetnames[0] == "Ringkasan"
