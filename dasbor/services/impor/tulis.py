"""Commit and undo: a checked file is written as one transaction that keeps a copy of what it replaces, and the last
import is undone exactly. `simpan` and `batalkan` are the one way the Impor page and `python -m dasbor impor` write:
under the writer lock, published as a new copy when they end."""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd

from dasbor.db.connection import Database, sql, statements
from dasbor.db.write import insert_frame
from dasbor.services.db import BelumDiterbitkanError, penulis
from dasbor.services.impor.arsip import arsipkan, siapkan
from dasbor.services.impor.pemeriksaan import Konfirmasi, Pemeriksaan
from dasbor.services.impor.riwayat import alasan_status_sesudah, alasan_tolak
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


def _berubah_sejak(cur: object, sejak: tuple[int, ...], periksa: Pemeriksaan) -> str | None:
    """What changed since the data stamp `sejak` that makes the preview of `periksa` untrue, or None. A status
    change of another wilayah-year does not: it leaves every number of this preview as it was (issue 24 L6).
    The stamp is stempel_data's (n_inovasi, sumber_terakhir, impor_terakhir): a status change moves only the last,
    the history's newest id, so the history entries after it say what happened."""
    sekarang = tuple(int(x) for x in cur.execute(sql("stempel_data")).fetchone())
    if sekarang == sejak:
        return None
    if len(sejak) != len(sekarang) or sekarang[:-1] != sejak[:-1] or sekarang[-1] < sejak[-1]:
        return "data lain diimpor, dibatalkan atau dipulihkan"
    berubah = cur.execute(
        sql("impor_perubahan_sejak"), {"sejak": sejak[-1], "tahun": periksa.tahun, "wilayah": list(periksa.wilayah)}
    ).df()
    if berubah.empty:
        return None
    return "; ".join(f"#{int(r.id_impor)} {r.hasil} oleh {r.pengguna}" for r in berubah.head(5).itertuples())


def _dengan_asal(frame: pd.DataFrame, id_sumber: int) -> pd.DataFrame:
    """Rows carried over keep their provenance (id_sumber_data); the rows this import brings get its own."""
    if "id_sumber_data" not in frame:
        return frame.assign(id_sumber_data=id_sumber)
    return frame.assign(id_sumber_data=frame["id_sumber_data"].astype("Int64").fillna(id_sumber))


