"""Benchmark of a portal import (issue 18: a 700-row export with five years of history): on a temporary copy of the
demo database, one pemda's lists of 2021–2024 are imported as portal exports to build the history, then the 2025
export (700 rows, the portal's quirks, edited titles and acronyms written out) is timed: check plus preview
(target ≤ 5 s), commit plus publish (≤ 10 s) and the matching alone (≤ 1 s). Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/portal.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cocok import KODE, TAHUN, riwayat  # noqa: E402
from dasbor.db import terbitan  # noqa: E402
from dasbor.db.connection import Database, db_path  # noqa: E402
from dasbor.demo.build import ensure_demo_db  # noqa: E402
from dasbor.demo.portal_tulis import beri_keanehan, tulis_portal  # noqa: E402
from dasbor.excel.portal import read_portal  # noqa: E402
from dasbor.services import impor  # noqa: E402
from dasbor.services.cocok_inovasi import cocokkan  # noqa: E402

PEMDA = "Kabupaten Tabalong"


def _berkas(rng: np.random.Generator, tahun_ini: object, seed: int, sunting: bool) -> bytes:
    baris = tahun_ini[["nama_inovasi", "nama_perangkat_daerah", "akronim"]].copy()
    if sunting:  # edits since the last import: a word added, acronyms written out or left alone
        u = rng.random(len(baris))
        baris.loc[u < 0.04, "nama_inovasi"] = baris.loc[u < 0.04, "nama_inovasi"] + " Terpadu"
        baris.loc[(u >= 0.04) & (u < 0.07), "nama_inovasi"] = baris.loc[(u >= 0.04) & (u < 0.07), "akronim"]
    baris = baris.drop(columns="akronim").assign(lintang=-2.1, bujur=115.4, kematangan=55.0, tahapan="penerapan")
    return tulis_portal(beri_keanehan(baris, seed=seed), PEMDA)


def main() -> None:
    ensure_demo_db(db_path())
    rng = np.random.default_rng(20261201)
    ada, _ = riwayat(rng)
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "iid.duckdb"
        shutil.copy(db_path(), salinan)
        os.environ["DASBOR_DB"] = str(salinan)  # simpan() writes through the writer lock of $DASBOR_DB
        mulai = time.perf_counter()
        for i, tahun in enumerate(TAHUN[:-1]):
            isi = _berkas(rng, ada[ada["tahun"] == tahun], i, sunting=False)
            with terbitan.penulis(salinan) as db:
                periksa = impor.check_import(db, isi, tahun, f"portal-{tahun}.xlsx")
            assert periksa.sah, periksa.masalah[:3]
            impor.simpan(periksa, "benchmark", periksa.sha256)
        print(f"riwayat {len(TAHUN) - 1} tahun diimpor dalam {time.perf_counter() - mulai:.1f} s")

        tahun = TAHUN[-1]
        isi = _berkas(rng, ada[ada["tahun"] == tahun], 9, sunting=True)
        db = Database(salinan)
        mulai = time.perf_counter()
        periksa = impor.check_import(db, isi, tahun, f"portal-{tahun}.xlsx")
        pratinjau = impor.preview(db, periksa)
        t_periksa = time.perf_counter() - mulai
        buku = read_portal(isi)
        sejarah = db.query("impor_cocok_ada", {"kode_wilayah": KODE, "tahun": tahun})
        mulai = time.perf_counter()
        cocokkan(buku.baris, sejarah, tahun=tahun)
        t_cocok = time.perf_counter() - mulai
        db.close()
        mulai = time.perf_counter()
        impor.simpan(periksa, "benchmark", periksa.sha256)
        t_simpan = time.perf_counter() - mulai

    r = pratinjau.ringkasan.iloc[0]
    print(
        f"berkas {len(buku.baris)} baris; riwayat {len(sejarah)} baris dalam {sejarah['tahun'].nunique()} tahun; "
        f"{r['inovasi_baru']} baru, {r['inovasi_berubah']} berubah, {r['inovasi_tetap']} tetap, "
        f"{r['inovasi_dihapus']} keluar; {len(periksa.ragu)} pasangan ragu"
    )
    print(f"periksa + pratinjau {t_periksa:.2f} s (sasaran ≤ 5 s)")
    print(f"simpan + terbitkan {t_simpan:.2f} s (sasaran ≤ 10 s)")
    print(f"pencocokan {t_cocok:.3f} s (sasaran ≤ 1 s)")
    print(f"beban mesin (1 menit) {os.getloadavg()[0]:.1f} pada {os.cpu_count()} inti")


if __name__ == "__main__":
    main()
