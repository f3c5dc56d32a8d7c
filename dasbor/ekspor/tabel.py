"""Tables to Excel and CSV that a spreadsheet opens safely and readably.

Every text cell that a spreadsheet could take for a formula or a command (OWASP "CSV injection": a leading
=, +, -, @, tab or carriage return) is written with a leading apostrophe, so it stays text everywhere.
"""

from __future__ import annotations

import io
import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
import xlsxwriter

from dasbor.ekspor import cetak
from dasbor.ekspor.cetak import Kop, lebar_kolom
from dasbor.visual.palette import KEPALA_TABEL, PERINGATAN, PREDIKAT_TEKS, PREDIKAT_WARNA

AWALAN_BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")
PANJANG_NAMA_LEMBAR = 31  # Excel's limit
_KARAKTER_LEMBAR_TERLARANG = re.compile(r"[\[\]:*?/\\]")


def netralkan(nilai: object) -> object:
    """Text that starts like a formula gets a leading apostrophe; everything else is returned as is."""
    if isinstance(nilai, str) and nilai.startswith(AWALAN_BERBAHAYA):
        return "'" + nilai
    return nilai


def _kosong(nilai: object) -> bool:
    if isinstance(nilai, str):
        return False
    try:
        return bool(pd.isna(nilai))
    except (TypeError, ValueError):  # containers are values, not missing ones
        return False


def nama_lembar(nama: str, terpakai: set[str]) -> str:
    """A valid, unique Excel sheet name (≤ 31 characters, none of []:*?/\\), recorded in `terpakai`."""
    dasar = _KARAKTER_LEMBAR_TERLARANG.sub(" ", nama).strip().strip("'") or "Lembar"
    calon, nomor = dasar[:PANJANG_NAMA_LEMBAR], 2
    while calon.lower() in {t.lower() for t in terpakai}:
        akhiran = f" ({nomor})"
        calon, nomor = dasar[: PANJANG_NAMA_LEMBAR - len(akhiran)] + akhiran, nomor + 1
    terpakai.add(calon)
    return calon


def _teks_tampil(nilai: object) -> str:
    """Roughly what a cell shows, to size its column: numbers as the house formats write them."""
    if isinstance(nilai, float) and not nilai.is_integer():
        return f"{nilai:,.3f}"
    return str(nilai)


@dataclass
class _Lembar:
    """What the page setup of one sheet needs once all its tables are written."""

    ws: object
    kolom_cetak: int | None  # the first this many columns are the printed hand-out; None: all
    kop: Kop | None = None  # this sheet's own page header and footer; None: the workbook's
    lebar: dict[int, int] = field(default_factory=dict)
    kepala: list[int] = field(default_factory=list)  # header row of every table on the sheet
    baris_akhir: int = 0


