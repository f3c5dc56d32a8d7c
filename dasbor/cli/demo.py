"""`python -m dasbor demo`: (re)build the synthetic demo database, and write its innovations as portal-format
exports (one file per pemda and year) in the folder `portal-demo` beside the database."""

from __future__ import annotations

import argparse
import sys

from dasbor.db.connection import db_path


def cmd_demo(args: argparse.Namespace) -> int:
    """Exit 0 built, 1 refused because the database holds imported data (without --timpa)."""
    from dasbor.demo.build import DataNyataError, tolak_data_nyata
    from dasbor.demo.ekspor_portal import FOLDER, tulis_ekspor_demo
    from dasbor.demo.generator import build_frames
    from dasbor.demo.lewat_portal import bangun_demo

    path = db_path()
    try:
        # Refused before ten seconds of generating; the build checks again under the writer lock, where an
        # import landing meanwhile is caught.
        tolak_data_nyata(path, args.timpa)
        frames = build_frames(args.seed)
        counts = bangun_demo(path, args.seed, frames, timpa=args.timpa)
    except DataNyataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Basis data demo (SINTETIS) dibangun di {path}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    berkas = tulis_ekspor_demo(frames, path.parent / FOLDER)
    print(f"Ekspor portal demo (SINTETIS): {len(berkas)} berkas (satu per pemda dan tahun) di {path.parent / FOLDER}")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo",
        help="bangun (ulang) basis data demo sintetis di $DASBOR_DB atau data/iid.duckdb, dan ekspor portal "
        "demonya di folder portal-demo di sampingnya",
    )
    demo.add_argument("--seed", type=int, default=20231212)
    demo.add_argument("--timpa", action="store_true", help="ganti juga basis data yang berisi data impor (nyata)")
    demo.set_defaults(func=cmd_demo)
