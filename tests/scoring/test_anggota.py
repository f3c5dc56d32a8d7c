"""scoring.anggota.ada_di answers as Series.isin does, on pyarrow strings, Python objects and numbers, with
missing values on either side."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.anggota import ada_di

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
