"""SID from the portal's kematangan where an innovation has no indicator-level answers (issue 18 §3).

Hand-computed cases under the 2025 rules (MAX(10, n), 0,38 per innovation, no yandas gate, maximum total 250) and
the 2026 ones (MAX(12, n), the 0,38 only when 5 of the 6 yandas urusan are covered), the property that answers summing to the kematangan give the same IID by either path,
and the naive reference (scoring/reference.py) agreeing on portal data.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import BASIS, DataPenilaian, daftar_versi, hitung_skor, load_metodologi, selisih_kematangan_portal
from scoring.model import STATUS_INOVASI
from scoring.reference import hitung_skor_referensi
from tests.scoring.data_uji import buat_data, jawaban_untuk_kematangan

M = load_metodologi("2025")
M26 = load_metodologi("2026")
YANDAS = M26.syarat_yandas.urusan  # type: ignore[union-attr]


def portal(
    rows: list[tuple[Any, ...]], sid: list[tuple[Any, ...]] = (), spd: list[tuple[Any, ...]] = ()
) -> DataPenilaian:
    """rows: (kode_wilayah, id_inovasi, status, urusan, kematangan_portal)."""
    data = buat_data([r[:4] for r in rows], sid, spd)
    inovasi = data.inovasi.assign(kematangan_portal=pd.Series([r[4] for r in rows], dtype="float64"))
    return dataclasses.replace(data, inovasi=inovasi)


def satu(data: DataPenilaian, m: Any = M, basis: str = "klaim") -> pd.Series:
    return hitung_skor(data, m, basis).set_index("kode_wilayah").iloc[0]


@pytest.mark.parametrize(
    ("rows", "sid", "spd", "harapan"),
    [
        pytest.param(
            # 180 / MAX(10, 3) + 3 × 0,38 = 18 + 1,14; no SPD rows: IID 19,14 / 250 × 100 = 7,656 → 7,66
            [
                ("63.01", "a", "dikirim", None, 90),
                ("63.01", "b", "dikirim", None, 60),
                ("63.01", "c", "diterima", None, 30),
            ],
            [],
            [],
            {"skor_sid": 19.14, "iid": 7.66, "n_inovasi": 3, "sumber_sid": "kematangan", "ada_spd": False},
            id="tiga_inovasi_tanpa_spd",
        ),
        pytest.param(
            # 2026: 5 × 111 / MAX(12, 5) + 5 × 0,38 = 46,25 + 1,9 = 48,15; SPD indicator 1 (bobot 1) at level 3
            # adds 3: IID = 51,15 / 250 × 100 = 20,46
            [("63.01", f"y{j}", "dikirim", YANDAS[j], 111) for j in range(5)],
            [],
            [("63.01", "1", 3)],
            {"skor_sid": 48.15, "iid": 20.46, "n_inovasi": 5, "sumber_sid": "kematangan", "ada_spd": True},
            id="lima_urusan_yandas_2026",
        ),
        pytest.param(
            # a draft is not sent; a rejected innovation sits in the divisor but scores 0 on the verified basis —
            # on the klaim basis it counts as accepted: (80 + 20) / 10 + 2 × 0,38 = 10,76 → IID 4,304 → 4,30
            [
                ("63.01", "a", "dikirim", None, 80),
                ("63.01", "b", "draft", None, 111),
                ("63.01", "c", "ditolak", None, 20),
            ],
            [],
            [],
            {"skor_sid": 10.76, "iid": 4.3, "n_inovasi": 2, "sumber_sid": "kematangan", "ada_spd": False},
            id="draft_dan_ditolak",
        ),
        pytest.param(
            # answers win: "a" counts 50 from its answers, not its portal 70; "b" has only the portal's 40:
            # (50 + 40) / 10 + 2 × 0,38 = 9,76 → IID 3,904 → 3,90, from both sources
            [("63.01", "a", "dikirim", None, 70), ("63.01", "b", "dikirim", None, 40)],
            jawaban_untuk_kematangan("a", 50, M),
            [],
            {"skor_sid": 9.76, "iid": 3.9, "n_inovasi": 2, "sumber_sid": "campuran", "ada_spd": False},
            id="jawaban_menang",
        ),
        pytest.param(
            # twelve at 100: 1200 / MAX(10, 12) + 12 × 0,38 = 104,56 → IID 41,824 → 41,82
            [("63.01", f"x{j}", "dikirim", None, 100) for j in range(12)],
            [],
            [],
            {"skor_sid": 104.56, "iid": 41.82, "n_inovasi": 12, "sumber_sid": "kematangan", "ada_spd": False},
            id="n_di_atas_pembagi",
        ),
        pytest.param(
            # no portal value and no answers: scores 0 but keeps its seat: 55 / 10 + 0,76 = 6,26 → IID 2,50
            [("63.01", "a", "dikirim", None, None), ("63.01", "b", "dikirim", None, 55)],
            [],
            [],
            {"skor_sid": 6.26, "iid": 2.5, "n_inovasi": 2, "sumber_sid": "campuran", "ada_spd": False},
            id="tanpa_nilai",
        ),
    ],
)
@pytest.mark.parametrize("hitung", [hitung_skor, hitung_skor_referensi], ids=["compute", "reference"])
def test_kasus_hitungan_tangan(hitung: Any, rows: list, sid: list, spd: list, harapan: dict[str, Any]) -> None:
    m = M26 if any(r[3] in YANDAS for r in rows) else M
    hasil = hitung(portal(rows, sid, spd), m, "klaim").set_index("kode_wilayah").iloc[0]
    assert hasil["skor_sid"] == pytest.approx(harapan["skor_sid"], abs=1e-9)
    assert hasil["iid"] == pytest.approx(harapan["iid"], abs=1e-9)
    assert hasil["n_inovasi"] == harapan["n_inovasi"]
    if hitung is hitung_skor:
        assert hasil["sumber_sid"] == harapan["sumber_sid"]
        assert bool(hasil["ada_spd"]) is harapan["ada_spd"]


def test_tanpa_kolom_portal_semua_dari_jawaban() -> None:
    data = buat_data([("63.01", "a", "dikirim", None)], jawaban_untuk_kematangan("a", 37, M))
    hasil = satu(data)
    assert hasil["sumber_sid"] == "jawaban" and hasil["n_kematangan_portal"] == 0
    assert hasil["skor_kematangan"] == pytest.approx(3.7)
    assert selisih_kematangan_portal(data, M).empty


def test_basis_terverifikasi_mengikuti_aturan() -> None:
    data = portal([("63.01", "a", "dikirim", None, 90)])
    assert satu(data, basis="terverifikasi")["skor_kematangan"] == pytest.approx(
        9.0
    )  # the 2025 file lets the claim stand
    tanpa = dataclasses.replace(
        M, kematangan_portal=dataclasses.replace(M.kematangan_portal, basis_terverifikasi=False)
    )
    assert satu(data, tanpa, "terverifikasi")["skor_kematangan"] == 0.0
    assert satu(data, tanpa, "klaim")["skor_kematangan"] == pytest.approx(9.0)
    assert any("basis terverifikasi" in apa for apa, _ in M.asumsi_kematangan_portal("terverifikasi"))


def test_skala_berbeda_diskalakan_dan_dicatat_sebagai_asumsi() -> None:
    # a portal on a 0–100 scale under a version whose SID maximum is 111: 50 → 55,5; 55,5 / 10 = 5,55
    m = dataclasses.replace(M, kematangan_portal=dataclasses.replace(M.kematangan_portal, maks=100.0))
    data = portal([("63.01", "a", "dikirim", None, 50)])
    assert satu(data, m)["skor_kematangan"] == pytest.approx(5.55)
    assert hitung_skor_referensi(data, m, "klaim")["skor_sid"].iat[0] == pytest.approx(5.55 + 0.38)
    asumsi = m.asumsi_kematangan_portal("klaim")
    assert any("diskalakan" in apa and asal.keyakinan == "asumsi" for apa, asal in asumsi)
    assert not any("diskalakan" in apa for apa, _ in M.asumsi_kematangan_portal("klaim"))  # 111 = 111: no rescale


def test_selisih_jawaban_dan_portal_didaftar() -> None:
    sid = jawaban_untuk_kematangan("a", 50, M) + jawaban_untuk_kematangan("b", 40, M)
    data = portal(
        [("63.01", "a", "dikirim", None, 70), ("63.01", "b", "dikirim", None, 40), ("63.01", "c", "dikirim", None, 9)],
        sid,
    )
    beda = selisih_kematangan_portal(data, M)
    assert beda["id_inovasi"].tolist() == ["a"]
    assert beda[["kematangan_jawaban", "kematangan_portal", "selisih"]].iloc[0].tolist() == [50.0, 70.0, -20.0]


# --- the two paths agree --------------------------------------------------------------------------------------------


@st.composite
def wilayah_portal(draw: st.DrawFn) -> tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    m = load_metodologi(draw(st.sampled_from(daftar_versi())))
    urusan = st.sampled_from((*(m.syarat_yandas.urusan if m.syarat_yandas else ()), "pariwisata", None))
    rows = []
    for w in draw(st.lists(st.sampled_from(["63.01", "63.02", "63.71"]), min_size=1, max_size=3, unique=True)):
        for j in range(draw(st.integers(0, 14))):
            rows.append((w, f"{w}-{j}", draw(st.sampled_from(STATUS_INOVASI)), draw(urusan), draw(st.integers(0, 111))))
    spd = [(w, "1", draw(st.integers(0, 3))) for w in {r[0] for r in rows}]
    return m.versi, rows, spd


@settings(max_examples=80, deadline=None)
@given(wilayah_portal(), st.sampled_from(BASIS))
def test_jawaban_berjumlah_kematangan_sama_dengan_jalur_portal(kasus: Any, basis: str) -> None:
    versi, rows, spd = kasus
    m = load_metodologi(versi)
    sid = [r for baris in rows for r in jawaban_untuk_kematangan(baris[1], baris[4], m)]
    # the answers carry evidence 'ada' and no verification, so they count as claimed on either basis
    dari_jawaban = hitung_skor(buat_data([r[:4] for r in rows], sid, spd), m, basis)
    dari_portal = hitung_skor(portal(rows, [], spd), m, basis)
    kolom = ["kode_wilayah", "n_inovasi", "skor_spd", "skor_sid", "skor_total", "iid_mentah", "iid", "predikat"]
    pd.testing.assert_frame_equal(dari_jawaban[kolom], dari_portal[kolom], check_exact=False, rtol=1e-12)
    # the naive second computation agrees on the portal path too
    referensi = hitung_skor_referensi(portal(rows, [], spd), m, basis)
    np.testing.assert_allclose(referensi["skor_sid"].astype(float), dari_portal["skor_sid"].astype(float), rtol=1e-12)
    assert referensi["iid"].tolist() == dari_portal["iid"].tolist()
    # and the answers, summing to the portal's value, are never listed as disagreeing
    assert selisih_kematangan_portal(portal(rows, sid, spd), m).empty
