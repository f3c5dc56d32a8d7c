"""Benchmark of the Kelengkapan work: per-year precompute, exports, a portal-only region at real scale (700 rows,
300 perangkat daerah, penguji/wilayah_portal.SKALA_PEMPROV: gaps and prices, target ≤ 1 s; the whole year; the
worklist workbook, target ≤ 10 s), and the three pages in AppTest on that portal region, warm, beside an empty
Streamlit page (benchmarks/kosong.py; the same page in Chromium: benchmarks/halaman.py --hanya-kelengkapan).

    .venv/bin/python benchmarks/kelengkapan.py

Works on a private copy of the database ($DASBOR_DB or data/iid.duckdb, built from the demo generator when
absent), so a running dashboard is not disturbed. Wall time is given with the CPU time of this process and the
machine's load beside it: on a shared machine the wall time grows with the load, the CPU time much less. Prints
figures only; targets are judged by a person.
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
from penguji.wilayah_portal import SKALA_PEMPROV, tulis_wilayah_portal  # noqa: E402

ULANG = 3
ULANG_PORTAL = 7  # the targets' figures: more runs, as the machine's load comes and goes


def portal(salinan: Path, tahun: int) -> str:
    """Gaps and prices of a portal-only region (target ≤ 1 s) and its worklist written (target ≤ 10 s); the
    region's name."""
    kode, n, n_pd = SKALA_PEMPROV
    tulis_wilayah_portal(salinan, kode, tahun, n, n_pd)
    db = Database(salinan, read_only=True)
    m = metodologi_tahun(db, tahun)
    data = data_penilaian(db, tahun).bagian_wilayah(kode)

    def celah_wilayah() -> object:
        dihitung = kel.lengkapi_wajib(data_dinilai(data, m, tahun)[0], m)
        return kel.jalan_tercepat(dihitung, kel.hitung_celah(dihitung, m, tahun), m)

    hasil = kel.hitung_kelengkapan(db, tahun)
    celah = hasil.celah[hasil.celah["kode_wilayah"] == kode]
    print(f"\nWilayah portal {kode} {tahun}: {n} inovasi, {n_pd} perangkat daerah, tanpa jawaban dan SPD")
    print(f"  median dari {ULANG_PORTAL} kali: dinding (CPU proses ini), beban mesin 1 menit sesudahnya")
    sekali = waktu_cpu(celah_wilayah)
    print(f"  celah dan nilainya (satu wilayah): {sekali} (sasaran ≤ 1 s); {len(celah)} celah")
    tahun_penuh = waktu_cpu(lambda: kel.hitung_kelengkapan(db, tahun), ULANG)
    print(f"  hitung_kelengkapan seluruh tahun ({hasil.skor['kode_wilayah'].nunique()} wilayah): {tahun_penuh}")
    xlsx = waktu_cpu(lambda: daftar_kerja.ekspor_xlsx(hasil, kode, date.today()), ULANG)
    lembar = len(daftar_kerja.lembar_kerja(hasil, kode, date.today()))
    print(f"  daftar kerja Excel ditulis: {xlsx} (sasaran ≤ 10 s), {lembar} lembar")
    nama = hasil.skor.set_index("kode_wilayah").at[kode, "nama_wilayah"]
    db.close()
    print("  jenis celah: " + ", ".join(f"{j} {c}" for j, c in celah["jenis_celah"].value_counts().items()))
    return nama


def waktu(fungsi: Callable[[], object], ulang: int = ULANG) -> float:
    """Median wall time in seconds over `ulang` runs."""
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - t)
    return statistics.median(hasil)


def waktu_cpu(fungsi: Callable[[], object], ulang: int = ULANG_PORTAL) -> str:
    """Median wall and CPU time over `ulang` runs, and the machine's load, as printed."""
    dinding, cpu = [], []
    for _ in range(ulang):
        t, c = time.perf_counter(), time.process_time()
        fungsi()
        dinding.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return f"{statistics.median(dinding):.2f} s ({statistics.median(cpu):.2f} s CPU; {beban()})"


def beban() -> str:
    return f"beban {os.getloadavg()[0]:.1f} pada {os.cpu_count()} inti"


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
        nama = portal(salinan, tahun[-1])

        os.environ["DASBOR_DB"] = str(salinan)
        kosong = AppTest.from_file(str(ROOT / "benchmarks" / "kosong.py"), default_timeout=300)
        kosong.run()
        dasar = waktu(kosong.run, ULANG_PORTAL)
        print(f"\nHalaman di wilayah portal {nama} (AppTest, tanpa browser): run pertama termasuk menghitung cache;")
        print(f"run ulang (median dari {ULANG_PORTAL}) memakai cache, dibanding halaman kosong: {dasar * 1000:.1f} ms")
        print(f"{'halaman':<12} {'pertama (s)':>11} {'ulang (s)':>9} {'× kosong':>8}")
        for halaman, query in (
            ("kelengkapan", {"tahun": str(tahun[-1]), "wilayah": nama}),
            ("simulasi", {"tahun": str(tahun[-1]), "wilayah": nama, "skenario": "T:0:3,T:1:3"}),
            ("inovasi", {"tahun": str(tahun[-1]), "wilayah": nama}),
        ):
            cache.kosongkan()
            at = AppTest.from_file(str(ROOT / "pages" / f"{halaman}.py"), default_timeout=300)
            at.query_params.update(query)
            t = time.perf_counter()
            at.run()
            pertama = time.perf_counter() - t
            ulang = waktu(at.run, ULANG_PORTAL)
            if at.exception:
                raise SystemExit(f"halaman {halaman} gagal: {at.exception}")
            print(f"{halaman:<12} {pertama:>11.2f} {ulang:>9.2f} {ulang / dasar:>8.0f}")
        print(
            f"({beban()}. AppTest menjalankan skrip tanpa browser dan websocket, jadi halaman kosong di sini hanya "
            "beberapa milidetik; rasio terhadap halaman kosong yang dilihat pengguna: benchmarks/halaman.py)"
        )


if __name__ == "__main__":
    main()
