"""Searching and filtering a year's innovations (the rows come from services.kelengkapan.Kelengkapan.inovasi)."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from dasbor.services.kelengkapan import PD_TANPA

CELAH = {"semua": "Semua", "ada": "Ada celah", "tanpa": "Tanpa celah"}

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
) -> pd.DataFrame:
    """Innovations matching every given filter; an empty collection means 'any'. Text matches the name or the
    perangkat daerah, case-insensitively and literally (no pattern syntax)."""
    if celah not in CELAH:
        raise ValueError(f"pilihan celah tidak dikenal: {celah!r}")
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
