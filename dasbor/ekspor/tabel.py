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

import numpy as np
import pandas as pd
import xlsxwriter

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


def ke_xlsx(lembar: Mapping[str, pd.DataFrame], format_angka: Mapping[str, str] | None = None) -> bytes:
    """A workbook with one sheet per frame: bold frozen header row, autofilter, widths that fit the content.

    `format_angka` maps a column name to an Excel number format (e.g. "0.000"); other numbers keep the default.
    Text is written with write_string after netralkan(), never as a formula.
    """
    buffer = io.BytesIO()
    buku = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    judul_fmt = buku.add_format({"bold": True, "bg_color": "#DDEBE3", "text_wrap": True, "valign": "top"})
    teks_fmt = buku.add_format({"text_wrap": True, "valign": "top"})
    angka_fmt = {k: buku.add_format({"num_format": v, "valign": "top"}) for k, v in (format_angka or {}).items()}
    terpakai: set[str] = set()
    for nama, frame in lembar.items():
        ws = buku.add_worksheet(nama_lembar(nama, terpakai))
        for c, judul in enumerate(frame.columns):
            ws.write_string(0, c, str(netralkan(str(judul))), judul_fmt)
            lebar = _lebar(frame[judul], str(judul))
            ws.set_column(c, c, lebar, teks_fmt if lebar == LEBAR_MAKS else None)
            fmt = angka_fmt.get(str(judul))
            for r, nilai in enumerate(frame[judul].tolist(), start=1):
                if _kosong(nilai):
                    continue
                if isinstance(nilai, bool | np.bool_):
                    ws.write_boolean(r, c, bool(nilai))
                elif isinstance(nilai, numbers.Real) and math.isfinite(nilai):
                    ws.write_number(r, c, float(nilai), fmt)
                elif isinstance(nilai, pd.Timestamp):
                    ws.write_string(r, c, nilai.strftime("%Y-%m-%d"))
                else:
                    ws.write_string(r, c, str(netralkan(str(nilai))))
        ws.freeze_panes(1, 0)
        if len(frame.columns):
            ws.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)
    buku.close()
    return buffer.getvalue()


def ke_csv(frame: pd.DataFrame) -> bytes:
    """CSV for Excel in an Indonesian locale: ';' between fields, decimal comma, UTF-8 with BOM, texts neutralised."""
    aman = frame.rename(columns=lambda k: netralkan(str(k))).map(netralkan)
    return aman.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
