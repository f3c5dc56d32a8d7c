"""How fast is scoring.hitung_skor at national scale? Run: .venv/bin/python benchmarks/skor.py

Builds a seeded synthetic dataset in memory (548 pemda × 5 years 2021–2025 × ~60 innovations × 20 SID answers
≈ 3.3M answer rows, plus SPD rows), writes it to a temporary DuckDB file shaped like the app's tables (deleted
on exit, never committed), reads each year back as the dashboard would, and prints from one run:
- hitung_skor over every year, each with metodologi_untuk_tahun(tahun): median of several runs;
- the naive reference (scoring/reference.py), extrapolated from a sample of pemda when a full run would be long;
- a bare DuckDB GROUP BY (Σ level_klaim × bobot per innovation) over the same SID rows.
Targets are printed next to the figures, not asserted: machines differ.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from scoring import DataPenilaian, hitung_skor, metodologi_untuk_tahun  # noqa: E402
from scoring.model import STATUS_BUKTI, STATUS_INOVASI  # noqa: E402
from scoring.reference import hitung_skor_referensi  # noqa: E402

SEED = 20260501
PEMDA = 548
TAHUN = range(2021, 2026)
INOVASI_PER_PEMDA = (30, 90)  # uniform, mean 60
URUSAN = (
    *metodologi_untuk_tahun(2026).syarat_yandas.urusan,
    *(f"urusan lain {i}" for i in range(10)),
)
RUNS = 7
SAMPEL_PEMDA = 40
BATAS_NAIF_DETIK = 60
TARGET_KITA_DETIK = 0.5
TARGET_NAIF_KALI = 30
TARGET_POLOS_KALI = 3


def _jawaban(rng: np.random.Generator, n: int, kode: np.ndarray, per: int) -> dict[str, np.ndarray]:
    """`per` answers for each of `n` owners; 10 % of claims empty, 40 % of answers verified (at most the claim)."""
    klaim = rng.integers(0, 4, n * per).astype(float)
    klaim[rng.random(n * per) < 0.1] = np.nan
    verifikasi = np.floor(rng.random(n * per) * (np.nan_to_num(klaim) + 1))
    verifikasi[rng.random(n * per) < 0.6] = np.nan
    return {
        "kode_indikator": np.tile(kode, n),
        "level_klaim": klaim,
        "status_bukti": rng.choice(STATUS_BUKTI, n * per, p=[0.7, 0.15, 0.1, 0.05]),
        "level_verifikasi": verifikasi,
    }


def build_dataset(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """inovasi (with tahun), jawaban_sid, jawaban_spd (with tahun) for every pemda and year."""
    rng = np.random.default_rng(seed)
    m = metodologi_untuk_tahun(max(TAHUN))
    kode_sid = np.array([i.kode for i in m.indikator_aspek("SID")])
    kode_spd = np.array([i.kode for i in m.indikator_aspek("SPD")])
    pemda = np.array([f"{11 + p // 25:02d}.{p % 25 + 1:02d}" for p in range(PEMDA)])
    tahun = np.repeat(np.array(TAHUN), PEMDA)
    wilayah = np.tile(pemda, len(TAHUN))
    banyak = rng.integers(INOVASI_PER_PEMDA[0], INOVASI_PER_PEMDA[1] + 1, len(wilayah))
    tahun_inovasi, wilayah_inovasi = np.repeat(tahun, banyak), np.repeat(wilayah, banyak)
    urutan = np.arange(banyak.sum()) - np.repeat(np.cumsum(banyak) - banyak, banyak)
    inovasi = pd.DataFrame(
        {
            "tahun": tahun_inovasi,
            "kode_wilayah": wilayah_inovasi,
            "id_inovasi": [f"{t}-{w}-{j:03d}" for t, w, j in zip(tahun_inovasi, wilayah_inovasi, urutan, strict=True)],
            "status_inovasi": rng.choice(STATUS_INOVASI, len(urutan), p=[0.05, 0.35, 0.5, 0.1]),
            "urusan_utama": rng.choice(URUSAN, len(urutan)),
        }
    )
    sid = pd.DataFrame(
        {"id_inovasi": np.repeat(inovasi["id_inovasi"].to_numpy(), len(kode_sid))}
        | _jawaban(rng, len(inovasi), kode_sid, len(kode_sid))
    )
    spd = pd.DataFrame(
        {"kode_wilayah": np.repeat(wilayah, len(kode_spd)), "tahun": np.repeat(tahun, len(kode_spd))}
        | _jawaban(rng, len(wilayah), kode_spd, len(kode_spd))
    )
    return inovasi, sid, spd


SKEMA = """
CREATE TABLE inovasi (id_inovasi TEXT PRIMARY KEY, tahun INTEGER NOT NULL, kode_wilayah TEXT NOT NULL,
                      status_inovasi TEXT NOT NULL, urusan_utama TEXT);
