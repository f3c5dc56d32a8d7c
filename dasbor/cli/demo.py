"""`python -m dasbor demo`: (re)build the synthetic demo database."""

from __future__ import annotations

import argparse

from dasbor.db.connection import db_path


def cmd_demo(args: argparse.Namespace) -> int:
    from dasbor.demo.build import build_demo_db

    path = db_path()
    counts = build_demo_db(path, args.seed)
    print(f"Basis data demo (SINTETIS) dibangun di {path}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="bangun (ulang) basis data demo sintetis di $DASBOR_DB atau data/iid.duckdb")
    demo.add_argument("--seed", type=int, default=20231212)
    demo.set_defaults(func=cmd_demo)
