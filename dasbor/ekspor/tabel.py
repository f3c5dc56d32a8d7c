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

from dasbor.visual.palette import KEPALA_TABEL, PERINGATAN, PREDIKAT_TEKS, PREDIKAT_WARNA

AWALAN_BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")
LEBAR_MAKS = 60  # characters; longer text wraps instead of making a column wider than a screen
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


def _lebar(kolom: pd.Series, judul: str) -> int:
    teks = [len(str(v)) for v in kolom.head(2000) if not _kosong(v)]
    return min(max([len(judul), *teks]) + 2, LEBAR_MAKS)


@dataclass
class Buku:
    """An xlsxwriter workbook in memory with the house formats; text is never turned into a formula or a link."""

    buffer: io.BytesIO = field(default_factory=io.BytesIO)

    def __post_init__(self) -> None:
        self.buku = xlsxwriter.Workbook(
            self.buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self.judul_fmt = self.buku.add_format(
            {"bold": True, "bg_color": KEPALA_TABEL, "text_wrap": True, "valign": "top"}
        )
        self.teks_fmt = self.buku.add_format({"text_wrap": True, "valign": "top"})
        self.tebal = self.buku.add_format({"bold": True})
        self.merah = self.buku.add_format({"bold": True, "font_color": PERINGATAN})
        # A predikat cell is filled with its band colour, as on the pages and the slides.
        self.predikat_fmt = {
            nama: self.buku.add_format({"bg_color": warna, "font_color": PREDIKAT_TEKS[nama]})
            for nama, warna in PREDIKAT_WARNA.items()
        }
        self.terpakai: set[str] = set()

    def lembar(self, nama: str):
        return self.buku.add_worksheet(nama_lembar(nama, self.terpakai))

    def teks(self, ws, baris: int, kolom: int, nilai: str, fmt=None) -> None:
        ws.write_string(baris, kolom, str(netralkan(str(nilai))), fmt)

    def tabel(self, ws, frame: pd.DataFrame, baris_awal: int = 0, format_angka: Mapping[str, str] | None = None) -> int:
        """Write `frame` with a bold header row at `baris_awal`; returns the first free row after a blank one."""
        angka_fmt = {
            k: self.buku.add_format({"num_format": v, "valign": "top"}) for k, v in (format_angka or {}).items()
        }
        for c, judul in enumerate(frame.columns):
            self.teks(ws, baris_awal, c, str(judul), self.judul_fmt)
            lebar = _lebar(frame[judul], str(judul))
            ws.set_column(c, c, lebar, self.teks_fmt if lebar == LEBAR_MAKS else None)
            fmt = angka_fmt.get(str(judul))
            for r, nilai in enumerate(frame[judul].tolist(), start=baris_awal + 1):
                if _kosong(nilai):
                    continue
                if isinstance(nilai, bool | np.bool_):
                    ws.write_boolean(r, c, bool(nilai))
                elif isinstance(nilai, numbers.Real) and math.isfinite(nilai):
                    ws.write_number(r, c, float(nilai), fmt)
                elif isinstance(nilai, pd.Timestamp | date):
                    ws.write_string(r, c, nilai.strftime("%Y-%m-%d"))
                else:
                    self.teks(ws, r, c, str(nilai), self.predikat_fmt.get(str(nilai)))
        return baris_awal + len(frame) + 2

    def tutup(self) -> bytes:
        self.buku.close()
        return self.buffer.getvalue()


def ke_xlsx(lembar: Mapping[str, pd.DataFrame], format_angka: Mapping[str, str] | None = None) -> bytes:
    """A workbook with one sheet per frame: bold frozen header row, autofilter, widths that fit the content.

    `format_angka` maps a column name to an Excel number format (e.g. "0.000"); other numbers keep the default.
    Text is written with write_string after netralkan(), never as a formula; predikat cells carry their colour.
    """
    buku = Buku()
    for nama, frame in lembar.items():
        ws = buku.lembar(nama)
        buku.tabel(ws, frame, 0, format_angka)
        ws.freeze_panes(1, 0)
        if len(frame.columns):
            ws.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)
    return buku.tutup()


def tabel_excel(tabel: pd.DataFrame, nama_sheet: str = "Data", catatan: str = "") -> bytes:
    """One table as a workbook; `catatan` (where the numbers come from) goes into a second sheet 'Keterangan'."""
    lembar = {nama_sheet: tabel} | ({"Keterangan": pd.DataFrame({"Keterangan": [catatan]})} if catatan else {})
    return ke_xlsx(lembar)


def ke_csv(frame: pd.DataFrame) -> bytes:
    """CSV for Excel in an Indonesian locale: ';' between fields, decimal comma, UTF-8 with BOM, texts neutralised."""
    aman = frame.rename(columns=lambda k: netralkan(str(k))).map(netralkan)
    return aman.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
