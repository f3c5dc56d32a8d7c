"""The Kelengkapan of a year, assembled: the worklist (services/celah.py: gap finding and pricing), the fastest
paths (services/jalan_tercepat.py), the cross-year gaps (services/lintas_tahun.py), the SKPD commitment and the
innovations with their gaps. A year's data is read once and passes each of those modules once, on the set the
region's IID is computed on (services.usia.skenario_semua_layak, as skor.hitung_skor_tahun scores it).

The names the pages, exports and tests use are re-exported here, so callers keep one entry point.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.lingkup import nama_provinsi, provinsi_kolom
from dasbor.services.celah import (
    JENIS_CELAH,
    JENIS_MATRIKS,
    NAMA_PD_PEMDA,
    NAMA_PD_TANPA,
    PD_PEMDA,
    PD_TANPA,
    PERBAIKAN,
    PROFIL_WAJIB,
    hitung_celah,
    lengkapi_wajib,
    terapkan_celah,
)
from dasbor.services.db import database
from dasbor.services.jalan_tercepat import jalan_tercepat
from dasbor.services.katalog_celah import katalog
from dasbor.services.lintas_tahun import BASIS, baris_celah, celah_lintas_tahun
from dasbor.services.skor import data_dinilai, data_penilaian, metodologi_tahun

__all__ = [
    "BASIS",
    "JENIS_CELAH",
    "JENIS_MATRIKS",
    "KOMITMEN_SKPD",
    "NAMA_PD_PEMDA",
    "NAMA_PD_TANPA",
    "PD_PEMDA",
    "PD_TANPA",
    "PERBAIKAN",
    "PROFIL_WAJIB",
    "Kelengkapan",
    "hitung_celah",
    "hitung_kelengkapan",
    "jalan_tercepat",
    "kelengkapan",
    "komitmen_skpd",
    "lengkapi_wajib",
    "terapkan_celah",
]

KOMITMEN_SKPD = katalog().komitmen.kalimat


@dataclass(frozen=True)
class Kelengkapan:
    """Everything the Kelengkapan, Simulasi and Inovasi pages and the exports need for one year."""

    tahun: int
    provinsi: str | None  # whose pemda: one province's (a national database), or None for every one in the database
    versi: str
    keyakinan: str  # how surely the year's rule is known (scoring Berlaku.asal)
    celah: pd.DataFrame  # the worklist, one row per gap (columns: see hitung_celah)
    jalan: pd.DataFrame  # per region: next band, fastest set of fixes, divisor seats, yandas urusan
    jalan_rincian: pd.DataFrame  # kode_wilayah, urutan, id_celah of each region's fastest set
    komitmen: pd.DataFrame  # per perangkat daerah: innovations reported against the commitment
    skor: pd.DataFrame  # the year's scores on BASIS (scoring.hitung_skor columns + nama_wilayah, jenis)
    keterangan_sintetis: str  # description of the synthetic sources behind the year's data; "" when all of it is real
    data: scoring.DataPenilaian  # the year on the set its IID is computed on, with explicit empty wajib rows
    inovasi: pd.DataFrame  # every innovation with its profile, kematangan and its gaps counted and priced

    @property
    def cakupan(self) -> str:
        """Whose gaps these are, in words: 'semua wilayah', or 'semua wilayah Provinsi Jawa Timur'."""
        return "semua wilayah" + ("" if self.provinsi is None else f" Provinsi {nama_provinsi(self.provinsi)}")

    @property
    def aturan(self) -> str:
        """Where the numbers come from, for captions and exports."""
        return f"Aturan IID {self.versi} (keyakinan: {self.keyakinan}), basis {BASIS}"


def komitmen_skpd(perangkat: pd.DataFrame, inovasi: pd.DataFrame) -> pd.DataFrame:
    """Per perangkat daerah: innovations reported (sent, whatever the verdict; on the set the IID is computed on)
    and drafts, against the commitment's minimum (celah.toml [komitmen_skpd])."""
    dilaporkan = inovasi[inovasi["status_inovasi"] != "draft"].groupby("id_perangkat_daerah").size()
    draft = inovasi[inovasi["status_inovasi"] == "draft"].groupby("id_perangkat_daerah").size()
    hasil = perangkat[["kode_wilayah", "id_perangkat_daerah", "nama_perangkat_daerah", "singkatan"]].copy()
    hasil["dilaporkan"] = hasil["id_perangkat_daerah"].map(dilaporkan).fillna(0).astype(int)
    hasil["draft"] = hasil["id_perangkat_daerah"].map(draft).fillna(0).astype(int)
    hasil["memenuhi"] = hasil["dilaporkan"] >= katalog().komitmen.minimum_inovasi
    return hasil.sort_values(["kode_wilayah", "dilaporkan", "nama_perangkat_daerah"], ignore_index=True)


