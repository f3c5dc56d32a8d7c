"""The Kelengkapan of a real DuckDB in which one region's 2024 and 2025 come only from portal-like rows (penguji/
wilayah_portal.py: kematangan, video, tahapan, dates; no answers, no SPD, nothing marked) among the demo's other
regions: the gaps the rows imply, one IID with the Ringkasan's, the cross-year gap on portal data, and a workbook
of many perangkat daerah whose names share their first 31 characters."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.services import daftar_kerja, skor
from dasbor.services import kelengkapan as kel
from penguji.wilayah_portal import tulis_wilayah_portal

KODE = "63.09"
N_2024, N_2025, N_PD = 130, 120, 70


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_db: Path) -> Database:
    path = tmp_path_factory.mktemp("portal_db") / "iid.duckdb"
    path.write_bytes(demo_db.read_bytes())
    tulis_wilayah_portal(path, KODE, 2024, N_2024, N_PD, seed=3)
    # 2025 enters again the first 120 of 2024's innovations (same ids), with this year's values
    tulis_wilayah_portal(path, KODE, 2025, N_2025, N_PD, seed=4, tahun_id=2024)
    return terbitan.kini(path).db


@pytest.fixture(scope="module")
def hasil(db: Database) -> kel.Kelengkapan:
    return kel.hitung_kelengkapan(db, 2025)


def _baris(db: Database, tahun: int) -> pd.DataFrame:
    inovasi = db.query("inovasi_tahun", {"tahun": tahun})
    return inovasi[inovasi["kode_wilayah"] == KODE].reset_index(drop=True)


def test_gap_counts_are_what_the_stored_rows_imply(db: Database, hasil: kel.Kelengkapan) -> None:
    rows = _baris(db, 2025)
    celah = hasil.celah[hasil.celah["kode_wilayah"] == KODE]
    jumlah = celah["jenis_celah"].value_counts()
    k = rows["kematangan_portal"]
    assert jumlah.get("kematangan_nol", 0) == (k == 0).sum()
    assert jumlah.get("kematangan_kurang", 0) == ((k > 0) & (k < 111)).sum()
    assert jumlah.get("video_kosong", 0) == rows["ada_video"].eq(False).sum() > 0  # read back from the database
    assert jumlah.get("tahap_belum_penerapan", 0) == (rows["tahapan"] != "penerapan").sum()
    assert jumlah.get("kembar", 0) == rows["kembar_dengan"].notna().sum() // 2
    assert jumlah.get("spd_kosong", 0) == 1
    assert "wajib_kosong" not in jumlah  # no empty required answer invented for rows without answers
    terap, kembang = rows["tanggal_penerapan"].dt.year, rows["tanggal_pengembangan"].dt.year
    layak = terap.between(2023, 2024) | kembang.between(2023, 2024)
    assert jumlah.get("usia_gagal", 0) == (~layak).sum()
    # last year's innovations counted last year (nothing marked: admitted by 2024's rule, window 2022–2023), not entered
    # again, and still admitted this year (2023–2024)
    lalu = _baris(db, 2024)
    hilang = lalu[~lalu["id_inovasi"].isin(rows["id_inovasi"])]
    terap_lalu, kembang_lalu = hilang["tanggal_penerapan"].dt.year, hilang["tanggal_pengembangan"].dt.year
    dihitung_lalu = terap_lalu.between(2022, 2023)
    if skor.metodologi_tahun(db, 2024).usia.pengembangan_dihitung:  # counted only since the 2025 rule
        dihitung_lalu |= kembang_lalu.between(2022, 2023)
    masih = terap_lalu.between(2023, 2024) | kembang_lalu.between(2023, 2024)
    assert jumlah.get("belum_diinput_ulang", 0) == (dihitung_lalu & masih).sum() > 0
    # every portal gap has its worth and says what to do in the portal
    assert celah["nilai_perbaikan"].notna().all()
    assert celah["di_portal"].fillna("").ne("").all()
    kurang = celah[celah["jenis_celah"] == "kematangan_kurang"]
    dihitung = kurang["id_inovasi"].isin(rows.loc[layak, "id_inovasi"])
    assert kurang.loc[dihitung, "nilai_perbaikan"].gt(0).all()  # counted: worth its points
    assert kurang.loc[~dihitung, "nilai_perbaikan"].eq(0).all()  # not admitted by the age rule: counts nothing


def test_priced_on_the_same_iid_as_every_other_surface(db: Database, hasil: kel.Kelengkapan) -> None:
    tahun = skor.hitung_skor_tahun(db, 2025).set_index("kode_wilayah")
    sendiri = hasil.skor.set_index("kode_wilayah")
    # the same set and the same SID; the region has no SPD yet, so every surface shows SID only (no IID)
    assert sendiri.at[KODE, "skor_sid"] == pytest.approx(tahun.at[KODE, "skor_sid"], abs=1e-12)
    assert pd.isna(tahun.at[KODE, "iid"]) and not bool(tahun.at[KODE, "ada_spd"])
    assert bool(tahun.at[KODE, "semua_layak_dikirim"])
    assert sendiri.at[KODE, "n_inovasi"] == tahun.at[KODE, "n_inovasi"] > 100


def test_workbook_has_one_uniquely_named_sheet_per_perangkat_daerah_and_an_index(hasil: kel.Kelengkapan) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(daftar_kerja.ekspor_xlsx(hasil, KODE, date(2025, 5, 27))))
    pd_lembar = wb.sheetnames[1:-1]
    celah = hasil.celah[hasil.celah["kode_wilayah"] == KODE]
    assert len(pd_lembar) == celah["id_perangkat_daerah"].nunique() > N_PD // 2  # the pemda's and each school's
    assert all(len(n) <= 31 for n in pd_lembar) and len({n.lower() for n in pd_lembar}) == len(pd_lembar)
    assert not [n for n in pd_lembar if n.endswith(")") and "(" in n and n != "Pemda (SPD)"]  # no "(2)" suffixes
    indeks = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert list(indeks) == pd_lembar
    penuh = set(celah["nama_perangkat_daerah"])
    assert set(indeks.values()) == penuh  # code → full name, names longer than a sheet name included
    assert max(len(n) for n in penuh) > 31
    for nama in pd_lembar[:5]:
        assert wb[nama].oddHeader.left.text.endswith(indeks[nama])
