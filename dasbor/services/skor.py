"""Index scores per wilayah and year, computed by the shared scoring module from the database."""

from __future__ import annotations

import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.services.db import database
from dasbor.services.usia import skenario_semua_layak


def data_penilaian(db: Database, tahun: int) -> scoring.DataPenilaian:
    """The three answer tables of a year read in one read transaction, so an import committing meanwhile can never
    pair old innovations with new answers."""
    with db.transaksi_baca() as query:
        return scoring.DataPenilaian(
            inovasi=query("inovasi_tahun", {"tahun": tahun}),
            jawaban_sid=query("jawaban_sid_tahun", {"tahun": tahun}),
            jawaban_spd=query("jawaban_spd_tahun", {"tahun": tahun}),
        )


def metodologi_tahun(db: Database, tahun: int, versi: str | None = None) -> scoring.Metodologi:
    """The rule version of a year as recorded in `periode`, or an explicit version to re-score under."""
    if versi:
        return scoring.load_metodologi(versi)
    periode = db.query("periode").set_index("tahun")
    if tahun in periode.index:
        return scoring.load_metodologi(periode.at[tahun, "versi_metodologi"])
    return scoring.metodologi_untuk_tahun(tahun)


def kelompok_provinsi(skor: pd.DataFrame) -> pd.Series:
    """The province view's peers: a province's kabupaten and kota together, the provinces among themselves."""
    provinsi = skor["kode_wilayah"].str.split(".").str[0]
    return skor["jenis"].where(skor["jenis"] == "provinsi", "kabupaten/kota " + provinsi)


def kelompok_klaster(skor: pd.DataFrame) -> pd.Series:
    """The IGA clusters: provinsi, kabupaten and kota, each ranked among its own kind across the regions scored
    (nationally once the database holds the country, within the province otherwise)."""
    return skor["jenis"]


def peringkat_wilayah(skor: pd.DataFrame, kelompok: pd.Series | None = None) -> pd.Series:
    """Rank by IID within each group, as COINr's use_group: by default the province view (kelompok_provinsi)."""
    kelompok = kelompok_provinsi(skor) if kelompok is None else kelompok
    return skor.groupby(kelompok)["iid_mentah"].rank(ascending=False, method="min").astype(int)


def hitung_skor_tahun(db: Database, tahun: int, basis: str = "terverifikasi", versi: str | None = None) -> pd.DataFrame:
    """Scores of every wilayah in one year with names, rank and the rule version used. A wilayah with nothing
    marked is scored as if every eligible innovation were sent (`semua_layak_dikirim`, to be labelled so)."""
    m = metodologi_tahun(db, tahun, versi)
    data = data_penilaian(db, tahun)
    inovasi, belum = skenario_semua_layak(data.inovasi, metodologi_tahun(db, tahun), tahun)
    skor = scoring.hitung_skor(scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd), m, basis)
    skor["semua_layak_dikirim"] = skor["kode_wilayah"].isin(belum)
    skor = db.query("wilayah")[["kode_wilayah", "nama_wilayah", "jenis"]].merge(skor, on="kode_wilayah")
    skor.insert(0, "tahun", tahun)
    skor["peringkat"] = peringkat_wilayah(skor)
    skor["peringkat_klaster"] = peringkat_wilayah(skor, kelompok_klaster(skor))
    skor["versi_metodologi"] = m.versi
    skor["basis"] = basis
    return skor.sort_values(["jenis", "peringkat"], key=lambda s: s.eq("provinsi") if s.name == "jenis" else s)


def skor_tahun(tahun: int, basis: str = "terverifikasi", versi: str | None = None) -> pd.DataFrame:
    return hitung_skor_tahun(database(), tahun, basis, versi)


def daftar_wilayah() -> pd.DataFrame:
    return database().query("wilayah")


def daftar_tahun() -> list[int]:
    return database().query("periode")["tahun"].astype(int).tolist()


def sumber_sintetis(tahun: int) -> pd.DataFrame:
    """Synthetic sources behind a year's data (empty when all of it was imported from real files)."""
    sumber = database().query("sumber_data_tahun", {"tahun": tahun})
    return sumber[sumber["sintetis"]]
