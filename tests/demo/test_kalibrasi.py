"""The demo's calibration scores all regions of a year together (dasbor/demo/kalibrasi.py): a region's IID in the
batch must be bit-identical to its IID scored alone the plain way (its own answer frames, string ids, one
hitung_skor call), so every region's bisection takes the same path and the generated data cannot depend on the
batching. Small region-years with real draws; the full demo's fingerprint is checked in tests/db/test_store.py."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import scoring
from dasbor.demo.kalibrasi import Salinan, SkorSerentak, TahunWilayah, calibrate, draws, jawaban
from dasbor.demo.kosakata import URUSAN_YANDAS

WILAYAH = (("63.01", 30), ("63.05", 57), ("63.09", 41), ("63.72", 12))  # kode, innovations


def _tahun_wilayah(tahun: int, i: int, dengan_salinan: bool) -> TahunWilayah:
    kode, n = WILAYAH[i]
    m = scoring.metodologi_untuk_tahun(tahun)
    sid_kode = [x.kode for x in m.indikator_aspek("SID")]
    spd_kode = [x.kode for x in m.indikator_aspek("SPD")]
    rng = np.random.default_rng([tahun, i])
    d = draws(rng, n, len(sid_kode), len(spd_kode))
    urusan = [str(u) for u in rng.choice([*URUSAN_YANDAS, "pariwisata", "perhubungan"], n)]
    salinan = None
    if dengan_salinan:  # a third of the rows re-entered unchanged from a (drawn) previous year
        klaim = rng.integers(0, 4, (n, len(sid_kode))).astype(float)
        bukti = np.where(rng.random((n, len(sid_kode))) < 0.7, "ada", "kosong").astype(object)
        salinan = Salinan(rng.random(n) < 0.33, klaim, bukti)
    return TahunWilayah(kode, d, urusan, sid_kode, spd_kode, tahun == 2025, max(1, n // 20), salinan)


def _iid_sendiri(t: TahunWilayah, q: float, m: scoring.Metodologi) -> float:
    """The region-year alone, as the generator scored it before the batch: its own frames and one call."""
    status, sid, spd = jawaban(t, q)
    data = scoring.DataPenilaian(
        inovasi=pd.DataFrame(
            {
                "kode_wilayah": t.kode,
                "id_inovasi": [str(i) for i in range(len(status))],
                "status_inovasi": status,
                "urusan_utama": t.urusan,
            }
        ),
        jawaban_sid=sid.assign(id_inovasi=sid["baris"].astype(str)),
        jawaban_spd=spd.assign(kode_wilayah=t.kode),
    )
    return float(scoring.hitung_skor(data, m)["iid_mentah"].iat[0])


@pytest.mark.parametrize("tahun", [2022, 2024, 2025])  # three methodology versions; 2025 is the provisional year
def test_batch_scores_every_region_bit_identically_to_scoring_it_alone(tahun: int) -> None:
    m = scoring.metodologi_untuk_tahun(tahun)
    daftar = [_tahun_wilayah(tahun, i, i % 2 == 1) for i in range(len(WILAYAH))]
    batch = SkorSerentak(daftar, m)
    for qs in ([1.0] * 4, [0.5] * 4, [0.0, 0.25, 0.8125, 0.6171875], [0.999, 0.01, 0.33, 0.77]):
        sendiri = [_iid_sendiri(t, q, m) for t, q in zip(daftar, qs, strict=True)]
        bersama = batch.iid(qs).tolist()
        # exact equality, not approx: the bisection compares these values with the targets
        assert bersama == sendiri, f"{tahun}, q={qs}: batch {bersama} != alone {sendiri}"
        assert len(set(sendiri)) > 1, "the regions must differ for the check to mean anything"


def _biseksi_sendiri(t: TahunWilayah, target: float, m: scoring.Metodologi) -> float:
    """The plain bisection of one region-year, as the generator ran it before the lockstep."""
    lo, hi = 0.0, 1.0
    best = (abs(_iid_sendiri(t, hi, m) - target), hi)
    for _ in range(22):
        mid = (lo + hi) / 2
        value = _iid_sendiri(t, mid, m)
        best = min(best, (abs(value - target), mid))
        lo, hi = (mid, hi) if value < target else (lo, mid)
    return best[1]


def test_lockstep_calibration_follows_each_region_alone_and_reaches_its_target() -> None:
    m = scoring.metodologi_untuk_tahun(2023)
    daftar = [_tahun_wilayah(2023, i, i == 2) for i in range(3)]  # three regions, one with copied answers
    target = [35.0, 52.5, 61.0]
    bersama = calibrate(daftar, target, m)
    assert bersama == [_biseksi_sendiri(t, s, m) for t, s in zip(daftar, target, strict=True)]
    for t, q, s in zip(daftar, bersama, target, strict=True):
        assert abs(_iid_sendiri(t, q, m) - s) < 1.0, f"{t.kode}: IID at q={q} is far from its target {s}"


def test_one_region_twice_in_a_batch_is_refused() -> None:
    m = scoring.metodologi_untuk_tahun(2023)
    t = _tahun_wilayah(2023, 0, False)
    with pytest.raises(ValueError, match="sekali"):
        SkorSerentak([t, t], m)
