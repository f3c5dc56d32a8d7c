"""The plain slide model shared by the Presentasi page and the exporters: no Streamlit, no file formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

LABEL_SINTETIS = "Data inovasi SINTETIS (data demo), bukan data resmi"


class BimtekError(ValueError):
    """Input the deck cannot be built from; the message is shown to the facilitator as is."""


@dataclass(frozen=True)
class Acara:
    """The event on the title slide, edited by the facilitator."""

    nama: str
    tempat: str
    tanggal: date


@dataclass(frozen=True)
class PilihanDeck:
    """What a deck is built from on the Presentasi page: the filters and the facilitator's choices, hashable so
    the deck and its files are kept once per choice."""

    tahun: int
    basis: str
    wilayah: tuple[str, ...]  # the trend slide's regions
    urutan: tuple[str, ...] | None  # slide keys in order; None: the default deck
    acara: Acara
    provinsi: str | None = None  # the province's pemda (a database of several provinces); None: the one province


@dataclass(frozen=True)
class Bagian:
    """A block of body lines, optionally under a small heading."""

    judul: str | None
    baris: tuple[str, ...]


@dataclass
class Slide:
    kunci: str  # stable id: "judul", "wilayah:63.06", …; the facilitator orders slides by it
    jenis: str  # judul | peta | peringkat | nasional | tren | wilayah (one per region) | penutup
    judul: str
    isi: tuple[Bagian, ...] = ()
    figur: go.Figure | None = None
    tabel: pd.DataFrame | None = None  # shown on the slide, already formatted as text
    data: dict[str, pd.DataFrame] = field(default_factory=dict)  # every number shown, as numbers (Excel pack)
    sumber: str = ""  # one footer line: where the numbers on this slide come from
    catatan: tuple[str, ...] = ()  # speaker notes: the numbers and their sources


@dataclass
class Deck:
    acara: Acara
    tahun: int
    basis: str
    versi_metodologi: str
    keyakinan: str  # how surely the year's rule is known (scoring.model.KEYAKINAN)
    sintetis: bool  # some innovation data of the year comes from the synthetic demo generator
    slides: list[Slide]
    # In a mixed year (issue 23 §5): the synthetic regions, by kode and by name; empty when all or none are.
    wilayah_sintetis: frozenset[str] = frozenset()
    nama_sintetis: tuple[str, ...] = ()
    daerah: str = ""  # the province the deck is for (Bahan.daerah); empty: the deployment's scope

    @property
    def label_sintetis(self) -> str:
        """The deck's label: empty for real data, naming the synthetic regions in a mixed year."""
        if not self.sintetis:
            return ""
        if self.nama_sintetis:
            return f"{LABEL_SINTETIS} hanya untuk {', '.join(self.nama_sintetis)}; wilayah lain hasil impor"
        return LABEL_SINTETIS

    def label_untuk(self, slide: Slide) -> str:
        """The label one slide carries: none on the slide of a region imported for real, whatever the year holds."""
        kode = slide.kunci.removeprefix("wilayah:") if slide.jenis == "wilayah" else None
        if kode is not None and self.nama_sintetis and kode not in self.wilayah_sintetis:
            return ""
        return self.label_sintetis
