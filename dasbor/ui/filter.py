"""Global filters in the sidebar, bound to URL query parameters: a link copied from the address bar reopens
the same view, and the values survive switching pages. Unknown values fall back to the default with a notice.

Streamlit's binding writes the label an option is shown with into the URL (?wilayah=Kota+Banjarmasin,
?basis=Klaim+(semua+klaim+diterima)), so labels are part of every shared link: change them only deliberately.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException

import scoring
from dasbor.ui import data
from dasbor.visual.format import tanpa_markdown

BASIS_LABEL = {"terverifikasi": "Terverifikasi (level yang diakui)", "klaim": "Klaim (semua klaim diterima)"}
PER_TAHUN = "per-tahun"


def _tolak_nilai_asing(kunci: str, sah: Sequence[str], label: str, banyak: bool = False) -> None:
    """A notice for a link value that no option has (Streamlit itself drops it and uses the default).

    A single-choice filter uses the last value of a repeated parameter, as Streamlit does; a multi-choice
    filter uses all of them."""
    nilai = st.query_params.get_all(kunci)
    asing = [raw for raw in (nilai if banyak else nilai[-1:]) if raw != "" and raw not in sah]
    if asing:
        st.sidebar.info(f"{label} «{tanpa_markdown(asing[0][:40])}» dari tautan tidak dikenal; memakai nilai bawaan.")


def _bawa_dari_halaman_lain(kunci: str, ke_url: Callable[[object], str | list[str]], bawaan: object) -> None:
    """Keep a filter's value, and its link parameter, across a page switch.

    Streamlit 1.67 drops a bound parameter from the URL when the page that bound it is left; on the first
    switch after the value came from a link the new page's widget even falls back to its default, although
    session state still holds the value. So before the widget is built (and bound) the held value is given to
    it again through the Session State API and written back into the URL. A parameter already in the URL is
    left alone: the link wins, also on browser back/forward."""
    if kunci in st.query_params or kunci not in st.session_state:
        return
    nilai = st.session_state[kunci]
    st.session_state[kunci] = nilai
    # Streamlit keeps default values out of the URL. A key still bound on this page (a rerun, not a switch)
    # cannot be written, and needs not be: the binding keeps the URL right itself.
    if nilai != bawaan:
        with contextlib.suppress(StreamlitAPIException):
            st.query_params[kunci] = ke_url(nilai)


def _pilih(label: str, kunci: str, opsi: Sequence, bawaan: int, format_func: Callable[[object], str] = str) -> object:
    _tolak_nilai_asing(kunci, [format_func(o) for o in opsi], label)
    _bawa_dari_halaman_lain(kunci, format_func, opsi[bawaan])
    return st.sidebar.selectbox(label, opsi, index=bawaan, key=kunci, bind="query-params", format_func=format_func)


def pilih_tahun() -> int:
    """Tahun penilaian; defaults to the latest year in the database."""
    tahun = data.daftar_tahun()
    return int(_pilih("Tahun penilaian", "tahun", tahun, len(tahun) - 1))


def pilih_basis() -> str:
    """Basis skor: the verified level that counts, or every claim accepted."""
    return str(_pilih("Basis skor", "basis", list(BASIS_LABEL), 0, lambda b: BASIS_LABEL[b]))


def _nama_wilayah() -> dict[str, str]:
    wilayah = data.wilayah_berdata()
    return dict(zip(wilayah["kode_wilayah"], wilayah["nama_wilayah"], strict=True))


def label_wilayah(kode: str) -> str:
    """The value a region has in a link (its name), for pages that build links or switch pages."""
    return _nama_wilayah()[kode]


def pilih_wilayah(label: str = "Wilayah", kunci: str = "wilayah", bawaan: str | None = None) -> str:
    """One kabupaten/kota or the province, by code; shown (and linked) by name."""
    nama = _nama_wilayah()
    kode = list(nama)
    index = kode.index(bawaan) if bawaan in kode else 0
    return str(_pilih(label, kunci, kode, index, nama.__getitem__))


def pilih_banyak_wilayah(label: str, kunci: str, bawaan: Sequence[str]) -> list[str]:
    """Several regions at once (the trend lines), by code; in the URL as a repeated parameter of names."""
    nama = _nama_wilayah()
    _tolak_nilai_asing(kunci, list(nama.values()), label, banyak=True)
    pilihan_bawaan = [k for k in bawaan if k in nama]
    _bawa_dari_halaman_lain(kunci, lambda kode: [nama[k] for k in kode], pilihan_bawaan)
    return list(
        st.sidebar.multiselect(
            label,
            list(nama),
            default=pilihan_bawaan,
            key=kunci,
            bind="query-params",
            format_func=nama.__getitem__,
            placeholder="Pilih wilayah",
        )
    )


def pilih_versi(label: str = "Aturan penilaian", kunci: str = "versi") -> str | None:
    """The rule to score every year with: each year's own rule (None) or one version for all years."""
    opsi = [PER_TAHUN, *scoring.daftar_versi()]
    pilihan = _pilih(
        label, kunci, opsi, 0, lambda v: "Aturan tahun masing-masing" if v == PER_TAHUN else f"Semua tahun: aturan {v}"
    )
    return None if pilihan == PER_TAHUN else str(pilihan)
