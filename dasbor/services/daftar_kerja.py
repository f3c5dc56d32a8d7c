"""The worklist of a year's gaps as the page table, the Excel workbook and the CSV show it: Indonesian headers
and words, one sheet per perangkat daerah, and the file names and bytes of a region's download.

One workbook per region, not one file per perangkat daerah: a Pemprov has hundreds of accounts (every SMA, SMK
and SLB is one), and hundreds of files are lost in a mailbox and cannot be printed in one go. In the workbook each
perangkat daerah's sheet is named by a short code (`001 DINKES`, never a name cut at 31 characters, so two long
names cannot collide), the Ringkasan sheet is the index (code → full name, gaps, points), and every printed page
of a sheet names its perangkat daerah in full in the page header. Printing the whole workbook gives one stack
per perangkat daerah, each starting on a fresh page: what the Brida hands out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from dasbor.ekspor.cetak import Kop
from dasbor.ekspor.nama_berkas import slug
from dasbor.ekspor.tabel import PANJANG_NAMA_LEMBAR, ke_csv, ke_xlsx
from dasbor.services.asal import wilayah_sintetis
from dasbor.services.katalog_celah import katalog
from dasbor.services.kelengkapan import JENIS_CELAH, PD_PEMDA, PD_TANPA, PERBAIKAN, Kelengkapan

# Worklist column -> Indonesian header, in the order the page table and the exports show them.
KOLOM_DAFTAR = {
    "nama_wilayah": "Wilayah",
    "nama_perangkat_daerah": "Perangkat daerah",
    "nama_inovasi": "Inovasi",
    "id_inovasi": "ID inovasi",
    "aspek": "Aspek",
    "kode_indikator": "Kode indikator",
    "nama_indikator": "Indikator",
    "wajib": "Wajib",
    "jenis": "Jenis celah",
    "status_bukti": "Status bukti",
    "level_klaim": "Level klaim",
    "level_diakui": "Level diakui",
    "level_sasaran": "Level sasaran",
    "yang_kurang": "Yang kurang",
    "bukti_sasaran": "Bukti untuk level sasaran (aturan tahun ini)",
    "di_portal": "Yang dikerjakan di portal",
    "catatan_verifikasi": "Catatan verifikator",
    "kematangan": "Kematangan (ekspor portal)",
    "nilai_perbaikan": "Nilai perbaikan (poin IID)",
    "nilai_saran": "Nilai bila dikirim sesuai saran (poin IID)",
    "perbaikan": "Arti perbaikan",
    "cara_hitung": "Cara menghitung nilai",
    "id_celah": "ID celah",
}
# A perangkat daerah's sheet is what the Brida hands that office on paper: these columns, in this order, are
# printed (one landscape page wide); the rest follow outside the print area for whoever sorts or merges the data
# (the wilayah and perangkat daerah are in every page header, 'Yang kurang' names the kind of gap more precisely
# than 'Jenis celah', and what each kind of fix means is on Keterangan).
KOLOM_CETAK = (
    "nama_inovasi",
    "kode_indikator",
    "nama_indikator",
    "wajib",
    "level_klaim",
    "level_diakui",
    "level_sasaran",
    "yang_kurang",
    "bukti_sasaran",
    "di_portal",
    "catatan_verifikasi",
    "nilai_perbaikan",
)
KOLOM_LEMBAR_PD = KOLOM_CETAK + tuple(k for k in KOLOM_DAFTAR if k not in KOLOM_CETAK)
JUDUL_CETAK = "Daftar kerja kelengkapan bukti dukung"
FORMAT_POIN = "0.000"  # a single SID fix in a large region is worth thousandths of a point
POIN_RINGKASAN = "Poin IID bila semua bukti, level dan kematangan diperbaiki"
KOLOM_ANGKA = ("level_klaim", "level_diakui", "level_sasaran", "kematangan", "nilai_perbaikan", "nilai_saran")


STATUS_BUKTI = {"ada": "ada", "kosong": "kosong", "ditolak": "ditolak", "perlu_perbaikan": "perlu perbaikan"}


def daftar_kerja(celah: pd.DataFrame) -> pd.DataFrame:
    """The worklist with Indonesian headers and words, as the page, the Excel file and the CSV show it."""
    tampil = celah.assign(
        jenis=celah["jenis_celah"].map(JENIS_CELAH),
        wajib=np.where(celah["kode_indikator"].isna(), "", np.where(celah["wajib"], "ya", "tidak")),
        status_bukti=celah["status_bukti"].map(STATUS_BUKTI),
        aspek=celah["aspek"].replace({"INOVASI": "Inovasi"}),
    )
    # A column with no value at all (a Jatim region whose gaps are all portal gaps has no levels) arrives as
    # object dtype; numbers stay numbers so the page formats them and the downloads hold numbers.
    tampil[list(KOLOM_ANGKA)] = tampil[list(KOLOM_ANGKA)].apply(pd.to_numeric)
    return tampil[list(KOLOM_DAFTAR)].rename(columns=KOLOM_DAFTAR)


def ringkasan_perangkat_daerah(celah: pd.DataFrame) -> pd.DataFrame:
    """Per perangkat daerah: gaps, points that fixing the evidence and levels would add, status fixes apart.

    Worths of level fixes add up exactly (see jalan_tercepat); status fixes interact through the divisor, so
    they are counted, not summed.
    """
    aditif = celah["aditif"]
    grup = celah.assign(
        poin=celah["nilai_perbaikan"].where(aditif, 0.0),
        bernilai=aditif & (celah["nilai_perbaikan"] > 0),
        status=~aditif,
    ).groupby(["id_perangkat_daerah", "nama_perangkat_daerah"], as_index=False)
    hasil = grup.agg(
        jumlah=("id_celah", "size"), bernilai=("bernilai", "sum"), poin=("poin", "sum"), status=("status", "sum")
    )
    return hasil.sort_values(["poin", "jumlah"], ascending=False, ignore_index=True).astype(
        {"jumlah": int, "bernilai": int, "status": int}
    )


def kode_lembar(ringkas: pd.DataFrame, singkatan: dict[str, str]) -> pd.Series:
    """Per perangkat daerah of a region's Ringkasan (same index): its sheet's name, a running number and its
    abbreviation (or the start of its name), e.g. `001 DINKES`; unique through the number, whatever the names."""
    khusus = {PD_PEMDA: "Pemda (SPD)", PD_TANPA: "Tanpa perangkat daerah"}
    nama = []
    nomor = 0
    for id_pd, nama_pd in zip(ringkas["id_perangkat_daerah"], ringkas["nama_perangkat_daerah"], strict=True):
        if id_pd in khusus:
            nama.append(khusus[id_pd])
            continue
        nomor += 1
        label = " ".join(str(singkatan.get(id_pd) or nama_pd).split())
        nama.append(f"{nomor:03d} {label}"[:PANJANG_NAMA_LEMBAR].rstrip())
    return pd.Series(nama, index=ringkas.index, dtype=object)


def lembar_kerja(kel: Kelengkapan, kode_wilayah: str, dibuat: date) -> dict[str, pd.DataFrame]:
    """Sheets of a region's worklist: Ringkasan (the index: sheet, full name, gaps, points), one per perangkat
    daerah (highest points first), Keterangan."""
    celah = kel.celah[kel.celah["kode_wilayah"] == kode_wilayah]
    ringkas = ringkasan_perangkat_daerah(celah)
    singkatan = kel.komitmen.set_index("id_perangkat_daerah")["singkatan"].dropna().to_dict()
    ringkas.insert(0, "lembar", kode_lembar(ringkas, singkatan))
    lembar = {
        "Ringkasan": ringkas.drop(columns="id_perangkat_daerah").rename(
            columns={
                "lembar": "Lembar",
                "nama_perangkat_daerah": "Perangkat daerah",
                "jumlah": "Jumlah celah",
                "bernilai": "Celah yang menambah IID",
                "poin": POIN_RINGKASAN,
                "status": "Inovasi yang dinilai terpisah (status, usia, kembar, lintas tahun)",
            }
        )
    }
    # The region's worklist is made once and cut per perangkat daerah (a Pemprov has hundreds); plain objects,
    # which the workbook writer reads cell by cell far faster than arrow-backed columns.
    tampil = daftar_kerja(celah)[[KOLOM_DAFTAR[k] for k in KOLOM_LEMBAR_PD]].astype(object)
    baris_pd = pd.Series(np.arange(len(celah))).groupby(celah["id_perangkat_daerah"].to_numpy()).indices
    for baris in ringkas.itertuples():
        lembar[baris.lembar] = tampil.iloc[baris_pd[baris.id_perangkat_daerah]].reset_index(drop=True)
    keterangan = [
        ("Wilayah", _nama_wilayah(kel, kode_wilayah)),
        ("Tahun penilaian", str(kel.tahun)),
        ("Sumber angka", kel.aturan + "; nilai perbaikan dihitung modul skor bersama (scoring)"),
        (
            "Data",
            f"SINTETIS: {kel.keterangan_sintetis}"
            if wilayah_sintetis(kel.data.inovasi, kode_wilayah, bool(kel.keterangan_sintetis))
            else "Data impor (bukan sintetis)",
        ),
        ("Dibuat", dibuat.isoformat()),
        (
            "Nilai perbaikan",
            "Selisih IID (poin, sebelum pembulatan) bila hanya celah itu yang diperbaiki, pada inovasi yang "
            "dihitung IID wilayah ini (yang ditandai kirim, atau bila belum ada yang ditandai: setiap inovasi yang "
            "memenuhi aturan usia).",
        ),
        ("Nilai bila dikirim sesuai saran", "Nilai perbaikan yang sama bila yang dikirim adalah saran kirim."),
        ("Lembar", "Setiap perangkat daerah punya lembar berkode; kode dan nama lengkapnya di kolom Lembar Ringkasan."),
        ("Katalog celah", f"dasbor/services/celah.toml versi {katalog().versi}"),
        *((f"Arti perbaikan: {JENIS_CELAH[j]}", teks) for j, teks in PERBAIKAN.items()),
    ]
    lembar["Keterangan"] = pd.DataFrame(keterangan, columns=["Hal", "Keterangan"])
    return lembar


def _nama_wilayah(kel: Kelengkapan, kode_wilayah: str) -> str:
    # A mask, not set_index: the page names its two download files on every view.
    nama = kel.skor.loc[kel.skor["kode_wilayah"] == kode_wilayah, "nama_wilayah"]
    return str(nama.iat[0]) if len(nama) else kode_wilayah


def nama_berkas(kel: Kelengkapan, kode_wilayah: str, dibuat: date, akhiran: str) -> str:
    """e.g. kelengkapan_kabupaten-tabalong_2024_2026-05-27.xlsx"""
    return f"kelengkapan_{slug(_nama_wilayah(kel, kode_wilayah))}_{kel.tahun}_{dibuat.isoformat()}.{akhiran}"


def kop(kel: Kelengkapan, kode_wilayah: str) -> Kop:
    """What every printed page of a region's worklist says about itself."""
    return Kop(
        JUDUL_CETAK,
        wilayah=_nama_wilayah(kel, kode_wilayah),
        tahun=kel.tahun,
        versi=kel.versi,
        label_sintetis="Data SINTETIS (demo), bukan data resmi"
        if wilayah_sintetis(kel.data.inovasi, kode_wilayah, bool(kel.keterangan_sintetis))
        else "",
    )


