"""Index scores per wilayah and year, computed by the shared scoring module from the database.

`nilai_wilayah` is the one rule every surface uses for a region-year's IID, predikat and rank (pages, the import
preview, every CLI and the bimtek deck): the marked send status, else every innovation the age rule admits
(`dasar_nilai`), and no IID at all for a pemda without SPD answers (SID only, ranked apart)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.lingkup import provinsi_kolom
from dasbor.services import hasil_terbit
from dasbor.services.db import database
from dasbor.services.usia import skenario_semua_layak
from scoring.anggota import kategori

# What a region-year's numbers rest on (column `dasar_nilai`), said beside them on every surface.
DASAR_DITANDAI = "ditandai"
DASAR_SEMUA_LAYAK = "semua_layak"
TEKS_DASAR = {
    DASAR_DITANDAI: "sesuai status kirim yang ditandai",
    DASAR_SEMUA_LAYAK: "bila semua yang memenuhi aturan usia dikirim",
}
TEKS_SID_SAJA = "SID saja: SPD belum diisi (ekspor portal tidak memuat SPD), tanpa IID dan predikat"


def data_penilaian(db: Database, tahun: int, provinsi: str | None = None) -> scoring.DataPenilaian:
    """The three answer tables of a year read in one read transaction, so an import committing meanwhile can never
    pair old innovations with new answers; of one province's pemda when `provinsi` is named (every IID in it is the
    whole year's, DataPenilaian.bagian_provinsi); the SID answers' keys as categoricals (kunci_kategori)."""
    with db.transaksi_baca() as query:
        data = scoring.DataPenilaian(
            inovasi=query("inovasi_tahun", {"tahun": tahun}),
            jawaban_sid=query("jawaban_sid_tahun", {"tahun": tahun}),
            jawaban_spd=query("jawaban_spd_tahun", {"tahun": tahun}),
        )
    if provinsi is not None:
        data = data.bagian_provinsi(provinsi)
    return replace(data, jawaban_sid=kunci_kategori(data.jawaban_sid, data.inovasi))


def kunci_kategori(sid: pd.DataFrame, inovasi: pd.DataFrame) -> pd.DataFrame:
    """SID answers whose id_inovasi (categories: the year's innovation ids), kode_indikator and status_bukti are
    categoricals (scoring.anggota.kategori). A year is read once per published snapshot and scored many times (each
    basis and rule version at publish, each surface's nilai_wilayah, Kelengkapan's prices), and scoring then matches
    a category instead of every row's text: nationally, encoding costs about 35 ms of a year's 0,8 s read and saves
    about 20 ms of each scoring's 40 (benchmarks/skor.py prints both). A frame rebuilt by concat or merge (a
    Simulasi scenario's level changes, Kelengkapan's added empty wajib rows) holds text again and scores on the
    text path, as fast as before."""
    return sid.assign(
        id_inovasi=kategori(sid["id_inovasi"], inovasi["id_inovasi"]),
        kode_indikator=kategori(sid["kode_indikator"]),
        status_bukti=kategori(sid["status_bukti"]),
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
    provinsi = provinsi_kolom(skor["kode_wilayah"])
    return skor["jenis"].where(skor["jenis"] == "provinsi", "kabupaten/kota " + provinsi)


def kelompok_klaster(skor: pd.DataFrame) -> pd.Series:
    """The IGA clusters: provinsi, kabupaten and kota, each ranked among its own kind across the regions scored
    (nationally once the database holds the country, within the province otherwise)."""
    return skor["jenis"]


def peringkat_wilayah(skor: pd.DataFrame, kelompok: pd.Series | None = None) -> pd.Series:
    """Rank by IID within each group, as COINr's use_group: by default the province view (kelompok_provinsi)."""
    kelompok = kelompok_provinsi(skor) if kelompok is None else kelompok
    return skor.groupby(kelompok)["iid_mentah"].rank(ascending=False, method="min").astype(int)


def peringkat_sid_saja(skor: pd.DataFrame) -> pd.Series:
    """Rank of pemda without SPD among themselves, by SID (they have no IID), in the groups of peringkat_wilayah."""
    return peringkat_wilayah(skor.assign(iid_mentah=skor["skor_sid"]))


def data_dinilai(
    data: scoring.DataPenilaian, usia: scoring.Metodologi, tahun: int
) -> tuple[scoring.DataPenilaian, set[str]]:
    """The data a region-year's IID is computed on: as marked, and in every pemda where nothing is marked each
    innovation the year's age rule (`usia`) admits counted as sent; and the kode_wilayah so treated."""
    inovasi, belum = skenario_semua_layak(data.inovasi, usia, tahun)
    return scoring.DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd), belum


def nilai_wilayah(
    data: scoring.DataPenilaian,
    m: scoring.Metodologi,
    tahun: int,
    wilayah: pd.DataFrame,
    basis: str = "terverifikasi",
    usia: scoring.Metodologi | None = None,
) -> pd.DataFrame:
    """The one rule for a region-year's IID, predikat and rank, on raw data (`data_penilaian`, or a preview's
    data with a file swapped in): scoring.hitung_skor's columns on `data_dinilai`, with nama_wilayah, jenis,
    tahun, versi_metodologi, basis, semua_layak_dikirim and dasar_nilai (TEKS_DASAR). `usia` is the rule whose
    age window decides eligibility (the year's own; `m` may be another version re-scoring the year).

    A pemda without any SPD answer (`ada_spd` False) has no IID: iid, iid_mentah, skor_spd, skor_total and
    predikat are empty, never computed with SPD 0; its SID stands alone. `peringkat` ranks the pemda with SPD
    among themselves (scoring.peringkat_wilayah); those without are ranked apart by SID in
    `peringkat_sid_saja`, listed after them. Rows in that order, indexed 0..n-1."""
    return nilai_dinilai(data_dinilai(data, usia or m, tahun), m, tahun, wilayah, basis)


