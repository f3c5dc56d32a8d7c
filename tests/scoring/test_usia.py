"""The age rule: which innovations a year still records, per rule version (temuan-baru.md)."""

from __future__ import annotations

import pytest

from scoring import load_metodologi, metodologi_untuk_tahun
from scoring.model import Asal, AturanUsia

DUA_TAHUN = AturanUsia(umur_maks_tahun=2, asal=Asal("asumsi", "uji"))


@pytest.mark.parametrize(
    ("tahun_penerapan", "tahun_penilaian", "layak"),
    [
        (2023, 2025, True),  # the oldest year 2025 still records
        (2022, 2025, False),  # "penerapan sebelum 2023 tidak lagi dicatat"
        (2025, 2025, True),
        (2019, 2021, True),  # 2021: "diterapkan 2019–2020"
        (2018, 2021, False),
        (None, 2025, True),  # still in trial: no application year, not too old
    ],
)
def test_layak_menurut_umur(tahun_penerapan: int | None, tahun_penilaian: int, layak: bool) -> None:
    assert DUA_TAHUN.layak(tahun_penerapan, tahun_penilaian) is layak


def test_umur_nol_hanya_tahun_itu() -> None:
    aturan = AturanUsia(umur_maks_tahun=0, asal=Asal("asumsi", "uji"))
    assert aturan.tahun_penerapan_min(2024) == 2024
    assert not aturan.layak(2023, 2024)


def test_2025_satu_sumber_dan_tahun_lain_asumsi() -> None:
    usia = load_metodologi("2025").usia
    assert usia.tahun_penerapan_min(2025) == 2023
    assert usia.asal.keyakinan == "satu-sumber"
    for tahun in (2022, 2023, 2024, 2026):
        assert metodologi_untuk_tahun(tahun).usia.asal.keyakinan == "asumsi", tahun
