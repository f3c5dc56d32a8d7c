"""Distance to the next predikat band, on the band edges of two rule versions."""

import pytest

import scoring
from dasbor.bimtek.predikat import jarak_predikat_berikutnya, predikat_berikutnya

M2023 = scoring.load_metodologi("2023")  # Inovatif from 35,00, Sangat Inovatif from 60,01
M2025 = scoring.load_metodologi("2025")  # Inovatif from 40,01, Sangat Inovatif from 65,01


@pytest.mark.parametrize(
    ("iid", "m", "nama", "jarak"),
    [
        (59.00, M2023, "Sangat Inovatif", 1.01),
        (60.00, M2023, "Sangat Inovatif", 0.01),
        (34.99, M2023, "Inovatif", 0.01),
        (35.00, M2023, "Sangat Inovatif", 25.01),
        (0.0, M2023, "Kurang Inovatif", 0.01),
        (40.00, M2025, "Inovatif", 0.01),
        (46.99, M2025, "Sangat Inovatif", 18.02),
    ],
)
def test_next_band_and_distance(iid: float, m: scoring.Metodologi, nama: str, jarak: float) -> None:
    assert predikat_berikutnya(iid, m)[0] == nama
    assert jarak_predikat_berikutnya(iid, m) == pytest.approx(jarak, abs=1e-9)


@pytest.mark.parametrize(("iid", "m"), [(60.01, M2023), (100.0, M2023), (65.01, M2025)])
def test_highest_band_has_no_next(iid: float, m: scoring.Metodologi) -> None:
    assert predikat_berikutnya(iid, m) is None
    assert jarak_predikat_berikutnya(iid, m) is None
