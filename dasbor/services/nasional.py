"""Published national figures (data/referensi/konteks-nasional.csv): pemda reporting, innovations, predikat counts
and, where it was published, the national average IID, each with its keyakinan and source."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

KONTEKS_NASIONAL = Path(__file__).resolve().parents[2] / "data" / "referensi" / "konteks-nasional.csv"


@cache
def konteks_nasional() -> pd.DataFrame:
    """One row per assessment year, as published (empty cells where nothing was found)."""
    teks = dict.fromkeys(("keyakinan", "catatan", "sumber", "keyakinan_rata_rata_iid", "sumber_rata_rata_iid"), str)
    return pd.read_csv(KONTEKS_NASIONAL, dtype=teks)


def rata_rata_iid() -> pd.DataFrame:
    """tahun, rata_rata_iid, keyakinan, sumber: the years whose national average IID was published."""
    k = konteks_nasional().dropna(subset=["rata_rata_iid"])
    return pd.DataFrame(
        {
            "tahun": k["tahun_penilaian"].astype(int),
            "rata_rata_iid": k["rata_rata_iid"].astype(float),
            "keyakinan": k["keyakinan_rata_rata_iid"],
            "sumber": k["sumber_rata_rata_iid"],
        }
    ).reset_index(drop=True)
