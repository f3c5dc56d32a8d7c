"""`python -m dasbor impor | batalkan-impor | ekspor`: Excel import, undo and export, also while servers run:
writes take the writer lock and publish a new copy; export reads the published one."""

from __future__ import annotations

import argparse
import getpass
import sys
from contextlib import nullcontext
from pathlib import Path

import pandas as pd

from dasbor.db import terbitan
from dasbor.db.connection import db_path
from dasbor.ekspor.tabel import ke_csv
from dasbor.services import impor
from dasbor.services.skor import metodologi_tahun


class Ditolak(Exception):
    """The --akun sign-in failed or the account may not import; the message says why."""


def pelaku(args: argparse.Namespace) -> tuple[str, list[str] | None]:
    """Who imports or undoes: the --akun account (password asked, lockout applies) with its regions, or, as before
    accounts had roles, the local shell user (`--pengguna`) with every region, since it can write the file anyway."""
    if not args.akun:
        return args.pengguna, None
    from dasbor.cli.akun import baca_sandi_masuk
    from dasbor.services import akun

    try:
        masuk = akun.masuk(args.akun, baca_sandi_masuk())
    except akun.AkunError as exc:  # locked, unrecordable attempt, unreadable accounts file: said, not a traceback
        raise Ditolak(str(exc)) from exc
    if masuk is None:
        raise Ditolak("Nama akun atau kata sandi salah.")
    if masuk["peran"] not in ("admin", "operator"):
        raise Ditolak(f"Akun {masuk['nama']} berperan {masuk['peran']}; hanya admin dan operator yang dapat mengimpor.")
    return masuk["nama"], akun.wilayah_boleh(masuk)


def cmd_impor(args: argparse.Namespace) -> int:
    """Exit 0 valid (and imported unless --periksa), 1 invalid with every problem printed, 2 usage/environment."""
    import scoring
    from dasbor.visual.format import angka

    berkas = Path(args.berkas)
    if not berkas.is_file():
        print(f"Berkas {berkas} tidak ditemukan.", file=sys.stderr)
        return 2
    try:
        pengguna, wilayah_boleh = pelaku(args)
        keputusan = _baca_keputusan(args.keputusan)
    except Ditolak as exc:
        print(exc, file=sys.stderr)
        return 2
    # --periksa only reads the published copy. An import checks under the writer lock, so that the copy a
    # crashed writer left unpublished is published first and the check sees the data the commit will replace.
    with terbitan.penulis(db_path()) if not args.periksa else nullcontext(terbitan.kini(db_path()).db) as db:
        try:
            metodologi_tahun(db, args.tahun)
        except scoring.TahunTidakDikenalError as exc:
            print(f"Tahun {args.tahun} tidak dicakup versi aturan mana pun: {exc}", file=sys.stderr)
            return 2
        periksa = impor.check_import(
            db, berkas.read_bytes(), args.tahun, berkas.name, wilayah_boleh=wilayah_boleh, keputusan=keputusan
        )
        for m in periksa.peringatan:
            print(f"Catatan: {m}")
        if not periksa.sah:
            print(
                f"Berkas {berkas.name} TIDAK dapat diimpor; {periksa.jumlah_masalah} masalah (tidak ada yang ditulis):"
            )
            for m in periksa.masalah:
                print(f"- {m}")
            return 1
        pratinjau = impor.preview(db, periksa)
    jenis_berkas = "ekspor portal IID nasional" if periksa.format == "portal" else "templat dasbor"
    print(
        f"Berkas {berkas.name} ({jenis_berkas}) sah: {periksa.baris} baris, tahun {args.tahun}, aturan versi "
        f"{pratinjau.versi_metodologi}."
    )
    for r in pratinjau.ringkasan.itertuples():
        print(
            f"- {r.kode_wilayah} {r.nama_wilayah}: {r.inovasi_baru} inovasi baru, {r.inovasi_berubah} berubah, "
            f"{r.inovasi_dihapus} dihapus, {r.inovasi_tetap} tetap; IID {angka(r.iid_sebelum)} → "
            f"{angka(r.iid_sesudah)} ({r.predikat_sesudah or '–'}), SID {angka(r.sid_sesudah)}; {r.dasar_sesudah}"
        )
    if periksa.format == "portal":
        _cetak_portal(periksa, pratinjau, args)
    if args.periksa:
        print("Mode --periksa: tidak ada yang ditulis.")
        return 0
    if not periksa.perangkat_daerah_baru.empty:
        print(f"- {len(periksa.perangkat_daerah_baru)} perangkat daerah baru akan ditambahkan.")
    try:
        id_impor = impor.simpan(periksa, pengguna, periksa.sha256, wilayah_boleh)
    except impor.DataBerubahError as exc:  # another writer landed between the check and the commit
        print(exc, file=sys.stderr)
        return 2
    except impor.ImporDitolakError as exc:
        print(f"Ditolak: {exc}", file=sys.stderr)
        return 1
    print(f"Impor #{id_impor} selesai, tercatat di impor_log dan diterbitkan untuk server yang berjalan.")
    return 0


