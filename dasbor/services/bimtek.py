"""The bimtek deck and its files for the Presentasi page, cached per filter state and data fingerprint."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from dasbor.bimtek.ekspor import siapkan_berkas
from dasbor.bimtek.model import Acara, Deck
from dasbor.bimtek.susun import build_deck
from dasbor.services.db import database, stempel


# The key is one hashable tuple: (db path, data fingerprint, tahun, basis, wilayah, urutan, acara fields).
@st.cache_data(show_spinner="Menyusun slide…", max_entries=16)
def _deck(kunci: tuple) -> Deck:
    _path, _stamp, tahun, basis, wilayah, urutan, nama, tempat, tanggal = kunci
    return build_deck(tahun, basis, wilayah, urutan, Acara(nama, tempat, tanggal))


# Few entries: three files of a whole deck are a few MB, and a facilitator prepares one or two decks at a time.
@st.cache_data(show_spinner="Menyiapkan PPTX, PDF dan Excel (grafik digambar dengan Chromium)…", max_entries=4)
def _berkas(kunci: tuple) -> dict[str, bytes]:
    return siapkan_berkas(_deck(kunci))


def _kunci(tahun: int, basis: str, wilayah: Sequence[str], urutan: Sequence[str], acara: Acara) -> tuple:
    db = database()
    return (
        str(db.path),
        stempel(db),
        tahun,
        basis,
        tuple(wilayah),
        tuple(urutan),
        acara.nama,
        acara.tempat,
        acara.tanggal,
    )


def deck(tahun: int, basis: str, wilayah: Sequence[str], urutan: Sequence[str], acara: Acara) -> Deck:
    """The deck for the current filters; raises susun.BimtekError with a message for the facilitator."""
    return _deck(_kunci(tahun, basis, wilayah, urutan, acara))


def berkas(tahun: int, basis: str, wilayah: Sequence[str], urutan: Sequence[str], acara: Acara) -> dict[str, bytes]:
    """PPTX, PDF and XLSX bytes of the same deck, built once per filter state."""
    return _berkas(_kunci(tahun, basis, wilayah, urutan, acara))