def _inovasi_dengan_celah(
    data: scoring.DataPenilaian, celah: pd.DataFrame, m: scoring.Metodologi, status_ditandai: pd.Series
) -> pd.DataFrame:
    """The innovations with kematangan (verified and as claimed), whether they count (`dihitung`), their status as
    marked (status_ditandai, by id_inovasi) and the number and worth of their gaps."""
    verif = scoring.hitung_kematangan(data, m, BASIS).set_index("id_inovasi")["kematangan"]
    klaim = scoring.hitung_kematangan(data, m, "klaim").set_index("id_inovasi")["kematangan"]
    # A belum_diperbarui row repeats the worth of the innovation's own evidence rows: counted, not added again.
    celah = celah.assign(nilai_perbaikan=celah["nilai_perbaikan"].where(celah["jenis_celah"] != "belum_diperbarui", 0))
    per = celah[celah["id_inovasi"].notna()].groupby("id_inovasi")
    inovasi = data.inovasi.copy()
    # Shown as marked; whether it counts is the computed set's status.
    inovasi["dihitung"] = inovasi["status_inovasi"].isin(scoring.STATUS_DINILAI)
    inovasi["status_inovasi"] = status_ditandai.reindex(inovasi["id_inovasi"]).to_numpy()
    inovasi["kematangan"] = inovasi["id_inovasi"].map(verif)
    inovasi["kematangan_klaim"] = inovasi["id_inovasi"].map(klaim)
    inovasi["jumlah_celah"] = inovasi["id_inovasi"].map(per.size()).fillna(0).astype(int)
    inovasi["poin_celah"] = inovasi["id_inovasi"].map(per["nilai_perbaikan"].sum()).fillna(0.0)
    return inovasi


def hitung_kelengkapan(db: Database, tahun: int, provinsi: str | None = None) -> Kelengkapan:
    """Worklist, fastest paths and SKPD commitment of every region in one year, or of one province's pemda
    (`provinsi`: a page about one region of a national database needs its province's, not 552 pemda's; every
    number is the one the whole year gives, since a region's depend on its own rows only). Uncached; the CLI
    uses this."""
    m = metodologi_tahun(db, tahun)
    mentah = data_penilaian(db, tahun, provinsi)
    dihitung = data_dinilai(mentah, m, tahun)[0]
    data = lengkapi_wajib(dihitung, m)
    celah = hitung_celah(data, m, tahun)
    # Last year's innovations not entered again, or entered unchanged, join the worklist; both years are taken on
    # the set their IID is computed on, so a portal-only year is compared too.
    if tahun - 1 in set(db.query("periode")["tahun"].astype(int)):
        lalu = data_dinilai(data_penilaian(db, tahun - 1, provinsi), metodologi_tahun(db, tahun - 1), tahun - 1)[0]
        lintas = baris_celah(celah_lintas_tahun(dihitung, lalu, m, tahun)).fillna(
            {"id_perangkat_daerah": PD_TANPA, "nama_perangkat_daerah": NAMA_PD_TANPA}
        )
        celah = pd.concat([celah, lintas], ignore_index=True).sort_values(
            ["nilai_perbaikan", "kode_wilayah", "id_celah"], ascending=[False, True, True], ignore_index=True
        )
    wilayah = db.query("wilayah")[["kode_wilayah", "nama_wilayah", "jenis"]]
    nama = wilayah.set_index("kode_wilayah")["nama_wilayah"]
    celah.insert(celah.columns.get_loc("kode_wilayah") + 1, "nama_wilayah", celah["kode_wilayah"].map(nama))
    jalan, rincian = jalan_tercepat(data, celah, m)
    jalan.insert(1, "nama_wilayah", jalan["kode_wilayah"].map(nama))
    skor = wilayah.merge(scoring.hitung_skor(data, m, BASIS), on="kode_wilayah")
    sumber = db.query("sumber_data_tahun", {"tahun": tahun})
    perangkat = db.query("perangkat_daerah")
    if provinsi is not None:
        perangkat = perangkat[provinsi_kolom(perangkat["kode_wilayah"]) == provinsi]
    status = mentah.inovasi.set_index("id_inovasi")["status_inovasi"]
    return Kelengkapan(
        tahun=tahun,
        provinsi=provinsi,
        versi=m.versi,
        keyakinan=m.asal_tahun(tahun).keyakinan,
        celah=celah,
        jalan=jalan,
        jalan_rincian=rincian,
        komitmen=komitmen_skpd(perangkat, data.inovasi),
        skor=skor,
        keterangan_sintetis=" ".join(sumber.loc[sumber["sintetis"], "keterangan"].astype(str)),
        data=data,
        inovasi=_inovasi_dengan_celah(data, celah, m, status),
    )


def kelengkapan(tahun: int, provinsi: str | None = None) -> Kelengkapan:
    """The year's Kelengkapan (of one province's pemda when named) from the published copy (uncached; the UI layer
    keeps one per terbitan)."""
    return hitung_kelengkapan(database(), tahun, provinsi)
