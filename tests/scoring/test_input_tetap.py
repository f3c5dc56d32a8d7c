"""Scoring is pure: it never changes the caller's tables (a pandas 3.1 to_numpy quirk once made it do so)."""

import pandas as pd
import pytest
from data_uji import buat_data

import scoring


@pytest.mark.parametrize("basis", scoring.BASIS)
@pytest.mark.parametrize(
    "fungsi", [scoring.hitung_skor, scoring.hitung_kematangan, scoring.kontribusi], ids=lambda f: f.__name__
)
def test_scoring_leaves_its_input_unchanged(fungsi, basis: str) -> None:
    m = scoring.load_metodologi("2023")
    data = buat_data(
        inovasi=[("63.01", "a"), ("63.01", "b", "ditolak")],
        sid=[("a", "16", 3, "kosong"), ("a", "17", 2), ("b", "35", 3, "ada", 1)],
        spd=[("63.01", "1", 3, "perlu_perbaikan"), ("63.01", "8", 2, "ada", 1), ("63.01", "9", 3)],
    )
    salinan = [t.copy(deep=True) for t in (data.inovasi, data.jawaban_sid, data.jawaban_spd)]
    pertama = fungsi(data, m, basis)
    for asli, tabel in zip(salinan, (data.inovasi, data.jawaban_sid, data.jawaban_spd), strict=True):
        pd.testing.assert_frame_equal(asli, tabel)
    pd.testing.assert_frame_equal(pertama, fungsi(data, m, basis))
