"""Scoring never changes the answer tables it is given (a caller may score the same data twice)."""

import pandas as pd
import pytest
from data_uji import buat_data

import scoring

M2023 = scoring.load_metodologi("2023")


@pytest.fixture
def data() -> scoring.DataPenilaian:
    # float64 levels without a missing value: the case where pandas hands out a view instead of a copy
    return buat_data(
        inovasi=[("A", "I1")],
        sid=[("I1", "16", 2, "perlu_perbaikan"), ("I1", "17", 3, "ada", 1)],
        spd=[("A", "1", 3, "kosong"), ("A", "3", 2, "ada", 1)],
    )


@pytest.mark.parametrize("basis", scoring.BASIS)
def test_scoring_leaves_its_input_unchanged(data: scoring.DataPenilaian, basis: str) -> None:
    sebelum = (data.inovasi.copy(), data.jawaban_sid.copy(), data.jawaban_spd.copy())
    scoring.hitung_skor(data, M2023, basis)
    scoring.kontribusi(data, M2023, basis)
    scoring.level_efektif(data.jawaban_spd, basis)
    for asli, kini in zip(sebelum, (data.inovasi, data.jawaban_sid, data.jawaban_spd), strict=True):
        pd.testing.assert_frame_equal(kini, asli)


def test_scoring_twice_under_different_bases_gives_each_bases_own_result(data: scoring.DataPenilaian) -> None:
    klaim_dulu = scoring.hitung_skor(data, M2023, "klaim")["iid_mentah"].iat[0]
    scoring.hitung_skor(data, M2023, "terverifikasi")
    assert scoring.hitung_skor(data, M2023, "klaim")["iid_mentah"].iat[0] == klaim_dulu
