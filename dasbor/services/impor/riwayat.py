"""The import history: the log, the import an undo would reverse, and who may undo it."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import PurePath

import pandas as pd

from dasbor.db.connection import Database
from dasbor.excel.arsip import AKHIRAN_ARSIP


def impor_terakhir(db: Database) -> pd.Series | None:
    """The import that "Batalkan impor terakhir" would reverse, or None."""
    terakhir = db.query("impor_terakhir")
    return None if terakhir.empty else terakhir.iloc[0]


def riwayat(db: Database) -> pd.DataFrame:
    return db.query("impor_log")


def _boleh_lihat(wilayah: Collection[str], wilayah_boleh: Collection[str] | None) -> bool:
    """Whether an account limited to `wilayah_boleh` (None: every region) may see a file that holds `wilayah`: an
    operator only a file of its own regions alone (a file of several pemda carries the others' data too)."""
    wilayah = set(wilayah)
    return wilayah_boleh is None or (bool(wilayah) and wilayah <= set(wilayah_boleh))


def arsip_boleh(db: Database, wilayah_boleh: Collection[str] | None) -> list[int]:
    """The imports (newest first) whose archived file the account may list and download: every one for an admin
    (None), for an operator those that replaced only its regions."""
    log = riwayat(db)
    cakupan = db.query("impor_cakupan_semua").groupby("id_impor")["kode_wilayah"].agg(list)
    return [
        int(i)
        for i in log.loc[log["hasil"] == "diimpor", "id_impor"]
        if _boleh_lihat(cakupan.get(i, []), wilayah_boleh)
    ]


def berkas_impor(db: Database, id_impor: int, wilayah_boleh: Collection[str] | None = None) -> pd.Series | None:
    """An archived file of the history (id_impor, nama_file, sha256, format, isi), or None when the import kept
    none (imports before the archive existed), or when it holds a region outside `wilayah_boleh` (an operator's;
    None: every region): the answer does not tell those apart, so it does not reveal other regions' imports."""
    if not _boleh_lihat(db.query("impor_cakupan", {"id_impor": id_impor})["kode_wilayah"], wilayah_boleh):
        return None
    berkas = db.query("impor_berkas", {"id_impor": id_impor})
    return None if berkas.empty else berkas.iloc[0]


# Suffixes an import's name may end in that name another kind of file: replaced, not kept before the right one.
_AKHIRAN_DATA = (".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt")


def dengan_akhiran(nama: str, akhiran: str) -> str:
    """`nama` ending in `akhiran`: kept when it does, a data-file suffix replaced, else the suffix added."""
    if nama.lower().endswith(akhiran):
        return nama
    dasar, titik, lama = nama.rpartition(".")
    return (dasar if titik and f".{lama.lower()}" in _AKHIRAN_DATA else nama) + akhiran


def akhiran_arsip(berkas: pd.Series) -> str:
    """The suffix of what the archive holds for a file of berkas_impor (dasbor.excel.arsip.AKHIRAN_ARSIP)."""
    return AKHIRAN_ARSIP[berkas["format"]]


def nama_unduhan(berkas: pd.Series) -> str:
    """The download name of an archived file (berkas_impor): the name it was imported under, with the suffix of
    what the archive holds, e.g. an SPD entry typed on the page ("isian SPD (halaman)") is a CSV."""
    return dengan_akhiran(PurePath(str(berkas["nama_file"])).name, akhiran_arsip(berkas))


def sumber_wilayah(db: Database, tahun: int) -> pd.DataFrame:
    """Per wilayah of a year, the sources its data comes from (demo = synthetic, impor = a named file)."""
    return db.query("sumber_data_wilayah", {"tahun": tahun})


def alasan_tolak(id_impor: int, cakupan: pd.Series, wilayah_boleh: Collection[str] | None) -> str | None:
    """Why an account limited to `wilayah_boleh` may not undo import `id_impor` that replaced `cakupan`."""
    if wilayah_boleh is None:
        return None
    di_luar = sorted(set(cakupan) - set(wilayah_boleh))
    if not di_luar:
        return None
    return (
        f"Impor terakhir (#{id_impor}) juga mengganti data wilayah {', '.join(di_luar)}, di luar wilayah akun Anda "
        f"({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}). Hanya admin yang dapat membatalkannya."
    )


MAKS_DISEBUT = 5  # later status changes named in a refusal; the rest are counted


def alasan_status_sesudah(id_impor: int, sesudah: pd.DataFrame) -> str | None:
    """Why import `id_impor` may not be undone when status changes (impor_status_sesudah) were made after it in
    its wilayah-years: the undo would put those innovations back to their earlier status while the history still
    lists the changes as done."""
    if sesudah.empty:
        return None
    disebut = [
        f"#{int(r.id_impor)} oleh {r.pengguna} pada {pd.Timestamp(r.waktu):%d-%m-%Y %H:%M} ({r.pesan})"
        for r in sesudah.head(MAKS_DISEBUT).itertuples(index=False)
    ]
    if len(sesudah) > MAKS_DISEBUT:
        disebut.append(f"dan {len(sesudah) - MAKS_DISEBUT} lainnya")
    return (
        f"Impor #{id_impor} tidak dapat dibatalkan: sesudahnya status kirim inovasi di wilayah-tahunnya diubah atau pasangan ragu diputuskan "
        f"({'; '.join(disebut)}). Pembatalan akan mengembalikan semua itu diam-diam, padahal riwayat mencatatnya "
        "sebagai sudah dilakukan. Tidak ada yang dibatalkan; perbaiki datanya dengan impor berkas yang benar atau "
        "ubah statusnya di tab Status kirim."
    )


def alasan_tolak_batal(db: Database, wilayah_boleh: Collection[str] | None) -> str | None:
    """Why this account may not undo the last import, or None when it may (or there is nothing to undo)."""
    terakhir = impor_terakhir(db)
    if terakhir is None:
        return None
    id_impor = int(terakhir["id_impor"])
    params = {"id_impor": id_impor}
    return alasan_tolak(id_impor, db.query("impor_cakupan", params)["kode_wilayah"], wilayah_boleh) or (
        alasan_status_sesudah(id_impor, db.query("impor_status_sesudah", params))
    )


def tahun_bawaan(db: Database) -> int:
    """The year the Impor page offers first: the latest year that holds data."""
    return int(db.query("periode")["tahun"].max())
