"""Text fitting shared by the PPTX and PDF writers: text shrinks until it fits, tables fill their box."""

import pandas as pd
import pytest

from dasbor.bimtek import tata_letak
from dasbor.bimtek.ekspor_pptx import ukur
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
