"""Global filters in the sidebar, bound to URL query parameters: a link copied from the address bar reopens
the same view, and the values survive switching pages. Unknown values fall back to the default with a notice.

Streamlit's binding writes the label an option is shown with into the URL (?wilayah=Kota+Banjarmasin,
?basis=Klaim+(semua+klaim+diterima)), so labels are part of every shared link: change them only deliberately.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

import scoring
from dasbor.services import skor
from dasbor.ui.format import tanpa_markdown

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


def _pilih(label: str, kunci: str, opsi: Sequence, bawaan: int, format_func: Callable[[object], str] = str) -> object:
    _tolak_nilai_asing(kunci, [format_func(o) for o in opsi], label)
    return st.sidebar.selectbox(label, opsi, index=bawaan, key=kunci, bind="query-params", format_func=format_func)


def pilih_tahun() -> int:
    """Tahun penilaian; defaults to the latest year in the database."""
    tahun = skor.daftar_tahun()
    return int(_pilih("Tahun penilaian", "tahun", tahun, len(tahun) - 1))


def pilih_basis() -> str:
    """Basis skor: the verified level that counts, or every claim accepted."""
    return str(_pilih("Basis skor", "basis", list(BASIS_LABEL), 0, lambda b: BASIS_LABEL[b]))


def _nama_wilayah() -> dict[str, str]:
    wilayah = skor.daftar_wilayah()
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
    return list(
        st.sidebar.multiselect(
            label,
            list(nama),
            default=[k for k in bawaan if k in nama],
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
