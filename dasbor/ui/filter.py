"""Global filters in the sidebar, bound to URL query parameters: a link copied from the address bar reopens
the same view, and the values survive switching pages. Unknown values fall back to the default with a notice."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import streamlit as st

from dasbor.services import skor

BASIS_LABEL = {"terverifikasi": "Terverifikasi (level yang diakui)", "klaim": "Klaim (semua klaim diterima)"}


def _aman(teks: str) -> str:
    """A query value shown back to the user: only harmless characters, never markup."""
    return re.sub(r"[^0-9A-Za-z.\-_ ]", "", teks)[:24]


def _tolak_nilai_asing(kunci: str, sah: Sequence[str], label: str) -> None:
    raw = st.query_params.get(kunci)
    if raw is not None and raw != "" and raw not in sah:
        st.sidebar.info(f"{label} «{_aman(raw)}» dari tautan tidak dikenal; memakai nilai bawaan.")


def _pilih(label: str, kunci: str, opsi: Sequence, bawaan: int, format_func: Callable[[object], str] = str) -> object:
    # A bound selectbox keeps the formatted label in the URL (e.g. the wilayah name), not the option itself.
    _tolak_nilai_asing(kunci, [format_func(o) for o in opsi], label)
    return st.sidebar.selectbox(label, opsi, index=bawaan, key=kunci, bind="query-params", format_func=format_func)


def pilih_tahun() -> int:
    """Tahun penilaian; defaults to the latest year in the database."""
    tahun = skor.daftar_tahun()
    return int(_pilih("Tahun penilaian", "tahun", tahun, len(tahun) - 1))


def pilih_basis() -> str:
    """Basis skor: the verified level that counts, or every claim accepted."""
    return str(_pilih("Basis skor", "basis", list(BASIS_LABEL), 0, lambda b: BASIS_LABEL[b]))


def pilih_wilayah(label: str = "Wilayah", kunci: str = "wilayah", bawaan: str | None = None) -> str:
    """One kabupaten/kota or the province, by code; shown by name."""
    wilayah = skor.daftar_wilayah()
    kode = wilayah["kode_wilayah"].tolist()
    nama = dict(zip(kode, wilayah["nama_wilayah"], strict=True))
    index = kode.index(bawaan) if bawaan in kode else 0
    return str(_pilih(label, kunci, kode, index, lambda k: nama[k]))
