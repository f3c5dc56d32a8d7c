"""What a bimtek deck is built from, gathered once per year and basis from the services: scores of every year,
the published values, the evidence gaps and the scores once each region's top gaps are fixed. The slide
builders (susun.py) are pure functions of it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import scoring
from dasbor.bimtek.celah import hitung_celah_bukti, sesudah_perbaikan
from dasbor.bimtek.model import BimtekError
from dasbor.lingkup import Lingkup, lingkup_wilayah, nama_provinsi
from dasbor.services import skor
from dasbor.services.asal import AsalTahun, asal_tahun
from dasbor.services.db import database
from dasbor.services.lintas_tahun import baris_celah, lintas_tahun_db
from dasbor.services.peta import Batas, batas_wilayah

JUMLAH_CELAH = 3  # top gaps per region on its slide, and fixed in the "sesudah" score


@dataclass(frozen=True)
class Bahan:
    """Everything one deck needs, gathered once."""

    tahun: int
    basis: str
    daerah: Lingkup  # whom the deck is for: the province its pemda are in (titles, the bimtek place)
    m: scoring.Metodologi
    keyakinan: str
    catatan_aturan: str
    sumber_aturan: str
    sintetis: bool  # some of the year's innovation data is synthetic (asal says which regions)
    keterangan_data: str
    asal: AsalTahun
    wilayah: pd.DataFrame
    skor: pd.DataFrame  # the year, every wilayah
    skor_semua: pd.DataFrame  # every year up to `tahun`
    resmi: pd.DataFrame
    celah: pd.DataFrame
    sesudah: pd.DataFrame  # per kode_wilayah: verified IID and predikat once its top gaps are fixed
    kematangan: pd.DataFrame
    lintas: pd.DataFrame  # last year's innovations not entered again / unchanged, as worklist rows
    batas: Batas  # the boundaries the map slide draws (the same file as the pages), or why the tiles are drawn

    @property
    def sumber_hitung(self) -> str:
        if self.asal.campuran:
            data = f"data impor (SINTETIS demo hanya {', '.join(self.asal.sintetis)})"
        else:
            data = "data demo SINTETIS" if self.sintetis else "data impor"
        return (
            f"Dihitung dasbor dari {data} {self.tahun}, aturan IID versi {self.m.versi} "
            f"(keyakinan: {self.keyakinan}), basis {self.basis}."
        )

    def baris_skor(self, kode: str) -> pd.Series:
        return self.skor.set_index("kode_wilayah").loc[kode]


def kumpulkan(tahun: int, basis: str, provinsi: str | None = None) -> Bahan:
    """Everything a deck of one year and basis needs, read from the published copy: of one province's pemda. A
    database of one province needs no `provinsi`; one of several (a national deployment) names it, since a bimtek
    is held for a province's pemda and a deck of 552 pemda would be 520 slides long."""
    tahun_ada = skor.daftar_tahun()
    if tahun not in tahun_ada:
        raise BimtekError(f"Tahun {tahun} tidak ada di basis data; tersedia: {', '.join(map(str, tahun_ada))}.")
    if basis not in scoring.BASIS:
        raise BimtekError(f"Basis skor «{basis}» tidak dikenal; pilih {' atau '.join(scoring.BASIS)}.")
    wilayah = wilayah_provinsi(provinsi)
    dalam = set(wilayah["kode_wilayah"])
    db = database()
    m = skor.metodologi_tahun(db, tahun)
    asal = m.asal_tahun(tahun)
    mentah = skor.data_penilaian(db, tahun, provinsi)
    # Gaps and kematangan on the data the region's IID is computed on (the marked status, else every eligible
    # innovation): a portal-only pemda, all draft, would otherwise show no kematangan and a verdict of nothing sent.
    data, _ = skor.data_dinilai(mentah, m, tahun)
    asal_data = asal_tahun(tahun)
    skor_semua = pd.concat([skor.skor_tahun(t, basis) for t in tahun_ada if t <= tahun], ignore_index=True)
    skor_semua = skor_semua[skor_semua["kode_wilayah"].isin(dalam)]
    opd = db.query("perangkat_daerah")[["id_perangkat_daerah", "singkatan"]]
    profil = data.inovasi[["id_inovasi", "nama_inovasi", "id_perangkat_daerah"]].merge(
        opd, on="id_perangkat_daerah", how="left"
    )
    # on the set the IID is computed on: a portal-only pemda (nothing marked) has its eligible innovations counted
    kematangan = scoring.hitung_kematangan(data, m, basis).merge(profil, on="id_inovasi")
    celah = hitung_celah_bukti(mentah, m, tahun)
    resmi = db.query("hasil_resmi")
    return Bahan(
        tahun=tahun,
        basis=basis,
        daerah=lingkup_wilayah(dalam),
        m=m,
        keyakinan=asal.keyakinan,
        catatan_aturan=asal.catatan,
        sumber_aturan=asal.sumber,
        sintetis=asal_data.ada_sintetis,
        keterangan_data=asal_data.keterangan or "Data impor (bukan demo).",
        asal=asal_data,
        wilayah=wilayah,
        skor=skor_semua[skor_semua["tahun"] == tahun],
        skor_semua=skor_semua,
        resmi=resmi[resmi["kode_wilayah"].isin(dalam)],
        celah=celah,
        sesudah=sesudah_perbaikan(mentah, m, tahun, celah, JUMLAH_CELAH, wilayah),
        kematangan=kematangan,
        lintas=baris_celah(lintas_tahun_db(db, tahun, provinsi)),
        batas=batas_wilayah(frozenset(wilayah["kode_wilayah"])),
    )


def wilayah_provinsi(provinsi: str | None) -> pd.DataFrame:
    """The regions of a deck (daftar_wilayah rows): every region of a one-province database, or those of `provinsi`;
    a database of several provinces needs one named."""
    wilayah = skor.daftar_wilayah()
    ada = sorted(wilayah["kode_provinsi"].unique())
    if provinsi is None and len(ada) > 1:
        raise BimtekError(
            f"Basis data memuat {len(ada)} provinsi: deck bimtek dibuat untuk satu provinsi; sebutkan kodenya "
            f"(mis. {ada[0]} untuk {nama_provinsi(ada[0])})."
        )
    if provinsi is None:
        return wilayah
    if alasan := skor.provinsi_asing(database(), provinsi):
        raise BimtekError(alasan)
    return wilayah[wilayah["kode_provinsi"] == provinsi]
