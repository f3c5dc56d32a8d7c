"""How every workbook we write prints: the one page setup of the worklists, the deck's data pack, the table
downloads and the import template.

A Brida hands each perangkat daerah its worklist on paper, so a sheet prints as a person would hand it out:
A4 landscape, one page wide (as many pages tall as needed), the header row repeated on every page, and on every
page what the paper is about (wilayah, year, rule version, and "SINTETIS" when the data is demo data) with a page
number. Row heights are set from the wrapped text (tinggi_baris), because a row without an explicit height is
drawn one line high by LibreOffice when the file did not come from a spreadsheet program, and wrapped names then
overlap the next row.

Both writers use it: xlsxwriter (dasbor.ekspor.tabel) through atur_xlsxwriter, openpyxl (dasbor.excel.write)
through atur_openpyxl; the numbers and header texts are defined once here.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from functools import lru_cache

KERTAS_A4 = 9  # paper size code shared by xlsxwriter and openpyxl (OOXML ST_PaperSize)
MARGIN_SISI = 0.4  # inches; narrow margins leave room for one more column at a readable scale
MARGIN_ATAS_BAWAH = 0.6
MARGIN_KEPALA = 0.25  # distance of the page header and footer from the paper edge
TINGGI_SATU_BARIS = 15.0  # points: one line of 11 pt Calibri, Excel's and LibreOffice's default row
TINGGI_MAKS = 409.0  # Excel's largest row height, in points
PANJANG_KEPALA_MAKS = 255  # Excel refuses a longer header or footer string (codes included)
# Hand-out text is at most this many characters per line before it wraps: the widest column of a worklist.
LEBAR_KOLOM_MAKS = 28


@dataclass(frozen=True)
class Kop:
    """What every printed page says about itself. Empty fields are left out."""

    judul: str  # what the paper is, e.g. "Daftar kerja kelengkapan bukti dukung"
    wilayah: str = ""
    tahun: int | None = None
    versi: str = ""  # rule version, e.g. "2025"
    label_sintetis: str = ""  # the synthetic-data label when the numbers come from the demo generator
    catatan: str = ""  # anything else a reader of the paper needs (e.g. where the numbers come from)

    def bagian_kepala(self) -> tuple[str, str, str]:
        """Header (left, centre, right), header codes escaped: title and wilayah left, year and rule right."""
        kiri = " · ".join(t for t in (self.judul, self.wilayah) if t)
        tahun = f"Tahun {self.tahun}" if self.tahun else ""
        aturan = f"aturan IID {self.versi}" if self.versi else ""
        return _muat(_lolos(kiri), "", _lolos(" · ".join(t for t in (tahun, aturan) if t)))

    def bagian_kaki(self) -> tuple[str, str, str]:
        """Footer: the synthetic label (then the note) left, sheet name and page number right."""
        kiri = " · ".join(t for t in (self.label_sintetis, self.catatan) if t)
        return _muat(_lolos(kiri), "", "&A · halaman &P dari &N")

    def kepala(self) -> str:
        return _kode(self.bagian_kepala())

    def kaki(self) -> str:
        return _kode(self.bagian_kaki())


def _lolos(teks: str) -> str:
    """'&' starts a control code in a header; a literal one is written '&&'. A line break would start a new
    header line that pushes into the sheet, so the text stays on one line."""
    return " ".join(teks.split()).replace("&", "&&")


def _kode(bagian: tuple[str, str, str]) -> str:
    return "".join(k + t for k, t in zip(("&L", "&C", "&R"), bagian, strict=True) if t)


def _muat(kiri: str, tengah: str, kanan: str) -> tuple[str, str, str]:
    """Within Excel's 255 characters (codes included): the left part, free text and the longest, is shortened."""
    sisa = PANJANG_KEPALA_MAKS - len(_kode(("", tengah, kanan))) - 2
    if len(kiri) > sisa:
        kiri = kiri[: sisa - 1]
        if (len(kiri) - len(kiri.rstrip("&"))) % 2:  # cut inside an escaped '&&': drop its lone half
            kiri = kiri[:-1]
        kiri += "…"
    return kiri, tengah, kanan


@lru_cache(maxsize=4096)  # a worklist repeats the same long texts (what to do, how it is priced) on every row
def baris_teks(teks: str, lebar: float) -> int:
    """Lines a wrapped cell of `lebar` character widths takes: word wrap, as the spreadsheet does it.

    A width unit is one '0' of the default font; average text is narrower (measured in LibreOffice with its
    fallback font: about 1,15 characters per unit), so counting one character per unit never underestimates."""
    muat = max(int(lebar), 1)
    baris = 0
    for bagian in teks.split("\n"):
        if len(bagian) <= muat:
            baris += 1
        else:
            baris += len(textwrap.wrap(bagian, muat, break_long_words=True, break_on_hyphens=False)) or 1
    return baris


def tinggi_baris(baris: int) -> float:
    """Row height in points that shows `baris` wrapped lines whole."""
    return min(baris * TINGGI_SATU_BARIS, TINGGI_MAKS)


def lebar_kolom(judul: str, isi: list[str], maks: int = LEBAR_KOLOM_MAKS) -> int:
    """Column width sized to its content: the longest value (up to `maks`, beyond which text wraps); a long
    header wraps onto a second line rather than widening a column of short values, but its longest word fits."""
    isi_terpanjang = max((len(t) for t in isi), default=0)
    kata_judul = max((len(k) for k in judul.split()), default=0)
    judul_dua_baris = math.ceil(len(judul) / 2)
    return min(max(isi_terpanjang, kata_judul, min(judul_dua_baris, 14)) + 2, maks + 2)


def atur_xlsxwriter(
    ws, kop: Kop, baris_kepala: tuple[int, int] | None, kolom_terakhir: int | None = None, baris_terakhir: int = 0
) -> None:
    """Page setup of an xlsxwriter worksheet. `baris_kepala` (first, last; 0-based) repeats on every page;
    `kolom_terakhir` (0-based) limits the print area to the hand-out columns when the sheet has more."""
    ws.set_landscape()
    ws.set_paper(KERTAS_A4)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=MARGIN_SISI, right=MARGIN_SISI, top=MARGIN_ATAS_BAWAH, bottom=MARGIN_ATAS_BAWAH)
    ws.set_header(kop.kepala(), {"margin": MARGIN_KEPALA})
    ws.set_footer(kop.kaki(), {"margin": MARGIN_KEPALA})
    if baris_kepala is not None:
        ws.repeat_rows(*baris_kepala)
    if kolom_terakhir is not None:
        ws.print_area(0, 0, baris_terakhir, kolom_terakhir)


def atur_openpyxl(ws, kop: Kop, baris_kepala: tuple[int, int] | None) -> None:
    """The same page setup on an openpyxl worksheet (1-based rows there)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = KERTAS_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SISI
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_ATAS_BAWAH
    ws.page_margins.header = ws.page_margins.footer = MARGIN_KEPALA
    for bagian, kop_bagian in ((ws.oddHeader, kop.bagian_kepala()), (ws.oddFooter, kop.bagian_kaki())):
        for sisi, teks in zip((bagian.left, bagian.center, bagian.right), kop_bagian, strict=True):
            sisi.text = teks or None
    if baris_kepala is not None:
        ws.print_title_rows = f"{baris_kepala[0] + 1}:{baris_kepala[1] + 1}"
