"""Global filters in the sidebar, bound to URL query parameters: a link copied from the address bar reopens
the same view, and the values survive switching pages. Unknown values fall back to the default with a notice."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import streamlit as st

import scoring
from dasbor.services import skor

BASIS_LABEL = {"terverifikasi": "Terverifikasi (level yang diakui)", "klaim": "Klaim (semua klaim diterima)"}


def _aman(teks: str) -> str:
    """A query value shown back to the user: only harmless characters, never markup."""
    return re.sub(r"[^0-9A-Za-z.\-_ ]", "", teks)[:24]


def _tolak_nilai_asing(kunci: str, sah: Sequence[str], label: str) -> None:
    asing = [raw for raw in st.query_params.get_all(kunci) if raw != "" and raw not in sah]
    if asing:
        st.sidebar.info(f"{label} «{_aman(asing[0])}» dari tautan tidak dikenal; memakai nilai bawaan.")


def _pilih(label: str, kunci: str, opsi: Sequence, bawaan: int, format_func: Callable[[object], str] = str) -> object:
    _tolak_nilai_asing(kunci, [str(o) for o in opsi], label)
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


def pilih_banyak_wilayah(label: str, kunci: str, bawaan: Sequence[str]) -> list[str]:
    """Several regions at once (the trend lines), by code; bound to the URL as a repeated parameter."""
    wilayah = skor.daftar_wilayah()
    kode = wilayah["kode_wilayah"].tolist()
    nama = dict(zip(kode, wilayah["nama_wilayah"], strict=True))
    _tolak_nilai_asing(kunci, kode, label)
    return list(
        st.sidebar.multiselect(
            label,
            kode,
            default=[k for k in bawaan if k in kode],
            key=kunci,
            bind="query-params",
            format_func=lambda k: nama[k],
            placeholder="Pilih wilayah",
        )
    )


PER_TAHUN = "per-tahun"


def pilih_versi(label: str = "Aturan penilaian", kunci: str = "versi") -> str | None:
    """The rule to score every year with: each year's own rule (None) or one version for all years."""
    opsi = [PER_TAHUN, *scoring.daftar_versi()]
    pilihan = _pilih(
        label, kunci, opsi, 0, lambda v: "Aturan tahun masing-masing" if v == PER_TAHUN else f"Semua tahun: aturan {v}"
    )
    return None if pilihan == PER_TAHUN else str(pilihan)
