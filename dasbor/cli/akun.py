"""`python -m dasbor akun tambah | sandi | buka | keluarkan | hapus | daftar`: accounts with bcrypt hashes outside
git."""

from __future__ import annotations

import argparse
import getpass
import sys

from dasbor.lingkup import lingkup


def _baca_sandi() -> str:
    """Twice with getpass at a terminal; one line from stdin otherwise (scripts and tests)."""
    if not sys.stdin.isatty():
        return baca_sandi_masuk()
    sandi = getpass.getpass("Kata sandi baru: ")
    if getpass.getpass("Ulangi kata sandi: ") != sandi:
        from dasbor.services.akun import AkunError

        raise AkunError("kedua kata sandi tidak sama")
    return sandi


def baca_sandi_masuk() -> str:
    """A sign-in password: once with getpass at a terminal, one line from stdin otherwise."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass("Kata sandi: ")


def _cetak_perubahan(nama: str, lama: dict | None, baru: dict) -> None:
    """Role and regions before and after, so that a change of rights is never silent."""
    from dasbor.services.akun import peran_teks

    print(f"Akun '{nama}': sebelum {peran_teks(lama)}; sesudah {peran_teks(baru)}.")
    if lama and peran_teks(lama) != peran_teks(baru):
        print("Perhatian: peran atau wilayah akun ini berubah.")


def cmd_akun(args: argparse.Namespace) -> int:
    from dasbor.services import akun

    try:
        if args.aksi == "tambah":
            # Checked before the password is asked, so a typo does not cost typing it twice.
            lama, rencana = akun.rencana_akun(args.nama, args.peran, args.timpa, args.wilayah, args.oidc)
            # Changing an existing account never touches its password: that is `akun sandi`.
            sandi = None if rencana.get("oidc") or lama else _baca_sandi()
            lama, baru = akun.tambah_akun(args.nama, sandi, args.peran, args.timpa, args.wilayah, args.oidc)
            _cetak_perubahan(akun.normalkan_nama(args.nama), lama, baru)
            if lama:
                print("Sesi akun ini yang sedang masuk berakhir pada muatan halaman berikutnya.")
            if lama and not baru.get("oidc"):
                print(
                    "Kata sandi " + ("diganti." if sandi is not None else "tidak diubah (ganti dengan `akun sandi`).")
                )
            print(f"Disimpan di {akun.akun_path()}.")
        elif args.aksi == "sandi":
            nama = akun.normalkan_nama(args.nama)
            baru = akun.ganti_sandi(nama, _baca_sandi)
            print(
                f"Kata sandi akun '{nama}' diganti. Peran dan wilayah tetap: {akun.peran_teks(baru)}. Sesinya yang "
                "sedang masuk berakhir."
            )
        elif args.aksi == "buka":
            sampai = akun.buka_kunci(args.nama, f"cli:{getpass.getuser()}")
            nama = akun.normalkan_nama(args.nama)
            if sampai:
                print(
                    f"Kuncian akun '{nama}' (sampai {sampai.astimezone():%H:%M %d-%m-%Y}) dibuka; hitungan gagal dinolkan."
                )
            else:
                print(f"Akun '{nama}' tidak sedang dikunci; hitungan gagal masuknya dinolkan.")
        elif args.aksi == "hapus":
            akun.hapus_akun(args.nama)
            print(f"Akun '{akun.normalkan_nama(args.nama)}' dihapus; sesinya yang sedang masuk berakhir.")
        elif args.aksi == "keluarkan":
            akun.keluarkan(args.nama)
            print(
                f"Semua sesi akun '{akun.normalkan_nama(args.nama)}' berakhir pada muatan halaman berikutnya; akunnya "
                "tetap dan dapat masuk lagi."
            )
        else:
            daftar = akun.load_akun()
            print(f"Berkas akun: {akun.akun_path()}")
            for nama, data in sorted(daftar.items()):
                print(f"- {nama}: {akun.peran_teks(data)}")
            if not daftar:
                print("Belum ada akun. Buat admin pertama: python -m dasbor akun tambah NAMA --peran admin")
    except akun.AkunError as exc:
        print(f"Gagal: {str(exc).rstrip('.')}.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Gagal: berkas akun atau status masuk tidak dapat ditulis: {exc}.", file=sys.stderr)
        return 2
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    akun = sub.add_parser("akun", help="kelola akun (hash bcrypt di $DASBOR_AKUN atau config/akun.yaml)")
    akun_sub = akun.add_subparsers(dest="aksi", required=True)
    tambah = akun_sub.add_parser(
        "tambah", help="buat akun (bawaan: pembaca); kata sandi dibaca dari terminal (atau stdin)"
    )
    tambah.add_argument("nama")
    tambah.add_argument(
        "--peran",
        choices=("admin", "operator", "pembaca"),
        help="akun baru: bawaan pembaca; dengan --timpa: bawaan peran yang sekarang",
    )
    tambah.add_argument(
        "--wilayah",
        nargs="+",
        metavar="KODE",
        help="wajib untuk operator: kode wilayah yang boleh ia impor dan batalkan "
        f"(mis. {' '.join(lingkup().pembanding)}); dengan "
        "--timpa: bawaan wilayah yang sekarang",
    )
    tambah.add_argument("--oidc", action="store_true", help="tanpa kata sandi: masuk lewat penyedia OIDC (e-mail)")
    tambah.add_argument(
        "--timpa",
        action="store_true",
        help="ubah peran atau wilayah akun yang sudah ada: peran, wilayah dan tanda OIDC tetap kecuali diberikan; kata "
        "sandi tidak diubah (pakai `akun sandi`)",
    )
    sandi = akun_sub.add_parser("sandi", help="ganti kata sandi saja; peran dan wilayah tetap")
    sandi.add_argument("nama")
    buka = akun_sub.add_parser("buka", help="buka kuncian akun setelah terlalu banyak gagal masuk")
    buka.add_argument("nama")
    hapus = akun_sub.add_parser("hapus")
    hapus.add_argument("nama")
    keluarkan = akun_sub.add_parser("keluarkan", help="akhiri semua sesi akun ini yang sedang masuk")
    keluarkan.add_argument("nama")
    akun_sub.add_parser("daftar")
    akun.set_defaults(func=cmd_akun)
