"""Benchmark of the Kelengkapan work: per-year precompute, exports, and the three pages in AppTest.

    .venv/bin/python benchmarks/kelengkapan.py

Works on a private copy of the database ($DASBOR_DB or data/iid.duckdb, built from the demo generator when
absent), so a running dashboard is not disturbed. Prints figures only; targets are judged by a person.
"""

from __future__ import annotations

import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402,F401  (sets up its loggers, quieted below)

logging.getLogger("streamlit").setLevel(logging.ERROR)

from streamlit.testing.v1 import AppTest  # noqa: E402

from dasbor.db.connection import Database, db_path  # noqa: E402
from dasbor.demo.build import ensure_demo_db  # noqa: E402
from dasbor.services import daftar_kerja  # noqa: E402
from dasbor.services import kelengkapan as kel  # noqa: E402
from dasbor.ui import data as cache  # noqa: E402

ULANG = 3


def waktu(fungsi: Callable[[], object], ulang: int = ULANG) -> float:
    """Median wall time in seconds over `ulang` runs."""
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - t)
    return statistics.median(hasil)


def main() -> None:
    sumber = db_path()
    ensure_demo_db(sumber)
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "iid.duckdb"
        shutil.copy(sumber, salinan)
        db = Database(salinan, read_only=True)
        tahun = db.query("periode")["tahun"].astype(int).tolist()
        jawaban = sum(len(db.query("jawaban_sid_tahun", {"tahun": t})) for t in tahun)
        print(f"Basis data: {sumber} ({jawaban} baris jawaban SID, {len(tahun)} tahun); median dari {ULANG} kali")
        print(f"{'tahun':>5} {'celah':>6} {'hitung (s)':>10} {'xlsx terbesar (s)':>17} {'csv (ms)':>8}")
        for t in tahun:
            hasil = kel.hitung_kelengkapan(db, t)
            hitung = waktu(lambda t=t: kel.hitung_kelengkapan(db, t))
            terbesar = hasil.celah["kode_wilayah"].value_counts().index[0]
            xlsx = waktu(lambda h=hasil, k=terbesar: daftar_kerja.ekspor_xlsx(h, k, date.today()))
            csv = waktu(lambda h=hasil, k=terbesar: daftar_kerja.ekspor_csv(h, k)) * 1000
            print(f"{t:>5} {len(hasil.celah):>6} {hitung:>10.2f} {xlsx:>17.2f} {csv:>8.1f}")
        db.close()

        os.environ["DASBOR_DB"] = str(salinan)
        print("\nHalaman (AppTest, tanpa browser): run pertama termasuk menghitung cache; run ulang memakai cache")
        print(f"{'halaman':<12} {'pertama (s)':>11} {'ulang (s)':>9}")
        for halaman, query in (
            ("kelengkapan", {"tahun": str(tahun[-1]), "wilayah": "Kabupaten Tabalong"}),
            ("simulasi", {"tahun": str(tahun[-1]), "wilayah": "Kabupaten Tabalong", "skenario": "T:0:3,T:1:3"}),
            ("inovasi", {"tahun": str(tahun[-1]), "wilayah": "Kabupaten Tabalong"}),
        ):
            cache.kosongkan()
            at = AppTest.from_file(str(ROOT / "pages" / f"{halaman}.py"), default_timeout=300)
            at.query_params.update(query)
            t = time.perf_counter()
            at.run()
            pertama = time.perf_counter() - t
            ulang = waktu(at.run)
            if at.exception:
                raise SystemExit(f"halaman {halaman} gagal: {at.exception}")
            print(f"{halaman:<12} {pertama:>11.2f} {ulang:>9.2f}")


if __name__ == "__main__":
    main()
