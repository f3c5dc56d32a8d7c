"""All exports of one deck, with file names that say which event, year and date they belong to."""

from __future__ import annotations

from collections.abc import Collection

from dasbor.bimtek.ekspor_pdf import tulis_pdf
from dasbor.bimtek.ekspor_pptx import tulis_pptx
from dasbor.bimtek.ekspor_xlsx import tulis_xlsx
from dasbor.bimtek.gambar import render_gambar
from dasbor.bimtek.model import Deck
from dasbor.ekspor.nama_berkas import slug

FORMAT = ("pptx", "pdf", "xlsx")
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def nama_berkas(deck: Deck, format_: str) -> str:
    """e.g. 'bimtek-indeks-inovasi-daerah-2024-2025-05-27.pptx': event, tahun penilaian, event date."""
    return f"{slug(deck.acara.nama, cadangan='bimtek')}-{deck.tahun}-{deck.acara.tanggal.isoformat()}.{format_}"


def siapkan_berkas(deck: Deck, format_: Collection[str] = FORMAT) -> dict[str, bytes]:
    """The requested files as bytes by format; charts are rendered once and shared by PPTX and PDF."""
    asing = set(format_) - set(FORMAT)
    if asing:
        raise ValueError(f"format tidak dikenal: {', '.join(sorted(asing))}")
    gambar = render_gambar(deck) if {"pptx", "pdf"} & set(format_) else {}
    penulis = {
        "pptx": lambda: tulis_pptx(deck, gambar),
        "pdf": lambda: tulis_pdf(deck, gambar),
        "xlsx": lambda: tulis_xlsx(deck),
    }
    return {f: penulis[f]() for f in FORMAT if f in format_}
