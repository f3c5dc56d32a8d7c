"""The synthetic country of the national rehearsal (dasbor/demo/nasional.py): the reference's regions, deterministic
draws that belong to each region (a province alone gets its rows of the country), innovations that carry over as
the age rule allows, data the scoring module accepts, and a database labelled SINTETIS with its portal-only pemda.
Small provinces stand in for the country, whose build the benchmarks time (benchmarks/halaman.py --nasional)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scoring
from dasbor.db.connection import Database
from dasbor.demo import nasional
from dasbor.demo.generator import SEED, fingerprint
from dasbor.demo.lewat_portal import bangun_demo

SULBAR, GORONTALO = "76", "75"  # 6 and 5 kab/kota: a province that takes a pemda through the portal path, and one


@pytest.fixture(scope="module")
def sulbar() -> dict[str, pd.DataFrame]:
    return nasional.build_frames_nasional(SEED, SULBAR)


def test_the_country_is_the_national_reference_with_centres() -> None:
    w = nasional.wilayah_nasional()
    assert w["jenis"].value_counts().to_dict() == {"kabupaten": 416, "kota": 98, "provinsi": 38}
    assert w[["lat", "lng", "luas_km2"]].notna().all().all()
    # a province sits at the mean of its kab/kota centres
    jatim = w[w["kode_provinsi"] == "35"]
    assert jatim.loc[jatim["jenis"] == "provinsi", "lat"].iat[0] == pytest.approx(
        jatim.loc[jatim["jenis"] != "provinsi", "lat"].mean()
    )


def test_the_country_reports_about_thirty_six_thousand_innovations_a_year() -> None:
    negara = nasional._Negara(SEED, nasional.wilayah_nasional())
    per_tahun = [int(negara.jumlah(t).sum()) for t in nasional.TAHUN]
    assert per_tahun == sorted(per_tahun) and 30_000 <= np.mean(per_tahun) <= 42_000, per_tahun


def test_a_province_alone_gets_exactly_its_rows_of_a_larger_scope(sulbar: dict[str, pd.DataFrame]) -> None:
    w = nasional.wilayah_nasional()
    dua = nasional.bangun_wilayah(SEED, w[w["kode_provinsi"].isin([GORONTALO, SULBAR])].reset_index(drop=True))
    for tabel in ("inovasi", "jawaban_spd", "perangkat_daerah"):
        bagian = dua[tabel][dua[tabel]["kode_wilayah"].str.split(".").str[0] == SULBAR].reset_index(drop=True)
        pd.testing.assert_frame_equal(bagian, sulbar[tabel].reset_index(drop=True), check_like=True, check_dtype=False)
    jawaban = dua["jawaban_sid"][dua["jawaban_sid"]["id_inovasi"].str.startswith(SULBAR + ".")]
    assert fingerprint({"j": jawaban.reset_index(drop=True)}) == fingerprint(
        {
            "j": sulbar["jawaban_sid"][sulbar["jawaban_sid"]["id_inovasi"].str.startswith(SULBAR + ".")].reset_index(
                drop=True
            )
        }
    )


def test_the_same_seed_gives_the_same_tables_and_another_seed_others(sulbar: dict[str, pd.DataFrame]) -> None:
    assert fingerprint(nasional.build_frames_nasional(SEED, SULBAR)) == fingerprint(sulbar)
    assert fingerprint(nasional.build_frames_nasional(SEED + 1, SULBAR)) != fingerprint(sulbar)


def test_innovations_carry_over_only_while_the_age_rule_admits_them(sulbar: dict[str, pd.DataFrame]) -> None:
    inovasi = sulbar["inovasi"]
    for tahun in nasional.TAHUN[1:]:
        kini, lalu = inovasi[inovasi["tahun"] == tahun], inovasi[inovasi["tahun"] == tahun - 1]
        bawa = kini.merge(lalu, on="id_inovasi", suffixes=("", "_lalu"))
        assert len(bawa) > 0.3 * len(kini)  # most of a year's list was entered the year before
        awal, akhir = scoring.metodologi_untuk_tahun(tahun).usia.jendela(tahun)
        diterapkan = pd.to_datetime(bawa["tanggal_penerapan"]).dt.year
        assert diterapkan.dropna().between(awal, akhir).all()
        assert (bawa["kode_wilayah"] == bawa["kode_wilayah_lalu"]).all() and (
            bawa["nama_inovasi"] == bawa["nama_inovasi_lalu"]
        ).all()
        assert not kini.duplicated(["kode_wilayah", "nama_inovasi"]).any()  # names tell innovations apart
    per = inovasi.groupby(["tahun", "kode_wilayah"])["status_inovasi"]
    assert per.apply(lambda s: (s == "draft").any()).all()  # every region-year has drafts at the end of its list
    terbaru = inovasi[inovasi["tahun"] == nasional.TAHUN_SEMENTARA]["status_inovasi"]
    assert (terbaru == "dikirim").any()  # the newest year is still being verified


def test_the_scoring_module_accepts_every_year_and_ranks_with_spread(sulbar: dict[str, pd.DataFrame]) -> None:
    iid = []
    for tahun in nasional.TAHUN:
        data = scoring.DataPenilaian(
            inovasi=sulbar["inovasi"][sulbar["inovasi"]["tahun"] == tahun],
            jawaban_sid=sulbar["jawaban_sid"][sulbar["jawaban_sid"]["tahun"] == tahun],
            jawaban_spd=sulbar["jawaban_spd"][sulbar["jawaban_spd"]["tahun"] == tahun],
        )
        m = scoring.metodologi_untuk_tahun(tahun)
        assert scoring.validate_data(data, m) == []
        iid += scoring.hitung_skor(data, m)["iid"].tolist()
    assert min(iid) > 5 and max(iid) < 95 and np.std(iid) > 5


def test_the_database_is_labelled_synthetic_and_takes_its_portal_pemda_through_the_import(
    sulbar: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    jalur = nasional.jalur_portal(SEED, sulbar["wilayah"])
    assert jalur and all(t == nasional.TAHUN_SEMENTARA for t, _ in jalur)
    path = tmp_path / "iid.duckdb"
    bangun_demo(path, SEED, kode_lingkup=SULBAR)
    db = Database(path, read_only=True)
    try:
        cur = db.cursor()
        [(sintetis, keterangan)] = cur.execute("SELECT sintetis, keterangan FROM sumber_data").fetchall()
        assert sintetis and "SINTETIS" in keterangan
        assert cur.execute("SELECT count(*) FROM wilayah").fetchone()[0] == len(sulbar["wilayah"])
        for tahun, kode in jalur:
            portal = cur.execute(
                "SELECT count(*), count(kematangan), bool_and(status_inovasi = 'draft') FROM inovasi "
                "WHERE tahun = ? AND kode_wilayah = ?",
                [tahun, kode],
            ).fetchone()
            assert portal[0] > 0 and portal[1] == portal[0] and portal[2]  # the portal's kematangan, all drafts
            spd = cur.execute("SELECT count(*) FROM jawaban_spd WHERE tahun = ? AND kode_wilayah = ?", [tahun, kode])
            assert spd.fetchone()[0] == 0
        cur.close()
    finally:
        db.close()
