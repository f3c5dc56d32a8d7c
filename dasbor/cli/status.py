"""`python -m dasbor status`: set the send status of innovations (the portal's export carries none), as an admin
or as an operator for its own pemda; the change is published for running servers and recorded in the history."""

from __future__ import annotations

import argparse
import getpass
import sys

import pandas as pd

from dasbor.cli.impor import AKUN_BANTUAN, Ditolak, pelaku
from dasbor.lingkup import lingkup
from dasbor.services import status_inovasi


def cmd_status(args: argparse.Namespace) -> int:
    """Exit 0 set, 1 refused (unknown innovation or status, region outside the operator's), 2 usage/sign-in."""
    if (args.berkas is None) == (args.id is None):
        print(
            "Beri --id ID --status STATUS, atau --berkas BERKAS.csv (kolom id_inovasi, status_inovasi).",
            file=sys.stderr,
        )
        return 2
    try:
        pengguna, wilayah_boleh = pelaku(args)
    except Ditolak as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.berkas is not None:
        try:
            perubahan = pd.read_csv(
                args.berkas, sep=None, engine="python", dtype=str, keep_default_na=False, encoding="utf-8-sig"
            )
        except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
            print(f"Berkas {args.berkas} tidak dapat dibaca: {exc}", file=sys.stderr)
            return 2
        if not {"id_inovasi", "status_inovasi"} <= set(perubahan.columns):
            print(f"Berkas {args.berkas} harus berkolom id_inovasi dan status_inovasi.", file=sys.stderr)
            return 2
        perubahan = perubahan[["id_inovasi", "status_inovasi"]].apply(lambda s: s.str.strip())
    else:
        if args.status is None:
            print("--id memerlukan --status.", file=sys.stderr)
            return 2
        perubahan = pd.DataFrame({"id_inovasi": args.id, "status_inovasi": args.status})
    try:
        n = status_inovasi.simpan_status(args.tahun, args.wilayah, perubahan, pengguna, wilayah_boleh)
    except status_inovasi.StatusDitolakError as exc:
        print(f"Ditolak: {exc}", file=sys.stderr)
        return 1
    print(f"Status {n} inovasi {args.wilayah} tahun {args.tahun} diubah dan diterbitkan.")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser("status", help="ubah status kirim inovasi (draft, dikirim, diterima, ditolak)")
    st.add_argument("--tahun", type=int, required=True)
    st.add_argument(
        "--wilayah", required=True, metavar="KODE", help=f"kode_wilayah pemda, mis. {lingkup().pembanding[0]}"
    )
    st.add_argument("--id", nargs="+", metavar="ID", help="id_inovasi yang diubah")
    st.add_argument("--status", choices=status_inovasi.STATUS, help="status baru untuk setiap --id")
    st.add_argument("--berkas", metavar="BERKAS.csv", help="CSV berkolom id_inovasi, status_inovasi")
    st.add_argument("--pengguna", default=f"cli:{getpass.getuser()}", help="nama yang dicatat (tanpa --akun)")
    st.add_argument("--akun", metavar="NAMA", help=AKUN_BANTUAN)
    st.set_defaults(func=cmd_status)
