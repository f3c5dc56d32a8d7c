"""`python -m dasbor akun tambah | hapus | daftar`: accounts with bcrypt hashes outside git."""

from __future__ import annotations

import argparse
import getpass
import sys


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


def cmd_akun(args: argparse.Namespace) -> int:
    from dasbor.services import akun

    try:
        if args.aksi == "tambah":
            # Regions are checked before the password is asked, so a typo does not cost typing it twice.
            akun.periksa_wilayah(args.peran, args.wilayah)
            sandi = None if args.oidc else _baca_sandi()
            path = akun.tambah_akun(args.nama, sandi, args.peran, args.timpa, args.wilayah)
            wilayah = f" wilayah {', '.join(sorted(set(args.wilayah)))}" if args.wilayah else ""
            print(f"Akun '{args.nama}' ({args.peran}{wilayah}) disimpan di {path}.")
        elif args.aksi == "hapus":
            akun.hapus_akun(args.nama)
            print(f"Akun '{args.nama}' dihapus.")
        else:
            daftar = akun.load_akun()
            print(f"Berkas akun: {akun.akun_path()}")
            for nama, data in sorted(daftar.items()):
                wilayah = f" wilayah {', '.join(data['wilayah'])}" if data.get("wilayah") else ""
                print(f"- {nama}: {data.get('peran')}{wilayah}{' (OIDC)' if data.get('oidc') else ''}")
            if not daftar:
                print("Belum ada akun. Buat admin pertama: python -m dasbor akun tambah NAMA")
    except akun.AkunError as exc:
        print(f"Gagal: {exc}.", file=sys.stderr)
        return 2


def daftarkan(sub: argparse._SubParsersAction) -> None:
    akun = sub.add_parser("akun", help="kelola akun (hash bcrypt di $DASBOR_AKUN atau config/akun.yaml)")
    akun_sub = akun.add_subparsers(dest="aksi", required=True)
    tambah = akun_sub.add_parser("tambah", help="buat akun; kata sandi dibaca dari terminal (atau stdin)")
    tambah.add_argument("nama")
    tambah.add_argument("--peran", choices=("admin", "operator", "pembaca"), default="admin")
    tambah.add_argument(
        "--wilayah",
        nargs="+",
        metavar="KODE",
        help="wajib untuk operator: kode wilayah yang boleh ia impor dan batalkan (mis. 63.09 63.10)",
    )
    tambah.add_argument("--oidc", action="store_true", help="tanpa kata sandi: masuk lewat penyedia OIDC (e-mail)")
    tambah.add_argument("--timpa", action="store_true", help="ganti akun yang sudah ada")
    hapus = akun_sub.add_parser("hapus")
    hapus.add_argument("nama")
    akun_sub.add_parser("daftar")
    akun.set_defaults(func=cmd_akun)