def _baca_keputusan(path: str | None) -> pd.DataFrame | None:
    """The decision file of --keputusan (KOLOM_KEPUTUSAN; ',' or ';' between fields, as --tulis-ragu writes it)."""
    if path is None:
        return None
    try:
        return pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise Ditolak(f"Berkas keputusan {path} tidak dapat dibaca: {exc}") from exc


def _cetak_portal(periksa: impor.Pemeriksaan, pratinjau: impor.Pratinjau, args: argparse.Namespace) -> None:
    """What a portal import decides for the user to see: innovations leaving the list, duplicate titles, and the
    uncertain pairs with how to decide them."""
    keluar = pratinjau.rincian[pratinjau.rincian["perubahan"] == "dihapus"]
    for r in keluar.itertuples():
        print(f"  keluar dari daftar tahun {periksa.tahun}: {r.id_inovasi} {r.nama_inovasi}")
    n_kembar = int(periksa.data["inovasi"]["kembar_dengan"].notna().sum())
    if n_kembar:
        print(f"- {n_kembar} baris berjudul kembar (kolom kembar_dengan); selesaikan di portal.")
    ragu = periksa.ragu
    if ragu.empty:
        return
    print(
        f"- {len(ragu)} pasangan ragu; TANPA keputusan tiap baris berkas di bawah diimpor sebagai inovasi baru "
        "(tidak digabung) dan pasangannya menunggu keputusan di halaman Inovasi:"
    )
    for r in ragu.to_dict("records"):
        print(
            f"  baris {r['_baris']} '{r['nama_inovasi_berkas']}' ({r['perangkat_daerah_berkas'] or '–'}) ~ "
            f"{r['id_inovasi']} '{r['nama_inovasi_ada']}' ({r['perangkat_daerah_ada'] or '–'}, {r['tahun_ada']}): "
            f"{r['beda']}"
        )
    if args.tulis_ragu:
        Path(args.tulis_ragu).write_bytes(ke_csv(ragu.assign(keputusan="")[[*impor.KOLOM_KEPUTUSAN, *KOLOM_BUKTI]]))
        print(f"  Pasangan ragu ditulis ke {args.tulis_ragu}.")
    print(
        "  Untuk memutuskan: isi kolom keputusan ('sama' atau 'beda') di berkas dari --tulis-ragu BERKAS.csv "
        "(kolom kunci_baris, id_inovasi, keputusan), lalu jalankan lagi dengan --keputusan BERKAS.csv. "
        "Keputusan diingat untuk impor berikutnya."
    )


KOLOM_BUKTI = ("_baris", "nama_inovasi_berkas", "perangkat_daerah_berkas", "nama_inovasi_ada", "tahun_ada", "beda")


def cmd_batalkan_impor(args: argparse.Namespace) -> int:
    """Exit 0 undone (or nothing to undo), 1 refused (an operator outside its regions, or --id is no longer the
    last import), 2 sign-in failed."""
    try:
        pengguna, wilayah_boleh = pelaku(args)
    except Ditolak as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        id_impor = impor.batalkan(pengguna, wilayah_boleh, args.id)
    except (impor.ImporDitolakError, impor.DataBerubahError) as exc:
        print(f"Ditolak: {exc}", file=sys.stderr)
        return 1
    print(
        f"Impor #{id_impor} dibatalkan; isi sebelumnya dipulihkan." if id_impor else "Tidak ada impor untuk dibatalkan."
    )
    return 0


def cmd_unduh_impor(args: argparse.Namespace) -> int:
    """Exit 0 written, 1 when that import kept no file or holds a region outside the --akun operator's, 2 sign-in
    failed or the output is not named as the kind of file the archive holds (an SPD entry is a CSV)."""
    try:
        _, wilayah_boleh = pelaku(args)
    except Ditolak as exc:
        print(exc, file=sys.stderr)
        return 2
    berkas = impor.berkas_impor(terbitan.kini(db_path()).db, args.id_impor, wilayah_boleh)
    if berkas is None:
        print(
            f"Impor #{args.id_impor} tidak punya berkas di arsip yang boleh Anda unduh (tidak ada, dari sebelum "
            "arsip, atau berisi wilayah di luar wilayah akun Anda).",
            file=sys.stderr,
        )
        return 1
    # Refused rather than renamed: a script then finds its file where it asked for it, or an error.
    harus = impor.akhiran_arsip(berkas)
    if not args.keluaran.lower().endswith(harus):
        print(
            f"Impor #{args.id_impor} ({berkas['nama_file']}, format {berkas['format']}) tersimpan sebagai berkas "
            f"{harus}: beri nama keluaran berakhiran {harus}, mis. {impor.dengan_akhiran(args.keluaran, harus)}. "
            "Tidak ada yang ditulis.",
            file=sys.stderr,
        )
        return 2
    Path(args.keluaran).write_bytes(bytes(berkas["isi"]))
    print(
        f"Berkas impor #{args.id_impor} ({berkas['nama_file']}, format {berkas['format']}, SHA-256 "
        f"{berkas['sha256'][:16]}…) ditulis ke {args.keluaran}."
    )
    return 0


