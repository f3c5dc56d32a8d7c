"""The import history: the log, the import an undo would reverse, and who may undo it."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from dasbor.db.connection import Database


def impor_terakhir(db: Database) -> pd.Series | None:
    """The import that "Batalkan impor terakhir" would reverse, or None."""
    terakhir = db.query("impor_terakhir")
    return None if terakhir.empty else terakhir.iloc[0]


def riwayat(db: Database) -> pd.DataFrame:
    return db.query("impor_log")


def berkas_impor(db: Database, id_impor: int) -> pd.Series | None:
    """An archived file of the history (id_impor, nama_file, sha256, format, isi), or None when the import kept
    none (imports before the archive existed)."""
    berkas = db.query("impor_berkas", {"id_impor": id_impor})
    return None if berkas.empty else berkas.iloc[0]


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


def alasan_tolak_batal(db: Database, wilayah_boleh: Collection[str] | None) -> str | None:
    """Why this account may not undo the last import, or None when it may (or there is nothing to undo)."""
    terakhir = impor_terakhir(db)
    if terakhir is None:
        return None
    id_impor = int(terakhir["id_impor"])
    return alasan_tolak(id_impor, db.query("impor_cakupan", {"id_impor": id_impor})["kode_wilayah"], wilayah_boleh)


def tahun_bawaan(db: Database) -> int:
    """The year the Impor page offers first: the latest year that holds data."""
    return int(db.query("periode")["tahun"].max())
