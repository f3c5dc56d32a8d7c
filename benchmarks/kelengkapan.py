"""Benchmark of the Kelengkapan work: per-year precompute, exports, a portal-only region at real scale (700 rows,
300 perangkat daerah: gaps and prices, the whole year, the worklist workbook), and the three pages in AppTest
(on that portal region).

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
from dasbor.services.skor import data_dinilai, data_penilaian, metodologi_tahun  # noqa: E402
from dasbor.ui import data as cache  # noqa: E402
from penguji.wilayah_portal import tulis_wilayah_portal  # noqa: E402

ULANG = 3
PORTAL = ("63.09", 700, 300)  # Kabupaten Tabalong replaced by a portal-only region: rows, perangkat daerah


def portal(salinan: Path, tahun: int) -> None:
    """Gaps and prices of a portal-only region (target ≤ 1 s) and its worklist written (target ≤ 10 s)."""
    kode, n, n_pd = PORTAL
    tulis_wilayah_portal(salinan, kode, tahun, n, n_pd)
    db = Database(salinan, read_only=True)
    m = metodologi_tahun(db, tahun)
    data = data_penilaian(db, tahun).bagian_wilayah(kode)

    def celah_wilayah() -> object:
        dihitung = kel.lengkapi_wajib(data_dinilai(data, m, tahun)[0], m)
        return kel.jalan_tercepat(dihitung, kel.hitung_celah(dihitung, m, tahun), m)

    hasil = kel.hitung_kelengkapan(db, tahun)
    celah = hasil.celah[hasil.celah["kode_wilayah"] == kode]
    sekali = waktu(celah_wilayah)
    tahun_penuh = waktu(lambda: kel.hitung_kelengkapan(db, tahun))
    xlsx = waktu(lambda: daftar_kerja.ekspor_xlsx(hasil, kode, date.today()))
    lembar = len(daftar_kerja.lembar_kerja(hasil, kode, date.today()))
    db.close()
    print(f"\nWilayah portal {kode} {tahun}: {n} inovasi, {n_pd} perangkat daerah, tanpa jawaban dan SPD")
    print(f"  celah dan nilainya (satu wilayah): {sekali:.2f} s (sasaran ≤ 1 s); {len(celah)} celah")
    print(f"  hitung_kelengkapan seluruh tahun (14 wilayah): {tahun_penuh:.2f} s")
    print(f"  daftar kerja Excel ditulis: {xlsx:.2f} s (sasaran ≤ 10 s), {lembar} lembar")
    print(f"  beban mesin (1 menit) {os.getloadavg()[0]:.1f} pada {os.cpu_count()} inti")
    print("  jenis celah: " + ", ".join(f"{j} {c}" for j, c in celah["jenis_celah"].value_counts().items()))


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
        portal(salinan, tahun[-1])

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
