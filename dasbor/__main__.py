"""Command line of the dashboard: `python -m dasbor demo`, `python -m dasbor kelengkapan`, `python -m dasbor
bimtek` (more sub-commands are added by their features)."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from datetime import date
from pathlib import Path

from dasbor.db.connection import Database, DatabaseTerkunciError, db_path


def cmd_demo(args: argparse.Namespace) -> int:
    from dasbor.demo.build import build_demo_db

    path = db_path()
    counts = build_demo_db(path, args.seed)
    print(f"Basis data demo (SINTETIS) dibangun di {path}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return 0


def _layanan_impor():  # noqa: ANN202
    """The import service, imported quietly (see _diamkan_peringatan_cache)."""
    _diamkan_peringatan_cache()
    from dasbor.services import impor

    return impor


def cmd_impor(args: argparse.Namespace) -> int:
    """Exit 0 valid (and imported unless --periksa), 1 invalid with every problem printed, 2 usage/environment."""
    import scoring
    from dasbor.ui.format import angka

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


def _baca_sandi() -> str:
    """Twice with getpass at a terminal; one line from stdin otherwise (scripts and tests)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    sandi = getpass.getpass("Kata sandi baru: ")
    if getpass.getpass("Ulangi kata sandi: ") != sandi:
        from dasbor.services.akun import AkunError

        raise AkunError("kedua kata sandi tidak sama")
    return sandi


def cmd_akun(args: argparse.Namespace) -> int:
    from dasbor.services import akun

    try:
        if args.aksi == "tambah":
            path = akun.tambah_akun(args.nama, None if args.oidc else _baca_sandi(), args.peran, args.timpa)
            print(f"Akun '{args.nama}' ({args.peran}) disimpan di {path}.")
        elif args.aksi == "hapus":
            akun.hapus_akun(args.nama)
            print(f"Akun '{args.nama}' dihapus.")
        else:
            daftar = akun.load_akun()
            print(f"Berkas akun: {akun.akun_path()}")
            for nama, data in sorted(daftar.items()):
                print(f"- {nama}: {data.get('peran')}{' (OIDC)' if data.get('oidc') else ''}")
            if not daftar:
                print("Belum ada akun. Buat admin pertama: python -m dasbor akun tambah NAMA")
    except akun.AkunError as exc:
        print(f"Gagal: {exc}.", file=sys.stderr)
        return 2


def _diamkan_peringatan_cache() -> None:
    """Services declare Streamlit caches at import; outside a server Streamlit logs a "No runtime found" warning
    for each one, which is only noise on a command line."""
    import streamlit  # noqa: F401  (importing it sets up its loggers, which the next line then quiets)

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)


def cmd_kelengkapan(args: argparse.Namespace) -> int:
    """One worklist workbook per kabupaten/kota and the province, and a one-line summary per region."""
    from datetime import date

    _diamkan_peringatan_cache()
    from dasbor.db.connection import Database
    from dasbor.services import kelengkapan as kel
    from dasbor.ui.format import angka, bilangan

    path = db_path()
    if not path.exists():
        print(f"Basis data {path} tidak ditemukan; bangun data demo dengan `python -m dasbor demo`.", file=sys.stderr)
        return 2
    try:
        db = Database(path, read_only=True)
    except DatabaseTerkunciError:
        print(
            f"Basis data {path} sedang dipakai proses lain (biasanya server dasbor yang sedang berjalan). Hentikan "
            "server itu dulu, atau unduh daftar kerja per wilayah dari halaman Kelengkapan di dasbor.",
            file=sys.stderr,
        )
        return 2
    try:
        tahun = db.query("periode")["tahun"].astype(int).tolist()
        if args.tahun not in tahun:
            print(
                f"Tahun {args.tahun} tidak ada di basis data; tersedia: {', '.join(map(str, tahun))}.", file=sys.stderr
            )
            return 2
        hasil = kel.hitung_kelengkapan(db, args.tahun)
    finally:
        db.close()
    keluaran = Path(args.keluaran)
    try:
        keluaran.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"Folder keluaran {keluaran} tidak dapat dibuat: {exc.strerror}.", file=sys.stderr)
        return 2
    hari = date.today()
    print(f"Kelengkapan {args.tahun}: {hasil.aturan}.")
    if hasil.sintetis:
        print("Data inovasi SINTETIS (data demo), bukan data resmi.")
    for wilayah in hasil.skor.sort_values("kode_wilayah").itertuples():
        berkas = keluaran / kel.nama_berkas(hasil, wilayah.kode_wilayah, hari, "xlsx")
        berkas.write_bytes(kel.ekspor_xlsx(hasil, wilayah.kode_wilayah, hari))
        celah = hasil.celah[hasil.celah["kode_wilayah"] == wilayah.kode_wilayah]
        poin = celah.loc[celah["aditif"], "nilai_perbaikan"].sum()
        status = int((~celah["aditif"]).sum())
        print(
            f"{wilayah.nama_wilayah}: {bilangan(len(celah))} celah, {angka(poin)} poin IID dipertaruhkan "
            f"(+{bilangan(status)} inovasi draft/ditolak dinilai terpisah) -> {berkas.name}"
        )
    return 0


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal «{teks}» tidak sah; tulis sebagai YYYY-MM-DD") from None


