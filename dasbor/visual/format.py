"""Indonesian number formatting, applied only at display time (stored values stay numbers)."""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd


def angka(nilai: float | None, digit: int = 2) -> str:
    """67.04 -> '67,04'; 1234.5 -> '1.234,50'; missing -> '–'."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return "–"
    teks = f"{nilai:,.{digit}f}"
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def bilangan(nilai: int | float | None) -> str:
    """Whole numbers with a dot as thousands separator: 36742 -> '36.742'."""
    return angka(nilai, 0)


def angka_bertanda(nilai: float | None, digit: int = 2, minus: str = "−") -> str:
    """A change with its sign: 1.5 -> '+1,50', -0.4 -> '−0,40' (true minus sign), 0 -> '0,00'.

    st.metric colours a delta red only when it starts with an ASCII '-': pass minus='-' there."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return "–"
    teks = angka(abs(nilai), digit)
    if teks == angka(0.0, digit):
        return teks
    return ("+" if nilai > 0 else minus) + teks


def bulat_bertanda(nilai: float | None) -> str:
    """A change of a whole number (a rank): 2.0 -> '+2', -1.0 -> '−1', 0 -> '0'."""
    return angka_bertanda(nilai, 0)


def persen(nilai: float | None, digit: int = 1) -> str:
    """12.345 -> '12,3 %' (Indonesian style puts a space before the sign)."""
    return "–" if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)) else f"{angka(nilai, digit)} %"


# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones markdown, HTML
# entities (&), math ($) and Streamlit's own :colour[...] directives give a meaning.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&])")


def tanpa_markdown(teks: object) -> str:
    """Text from the data (names, notes, sources) made inert inside Streamlit markdown: every markup character is
    escaped, so a name can never become a link, an image fetched from the internet, or a heading."""
    return _MARKDOWN.sub(r"\\\1", str(teks))


def tanpa_html(teks: object) -> str:
    """Text from the data (perangkat daerah, innovation and urusan names) made inert inside a Plotly label: Plotly
    draws a pseudo-HTML subset in axis ticks, hover boxes, bar texts and legends (<b>, <br>, <a href>, <span
    style>), so a name typed as '<a href=…>' would otherwise become a link. plotly.js turns the entities back
    into the characters, so the name is shown exactly as typed."""
    return str(teks).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def nama_pendek(nama: str) -> str:
    """The one short form of a region name on tiles, axes and slides: 'Kabupaten Hulu Sungai Selatan' -> 'HSS',
    'Kota Banjarbaru' -> 'Banjarbaru', 'Provinsi Kalimantan Selatan' -> 'Kalimantan Selatan'."""
    for awalan in ("Kabupaten ", "Kota ", "Provinsi "):
        if nama.startswith(awalan):
            nama = nama[len(awalan) :]
            break
    kata = nama.split()
    # Names of three words and more are known by their initials in Kalsel (HSS, HST, HSU).
    return "".join(k[0].upper() for k in kata) if len(kata) >= 3 else nama


def nama_pendek_unik(nama: pd.Series) -> pd.Series:
    """nama_pendek of each name, except where two different regions share it (Kabupaten and Kota Malang are both
    'Malang', as are seven pairs in Jawa Timur alone): those keep their full names, so that an axis of categories
    never merges two regions into one row and a table never names two regions alike."""
    pendek = nama.map(nama_pendek)
    pasangan = pd.DataFrame({"nama": nama, "pendek": pendek}).drop_duplicates()
    ganda = pasangan.loc[pasangan["pendek"].duplicated(keep=False), "pendek"]
    return nama.where(pendek.isin(ganda), pendek)


def tautan(url: object, teks: str = "sumber") -> str:
    """A markdown link for a web source; anything that is not a plain http(s) address is shown as inert text."""
    alamat = str(url)
    if re.fullmatch(r"https?://[^\s()<>\[\]]+", alamat):
        return f"[{tanpa_markdown(teks)}]({alamat})"
    return tanpa_markdown(alamat)


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal(nilai: date) -> str:
    """date(2025, 5, 27) -> '27 Mei 2025' (month names in Indonesian, whatever the server locale)."""
    return f"{nilai.day} {BULAN[nilai.month - 1]} {nilai.year}"
