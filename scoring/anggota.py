"""Membership and position of keys in a large set, fast for pyarrow-backed strings.

pandas 3's Series.isin on a pyarrow string column turns every value of the set into a pyarrow scalar, one Python
call each: a year's 20 000 answer ids cost about 70 ms per call, 700 ids about 3 ms. One pd.factorize over both
sides gives the same answer in about a millisecond. Where each key's position is wanted (scoring.compute matching
answers to innovations and indicators), Arrow's own hash lookup (pyarrow.compute.index_in) is 3-4x faster again
than a factorize over both sides: a national year's 830 000 answer ids in 9 ms instead of 23.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def ada_di(nilai: pd.Series, daftar: pd.Series | pd.Index | Iterable[object]) -> np.ndarray:
    """Per value of `nilai`, whether it is among `daftar`: Series.isin's answer (a missing value is among a list
    holding one), as a bool array in `nilai`'s order."""
    lain = daftar if isinstance(daftar, pd.Series | pd.Index) else pd.Index(list(daftar), dtype=object)
    n = len(nilai)
    kode, unik = pd.factorize(pd.concat([pd.Series(nilai.array), pd.Series(lain.array)], ignore_index=True))
    ada = np.zeros(len(unik) + 1, dtype=bool)  # slot 0: missing values (factorize codes them -1)
    ada[kode[n:] + 1] = True
    return ada[kode[:n] + 1]


def _teks(nilai: pd.Series | pd.Index) -> pa.Array | pa.ChunkedArray:
    """Keys as Arrow large strings: without a copy for the pyarrow-backed strings DuckDB and read_csv give, others
    (object columns, numbers) converted once; a missing value is null."""
    s = nilai if isinstance(nilai, pd.Series) else pd.Series(nilai)
    if getattr(s.dtype, "storage", None) != "pyarrow":
        s = s.astype(pd.StringDtype("pyarrow"))
    return pa.array(s.array).cast(pa.large_string())


def posisi_di(nilai: pd.Series, daftar: pd.Series | pd.Index) -> np.ndarray:
    """Per value of `nilai`, its position in `daftar` (the first one, if repeated); -1 where it is not there or
    missing."""
    posisi = pc.index_in(_teks(nilai), value_set=_teks(daftar), skip_nulls=True)
    # int32 straight from Arrow when every key was found (the usual case): numpy indexes and counts with it as is
    return np.asarray(pc.fill_null(posisi, -1) if posisi.null_count else posisi)


def semua_unik(nilai: pd.Series) -> bool:
    """Whether every value is there and none repeats."""
    teks = _teks(nilai)
    return teks.null_count == 0 and pc.count_distinct(teks).as_py() == len(teks)
