"""Searching and filtering a year's innovations (the rows come from services.kelengkapan.Kelengkapan.inovasi), and
one innovation's history across the years."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.services.db import database
from dasbor.services.kelengkapan import BASIS, PD_TANPA
from dasbor.services.skor import data_penilaian, metodologi_tahun
from dasbor.services.usia import layak_usia

CELAH = {"semua": "Semua", "ada": "Ada celah", "tanpa": "Tanpa celah"}
# The age rule's verdict (columns from services.kiriman.inovasi_usia joined on the rows).
USIA = {
    "semua": "Semua",
    "memenuhi": "Memenuhi aturan usia",
    "tidak": "Tidak memenuhi",
    "keluar": "Keluar tahun depan bila tidak dikembangkan",
}

# Profile fields shown in the detail view, in the order of the "Proposal Inovasi Daerah".
PROFIL = {
    "nama_inovasi": "Nama inovasi",
    "nama_perangkat_daerah": "Perangkat daerah",
    "tahapan": "Tahapan",
    "inisiator": "Inisiator",
    "jenis": "Jenis",
    "bentuk": "Bentuk",
    "urusan_utama": "Urusan utama",
    "urusan_lain": "Urusan lain",
    "tanggal_uji_coba": "Waktu uji coba",
    "tanggal_penerapan": "Waktu penerapan",
    "status_inovasi": "Status",
    "rancang_bangun": "Rancang bangun",
    "tujuan": "Tujuan",
    "manfaat": "Manfaat",
    "hasil_inovasi": "Hasil inovasi",
    "tautan_video": "Video",
}


def inovasi_wilayah(inovasi: pd.DataFrame, usia: pd.DataFrame, kode_wilayah: str) -> pd.DataFrame:
    """The Inovasi page's rows of one region: the worklist's innovations (kelengkapan.inovasi) with the age verdict
    and the kematangan claimed if sent (kiriman.inovasi_usia, by id_inovasi) beside them, by name."""
    return inovasi[inovasi["kode_wilayah"] == kode_wilayah].join(usia, on="id_inovasi").sort_values("nama_inovasi")


def saring(
    inovasi: pd.DataFrame,
    *,
    teks: str = "",
    perangkat_daerah: Collection[str] = (),
    urusan: Collection[str] = (),
    tahapan: Collection[str] = (),
    jenis: Collection[str] = (),
    status: Collection[str] = (),
    kematangan: tuple[float, float] = (0.0, float("inf")),
    celah: str = "semua",
    usia: str = "semua",
    kematangan_minimum: float = 0.0,
) -> pd.DataFrame:
    """Innovations matching every given filter; an empty collection means 'any'. Text matches the name or the
    perangkat daerah, case-insensitively and literally (no pattern syntax). `usia` and `kematangan_minimum`
    (on the kematangan claimed if sent, `kematangan_kirim`) need the columns of services.kiriman.inovasi_usia."""
    if celah not in CELAH:
        raise ValueError(f"pilihan celah tidak dikenal: {celah!r}")
    if usia not in USIA:
        raise ValueError(f"pilihan usia tidak dikenal: {usia!r}")
    pilih = pd.Series(True, index=inovasi.index)
    cari = teks.strip().casefold()
    if cari:
        nama = inovasi["nama_inovasi"].fillna("").str.casefold()
        opd = inovasi["nama_perangkat_daerah"].fillna("").str.casefold()
        pilih &= nama.str.contains(cari, regex=False) | opd.str.contains(cari, regex=False)
    for kolom, nilai in (
        ("id_perangkat_daerah", perangkat_daerah),
        ("urusan_utama", urusan),
        ("tahapan", tahapan),
        ("jenis", jenis),
        ("status_inovasi", status),
    ):
        if nilai:
            isi = inovasi[kolom].fillna(PD_TANPA) if kolom == "id_perangkat_daerah" else inovasi[kolom]
            pilih &= isi.isin(list(nilai))
    bawah, atas = kematangan
    pilih &= inovasi["kematangan"].between(bawah, atas)
    if celah != "semua":
        pilih &= (inovasi["jumlah_celah"] > 0) == (celah == "ada")
    if usia != "semua":
        kolom = "keluar_tahun_depan" if usia == "keluar" else "memenuhi_usia"
        pilih &= inovasi[kolom].fillna(False).astype(bool) == (usia != "tidak")
    if kematangan_minimum > 0:
        pilih &= inovasi["kematangan_kirim"].fillna(0.0) >= kematangan_minimum
    return inovasi[pilih]


def profil(inovasi: pd.Series) -> pd.DataFrame:
    """One innovation's profile as (Kolom, Isi) rows; empty fields say so."""

    def isi(nilai: object) -> str:
        if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)):
            return "— (kosong)"
        return nilai.strftime("%d-%m-%Y") if isinstance(nilai, pd.Timestamp) else str(nilai)

    return pd.DataFrame({"Kolom": list(PROFIL.values()), "Isi": [isi(inovasi.get(k)) for k in PROFIL]}).set_index(
        "Kolom"
    )


