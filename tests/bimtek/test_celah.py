"""Evidence gaps priced in IID points: hand-computed on a tiny case, and exact against a full re-score."""

from __future__ import annotations

import pandas as pd
import pytest

import scoring
from dasbor.bimtek.celah import hitung_celah_bukti
from dasbor.db.connection import Database
from dasbor.services.skor import data_penilaian, metodologi_tahun
from tests.scoring.data_uji import buat_data

M2023 = scoring.load_metodologi("2023")


def _dengan_profil(data: scoring.DataPenilaian) -> scoring.DataPenilaian:
    inovasi = data.inovasi.assign(
        nama_inovasi=[f"Inovasi {i}" for i in data.inovasi["id_inovasi"]], nama_perangkat_daerah="Dinas Uji"
    )
    return scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd)


@pytest.fixture
def data_kecil() -> scoring.DataPenilaian:
    # 2023 rule: SPD points per level = bobot / 250 × 100; SID = bobot / MAX(10, n) / 250 × 100.
    return _dengan_profil(
        buat_data(
            inovasi=[("A", "I1", "dikirim"), ("A", "I2", "ditolak")],
            sid=[
                ("I1", "16", 2, "perlu_perbaikan"),  # bobot 3: 2 × 0,12 = 0,24
                ("I1", "17", 1, "ditolak"),  # bobot 2: 1 × 0,08 = 0,08
                ("I2", "16", 3, "kosong"),  # rejected innovation: scores nothing, fixing it is worth nothing
            ],
            spd=[
                ("A", "1", 3, "kosong"),  # bobot 1: 3 × 0,4 = 1,2
                ("A", "3", 2, "ada", 1),  # verified one level below the claim: 0,4
                ("A", "4", 2, "ada"),  # evidence present, not yet verified: counts in full
                ("A", "5a", 2, "ada", 2),  # verified at the claim
            ],
        )
    )


def test_gaps_are_priced_by_hand_and_sorted_by_worth(data_kecil: scoring.DataPenilaian) -> None:
    celah = hitung_celah_bukti(data_kecil, M2023, 2023)
    # Worth = bobot × levels gained; SPD: ÷ 250 × 100, SID: ÷ MAX(10, 1) ÷ 250 × 100. Empty wajib indicators
    # (SPD 5b–11b, SID 32, 33, 35 of I1) are worth their step from level 0 to level 1, as in the worklist.
    harapan = {
        ("SPD", "-", "1"): 1.2,  # kosong, claim 3
        ("SPD", "-", "3"): 0.4,  # verified 1 below the claim 2
        ("SID", "I1", "16"): 0.24,  # perlu_perbaikan, claim 2, bobot 3
        ("SID", "I1", "17"): 0.08,  # ditolak, claim 1, bobot 2
        **{("SPD", "-", k): b * 0.4 for k, b in [("5b", 0.75), ("6", 1.5), ("7", 1.5), ("8", 1.5), ("9", 1)]},
        **{("SPD", "-", k): 0.75 * 0.4 for k in ("10a", "10b", "11a", "11b")},
        **{("SID", "I1", k): b * 0.04 for k, b in [("32", 2), ("33", 3), ("35", 4)]},
    }
    kunci = [tuple(r) for r in celah[["aspek", "id_inovasi", "kode_indikator"]].fillna("-").values.tolist()]
    assert dict(zip(kunci, celah["nilai_iid"], strict=True)) == pytest.approx(harapan)
    assert celah["nilai_iid"].is_monotonic_decreasing
    masalah = dict(zip(kunci, celah["masalah"], strict=True))
    assert masalah[("SPD", "-", "1")] == "Bukti dukung untuk level 3 belum diunggah"
    assert masalah[("SPD", "-", "3")] == "Klaim level 2, diakui verifikator level 1"
    assert masalah[("SID", "I1", "17")] == "Bukti dukung untuk level 1 ditolak verifikator"
    baris_16 = celah[celah["kode_indikator"].eq("16")].iloc[0]
    assert M2023.indikator_kode("16").bukti[1] in baris_16["bukti_dibutuhkan"]
    assert baris_16["nama_inovasi"] == "Inovasi I1"
    assert celah["kode_wilayah"].eq("A").all()


def test_fixing_every_gap_raises_iid_by_their_sum(data_kecil: scoring.DataPenilaian) -> None:
    celah = hitung_celah_bukti(data_kecil, M2023, 2023)
    perubahan = celah.assign(level_baru=celah["level_sasaran"])
    hasil = scoring.selisih_iid(data_kecil, M2023, perubahan)
    assert hasil["selisih_iid"].iat[0] == pytest.approx(celah["nilai_iid"].sum(), abs=1e-12)


def test_on_demo_data_each_regions_top_gap_is_worth_exactly_its_rescore(demo_db) -> None:
    db = Database(demo_db, read_only=True)
    try:
        data, m = data_penilaian(db, 2024), metodologi_tahun(db, 2024)
    finally:
        db.close()
    celah = hitung_celah_bukti(data, m, 2024)
    teratas = celah.groupby("kode_wilayah").head(1).set_index("kode_wilayah")
    assert len(teratas) == 14  # every kabupaten/kota and the province has a gap in the demo data
    # Regions score independently, so one re-score checks every region's top gap at once.
    hasil = scoring.selisih_iid(data, m, teratas.reset_index().assign(level_baru=teratas["level_sasaran"].to_numpy()))
    selisih = hasil.set_index("kode_wilayah")["selisih_iid"]
    pd.testing.assert_series_equal(
        selisih.loc[teratas.index], teratas["nilai_iid"], check_names=False, check_index_type=False, atol=1e-9, rtol=0
    )
