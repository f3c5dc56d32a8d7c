"""Show a chart or a table on a page together with its download buttons (PNG; CSV and Excel).

The files are made only when a button is clicked (deferred `data=` callables), so a page never pays for an export
nobody asked for; the bytes come from dasbor.ekspor (the writers the command line and the bimtek use too).
Numbers in tables are shown the Indonesian way through a
pandas Styler while the cells keep their numeric values, so sorting a column still sorts numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dasbor.ekspor.gambar import MAKS_SERENTAK, antrean, grafik_png
from dasbor.ekspor.nama_berkas import nama_berkas
from dasbor.ekspor.tabel import ke_csv, tabel_excel
from dasbor.ui import rekaman, widget_sekali

KONFIG_PLOTLY = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
MIME_EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Tables up to this many rows are shown whole (no inner scrolling, so a screenshot or a projector shows all).
BARIS_TAMPIL_MAKS = 25
TINGGI_BARIS = 35  # Streamlit's default row height in px

widget_sekali.pasang()


def tombol_unduh_grafik(fig: go.Figure, nama: str, key: str) -> None:
    dibuat, menunggu = antrean()
    if dibuat >= MAKS_SERENTAK:
        # The PNG is made when the button is clicked, in turn with other visitors' (dasbor.ekspor.gambar).
        st.caption(
            f"Pembuatan PNG sedang antre: {dibuat} gambar sedang dibuat"
            + (f", {menunggu} menunggu" if menunggu else "")
            + ". Unduhan dimulai begitu gilirannya tiba."
        )
    st.download_button(
        "⬇️ PNG",
        data=lambda: grafik_png(fig),
        file_name=nama_berkas(nama, ekstensi="png"),
        mime="image/png",
        key=f"png_{key}",
        on_click="ignore",
        help="Unduh grafik ini sebagai gambar PNG (untuk laporan atau bahan tayang)",
    )


def tombol_unduh_tabel(tabel: pd.DataFrame, nama: str, key: str, catatan: str = "") -> None:
    """CSV and Excel buttons side by side; `catatan` (the provenance) goes into the Excel 'Keterangan' sheet and
    the footer of every printed page, `nama` into its header."""
    with st.container(horizontal=True):
        st.download_button(
            "⬇️ CSV",
            data=lambda: ke_csv(tabel),
            file_name=nama_berkas(nama, ekstensi="csv"),
            mime="text/csv",
            key=f"csv_{key}",
            on_click="ignore",
            help="Pemisah titik koma dan koma desimal, seperti dibaca Excel berbahasa Indonesia",
        )
        st.download_button(
            "⬇️ Excel",
            data=lambda: tabel_excel(tabel, catatan=catatan, judul=nama),
            file_name=nama_berkas(nama, ekstensi="xlsx"),
            mime=MIME_EXCEL,
            key=f"xlsx_{key}",
            on_click="ignore",
        )


def plotly_chart(fig: go.Figure, *, nama: str, key: str, **argumen):
    """st.plotly_chart(fig, key=key, **argumen) with the PNG button under it: for pages that draw with their own
    selection settings (the Kelengkapan, Simulasi and Inovasi drill-downs). Drawn as designed (our template, not
    Streamlit's theme), like tampilkan_grafik."""
    hasil = _grafik(fig, key=key, **argumen)
    tombol_unduh_grafik(fig, nama, key)
    return hasil


def _grafik(fig: go.Figure, **argumen):
    """st.plotly_chart(fig, theme=None, **argumen); a shared figure without selection is drawn once and replayed
    (rekaman)."""
    tanda = rekaman.tanda(fig)
    if tanda is None or argumen.get("on_select", "ignore") != "ignore":
        return st.plotly_chart(fig, theme=None, **argumen)
    return rekaman.gambar(
        ("grafik", tanda, repr(sorted(argumen.items()))), lambda: st.plotly_chart(fig, theme=None, **argumen)
    )


def dataframe(
    tabel: pd.DataFrame,
    *,
    nama: str,
    key: str,
    catatan: str = "",
    format_kolom: Mapping[str, Callable[[object], str]] | None = None,
    teratas: int | None = None,
    **argumen,
):
    """st.dataframe(tabel, key=key, **argumen) with the CSV and Excel buttons under it (every row, as shown).

    `format_kolom` shows those number columns the Indonesian way (a Styler, missing values as "–"); the cells and
    the downloads keep the numbers. `teratas` draws only the first rows while the downloads keep every one: each
    row drawn is sent to the browser with its formatted twin (a 1 900-row worklist was 3 MB and seconds of a
    visit)."""
    tampil = tabel if teratas is None else tabel.head(teratas)
    hasil = _tabel(tampil, format_kolom or None, key=key, **argumen)
    tombol_unduh_tabel(tabel, nama, key, catatan)
    return hasil


def _tabel(tabel: pd.DataFrame, format_kolom: Mapping[str, Callable[[object], str]] | None, **argumen):
    """st.dataframe of `tabel`, through a Styler with `format_kolom` (missing values as "–") unless that is None; a
    table without selection is drawn once per content and replayed (rekaman)."""

    kunci = rekaman.kunci_tabel(tabel, format_kolom, argumen)

    def gambar():
        if format_kolom is None:
            return st.dataframe(tabel, **argumen)
        # the display of a selectable table (a widget, drawn on every run) is built once per content
        gaya = widget_sekali.dengan_kunci(tabel.style.format(dict(format_kolom), na_rep="–"), rekaman.ringkas(kunci))
        return st.dataframe(gaya, **argumen)

    if argumen.get("on_select", "ignore") != "ignore":
        return gambar()
    return rekaman.gambar(kunci, gambar)


def table(tabel: pd.DataFrame, *, nama: str, key: str, catatan: str = "") -> None:
    """st.table (a small static table) with the CSV and Excel buttons under it."""
    st.table(tabel)
    tombol_unduh_tabel(tabel, nama, key, catatan)


def tampilkan_grafik(fig: go.Figure, nama: str, key: str, klik: bool = False):
    """Draw the figure as designed (our template, not Streamlit's theme) with a PNG button under it.

    With klik=True a click on a point reruns the page and the selection state is returned."""
    konfig = {**KONFIG_PLOTLY, "toImageButtonOptions": {"filename": nama_berkas(nama, ekstensi="png")[:-4]}}
    if klik:
        hasil = _grafik(fig, key=key, on_select="rerun", selection_mode="points", config=konfig)
    else:
        hasil = _grafik(fig, key=key, config=konfig)
    tombol_unduh_grafik(fig, nama, key)
    return hasil


def tampilkan_tabel(
    tabel: pd.DataFrame,
    nama: str,
    key: str,
    format_kolom: Mapping[str, Callable[[object], str]] | None = None,
    catatan: str = "",
    klik: bool = False,
    column_config: Mapping[str, object] | None = None,
    baris_maks: int = BARIS_TAMPIL_MAKS,
):
    """A table with Indonesian number display and CSV/Excel buttons; klik=True makes a row selectable.

    Up to `baris_maks` rows are shown without scrolling; the downloads always hold every row."""
    # A Styler costs Streamlit about 0,07 ms per cell on every visit (it renders each cell's display value), so it
    # is used only where numbers need the Indonesian format; st.dataframe's placeholder shows missing values as "–".
    perlu_format = bool(format_kolom) or any(pd.api.types.is_float_dtype(t) for t in tabel.dtypes)
    tinggi = (min(len(tabel), baris_maks) + 1) * TINGGI_BARIS + 3
    argumen = {
        "hide_index": True,
        "key": key,
        "column_config": dict(column_config or {}),
        "placeholder": "–",
        "height": tinggi,
    }
    if klik:
        argumen |= {"on_select": "rerun", "selection_mode": "single-row"}
    hasil = _tabel(tabel, dict(format_kolom or {}) if perlu_format else None, **argumen)
    tombol_unduh_tabel(tabel, nama, key, catatan)
    return hasil
