"""Slide geometry in inches and text fitting, shared by the PPTX and PDF writers and by the chart renderer.

One 16:9 slide is 13.333 × 7.5 in. Charts are drawn at their box's size in CSS pixels (96 per inch) and
exported at scale 2 (192 px per inch), sharper than a 1080p projector needs, so the type in the PNG has the
same size as the type around it. Text is never allowed to run off its box: both writers measure it with their
own font and shrink it down to a size still readable from the back of a hall; what does not fit even then is cut
at a whole line, and the cut says how many lines were left out, so nothing disappears unannounced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from dasbor.bimtek.model import Slide

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
# Footer: the synthetic-data label (when it applies) above the source line, the slide number on the right.
KAKI_LABEL = Kotak(0.5, 6.76, 11.1, 0.28)
KAKI_SUMBER = Kotak(0.5, 7.04, 11.1, 0.4)
KAKI_HALAMAN = Kotak(11.73, 6.76, 1.1, 0.3)
UKURAN_LABEL = 14
ISI_PENUH = Kotak(0.5, 1.4, 12.333, 5.3)

# The title slide: the event name large in the upper middle, details below it.
JUDUL_ACARA = Kotak(0.9, 1.3, 11.5, 1.6)
ISI_ACARA = Kotak(0.9, 3.1, 11.5, 3.4)

# Chart on the left, a column of key lines on the right.
FIGUR_KIRI = Kotak(0.5, 1.35, 8.0, 5.35)
ISI_KANAN = Kotak(8.75, 1.45, 4.08, 5.25)

# Per-region slide: a wide strip (position on the predikat scale), a headline, then one column per block.
FIGUR_ATAS = Kotak(0.5, 1.3, 12.333, 1.5)
KEPALA_WILAYAH = Kotak(0.5, 2.9, 12.333, 0.8)
KOLOM_WILAYAH = Kotak(0.5, 3.8, 12.333, 2.9)
JARAK_KOLOM = 0.4
LEBAR_KOLOM_MIN = 2.8  # a column narrower than this wraps a 12 pt line every three or four words
BOBOT_AKHIR_BARIS = 30  # characters a paragraph costs beyond its own: the part of its last line left empty

# (text, bold) per paragraph, as both writers lay them out.
Paragraf = tuple[str, bool]
# Width in points of a text at a font size in points, bold or not: each writer measures with its own font.
Pengukur = Callable[[str, float, bool], float]

JARAK_BARIS = 1.2  # line height as a multiple of the font size
JARAK_PARAGRAF = 0.3  # extra space after a paragraph, as a multiple of the font size
CADANGAN_LEBAR = 0.95  # PowerPoint's line breaking is not exactly ours: keep 5 % of the width in reserve
HURUF_ISI_MIN = 12


@dataclass(frozen=True)
class Blok:
    """A text box of a slide: where, what, and the largest size its text may take."""

    kotak: Kotak
    paragraf: tuple[Paragraf, ...]
    maks: float
    tengah: bool = False
    kelompok: str = ""  # blocks of one group (side-by-side columns) share one font size


def kotak_sumber(sintetis: bool) -> Kotak:
    """The source line takes the label's place when the data is real."""
    if sintetis:
        return KAKI_SUMBER
    return Kotak(
        KAKI_LABEL.kiri, KAKI_LABEL.atas, KAKI_LABEL.lebar, KAKI_SUMBER.atas + KAKI_SUMBER.tinggi - KAKI_LABEL.atas
    )


def kotak_figur(jenis: str) -> Kotak:
    return FIGUR_ATAS if jenis == "wilayah" else FIGUR_KIRI


def _bagi_lebar_min(lebar: Sequence[float], minimum: float) -> list[float]:
    """The widths with every one raised to `minimum`, taken from the wider ones in proportion: the same sum."""
    minimum = min(minimum, sum(lebar) / len(lebar))  # many columns: all equal is the best there is
    kurang = sum(max(0.0, minimum - w) for w in lebar)
    lebih = sum(w - minimum for w in lebar if w > minimum)
    return [minimum if w <= minimum else w - (w - minimum) * kurang / lebih for w in lebar]


