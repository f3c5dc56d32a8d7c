"""Commit and undo: a checked file is written as one transaction that keeps a copy of what it replaces, and the last
import is undone exactly. `simpan` and `batalkan` are the one way the Impor page and `python -m dasbor impor` write:
under the writer lock, published as a new copy when they end."""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd

from dasbor.db.connection import Database, sql, statements
from dasbor.db.write import insert_frame
from dasbor.services.db import penulis
from dasbor.services.impor.pemeriksaan import Pemeriksaan
from dasbor.services.impor.riwayat import alasan_tolak
from dasbor.services.skor import metodologi_tahun

# The statement boundaries of a commit where the SIGKILL test stops the importer. In the product `titik_uji` does
# nothing and nothing (no environment variable) can change that; only a process started by the test runner
# tests/impor/importir_jeda.py replaces it, before any import starts, with a pause at one of these points.
TITIK_UJI = ("mulai", "setelah_cadangan", "setelah_hapus", "sebelum_commit", "setelah_commit")


def _tanpa_jeda(nama: str) -> None:
    """The product's hook: no pause anywhere."""


titik_uji: Callable[[str], None] = _tanpa_jeda


def _titik_uji(nama: str) -> None:
    titik_uji(nama)  # looked up at each call, so the test runner's replacement is the one called


class DataBerubahError(RuntimeError):
    """The database changed between checking a file and confirming its import."""


class BerkasBerbedaError(DataBerubahError):
    """The file confirmed is not the file checked (another upload replaced it before the confirm arrived)."""


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
        f"{ringkas} ({periksa.format}): {len(periksa.data['inovasi'])} inovasi, {len(periksa.data['jawaban_sid'])} jawaban SID, "
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
        inovasi = periksa.data["inovasi"]
        # A write that carries rows over unchanged (an indicator worksheet save) keeps their provenance.
        if "id_sumber_data" not in inovasi:
            inovasi = inovasi.assign(id_sumber_data=id_sumber, sumber=periksa.format)
        insert_frame(cur, "inovasi", inovasi)
        insert_frame(cur, "jawaban_sid", periksa.data["jawaban_sid"])
        spd = periksa.data["jawaban_spd"]
        # A portal import carries the SPD answers over unchanged, provenance included (the export has no SPD).
        insert_frame(cur, "jawaban_spd", spd if "id_sumber_data" in spd else spd.assign(id_sumber_data=id_sumber))
        if not periksa.perangkat_daerah_baru.empty:
            insert_frame(cur, "perangkat_daerah", periksa.perangkat_daerah_baru)
        for k in periksa.keputusan_baru.itertuples(index=False):
            cur.execute(
                sql("cocok_keputusan_simpan"),
                {
                    "kode_wilayah": k.kode_wilayah,
                    "kunci_baris": k.kunci_baris,
                    "id_inovasi": k.id_inovasi,
                    "keputusan": k.keputusan,
                    "pengguna": pengguna,
                },
            )
        if periksa.isi:  # a write typed on a page (an indicator worksheet) has no file to archive
            cur.execute(sql("impor_arsipkan"), {"id_impor": id_impor, "format": periksa.format, "isi": periksa.isi})
        _titik_uji("sebelum_commit")
    _titik_uji("setelah_commit")
    return int(id_impor)


def undo_last_import(
    db: Database, pengguna: str, wilayah_boleh: Collection[str] | None = None, id_dilihat: int | None = None
) -> int | None:
    """Restore exactly the content the last not-yet-undone import replaced, in one transaction, and log it.
    Returns the id_impor that was undone, or None when there is nothing to undo. An operator (`wilayah_boleh`)
    may undo only an import that touched nothing but its regions: ImporDitolakError otherwise, nothing changed.
    `id_dilihat` is the import the user saw named when asking: if the last import is another one by now (a newer
    import arrived, or that one was undone meanwhile), DataBerubahError and nothing changed.
    New perangkat daerah an import added stay: they are reference data of no year, and importing the same file
    again finds them unchanged; so do match decisions, which are the user's word about two innovations."""
    with db.transaction() as cur:
        terakhir = cur.execute(sql("impor_terakhir")).df()
        id_impor = None if terakhir.empty else int(terakhir["id_impor"].iat[0])
        if id_dilihat is not None and id_impor != id_dilihat:
            kini = f"kini impor terakhir #{id_impor}" if id_impor is not None else "kini tidak ada impor yang tersisa"
            raise DataBerubahError(
                f"Impor #{id_dilihat} yang Anda lihat bukan lagi impor terakhir ({kini}): riwayat berubah sejak "
                "halaman digambar. Tidak ada yang dibatalkan; periksa riwayat lalu ulangi."
            )
        if id_impor is None:
            return None
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


def simpan(
    periksa: Pemeriksaan,
    pengguna: str,
    sha256_dikonfirmasi: str,
    wilayah_boleh: Collection[str] | None = None,
) -> int:
    """Commit a checked file under the writer lock and publish it: the one write of the page and the CLI.
    `sha256_dikonfirmasi` is the file whose preview the user confirmed; any other file is refused
    (BerkasBerbedaError), and so is a region outside an operator's (ImporDitolakError), re-checked here because
    rights may have narrowed since the check."""
    if sha256_dikonfirmasi != periksa.sha256:
        raise BerkasBerbedaError(
            f"Yang dikonfirmasi adalah pratinjau berkas lain (SHA-256 {sha256_dikonfirmasi[:16]}…), bukan "
            f"{periksa.nama_file} (SHA-256 {periksa.sha256[:16]}…). Tidak ada yang ditulis; periksa pratinjau "
            "berkas ini lalu konfirmasi lagi."
        )
    if wilayah_boleh is not None and (di_luar := sorted(set(periksa.wilayah) - set(wilayah_boleh))):
        raise ImporDitolakError(
            f"Berkas berisi wilayah {', '.join(di_luar)}, di luar wilayah akun Anda. Tidak ada yang ditulis."
        )
    with penulis() as db:
        return commit_import(db, periksa, pengguna)


def batalkan(pengguna: str, wilayah_boleh: Collection[str] | None = None, id_dilihat: int | None = None) -> int | None:
    """Undo the last import under the writer lock and publish the result (see undo_last_import)."""
    with penulis() as db:
        return undo_last_import(db, pengguna, wilayah_boleh, id_dilihat)