CREATE TABLE jawaban_sid (id_inovasi TEXT NOT NULL, kode_indikator TEXT NOT NULL, level_klaim TINYINT,
                          status_bukti TEXT NOT NULL, level_verifikasi TINYINT);
CREATE TABLE jawaban_spd (kode_wilayah TEXT NOT NULL, tahun INTEGER NOT NULL, kode_indikator TEXT NOT NULL,
                          level_klaim TINYINT, status_bukti TEXT NOT NULL, level_verifikasi TINYINT);
CREATE TABLE bobot (kode_indikator TEXT PRIMARY KEY, bobot DOUBLE NOT NULL);
"""


def write_duckdb(path: Path, inovasi: pd.DataFrame, sid: pd.DataFrame, spd: pd.DataFrame) -> None:
    bobot = pd.DataFrame(
        [(i.kode, i.bobot) for i in metodologi_untuk_tahun(max(TAHUN)).indikator_aspek("SID")],
        columns=["kode_indikator", "bobot"],
    )
    with duckdb.connect(str(path)) as con:
        con.execute(SKEMA)
        for tabel, frame in {"inovasi": inovasi, "jawaban_sid": sid, "jawaban_spd": spd, "bobot": bobot}.items():
            con.register("baru", frame)
            con.execute(f"INSERT INTO {tabel} BY NAME SELECT * FROM baru")
            con.unregister("baru")


def read_tahun(con: duckdb.DuckDBPyConnection, tahun: int) -> DataPenilaian:
    """One assessment year as the dashboard reads it."""
    return DataPenilaian(
        inovasi=con.execute(
            "SELECT kode_wilayah, id_inovasi, status_inovasi, urusan_utama FROM inovasi WHERE tahun = ?", [tahun]
        ).df(),
        jawaban_sid=con.execute(
            "SELECT j.id_inovasi, kode_indikator, level_klaim, status_bukti, level_verifikasi "
            "FROM jawaban_sid j JOIN inovasi i USING (id_inovasi) WHERE i.tahun = ?",
            [tahun],
        ).df(),
        jawaban_spd=con.execute(
            "SELECT kode_wilayah, kode_indikator, level_klaim, status_bukti, level_verifikasi "
            "FROM jawaban_spd WHERE tahun = ?",
            [tahun],
        ).df(),
    )


def median_detik(fungsi: Callable[[], object], runs: int = RUNS) -> float:
    waktu = []
    for _ in range(runs):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def sampel(data: DataPenilaian, pemda: set[str]) -> DataPenilaian:
    inovasi = data.inovasi[data.inovasi["kode_wilayah"].isin(pemda)]
    return DataPenilaian(
        inovasi=inovasi,
        jawaban_sid=data.jawaban_sid[data.jawaban_sid["id_inovasi"].isin(inovasi["id_inovasi"])],
        jawaban_spd=data.jawaban_spd[data.jawaban_spd["kode_wilayah"].isin(pemda)],
    )


def semua_tahun(hitung: Callable[..., pd.DataFrame], per_tahun: dict[int, DataPenilaian]) -> list[pd.DataFrame]:
    return [hitung(data, metodologi_untuk_tahun(tahun)) for tahun, data in per_tahun.items()]


def ukur_naif(per_tahun: dict[int, DataPenilaian], baris: int) -> tuple[float, str, bool]:
    """Seconds of the naive reference over everything, how they were obtained, and whether its IID agrees.

    A sample of pemda is timed first; the full run only happens when the linear extrapolation stays short.
    """
    semua_pemda = sorted(set().union(*(d.jawaban_spd["kode_wilayah"] for d in per_tahun.values())))
    pilihan = set(np.random.default_rng(SEED).choice(semua_pemda, SAMPEL_PEMDA, replace=False))
    per_tahun_sampel = {t: sampel(d, pilihan) for t, d in per_tahun.items()}
    baris_sampel = sum(len(d.jawaban_sid) + len(d.jawaban_spd) for d in per_tahun_sampel.values())
    mulai = time.perf_counter()
    naif = semua_tahun(hitung_skor_referensi, per_tahun_sampel)
    detik = (time.perf_counter() - mulai) * baris / baris_sampel
    cara = f"diekstrapolasi linear dari {len(pilihan)} pemda, {baris_sampel:,} baris"
    cocok = all(
        np.array_equal(n["iid"], k["iid"])
        for n, k in zip(naif, semua_tahun(hitung_skor, per_tahun_sampel), strict=True)
    )
    if detik <= BATAS_NAIF_DETIK:
        mulai = time.perf_counter()
        semua_tahun(hitung_skor_referensi, per_tahun)
        detik, cara = time.perf_counter() - mulai, "diukur penuh, satu kali"
    return detik, cara, cocok


def main() -> None:
    mulai = time.perf_counter()
    inovasi, sid, spd = build_dataset()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "skor.duckdb"
        write_duckdb(path, inovasi, sid, spd)
        with duckdb.connect(str(path), read_only=True) as con:
            per_tahun = {t: read_tahun(con, t) for t in TAHUN}
            thread = con.execute("SELECT current_setting('threads')").fetchone()[0]
            polos = median_detik(
                lambda: con.execute(
                    "SELECT id_inovasi, SUM(level_klaim * bobot) AS kematangan "
                    "FROM jawaban_sid JOIN bobot USING (kode_indikator) GROUP BY id_inovasi"
                ).df()
            )
            ukuran_mb = path.stat().st_size / 1e6
    persiapan = time.perf_counter() - mulai
    kita = median_detik(lambda: semua_tahun(hitung_skor, per_tahun))
    baris = len(sid) + len(spd)
    naif, cara_naif, cocok = ukur_naif(per_tahun, baris)

    print(f"Data sintetis (seed {SEED}): {PEMDA} pemda × {len(TAHUN)} tahun, {len(inovasi):,} inovasi")
    print(f"  baris jawaban: {len(sid):,} SID + {len(spd):,} SPD = {baris:,}")
    print(f"  berkas DuckDB sementara {ukuran_mb:.0f} MB, disiapkan dalam {persiapan:.1f} s")
    for label, detik, catatan in (
        ("hitung_skor, semua tahun", kita, f"median {RUNS} kali; target ≤ {TARGET_KITA_DETIK} s"),
        ("referensi naif", naif, f"{cara_naif}; IID sama dengan hitung_skor: {'ya' if cocok else 'TIDAK'}"),
        ("DuckDB GROUP BY polos", polos, f"median {RUNS} kali, {thread} thread; Σ level_klaim × bobot per inovasi"),
    ):
        print(f"{label:26} {detik:9.3f} s   {catatan}")
    print(f"{'naif ÷ hitung_skor':26} {naif / kita:9.1f} ×   target ≥ {TARGET_NAIF_KALI}×")
    print(f"{'hitung_skor ÷ polos':26} {kita / polos:9.1f} ×   target ≤ {TARGET_POLOS_KALI}×")


if __name__ == "__main__":
    main()
