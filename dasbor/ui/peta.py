"""The map on a page: the boundary choropleth when a boundary file is usable, else the tile map with a notice that
says which file and why; the same figure goes into the PNG download and the bimtek slide."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dasbor.services import peta as batas_peta
from dasbor.ui.unduh import tampilkan_grafik
from dasbor.visual import charts, peta
from dasbor.visual.format import tanpa_markdown


def tampilkan_peta(
    kabkota: pd.DataFrame, judul: str, label: str, nama: str, key: str, sorot: str | None = None, klik: bool = True
):
    """Draw the map of `kabkota` (peringkat_kabkota_berlokasi columns) with its download button; returns the click
    selection. `sorot` highlights one region; Profil passes klik=False, because a page cannot re-open itself with
    another region (Streamlit refuses to set a bound parameter of the current page)."""
    batas = batas_peta.batas_wilayah(frozenset(kabkota["kode_wilayah"]))
    if batas.geojson is not None:
        fig = peta.peta_batas(kabkota, batas.geojson, batas.kunci_fitur, judul, sorot=sorot)
    else:
        st.info(batas.pesan)
        fig = peta.peta_ubin(kabkota, judul + " (peta ubin: letak kira-kira)", sorot=sorot)
    hasil = tampilkan_grafik(charts.tambah_catatan(fig, label), nama, key, klik=klik)
    if batas.asal:
        st.caption(tanpa_markdown(batas.asal))
    return hasil