@dataclass
class Buku:
    """An xlsxwriter workbook in memory with the house formats and the house page setup (dasbor.ekspor.cetak);
    text is never turned into a formula or a link."""

    kop: Kop = field(default_factory=lambda: Kop(""))
    buffer: io.BytesIO = field(default_factory=io.BytesIO)

    def __post_init__(self) -> None:
        self.buku = xlsxwriter.Workbook(
            self.buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self.judul_fmt = self.buku.add_format(
            {"bold": True, "bg_color": KEPALA_TABEL, "text_wrap": True, "valign": "top"}
        )
        # Table text wraps inside its column (cetak.LEBAR_KOLOM_MAKS) so a sheet prints one page wide.
        self.teks_fmt = self.buku.add_format({"text_wrap": True, "valign": "top"})
        self.angka_fmt = self.buku.add_format({"valign": "top"})
        self.tebal = self.buku.add_format({"bold": True})
        self.merah = self.buku.add_format({"bold": True, "font_color": PERINGATAN})
        # A predikat cell is filled with its band colour, as on the pages and the slides.
        self.predikat_fmt = {
            nama: self.buku.add_format(
                {"bg_color": warna, "font_color": PREDIKAT_TEKS[nama], "text_wrap": True, "valign": "top"}
            )
            for nama, warna in PREDIKAT_WARNA.items()
        }
        self.terpakai: set[str] = set()
        self._lembar: dict[str, _Lembar] = {}

    def lembar(self, nama: str, kolom_cetak: int | None = None, kop: Kop | None = None):
        """A new sheet; with `kolom_cetak` only its first that many columns are printed (the rest is data for
        further processing, e.g. ids); with `kop` its pages say that instead of the workbook's kop."""
        ws = self.buku.add_worksheet(nama_lembar(nama, self.terpakai))
        self._lembar[ws.get_name()] = _Lembar(ws, kolom_cetak, kop)
        return ws

    def teks(self, ws, baris: int, kolom: int, nilai: str, fmt=None) -> None:
        ws.write_string(baris, kolom, str(netralkan(str(nilai))), fmt)
        info = self._lembar[ws.get_name()]
        info.baris_akhir = max(info.baris_akhir, baris)

    def tabel(self, ws, frame: pd.DataFrame, baris_awal: int = 0, format_angka: Mapping[str, str] | None = None) -> int:
        """Write `frame` with a bold header row at `baris_awal`; returns the first free row after a blank one.

        Columns are sized to their content (long text wraps) and every row is as tall as its wrapped text."""
        info = self._lembar[ws.get_name()]
        info.kepala.append(baris_awal)
        angka_fmt = {
            k: self.buku.add_format({"num_format": v, "valign": "top"}) for k, v in (format_angka or {}).items()
        }
        baris_teks: dict[int, int] = {}
        for c, judul in enumerate(frame.columns):
            isi = frame[judul].tolist()
            lebar = lebar_kolom(str(judul), [_teks_tampil(v) for v in isi[:2000] if not _kosong(v)])
            lebar = info.lebar[c] = max(info.lebar.get(c, 0), lebar)
            self.teks(ws, baris_awal, c, str(judul), self.judul_fmt)
            baris_teks[baris_awal] = max(baris_teks.get(baris_awal, 1), cetak.baris_teks(str(judul), lebar))
            fmt = angka_fmt.get(str(judul), self.angka_fmt)
            for r, nilai in enumerate(isi, start=baris_awal + 1):
                if _kosong(nilai):
                    continue
                if isinstance(nilai, bool | np.bool_):
                    ws.write_boolean(r, c, bool(nilai), self.angka_fmt)
                elif isinstance(nilai, numbers.Real) and math.isfinite(nilai):
                    ws.write_number(r, c, float(nilai), fmt)
                elif isinstance(nilai, pd.Timestamp | date):
                    ws.write_string(r, c, nilai.strftime("%Y-%m-%d"), self.angka_fmt)
                else:
                    teks = str(nilai)
                    self.teks(ws, r, c, teks, self.predikat_fmt.get(teks, self.teks_fmt))
                    dicetak = info.kolom_cetak is None or c < info.kolom_cetak
                    # Only printed columns set the height: a long note beside the print area would otherwise
                    # leave blank paper; on screen such a cell is cut at the row's edge, never overlapping.
                    if dicetak and (len(teks) > lebar or "\n" in teks):
                        baris_teks[r] = max(baris_teks.get(r, 1), cetak.baris_teks(teks, lebar))
        for r, n in baris_teks.items():
            if n > 1:
                ws.set_row(r, cetak.tinggi_baris(n))
        info.baris_akhir = max(info.baris_akhir, baris_awal + len(frame))
        return baris_awal + len(frame) + 2

    def tutup(self) -> bytes:
        for info in self._lembar.values():
            for c, lebar in info.lebar.items():
                info.ws.set_column(c, c, lebar)
            # One table: its header (with the title lines above it) is repeated on every printed page. Sheets
            # with several short tables (the deck's data) repeat nothing: one header would mislabel the others.
            kepala = (0, info.kepala[0]) if len(info.kepala) == 1 else None
            kolom = None if info.kolom_cetak is None else info.kolom_cetak - 1
            cetak.atur_xlsxwriter(info.ws, info.kop or self.kop, kepala, kolom, info.baris_akhir)
        self.buku.close()
        return self.buffer.getvalue()


def ke_xlsx(
    lembar: Mapping[str, pd.DataFrame],
    format_angka: Mapping[str, str] | None = None,
    kop: Kop | None = None,
    kolom_cetak: Mapping[str, int] | None = None,
    kop_lembar: Mapping[str, Kop] | None = None,
) -> bytes:
    """A workbook with one sheet per frame: bold frozen header row, autofilter, widths that fit the content,
    printing one page wide with the header row on every page and `kop` in the page header and footer.

    `format_angka` maps a column name to an Excel number format (e.g. "0.000"); other numbers keep the default.
    `kolom_cetak` maps a sheet to the number of its leading columns that are printed (default: all), `kop_lembar`
    a sheet to its own page header and footer (default: `kop`).
    Text is written with write_string after netralkan(), never as a formula; predikat cells carry their colour.
    """
    buku = Buku(kop or Kop(""))
    for nama, frame in lembar.items():
        ws = buku.lembar(nama, (kolom_cetak or {}).get(nama), (kop_lembar or {}).get(nama))
        buku.tabel(ws, frame, 0, format_angka)
        ws.freeze_panes(1, 0)
        if len(frame.columns):
            ws.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)
    return buku.tutup()


def tabel_excel(tabel: pd.DataFrame, nama_sheet: str = "Data", catatan: str = "", judul: str = "") -> bytes:
    """One table as a workbook; `catatan` (where the numbers come from: year, rule, data origin) goes into a
    second sheet 'Keterangan' and into the footer of every printed page, `judul` into its header."""
    lembar = {nama_sheet: tabel} | ({"Keterangan": pd.DataFrame({"Keterangan": [catatan]})} if catatan else {})
    return ke_xlsx(lembar, kop=Kop(judul or nama_sheet, catatan=catatan))


def ke_csv(frame: pd.DataFrame) -> bytes:
    """CSV for Excel in an Indonesian locale: ';' between fields, decimal comma, UTF-8 with BOM, texts neutralised."""
    aman = frame.rename(columns=lambda k: netralkan(str(k))).map(netralkan)
    return aman.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
