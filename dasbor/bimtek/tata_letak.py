"""Slide geometry in inches, shared by the PPTX and PDF writers and by the chart renderer.

One 16:9 slide is 13.333 × 7.5 in. Charts are drawn at their box's size in CSS pixels (96 per inch) and
exported at scale 2 (192 px per inch), sharper than a 1080p projector needs, so the type in the PNG has the
same size as the type around it.
"""

from __future__ import annotations

from dataclasses import dataclass

LEBAR_SLIDE = 13.333
TINGGI_SLIDE = 7.5
PX_PER_INCI = 96
SKALA_GAMBAR = 2


@dataclass(frozen=True)
class Kotak:
    kiri: float
    atas: float
    lebar: float
    tinggi: float

    def piksel(self) -> tuple[int, int]:
        """Width and height in CSS pixels, the size a figure is drawn at."""
        return round(self.lebar * PX_PER_INCI), round(self.tinggi * PX_PER_INCI)


JUDUL = Kotak(0.5, 0.3, 12.333, 0.95)
KAKI = Kotak(0.5, 6.78, 12.333, 0.62)
ISI_PENUH = Kotak(0.5, 1.4, 12.333, 5.3)

# The title slide: the event name large in the upper middle, details below it.
JUDUL_ACARA = Kotak(0.9, 1.3, 11.5, 1.6)
ISI_ACARA = Kotak(0.9, 3.1, 11.5, 3.4)

# Chart on the left, a column of key lines on the right.
FIGUR_KIRI = Kotak(0.5, 1.35, 8.0, 5.35)
ISI_KANAN = Kotak(8.75, 1.45, 4.08, 5.25)

# Per-region slide: a wide strip (position on the predikat scale) above the text.
FIGUR_ATAS = Kotak(0.5, 1.3, 12.333, 1.75)
ISI_BAWAH = Kotak(0.5, 3.15, 12.333, 3.6)


def kotak_figur(jenis: str) -> Kotak:
    return FIGUR_ATAS if jenis == "wilayah" else FIGUR_KIRI


def kotak_isi(jenis: str, ada_figur: bool) -> Kotak:
    if jenis == "judul":
        return ISI_ACARA
    if not ada_figur:
        return ISI_PENUH
    return ISI_BAWAH if jenis == "wilayah" else ISI_KANAN
