"""Files made from any table or chart: CSV and Excel of a DataFrame, PNG of a plotly Figure. No Streamlit here,
so the same bytes serve the page download buttons, the command line and the bimtek slides.

PNG export runs kaleido 1.x, which drives the Debian Chromium (/usr/bin/chromium; BROWSER_PATH overrides).
"""

from __future__ import annotations

import io

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dasbor.ekspor.nama_berkas import slug

# Offline: without this kaleido tries to load MathJax from a CDN for every image (it renders anyway, slower).
pio.defaults.mathjax = None

# A spreadsheet treats cell text starting with one of these as a formula (OWASP "CSV injection"); tab and CR
# too, because some spreadsheets strip them and then see the next character.
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def netralkan(tabel: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell that a spreadsheet would run as a formula starts with an apostrophe instead.

    Only text is touched: a negative number stays a number."""

    def aman(nilai: object) -> object:
        return "'" + nilai if isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS) else nilai

    hasil = tabel.copy()
    for kolom in hasil.columns:
        if hasil[kolom].dtype == object or pd.api.types.is_string_dtype(hasil[kolom]):
            hasil[kolom] = hasil[kolom].map(aman).astype(object)
    hasil.columns = [aman(str(k)) for k in hasil.columns]
    return hasil


def tabel_csv(tabel: pd.DataFrame) -> bytes:
    """CSV as an Indonesian Excel opens it: ';' between fields, decimal comma, UTF-8 with BOM, formulas neutralised."""
    return netralkan(tabel).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def _lebar(seri: pd.Series, judul: str) -> int:
    panjang = [len(str(judul))] + [len(str(v)) for v in seri.head(500)]
    return min(max(panjang) + 2, 60)


def tabel_excel(tabel: pd.DataFrame, nama_sheet: str = "Data", catatan: str = "") -> bytes:
    """An .xlsx with a bold frozen header, autofilter and fitting widths; `catatan` (where the numbers come from)
    goes into a second sheet 'Keterangan'. Text is never turned into formulas."""
    buf = io.BytesIO()
    data = netralkan(tabel)
    sheet = nama_sheet[:31]  # Excel's limit for sheet names
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": False}}) as w:
        data.to_excel(w, sheet_name=sheet, index=False)
        ws = w.sheets[sheet]
        tebal = w.book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8EEF2"})
        for i, kolom in enumerate(data.columns):
            ws.write(0, i, kolom, tebal)
            ws.set_column(i, i, _lebar(data[kolom], kolom))
        ws.freeze_panes(1, 0)
        if len(data.columns):
            ws.autofilter(0, 0, len(data), len(data.columns) - 1)
        if catatan:
            pd.DataFrame({"Keterangan": [catatan]}).to_excel(w, sheet_name="Keterangan", index=False)
            w.sheets["Keterangan"].set_column(0, 0, 120, w.book.add_format({"text_wrap": True}))
    return buf.getvalue()


def grafik_png(fig: go.Figure, lebar: int = 1400, tinggi: int | None = None, skala: float = 2) -> bytes:
    """The figure as PNG at slide resolution (about 3 s: kaleido starts Chromium for every call)."""
    return fig.to_image(format="png", width=lebar, height=tinggi or fig.layout.height or 600, scale=skala)


def nama_berkas(*bagian: object, ekstensi: str) -> str:
    """('Peringkat IID', 2024, 'Hulu Sungai Selatan'), 'csv' -> 'peringkat-iid-2024-hulu-sungai-selatan.csv'."""
    teks = "-".join(str(b) for b in bagian if b not in (None, ""))
    return f"{slug(teks, panjang=150, cadangan='unduhan')}.{ekstensi}"
