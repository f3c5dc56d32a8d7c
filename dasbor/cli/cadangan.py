"""`python -m dasbor cadangan | pulihkan`: a consistent backup while servers run, and its restore (admin only),
which keeps the state it replaces so that it can itself be undone."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dasbor.db.connection import db_path


def _admin(nama: str | None) -> str | None:
    """None when the restore may go ahead, else why not. Without --akun the local shell user acts: whoever can
    write the database file can replace it anyway. With --akun the account must sign in and be an admin."""
    if not nama:
        return None
    from dasbor.cli.akun import baca_sandi_masuk
    from dasbor.services import akun

    try:
        masuk = akun.masuk(nama, baca_sandi_masuk())
    except akun.AkunError as exc:  # locked, or the attempt could not be recorded: said, not a traceback
        return str(exc)
    if masuk is None:
        return "Nama akun atau kata sandi salah."
    if masuk["peran"] != "admin":
        return f"Akun {masuk['nama']} berperan {masuk['peran']}; hanya admin yang dapat memulihkan cadangan."
    return None


def cmd_cadangan(args: argparse.Namespace) -> int:
    from dasbor.db.cadangan import tulis_cadangan

    path = db_path()
    if not path.exists():
        print(f"Basis data {path} tidak ada; tidak ada yang dicadangkan.", file=sys.stderr)
        return 2
    manifest = tulis_cadangan(path, Path(args.berkas))
    baris = sum(manifest.jumlah_baris.values())
    print(
        f"Cadangan {args.berkas} ditulis: {manifest.waktu}, skema versi {manifest.versi_skema}, "
        f"{len(manifest.jumlah_baris)} tabel, {baris} baris, SHA-256 {manifest.sha256}."
    )
    return 0


def cmd_pulihkan(args: argparse.Namespace) -> int:
    """Exit 0 restored, 1 the backup was refused (nothing changed), 2 usage or sign-in."""
    from dasbor.db.cadangan import CadanganError, pulihkan

    berkas = Path(args.berkas)
    if not berkas.is_file():
        print(f"Berkas {berkas} tidak ditemukan.", file=sys.stderr)
        return 2
    if ditolak := _admin(args.akun):
        print(ditolak, file=sys.stderr)
        return 2
    try:
        manifest, sebelum = pulihkan(db_path(), berkas)
    except CadanganError as exc:
        print(f"Cadangan {berkas.name} ditolak, tidak ada yang diubah: {exc}", file=sys.stderr)
        return 1
    print(f"Cadangan {berkas.name} ({manifest.waktu}) dipulihkan ke {db_path()} dan diterbitkan untuk server.")
    if sebelum is not None:
        print(f"Isi sebelumnya disimpan di {sebelum}; untuk membatalkan: python -m dasbor pulihkan {sebelum}")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    cad = sub.add_parser("cadangan", help="tulis cadangan basis data yang konsisten (juga saat server berjalan)")
    cad.add_argument("berkas", help="berkas cadangan yang ditulis (.zip: basis data + manifest)")
    cad.set_defaults(func=cmd_cadangan)
    pul = sub.add_parser("pulihkan", help="pulihkan cadangan (admin); isi yang diganti disimpan agar dapat dibatalkan")
    pul.add_argument("berkas", help="berkas cadangan dari `cadangan`")
    pul.add_argument(
        "--akun",
        metavar="NAMA",
        help="bertindak sebagai akun admin ini (kata sandi ditanyakan); tanpa --akun: pengguna shell lokal",
    )
    pul.set_defaults(func=cmd_pulihkan)