def _paragraf(slide: Slide, bagian: Sequence) -> tuple[Paragraf, ...]:
    """Block headings in bold, lines as bullets (the title slide has no bullets)."""
    titik = "" if slide.jenis == "judul" else "• "
    hasil: list[Paragraf] = []
    for b in bagian:
        if b.judul:
            hasil.append((b.judul, True))
        hasil.extend((titik + baris, False) for baris in b.baris)
    return tuple(hasil)


def blok_isi(slide: Slide, ada_figur: bool) -> list[Blok]:
    """The text boxes of a slide's body."""
    if not slide.isi:
        return []
    if slide.jenis == "judul":
        return [Blok(ISI_ACARA, _paragraf(slide, slide.isi), 28, tengah=True)]
    if slide.jenis == "wilayah" and ada_figur and len(slide.isi) > 1:
        kolom = [_paragraf(slide, [b]) for b in slide.isi[1:]]
        # Columns as wide as their text is long, so that they end at about the same height: the long gap lines
        # get room instead of forcing every column down to the minimum size while the others stay half empty.
        bobot = [sum(len(t) + BOBOT_AKHIR_BARIS for t, _ in k) for k in kolom]
        tersedia = KOLOM_WILAYAH.lebar - JARAK_KOLOM * (len(kolom) - 1)
        lebar = _bagi_lebar_min([tersedia * b / sum(bobot) for b in bobot], LEBAR_KOLOM_MIN)
        kiri = [KOLOM_WILAYAH.kiri + sum(lebar[:i]) + JARAK_KOLOM * i for i in range(len(kolom))]
        return [Blok(KEPALA_WILAYAH, _paragraf(slide, slide.isi[:1]), 24)] + [
            Blok(Kotak(x, KOLOM_WILAYAH.atas, w, KOLOM_WILAYAH.tinggi), k, 22, kelompok="kolom")
            for x, w, k in zip(kiri, lebar, kolom, strict=True)
        ]
    return [Blok(ISI_KANAN if ada_figur else ISI_PENUH, _paragraf(slide, slide.isi), 22)]


@dataclass(frozen=True)
class TeksTertata:
    """A block as written: its paragraphs (cut if they had to be), the font size and where its text ends."""

    kotak: Kotak
    paragraf: tuple[Paragraf, ...]
    ukuran: float
    tengah: bool
    bawah: float  # inches from the top of the slide to the end of the text (with its last paragraph's spacing)


def _potong(paragraf: Sequence[Paragraf], ukuran: float, kotak: Kotak, ukur: Pengukur) -> tuple[Paragraf, ...]:
    """The paragraphs, with as many whole lines cut from the end as needed for the rest and a closing
    '… dan N lainnya' to fit the box: on a projector a readable, honest shortening beats unreadable type."""
    lebar_pt, tinggi_pt = kotak.lebar * 72, kotak.tinggi * 72
    simpan, dibuang = list(paragraf), 0
    while True:
        hasil = (*simpan, (f"… dan {dibuang} lainnya", False)) if dibuang else tuple(simpan)
        if not simpan or tinggi_teks(hasil, ukuran, lebar_pt, ukur) <= tinggi_pt:
            return hasil
        _, tebal = simpan.pop()
        dibuang += not tebal  # lines are counted; a heading is not one of them
        # A heading left with none of its lines under it says nothing: it goes too.
        while simpan and simpan[-1][1]:
            simpan.pop()


def tata_blok(blok: Sequence[Blok], ukur: Pengukur) -> list[TeksTertata]:
    """Every block at the largest size that fits, the same for every block of one group; a block that does not
    fit even at the minimum size is cut (_potong), so no text ever reaches the footer below the body."""
    ukuran = [ukuran_muat(b.paragraf, b.kotak, ukur, b.maks) for b in blok]
    terkecil: dict[str, float] = {}
    for b, u in zip(blok, ukuran, strict=True):
        if b.kelompok:
            terkecil[b.kelompok] = min(u, terkecil.get(b.kelompok, u))
    hasil = []
    for b, u in zip(blok, ukuran, strict=True):
        u = terkecil.get(b.kelompok, u)
        paragraf = _potong(b.paragraf, u, b.kotak, ukur)
        bawah = b.kotak.atas + tinggi_teks(paragraf, u, b.kotak.lebar * 72, ukur) / 72
        hasil.append(TeksTertata(b.kotak, paragraf, u, b.tengah, bawah))
    return hasil