@dataclass(frozen=True)
class Riwayat:
    """One innovation across the years of the database."""

    id_inovasi: str
    tahun: pd.DataFrame  # per year: status, kematangan, iid_wilayah, bagian_iid (IID points), persen_iid
    level: pd.DataFrame  # indicator × year: "klaim k · diakui d · bukti" (empty where not entered)
    berubah: pd.DataFrame  # same shape as level: True where the answer differs from the year before


def _status_tahun(ada: pd.Series | None, layak: bool) -> str:
    if ada is not None:
        return str(ada["status_inovasi"])
    return "belum diinput ulang" if layak else "tidak dicatat (melewati aturan usia)"


def hitung_riwayat(db: Database, id_inovasi: str) -> Riwayat | None:
    """Status, levels, kematangan and share of the region's IID of one innovation in every year from its first
    submission to the newest year in the database (None for an unknown id). Its share is Σ of its answers'
    scoring.kontribusi: the IID points its kematangan brings to the region under that year's rule."""
    pengajuan = db.query("inovasi_riwayat", {"id_inovasi": id_inovasi})
    if pengajuan.empty:
        return None
    jawaban = db.query("jawaban_sid_riwayat", {"id_inovasi": id_inovasi})
    kode = str(pengajuan["kode_wilayah"].iat[-1])
    semua_tahun = [t for t in db.query("periode")["tahun"].astype(int) if t >= int(pengajuan["tahun"].min())]
    per_tahun = pengajuan.set_index("tahun")
    baris = []
    for tahun in semua_tahun:
        m = metodologi_tahun(db, tahun)
        ada = per_tahun.loc[tahun] if tahun in per_tahun.index else None
        terakhir = pengajuan[pengajuan["tahun"] <= tahun].iloc[-1]
        layak = bool(layak_usia(terakhir.to_frame().T, m, tahun).iat[0])
        isi = {"tahun": tahun, "status": _status_tahun(ada, layak), "kematangan": np.nan, "bagian_iid": np.nan}
        data = data_penilaian(db, tahun).bagian_wilayah(kode)
        skor = scoring.hitung_skor(data, m, BASIS)
        isi["iid_wilayah"] = float(skor["iid_mentah"].iat[0]) if len(skor) else np.nan
        if ada is not None:
            kematangan = scoring.hitung_kematangan(data, m, BASIS).set_index("id_inovasi")["kematangan"]
            poin = scoring.kontribusi(data, m, BASIS)
            isi["kematangan"] = float(kematangan[id_inovasi])
            isi["bagian_iid"] = float(poin.loc[poin["id_inovasi"] == id_inovasi, "kontribusi_iid"].sum())
        baris.append(isi)
    tahun = pd.DataFrame(baris)
    tahun["persen_iid"] = tahun["bagian_iid"] / tahun["iid_wilayah"] * 100
    teks = (
        "klaim "
        + jawaban["level_klaim"].astype("Int64").astype(str)
        + " · diakui "
        + pd.Series(scoring.level_efektif(jawaban, BASIS), index=jawaban.index).astype(int).astype(str)
        + " · "
        + jawaban["status_bukti"].astype(str).str.replace("_", " ")
    )
    level = (
        jawaban.assign(teks=teks)
        .pivot(index="kode_indikator", columns="tahun", values="teks")
        .reindex(columns=semua_tahun)
        # Years without the innovation arrive as float NaN columns; object first, so "" is a valid fill.
        .astype(object)
        .fillna("")
    )
    level = level.loc[sorted(level.index, key=lambda k: (len(k), k))]
    sebelum = level.shift(1, axis=1)
    berubah = (level != sebelum) & (level != "") & (sebelum.notna()) & (sebelum != "")
    return Riwayat(id_inovasi, tahun, level, berubah)


def riwayat(id_inovasi: str) -> Riwayat | None:
    """hitung_riwayat on the app's database."""
    return hitung_riwayat(database(), id_inovasi)
