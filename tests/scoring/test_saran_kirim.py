"""The send advice (scoring.saran_kirim): hand-computed cases, every subset of small cases (brute force), and the
SID it claims recomputed by hitung_skor and by the naive reference."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import hitung_skor, load_metodologi
from scoring.reference import hitung_skor_referensi
from scoring.saran_kirim import pilih_kiriman, skor_sid_kiriman
from tests.scoring.data_uji import buat_data

M25 = load_metodologi("2025")  # MAX(10, n), 0,38 per innovation, no yandas gate
M26 = load_metodologi("2026")  # MAX(12, n), 0,38 per innovation only with 5 of the 6 yandas urusan
YANDAS = M26.syarat_yandas.urusan  # type: ignore[union-attr]


def test_yang_rendah_ditahan() -> None:
    # 12 × 100 and one 5: all 13 → 1205 / 13 + 13 × 0,38 = 97,63; the 12 → 1200 / 12 + 4,56 = 104,56
    saran = pilih_kiriman([100] * 12 + [5], [None] * 13, M25)
    assert saran.n == 12 and saran.skor_sid == pytest.approx(104.56)
    assert saran.dikirim.tolist() == [True] * 12 + [False]
    assert saran.alasan[0] == "termasuk 12 kematangan tertinggi"
    assert saran.alasan[12].startswith("ditahan: mengirimnya menurunkan rata-rata kematangan")


def test_di_bawah_pembagi_semua_dikirim() -> None:
    # below the divisor's floor every innovation adds its kematangan ÷ 10 and 0,38: (100 + 90 + 0) / 10 + 1,14
    saran = pilih_kiriman([100, 0, 90], ["a", "b", "c"], M25)
    assert saran.dikirim.all() and saran.skor_sid == pytest.approx(20.14)


def test_urusan_yandas_menggeser_urutan() -> None:
    # 2026: four yandas urusan at 111, the fifth ('sosial') only at 20, eight others at 60.
    # top 12 (4 × 111 + 8 × 60) covers 4 urusan: 924 / 12 = 77, no jumlah points;
    # all 13: 944 / 13 + 13 × 0,38 = 77,55; the five yandas + seven at 60: 884 / 12 + 4,56 = 78,23 (best)
    kematangan = [111, 111, 111, 111, 20, *[60] * 8]
    urusan = [*YANDAS[:4], "sosial", *["pariwisata"] * 8]
    assert "sosial" in YANDAS
    saran = pilih_kiriman(kematangan, urusan, M26)
    assert saran.skor_sid == pytest.approx(884 / 12 + 12 * 0.38)
    assert saran.n == 12 and saran.urusan_yandas_dipaksa == ("sosial",)
    assert saran.dikirim[:5].all() and saran.dikirim[5:].sum() == 7
    assert "urusan pelayanan dasar 'sosial'" in saran.alasan[4]
    ditahan = [a for a, kirim in zip(saran.alasan, saran.dikirim, strict=True) if not kirim]
    assert len(ditahan) == 1 and ditahan[0].startswith("ditahan walau kematangannya termasuk 12 tertinggi")


def test_tanpa_kandidat() -> None:
    saran = pilih_kiriman([], [], M26)
    assert saran.n == 0 and saran.skor_sid == 0.0 and saran.alasan == ()


KASUS = st.integers(0, 9).flatmap(
    lambda n: st.tuples(
        st.sampled_from(["2025", "2026"]),
        st.lists(st.integers(0, 111), min_size=n, max_size=n),
        st.lists(st.sampled_from((*YANDAS, "pariwisata", None)), min_size=n, max_size=n),
    )
)


@settings(max_examples=150, deadline=None)
@given(KASUS)
def test_sama_dengan_semua_himpunan(kasus: tuple[str, list[int], list[object]]) -> None:
    versi, kematangan, urusan = kasus
    m = load_metodologi(versi)
    saran = pilih_kiriman(kematangan, urusan, m)
    terbaik = max(
        skor_sid_kiriman([kematangan[i] for i in s], [urusan[i] for i in s], m)
        for r in range(len(kematangan) + 1)
        for s in combinations(range(len(kematangan)), r)
    )
    assert saran.skor_sid == pytest.approx(terbaik, abs=1e-9)
    pilih = [i for i in range(len(kematangan)) if saran.dikirim[i]]
    assert saran.n == len(pilih)
    assert skor_sid_kiriman([kematangan[i] for i in pilih], [urusan[i] for i in pilih], m) == pytest.approx(
        saran.skor_sid, abs=1e-9
    )
    assert len(saran.alasan) == len(kematangan) and all(saran.alasan)


@settings(max_examples=60, deadline=None)
@given(KASUS)
def test_sid_saran_sama_dengan_hitung_skor(kasus: tuple[str, list[int], list[object]]) -> None:
    """The advice's SID is what the scoring module (and the naive reference) give the chosen set, sent as
    'dikirim' and scored from the portal's kematangan, the rest left as drafts."""
    versi, kematangan, urusan = kasus
    m = load_metodologi(versi)
    saran = pilih_kiriman(kematangan, urusan, m)
    status = ["dikirim" if d else "draft" for d in saran.dikirim]
    data = buat_data([("63.01", f"i{j}", status[j], urusan[j]) for j in range(len(kematangan))] or [])
    data = dataclasses.replace(
        data, inovasi=data.inovasi.assign(kematangan_portal=pd.Series(kematangan, dtype="float64"))
    )
    if not kematangan:
        return
    assert hitung_skor(data, m, "klaim")["skor_sid"].iat[0] == pytest.approx(saran.skor_sid, abs=1e-9)
    assert hitung_skor_referensi(data, m, "klaim")["skor_sid"].iat[0] == pytest.approx(saran.skor_sid, abs=1e-9)
