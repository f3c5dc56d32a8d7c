"""The worklist's worths are what re-scoring says, and 'jalan tercepat' is really the smallest set of fixes.

Fixes are applied here independently of the service: straight on the raw answers with the scoring module
(terapkan_perubahan_level / a status change) and re-scored in full with scoring.hitung_skor.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import scoring
from dasbor.db.connection import Database
from dasbor.services import kelengkapan as kel
from dasbor.services import telusur_celah
from dasbor.services.skor import data_penilaian, metodologi_tahun
from tests.scoring.data_uji import buat_data, data_acak, jawaban_untuk_kematangan

W = "63.01"
TOLERANSI = 1e-9


def iid_mentah_semua(data: scoring.DataPenilaian, m: scoring.Metodologi) -> dict[str, float]:
    skor = scoring.hitung_skor(data, m, "terverifikasi").set_index("kode_wilayah")
    return {kode: float(nilai) for kode, nilai in skor["iid_mentah"].items()}


def iid_mentah(data: scoring.DataPenilaian, m: scoring.Metodologi, kode: str) -> float:
    return iid_mentah_semua(data, m)[kode]


def perbaiki_mandiri(data: scoring.DataPenilaian, baris: pd.Series) -> scoring.DataPenilaian:
    """Apply one gap's fix from the raw data and the meaning of its kind, not from the service's columns."""
    jenis = baris["jenis_celah"]
    if jenis in ("inovasi_draft", "inovasi_ditolak"):
        inovasi = data.inovasi.copy()
        baru = "dikirim" if jenis == "inovasi_draft" else "diterima"
        inovasi.loc[inovasi["id_inovasi"] == baris["id_inovasi"], "status_inovasi"] = baru
        return scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd)
    if jenis == "tahap_inisiatif":
        inovasi = data.inovasi.copy()
        inovasi.loc[inovasi["id_inovasi"] == baris["id_inovasi"], "tahapan"] = "uji coba"
        return scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd)
    if jenis == "profil_kosong":
        inovasi = data.inovasi.copy()
        inovasi.loc[inovasi["id_inovasi"] == baris["id_inovasi"], list(kel.PROFIL_WAJIB)] = "diisi"
        return scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd)
    if jenis == "spd_kosong":  # the region enters every SPD indicator, at the top level
        m = scoring.metodologi_untuk_tahun(2026)
        spd = pd.DataFrame(
            [(baris["kode_wilayah"], i.kode, 3.0, "ada", np.nan) for i in m.indikator_aspek("SPD")],
            columns=list(scoring.KOLOM_SPD),
        )
        return scoring.DataPenilaian(data.inovasi, data.jawaban_sid, pd.concat([data.jawaban_spd, spd]))
    if baris["aspek"] == "SID":
        jawaban = data.jawaban_sid
        pilih = (jawaban["id_inovasi"] == baris["id_inovasi"]) & (jawaban["kode_indikator"] == baris["kode_indikator"])
    else:
        jawaban = data.jawaban_spd
        pilih = (jawaban["kode_wilayah"] == baris["kode_wilayah"]) & (
            jawaban["kode_indikator"] == baris["kode_indikator"]
        )
    # Fixing means the claim (level 1 for an empty wajib indicator) counts; it never lowers what counts now.
    klaim = float(jawaban.loc[pilih, "level_klaim"].fillna(0).iat[0])
    kini = float(scoring.level_efektif(jawaban[pilih], "terverifikasi")[0])
    level = max(1.0 if jenis == "wajib_kosong" else klaim, kini)
    perubahan = pd.DataFrame(
        [
            {
                "aspek": baris["aspek"],
                "kode_wilayah": baris["kode_wilayah"],
                "id_inovasi": baris["id_inovasi"],
                "kode_indikator": baris["kode_indikator"],
                "level_baru": level,
            }
        ]
    )
    return scoring.terapkan_perubahan_level(data, perubahan, "terverifikasi")


@pytest.fixture(scope="module")
def db(demo_db: Path) -> Database:
    return Database(demo_db, read_only=True)


@pytest.mark.parametrize("tahun", [2024, 2025])
def test_sample_of_demo_gaps_rescored_in_full_change_iid_by_their_worth(db: Database, tahun: int) -> None:
    m = metodologi_tahun(db, tahun)
    data = data_penilaian(db, tahun)
    celah = kel.hitung_celah(kel.lengkapi_wajib(data, m), m, tahun)
    awal = iid_mentah_semua(data, m)  # the unchanged data scored once, not again for every gap
    # A pemda without SPD has no IID to change (the one rule): its portal gaps are priced in test_celah_portal
    punya_iid = celah["kode_wilayah"].isin(set(data.jawaban_spd["kode_wilayah"]))
    assert tahun == 2024 or not punya_iid.all()
    sampel = celah[punya_iid].sample(frac=1, random_state=7).groupby("jenis_celah").head(4)
    assert {"bukti_kosong", "klaim_di_atas_verifikasi", "inovasi_draft", "profil_kosong"} <= set(sampel["jenis_celah"])
    for _, baris in sampel.iterrows():
        kode = baris["kode_wilayah"]
        selisih = iid_mentah(perbaiki_mandiri(data, baris), m, kode) - awal[kode]
        assert selisih == pytest.approx(baris["nilai_perbaikan"], abs=TOLERANSI), baris["id_celah"]


def test_worklist_is_sorted_by_worth_and_every_region_evidence_gap_is_priced(db: Database) -> None:
    m = metodologi_tahun(db, 2024)
    data = data_penilaian(db, 2024)
    celah = kel.hitung_celah(kel.lengkapi_wajib(data, m), m, 2024)
    assert celah["nilai_perbaikan"].is_monotonic_decreasing
    assert celah["id_celah"].is_unique
    jawaban = celah[celah["aspek"].isin(["SID", "SPD"])]
    assert (jawaban["nilai_perbaikan"] >= 0).all()
    assert (jawaban["bukti_sasaran"] != "").all()  # the rule version names the evidence for every target level
    # SPD evidence that is empty with a positive claim is a gap in every region that has it.
    spd = data.jawaban_spd
    kosong = spd[(spd["status_bukti"] == "kosong") & (spd["level_klaim"] > 0)]
    ids = set("SPD:" + kosong["kode_wilayah"] + ":" + kosong["kode_indikator"])
    assert ids <= set(celah["id_celah"])


def test_matrix_points_are_the_sum_of_the_worklist_and_fixing_a_cell_moves_iid_by_it(db: Database) -> None:
    m = metodologi_tahun(db, 2024)
    data = data_penilaian(db, 2024)
    celah = kel.hitung_celah(kel.lengkapi_wajib(data, m), m, 2024)
    matriks = telusur_celah.matriks_celah(celah)
    pilih = celah["jenis_celah"].isin(kel.JENIS_MATRIKS)
    assert matriks["jumlah"].sum() == pilih.sum()
    assert matriks["poin"].sum() == pytest.approx(celah.loc[pilih, "nilai_perbaikan"].sum())
    sel = matriks.sort_values("poin").iloc[-1]  # the cell with the most points lost
    baris = celah[
        pilih & (celah["kode_wilayah"] == sel["kode_wilayah"]) & (celah["kode_indikator"] == sel["kode_indikator"])
    ]
    sesudah = kel.terapkan_celah(data, baris)
    assert iid_mentah(sesudah, m, sel["kode_wilayah"]) - iid_mentah(data, m, sel["kode_wilayah"]) == pytest.approx(
        sel["poin"], abs=TOLERANSI
    )


def test_missing_wajib_rows_are_added_without_changing_any_score(db: Database) -> None:
    m = metodologi_tahun(db, 2023)
    data = data_penilaian(db, 2023)
    buang = data.jawaban_sid[data.jawaban_sid["kode_indikator"] != "35"].reset_index(drop=True)  # 35 is wajib
    kurang = scoring.DataPenilaian(data.inovasi, buang, data.jawaban_spd)
    lengkap = kel.lengkapi_wajib(kurang, m)
    assert len(lengkap.jawaban_sid) == len(data.jawaban_sid)
    pd.testing.assert_frame_equal(scoring.hitung_skor(kurang, m), scoring.hitung_skor(lengkap, m))
    celah = kel.hitung_celah(lengkap, m, 2023)
    wajib = celah[(celah["jenis_celah"] == "wajib_kosong") & (celah["kode_indikator"] == "35")]
    dinilai = data.inovasi["status_inovasi"].isin(["dikirim", "diterima"]).sum()
    assert len(wajib) == dinilai
    assert (wajib["level_sasaran"] == 1).all()


# --- hand-made cases for 'jalan tercepat' -------------------------------------------------------------------


def kasus(gap: dict[str, tuple[int, str]], tiga: set[str], versi: str = "2023") -> scoring.DataPenilaian:
    """One region, ten complete innovations at kematangan 100, SPD at level 2 except `tiga` (level 3) and the
    evidence gaps in `gap` (kode -> (claimed level, evidence status))."""
    m = scoring.load_metodologi(versi)
    inovasi = [(W, f"i{j}", "dikirim", "pendidikan") for j in range(10)]
    sid = [r for j in range(10) for r in jawaban_untuk_kematangan(f"i{j}", 100, m)]
    spd = [
        (W, i.kode, *gap[i.kode]) if i.kode in gap else (W, i.kode, 3 if i.kode in tiga else 2)
        for i in m.indikator_aspek("SPD")
    ]
    return buat_data(inovasi, sid, spd)


def perubahan_dari(celah: pd.DataFrame) -> pd.DataFrame:
    """Level fixes as scoring changes: the claim counts, or level 1 for an empty wajib indicator."""
    level = np.where(celah["jenis_celah"] == "wajib_kosong", 1.0, celah["level_klaim"])
    return celah[["aspek", "kode_wilayah", "id_inovasi", "kode_indikator"]].assign(level_baru=level)


def band_sesudah(data: scoring.DataPenilaian, m: scoring.Metodologi, pilih: pd.DataFrame) -> str:
    sesudah = scoring.terapkan_perubahan_level(data, perubahan_dari(pilih), "terverifikasi")
    return str(scoring.hitung_skor(sesudah, m).set_index("kode_wilayah").at[W, "predikat"])


GAP_EMPAT = {"8": (3, "kosong"), "6": (2, "ditolak"), "12": (1, "perlu_perbaikan"), "1": (1, "kosong")}


@pytest.mark.parametrize(
    ("gap", "tiga", "harapan"),
    [
        (GAP_EMPAT, {"7", "2a", "2b", "3", "4", "9", "13a"}, 3),  # worths 1,8 / 1,2 / 0,8 / 0,4; needs 3,49
        (GAP_EMPAT, {"7", "2a", "2b", "3", "4", "9", "13a", "13b", "14", "15", "5a", "5b"}, 1),  # one fix is enough
        (GAP_EMPAT, {"7", "2a", "2b"}, None),  # all four fixes together stay below the band
        # two equal worths (1,8 and 1,8) and a smaller one (1,2); needs 2,49
        ({"8": (3, "kosong"), "7": (3, "kosong"), "9": (3, "kosong")}, {"2a", "2b", "3", "4", "13a", "13b"}, 2),
    ],
)
def test_fastest_path_reaches_the_next_band_and_no_smaller_set_does(
    gap: dict[str, tuple[int, str]], tiga: set[str], harapan: int | None
) -> None:
    m = scoring.load_metodologi("2023")
    data = kasus(gap, tiga)
    celah = kel.hitung_celah(data, m, 2023)
    jalan, rincian = kel.jalan_tercepat(data, celah, m)
    hasil = jalan.set_index("kode_wilayah").loc[W]
    calon = celah[celah["aditif"] & (celah["nilai_perbaikan"] > 0)]
    assert len(calon) == len(gap)
    if harapan is None:
        assert not hasil["tercapai"]
        assert band_sesudah(data, m, calon) == hasil["predikat"]
        return
    assert hasil["tercapai"] and hasil["jumlah_perbaikan"] == harapan
    dipilih = calon.set_index("id_celah").loc[rincian["id_celah"]].reset_index()
    assert band_sesudah(data, m, dipilih) == hasil["predikat_berikut"] == hasil["predikat_sesudah"]
    for ukuran in range(harapan):  # brute force: every smaller subset of the worklist, re-scored in full
        for subset in itertools.combinations(range(len(calon)), ukuran):
            assert band_sesudah(data, m, calon.iloc[list(subset)]) == hasil["predikat"], subset


def test_a_region_in_the_top_band_has_no_next_band() -> None:
    m = scoring.load_metodologi("2023")
    data = kasus({"8": (3, "kosong")}, {i.kode for i in m.indikator_aspek("SPD")})
    jalan, rincian = kel.jalan_tercepat(data, kel.hitung_celah(data, m, 2023), m)
    hasil = jalan.iloc[0]
    assert hasil["predikat"] == "Sangat Inovatif" and hasil["predikat_berikut"] is None
    assert not hasil["tercapai"] and rincian.empty


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=data_acak(scoring.load_metodologi("2026"), maks_wilayah=2, maks_inovasi=13))
def test_every_gap_worth_equals_a_full_rescore_on_random_data(data: scoring.DataPenilaian) -> None:
    m = scoring.load_metodologi("2026")
    lengkap = kel.lengkapi_wajib(data, m)
    celah = kel.hitung_celah(lengkap, m, 2026)
    awal = iid_mentah_semua(lengkap, m)  # the unchanged data scored once per example, not again for every gap
    for _, baris in celah.head(12).iterrows():
        kode = baris["kode_wilayah"]
        selisih = iid_mentah(perbaiki_mandiri(lengkap, baris), m, kode) - awal[kode]
        assert selisih == pytest.approx(baris["nilai_perbaikan"], abs=TOLERANSI), baris["id_celah"]
    jalan, rincian = kel.jalan_tercepat(lengkap, celah, m)
    for _, hasil in jalan[jalan["tercapai"]].iterrows():
        dipilih = celah.set_index("id_celah").loc[
            rincian.loc[rincian["kode_wilayah"] == hasil["kode_wilayah"], "id_celah"]
        ]
        sesudah = scoring.hitung_skor(kel.terapkan_celah(lengkap, dipilih.reset_index()), m).set_index("kode_wilayah")
        assert sesudah.at[hasil["kode_wilayah"], "predikat"] == hasil["predikat_berikut"]


def test_sending_a_draft_that_completes_the_yandas_urusan_is_priced_with_the_jumlah_term() -> None:
    m = scoring.load_metodologi("2026")
    yandas = m.syarat_yandas.urusan
    inovasi = [(W, f"i{j}", "dikirim", yandas[j % 4]) for j in range(12)] + [(W, "baru", "draft", yandas[4])]
    sid = [r for j in range(12) for r in jawaban_untuk_kematangan(f"i{j}", 90, m)] + jawaban_untuk_kematangan(
        "baru", 90, m
    )
    data = buat_data(inovasi, sid, [(W, "1", 3)])
    celah = kel.hitung_celah(data, m, 2026).set_index("id_celah")
    nilai = celah.at["INOVASI:baru:inovasi_draft", "nilai_perbaikan"]
    # Same kematangan as the others, so the average does not move; the worth is the jumlah term the gate opens:
    # 13 innovations × 0,38 out of 250.
    assert nilai == pytest.approx(13 * 0.38 / 250 * 100)
    jalan, _ = kel.jalan_tercepat(data, kel.hitung_celah(data, m, 2026), m)
    assert list(jalan.iloc[0]["urusan_yandas_kurang"]) == sorted(yandas[4:])
    assert jalan.iloc[0]["syarat_yandas_berlaku"]


def test_skpd_commitment_lists_perangkat_daerah_without_a_reported_innovation(db: Database) -> None:
    inovasi = data_penilaian(db, 2024).inovasi
    komitmen = kel.komitmen_skpd(db.query("perangkat_daerah"), inovasi)
    dikirim = inovasi[inovasi["status_inovasi"] != "draft"]
    assert komitmen["dilaporkan"].sum() == dikirim["id_perangkat_daerah"].notna().sum()
    tanpa = komitmen[~komitmen["memenuhi"]]
    assert not tanpa.empty
    assert not set(tanpa["id_perangkat_daerah"]) & set(dikirim["id_perangkat_daerah"])


def test_whole_year_bundle_has_a_fastest_path_that_rescoring_confirms(db: Database) -> None:
    hasil = kel.hitung_kelengkapan(db, 2025)
    assert hasil.versi == "2025" and hasil.keyakinan
    data = data_penilaian(db, 2025)
    m = metodologi_tahun(db, 2025)
    # Only a pemda with SPD answers has a band to climb under the one rule (skor.nilai_wilayah)
    punya_spd = hasil.jalan["kode_wilayah"].isin(set(data.jawaban_spd["kode_wilayah"]))
    tercapai = hasil.jalan[hasil.jalan["tercapai"] & punya_spd]
    assert not tercapai.empty
    # and one without (the demo's portal-only 2025 regions) is shown no band, no IID and no path
    tanpa = hasil.jalan[~punya_spd]
    assert not tanpa.empty and not tanpa["tercapai"].any() and tanpa["iid"].isna().all()
    assert tanpa["predikat"].isna().all() and tanpa["predikat_berikut"].isna().all()
    for _, baris in tercapai.iterrows():
        ids = hasil.jalan_rincian.loc[hasil.jalan_rincian["kode_wilayah"] == baris["kode_wilayah"], "id_celah"]
        dipilih = hasil.celah.set_index("id_celah").loc[ids].reset_index()
        assert len(dipilih) == baris["jumlah_perbaikan"]
        sesudah = scoring.terapkan_perubahan_level(data, perubahan_dari(dipilih), "terverifikasi")
        skor = scoring.hitung_skor(sesudah, m).set_index("kode_wilayah").loc[baris["kode_wilayah"]]
        assert skor["predikat"] == baris["predikat_berikut"]
        # one fix fewer falls short: the last one chosen was needed
        kurang = scoring.terapkan_perubahan_level(data, perubahan_dari(dipilih.iloc[:-1]), "terverifikasi")
        assert (
            scoring.hitung_skor(kurang, m).set_index("kode_wilayah").at[baris["kode_wilayah"], "predikat"]
            == baris["predikat"]
        )
    assert np.isin(hasil.celah["kode_wilayah"], hasil.skor["kode_wilayah"]).all()
