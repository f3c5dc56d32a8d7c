"""Gaps of portal-only innovations (a kematangan, video, tahapan and dates; no answers, no SPD, no status), priced on
the set the region's IID is computed on (every eligible innovation when nothing is marked).

Checked against what the data implies, counted here from the rows; against hand-computed prices (n = 8 → divisor 10,
n = 662 → 662) and the send advice's own arithmetic (scoring.saran_kirim.skor_sid_kiriman); against a naive second
computation (each fix applied to the raw rows and re-scored by scoring.reference); and, on random regions, that no
fix, no fastest path and no scenario ever lowers the IID.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scoring
from dasbor.services import kelengkapan as kel
from dasbor.services import simulasi, skor
from dasbor.services.skor import data_dinilai
from scoring.reference import hitung_skor_referensi
from scoring.saran_kirim import pilih_kiriman, skor_sid_kiriman

M = scoring.load_metodologi("2025")
TAHUN = 2025
TOLERANSI = 1e-9


def baris(
    kode: str,
    id_: str,
    k: float,
    *,
    video: bool | None = True,
    tahapan: str = "penerapan",
    terap: date | None = date(2024, 3, 1),
    kembang: date | None = None,
    kembar: str | None = None,
    status: str = "draft",
    urusan: str = "pendidikan",
    opd: str = "Dinas A",
) -> dict[str, Any]:
    return {
        "kode_wilayah": kode,
        "id_inovasi": id_,
        "status_inovasi": status,
        "urusan_utama": urusan,
        "kematangan_portal": float(k),
        "ada_video": video,
        "tahapan": tahapan,
        "tanggal_penerapan": pd.Timestamp(terap) if terap else pd.NaT,
        "tanggal_pengembangan": pd.Timestamp(kembang) if kembang else pd.NaT,
        "kembar_dengan": kembar,
        "nama_inovasi": f"Inovasi {id_}",
        "id_perangkat_daerah": f"{kode}-{opd}",
        "nama_perangkat_daerah": opd,
        "inisiator": "ASN",
        "jenis": "digital",
        "bentuk": "pelayanan publik",
    }


def data_portal(rows: list[dict[str, Any]]) -> scoring.DataPenilaian:
    kosong_sid = pd.DataFrame(columns=list(scoring.KOLOM_SID))
    kosong_spd = pd.DataFrame(columns=list(scoring.KOLOM_SPD))
    return scoring.DataPenilaian(pd.DataFrame(rows), kosong_sid, kosong_spd)


def dengan_satu_spd(data: scoring.DataPenilaian) -> scoring.DataPenilaian:
    """The same region with one SPD answer: a pemda without SPD has no IID, band or fastest path under the one rule
    (skor.nilai_wilayah), so the tests of bands and scenarios give their region one."""
    spd = pd.DataFrame(
        [
            {
                "kode_wilayah": "63.01",
                "kode_indikator": "1",
                "level_klaim": 1.0,
                "status_bukti": "ada",
                "level_verifikasi": 1.0,
            }
        ]
    )
    return scoring.DataPenilaian(data.inovasi, data.jawaban_sid, spd[list(scoring.KOLOM_SPD)])


def kelengkapan(data: scoring.DataPenilaian) -> tuple[scoring.DataPenilaian, pd.DataFrame]:
    """As hitung_kelengkapan takes a year: on the computed set, with explicit wajib rows."""
    dihitung = kel.lengkapi_wajib(data_dinilai(data, M, TAHUN)[0], M)
    return dihitung, kel.hitung_celah(dihitung, M, TAHUN)


# One region with a bit of everything, every row's expectations written beside it.
CAMPUR = [
    baris("63.09", "a", 111),  # complete: no kematangan gap
    baris("63.09", "b", 0, video=False),  # nothing filled in, no video
    baris("63.09", "c", 76, video=False, tahapan="uji coba"),
    baris("63.09", "d", 90, terap=date(2021, 5, 1)),  # too old, no pengembangan: fails 2025
    baris("63.09", "e", 95, terap=date(2021, 5, 1), kembang=date(2024, 1, 2)),  # developed in the window: counts
    baris("63.09", "f", 100, terap=date(2025, 2, 1)),  # too new: fails 2025
    baris("63.09", "g", 80, terap=date(2023, 7, 1)),  # counts 2025, drops out 2026 unless developed 2024–2025
    baris("63.09", "h", 50, kembar="i", opd="Dinas B"),  # twins: h has the lower kematangan
    baris("63.09", "i", 70, kembar="h"),
    baris("63.09", "j", 5, tahapan="inisiatif", terap=None),  # no date: admitted
]


def harapan_jumlah(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Each kind counted from the rows with the rules written out (2025: window 2023–2024; 2026: 2024–2025)."""
    frame = pd.DataFrame(rows)
    terap = frame["tanggal_penerapan"].dt.year
    kembang = frame["tanggal_pengembangan"].dt.year

    def layak(awal: int, akhir: int) -> pd.Series:
        return terap.isna() | terap.between(awal, akhir) | kembang.between(awal, akhir)

    kini, depan = layak(2023, 2024), layak(2024, 2025)
    k = frame["kematangan_portal"]
    advis = {}
    for kode, grup in frame[kini].groupby("kode_wilayah"):
        saran = pilih_kiriman(grup["kematangan_portal"].to_numpy(), grup["urusan_utama"].tolist(), M)
        advis[kode] = int((~saran.dikirim).sum())
    return {
        "kematangan_nol": int((k == 0).sum()),
        "kematangan_kurang": int(((k > 0) & (k < 111)).sum()),
        "video_kosong": int(frame["ada_video"].eq(False).sum()),
        "tahap_belum_penerapan": int((frame["tahapan"] != "penerapan").sum()),
        "usia_gagal": int((~kini).sum()),
        "usia_keluar": int((kini & ~depan).sum()),
        "kembar": int(frame["kembar_dengan"].notna().sum() // 2),
        "saran_tahan": sum(advis.values()),  # nothing is marked: every eligible one counts, the advice holds these
        "saran_kirim": 0,
        "spd_kosong": frame["kode_wilayah"].nunique(),
    }


def test_count_of_each_gap_kind_is_what_the_rows_imply() -> None:
    _, celah = kelengkapan(data_portal(CAMPUR))
    jumlah = celah["jenis_celah"].value_counts()
    harapan = harapan_jumlah(CAMPUR)
    assert {j: int(jumlah.get(j, 0)) for j in harapan} == harapan
    # none of today's answer kinds is invented for rows without answers
    assert not celah["jenis_celah"].isin(["wajib_kosong", "inovasi_draft", "profil_kosong"]).any()
    assert set(celah.loc[celah["jenis_celah"] == "usia_gagal", "id_inovasi"]) == {"d", "f"}
    assert set(celah.loc[celah["jenis_celah"] == "kembar", "id_inovasi"]) == {"h"}
    assert celah["di_portal"].fillna("").ne("").all()  # every gap says what to do in the portal


def test_every_eligible_innovation_is_in_the_computed_set_and_keeps_its_kematangan() -> None:
    data = data_portal(CAMPUR)
    dihitung, _ = kelengkapan(data)
    assert dihitung.jawaban_sid.empty and dihitung.jawaban_spd.empty  # no answer invented over a kematangan
    skor = scoring.hitung_skor(dihitung, M).iloc[0]
    # eligible: all but d and f → n = 8; kematangan sum 111+0+76+95+80+50+70+5 = 487 → 487 / 10 + 8 × 0,38
    assert skor["n_inovasi"] == 8 and skor["skor_sid"] == pytest.approx(48.7 + 3.04)
    assert not skor["ada_spd"]


def test_dates_that_would_make_it_count_are_given() -> None:
    _, celah = kelengkapan(data_portal(CAMPUR))
    teks = celah[celah["jenis_celah"] == "usia_gagal"].set_index("id_inovasi")["yang_kurang"]
    assert "Tanggal Pengembangan antara 01-01-2023 dan 31-12-2024" in teks["d"]
    assert "paling lambat 31-12-2024" in teks["f"] and "mulai IID 2026" in teks["f"]
    keluar = celah[celah["jenis_celah"] == "usia_keluar"].set_index("id_inovasi")["yang_kurang"]
    assert "dikembangkan 2024–2025" in keluar["g"]


@pytest.mark.parametrize(
    ("n", "k", "pembagi"),
    [(8, 60, 10), (10, 60, 10), (12, 50, 12), (662, 85, 662)],
)
def test_kematangan_gaps_are_priced_by_hand(n: int, k: float, pembagi: int) -> None:
    data = data_portal([baris("63.01", f"x{j}", k) for j in range(n)])
    _, celah = kelengkapan(data)
    gap = celah[celah["jenis_celah"] == "kematangan_kurang"]
    assert len(gap) == n
    # (111 − k) ÷ MAX(10, n) SID points, ÷ 250 × 100 IID points; equal kematangan: the advice sends all
    assert gap["nilai_perbaikan"].tolist() == pytest.approx([(111 - k) / pembagi / 250 * 100] * n)
    assert gap["nilai_perbaikan"].sum() == pytest.approx(n * (111 - k) / pembagi * 0.4)
    assert gap["nilai_saran"].tolist() == pytest.approx(gap["nilai_perbaikan"].tolist())
    assert gap["aditif"].all()


def test_video_gap_is_the_twelve_points_of_the_empty_indicator() -> None:
    _, celah = kelengkapan(data_portal(CAMPUR))
    video = celah[celah["jenis_celah"] == "video_kosong"].set_index("id_inovasi")
    # n = 8 → divisor 10: 12 ÷ 10 SID points = 0,48 IID points, not added to the kematangan gap again
    assert video["nilai_perbaikan"].tolist() == pytest.approx([12 / 10 * 0.4] * 2)
    assert not video["aditif"].any()
    assert (video["kode_indikator"] == M.indikator_aspek("SID")[19].kode).all()


def test_holding_a_weak_innovation_is_priced_with_the_advices_arithmetic() -> None:
    # 12 × 100 and one 5, nothing marked: all 13 count. The advice holds the 5 (scoring.saran_kirim).
    rows = [baris("63.01", f"k{j}", 100) for j in range(12)] + [baris("63.01", "lemah", 5)]
    _, celah = kelengkapan(data_portal(rows))
    tahan = celah[celah["jenis_celah"] == "saran_tahan"]
    assert tahan["id_inovasi"].tolist() == ["lemah"]
    semua = skor_sid_kiriman([100] * 12 + [5], [None] * 13, M)  # 1205 / 13 + 13 × 0,38
    tanpa = skor_sid_kiriman([100] * 12, [None] * 12, M)  # 1200 / 12 + 12 × 0,38 = 104,56
    assert semua == pytest.approx(1205 / 13 + 4.94) and tanpa == pytest.approx(104.56)
    nilai = tahan["nilai_perbaikan"].iat[0]
    assert nilai == pytest.approx((tanpa - semua) / 250 * 100)
    assert f"{nilai:.3f}".replace(".", ",") in tahan["yang_kurang"].iat[0]
    # on the advised set the weak one is not sent: raising its kematangan is worth nothing there
    lemah = celah[(celah["id_inovasi"] == "lemah") & (celah["jenis_celah"] == "kematangan_kurang")].iloc[0]
    assert lemah["nilai_saran"] == 0 and lemah["nilai_perbaikan"] > 0


def test_marked_region_gets_the_send_advice_as_a_gap() -> None:
    rows = [baris("63.01", f"k{j}", 100, status="dikirim") for j in range(11)] + [baris("63.01", "belum", 100)]
    _, celah = kelengkapan(data_portal(rows))
    kirim = celah[celah["jenis_celah"] == "saran_kirim"]
    assert kirim["id_inovasi"].tolist() == ["belum"]
    # 11 × 100 / 11 + 11 × 0,38 → 12 × 100 / 12 + 12 × 0,38: only the jumlah term grows, by 0,38
    assert kirim["nilai_perbaikan"].iat[0] == pytest.approx(0.38 / 250 * 100)


def test_spd_gap_is_the_rules_maximum_spd_in_iid_points() -> None:
    _, celah = kelengkapan(data_portal(CAMPUR))
    spd = celah[celah["jenis_celah"] == "spd_kosong"]
    assert spd["nilai_perbaikan"].tolist() == pytest.approx([M.maks_spd / M.maks_total * 100])  # 63 → 25,2
    assert spd["id_perangkat_daerah"].tolist() == [kel.PD_PEMDA]
    assert "status" not in spd["cara_hitung"].iat[0] and "level 3" in spd["cara_hitung"].iat[0]  # not a status


def terapkan_naif(rows: list[dict[str, Any]], gap: pd.Series) -> list[dict[str, Any]]:
    """The gap's fix on the raw rows, from the meaning of its kind (not from the service's columns)."""
    baru = [dict(r) for r in rows]
    for r in baru:
        if r["id_inovasi"] != gap["id_inovasi"]:
            continue
        if gap["jenis_celah"] in ("kematangan_nol", "kematangan_kurang"):
            r["kematangan_portal"] = 111.0
        elif gap["jenis_celah"] == "video_kosong":
            r["kematangan_portal"] = min(111.0, r["kematangan_portal"] + 12)
        elif gap["jenis_celah"] == "usia_gagal":
            r["tanggal_pengembangan"] = pd.Timestamp(2024, 6, 1)
    return baru


def iid_naif(rows: list[dict[str, Any]], tanpa: set[str] = frozenset()) -> dict[str, float]:
    """IID per region with every eligible innovation sent except `tanpa`, by the naive reference."""
    data = data_dinilai(data_portal(rows), M, TAHUN)[0]
    inovasi = data.inovasi.assign(
        status_inovasi=np.where(data.inovasi["id_inovasi"].isin(tanpa), "draft", data.inovasi["status_inovasi"])
    )
    skor = hitung_skor_referensi(scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd), M)
    return dict(zip(skor["kode_wilayah"], skor["skor_total"] / M.maks_total * 100, strict=True))


