"""Text fitting shared by the PPTX and PDF writers: text shrinks until it fits, tables fill their box."""

import re

import pandas as pd
import pytest

from dasbor.bimtek import tata_letak
from dasbor.bimtek.ekspor_pdf import _Pdf
from dasbor.bimtek.ekspor_pptx import ukur
from dasbor.bimtek.model import Bagian, Slide
from dasbor.bimtek.tata_letak import Kotak


def test_short_text_keeps_the_largest_size() -> None:
    assert tata_letak.ukuran_muat([("IID 71,00", False)], Kotak(0, 0, 6, 1), ukur, 22) == 22


def test_long_text_shrinks_until_it_fits_and_no_further() -> None:
    kotak = Kotak(0, 0, 4, 2)
    paragraf = [("Perbaiki bukti dukung indikator yang ditolak verifikator " * 2, False)] * 2
    ukuran = tata_letak.ukuran_muat(paragraf, kotak, ukur, 28)
    assert 12 < ukuran < 28
    assert tata_letak.tinggi_teks(paragraf, ukuran, kotak.lebar * 72, ukur) <= kotak.tinggi * 72
    assert tata_letak.tinggi_teks(paragraf, ukuran + 1, kotak.lebar * 72, ukur) > kotak.tinggi * 72


def test_text_that_cannot_fit_stops_at_the_minimum() -> None:
    assert tata_letak.ukuran_muat([("kata " * 500, False)], Kotak(0, 0, 2, 0.5), ukur, 22) == 12


@pytest.mark.parametrize(
    ("alami", "tersedia", "harapan"),
    [
        ([1, 1, 2], 8, [2, 2, 4]),  # room to spare: shared in proportion
        ([1, 1, 10], 6, [1, 1, 4]),  # too wide: only the widest column is capped
        ([3, 5, 10], 9, [3, 3, 3]),  # two too wide: both capped at the same width
    ],
)
def test_column_widths_fill_the_box(alami: list[float], tersedia: float, harapan: list[float]) -> None:
    assert tata_letak._bagi_lebar(alami, tersedia) == pytest.approx(harapan)


def test_table_layout_fits_its_box() -> None:
    tabel = pd.DataFrame(
        {
            "Wilayah": ["Hulu Sungai Selatan"] * 13,
            "IID": ["71,00"] * 13,
            "Tindakan utama": ["Ganti bukti yang ditolak: Nilai Indeks Kualitas Kebijakan (LAN)"] * 13,
        }
    )
    tata = tata_letak.tata_tabel(tabel, tata_letak.ISI_PENUH, ukur)
    assert sum(tata.lebar_kolom) == pytest.approx(tata_letak.ISI_PENUH.lebar)
    assert sum(tata.tinggi_baris) <= tata_letak.ISI_PENUH.tinggi
    assert len(tata.tinggi_baris) == 14


def _slide_wilayah(celah: list[str], terkuat: list[str], lintas: list[str]) -> Slide:
    return Slide(
        "wilayah:63.11",
        "wilayah",
        "Kabupaten Balangan",
        isi=(
            Bagian(None, ("IID 70,47 · Sangat Inovatif · Sudah di predikat tertinggi", "Peringkat 3 dari 13")),
            Bagian("Tiga celah paling bernilai", tuple(celah)),
            Bagian("Inovasi terkuat (kematangan)", tuple(terkuat)),
            Bagian("Cek ulang lintas tahun", tuple(lintas)),
        ),
    )


CELAH_PANJANG = [
    "+0,03 poin · Video inovasi daerah: Bukti dukung untuk level 3 ditolak verifikator · RUMAH LAYAK PARINGIN "
    "(Rehabilitasi Rumah Tidak Layak Huni Berbasis Gotong Royong Kecamatan Paringin)"
] * 3 + ["Jika ketiganya diperbaiki: IID terverifikasi 70,60, Sangat Inovatif"]


@pytest.mark.parametrize("ukur_penulis", [ukur, _Pdf().ukur], ids=["pptx", "pdf"])
def test_region_columns_end_above_the_footer_and_widen_for_long_gap_lines(ukur_penulis) -> None:
    # Balangan 2024 in the demo data: with equal columns the gap column ran into the synthetic-data label.
    slide = _slide_wilayah(CELAH_PANJANG, ["94/111 · KEDAI UMKM PARINGIN · Diskopumdag"] * 3, ["3 inovasi"] * 2)
    blok = tata_letak.blok_isi(slide, ada_figur=True)
    tata = tata_letak.tata_blok(blok, ukur_penulis)
    assert [t.paragraf for t in tata] == [b.paragraf for b in blok]  # all of it fits: nothing cut
    assert all(t.bawah <= t.kotak.atas + t.kotak.tinggi <= tata_letak.KAKI_LABEL.atas for t in tata)
    assert tata[1].ukuran >= tata_letak.HURUF_ISI_MIN
    assert tata[1].kotak.lebar > tata[2].kotak.lebar >= tata[3].kotak.lebar >= tata_letak.LEBAR_KOLOM_MIN
    assert sum(t.kotak.lebar for t in tata[1:]) + 2 * tata_letak.JARAK_KOLOM == pytest.approx(12.333)


@pytest.mark.parametrize("ukur_penulis", [ukur, _Pdf().ukur], ids=["pptx", "pdf"])
def test_text_too_long_even_at_the_minimum_is_cut_and_says_how_much(ukur_penulis) -> None:
    celah = [f"+0,0{i} poin · " + "bukti dukung ditolak verifikator " * 8 for i in range(1, 10)]
    blok = tata_letak.blok_isi(_slide_wilayah(celah, ["SIGAP"], ["1 inovasi"]), ada_figur=True)
    tata = tata_letak.tata_blok(blok, ukur_penulis)
    assert all(t.bawah <= tata_letak.KAKI_LABEL.atas for t in tata)
    kolom = tata[1]
    assert kolom.ukuran == tata_letak.HURUF_ISI_MIN
    teks, tebal = kolom.paragraf[-1]
    dibuang = int(re.fullmatch(r"… dan (\d+) lainnya", teks).group(1))
    assert not tebal and dibuang > 0
    assert kolom.paragraf[:-1] == blok[1].paragraf[: len(kolom.paragraf) - 1]  # the first lines, as they were
    assert len(kolom.paragraf) - 2 + dibuang == len(celah)  # heading + kept lines + the cut ones: none lost


def test_column_widths_are_raised_to_the_minimum_keeping_their_sum() -> None:
    assert tata_letak._bagi_lebar_min([8, 2, 2], 3) == pytest.approx([6, 3, 3])
    assert tata_letak._bagi_lebar_min([5, 4], 3) == [5, 4]
