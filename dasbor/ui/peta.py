"""The map on a page: the boundary choropleth when a boundary file is usable, else the tile map with a notice that
says which file and why; the same figure goes into the PNG download and the bimtek slide."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dasbor.services import peta as batas_peta
from dasbor.ui.data import figur
from dasbor.ui.unduh import tampilkan_grafik
from dasbor.visual import peta
from dasbor.visual.format import tanpa_markdown


def tampilkan_peta(
    kabkota: pd.DataFrame, judul: str, label: str, nama: str, key: str, sorot: str | None = None, klik: bool = True
):
    """Draw the map of `kabkota` (peringkat_kabkota_berlokasi columns) with its download button; returns the click
    selection. `sorot` highlights one region; Profil passes klik=False, because a page cannot re-open itself with
    another region (Streamlit refuses to set a bound parameter of the current page)."""
    batas = batas_peta.batas_wilayah(frozenset(kabkota["kode_wilayah"]))
    if batas.pesan:
        st.info(batas.pesan)
    fig = figur(peta.peta_predikat, kabkota, batas, judul, sorot=sorot, catatan=label)
    hasil = tampilkan_grafik(fig, nama, key, klik=klik)
    if batas.asal:
        st.caption(tanpa_markdown(batas.asal))
    return hasil
