"""`python -m dasbor demo`: (re)build the synthetic demo database, and write its innovations as portal-format
exports (one file per pemda and year) in the folder `portal-demo` beside the database."""

from __future__ import annotations

import argparse
import sys

from dasbor.db.connection import db_path
from dasbor.lingkup import NASIONAL, LingkupError, lingkup, nama_provinsi


def _lingkup(nilai: str) -> str:
    kode = nilai.strip().lower()
    if kode != NASIONAL:
        try:
            nama_provinsi(kode)
        except LingkupError as exc:
            raise argparse.ArgumentTypeError(str(exc).replace("DASBOR_LINGKUP", "--lingkup")) from exc
    return kode


def cmd_demo(args: argparse.Namespace) -> int:
    """Exit 0 built, 1 refused because the database holds imported data (without --timpa)."""
    from dasbor.demo.build import DataNyataError, tolak_data_nyata
    from dasbor.demo.ekspor_portal import FOLDER, tulis_ekspor_demo
    from dasbor.demo.lewat_portal import bangun_demo, bangun_frames, jalur_demo, kalibrasi

    path = db_path()
    kode = args.lingkup or lingkup().kode
    try:
        # Refused before the seconds of generating; the build checks again under the writer lock, where an
        # import landing meanwhile is caught.
        tolak_data_nyata(path, args.timpa)
        frames = bangun_frames(args.seed, kode)
        counts = bangun_demo(path, args.seed, frames, timpa=args.timpa, kode_lingkup=kode)
    except DataNyataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Basis data demo (SINTETIS) dibangun di {path}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    # The calibrated demo writes every region-year; the synthetic country only the files its portal path read.
    pilihan = None if kalibrasi(kode) else jalur_demo(args.seed, frames, kode)
    berkas = tulis_ekspor_demo(frames, path.parent / FOLDER, pilihan)
    jumlah = "satu per pemda dan tahun" if pilihan is None else "pemda-tahun yang masuk lewat jalur portal"
    print(f"Ekspor portal demo (SINTETIS): {len(berkas)} berkas ({jumlah}) di {path.parent / FOLDER}")
    if kode != lingkup().kode:
        print(f"Layani dengan DASBOR_LINGKUP={kode}: judul dan teks dasbor mengikuti lingkup itu.")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo",
        help="bangun (ulang) basis data demo sintetis di $DASBOR_DB atau data/iid.duckdb, dan ekspor portal "
        "demonya di folder portal-demo di sampingnya",
    )
    demo.add_argument("--seed", type=int, default=20231212)
    demo.add_argument("--timpa", action="store_true", help="ganti juga basis data yang berisi data impor (nyata)")
    demo.add_argument(
        "--lingkup",
        type=_lingkup,
        metavar="KODE",
        help=f"lingkup data demo: kode provinsi atau '{NASIONAL}' (gladi nasional: seluruh pemda Indonesia, 2021–2026); bawaan "
        "lingkup dasbor ($DASBOR_LINGKUP atau data/lingkup.toml)",
    )
    demo.set_defaults(func=cmd_demo)