def cmd_ekspor(args: argparse.Namespace) -> int:
    db = terbitan.kini(db_path()).db
    if args.templat:
        isi = impor.templat(db, args.tahun)
    else:
        semua = db.query("wilayah")["kode_wilayah"].tolist()
        wilayah = args.wilayah or semua
        asing = sorted(set(wilayah) - set(semua))
        if asing:
            print(f"Kode wilayah tidak dikenal: {', '.join(asing)}. Kode yang sah: {', '.join(semua)}", file=sys.stderr)
            return 2
        isi = impor.ekspor(db, args.tahun, wilayah)
    Path(args.keluaran).write_bytes(isi)
    print(f"{'Templat' if args.templat else 'Ekspor'} tahun {args.tahun} ditulis ke {args.keluaran}.")
    return 0


AKUN_BANTUAN = (
    "bertindak sebagai akun ini (kata sandi ditanyakan, atau satu baris dari stdin); operator dibatasi ke "
    "wilayahnya. Tanpa --akun: pengguna shell lokal dengan semua wilayah, seperti sebelumnya"
)


def daftarkan(sub: argparse._SubParsersAction) -> None:
    pengguna = f"cli:{getpass.getuser()}"
    imp = sub.add_parser("impor", help="periksa lalu impor berkas Excel (juga saat server dasbor berjalan)")
    imp.add_argument(
        "berkas", help="berkas .xlsx: ekspor daftar inovasi portal IID nasional, atau templat (`ekspor --templat`)"
    )
    imp.add_argument("--tahun", type=int, required=True, help="tahun penilaian data di berkas")
    imp.add_argument("--periksa", action="store_true", help="hanya periksa dan tampilkan pratinjau; tidak menulis")
    imp.add_argument("--pengguna", default=pengguna, help="nama yang dicatat di impor_log (tanpa --akun)")
    imp.add_argument("--akun", metavar="NAMA", help=AKUN_BANTUAN)
    imp.add_argument(
        "--keputusan",
        metavar="BERKAS.csv",
        help="keputusan atas pasangan ragu ekspor portal: kolom kunci_baris, id_inovasi, keputusan (sama/beda)",
    )
    imp.add_argument(
        "--tulis-ragu", metavar="BERKAS.csv", help="tulis pasangan ragu ekspor portal sebagai berkas keputusan kosong"
    )
    imp.set_defaults(func=cmd_impor)

    unduh = sub.add_parser("unduh-impor", help="tulis kembali berkas yang diimpor (arsip riwayat impor)")
    unduh.add_argument("id_impor", type=int, help="nomor impor di riwayat (impor_log)")
    unduh.add_argument("keluaran", help="berkas yang ditulis: .xlsx (ekspor portal, templat) atau .csv (isian SPD)")
    unduh.add_argument("--pengguna", default=pengguna, help=argparse.SUPPRESS)
    unduh.add_argument(
        "--akun",
        metavar="NAMA",
        help="unduh sebagai akun ini (kata sandi ditanyakan): operator hanya berkas yang seluruhnya wilayahnya",
    )
    unduh.set_defaults(func=cmd_unduh_impor)

    batal = sub.add_parser("batalkan-impor", help="pulihkan isi sebelum impor terakhir yang belum dibatalkan")
    batal.add_argument("--pengguna", default=pengguna)
    batal.add_argument("--akun", metavar="NAMA", help=AKUN_BANTUAN)
    batal.add_argument(
        "--id", type=int, metavar="ID_IMPOR", help="batalkan hanya bila impor terakhir masih #ID_IMPOR (lihat riwayat)"
    )
    batal.set_defaults(func=cmd_batalkan_impor)

    eks = sub.add_parser("ekspor", help="tulis data wilayah-tahun (atau templat kosong) ke berkas .xlsx")
    eks.add_argument("keluaran", help="berkas .xlsx yang ditulis")
    eks.add_argument("--tahun", type=int, required=True)
    eks.add_argument("--wilayah", nargs="*", help="kode wilayah (bawaan: semua)")
    eks.add_argument("--templat", action="store_true", help="templat kosong dengan petunjuk dan referensi")
    eks.set_defaults(func=cmd_ekspor)
