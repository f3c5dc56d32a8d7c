"""`python -m dasbor impor | batalkan-impor | ekspor`: Excel import, undo and export while the server is stopped."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from dasbor.cli.senyap import diamkan_peringatan_cache
from dasbor.db.connection import Database, db_path


def _layanan_impor():  # noqa: ANN202
    """The import service, imported quietly (see _diamkan_peringatan_cache)."""
    diamkan_peringatan_cache()
    from dasbor.services import impor

    return impor


def cmd_impor(args: argparse.Namespace) -> int:
    """Exit 0 valid (and imported unless --periksa), 1 invalid with every problem printed, 2 usage/environment."""
    import scoring
    from dasbor.visual.format import angka

    impor = _layanan_impor()
    berkas = Path(args.berkas)
    if not berkas.is_file():
        print(f"Berkas {berkas} tidak ditemukan.", file=sys.stderr)
        return 2
    db = Database(db_path())
    try:
        try:
            impor.metodologi_tahun(db, args.tahun)
        except scoring.TahunTidakDikenalError as exc:
            print(f"Tahun {args.tahun} tidak dicakup versi aturan mana pun: {exc}", file=sys.stderr)
            return 2
        periksa = impor.check_import(db, berkas.read_bytes(), args.tahun, berkas.name)
        if not periksa.sah:
            print(f"Berkas {berkas.name} TIDAK dapat diimpor; {len(periksa.masalah)} masalah (tidak ada yang ditulis):")
            for m in periksa.masalah:
                print(f"- {m}")
            return 1
        pratinjau = impor.preview(db, periksa)
        print(
            f"Berkas {berkas.name} sah: {periksa.baris} baris, tahun {args.tahun}, aturan versi "
            f"{pratinjau.versi_metodologi}."
        )
        for r in pratinjau.ringkasan.itertuples():
            print(
                f"- {r.kode_wilayah} {r.nama_wilayah}: {r.inovasi_baru} inovasi baru, {r.inovasi_berubah} berubah, "
                f"{r.inovasi_dihapus} dihapus, {r.inovasi_tetap} tetap; IID {angka(r.iid_sebelum)} → "
                f"{angka(r.iid_sesudah)} ({r.predikat_sesudah})"
            )
        if args.periksa:
            print("Mode --periksa: tidak ada yang ditulis.")
            return 0
        id_impor = impor.commit_import(db, periksa, args.pengguna)
        print(f"Impor #{id_impor} selesai dan tercatat di impor_log.")
        return 0
    finally:
        db.close()


def cmd_batalkan_impor(args: argparse.Namespace) -> int:
    impor = _layanan_impor()
    db = Database(db_path())
    try:
        id_impor = impor.undo_last_import(db, args.pengguna)
    finally:
        db.close()
    print(
        f"Impor #{id_impor} dibatalkan; isi sebelumnya dipulihkan." if id_impor else "Tidak ada impor untuk dibatalkan."
    )
    return 0


def cmd_ekspor(args: argparse.Namespace) -> int:
    impor = _layanan_impor()
    db = Database(db_path())
    try:
        if args.templat:
            isi = impor.templat(db, args.tahun)
        else:
            semua = db.query("wilayah")["kode_wilayah"].tolist()
            wilayah = args.wilayah or semua
            asing = sorted(set(wilayah) - set(semua))
            if asing:
                print(
                    f"Kode wilayah tidak dikenal: {', '.join(asing)}. Kode yang sah: {', '.join(semua)}",
                    file=sys.stderr,
                )
                return 2
            isi = impor.ekspor(db, args.tahun, wilayah)
    finally:
        db.close()
    Path(args.keluaran).write_bytes(isi)
    print(f"{'Templat' if args.templat else 'Ekspor'} tahun {args.tahun} ditulis ke {args.keluaran}.")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    pengguna = f"cli:{getpass.getuser()}"
    imp = sub.add_parser("impor", help="periksa lalu impor berkas Excel (saat server dasbor tidak berjalan)")
    imp.add_argument("berkas", help="berkas .xlsx berformat templat (lihat `ekspor --templat`)")
    imp.add_argument("--tahun", type=int, required=True, help="tahun penilaian data di berkas")
    imp.add_argument("--periksa", action="store_true", help="hanya periksa dan tampilkan pratinjau; tidak menulis")
    imp.add_argument("--pengguna", default=pengguna, help="nama yang dicatat di impor_log")
    imp.set_defaults(func=cmd_impor)

    batal = sub.add_parser("batalkan-impor", help="pulihkan isi sebelum impor terakhir yang belum dibatalkan")
    batal.add_argument("--pengguna", default=pengguna)
    batal.set_defaults(func=cmd_batalkan_impor)

    eks = sub.add_parser("ekspor", help="tulis data wilayah-tahun (atau templat kosong) ke berkas .xlsx")
    eks.add_argument("keluaran", help="berkas .xlsx yang ditulis")
    eks.add_argument("--tahun", type=int, required=True)
    eks.add_argument("--wilayah", nargs="*", help="kode wilayah (bawaan: semua)")
    eks.add_argument("--templat", action="store_true", help="templat kosong dengan petunjuk dan referensi")
    eks.set_defaults(func=cmd_ekspor)
