"""scoring.anggota answers as pandas does: ada_di as Series.isin, posisi_di as Index.get_indexer (first position
of a repeated key), semua_unik as "no missing value, no duplicate"; on pyarrow strings, Python objects and numbers,
with missing values on either side. hitung_skor's refusals of keys that do not match rest on them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring import DataTidakSahError, hitung_skor, load_metodologi
from scoring.anggota import ada_di, posisi_di, semua_unik
from tests.scoring.data_uji import buat_data

KUNCI = st.one_of(st.none(), st.sampled_from(["a", "b", "c", "63.01-2025-p0001", "", " "]))


@pytest.mark.parametrize(
    ("nilai", "daftar", "harap"),
    [
        (["a", "b", None], ["b"], [False, True, False]),
        (["a", "b", None], ["b", None], [False, True, True]),
        (["a", "b"], [], [False, False]),
        ([], ["a"], []),
        (["x", "x", "y"], ["x", "x"], [True, True, False]),
    ],
)
@pytest.mark.parametrize("dtype", ["str", object])
def test_table(nilai: list, daftar: list, harap: list, dtype: object) -> None:
    seri = pd.Series(nilai, dtype=dtype)
    assert ada_di(seri, pd.Series(daftar, dtype=dtype)).tolist() == harap
    assert ada_di(seri, daftar).tolist() == harap


def test_numbers_and_an_index_with_its_own_labels() -> None:
    seri = pd.Series([1.0, np.nan, 3.0], index=[10, 11, 12])
    assert ada_di(seri, pd.Index([3.0, np.nan])).tolist() == [False, True, True]


@given(st.lists(KUNCI, max_size=30), st.lists(KUNCI, max_size=30), st.sampled_from(["str", object]))
def test_same_answer_as_isin(nilai: list, daftar: list, dtype: object) -> None:
    seri = pd.Series(nilai, dtype=dtype)
    lain = pd.Series(daftar, dtype=dtype)
    assert ada_di(seri, lain).tolist() == seri.isin(lain).tolist()


def _posisi_pandas(nilai: list, daftar: list) -> list[int]:
    """What posisi_di means, the slow way: the first position of each value in the list, -1 when absent or missing."""
    return [next((i for i, d in enumerate(daftar) if d == v), -1) if v is not None else -1 for v in nilai]


@given(st.lists(KUNCI, max_size=30), st.lists(KUNCI, max_size=30), st.sampled_from(["str", object]))
def test_position_is_the_first_match_and_minus_one_for_the_rest(nilai: list, daftar: list, dtype: object) -> None:
    seri, lain = pd.Series(nilai, dtype=dtype), pd.Series(daftar, dtype=dtype)
    # pandas turns None into NaN in a str column: the slow way compares the values as read back
    harap = _posisi_pandas([None if pd.isna(v) else v for v in seri], [None if pd.isna(v) else v for v in lain])
    assert posisi_di(seri, lain).tolist() == harap
    assert semua_unik(lain) == (lain.notna().all() and not lain.duplicated().any())


def test_numbers_are_matched_as_their_text() -> None:
    assert posisi_di(pd.Series([16, 17, 99]), pd.Series(["17", "16"])).tolist() == [1, 0, -1]
    assert semua_unik(pd.Series([1, 2, 3])) and not semua_unik(pd.Series([1.0, np.nan]))


M = load_metodologi("2023")


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (buat_data([("63.01", "a")], [("a", "99", 2)]), "kode indikator SID tidak dikenal: 99"),
        (buat_data([("63.01", "a")], [("a", None, 2)]), "kode indikator SID tidak dikenal: None"),
        (buat_data([("63.01", "a"), ("63.02", "a")]), "id_inovasi ganda atau kosong"),
        (buat_data([("63.01", None)]), "id_inovasi ganda atau kosong"),
        (buat_data([("63.01", "a")], [("b", "16", 2)]), "jawaban_sid memuat id_inovasi yang tidak ada"),
        (buat_data([("63.01", "a")], spd=[("63.01", "99", 2)]), "kode indikator SPD tidak dikenal: 99"),
    ],
)
def test_scoring_refuses_keys_that_do_not_match(data, pesan: str) -> None:
    with pytest.raises(DataTidakSahError, match=pesan):
        hitung_skor(data, M)
