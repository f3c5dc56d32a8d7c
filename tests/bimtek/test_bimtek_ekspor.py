"""A deck from the demo data written to PPTX, PDF and Excel, and opened again."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from dasbor.bimtek import tata_letak
from dasbor.bimtek.bahan import Bahan
from dasbor.bimtek.ekspor import nama_berkas, siapkan_berkas
from dasbor.bimtek.ekspor_xlsx import tulis_xlsx
from dasbor.bimtek.model import LABEL_SINTETIS, Acara, Deck
from dasbor.bimtek.susun import susun_deck
from dasbor.ekspor.nama_berkas import slug


@pytest.fixture(scope="module")
def deck(demo_env_modul: Path, deck_2024: Deck) -> Deck:
    return deck_2024


@pytest.fixture(scope="module")
def berkas(deck: Deck) -> dict[str, bytes]:
    return siapkan_berkas(deck)  # one Chromium for every chart of the deck


def _teks(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_pptx_has_the_decks_slides_titles_pictures_notes_and_label(deck: Deck, berkas: dict[str, bytes]) -> None:
    prs = Presentation(io.BytesIO(berkas["pptx"]))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    assert len(prs.slides) == len(deck.slides) == 19
    for asli, slide in zip(deck.slides, prs.slides, strict=True):
        assert slide.shapes.title.text == asli.judul
        assert slide.shapes.title.width == Inches(tata_letak.JUDUL_ACARA.lebar if asli.jenis == "judul" else 12.333)
        gambar = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(gambar) == (1 if asli.figur is not None else 0), asli.kunci
        catatan = slide.notes_slide.notes_text_frame.text
        assert all(baris in catatan for baris in asli.catatan), asli.kunci
        assert LABEL_SINTETIS in catatan
        assert LABEL_SINTETIS in _teks(slide), asli.kunci
        assert f"{deck.slides.index(asli) + 1} / 19" in _teks(slide)
    assert prs.slides[1].shapes.title.text.startswith("Peta predikat IID")  # the map slide, with its picture


def test_pptx_charts_are_rendered_at_slide_resolution(deck: Deck, berkas: dict[str, bytes]) -> None:
    prs = Presentation(io.BytesIO(berkas["pptx"]))
    for asli, slide in zip(deck.slides, prs.slides, strict=True):
        for pic in (s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE):
            kotak = tata_letak.kotak_figur(asli.jenis)
            lebar, tinggi = kotak.piksel()
            assert Image.open(io.BytesIO(pic.image.blob)).size == (lebar * 2, tinggi * 2)
            assert (pic.width, pic.height) == (Inches(kotak.lebar), Inches(kotak.tinggi))


def test_pptx_notes_carry_the_numbers_and_their_sources(berkas: dict[str, bytes]) -> None:
    prs = Presentation(io.BytesIO(berkas["pptx"]))
    judul = {s.shapes.title.text: s for s in prs.slides}
    hsu = judul["Kabupaten Hulu Sungai Utara"].notes_slide.notes_text_frame.text
    assert "IID 58,99 (Inovatif)" in hsu and "aturan IID versi 2023" in hsu
    nasional = judul["Kalimantan Selatan dalam konteks nasional (2024)"].notes_slide.notes_text_frame.text
    assert "nilai resmi 51,71" in nasional and "https://www.langkar.id/" in nasional
    tabel = [s for s in judul["Daftar tindakan per wilayah"].shapes if s.has_table]
    assert len(tabel) == 1 and len(tabel[0].table.rows) == 14


def _jumlah_halaman(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_pdf_has_one_page_per_slide(deck: Deck, berkas: dict[str, bytes]) -> None:
    assert berkas["pdf"].startswith(b"%PDF")
    assert _jumlah_halaman(berkas["pdf"]) == len(deck.slides)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_every_pdf_page_says_the_data_is_synthetic(berkas: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "deck.pdf"
    path.write_bytes(berkas["pdf"])
    teks = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    # -layout pads words with runs of spaces to keep their columns: one space is the same text. Text printed over
    # the label is not: its words land inside the label's line and still break it.
    halaman = [" ".join(h.split()) for h in teks.stdout.split("\f")[:-1]]
    assert len(halaman) == 19
    assert [i + 1 for i, h in enumerate(halaman) if LABEL_SINTETIS not in h] == []
    assert "Peta predikat IID 2024" in halaman[1]  # the map slide, right after the title


def test_excel_pack_holds_every_slides_numbers(deck: Deck, berkas: dict[str, bytes]) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(berkas["xlsx"]))
    assert wb.sheetnames[0] == "Keterangan" and wb.sheetnames[-1] == "Catatan"
    assert len(wb.sheetnames) == len(deck.slides) + 2
    assert all(wb[n]["A1"].value == LABEL_SINTETIS for n in wb.sheetnames)
    peta, peringkat = wb[wb.sheetnames[2]], wb[wb.sheetnames[3]]  # the map and the ranking slide
    assert (peta["A2"].value, peringkat["A2"].value) == (deck.slides[1].judul, deck.slides[2].judul)
    baris = [r for r in peringkat.iter_rows(values_only=True) if r[1] == "63.08"]
    assert baris and baris[0][3] == 58.99  # the IID as a number, not as text
    baris = [r for r in peta.iter_rows(values_only=True) if r[0] == "63.08"]
    assert baris and baris[0][2] == 58.99
    catatan = wb["Catatan"]
    assert catatan.max_row - 5 == sum(len(s.catatan) for s in deck.slides)


def test_excel_never_contains_a_formula_from_the_facilitators_text(bahan_2024: Bahan) -> None:
    deck = susun_deck(bahan_2024, urutan=["judul"], acara=Acara("=1+2", "@SUM(A1)", date(2025, 5, 27)))
    wb = openpyxl.load_workbook(io.BytesIO(tulis_xlsx(deck)))
    sel = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c for c in sel if c.data_type == "f"]
    assert "'=1+2" in {c.value for c in sel} and "'@SUM(A1)" in {c.value for c in sel}


def test_file_names_carry_event_year_and_date(deck: Deck) -> None:
    assert nama_berkas(deck, "pptx") == "bimtek-iid-hulu-sungai-2024-2025-05-27.pptx"


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("Bimtek — Tanjung/Tabalong: 2025!", "bimtek-tanjung-tabalong-2025"),
        (
            "Sosialisasi Inovasi Daerah Kabupaten Hulu Sungai Selatan",
            "sosialisasi-inovasi-daerah-kabupaten-hulu-sungai-selatan",
        ),
        ("../../etc/passwd", "etc-passwd"),
        ("—", "berkas"),
    ],
)
def test_slug_is_safe_in_any_file_system(teks: str, harapan: str) -> None:
    assert slug(teks) == harapan


def test_unknown_format_is_refused(deck: Deck) -> None:
    with pytest.raises(ValueError, match="format tidak dikenal: docx"):
        siapkan_berkas(deck, ["docx"])