def cmd_bimtek(args: argparse.Namespace) -> int:
    """Write the bimtek deck (PPTX/PDF) and its Excel data pack ahead of a workshop."""
    _diamkan_peringatan_cache()
    from dasbor.bimtek.ekspor import siapkan_berkas
    from dasbor.bimtek.model import Acara
    from dasbor.bimtek.susun import WILAYAH_BAWAAN, BimtekError, acara_bawaan, build_deck, urutan_bawaan
    from dasbor.services.skor import daftar_wilayah

    keluaran = {f: getattr(args, f) for f in ("pptx", "pdf", "xlsx") if getattr(args, f)}
    if not keluaran:
        print("Sebutkan sedikitnya satu berkas keluaran: --pptx, --pdf atau --xlsx.", file=sys.stderr)
        return 2
    bawaan = acara_bawaan()
    acara = Acara(args.acara or bawaan.nama, args.tempat or bawaan.tempat, args.tanggal or bawaan.tanggal)
    try:
        urutan = urutan_bawaan(daftar_wilayah(), args.wilayah) if args.wilayah else None
        deck = build_deck(args.tahun, args.basis, args.wilayah or WILAYAH_BAWAAN, urutan, acara)
    except BimtekError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    berkas = siapkan_berkas(deck, keluaran)
    for format_, path in keluaran.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(berkas[format_])
        print(f"{format_.upper()}: {path} ({len(berkas[format_]) // 1024} KB)")
    label = " — data inovasi SINTETIS (data demo)" if deck.sintetis else ""
    print(f"{len(deck.slides)} slide, tahun penilaian {deck.tahun}, aturan IID versi {deck.versi_metodologi}{label}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dasbor", description="Dasbor IID Kalsel")
    sub = parser.add_subparsers(dest="perintah", required=True)
    demo = sub.add_parser("demo", help="bangun (ulang) basis data demo sintetis di $DASBOR_DB atau data/iid.duckdb")
    demo.add_argument("--seed", type=int, default=20231212)
    demo.set_defaults(func=cmd_demo)

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

    akun = sub.add_parser("akun", help="kelola akun (hash bcrypt di $DASBOR_AKUN atau config/akun.yaml)")
    akun_sub = akun.add_subparsers(dest="aksi", required=True)
    tambah = akun_sub.add_parser("tambah", help="buat akun; kata sandi dibaca dari terminal (atau stdin)")
    tambah.add_argument("nama")
    tambah.add_argument("--peran", choices=("admin", "pembaca"), default="admin")
    tambah.add_argument("--oidc", action="store_true", help="tanpa kata sandi: masuk lewat penyedia OIDC (e-mail)")
    tambah.add_argument("--timpa", action="store_true", help="ganti akun yang sudah ada")
    hapus = akun_sub.add_parser("hapus")
    hapus.add_argument("nama")
    akun_sub.add_parser("daftar")
    akun.set_defaults(func=cmd_akun)
    kelengkapan = sub.add_parser(
        "kelengkapan", help="tulis daftar kerja kelengkapan bukti (satu berkas Excel per wilayah) untuk bimtek"
    )
    kelengkapan.add_argument("--tahun", type=int, required=True, help="tahun penilaian, mis. 2024")
    kelengkapan.add_argument("--keluaran", required=True, help="folder tujuan berkas .xlsx")
    kelengkapan.set_defaults(func=cmd_kelengkapan)

    bimtek = sub.add_parser(
        "bimtek",
        help="tulis deck bimtek (PPTX/PDF) dan paket data Excel dari basis data",
        description="Deck bimtek dari basis data: judul, peringkat, konteks nasional, tren, satu slide per "
        "kabupaten/kota, dan daftar tindakan. Dengan --wilayah, tren dan slide per wilayah hanya untuk kode itu.",
    )
    bimtek.add_argument("--tahun", type=int, required=True, help="tahun penilaian, mis. 2024")
    bimtek.add_argument("--basis", choices=("terverifikasi", "klaim"), default="terverifikasi")
    bimtek.add_argument("--pptx", type=Path, help="berkas PowerPoint keluaran")
    bimtek.add_argument("--pdf", type=Path, help="berkas PDF keluaran")
    bimtek.add_argument("--xlsx", type=Path, help="paket data Excel keluaran")
    bimtek.add_argument("--wilayah", nargs="+", metavar="KODE", help="kode wilayah, mis. 63.06 63.09")
    bimtek.add_argument("--acara", help="nama acara pada slide judul")
    bimtek.add_argument("--tempat", help="tempat acara")
    bimtek.add_argument("--tanggal", type=_tanggal, help="tanggal acara, YYYY-MM-DD")
    bimtek.set_defaults(func=cmd_bimtek)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DatabaseTerkunciError as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
