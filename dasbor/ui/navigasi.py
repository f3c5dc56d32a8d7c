"""Click-through between pages: a clicked bar, tile or table row opens that region's profile.

Year and basis carry over by themselves (the same bound widgets on every page); only the region is handed
over, as the link parameter the profile's region filter reads (see filter.label_wilayah). Setting a bound
parameter of the current page is refused by Streamlit, which is why tahun and basis are not passed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dasbor.halaman import halaman
from dasbor.ui.filter import label_wilayah

HALAMAN_PROFIL = halaman("profil").berkas


def kode_dari_grafik(event) -> str | None:
    """kode_wilayah of the first clicked point: every clickable point of our figures carries it as customdata[0]."""
    titik = event.selection.points if event is not None else []
    if not titik:
        return None
    data = titik[0].get("customdata")
    return str(data[0]) if data else None


def kode_dari_tabel(event, tabel: pd.DataFrame, kolom: str = "kode_wilayah") -> str | None:
    """kode_wilayah of the selected row (positions refer to `tabel` as it was displayed)."""
    baris = event.selection.rows if event is not None else []
    return str(tabel[kolom].iloc[baris[0]]) if baris else None


def buka_profil(kode: str | None) -> None:
    """Switch to Profil Wilayah for `kode` (no-op for None)."""
    if kode:
        st.switch_page(HALAMAN_PROFIL, query_params={"wilayah": label_wilayah(kode)})
