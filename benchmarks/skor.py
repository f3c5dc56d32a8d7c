"""How fast is scoring.hitung_skor at national scale, against a bare DuckDB aggregate of the same rows?

    .venv/bin/python benchmarks/skor.py [--db-kalsel FILE] [--db-nasional FILE]

Side by side on this machine: the Kalsel demo (13 kab/kota and the province × 2021–2025) and the national rehearsal
(`python -m dasbor demo --lingkup nasional`: 552 pemda × 2021–2026, about 4,3 million SID answers), each built
afresh in a temporary folder unless a built file is named. Each year is read as the dashboard reads it
(services.skor.data_penilaian, timed once); then, from one run each:
- hitung_skor over every year, each with its own rule version: median of several runs; beside it, the same on the
  answers' keys as text (as read before services.skor.kunci_kategori) and what that encoding costs the reader per
  year. Encoding is work moved, not removed, and it is printed for that reason, with the ratio were each read
  scored once and the scorings per read after which it has paid for itself; the comparison with DuckDB stays fair
  because the reader encodes once per read of a published snapshot while the same data is scored many times
  (every basis and rule version at publish, every surface's nilai_wilayah, Kelengkapan's prices);
- a bare DuckDB GROUP BY over the same SID rows of the same file (Σ level_klaim × bobot per innovation and year,
  each year's weights): median of several runs; the ratio's target is ≤ 1,5 × (issue 25 §5);
- the naive reference (scoring/reference.py), extrapolated from a sample of pemda when a full run would be long,
  and whether it gives the same IID.
The machine's load is printed beside the figures. Targets are printed, not asserted: machines differ.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from benchmarks.halaman import bangun_db, beban_mesin  # noqa: E402
from dasbor.db.connection import Database, buka  # noqa: E402
from dasbor.lingkup import NASIONAL  # noqa: E402
from dasbor.services.skor import data_penilaian, kunci_kategori, metodologi_tahun  # noqa: E402
from dasbor.visual.format import angka, bilangan  # noqa: E402
from scoring import DataPenilaian, Metodologi, hitung_skor  # noqa: E402
from scoring.reference import hitung_skor_referensi  # noqa: E402

RUNS = 7
SAMPEL_PEMDA = 40
BATAS_NAIF_DETIK = 60
TEKS = pd.StringDtype("pyarrow", na_value=np.nan)  # a text column as DuckDB gives it under pandas 3
TARGET_NAIF_KALI = 30
TARGET_POLOS_KALI = 1.5
# The bare aggregate: Σ level × bobot per innovation and year, over the SID answers with each year's weights.
POLOS = (
    "SELECT j.id_inovasi, j.tahun, SUM(j.level_klaim * b.bobot) AS kematangan "
    "FROM jawaban_sid j JOIN bobot b USING (tahun, kode_indikator) GROUP BY j.id_inovasi, j.tahun"
)


def median_detik(fungsi: Callable[[], object], runs: int = RUNS) -> float:
    waktu = []
    for _ in range(runs):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def _kunci_teks(sid: pd.DataFrame) -> pd.DataFrame:
    """The SID answers with their keys as text again, as the queries return them."""
    return sid.assign(**{k: sid[k].astype(TEKS) for k in ("id_inovasi", "kode_indikator", "status_bukti")})


def sampel(data: DataPenilaian, pemda: set[str]) -> DataPenilaian:
    inovasi = data.inovasi[data.inovasi["kode_wilayah"].isin(pemda)]
    return DataPenilaian(
        inovasi=inovasi,
        jawaban_sid=data.jawaban_sid[data.jawaban_sid["id_inovasi"].isin(inovasi["id_inovasi"])],
        jawaban_spd=data.jawaban_spd[data.jawaban_spd["kode_wilayah"].isin(pemda)],
    )


def semua_tahun(
    hitung: Callable[..., pd.DataFrame], per_tahun: dict[int, DataPenilaian], m: dict[int, Metodologi]
) -> list[pd.DataFrame]:
    return [hitung(data, m[tahun]) for tahun, data in per_tahun.items()]


def ukur_naif(per_tahun: dict[int, DataPenilaian], m: dict[int, Metodologi], baris: int) -> tuple[float, str, bool]:
    """Seconds of the naive reference over everything, how they were obtained, and whether its IID agrees.

    A sample of pemda is timed first; the full run only happens when the linear extrapolation stays short.
    """
    semua_pemda = sorted(set().union(*(d.inovasi["kode_wilayah"] for d in per_tahun.values())))
    pilihan = set(np.random.default_rng(0).choice(semua_pemda, min(SAMPEL_PEMDA, len(semua_pemda)), replace=False))
    per_tahun_sampel = {t: sampel(d, pilihan) for t, d in per_tahun.items()}
    baris_sampel = sum(len(d.jawaban_sid) + len(d.jawaban_spd) for d in per_tahun_sampel.values())
    mulai = time.perf_counter()
    naif = semua_tahun(hitung_skor_referensi, per_tahun_sampel, m)
    detik = (time.perf_counter() - mulai) * baris / baris_sampel
    cara = f"diekstrapolasi linear dari {len(pilihan)} pemda, {bilangan(baris_sampel)} baris"
    cocok = all(
        np.array_equal(n["iid"], k["iid"], equal_nan=True)
        for n, k in zip(naif, semua_tahun(hitung_skor, per_tahun_sampel, m), strict=True)
    )
    if detik <= BATAS_NAIF_DETIK:
        mulai = time.perf_counter()
        semua_tahun(hitung_skor_referensi, per_tahun, m)
        detik, cara = time.perf_counter() - mulai, "diukur penuh, satu kali"
    return detik, cara, cocok


def ukur(nama: str, path: Path) -> dict[str, float]:
    """The figures of one demo database (see the module), printed; returned for the side-by-side line."""
    db = Database(path, read_only=True)
    try:
        tahun = db.query("periode")["tahun"].astype(int).tolist()
        mulai = time.perf_counter()
        per_tahun = {t: data_penilaian(db, t) for t in tahun}
        baca = time.perf_counter() - mulai
        m = {t: metodologi_tahun(db, t) for t in tahun}
    finally:
        db.close()
    teks = {t: DataPenilaian(d.inovasi, _kunci_teks(d.jawaban_sid), d.jawaban_spd) for t, d in per_tahun.items()}
    pengodean = median_detik(lambda: [kunci_kategori(d.jawaban_sid, d.inovasi) for d in teks.values()])
    kita_teks = median_detik(lambda: semua_tahun(hitung_skor, teks, m))
    bobot = pd.DataFrame(
        [(t, i.kode, i.bobot) for t in tahun for i in m[t].indikator_aspek("SID")],
        columns=["tahun", "kode_indikator", "bobot"],
    )
    con = buka(path, read_only=True)
    try:
        con.register("bobot", bobot)
        thread = con.execute("SELECT current_setting('threads')").fetchone()[0]
        polos = median_detik(lambda: con.execute(POLOS).df())
    finally:
        con.close()
    kita = median_detik(lambda: semua_tahun(hitung_skor, per_tahun, m))
    sid = sum(len(d.jawaban_sid) for d in per_tahun.values())
    baris = sid + sum(len(d.jawaban_spd) for d in per_tahun.values())
    naif, cara_naif, cocok = ukur_naif(per_tahun, m, baris)
    inovasi = sum(len(d.inovasi) for d in per_tahun.values())
    print(
        f"{nama}: {len(tahun)} tahun, {bilangan(inovasi)} inovasi, {bilangan(sid)} jawaban SID, "
        f"{bilangan(baris - sid)} SPD (beban {beban_mesin()})"
    )
    for label, detik, catatan in (
        ("baca data_penilaian", baca, f"satu kali, semua tahun; {angka(baca / len(tahun), 3)} s per tahun"),
        (
            "  di antaranya pengodean",
            pengodean,
            f"kunci_kategori, median {RUNS} kali; {angka(pengodean / len(tahun), 3)} s per tahun",
        ),
        ("hitung_skor, semua tahun", kita, f"median {RUNS} kali, kunci kategori (seperti dibaca)"),
        ("hitung_skor, kunci teks", kita_teks, f"median {RUNS} kali, kunci jawaban SID sebagai teks"),
        ("DuckDB GROUP BY polos", polos, f"median {RUNS} kali, {thread} thread; Σ level_klaim × bobot per inovasi"),
        ("referensi naif", naif, f"{cara_naif}; IID sama dengan hitung_skor: {'ya' if cocok else 'TIDAK'}"),
    ):
        print(f"  {label:26} {angka(detik, 3):>9} s   {catatan}")
    print(f"  {'naif ÷ hitung_skor':26} {angka(naif / kita, 1):>9} ×   target ≥ {TARGET_NAIF_KALI} ×")
    print(
        f"  {'hitung_skor ÷ polos':26} {angka(kita / polos):>9} ×   target ≤ {angka(TARGET_POLOS_KALI, 1)} ×: "
        + ("ya" if kita / polos <= TARGET_POLOS_KALI else "TIDAK")
    )
    # What encoding costs when a read is scored only once, and after how many scorings it has paid for itself.
    impas = f"impas setelah {angka(pengodean / (kita_teks - kita), 1)} penilaian per baca" if kita_teks > kita else ""
    print(
        f"  {'(hitung_skor + pengodean)':26} {angka((kita + pengodean) / polos):>9} ×   polos, bila dinilai sekali; {impas}"
    )
    return {"kita": kita, "polos": polos, "baris": baris}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-kalsel", type=Path, help="basis data demo Kalsel yang sudah dibangun")
    parser.add_argument("--db-nasional", type=Path, help="basis data gladi nasional yang sudah dibangun")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-skor-") as tmp:
        hasil = {}
        for nama, kode, path in (("Kalsel", None, args.db_kalsel), ("nasional", NASIONAL, args.db_nasional)):
            if path is None:
                path, detik = bangun_db(Path(tmp), kode)
                print(
                    f"{nama}: basis data demo dibangun dan diterbitkan dalam {angka(detik, 1)} s (beban {beban_mesin()})"
                )
            hasil[nama] = ukur(nama, path)
    k, n = hasil["Kalsel"], hasil["nasional"]
    print(
        f"Berdampingan: nasional {bilangan(n['baris'] / k['baris'])} × baris Kalsel; hitung_skor "
        f"{bilangan(n['kita'] / k['kita'])} ×, polos {bilangan(n['polos'] / k['polos'])} × waktu Kalsel"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
