"""Indonesian number display and markdown-inert data text."""

import math

import pytest

from dasbor.visual.format import angka, angka_bertanda, bilangan, bulat_bertanda, persen, tanpa_markdown


@pytest.mark.parametrize(
    ("nilai", "digit", "teks"),
    [(67.04, 2, "67,04"), (1234.5, 2, "1.234,50"), (0.005, 2, "0,01"), (36742, 0, "36.742"), (None, 2, "–")],
)
def test_angka(nilai, digit, teks) -> None:
    assert angka(nilai, digit) == teks


def test_bilangan_and_nan() -> None:
    assert bilangan(36742) == "36.742"
    assert angka(math.nan) == "–"


@pytest.mark.parametrize(
    ("nilai", "teks"), [(1.5, "+1,50"), (-0.4, "−0,40"), (0.0, "0,00"), (-0.001, "0,00"), (math.nan, "–")]
)
def test_angka_bertanda(nilai, teks) -> None:
    assert angka_bertanda(nilai) == teks


@pytest.mark.parametrize(("nilai", "teks"), [(2.0, "+2"), (-1.0, "−1"), (0.0, "0"), (-0.4, "0"), (math.nan, "–")])
def test_bulat_bertanda(nilai, teks) -> None:  # a change of rank
    assert bulat_bertanda(nilai) == teks


def test_persen() -> None:
    assert persen(12.345) == "12,3 %"
    assert persen(None) == "–"


@pytest.mark.parametrize(
    "jahat",
    ["![x](http://contoh.invalid/a.png)", "[klik](javascript:alert(1))", "# Judul", ":red[merah]", "<b>tebal</b>"],
)
def test_tanpa_markdown_escapes_every_markup_character(jahat: str) -> None:
    aman = tanpa_markdown(jahat)
    # every markup character is preceded by a backslash; removing the escapes gives the text back
    assert aman.replace("\\", "") == jahat.replace("\\", "")
    for i, c in enumerate(aman):
        if c in "![]()#:<>*_`":
            assert aman[i - 1] == "\\", (jahat, aman)
