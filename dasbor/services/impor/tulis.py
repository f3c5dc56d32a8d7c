"""Commit and undo: a checked file is written as one transaction that keeps a copy of what it replaces, and the last
import is undone exactly. `simpan` and `batalkan` are the one way the Impor page and `python -m dasbor impor` write:
under the writer lock, published as a new snapshot when they end."""

from __future__ import annotations

import os
import time
from collections.abc import Collection

import pandas as pd

from dasbor.db.connection import Database, sql, statements
from dasbor.db.write import insert_frame
from dasbor.services.db import penulis
from dasbor.services.impor.periksa import Pemeriksaan
from dasbor.services.impor.riwayat import alasan_tolak
from dasbor.services.skor import metodologi_tahun

# Test hook, used by tests/impor/test_keandalan.py: when this environment variable names one of the points
# in TITIK_UJI, the importer prints "JEDA <point>" and waits there, so a test can SIGKILL it at that exact point
# of its commit. It is never set in normal use.
JEDA_UJI = "DASBOR_UJI_JEDA_IMPOR"
TITIK_UJI = ("mulai", "setelah_cadangan", "setelah_hapus", "sebelum_commit", "setelah_commit")


def _titik_uji(nama: str) -> None:
    if os.environ.get(JEDA_UJI) == nama:
        print(f"JEDA {nama}", flush=True)
        time.sleep(600)


class DataBerubahError(RuntimeError):
    """The database changed between checking a file and confirming its import."""


class ImporDitolakError(PermissionError):
    """The signed-in account may not do this for every region it touches (an operator outside its regions)."""


def _jalankan(cur: object, nama: str, params: dict) -> None:
    for statement in statements(nama):
        cur.execute(statement, params)


def commit_import(db: Database, periksa: Pemeriksaan, pengguna: str) -> int:
    """Write a checked file as one transaction: copy the wilayah-years it replaces, delete them, insert the
    file's rows, log the import. A crash at any point leaves the database as it was before. Returns id_impor."""
    if not periksa.sah:
        raise ValueError("berkas yang bermasalah tidak boleh diimpor")
    m = metodologi_tahun(db, periksa.tahun)
    ringkas = ", ".join(periksa.wilayah)
    keterangan = (
        f"Impor berkas {periksa.nama_file} (SHA-256 {periksa.sha256[:16]}…) oleh {pengguna}: wilayah {ringkas}, "
        f"tahun {periksa.tahun}."
    )
    pesan = (
        f"{ringkas}: {len(periksa.data['inovasi'])} inovasi, {len(periksa.data['jawaban_sid'])} jawaban SID, "
        f"{len(periksa.data['jawaban_spd'])} jawaban SPD"
    )
    with db.transaction() as cur:
        _titik_uji("mulai")
        # Checked against one state of the data; if another import landed since, the preview is stale.
        sekarang = tuple(int(x) for x in cur.execute(sql("stempel_data")).fetchone())
        if sekarang != periksa.stempel:
            raise DataBerubahError("Data di basis data berubah sejak berkas diperiksa. Periksa berkas sekali lagi.")
        [(id_sumber,)] = cur.execute(sql("impor_sumber_data"), {"keterangan": keterangan}).fetchall()
        [(id_impor,)] = cur.execute(
            sql("impor_catat"),
            {
                "pengguna": pengguna,
                "nama_file": periksa.nama_file,
                "sha256": periksa.sha256,
                "tahun": periksa.tahun,
                "baris": periksa.baris,
                "pesan": pesan,
                "id_sumber_data": id_sumber,
            },
        ).fetchall()
        cakupan = pd.DataFrame({"id_impor": id_impor, "kode_wilayah": periksa.wilayah, "tahun": periksa.tahun})
        insert_frame(cur, "impor_cakupan", cakupan)
        _jalankan(cur, "impor_cadangkan", {"id_impor": id_impor})
        _titik_uji("setelah_cadangan")
        _jalankan(cur, "impor_kosongkan", {"id_impor": id_impor})
        _titik_uji("setelah_hapus")
        cur.execute(sql("impor_periode_baru"), {"tahun": periksa.tahun, "versi_metodologi": m.versi})
        insert_frame(cur, "inovasi", periksa.data["inovasi"].assign(id_sumber_data=id_sumber, sumber="templat"))
        insert_frame(cur, "jawaban_sid", periksa.data["jawaban_sid"])
        insert_frame(cur, "jawaban_spd", periksa.data["jawaban_spd"].assign(id_sumber_data=id_sumber))
        if not periksa.perangkat_daerah_baru.empty:
            insert_frame(cur, "perangkat_daerah", periksa.perangkat_daerah_baru)
        _titik_uji("sebelum_commit")
    _titik_uji("setelah_commit")
    return int(id_impor)


def undo_last_import(db: Database, pengguna: str, wilayah_boleh: Collection[str] | None = None) -> int | None:
    """Restore exactly the content the last not-yet-undone import replaced, in one transaction, and log it.
    Returns the id_impor that was undone, or None when there is nothing to undo. An operator (`wilayah_boleh`)
    may undo only an import that touched nothing but its regions: ImporDitolakError otherwise, nothing changed.
    New perangkat daerah an import added stay: they are reference data of no year, and importing the same file
    again finds them unchanged."""
    with db.transaction() as cur:
        terakhir = cur.execute(sql("impor_terakhir")).df()
        if terakhir.empty:
            return None
        id_impor = int(terakhir["id_impor"].iat[0])
        params = {"id_impor": id_impor}
        cakupan = cur.execute(sql("impor_cakupan"), params).df()["kode_wilayah"]
        if alasan := alasan_tolak(id_impor, cakupan, wilayah_boleh):
            raise ImporDitolakError(alasan)
        _jalankan(cur, "impor_kosongkan", params)
        _jalankan(cur, "impor_pulihkan", params)
        [(n_inovasi,)] = cur.execute(sql("impor_cadangan_jumlah"), params).fetchall()
        cur.execute(
            sql("impor_catat_batal"),
            {
                **params,
                "pengguna": pengguna,
                "baris": int(n_inovasi),
                "pesan": f"Membatalkan impor #{id_impor}; {n_inovasi} inovasi dipulihkan",
            },
        )
    return id_impor


def simpan(periksa: Pemeriksaan, pengguna: str) -> int:
    """Commit a checked file under the writer lock and publish it: the one write of the page and the CLI."""
    with penulis() as db:
        return commit_import(db, periksa, pengguna)


def batalkan(pengguna: str, wilayah_boleh: Collection[str] | None = None) -> int | None:
    """Undo the last import under the writer lock and publish the result."""
    with penulis() as db:
        return undo_last_import(db, pengguna, wilayah_boleh)
