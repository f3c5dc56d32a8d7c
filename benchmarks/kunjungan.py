"""Server time of one warm visitor per page against an empty Streamlit page (issue 9: target ≤ 2× empty).

    .venv/bin/python benchmarks/kunjungan.py [--ulang 5]

Works on a private copy of the database ($DASBOR_DB or data/iid.duckdb, built from the demo generator when
absent). Prepares the process as a server does at start (dasbor.ui.data.siapkan), then opens each page as a link
does (app.py's navigation, one AppTest session: the "pertama" column, reading the scores the copy stores) and
reruns it: the median rerun time is the server time of a visitor whose results are already in the cache. AppTest runs the script without a browser
or websocket, so this is the script's share of a visit. Prints figures only.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402,F401  (sets up its loggers, quieted below)

logging.getLogger("streamlit").setLevel(logging.ERROR)

from streamlit.testing.v1 import AppTest  # noqa: E402

from dasbor.db.connection import db_path  # noqa: E402
from dasbor.demo.build import ensure_demo_db  # noqa: E402
from dasbor.halaman import HALAMAN as DAFTAR_HALAMAN  # noqa: E402

# Every page that only reads (Impor writes by design), from the one page registry.
HALAMAN = tuple(h.nama for h in DAFTAR_HALAMAN if not h.menulis)


def _median_run(at: AppTest, ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        at.run()
        waktu.append(time.perf_counter() - mulai)
        if at.exception:
            raise SystemExit(f"gagal: {[e.message for e in at.exception]}")
    return statistics.median(waktu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5, help="reruns per page (median)")
    args = parser.parse_args()
    sumber = db_path()
    ensure_demo_db(sumber)
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "iid.duckdb"
        shutil.copy(sumber, salinan)
        os.environ["DASBOR_DB"] = str(salinan)
        from dasbor.ui import data

        mulai = time.perf_counter()
        data.siapkan()
        print(f"Menyiapkan proses seperti pekerja yang menyala (siapkan): {time.perf_counter() - mulai:.1f} s")

        kosong = AppTest.from_file(str(ROOT / "benchmarks" / "kosong.py"), default_timeout=300)
        kosong.run()
        dasar = _median_run(kosong, args.ulang)
        print(f"Median dari {args.ulang} run ulang per halaman (AppTest, satu pengunjung, cache hangat)")
        print(f"{'halaman':<12} {'pertama (s)':>11} {'ulang (s)':>9} {'× kosong':>8}")
        print(f"{'(kosong)':<12} {'':>11} {dasar:>9.3f} {1:>8.1f}")
        for halaman in HALAMAN:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
            if halaman != "ringkasan":
                at.switch_page(f"pages/{halaman}.py")
            mulai = time.perf_counter()
            at.run()
            pertama = time.perf_counter() - mulai
            ulang = _median_run(at, args.ulang)
            print(f"{halaman:<12} {pertama:>11.3f} {ulang:>9.3f} {ulang / dasar:>8.1f}")


if __name__ == "__main__":
    main()
