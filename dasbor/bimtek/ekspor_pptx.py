"""The deck as a 16:9 PowerPoint file: charts as pictures, numbers and sources in the speaker notes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from PIL import ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from dasbor.bimtek import tata_letak
from dasbor.bimtek.model import Deck, Slide
from dasbor.bimtek.tata_letak import Kotak, Paragraf
from dasbor.visual import palette
from dasbor.visual.palette import PREDIKAT_WARNA, rgb, teks_predikat

# Arial is on every PC that opens the file; Liberation Sans has the same metrics and is what we measure with.
HURUF = "Arial"
BERKAS_HURUF = {
    False: (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
}
HITAM = RGBColor(*rgb(palette.TEKS_SLIDE))
ABU = RGBColor(*rgb(palette.TEKS_SLIDE_LEMBUT))
MERAH = RGBColor(*rgb(palette.PERINGATAN))
PUTIH = RGBColor(*rgb(palette.PUTIH))
BARIS_GENAP = RGBColor(*rgb(palette.BARIS_GENAP))
LAYOUT_JUDUL_SAJA = 5  # "Title Only" in python-pptx's default template


def _rgb(warna: str) -> RGBColor:
    return RGBColor.from_string(warna.lstrip("#"))


@cache
def _huruf(tebal: bool) -> ImageFont.FreeTypeFont:
    path = next(p for p in BERKAS_HURUF[tebal] if Path(p).exists())
    return ImageFont.truetype(path, 100)


def ukur(teks: str, ukuran: float, tebal: bool) -> float:
    """Width in points of `teks` at `ukuran` points (measured once at 100 pt and scaled)."""
    return _huruf(tebal).getlength(teks) * ukuran / 100


def _tulis(text_frame, paragraf: Sequence[Paragraf], ukuran: float, warna: RGBColor, tengah: bool = False) -> None:
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    for sisi in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(text_frame, sisi, 0)
    for i, (teks, tebal) in enumerate(paragraf):
        p = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        p.alignment = PP_ALIGN.CENTER if tengah else PP_ALIGN.LEFT
        # Exact spacing in points, as tata_letak measured it (a proportional spacing depends on the font).
        p.line_spacing = Pt(ukuran * tata_letak.JARAK_BARIS)
        p.space_after = Pt(ukuran * tata_letak.JARAK_PARAGRAF)
        run = p.add_run()
        run.text = teks
        run.font.name, run.font.size, run.font.bold = HURUF, Pt(ukuran), tebal
        run.font.color.rgb = warna


def _kotak_teks(s, kotak: Kotak, paragraf: Sequence[Paragraf], ukuran: float, warna: RGBColor, tengah=False):
    box = s.shapes.add_textbox(Inches(kotak.kiri), Inches(kotak.atas), Inches(kotak.lebar), Inches(kotak.tinggi))
    _tulis(box.text_frame, paragraf, ukuran, warna, tengah)
    return box


def _judul(s, slide: Slide) -> None:
    acara = slide.jenis == "judul"
    kotak = tata_letak.JUDUL_ACARA if acara else tata_letak.JUDUL
    judul = s.shapes.title
    # The template's title placeholder is laid out for 4:3; on a 16:9 slide it must be moved and resized.
    judul.left, judul.top = Inches(kotak.kiri), Inches(kotak.atas)
    judul.width, judul.height = Inches(kotak.lebar), Inches(kotak.tinggi)
    paragraf = [(slide.judul, True)]
    ukuran = tata_letak.ukuran_muat(paragraf, kotak, ukur, 44 if acara else 34, 28 if acara else 22)
    _tulis(judul.text_frame, paragraf, ukuran, HITAM, tengah=acara)
    judul.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM if acara else MSO_ANCHOR.MIDDLE


def _tabel(s, slide: Slide) -> None:
    tabel = slide.tabel
    kotak = tata_letak.ISI_PENUH
    tata = tata_letak.tata_tabel(tabel, kotak, ukur)
    shape = s.shapes.add_table(
        len(tabel) + 1,
        len(tabel.columns),
        Inches(kotak.kiri),
        Inches(kotak.atas),
        Inches(kotak.lebar),
        Inches(sum(tata.tinggi_baris)),
    )
    t = shape.table
    for j, lebar in enumerate(tata.lebar_kolom):
        t.columns[j].width = Inches(lebar)
    isi = [list(map(str, tabel.columns)), *([str(v) for v in r] for r in tabel.itertuples(index=False))]
    for i, baris in enumerate(isi):
        t.rows[i].height = Inches(tata.tinggi_baris[i])
        for j, teks in enumerate(baris):
            sel = t.cell(i, j)
            sel.fill.solid()
            latar, warna = HITAM if i == 0 else (BARIS_GENAP if i % 2 == 0 else PUTIH), PUTIH if i == 0 else HITAM
            if i > 0 and teks in PREDIKAT_WARNA:  # a predikat cell in its band colour, as on the pages
                latar, warna = _rgb(PREDIKAT_WARNA[teks]), _rgb(teks_predikat(teks))
            sel.fill.fore_color.rgb = latar
            sel.vertical_anchor = MSO_ANCHOR.MIDDLE
            _tulis(sel.text_frame, [(teks, i == 0)], tata.ukuran, warna)
            sel.margin_left = sel.margin_right = Inches(tata_letak.BANTALAN_SEL / 2)
            sel.margin_top = sel.margin_bottom = Inches(tata_letak.BANTALAN_SEL / 2)


def _kaki(s, deck: Deck, slide: Slide, nomor: int) -> None:
    if label := deck.label_untuk(slide):
        _kotak_teks(s, tata_letak.KAKI_LABEL, [(label, True)], tata_letak.UKURAN_LABEL, MERAH)
    kotak = tata_letak.kotak_sumber(bool(label))
    paragraf = [(slide.sumber, False)]
    _kotak_teks(s, kotak, paragraf, tata_letak.ukuran_muat(paragraf, kotak, ukur, 11, 8), ABU)
    box = _kotak_teks(s, tata_letak.KAKI_HALAMAN, [(f"{nomor} / {len(deck.slides)}", False)], 14, ABU)
    box.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def tulis_pptx(deck: Deck, gambar: dict[int, bytes]) -> bytes:
    """The deck as .pptx bytes; `gambar` holds the PNG of every chart slide by index (gambar.render_gambar)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(tata_letak.LEBAR_SLIDE), Inches(tata_letak.TINGGI_SLIDE)
    for i, slide in enumerate(deck.slides):
        s = prs.slides.add_slide(prs.slide_layouts[LAYOUT_JUDUL_SAJA])
        _judul(s, slide)
        if i in gambar:
            kotak = tata_letak.kotak_figur(slide.jenis)
            s.shapes.add_picture(
                io.BytesIO(gambar[i]),
                Inches(kotak.kiri),
                Inches(kotak.atas),
                width=Inches(kotak.lebar),
                height=Inches(kotak.tinggi),
            )
        semua_blok = tata_letak.blok_isi(slide, i in gambar)
        for blok in tata_letak.tata_blok(semua_blok, ukur):
            _kotak_teks(s, blok.kotak, blok.paragraf, blok.ukuran, HITAM, blok.tengah)
        if slide.tabel is not None:
            _tabel(s, slide)
        _kaki(s, deck, slide, i + 1)
        catatan = [*slide.catatan, label] if (label := deck.label_untuk(slide)) else list(slide.catatan)
        s.notes_slide.notes_text_frame.text = "\n".join(catatan)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
