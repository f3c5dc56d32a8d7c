"""Command line of the dashboard: `python -m dasbor demo` (more sub-commands are added by their features)."""

from __future__ import annotations

import argparse
import sys

from dasbor.db.connection import DatabaseTerkunciError, db_path


def cmd_demo(args: argparse.Namespace) -> int:
    from dasbor.demo.build import build_demo_db

    path = db_path()
    counts = build_demo_db(path, args.seed)
    print(f"Basis data demo (SINTETIS) dibangun di {path}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dasbor", description="Dasbor IID Kalsel")
    sub = parser.add_subparsers(dest="perintah", required=True)
    demo = sub.add_parser("demo", help="bangun (ulang) basis data demo sintetis di $DASBOR_DB atau data/iid.duckdb")
    demo.add_argument("--seed", type=int, default=20231212)
    demo.set_defaults(func=cmd_demo)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DatabaseTerkunciError as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
