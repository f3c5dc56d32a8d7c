"""The Hasil services on the demo database: joins, ranks and breakdowns that must add up to the scoring module."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scoring
from dasbor.services import hasil, skor
from dasbor.services.db import database

pytestmark = pytest.mark.usefixtures("demo_env")
BASIS = ("terverifikasi", "klaim")


def test_peringkat_ranks_kab_kota_among_13_and_the_province_apart(demo_env: Path) -> None:
    p = hasil.peringkat(2024, "terverifikasi")
    kabkota = p[p["jenis"] != "provinsi"]
    assert sorted(kabkota["peringkat"]) == list(range(1, 14))
    assert p.loc[p["jenis"] == "provinsi", "peringkat"].tolist() == [1]
    assert p["jenis"].iloc[-1] == "provinsi"  # shown apart, after the kab/kota


def test_peringkat_change_is_last_year_rank_minus_this_year(demo_env: Path) -> None:
    p = hasil.peringkat(2024, "terverifikasi").set_index("kode_wilayah")
    lalu = skor.skor_tahun(2023, "terverifikasi").set_index("kode_wilayah")
    for kode in p.index:
        assert p.at[kode, "perubahan_peringkat"] == lalu.at[kode, "peringkat"] - p.at[kode, "peringkat"]
        assert p.at[kode, "perubahan_iid"] == pytest.approx(p.at[kode, "iid"] - lalu.at[kode, "iid"])
    pertama = hasil.peringkat(min(skor.daftar_tahun()), "terverifikasi")
    assert pertama["perubahan_peringkat"].isna().all()


def test_published_values_sit_next_to_computed_ones_with_their_source(demo_env: Path) -> None:
    p = hasil.peringkat(2024, "terverifikasi").set_index("nama_wilayah")
    assert p.at["Kabupaten Tapin", "nilai_resmi"] == 68.67
    assert p.at["Kota Banjarmasin", "nilai_resmi"] == 58.41
    assert p.at["Provinsi Kalimantan Selatan", "nilai_resmi"] == 51.71
    assert p.at["Kota Banjarmasin", "sumber_resmi"].startswith("https://")
    # the demo is calibrated to ±1,0 of every published value
    assert p["selisih_resmi"].dropna().abs().max() <= 1.0
    assert p["nilai_resmi"].notna().sum() == 3


def test_ringkasan_counts_add_up(demo_env: Path) -> None:
    r = hasil.ringkasan(2024, "terverifikasi")
    assert sum(r.per_predikat.values()) == 13
    assert list(r.per_predikat) == ["Sangat Inovatif", "Inovatif", "Kurang Inovatif", "Tidak Dapat Dinilai"]
    p = hasil.peringkat(2024, "terverifikasi")
    kabkota = p[p["jenis"] != "provinsi"]
    assert r.terbaik["peringkat"] == 1 and r.terlemah["peringkat"] == 13
    assert r.penggerak["perubahan_iid"] == kabkota["perubahan_iid"].max()
    inovasi = hasil.inovasi_tahun(2024)
    assert r.n_inovasi == (inovasi["status_inovasi"] != "draft").sum()
    assert hasil.ringkasan(min(skor.daftar_tahun()), "terverifikasi").penggerak is None


def test_trend_rescored_under_one_version_uses_it_everywhere(demo_env: Path) -> None:
    asli = hasil.tren("terverifikasi")
    periode = skor.database().query("periode").set_index("tahun")["versi_metodologi"]
    assert (asli["versi_metodologi"] == asli["tahun"].map(periode)).all()
    seragam = hasil.tren("terverifikasi", "2025")
    assert set(seragam["versi_metodologi"]) == {"2025"}
    # the 2025 bands are stricter: nobody gains a band by re-scoring 2023 under them
    m23 = scoring.load_metodologi("2023")
    urut = {nama: i for i, nama in enumerate([*(p.nama for p in m23.predikat), m23.predikat_nol])}
    a = asli[asli["tahun"] == 2023].set_index("kode_wilayah")
    b = seragam[seragam["tahun"] == 2023].set_index("kode_wilayah")
    assert all(urut[b.at[k, "predikat"]] >= urut[a.at[k, "predikat"]] for k in a.index)
    pita = hasil.pita_tren("2025")
    assert set(pita["versi"]) == {"2025"} and set(pita.loc[pita["predikat"] == "Sangat Inovatif", "bawah"]) == {65.01}


def test_pertumbuhan_by_hand() -> None:
    tren = pd.DataFrame(
        {"kode_wilayah": "x", "nama_wilayah": "X", "tahun": [2021, 2022, 2023], "iid": [50.0, 55.0, 60.5]}
    )
    g = hasil.pertumbuhan(tren).iloc[0]
    assert g["Δ 2022"] == pytest.approx(5.0) and g["Δ 2023"] == pytest.approx(5.5)
    assert g["rata_rata_perubahan"] == pytest.approx(5.25)
    assert g["pertumbuhan_tahunan"] == pytest.approx(((60.5 / 50) ** 0.5 - 1) * 100)
    nol = hasil.pertumbuhan(tren.assign(iid=[0.0, 10.0, 20.0])).iloc[0]
    assert np.isnan(nol["pertumbuhan_tahunan"])


@pytest.mark.parametrize("basis", BASIS)
@pytest.mark.parametrize("tahun", [2021, 2024, 2025])
def test_breakdown_points_add_up_to_the_unrounded_iid(demo_env: Path, tahun: int, basis: str) -> None:
    rincian = hasil.rincian_indikator(tahun, basis)
    total = rincian.groupby("kode_wilayah")["poin_iid"].sum()
    skor_tahun = skor.skor_tahun(tahun, basis).set_index("kode_wilayah")
    m = skor.metodologi_tahun(database(), tahun)
    # A pemda without SPD has no IID (the one rule): its points are its SID's alone, the SPD rows score nothing
    lengkap = skor_tahun["ada_spd"].astype(bool)
    assert skor_tahun.loc[~lengkap, "iid_mentah"].isna().all()
    np.testing.assert_allclose(
        total.sort_index(),
        skor_tahun["iid_mentah"].where(lengkap, skor_tahun["skor_sid"] / m.maks_total * 100).sort_index(),
        atol=1e-9,
    )
    jumlah = rincian[rincian["kode_indikator"] == hasil.KODE_JUMLAH].set_index("kode_wilayah")["poin_iid"]
    np.testing.assert_allclose(
        jumlah.sort_index(), (skor_tahun["skor_jumlah_inovasi"] / m.maks_total * 100).sort_index()
    )
    assert rincian["level_rata"].dropna().between(0, 3).all()
    assert len(rincian) == 14 * (len(m.indikator) + 2)  # plus the jumlah and the portal kematangan rows


def test_gap_between_two_regions_is_explained_indicator_by_indicator(demo_env: Path) -> None:
    rincian = hasil.rincian_indikator(2024, "terverifikasi")
    s = hasil.selisih_indikator(rincian, "63.06", "63.09")
    iid = skor.skor_tahun(2024, "terverifikasi").set_index("kode_wilayah")["iid_mentah"]
    assert s["selisih"].sum() == pytest.approx(iid["63.06"] - iid["63.09"])
    for tingkat in ("aspek", "variabel"):
        assert hasil.selisih_per(s, tingkat)["selisih"].sum() == pytest.approx(s["selisih"].sum())
    aspek = hasil.selisih_per(s, "aspek").set_index("aspek")
    spd = skor.skor_tahun(2024, "terverifikasi").set_index("kode_wilayah")["skor_spd"]
    assert aspek.at["SPD", "poin_a"] == pytest.approx(spd["63.06"] / 250 * 100)


def test_strengths_and_weaknesses_against_the_kab_kota_median(demo_env: Path) -> None:
    rincian = hasil.rincian_indikator(2024, "terverifikasi")
    kk = hasil.kekuatan_kelemahan(rincian, "63.06")
    kabkota = rincian[(rincian["jenis"] != "provinsi") & (rincian["kode_indikator"] == "35")]
    baris = kk.set_index("kode_indikator").loc["35"]
    assert baris["level_median"] == pytest.approx(kabkota["level_rata"].median())
    assert (kk.loc[kk["posisi"] == "kekuatan", "selisih_level"] >= hasil.AMBANG_JAUH).all()
    assert (kk.loc[kk["posisi"] == "kelemahan", "selisih_level"] <= -hasil.AMBANG_JAUH).all()
    assert (kk.loc[kk["posisi"] == "", "selisih_level"].abs() < hasil.AMBANG_JAUH).all()
    assert hasil.KODE_JUMLAH not in set(kk["kode_indikator"]) and hasil.KODE_PORTAL not in set(kk["kode_indikator"])


def test_a_pemda_without_spd_has_no_spd_level_so_no_spd_weakness(demo_env: Path) -> None:
    rincian = hasil.rincian_indikator(2025, "terverifikasi")
    s = skor.skor_tahun(2025, "terverifikasi").set_index("kode_wilayah")
    tanpa = sorted(s.index[~s["ada_spd"].astype(bool)])
    assert tanpa == ["63.04", "63.07"]  # the demo's portal-only pemda of 2025
    for kode in tanpa:
        kk = hasil.kekuatan_kelemahan(rincian, kode)
        # SPD not entered, and every innovation known only by its portal kematangan: no level, never a weakness
        assert len(kk) == 40 and kk["level_rata"].isna().all() and (kk["posisi"] == "").all()
    # The medians are over the kab/kota that have a level: by hand, each SPD level of those with SPD (0 if absent)
    data = skor.data_penilaian(database(), 2025)
    kabkota = [k for k in s.index[s["ada_spd"].astype(bool)] if s.at[k, "jenis"] != "provinsi"]
    kk = hasil.kekuatan_kelemahan(rincian, "63.03").set_index("kode_indikator")
    for indikator in ("1", "2a", "8"):
        jawaban = data.jawaban_spd[data.jawaban_spd["kode_indikator"] == indikator]
        level = dict(zip(jawaban["kode_wilayah"], scoring.level_efektif(jawaban, "terverifikasi"), strict=True))
        assert kk.at[indikator, "level_median"] == pytest.approx(np.median([level.get(k, 0.0) for k in kabkota]))


def test_innovation_counts_leave_drafts_out(demo_env: Path) -> None:
    inovasi = hasil.inovasi_tahun(2024)
    bukan_draf = inovasi[(inovasi["kode_wilayah"] == "63.06") & (inovasi["status_inovasi"] != "draft")]
    for kolom in ("tahapan", "urusan_utama", "nama_perangkat_daerah"):
        hitung = hasil.jumlah_inovasi(2024, ["63.06"], kolom)
        assert hitung["jumlah"].sum() == len(bukan_draf)
        assert hitung["jumlah"].is_monotonic_decreasing


def test_counts_side_by_side_keep_every_category_of_either_region_with_zero_where_one_has_none() -> None:
    jumlah = pd.DataFrame(
        {
            "kode_wilayah": ["63.06", "63.06", "63.09"],
            "tahapan": ["uji coba", "penerapan", "penerapan"],
            "jumlah": [2, 5, 7],
            "wilayah": ["Tabalong", "Tabalong", "Banjarmasin"],
        }
    )
    tabel = hasil.jumlah_berdampingan(jumlah, "tahapan").set_index("tahapan")
    assert tabel.to_dict("index") == {
        "penerapan": {"Banjarmasin": 7, "Tabalong": 5},
        "uji coba": {"Banjarmasin": 0, "Tabalong": 2},
    }


@pytest.mark.parametrize("basis", BASIS)
def test_yandas_coverage_agrees_with_the_2026_gate_in_the_scoring_module(demo_env: Path, basis: str) -> None:
    gerbang = skor.skor_tahun(2024, basis, "2026").set_index("kode_wilayah")["n_urusan_yandas"]
    for kode in gerbang.index:
        cakupan = hasil.cakupan_yandas(2024, basis, kode)
        assert len(cakupan) == 6
        assert cakupan["tercakup"].sum() == gerbang[kode], kode
