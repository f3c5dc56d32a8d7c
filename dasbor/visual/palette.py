"""One predikat palette for every chart, table and slide, chosen to survive a washed-out projector.

The four band colours differ in lightness as well as hue (dark teal, amber, brick red, light grey), so they stay
apart in greyscale and for red-green colour blindness; tests/ui/test_palette.py checks the distances under
simulated deuteranopia, protanopia and tritanopia, and the contrast of the label text drawn on each colour.
Band names come from the rule versions (scoring/metodologi/*.toml); every version uses these four names.
"""

from __future__ import annotations

PREDIKAT_WARNA = {
    "Sangat Inovatif": "#0B4F6C",
    "Inovatif": "#F0A202",
    "Kurang Inovatif": "#C8453B",
    "Tidak Dapat Dinilai": "#D0D0D0",
}
# Text drawn on a band colour: white on the dark ones, near-black on the light ones (WCAG contrast ≥ 4.5).
PREDIKAT_TEKS = {
    "Sangat Inovatif": "#FFFFFF",
    "Inovatif": "#1A1A1A",
    "Kurang Inovatif": "#FFFFFF",
    "Tidak Dapat Dinilai": "#1A1A1A",
}
URUTAN_PREDIKAT = tuple(PREDIKAT_WARNA)  # best band first
WARNA_LAIN = "#9E9E9E"  # a band name no rule version defines (should not happen; shown, never hidden)

# Lines and bars that are not bands (regions in a trend, two regions side by side): Okabe–Ito, safe for colour
# blindness, without its yellow, which vanishes on a projector.
SERI = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
RESMI = "#111111"  # officially published values: always black, drawn with their own marker
NASIONAL = "#6A3D9A"  # the published national average: a reference line in a colour no band or series uses
TEKS = "#1A1A1A"
KEPALA_TABEL = "#E8EEF2"  # header row of exported tables
PERINGATAN = "#A3001B"  # "data SINTETIS" labels in exported files
GARIS_BANTU = "#5F5F5F"
# The bimtek deck, drawn alike as PPTX and PDF: body text, secondary text, light text, and even table rows.
TEKS_SLIDE = "#111111"
TEKS_SLIDE_LEMBUT = "#333333"
PUTIH = "#FFFFFF"
BARIS_GENAP = "#EEEEEE"

# How much a cell of the Kelengkapan matrix loses, light to dark (sequential, readable in greyscale).
SKALA_CELAH = ((0.0, "#FFF3D6"), (0.35, "#F7B267"), (0.7, "#E4572E"), (1.0, "#8C1C13"))


def warna_predikat(nama: str) -> str:
    return PREDIKAT_WARNA.get(nama, WARNA_LAIN)


def teks_predikat(nama: str) -> str:
    return PREDIKAT_TEKS.get(nama, TEKS)


def warna_seri(i: int) -> str:
    return SERI[i % len(SERI)]


def transparan(warna: str, alfa: float) -> str:
    """'#0B4F6C', 0.15 -> 'rgba(11,79,108,0.15)': band shading behind a chart."""
    r, g, b = rgb(warna)
    return f"rgba({r},{g},{b},{alfa})"


def rgb(warna: str) -> tuple[int, int, int]:
    """'#0B4F6C' -> (11, 79, 108), for writers that take colours as numbers (PDF, PPTX)."""
    h = warna.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return r, g, b