def test_every_price_equals_a_naive_rescore_of_the_raw_rows() -> None:
    _, celah = kelengkapan(data_portal(CAMPUR))
    awal = iid_naif(CAMPUR)["63.09"]
    for _, gap in celah.iterrows():
        jenis = gap["jenis_celah"]
        terlalu_baru = {
            r["id_inovasi"]: r["tanggal_penerapan"].year > 2024 for r in CAMPUR if pd.notna(r["tanggal_penerapan"])
        }
        if jenis == "usia_gagal" and terlalu_baru[gap["id_inovasi"]]:
            naif = 0.0  # applied in the assessment year itself: no date entered now makes it count
        elif jenis in ("kematangan_nol", "kematangan_kurang", "video_kosong", "usia_gagal"):
            naif = iid_naif(terapkan_naif(CAMPUR, gap))["63.09"] - awal
        elif jenis in ("saran_tahan", "kembar"):
            naif = iid_naif(CAMPUR, {gap["id_inovasi"]})["63.09"] - awal
        elif jenis == "spd_kosong":
            naif = M.maks_spd / M.maks_total * 100
        else:
            naif = 0.0
        assert gap["nilai_perbaikan"] == pytest.approx(max(naif, 0.0), abs=TOLERANSI), gap["id_celah"]