def _jumlah_baris(teks: str, ukuran: float, lebar_pt: float, ukur: Pengukur, tebal: bool) -> int:
    """Lines the text takes when word-wrapped greedily at this size (what PowerPoint and fpdf2 both do)."""
    baris, sekarang = 1, ""
    for kata in teks.split():
        coba = f"{sekarang} {kata}".strip()
        if sekarang and ukur(coba, ukuran, tebal) > lebar_pt:
            baris, sekarang = baris + 1, kata
        else:
            sekarang = coba
    return baris


def tinggi_teks(paragraf: Sequence[Paragraf], ukuran: float, lebar_pt: float, ukur: Pengukur) -> float:
    """Height in points of the paragraphs at one font size."""
    baris = sum(_jumlah_baris(t, ukuran, lebar_pt * CADANGAN_LEBAR, ukur, tebal) for t, tebal in paragraf)
    return baris * ukuran * JARAK_BARIS + len(paragraf) * ukuran * JARAK_PARAGRAF


def ukuran_muat(
    paragraf: Sequence[Paragraf], kotak: Kotak, ukur: Pengukur, maks: float, minimum: float = HURUF_ISI_MIN
) -> float:
    """The largest whole font size from `maks` down to `minimum` at which the text fits its box."""
    ukuran = maks
    while ukuran > minimum and tinggi_teks(paragraf, ukuran, kotak.lebar * 72, ukur) > kotak.tinggi * 72:
        ukuran -= 1
    return ukuran


@dataclass(frozen=True)
class TataTabel:
    ukuran: float  # font size in points
    lebar_kolom: tuple[float, ...]  # inches
    tinggi_baris: tuple[float, ...]  # inches, header row first


BANTALAN_SEL = 0.08  # inches of padding left+right and top+bottom inside a table cell


def _bagi_lebar(alami: Sequence[float], tersedia: float) -> list[float]:
    """Column widths summing to `tersedia`: natural widths when they fit (extra shared in proportion), otherwise
    the widest columns are capped at one common width so that only they wrap."""
    if sum(alami) <= tersedia:
        return [a * tersedia / sum(alami) for a in alami]
    sisa, n = tersedia, len(alami)
    for i, a in enumerate(sorted(alami)):
        batas = sisa / (n - i)
        if a > batas:
            return [min(x, batas) for x in alami]
        sisa -= a
    return list(alami)


def tata_tabel(tabel: pd.DataFrame, kotak: Kotak, ukur: Pengukur, maks: float = 18, minimum: float = 10) -> TataTabel:
    """Column widths and a font size at which every row fits the box, cells wrapping where they must.

    A header may wrap at its spaces, so a column is only as wide as its longest value or header word.
    """
    kepala = [str(k) for k in tabel.columns]
    nilai = [[str(v) for v in r] for r in tabel.itertuples(index=False)]
    ukuran = maks
    while True:
        alami = [
            max([ukur(kata, ukuran, True) for kata in k.split()] + [ukur(r[j], ukuran, False) for r in nilai]) / 72
            + BANTALAN_SEL
            for j, k in enumerate(kepala)
        ]
        lebar = _bagi_lebar(alami, kotak.lebar)
        tinggi = [
            max(_jumlah_baris(t, ukuran, (w - BANTALAN_SEL) * 72, ukur, i == 0) for t, w in zip(r, lebar, strict=True))
            * ukuran
            * JARAK_BARIS
            / 72
            + BANTALAN_SEL
            for i, r in enumerate([kepala, *nilai])
        ]
        if sum(tinggi) <= kotak.tinggi or ukuran <= minimum:
            return TataTabel(ukuran, tuple(lebar), tuple(tinggi))
        ukuran -= 1
