"""Innovation search and filters (pure pandas over the Kelengkapan innovation rows)."""

from __future__ import annotations

import pandas as pd
import pytest

from dasbor.services import inovasi as layanan
from dasbor.services import kelengkapan as kel


@pytest.fixture(scope="module")
def inovasi(kelengkapan_2024: kel.Kelengkapan) -> pd.DataFrame:
    semua = kelengkapan_2024.inovasi
    return semua[semua["kode_wilayah"] == "63.06"]


def test_text_search_is_case_insensitive_literal_and_covers_the_perangkat_daerah(inovasi: pd.DataFrame) -> None:
    nama = inovasi["nama_inovasi"].iat[0]
    kata = nama.split(" ")[0].lower()
    hasil = layanan.saring(inovasi, teks=f"  {kata} ")
    assert nama in set(hasil["nama_inovasi"])
    assert hasil["nama_inovasi"].str.lower().str.contains(kata, regex=False).all()
    assert (
        len(layanan.saring(inovasi, teks="dinas kesehatan"))
        >= (inovasi["nama_perangkat_daerah"] == "Dinas Kesehatan").sum()
    )
    assert layanan.saring(inovasi, teks="((*").empty  # pattern characters are plain text


def test_filters_combine_and_empty_means_any(inovasi: pd.DataFrame) -> None:
    assert len(layanan.saring(inovasi)) == len(inovasi)
    hasil = layanan.saring(inovasi, status=["diterima"], tahapan=["penerapan"], jenis=["digital"])
    assert not hasil.empty
    assert set(hasil["status_inovasi"]) == {"diterima"} and set(hasil["tahapan"]) == {"penerapan"}
    assert set(hasil["jenis"]) == {"digital"}
    pd_pertama = inovasi["id_perangkat_daerah"].iat[0]
    assert set(layanan.saring(inovasi, perangkat_daerah=[pd_pertama])["id_perangkat_daerah"]) == {pd_pertama}


def test_kematangan_range_and_gap_filter(inovasi: pd.DataFrame) -> None:
    tengah = layanan.saring(inovasi, kematangan=(60, 90))
    assert tengah["kematangan"].between(60, 90).all() and len(tengah) < len(inovasi)
    ada = layanan.saring(inovasi, celah="ada")
    tanpa = layanan.saring(inovasi, celah="tanpa")
    assert (ada["jumlah_celah"] > 0).all() and (tanpa["jumlah_celah"] == 0).all()
    assert len(ada) + len(tanpa) == len(inovasi)
    with pytest.raises(ValueError, match="celah"):
        layanan.saring(inovasi, celah="mungkin")


def test_profile_names_empty_fields(inovasi: pd.DataFrame) -> None:
    baris = inovasi.iloc[0].copy()
    baris["rancang_bangun"] = None
    baris["tanggal_uji_coba"] = pd.Timestamp("2023-06-02")
    profil = layanan.profil(baris)
    assert profil.at["Rancang bangun", "Isi"] == "— (kosong)"
    assert profil.at["Waktu uji coba", "Isi"] == "02-06-2023"
    assert list(profil.index) == list(layanan.PROFIL.values())
