"""Benchmark of the Excel import on the largest demo year (2025, all 14 wilayah): export, check, preview, commit
and undo on a temporary copy of the demo database. Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/impor.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dasbor.db import terbitan  # noqa: E402
from dasbor.db.connection import Database, db_path  # noqa: E402
from dasbor.demo.build import ensure_demo_db  # noqa: E402
from dasbor.services import impor  # noqa: E402

TAHUN = 2025


def main() -> None:
    ensure_demo_db(db_path())
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "iid.duckdb"
        shutil.copy(db_path(), salinan)
        db = Database(salinan)
        wilayah = db.query("wilayah")["kode_wilayah"].tolist()
        waktu: dict[str, float] = {}

        def ukur(nama: str, fungsi):  # noqa: ANN001, ANN202
            mulai = time.perf_counter()
            hasil = fungsi()
            waktu[nama] = time.perf_counter() - mulai
            return hasil

        berkas = ukur("ekspor", lambda: impor.ekspor(db, TAHUN, wilayah))
        periksa = ukur("periksa", lambda: impor.check_import(db, berkas, TAHUN, "bench.xlsx"))
        assert periksa.sah, periksa.masalah[:3]
        ukur("pratinjau", lambda: impor.preview(db, periksa))
        ukur("commit", lambda: impor.commit_import(db, periksa, "bench"))
        ukur("batalkan", lambda: impor.undo_last_import(db, "bench"))
        # What every write adds so that running servers see it: checkpoint, copy, move the pointer.
        ukur("terbitkan", lambda: terbitan.terbitkan(db, terbitan.letak(salinan)))
        db.close()
    print(f"Impor tahun {TAHUN}, {len(wilayah)} wilayah: {periksa.baris} baris data, berkas {len(berkas) / 1e6:.2f} MB")
    for nama, detik in waktu.items():
        print(f"  {nama:<10} {detik:6.2f} s")


if __name__ == "__main__":
    main()