def test_fastest_path_raises_kematangan_and_never_invents_answers() -> None:
    rows = [baris("63.01", f"x{j}", 40 + j) for j in range(20)]
    tanpa_spd, celah_tanpa = kelengkapan(data_portal(rows))
    assert not kel.jalan_tercepat(tanpa_spd, celah_tanpa, M)[0].iloc[0]["tercapai"]  # SID only: no band to reach
    dihitung, celah = kelengkapan(dengan_satu_spd(data_portal(rows)))
    jalan, rincian = kel.jalan_tercepat(dihitung, celah, M)
    hasil = jalan.iloc[0]
    assert hasil["tercapai"] and hasil["iid_sesudah"] > hasil["iid"]
    dipilih = celah.set_index("id_celah").loc[rincian["id_celah"]].reset_index()
    assert dipilih["jenis_celah"].isin(["kematangan_kurang", "kematangan_nol"]).all()
    sesudah = kel.terapkan_celah(dihitung, dipilih)
    assert sesudah.jawaban_sid.empty
    assert (sesudah.inovasi.set_index("id_inovasi").loc[dipilih["id_inovasi"], "kematangan_portal"] == 111).all()


@st.composite
def wilayah_portal(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(1, 24))
    tandai = draw(st.booleans())
    rows = []
    for j in range(n):
        rows.append(
            baris(
                "63.01",
                f"r{j}",
                draw(st.integers(0, 111)),
                video=draw(st.sampled_from([True, False, None])),
                tahapan=draw(st.sampled_from(["penerapan", "uji coba", "inisiatif"])),
                terap=draw(
                    st.sampled_from([None, date(2021, 1, 1), date(2023, 5, 1), date(2024, 5, 1), date(2025, 1, 1)])
                ),
                kembang=draw(st.sampled_from([None, date(2023, 2, 1), date(2025, 2, 1)])),
                status=draw(st.sampled_from(["draft", "dikirim", "ditolak"])) if tandai else "draft",
                urusan=draw(st.sampled_from(["pendidikan", "kesehatan", "pariwisata"])),
            )
        )
    if n >= 2 and draw(st.booleans()):
        rows[0]["kembar_dengan"], rows[1]["kembar_dengan"] = "r1", "r0"
    return rows


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=wilayah_portal())
def test_no_fix_no_fastest_path_and_no_scenario_lowers_the_iid(rows: list[dict[str, Any]]) -> None:
    # One SPD answer, so that the region has an IID to compare (a pemda without SPD shows SID only, and the
    # simulator compares what the pages show); the gaps priced are the portal rows' all the same.
    mentah = dengan_satu_spd(data_portal(rows))
    dihitung, celah = kelengkapan(mentah)
    assert (celah["nilai_perbaikan"] >= -TOLERANSI).all()
    iid = scoring.hitung_skor(dihitung, M)["iid_mentah"].iat[0]
    for _, gap in celah[celah["kematangan_sasaran"].notna()].iterrows():
        sesudah = scoring.hitung_skor(kel.terapkan_celah(dihitung, gap.to_frame().T), M)["iid_mentah"].iat[0]
        assert sesudah >= iid - TOLERANSI
        assert sesudah - iid == pytest.approx(gap["nilai_perbaikan"], abs=TOLERANSI)
    jalan, _ = kel.jalan_tercepat(dihitung, celah, M)
    assert (jalan["iid_sesudah"].dropna() >= jalan.loc[jalan["tercapai"], "iid"]).all()
    # every fix together, as a simulator scenario of B: parts read back from its link: never lower
    kelengkapan_tahun = kel.Kelengkapan(
        tahun=TAHUN,
        provinsi=None,
        versi=M.versi,
        keyakinan="uji",
        celah=celah,
        jalan=jalan,
        jalan_rincian=pd.DataFrame(columns=["kode_wilayah", "urutan", "id_celah"]),
        komitmen=pd.DataFrame(),
        skor=scoring.hitung_skor(dihitung, M).assign(nama_wilayah="Uji", jenis="kabupaten"),
        keterangan_sintetis="",
        data=dihitung,
        inovasi=dihitung.inovasi,
    )
    semua = celah[celah["kematangan_sasaran"].notna()]
    teks = simulasi.tulis(simulasi.Skenario(bukti=tuple(semua["id_celah"])))
    skenario, pesan = simulasi.baca(teks, kelengkapan_tahun, "63.01")
    assert not pesan and set(skenario.bukti) == set(semua["id_celah"])
    nyata = skor.nilai_wilayah(mentah, M, TAHUN, kelengkapan_tahun.skor[["kode_wilayah", "nama_wilayah", "jenis"]])
    hasil = simulasi.simulasikan(kelengkapan_tahun, "63.01", skenario, nyata)
    assert hasil.simulasi["iid_mentah"] >= hasil.nyata["iid_mentah"] - TOLERANSI
    naik = semua.loc[semua["aditif"], "nilai_perbaikan"].sum()
    assert hasil.simulasi["iid_mentah"] - hasil.nyata["iid_mentah"] == pytest.approx(naik, abs=1e-7)
    # a level given to a portal-only innovation would win over its kematangan: the simulator refuses it
    _, pesan = simulasi.baca(f"L:SID:{rows[0]['id_inovasi']}:16:3", kelengkapan_tahun, "63.01")
    assert pesan and "ekspor portal" in pesan[0]