def commit_import(db: Database, periksa: Pemeriksaan, pengguna: str, sejak: tuple[int, ...] | None = None) -> int:
    """Write a checked file as one transaction: copy the wilayah-years it replaces, delete them, insert the
    file's rows, log the import. A crash at any point leaves the database as it was before. Returns id_impor.
    `sejak` is the data stamp of the preview the user confirmed (default: the check's own); anything that changed
    this file's wilayah-years since then is refused (DataBerubahError), nothing written."""
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
    # Before the transaction: the archived form is built in a limited child, and the writer lock waits meanwhile.
    arsip = siapkan(db, periksa.isi, periksa.format) if periksa.isi else None
    with db.transaction() as cur:
        _titik_uji("mulai")
        # Checked against one state of the data; if another import landed since, the preview is stale.
        if berubah := _berubah_sejak(cur, periksa.stempel if sejak is None else sejak, periksa):
            raise DataBerubahError(
                f"Data di basis data berubah sejak berkas diperiksa ({berubah}). Tidak ada yang ditulis; periksa "
                "berkas sekali lagi."
            )
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
        inovasi = _dengan_asal(periksa.data["inovasi"], id_sumber)
        asal = inovasi["sumber"] if "sumber" in inovasi else pd.Series(None, index=inovasi.index, dtype=object)
        insert_frame(cur, "inovasi", inovasi.assign(sumber=asal.fillna(periksa.format)))
        insert_frame(cur, "jawaban_sid", periksa.data["jawaban_sid"])
        # A portal import carries the SPD answers over unchanged, provenance included (the export has no SPD);
        # an SPD entry carries the innovations over so.
        insert_frame(cur, "jawaban_spd", _dengan_asal(periksa.data["jawaban_spd"], id_sumber))
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
        for kode in periksa.wilayah:
            cur.execute(
                sql("cocok_tertunda_bersihkan"), {"kode_wilayah": kode, "tahun": periksa.tahun, "id_impor": id_impor}
            )
        for t in periksa.tertunda.astype(object).where(periksa.tertunda.notna(), None).to_dict("records"):
            cur.execute(
                sql("cocok_tertunda_simpan"),
                {
                    **t,
                    "tahun_ada": None if t["tahun_ada"] is None else int(t["tahun_ada"]),
                    "kode_wilayah": periksa.wilayah[0],
                    "tahun": periksa.tahun,
                    "id_impor": id_impor,
                },
            )
        # a write typed on a page (an indicator worksheet) has no file to archive
        if arsip is not None and (catatan := arsipkan(cur, id_impor, arsip)):
            cur.execute(sql("impor_pesan_tambah"), {"id_impor": id_impor, "catatan": catatan})
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
        if alasan := alasan_status_sesudah(id_impor, cur.execute(sql("impor_status_sesudah"), params).df()):
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
    dikonfirmasi: Konfirmasi | str,
    wilayah_boleh: Collection[str] | None = None,
) -> int:
    """Commit a checked file under the writer lock and publish it: the one write of the page and the CLI.
    `dikonfirmasi` is the preview the user confirmed (Pemeriksaan.konfirmasi of the check on screen): a check of
    another file (BerkasBerbedaError), another year or other decisions on uncertain pairs (DataBerubahError) is
    refused, and so is any change of its wilayah-years since that preview's data stamp. A bare SHA-256 binds the
    file only, for a caller that checks and commits in one go (the CLI). A region outside an operator's is
    refused too (ImporDitolakError), re-checked here because rights may have narrowed since the check."""
    if isinstance(dikonfirmasi, str):
        dikonfirmasi = Konfirmasi(dikonfirmasi, periksa.tahun, periksa.keputusan, periksa.stempel)
    if dikonfirmasi.sha256 != periksa.sha256:
        raise BerkasBerbedaError(
            f"Yang dikonfirmasi adalah pratinjau berkas lain (SHA-256 {dikonfirmasi.sha256[:16]}…), bukan "
            f"{periksa.nama_file} (SHA-256 {periksa.sha256[:16]}…). Tidak ada yang ditulis; periksa pratinjau "
            "berkas ini lalu konfirmasi lagi."
        )
    if dikonfirmasi.tahun != periksa.tahun:
        raise DataBerubahError(
            f"Yang dikonfirmasi adalah pratinjau tahun {dikonfirmasi.tahun}, tetapi tahun yang dipilih kini "
            f"{periksa.tahun}. Tidak ada yang ditulis; periksa pratinjau tahun {periksa.tahun} lalu konfirmasi lagi."
        )
    if dikonfirmasi.keputusan != periksa.keputusan:
        raise DataBerubahError(
            "Keputusan pasangan ragu berubah setelah pratinjau yang dikonfirmasi digambar. Tidak ada yang ditulis; "
            "periksa pratinjau dengan keputusan yang kini dipilih lalu konfirmasi lagi."
        )
    if wilayah_boleh is not None and (di_luar := sorted(set(periksa.wilayah) - set(wilayah_boleh))):
        raise ImporDitolakError(
            f"Berkas berisi wilayah {', '.join(di_luar)}, di luar wilayah akun Anda. Tidak ada yang ditulis."
        )
    id_impor = None
    try:
        with penulis() as db:
            id_impor = commit_import(db, periksa, pengguna, dikonfirmasi.stempel)
    except BelumDiterbitkanError as exc:
        raise BelumDiterbitkanError(f"Impor #{id_impor} diimpor, belum diterbitkan. {exc}") from exc
    return id_impor


def batalkan(pengguna: str, wilayah_boleh: Collection[str] | None = None, id_dilihat: int | None = None) -> int | None:
    """Undo the last import under the writer lock and publish the result (see undo_last_import)."""
    id_impor = None
    try:
        with penulis() as db:
            id_impor = undo_last_import(db, pengguna, wilayah_boleh, id_dilihat)
    except BelumDiterbitkanError as exc:
        raise BelumDiterbitkanError(f"Impor #{id_impor} dibatalkan, belum diterbitkan. {exc}") from exc
    return id_impor
