"""Ranking within a group (issue 25 §3), as COINr's use_group: the province view ranks a province's kabupaten and
kota together and the provinces among themselves (today's Kalsel ranking, unchanged); the IGA clusters rank each
kind (provinsi, kabupaten, kota) among its own kind across every region scored. Expected ranks are computed by hand
below each table, and a naive second computation (count of better scores + 1) checks them on a national frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dasbor.services import hasil
from dasbor.services.skor import kelompok_klaster, kelompok_provinsi, peringkat_wilayah

# kode, jenis, iid_mentah, province-view rank, cluster rank (by hand)
TABEL = [
    ("63", "provinsi", 60.0, 2, 2),  # provinces: 35 (70) 1st, 63 (60) 2nd
    ("63.01", "kabupaten", 50.0, 2, 2),  # Kalsel kab/kota: 63.71, 63.01, 63.02; kabupaten: 35.01 1st, then 2nd
    ("63.02", "kabupaten", 40.0, 3, 4),
    ("63.71", "kota", 55.0, 1, 2),  # kota: 35.71 (65) 1st, 63.71 (55) 2nd
    ("35", "provinsi", 70.0, 1, 1),
    ("35.01", "kabupaten", 80.0, 1, 1),  # Jatim kab/kota: 35.01 (80), 35.02 (50, ties 63.01 in the cluster), 35.71 (65)
    ("35.02", "kabupaten", 50.0, 3, 2),
    ("35.71", "kota", 65.0, 2, 1),
]


def _skor(baris: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=["kode_wilayah", "jenis", "iid_mentah", "provinsi_harap", "klaster_harap"])


def test_province_view_and_clusters_by_hand() -> None:
    skor = _skor(TABEL)
    assert peringkat_wilayah(skor).tolist() == skor["provinsi_harap"].tolist()
    assert peringkat_wilayah(skor, kelompok_klaster(skor)).tolist() == skor["klaster_harap"].tolist()


def test_a_tie_shares_the_better_rank() -> None:
    # 35.02 and 63.01 both score 50 among kabupaten: both 2nd (method min), 63.02 is 4th.
    skor = _skor(TABEL)
    klaster = dict(zip(skor["kode_wilayah"], peringkat_wilayah(skor, kelompok_klaster(skor)), strict=True))
    assert (klaster["35.02"], klaster["63.01"], klaster["63.02"]) == (2, 2, 4)


def test_one_province_keeps_todays_kab_and_kota_together() -> None:
    kalsel = _skor([b for b in TABEL if b[0].startswith("63")])
    assert peringkat_wilayah(kalsel).tolist() == [1, 2, 3, 1]  # province alone; 63.71, 63.01, 63.02
    assert peringkat_wilayah(kalsel, kelompok_klaster(kalsel)).tolist() == [1, 1, 2, 1]


def test_naive_second_computation_on_a_national_frame() -> None:
    rng = np.random.default_rng(25)
    kode = [f"{p}" for p in range(11, 21)] + [f"{p}.{k:02d}" for p in range(11, 21) for k in range(1, 9)]
    kode += [f"{p}.{k}" for p in range(11, 21) for k in (71, 72)]
    jenis = ["provinsi" if "." not in k else ("kota" if k.endswith((".71", ".72")) else "kabupaten") for k in kode]
    skor = pd.DataFrame({"kode_wilayah": kode, "jenis": jenis, "iid_mentah": rng.integers(0, 40, len(kode)) * 2.5})
    for kelompok in (kelompok_provinsi(skor), kelompok_klaster(skor)):
        naif = [
            int((skor["iid_mentah"][kelompok == g] > v).sum()) + 1
            for g, v in zip(kelompok, skor["iid_mentah"], strict=True)
        ]
        assert peringkat_wilayah(skor, kelompok).tolist() == naif


@pytest.mark.parametrize(
    ("lingkup", "kode", "teks"),
    [
        (
            "63",
            "63.01",
            "peringkat 2 dari 3 kab/kota di Kalimantan Selatan; klaster kabupaten di Kalimantan Selatan: 1 dari 2",
        ),
        (
            "63",
            "63.71",
            "peringkat 1 dari 3 kab/kota di Kalimantan Selatan; klaster kota di Kalimantan Selatan: 1 dari 1",
        ),
        ("63", "63", "klaster provinsi di Kalimantan Selatan: 1 dari 1"),
        ("nasional", "35.02", "peringkat 3 dari 3 kab/kota di Jawa Timur; klaster kabupaten nasional: 2 dari 4"),
        ("nasional", "63", "klaster provinsi nasional: 2 dari 2"),
    ],
)
def test_both_ranks_in_words(lingkup: str, kode: str, teks: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_LINGKUP", lingkup)
    skor = _skor([b for b in TABEL if lingkup == "nasional" or b[0].split(".")[0] == lingkup])
    skor["peringkat"] = peringkat_wilayah(skor)
    skor["peringkat_klaster"] = peringkat_wilayah(skor, kelompok_klaster(skor))
    assert hasil.teks_peringkat(kode, skor) == teks
