"""`python -m dasbor spd`: enter a pemda's SPD levels and whether the evidence is in hand (issue 23 §2), from a CSV
(`kode_indikator, level, bukti_ada`) or as options; checked, previewed and written as an import of its own kind
(logged, undoable with `batalkan-impor`, published for running servers)."""

from __future__ import annotations

import argparse
import getpass
import sys

import pandas as pd

from dasbor.cli.impor import AKUN_BANTUAN, Ditolak, pelaku
from dasbor.lingkup import lingkup


def _isian(args: argparse.Namespace) -> pd.DataFrame | None:
    """The entry from --berkas or from --indikator/--level/--bukti; None after saying what is wrong."""
    from dasbor.services.impor.spd import KOLOM_ISIAN

    if (args.berkas is None) == (args.indikator is None):
        print("Beri --berkas spd.csv, atau --indikator N … --level L … [--bukti ya|tidak …].", file=sys.stderr)
        return None
    if args.berkas is not None:
        try:
            isian = pd.read_csv(
                args.berkas, sep=None, engine="python", dtype=str, keep_default_na=False, encoding="utf-8-sig"
            )
        except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
            print(f"Berkas {args.berkas} tidak dapat dibaca: {exc}", file=sys.stderr)
            return None
        kurang = [k for k in KOLOM_ISIAN if k not in isian.columns]
        if kurang:
            print(
                f"Berkas {args.berkas} tanpa kolom {', '.join(kurang)} (kolomnya {', '.join(KOLOM_ISIAN)}).",
                file=sys.stderr,
            )
            return None
        return isian[list(KOLOM_ISIAN)]
    bukti = args.bukti or ["ya"] * len(args.indikator)
    if not (len(args.indikator) == len(args.level or []) == len(bukti)):
        print(
            "--indikator, --level (dan --bukti bila diberi) harus sama banyak, satu nilai per indikator.",
            file=sys.stderr,
        )
        return None
    return pd.DataFrame({"kode_indikator": args.indikator, "level": args.level, "bukti_ada": bukti})


def cmd_spd(args: argparse.Namespace) -> int:
    """Exit 0 entered (or valid with --periksa), 1 refused with every problem printed, 2 usage/sign-in."""
    from dasbor.services import impor
    from dasbor.services.db import penulis
    from dasbor.services.impor.spd import periksa_spd
    from dasbor.visual.format import angka

    isian = _isian(args)
    if isian is None:
        return 2
    try:
        pengguna, wilayah_boleh = pelaku(args)
    except Ditolak as exc:
        print(exc, file=sys.stderr)
        return 2
    nama = args.berkas or "isian SPD (baris perintah)"
    with penulis() as db:  # checked under the writer lock, so the preview is of the data the commit replaces
        periksa = periksa_spd(db, args.tahun, args.wilayah, isian, nama, wilayah_boleh)
        if not periksa.sah:
            print(f"Isian SPD TIDAK dapat disimpan; {periksa.jumlah_masalah} masalah (tidak ada yang ditulis):")
            for m in periksa.masalah:
                print(f"- {m}")
            return 1
        r = impor.preview(db, periksa).ringkasan.iloc[0]
    print(
        f"{r.kode_wilayah} {r.nama_wilayah} {args.tahun}: {r.jawaban_spd_berubah} jawaban SPD berubah; IID "
        f"{angka(r.iid_sebelum)} → {angka(r.iid_sesudah)} ({r.predikat_sesudah or '–'}), SID {angka(r.sid_sesudah)}; "
        f"{r.dasar_sesudah}"
    )
    if args.periksa:
        print("Mode --periksa: tidak ada yang ditulis.")
        return 0
    try:
        id_impor = impor.simpan(periksa, pengguna, periksa.sha256, wilayah_boleh)
    except impor.DataBerubahError as exc:
        print(exc, file=sys.stderr)
        return 2
    except impor.ImporDitolakError as exc:
        print(f"Ditolak: {exc}", file=sys.stderr)
        return 1
    print(f"Isian SPD tersimpan sebagai impor #{id_impor} (dapat dibatalkan dengan `batalkan-impor`) dan diterbitkan.")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("spd", help="isi level SPD pemda dan ketersediaan buktinya (ekspor portal tidak memuat SPD)")
    p.add_argument("--tahun", type=int, required=True)
    p.add_argument(
        "--wilayah", required=True, metavar="KODE", help=f"kode_wilayah pemda, mis. {lingkup().pembanding[0]}"
    )
    p.add_argument("--berkas", metavar="SPD.csv", help="CSV berkolom kode_indikator, level, bukti_ada (ya/tidak)")
    p.add_argument("--indikator", nargs="+", metavar="N", help="kode indikator SPD, mis. 1 2a 5")
    p.add_argument("--level", nargs="+", metavar="L", help="level 0–3 untuk setiap --indikator")
    p.add_argument("--bukti", nargs="+", metavar="YA|TIDAK", help="bukti dukung di tangan (bawaan: ya)")
    p.add_argument("--periksa", action="store_true", help="periksa dan tampilkan pratinjau saja, tanpa menulis")
    p.add_argument("--pengguna", default=f"cli:{getpass.getuser()}", help="nama yang dicatat (tanpa --akun)")
    p.add_argument("--akun", metavar="NAMA", help=AKUN_BANTUAN)
    p.set_defaults(func=cmd_spd)