def nilai_dinilai(
    dinilai: tuple[scoring.DataPenilaian, set[str]],
    m: scoring.Metodologi,
    tahun: int,
    wilayah: pd.DataFrame,
    basis: str = "terverifikasi",
) -> pd.DataFrame:
    """nilai_wilayah on data_dinilai's result, which depends only on the year and its own rule: a publish scores
    every basis and rule version of a year from one (skor_semua_aturan)."""
    data, belum = dinilai
    skor = scoring.hitung_skor(data, m, basis)
    skor = wilayah[["kode_wilayah", "nama_wilayah", "jenis"]].merge(skor, on="kode_wilayah")
    skor.insert(0, "tahun", tahun)
    lengkap = skor["ada_spd"].astype(bool).to_numpy()
    for kolom in ("skor_spd", "skor_total", "iid_mentah", "iid"):
        skor[kolom] = skor[kolom].where(lengkap, np.nan)
    skor["predikat"] = skor["predikat"].where(lengkap, None)
    skor["peringkat"] = pd.Series(pd.NA, index=skor.index, dtype="Int64")
    skor["peringkat_sid_saja"] = pd.Series(pd.NA, index=skor.index, dtype="Int64")
    skor["peringkat_klaster"] = pd.Series(pd.NA, index=skor.index, dtype="Int64")
    if lengkap.any():
        skor.loc[lengkap, "peringkat"] = peringkat_wilayah(skor[lengkap]).to_numpy()
        skor.loc[lengkap, "peringkat_klaster"] = peringkat_wilayah(
            skor[lengkap], kelompok_klaster(skor[lengkap])
        ).to_numpy()
    if not lengkap.all():
        skor.loc[~lengkap, "peringkat_sid_saja"] = peringkat_sid_saja(skor[~lengkap]).to_numpy()
    skor["semua_layak_dikirim"] = skor["kode_wilayah"].isin(belum)
    skor["dasar_nilai"] = np.where(skor["semua_layak_dikirim"], DASAR_SEMUA_LAYAK, DASAR_DITANDAI)
    skor["versi_metodologi"] = m.versi
    skor["basis"] = basis
    urut = pd.DataFrame(
        {
            "provinsi": skor["jenis"].eq("provinsi"),
            "sid_saja": ~lengkap,
            "peringkat": skor["peringkat"].fillna(skor["peringkat_sid_saja"]),
        }
    )
    return skor.loc[urut.sort_values(list(urut.columns), kind="stable").index].reset_index(drop=True)


def hitung_skor_tahun(db: Database, tahun: int, basis: str = "terverifikasi", versi: str | None = None) -> pd.DataFrame:
    """Scores of every wilayah in one year by the one rule (nilai_wilayah), under the year's rule version or
    `versi`."""
    return nilai_wilayah(
        data_penilaian(db, tahun),
        metodologi_tahun(db, tahun, versi),
        tahun,
        db.query("wilayah"),
        basis,
        metodologi_tahun(db, tahun),
    )


def skor_semua_aturan(
    dinilai: tuple[scoring.DataPenilaian, set[str]], tahun: int, wilayah: pd.DataFrame
) -> pd.DataFrame:
    """A year scored by the one rule on both bases and under every rule version (hitung_skor_tahun of each), from
    one data_dinilai of the year: what a publish stores (hasil_terbit). The rows of one basis and version keep
    nilai_wilayah's order."""
    return pd.concat(
        [
            nilai_dinilai(dinilai, m, tahun, wilayah, basis)
            for basis in scoring.BASIS
            for m in scoring.semua_metodologi()
        ],
        ignore_index=True,
    )


def nilai_tahun(db: Database, tahun: int, basis: str = "terverifikasi", versi: str | None = None) -> pd.DataFrame:
    """hitung_skor_tahun's scores as the published copy stores them (hasil_terbit), computed only when it holds
    none for this data and code (a copy published before, or by another version of the code)."""
    tersimpan = hasil_terbit.skor(db, tahun, basis, metodologi_tahun(db, tahun, versi).versi)
    return hitung_skor_tahun(db, tahun, basis, versi) if tersimpan is None else tersimpan


def dasar_teks(baris: pd.Series) -> str:
    """What one region-year's numbers rest on, in words: the send basis, and "SID saja" without SPD."""
    teks = TEKS_DASAR[baris["dasar_nilai"]]
    return teks if bool(baris["ada_spd"]) else f"{TEKS_SID_SAJA}; {teks}"


def skor_tahun(tahun: int, basis: str = "terverifikasi", versi: str | None = None) -> pd.DataFrame:
    return nilai_tahun(database(), tahun, basis, versi)


def daftar_wilayah() -> pd.DataFrame:
    return database().query("wilayah")


def provinsi_asing(db: Database, kode: str) -> str | None:
    """Why `kode` names no province the database holds a region of ('Provinsi «63» tidak ada di basis data;
    tersedia: 75, 76.'), or None when it does: the deck and the worklists of one province are asked for by code."""
    ada = sorted(db.query("wilayah")["kode_provinsi"].unique())
    return None if kode in ada else f"Provinsi «{kode[:20]}» tidak ada di basis data; tersedia: {', '.join(ada)}."


def daftar_tahun() -> list[int]:
    return database().query("periode")["tahun"].astype(int).tolist()


def sumber_sintetis(tahun: int) -> pd.DataFrame:
    """Synthetic sources behind a year's data (empty when all of it was imported from real files)."""
    sumber = database().query("sumber_data_tahun", {"tahun": tahun})
    return sumber[sumber["sintetis"]]
