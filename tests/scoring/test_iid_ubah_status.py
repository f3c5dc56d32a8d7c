"""scoring.iid_ubah_status: the region's IID with one innovation's status changed, each change on its own.
Hand-computed cases under the 2025 rule (MAX(10, n), 0,38 per innovation, no yandas gate) and the 2026 one (the
0,38 only with 5 of the 6 yandas urusan), and against a full re-score by hitung_skor on random data."""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import DataPenilaian, hitung_skor, iid_ubah_status, load_metodologi
from tests.scoring.data_uji import buat_data, data_acak

M25 = load_metodologi("2025")
M26 = load_metodologi("2026")
YANDAS = M26.syarat_yandas.urusan  # type: ignore[union-attr]


def portal(rows: list[tuple[Any, ...]]) -> DataPenilaian:
    """rows: (kode_wilayah, id_inovasi, status, urusan, kematangan_portal)."""
    data = buat_data([r[:4] for r in rows])
    inovasi = data.inovasi.assign(kematangan_portal=pd.Series([r[4] for r in rows], dtype="float64"))
    return dataclasses.replace(data, inovasi=inovasi)


def test_holding_the_weak_one_by_hand() -> None:
    # 12 × 100 and one 5 sent: (1205 / 13 + 13 × 0,38) / 250 × 100; held: (1200 / 12 + 12 × 0,38) / 250 × 100
    rows = [("63.01", f"k{j}", "dikirim", None, 100) for j in range(12)] + [("63.01", "lemah", "dikirim", None, 5)]
    hasil = iid_ubah_status(portal(rows), M25, ["lemah", "k0"], ["draft", "draft"])
    assert hasil[0] == pytest.approx((1200 / 12 + 12 * 0.38) * 0.4)
    assert hasil[1] == pytest.approx((1105 / 12 + 12 * 0.38) * 0.4)


def test_sending_a_draft_below_the_divisor_floor_by_hand() -> None:
    # 8 sent at 60 and a draft at 90: sending it gives (480 + 90) / MAX(10, 9) + 9 × 0,38
    rows = [("63.01", f"k{j}", "dikirim", None, 60) for j in range(8)] + [("63.01", "d", "draft", None, 90)]
    assert iid_ubah_status(portal(rows), M25, ["d"], ["dikirim"])[0] == pytest.approx((57 + 9 * 0.38) * 0.4)


def test_rejected_stays_in_the_divisor_by_hand() -> None:
    # 10 sent at 100; one rejected by the verifier: 900 / MAX(10, 10) (still in n) + 9 × 0,38 (jumlah: sent only)
    rows = [("63.01", f"k{j}", "dikirim", None, 100) for j in range(10)]
    assert iid_ubah_status(portal(rows), M25, ["k0"], ["ditolak"])[0] == pytest.approx((90 + 9 * 0.38) * 0.4)


def test_losing_the_fifth_yandas_urusan_closes_the_jumlah_gate_by_hand() -> None:
    # 2026: five yandas urusan, one innovation each at 111: 555 / MAX(12, 5) + 5 × 0,38. Holding one leaves four
    # urusan: 444 / 12 and no jumlah term; holding one of two in the same urusan keeps the gate open.
    rows = [("63.01", f"y{j}", "dikirim", YANDAS[j], 111) for j in range(5)] + [
        ("63.01", "dua", "dikirim", YANDAS[0], 111)
    ]
    hasil = iid_ubah_status(portal(rows), M26, ["y4", "dua"], ["draft", "draft"])
    assert hasil[0] == pytest.approx(555 / 12 * 0.4)
    assert hasil[1] == pytest.approx((555 / 12 + 5 * 0.38) * 0.4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=data_acak(M26, maks_wilayah=3, maks_inovasi=9),
    versi=st.sampled_from(["2023", "2025", "2026"]),
    pilih=st.lists(
        st.tuples(st.integers(0, 200), st.sampled_from(["draft", "dikirim", "diterima", "ditolak"])), max_size=6
    ),
    basis=st.sampled_from(["terverifikasi", "klaim"]),
)
def test_equals_a_full_rescore(data: DataPenilaian, versi: str, pilih: list[tuple[int, str]], basis: str) -> None:
    m = load_metodologi(versi)
    if data.inovasi.empty:
        return
    ubah = [(data.inovasi["id_inovasi"].iat[j % len(data.inovasi)], s) for j, s in pilih]
    hasil = iid_ubah_status(data, m, [u[0] for u in ubah], [u[1] for u in ubah], basis)
    for (id_inovasi, status), nilai in zip(ubah, hasil, strict=True):
        inovasi = data.inovasi.copy()
        inovasi.loc[inovasi["id_inovasi"] == id_inovasi, "status_inovasi"] = status
        kode = inovasi.loc[inovasi["id_inovasi"] == id_inovasi, "kode_wilayah"].iat[0]
        skor = hitung_skor(dataclasses.replace(data, inovasi=inovasi), m, basis).set_index("kode_wilayah")
        assert nilai == pytest.approx(skor.at[kode, "iid_mentah"], abs=1e-9)
