"""scoring.poin_kematangan: what one point of the portal's kematangan is worth in IID points. Hand-computed cases
(2025: MAX(10, n), total 250; 2026: MAX(12, n)), and a naive second computation: raise the kematangan and re-score
in full with the reference implementation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import DataPenilaian, load_metodologi, poin_kematangan
from scoring.reference import hitung_skor_referensi
from tests.scoring.data_uji import buat_data, jawaban_untuk_kematangan

M25 = load_metodologi("2025")
M26 = load_metodologi("2026")


def portal(rows: list[tuple[Any, ...]], sid: list[tuple[Any, ...]] = ()) -> DataPenilaian:
    """rows: (kode_wilayah, id_inovasi, status, kematangan_portal)."""
    data = buat_data([(w, i, s, None) for w, i, s, _ in rows], sid)
    inovasi = data.inovasi.assign(kematangan_portal=pd.Series([r[3] for r in rows], dtype="float64"))
    return dataclasses.replace(data, inovasi=inovasi)


def seragam(n: int, kematangan: float = 60.0, kode: str = "63.01") -> list[tuple[Any, ...]]:
    return [(kode, f"{kode}-{j}", "dikirim", kematangan) for j in range(n)]


@pytest.mark.parametrize(
    ("m", "n", "pembagi"),
    [
        (M25, 8, 10),  # fewer than 10 sent: the floor of the divisor
        (M25, 10, 10),
        (M25, 662, 662),  # Tabalong 2025 sent as eligible: n itself
        (M26, 8, 12),  # 2026: MAX(12, n)
        (M26, 40, 40),
    ],
)
def test_one_point_is_one_over_the_divisor_over_the_total(m: Any, n: int, pembagi: int) -> None:
    hasil = poin_kematangan(portal(seragam(n)), m, "terverifikasi")
    assert hasil["poin_per_kematangan"].tolist() == pytest.approx([1 / pembagi / 250 * 100] * n)
    assert hasil["dari_kematangan_portal"].all()


@pytest.mark.parametrize(
    ("n", "k", "harapan"),
    [
        (8, 60, 51 / 10 / 250 * 100),  # (111 − 60) ÷ MAX(10, 8) = 5,1 SID points → 2,04 IID points
        (8, 0, 111 / 10 / 250 * 100),  # nothing filled in: 11,1 SID points → 4,44
        (662, 85, 26 / 662 / 250 * 100),  # 26 ÷ 662 SID points
    ],
)
def test_raising_to_111_is_worth_the_hand_computed_points(n: int, k: float, harapan: float) -> None:
    hasil = poin_kematangan(portal(seragam(n, k)), M25, "terverifikasi")
    assert (111 - k) * hasil["poin_per_kematangan"].iat[0] == pytest.approx(harapan)


def test_drafts_and_innovations_with_answers_are_worth_nothing_here() -> None:
    rows = [*seragam(3), ("63.01", "draft", "draft", 50.0), ("63.01", "jawab", "dikirim", 40.0)]
    data = portal(rows, jawaban_untuk_kematangan("jawab", 40, M25))
    hasil = poin_kematangan(data, M25, "terverifikasi").set_index("id_inovasi")
    assert hasil.at["draft", "poin_per_kematangan"] == 0
    assert hasil.at["jawab", "poin_per_kematangan"] == 0 and not hasil.at["jawab", "dari_kematangan_portal"]
    # n = 4 counted (the draft is not): divisor 10
    assert hasil.at["63.01-0", "poin_per_kematangan"] == pytest.approx(1 / 10 / 250 * 100)


@settings(max_examples=40, deadline=None)
@given(
    kematangan=st.lists(st.integers(0, 111), min_size=1, max_size=16),
    status=st.lists(st.sampled_from(["dikirim", "diterima", "draft", "ditolak"]), min_size=16, max_size=16),
    pilih=st.integers(0, 15),
    naik=st.integers(1, 111),
    versi=st.sampled_from(["2025", "2026"]),
)
def test_equals_a_full_rescore_by_the_reference(
    kematangan: list[int], status: list[str], pilih: int, naik: int, versi: str
) -> None:
    m = load_metodologi(versi)
    rows = [("63.01", f"i{j}", status[j], float(k)) for j, k in enumerate(kematangan)]
    data = portal(rows)
    j = pilih % len(rows)
    baru = min(111.0, kematangan[j] + naik)
    inovasi = data.inovasi.copy()
    inovasi.loc[j, "kematangan_portal"] = baru
    sebelum = hitung_skor_referensi(data, m, "terverifikasi").set_index("kode_wilayah")["skor_total"]
    sesudah = hitung_skor_referensi(dataclasses.replace(data, inovasi=inovasi), m, "terverifikasi")
    naif = (sesudah.set_index("kode_wilayah")["skor_total"] - sebelum).iat[0] / m.maks_total * 100
    poin = poin_kematangan(data, m, "terverifikasi")["poin_per_kematangan"].iat[j]
    assert (baru - kematangan[j]) * poin == pytest.approx(naif, abs=1e-9)
