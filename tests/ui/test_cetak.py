"""Every workbook we write prints as it is handed out: the page setup read back with openpyxl, and one worklist
printed to PDF by LibreOffice (when installed) to see what a person gets on paper."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dasbor.bimtek.ekspor_xlsx import tulis_xlsx
from dasbor.bimtek.model import LABEL_SINTETIS, Acara, Deck, Slide
from dasbor.db.connection import Database
from dasbor.ekspor import cetak
from dasbor.ekspor.cetak import Kop
from dasbor.ekspor.tabel import ke_xlsx, tabel_excel
from dasbor.services import daftar_kerja, impor
from dasbor.services import kelengkapan as kel

HARI = date(2025, 5, 27)
TABALONG = "63.09"


def _lebar(ws) -> dict[int, float]:
    return {i: d.width for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)}


def _cetak_mendatar_satu_halaman_lebar(ws) -> None:
    assert ws.page_setup.orientation == "landscape", ws.title
    assert int(ws.page_setup.paperSize) == cetak.KERTAS_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    # 1 is the default and may be left out of the file; 0 tall = as many pages as needed
    assert ws.page_setup.fitToWidth in (None, 1, "1") and int(ws.page_setup.fitToHeight) == 0, ws.title


# ----- the header text ------------------------------------------------------------------------------------------


def test_header_and_footer_name_the_paper_and_escape_ampersands() -> None:
    kop = Kop("Daftar kerja", wilayah="Kab. A & B", tahun=2025, versi="2025", label_sintetis="Data SINTETIS")
    assert kop.kepala() == "&LDaftar kerja · Kab. A && B&RTahun 2025 · aturan IID 2025"
    assert kop.kaki() == "&LData SINTETIS&R&A · halaman &P dari &N"
    panjang = Kop("x", catatan="&" * 400)
    for teks in (panjang.kepala(), panjang.kaki()):
        assert len(teks) <= cetak.PANJANG_KEPALA_MAKS
    kiri = panjang.bagian_kaki()[0]
    # a shortened note never ends in half an escape (a lone '&' would swallow the next character as a code)
    assert kiri.endswith("…") and (len(kiri) - 1 - len(kiri[:-1].rstrip("&"))) % 2 == 0


@pytest.mark.parametrize(
    ("teks", "lebar", "baris"),
    [
        ("pendek", 10, 1),
        ("satu dua tiga empat", 10, 2),  # 'satu dua' / 'tiga empat'
        ("satu\ndua", 30, 2),
        ("a" * 25, 10, 3),  # a word longer than the column is broken
        ("", 10, 1),
    ],
)
def test_lines_of_wrapped_text(teks: str, lebar: int, baris: int) -> None:
    assert cetak.baris_teks(teks, lebar) == baris


# ----- table downloads and the generic writer ---------------------------------------------------------------------


def test_table_download_prints_landscape_with_its_source_on_every_page() -> None:
    nama = "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Kabupaten Hulu Sungai Selatan"
    tabel = pd.DataFrame({"Perangkat daerah": [nama, "Dinas Kesehatan"], "IID": [61.5, 40.25]})
    wb = openpyxl.load_workbook(
        io.BytesIO(tabel_excel(tabel, "Peringkat", catatan="IID 2024, aturan 2024, data inovasi SINTETIS (demo)"))
    )
    for ws in wb.worksheets:
        _cetak_mendatar_satu_halaman_lebar(ws)
        assert "SINTETIS" in ws.oddFooter.left.text
        assert ws.oddHeader.left.text.startswith("Peringkat")
    ws = wb["Peringkat"]
    assert ws.print_title_rows == "$1:$1"
    lebar = _lebar(ws)
    assert lebar[1] == pytest.approx(cetak.LEBAR_KOLOM_MAKS + 2, abs=1)  # a long name wraps at the widest column
    assert lebar[2] < 10  # a column of short numbers stays narrow under its header
    baris_nama = cetak.baris_teks(nama, lebar[1])
    assert baris_nama >= 3
    assert ws.row_dimensions[2].height >= baris_nama * cetak.TINGGI_SATU_BARIS  # the wrapped name fits its row
    assert ws.row_dimensions[3].height is None  # a one-line row keeps the default height
    assert ws["A2"].alignment.wrap_text and ws["B2"].value == 61.5


def test_numbers_stay_numbers_and_text_columns_wrap_in_the_generic_writer() -> None:
    frame = pd.DataFrame({"teks": ["x " * 40, "y"], "nilai": [1.25, 2.0]})
    ws = openpyxl.load_workbook(io.BytesIO(ke_xlsx({"Data": frame}, kop=Kop("Uji", tahun=2024))))["Data"]
    assert [c.value for c in ws["B"]] == ["nilai", 1.25, 2]
    assert ws.oddHeader.right.text == "Tahun 2024"
    assert not ws.print_area  # every column prints unless a sheet says otherwise


# ----- the worklist workbook ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hasil(demo_db: Path) -> kel.Kelengkapan:
    return kel.hitung_kelengkapan(Database(demo_db), 2025)


@pytest.fixture(scope="module")
def daftar_tabalong(hasil: kel.Kelengkapan) -> bytes:
    return daftar_kerja.ekspor_xlsx(hasil, TABALONG, HARI)


def test_every_worklist_sheet_prints_landscape_one_page_wide_with_header_on_every_page(
    hasil: kel.Kelengkapan, daftar_tabalong: bytes
) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(daftar_tabalong))
    kolom_terakhir = openpyxl.utils.get_column_letter(len(daftar_kerja.KOLOM_CETAK))
    for ws in wb.worksheets:
        _cetak_mendatar_satu_halaman_lebar(ws)
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.oddHeader.left.text.startswith("Daftar kerja kelengkapan bukti dukung · Kabupaten Tabalong")
        assert ws.oddHeader.right.text == f"Tahun 2025 · aturan IID {hasil.versi}"
        assert ws.oddFooter.left.text == "Data SINTETIS (demo), bukan data resmi"
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
    nama_pd = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    for ws in wb.worksheets[1:-1]:  # one sheet per perangkat daerah: the hand-out columns only
        assert ws.print_area == f"'{ws.title}'!$A$1:${kolom_terakhir}${ws.max_row}", ws.title
        # the coded sheet's pages name the perangkat daerah in full
        assert ws.oddHeader.left.text.endswith(f" · {nama_pd[ws.title]}"), ws.title
    for nama in ("Ringkasan", "Keterangan"):
        assert not wb[nama].print_area


def test_worklist_rows_are_as_tall_as_their_wrapped_text_and_columns_fit_their_content(
    daftar_tabalong: bytes,
) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(daftar_tabalong))
    diperiksa = 0
    for ws in wb.worksheets[1:-1]:
        lebar = _lebar(ws)
        for kolom, judul in enumerate(ws[1], start=1):
            isi = [len(str(c.value)) for (c,) in ws.iter_rows(min_row=2, min_col=kolom, max_col=kolom) if c.value]
            if isi and isinstance(ws.cell(2, kolom).value, str):
                # as wide as the longest value, up to the widest column (then the text wraps)
                assert lebar[kolom] >= min(max(isi), cetak.LEBAR_KOLOM_MAKS), (ws.title, judul.value)
            assert lebar[kolom] <= cetak.LEBAR_KOLOM_MAKS + 3  # xlsxwriter adds under a unit
        for baris in ws.iter_rows(min_row=2, max_col=len(daftar_kerja.KOLOM_CETAK)):
            perlu = max(
                (cetak.baris_teks(c.value, lebar[c.column]) for c in baris if isinstance(c.value, str)), default=1
            )
            tinggi = ws.row_dimensions[baris[0].row].height or cetak.TINGGI_SATU_BARIS
            assert tinggi >= perlu * cetak.TINGGI_SATU_BARIS, (ws.title, baris[0].row)
            diperiksa += perlu > 1
    assert diperiksa > 50  # Tabalong's names really do wrap


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_libreoffice_prints_a_perangkat_daerah_sheet_with_every_hand_out_column_on_its_first_page(
    hasil: kel.Kelengkapan, tmp_path: Path
) -> None:
    lembar = daftar_kerja.lembar_kerja(hasil, TABALONG, HARI)
    nama_pd = list(lembar)[2]  # a perangkat daerah with innovations (the first is the pemda's SPD sheet)
    satu = {"Ringkasan": lembar["Ringkasan"].head(1), nama_pd: lembar[nama_pd]}
    berkas = tmp_path / "daftar.xlsx"
    berkas.write_bytes(
        ke_xlsx(satu, kop=daftar_kerja.kop(hasil, TABALONG), kolom_cetak={nama_pd: len(daftar_kerja.KOLOM_CETAK)})
    )
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(berkas)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    teks = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "daftar.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    halaman = teks.split("\f")[:-1]
    pertama_pd = halaman[1]
    assert "Kabupaten Tabalong" in pertama_pd and "Tahun 2025" in pertama_pd and "SINTETIS" in pertama_pd
    # the first and the last printed column on the same page, and not the columns outside the print area
    assert "Inovasi" in pertama_pd and "Nilai perbaikan" in pertama_pd
    assert "ID celah" not in teks and "Cara menghitung" not in teks
    if len(halaman) > 2:
        assert "Nilai perbaikan" in halaman[2]  # the header row is repeated
    assert len(halaman) <= 1 + len(lembar[nama_pd]) // 8  # several rows per page, not a column per page


# ----- the deck's data pack and the import workbook ---------------------------------------------------------------


def test_deck_data_pack_prints_with_event_year_rule_and_synthetic_label() -> None:
    slide = Slide(
        "peringkat",
        "peringkat",
        "Peringkat IID 2024",
        data={"peringkat": pd.DataFrame({"Wilayah": ["Kabupaten Tabalong"], "IID": [61.2]})},
        sumber="IID dihitung dasbor",
    )
    deck = Deck(Acara("Bimtek IID", "Banjarbaru", HARI), 2024, "terverifikasi", "2024", "asumsi", True, [slide])
    wb = openpyxl.load_workbook(io.BytesIO(tulis_xlsx(deck)))
    for ws in wb.worksheets:
        _cetak_mendatar_satu_halaman_lebar(ws)
        assert ws.oddHeader.left.text.startswith("Paket data bimtek: Bimtek IID")
        assert ws.oddHeader.right.text == "Tahun 2024 · aturan IID 2024"
        assert ws.oddFooter.left.text == LABEL_SINTETIS
    lembar = wb[wb.sheetnames[1]]
    # one table under the synthetic label, the title and the source: those lines and its header repeat
    assert lembar.print_title_rows == "$1:$6"  # label, title, source, blank, table name, header
    assert wb["Keterangan"].print_title_rows is None  # two tables: no single header to repeat


def test_import_workbook_prints_landscape_with_the_header_row_repeated(demo_db: Path) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(impor.ekspor(Database(demo_db), 2024, [TABALONG])))
    for ws in wb.worksheets:
        _cetak_mendatar_satu_halaman_lebar(ws)
        assert ws.oddHeader.left.text == "Berkas impor IID · Kabupaten Tabalong"
        assert ws.oddHeader.right.text.startswith("Tahun 2024 · aturan IID ")
        assert ws.oddFooter.left.text.startswith("Ekspor data Kabupaten Tabalong tahun 2024")
    assert wb["inovasi"].print_title_rows == "$1:$1" and wb["petunjuk"].print_title_rows is None
    petunjuk = wb["petunjuk"]
    lebar = _lebar(petunjuk)
    for baris in petunjuk.iter_rows():
        perlu = max(
            (cetak.baris_teks(str(c.value), lebar[c.column]) for c in baris if c.value and c.alignment.wrap_text),
            default=1,
        )
        assert (petunjuk.row_dimensions[baris[0].row].height or cetak.TINGGI_SATU_BARIS) >= (
            perlu * cetak.TINGGI_SATU_BARIS
        )