def ekspor_xlsx(kel: Kelengkapan, kode_wilayah: str, dibuat: date) -> bytes:
    """The region's worklist workbook, printing as it is handed out (see KOLOM_CETAK): a perangkat daerah's
    pages name it in full in their header."""
    lembar = lembar_kerja(kel, kode_wilayah, dibuat)
    nama_pd = lembar["Ringkasan"].set_index("Lembar")["Perangkat daerah"]
    dasar = kop(kel, kode_wilayah)
    pd_lembar = list(lembar)[1:-1]
    poin = (KOLOM_DAFTAR["nilai_perbaikan"], KOLOM_DAFTAR["nilai_saran"], POIN_RINGKASAN)
    return ke_xlsx(
        lembar,
        dict.fromkeys(poin, FORMAT_POIN),
        kop=dasar,
        kolom_cetak=dict.fromkeys(pd_lembar, len(KOLOM_CETAK)),
        kop_lembar={nama: replace(dasar, wilayah=f"{dasar.wilayah} · {nama_pd[nama]}") for nama in pd_lembar},
    )


def ekspor_csv(kel: Kelengkapan, kode_wilayah: str) -> bytes:
    return ke_csv(daftar_kerja(kel.celah[kel.celah["kode_wilayah"] == kode_wilayah]))
