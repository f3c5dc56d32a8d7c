"""The age rule (issue 18 §4, confirmed): an innovation counts in year Y when applied in [Y − 2, Y − 1]; from 2025
also when developed in that window. Every verdict carries its reason."""

from __future__ import annotations

import pytest

from scoring import load_metodologi, metodologi_untuk_tahun
from scoring.model import Asal, AturanUsia

SEBELUM_2025 = AturanUsia(umur_maks_tahun=2, pengembangan_dihitung=False, asal=Asal("terkonfirmasi", "uji"))
SEJAK_2025 = AturanUsia(umur_maks_tahun=2, pengembangan_dihitung=True, asal=Asal("terkonfirmasi", "uji"))


@pytest.mark.parametrize(
    ("aturan", "penerapan", "pengembangan", "tahun", "memenuhi", "alasan"),
    [
        (SEJAK_2025, 2023, None, 2025, True, "diterapkan 2023, dalam jendela 2023–2024"),
        (SEJAK_2025, 2024, None, 2025, True, "diterapkan 2024, dalam jendela 2023–2024"),
        (SEJAK_2025, 2022, None, 2025, False, "terlalu lama: diterapkan 2022, tanpa pengembangan 2023–2024"),
        (SEJAK_2025, 2021, 2022, 2025, False, "terlalu lama: diterapkan 2021, tanpa pengembangan 2023–2024"),
        (SEJAK_2025, 2021, 2024, 2025, True, "diterapkan 2021, dikembangkan 2024"),
        (SEJAK_2025, 2019, 2023, 2025, True, "diterapkan 2019, dikembangkan 2023"),
        (SEJAK_2025, 2025, None, 2025, False, "terlalu baru: diterapkan 2025"),
        (SEJAK_2025, 2025, 2024, 2025, True, "diterapkan 2025, dikembangkan 2024"),
        (SEJAK_2025, 2024, 2025, 2026, True, "diterapkan 2024, dalam jendela 2024–2025"),
        (SEJAK_2025, None, None, 2025, True, "tanpa tanggal penerapan (belum diterapkan): dianggap memenuhi"),
        # before 2025 a pengembangan date does not help
        (SEBELUM_2025, 2019, None, 2021, True, "diterapkan 2019, dalam jendela 2019–2020"),
        (SEBELUM_2025, 2018, 2020, 2021, False, "terlalu lama: diterapkan 2018 (jendela 2019–2020)"),
        (SEBELUM_2025, 2021, None, 2021, False, "terlalu baru: diterapkan 2021"),
        (SEBELUM_2025, 2021, None, 2023, True, "diterapkan 2021, dalam jendela 2021–2022"),
    ],
)
def test_usia_dengan_alasan(
    aturan: AturanUsia, penerapan: int | None, pengembangan: int | None, tahun: int, memenuhi: bool, alasan: str
) -> None:
    hasil = aturan.nilai(penerapan, tahun, pengembangan)
    assert (hasil.memenuhi, hasil.alasan) == (memenuhi, alasan)
    assert aturan.layak(penerapan, tahun, pengembangan) is memenuhi


def test_jendela_satu_tahun() -> None:
    aturan = AturanUsia(umur_maks_tahun=1, pengembangan_dihitung=False, asal=Asal("asumsi", "uji"))
    assert aturan.jendela(2024) == (2023, 2023)
    assert aturan.nilai(2022, 2024).alasan == "terlalu lama: diterapkan 2022 (jendela 2023)"


def test_aturan_terkonfirmasi_di_setiap_versi_dan_pengembangan_sejak_2025() -> None:
    for tahun in (2021, 2022, 2023, 2024, 2025, 2026):
        usia = metodologi_untuk_tahun(tahun).usia
        assert usia.asal.keyakinan == "terkonfirmasi", tahun
        assert usia.jendela(tahun) == (tahun - 2, tahun - 1)
        assert usia.pengembangan_dihitung is (tahun >= 2025), tahun
        assert "langkar.id" in usia.asal.sumber and "diskominfomc.kalselprov.go.id" in usia.asal.sumber
    assert load_metodologi("2025").usia.tahun_penerapan_min(2025) == 2023
