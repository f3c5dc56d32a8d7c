"""Scoring is pure: it never changes the caller's tables (a pandas 3.1 to_numpy quirk once made it do so), so a
caller may score the same data twice, under either basis, and get the same answer."""

import pandas as pd
import pytest

import scoring
from tests.scoring.data_uji import buat_data

M2023 = scoring.load_metodologi("2023")


@pytest.fixture
def data() -> scoring.DataPenilaian:
    # float64 levels without a missing value: the case where pandas hands out a view instead of a copy
    return buat_data(
        inovasi=[("63.01", "a"), ("63.01", "b", "ditolak")],
        sid=[("a", "16", 3, "kosong"), ("a", "17", 2, "perlu_perbaikan"), ("b", "35", 3, "ada", 1)],
        spd=[("63.01", "1", 3, "perlu_perbaikan"), ("63.01", "8", 2, "ada", 1), ("63.01", "9", 3)],
    )


def _tabel(data: scoring.DataPenilaian) -> tuple[pd.DataFrame, ...]:
    return data.inovasi, data.jawaban_sid, data.jawaban_spd


@pytest.mark.parametrize("basis", scoring.BASIS)
@pytest.mark.parametrize(
    "fungsi",
    [
        scoring.hitung_skor,
        scoring.hitung_kematangan,
        scoring.kontribusi,
        lambda data, _m, basis: scoring.level_efektif(data.jawaban_spd, basis),
    ],
    ids=["hitung_skor", "hitung_kematangan", "kontribusi", "level_efektif"],
)
def test_scoring_leaves_its_input_unchanged(data: scoring.DataPenilaian, fungsi, basis: str) -> None:
    salinan = [t.copy(deep=True) for t in _tabel(data)]
    pertama = fungsi(data, M2023, basis)
    for asli, tabel in zip(salinan, _tabel(data), strict=True):
        pd.testing.assert_frame_equal(asli, tabel)
    kedua = fungsi(data, M2023, basis)
    if isinstance(pertama, pd.DataFrame):
        pd.testing.assert_frame_equal(pertama, kedua)
    else:  # level_efektif answers an array
        assert pertama.tolist() == kedua.tolist()


def test_scoring_twice_under_different_bases_gives_each_bases_own_result(data: scoring.DataPenilaian) -> None:
    klaim_dulu = scoring.hitung_skor(data, M2023, "klaim")["iid_mentah"].iat[0]
    scoring.hitung_skor(data, M2023, "terverifikasi")
    assert scoring.hitung_skor(data, M2023, "klaim")["iid_mentah"].iat[0] == klaim_dulu
