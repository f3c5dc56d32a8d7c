"""What a pemda sends, read back: each innovation with its age verdict and kematangan, the IID per pemda as marked
(or, where nothing is marked yet, as if every eligible innovation were sent), and the send advice (issue 18 §5–6).

Only sent innovations are scored (status dikirim/diterima; ditolak still sits in the divisor). The portal export
carries no status, so an imported pemda-year may have nothing marked: its IID is then shown for the scenario in
which every innovation the age rule admits is sent, and labelled so (`semua_layak_dikirim`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.services.db import database
from dasbor.services.kelompok_pd import KOLOM as KOLOM_KELOMPOK
from dasbor.services.kelompok_pd import dengan_kelompok
from dasbor.services.skor import data_penilaian, metodologi_tahun, nilai_tahun
from dasbor.services.usia import keluar_tahun_depan, nilai_usia
from dasbor.visual.format import angka
from scoring.anggota import ada_di
from scoring.saran_kirim import pilih_kiriman

BASIS_SARAN = "klaim"  # the advice is made before verification, on what the pemda claims
SUMBER_PORTAL = "dari kematangan portal"  # said by every number computed from the portal's kematangan


def kematangan_klaim(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """Each innovation's kematangan as claimed, whatever its status (index id_inovasi): from its answers where it
    has any, else the portal's (rescaled), with `dari_kematangan_portal`. The scoring module zeroes drafts, so
    every row is scored as sent."""
    terkirim = scoring.DataPenilaian(data.inovasi.assign(status_inovasi="dikirim"), data.jawaban_sid, data.jawaban_spd)
    hasil = scoring.hitung_kematangan(terkirim, m, BASIS_SARAN).set_index("id_inovasi")
    return hasil[["kematangan", "dari_kematangan_portal"]]


def daftar_inovasi(db: Database, tahun: int) -> pd.DataFrame:
    """Every innovation reported for the year with kematangan (claimed, see kematangan_klaim),
    dari_kematangan_portal, memenuhi_usia, alasan_usia and keluar_tahun_depan."""
    m = metodologi_tahun(db, tahun)
    data = data_penilaian(db, tahun)
    inovasi = data.inovasi.reset_index(drop=True)
    usia = nilai_usia(inovasi, m, tahun)
    klaim = kematangan_klaim(data, m).reindex(inovasi["id_inovasi"])
    return pd.concat([inovasi, usia], axis=1).assign(
        kematangan=klaim["kematangan"].to_numpy(), dari_kematangan_portal=klaim["dari_kematangan_portal"].to_numpy()
    )


def kematangan_per_opd(inovasi: pd.DataFrame, tanpa: str) -> pd.DataFrame:
    """Mean kematangan if sent (`kematangan_kirim`) and count per perangkat daerah: perangkat_daerah, rata_rata,
    jumlah; `tanpa` names innovations without one."""
    kelompok = inovasi.assign(perangkat_daerah=inovasi["nama_perangkat_daerah"].fillna(tanpa)).groupby(
        "perangkat_daerah"
    )["kematangan_kirim"]
    return pd.DataFrame({"rata_rata": kelompok.mean(), "jumlah": kelompok.size()}).reset_index()


def kematangan_per_satuan(inovasi: pd.DataFrame, kelompokkan: bool, tanpa: str) -> pd.DataFrame:
    """kematangan_per_opd per perangkat daerah, or per group of accounts (kelompok_pd's heuristic) when
    `kelompokkan`: the Inovasi page's chart and table."""
    if kelompokkan:
        inovasi = dengan_kelompok(inovasi)
        inovasi = inovasi.assign(nama_perangkat_daerah=inovasi[KOLOM_KELOMPOK])
    return kematangan_per_opd(inovasi, tanpa)


def akan_menua(db: Database, tahun: int) -> pd.DataFrame:
    """This year's innovations that age out next year unless developed, per pemda and perangkat daerah."""
    return keluar_tahun_depan(data_penilaian(db, tahun).inovasi, metodologi_tahun(db, tahun), tahun)


def selisih_kematangan(db: Database, tahun: int) -> pd.DataFrame:
    """Innovations whose indicator-level answers (which win) disagree with the portal's kematangan, with names."""
    data = data_penilaian(db, tahun)
    beda = scoring.selisih_kematangan_portal(data, metodologi_tahun(db, tahun))
    nama = data.inovasi[["id_inovasi", "nama_inovasi", "nama_perangkat_daerah"]]
    return beda.merge(nama, on="id_inovasi", how="left")


def hasil_pemda(db: Database, tahun: int, basis: str = "terverifikasi") -> pd.DataFrame:
    """One row per pemda with data, from the one rule (skor.nilai_tahun): kode_wilayah, nama_wilayah, jenis,
    iid, predikat, peringkat, spd, sid, n_inovasi_dinilai, sumber_sid, ada_spd, semua_layak_dikirim, dasar_nilai,
    peringkat_sid_saja. A pemda without SPD answers gets no iid, predikat, peringkat or spd (never an invented
    SPD); its SID stands alone, ranked apart among such pemda."""
    skor = nilai_tahun(db, tahun, basis)
    hasil = skor.rename(columns={"skor_spd": "spd", "skor_sid": "sid", "n_inovasi": "n_inovasi_dinilai"})[
        [
            "kode_wilayah",
            "nama_wilayah",
            "jenis",
            "iid",
            "predikat",
            "peringkat",
            "spd",
            "sid",
            "n_inovasi_dinilai",
            "sumber_sid",
            "ada_spd",
            "semua_layak_dikirim",
            "dasar_nilai",
            "peringkat_sid_saja",
        ]
    ]
    return hasil.sort_values("kode_wilayah").reset_index(drop=True)


@dataclass(frozen=True)
class Saran:
    """The advice for one pemda-year: one row per eligible innovation, the summary, and what it rests on."""

    tabel: pd.DataFrame  # id_inovasi, nama_inovasi, nama_perangkat_daerah, kematangan, disarankan, alasan
    n_layak: int
    n_saran: int
    iid_semua: float | None  # IID (unrounded) with every eligible innovation sent; None without SPD
    iid_saran: float | None
    sid_semua: float
    sid_saran: float
    ada_spd: bool
    dari_kematangan_portal: bool  # some kematangan came from the portal, not from answers
    versi: str
    asumsi: tuple[str, ...]  # "what: keyakinan — note" for every rule the advice rests on

    @property
    def tambahan_poin(self) -> float:
        """What the advice gains over sending every eligible innovation: IID points, or SID points without SPD."""
        if self.iid_semua is not None and self.iid_saran is not None:
            return self.iid_saran - self.iid_semua
        return self.sid_saran - self.sid_semua


def _asumsi(m: scoring.Metodologi, portal: bool) -> tuple[str, ...]:
    aturan: list[tuple[str, scoring.model.Asal]] = [
        ("rumus IID", m.rumus_asal),
        (f"pembagi MAX({m.pembagi_minimum}, n)", m.pembagi_asal),
        (
            f"skor jumlah inovasi {angka(m.poin_per_inovasi)} per inovasi, paling banyak {m.batas_inovasi}",
            m.jumlah_asal,
        ),
        ("aturan usia inovasi", m.usia.asal),
        ("skor maksimum", m.maks_asal),
    ]
    if m.syarat_yandas is not None:
        aturan.append((f"syarat {m.syarat_yandas.minimum_urusan} urusan pelayanan dasar", m.syarat_yandas.asal))
    if portal:
        aturan += m.asumsi_kematangan_portal(BASIS_SARAN)
    return tuple(
        f"{apa}: {asal.keyakinan}" + (f" — {asal.catatan.rstrip('.')}" if asal.catatan else "") for apa, asal in aturan
    )


def _skor_skenario(
    data: scoring.DataPenilaian, m: scoring.Metodologi, kirim: set[str]
) -> tuple[float | None, float, bool]:
    """(IID or None without SPD, SID, has SPD) of one pemda with exactly `kirim` sent, on the klaim basis."""
    status = np.where(ada_di(data.inovasi["id_inovasi"], kirim), "dikirim", "draft")
    skor = scoring.hitung_skor(
        scoring.DataPenilaian(data.inovasi.assign(status_inovasi=status), data.jawaban_sid, data.jawaban_spd),
        m,
        BASIS_SARAN,
    )
    if skor.empty:
        return None, 0.0, False
    baris = skor.iloc[0]
    ada_spd = bool(baris["ada_spd"])
    return (float(baris["iid_mentah"]) if ada_spd else None), float(baris["skor_sid"]), ada_spd


def saran_per_inovasi(data: scoring.DataPenilaian, m: scoring.Metodologi, tahun: int) -> pd.DataFrame:
    """The advice for every pemda in the data (scoring.saran_kirim.pilih_kiriman per pemda): one row per innovation
    the age rule admits, in input order, with kematangan (claimed, see kematangan_klaim), dari_kematangan_portal,
    disarankan (bool) and alasan. The Kelengkapan gaps and hitung_saran both read the advice from here."""
    inovasi = data.inovasi.reset_index(drop=True)
    layak = inovasi[nilai_usia(inovasi, m, tahun)["memenuhi_usia"].astype(bool).to_numpy()].reset_index(drop=True)
    klaim = kematangan_klaim(data, m).reindex(layak["id_inovasi"])
    hasil = layak.assign(
        kematangan=klaim["kematangan"].to_numpy(float),
        dari_kematangan_portal=klaim["dari_kematangan_portal"].astype(bool).to_numpy(),
        disarankan=False,
        alasan="",
    )
    for _, grup in hasil.groupby("kode_wilayah", sort=False):
        saran = pilih_kiriman(grup["kematangan"].to_numpy(), grup["urusan_utama"].tolist(), m)
        hasil.loc[grup.index, "disarankan"] = saran.dikirim
        hasil.loc[grup.index, "alasan"] = list(saran.alasan)
    return hasil.astype({"disarankan": bool})


def hitung_saran(db: Database, tahun: int, kode_wilayah: str) -> Saran:
    """The send advice for one pemda-year under the year's rule version (scoring.saran_kirim.pilih_kiriman)."""
    m = metodologi_tahun(db, tahun)
    data = data_penilaian(db, tahun).bagian_wilayah(kode_wilayah)
    layak = saran_per_inovasi(data, m, tahun)
    tabel = pd.DataFrame(
        {
            "id_inovasi": layak["id_inovasi"],
            "nama_inovasi": layak["nama_inovasi"],
            "nama_perangkat_daerah": layak["nama_perangkat_daerah"],
            "kematangan": layak["kematangan"],
            "disarankan": np.where(layak["disarankan"], "ya", "tidak"),
            "alasan": layak["alasan"],
        }
    ).sort_values(["kematangan", "id_inovasi"], ascending=[False, True])
    portal = bool(layak["dari_kematangan_portal"].any())
    iid_semua, sid_semua, ada_spd = _skor_skenario(data, m, set(layak["id_inovasi"]))
    iid_saran, sid_saran, _ = _skor_skenario(data, m, set(layak["id_inovasi"][layak["disarankan"]]))
    return Saran(
        tabel=tabel.reset_index(drop=True),
        n_layak=len(layak),
        n_saran=int(layak["disarankan"].sum()),
        iid_semua=iid_semua,
        iid_saran=iid_saran,
        sid_semua=sid_semua,
        sid_saran=sid_saran,
        ada_spd=ada_spd,
        dari_kematangan_portal=portal,
        versi=m.versi,
        asumsi=_asumsi(m, portal),
    )


# --- the same on the app's database (cached per terbitan by dasbor.ui.data) ------------------------------------


def inovasi_usia(tahun: int) -> pd.DataFrame:
    """daftar_inovasi's per-innovation additions, keyed by id_inovasi: kematangan_kirim (claimed kematangan if sent),
    dari_kematangan_portal, memenuhi_usia, alasan_usia, keluar_tahun_depan."""
    inovasi = daftar_inovasi(database(), tahun)
    return inovasi.set_index("id_inovasi")[
        ["kematangan", "dari_kematangan_portal", "memenuhi_usia", "alasan_usia", "keluar_tahun_depan"]
    ].rename(columns={"kematangan": "kematangan_kirim"})


def menua(tahun: int) -> pd.DataFrame:
    return akan_menua(database(), tahun)


def selisih(tahun: int) -> pd.DataFrame:
    return selisih_kematangan(database(), tahun)


def saran(tahun: int, kode_wilayah: str) -> Saran:
    return hitung_saran(database(), tahun, kode_wilayah)
