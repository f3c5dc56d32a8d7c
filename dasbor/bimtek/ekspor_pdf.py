"""The same deck as a PDF, one 16:9 page per slide (fpdf2 with the DejaVu fonts, which cover '—', '≥', '→')."""

from __future__ import annotations

import io
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.fonts import FontFace

from dasbor.bimtek import tata_letak
from dasbor.bimtek.model import Deck, Slide
from dasbor.bimtek.tata_letak import Kotak, Paragraf
from dasbor.lingkup import lingkup
from dasbor.visual import palette
from dasbor.visual.palette import rgb

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_TEBAL = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
HITAM = rgb(palette.TEKS_SLIDE)
ABU = rgb(palette.TEKS_SLIDE_LEMBUT)
MERAH = rgb(palette.PERINGATAN)
PUTIH = rgb(palette.PUTIH)
BARIS_GENAP = rgb(palette.BARIS_GENAP)


class _Pdf(FPDF):
    def __init__(self) -> None:
        """A 16:9 page in inches with the DejaVu fonts, ready to measure text (tata_letak) and to write it."""
        super().__init__(orientation="L", unit="in", format=(tata_letak.TINGGI_SLIDE, tata_letak.LEBAR_SLIDE))
        self.add_font("DejaVu", "", DEJAVU)
        self.add_font("DejaVu", "B", DEJAVU_TEBAL)

    def ukur(self, teks: str, ukuran: float, tebal: bool) -> float:
        """Width in points, for tata_letak."""
        self.set_font("DejaVu", "B" if tebal else "", ukuran)
        return self.get_string_width(teks) * 72  # the document unit is the inch

    def tulis(self, kotak: Kotak, paragraf: Sequence[Paragraf], ukuran: float, warna=HITAM, rata: str = "L") -> None:
        """Paragraphs word-wrapped into the box from its top; the size was chosen so that they fit."""
        self.set_text_color(*warna)
        y = kotak.atas
        for teks, tebal in paragraf:
            self.set_font("DejaVu", "B" if tebal else "", ukuran)
            self.set_xy(kotak.kiri, y)
            self.multi_cell(kotak.lebar, ukuran * tata_letak.JARAK_BARIS / 72, teks, align=rata)
            y = self.get_y() + ukuran * tata_letak.JARAK_PARAGRAF / 72


def _judul(pdf: _Pdf, slide: Slide) -> None:
    paragraf = [(slide.judul, True)]
    if slide.jenis == "judul":
        kotak = tata_letak.JUDUL_ACARA
        ukuran = tata_letak.ukuran_muat(paragraf, kotak, pdf.ukur, 44, 28)
        # Anchored at the bottom of its box, like the PowerPoint title, so it sits just above the details.
        tinggi = tata_letak.tinggi_teks(paragraf, ukuran, kotak.lebar * 72, pdf.ukur) / 72
        pdf.tulis(
            Kotak(kotak.kiri, kotak.atas + kotak.tinggi - tinggi, kotak.lebar, tinggi), paragraf, ukuran, rata="C"
        )
    else:
        kotak = tata_letak.JUDUL
        ukuran = tata_letak.ukuran_muat(paragraf, kotak, pdf.ukur, 34, 22)
        tinggi = tata_letak.tinggi_teks(paragraf, ukuran, kotak.lebar * 72, pdf.ukur) / 72
        pdf.tulis(Kotak(kotak.kiri, kotak.atas + (kotak.tinggi - tinggi) / 2, kotak.lebar, tinggi), paragraf, ukuran)


def _tabel(pdf: _Pdf, slide: Slide) -> None:
    tabel = slide.tabel
    kotak = tata_letak.ISI_PENUH
    tata = tata_letak.tata_tabel(tabel, kotak, pdf.ukur)
    pdf.set_font("DejaVu", "", tata.ukuran)
    pdf.set_text_color(*HITAM)
    pdf.set_xy(kotak.kiri, kotak.atas)
    pdf.set_left_margin(kotak.kiri)  # fpdf2 places a table at the left margin
    with pdf.table(
        width=kotak.lebar,
        col_widths=tata.lebar_kolom,
        line_height=tata.ukuran * tata_letak.JARAK_BARIS / 72,
        padding=tata_letak.BANTALAN_SEL / 2,
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", color=PUTIH, fill_color=HITAM),
        cell_fill_color=BARIS_GENAP,
        cell_fill_mode="ROWS",
        first_row_as_headings=True,
    ) as t:
        for baris in [list(tabel.columns), *tabel.astype(str).itertuples(index=False)]:
            r = t.row()
            for nilai in baris:
                r.cell(str(nilai))
    pdf.set_left_margin(0)


def _kaki(pdf: _Pdf, deck: Deck, slide: Slide, nomor: int) -> None:
    if label := deck.label_untuk(slide):
        pdf.tulis(tata_letak.KAKI_LABEL, [(label, True)], tata_letak.UKURAN_LABEL, warna=MERAH)
    kotak = tata_letak.kotak_sumber(bool(label))
    paragraf = [(slide.sumber, False)]
    pdf.tulis(kotak, paragraf, tata_letak.ukuran_muat(paragraf, kotak, pdf.ukur, 11, 8), warna=ABU)
    pdf.tulis(tata_letak.KAKI_HALAMAN, [(f"{nomor} / {len(deck.slides)}", False)], 14, warna=ABU, rata="R")


def tulis_pdf(deck: Deck, gambar: dict[int, bytes]) -> bytes:
    """The deck as PDF bytes, one page per slide; `gambar` as for tulis_pptx."""
    pdf = _Pdf()
    pdf.set_auto_page_break(False)  # text is sized to fit; a page break would break 'one page per slide'
    pdf.set_margins(0, 0, 0)
    pdf.set_title(deck.acara.nama)
    pdf.set_creator(lingkup().judul_aplikasi)
    for i, slide in enumerate(deck.slides):
        pdf.add_page()
        _judul(pdf, slide)
        if i in gambar:
            kotak = tata_letak.kotak_figur(slide.jenis)
            pdf.image(io.BytesIO(gambar[i]), x=kotak.kiri, y=kotak.atas, w=kotak.lebar, h=kotak.tinggi)
        semua_blok = tata_letak.blok_isi(slide, i in gambar)
        for blok in tata_letak.tata_blok(semua_blok, pdf.ukur):
            pdf.tulis(blok.kotak, blok.paragraf, blok.ukuran, rata="C" if blok.tengah else "L")
        if slide.tabel is not None:
            _tabel(pdf, slide)
        _kaki(pdf, deck, slide, i + 1)
    return bytes(pdf.output())
