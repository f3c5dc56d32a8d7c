"""The vectorised compute.hitung_skor agrees with the naive loop implementation in scoring/reference.py."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import BASIS, daftar_versi, hitung_skor, load_metodologi
from scoring.model import KOLOM_RINGKAS
from scoring.reference import hitung_skor_referensi
from tests.scoring.data_uji import data_acak


@pytest.mark.parametrize("basis", BASIS)
@pytest.mark.parametrize("versi", daftar_versi())
@settings(max_examples=30, deadline=None)
@given(st.data())
def test_compute_sama_dengan_referensi(versi: str, basis: str, data: st.DataObject) -> None:
    m = load_metodologi(versi)
    penilaian = data.draw(data_acak(m))
    ours = hitung_skor(penilaian, m, basis)[list(KOLOM_RINGKAS)]
    # iid and predikat must match exactly; the raw sums may differ by float summation order only.
    pd.testing.assert_frame_equal(ours, hitung_skor_referensi(penilaian, m, basis), check_dtype=False, rtol=1e-12)
