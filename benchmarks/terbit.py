"""Results computed at publish (issue 25 §4): how long a publish takes, and how soon a new worker answers its first
visitor, for Kalsel and at national scale, side by side on this machine.

    .venv/bin/python benchmarks/terbit.py [--nasional PATH] [--ulang 3]

Builds the Kalsel demo in a temporary folder (as `python -m dasbor demo` does) and a national database from it:
every region of the national reference (38 provinsi, 416 kabupaten, 98 kota) given the data of a Kalsel region of
its kind under new ids, about 39 000 innovations a year over the demo's five years. `--nasional` uses a copy of a
national database built otherwise instead (`python -m dasbor demo` with the national scope). Then, per scale:
- publish: every year computed (a restore, a demo build, new code), one year changed (an import of one
  region-year), nothing changed; with the seconds spent computing the stored results;
- serving during a publish: Ringkasan opened again and again on a running worker while every year is recomputed
  (the worker answers from the previous copy);
- the Ringkasan's scores read as stored against computed by the services, as each worker did before, and the
  page's map figure built for that many kab/kota;
- worker start to first visitor: `python -m dasbor.serve --proses 1`, then one websocket visitor opening Ringkasan
  as a shared link does: seconds from the start to the health check and to that visit's script_finished; then the
  other results pages, each a first visit in that worker, and Ringkasan again;
and, as the floor, an empty Streamlit page (benchmarks/kosong.py) from its start to its first visitor.
Targets (issue 25 §4): a full national publish ≤ 60 s; the first visitor answered within 5 s of a worker's start
at national scale. The machine is shared: the load (/proc/loadavg, 1 minute) is printed beside each figure.
Figures are printed, nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.halaman import _detik  # noqa: E402
from dasbor.db import terbitan  # noqa: E402
from dasbor.demo.generator import SEED  # noqa: E402
from dasbor.demo.lewat_portal import bangun_demo  # noqa: E402
from dasbor.lingkup import NASIONAL, referensi  # noqa: E402
from dasbor.services import hasil, skor  # noqa: E402
from dasbor.services import peta as batas_peta  # noqa: E402
from dasbor.services.db import database  # noqa: E402
from dasbor.visual import peta as visual_peta  # noqa: E402
from penguji.kunjungan_ws import kunjungi  # noqa: E402
from penguji.server_lokal import start_server, stop_server  # noqa: E402

TARGET_TERBIT_NASIONAL = 60.0
TARGET_PENGUNJUNG_PERTAMA = 5.0
BATAS_DETIK = 300
# The first visits of a fresh worker: Ringkasan (the page at /), then the other results pages.
HALAMAN_PERTAMA = ("", "peringkat", "tren", "bandingkan", "profil")


def beban() -> str:
    return "beban " + _detik(float(Path("/proc/loadavg").read_text().split()[0]))


def bangun_nasional(demo: Path, tujuan: Path) -> None:
    """Every region of the national reference with the data of a demo region of its kind (itself for the demo's
    own regions), under ids suffixed with its code; published with its stored results."""
    shutil.copy(demo, tujuan)
    with terbitan.penulis(tujuan, paksa=True) as db, db.transaction() as cur:
        contoh = cur.execute("SELECT kode_wilayah, jenis FROM wilayah ORDER BY kode_wilayah").fetchall()
        kode_contoh = {k for k, _ in contoh}
        provinsi = next(k for k, j in contoh if j == "provinsi")
        kabkota = [k for k, j in contoh if j != "provinsi"]
        peta = pd.DataFrame(
            [
                (
                    w.kode_wilayah,
                    w.nama_wilayah,
                    w.jenis,
                    w.kode_provinsi,
                    w.kode_wilayah
                    if w.kode_wilayah in kode_contoh
                    else provinsi
                    if w.jenis == "provinsi"
                    else kabkota[i % len(kabkota)],
                )
                for i, w in enumerate(referensi())
            ],
            columns=["kode_wilayah", "nama_wilayah", "jenis", "kode_provinsi", "contoh"],
        )
        cur.register("peta", peta)
        cur.execute(
            "CREATE TEMP TABLE baru AS SELECT p.*, c.lat, c.lng, c.luas_km2, "
            "CASE WHEN p.kode_wilayah = p.contoh THEN '' ELSE '@' || p.kode_wilayah END AS akhiran "
            "FROM peta p JOIN wilayah c ON c.kode_wilayah = p.contoh"
        )
        cur.execute("DELETE FROM wilayah")
        cur.execute("INSERT INTO wilayah BY NAME SELECT * EXCLUDE (contoh, akhiran) FROM baru")
        cur.execute(
            "INSERT INTO perangkat_daerah BY NAME SELECT p.* REPLACE (p.id_perangkat_daerah || b.akhiran AS "
            "id_perangkat_daerah, b.kode_wilayah AS kode_wilayah) FROM perangkat_daerah p "
            "JOIN baru b ON p.kode_wilayah = b.contoh WHERE b.akhiran <> ''"
        )
        cur.execute(
            "CREATE TEMP TABLE inovasi_baru AS SELECT i.* REPLACE (i.id_inovasi || b.akhiran AS id_inovasi, "
            "b.kode_wilayah AS kode_wilayah, i.id_perangkat_daerah || b.akhiran AS id_perangkat_daerah), "
            "i.id_inovasi AS id_contoh FROM inovasi i JOIN baru b ON i.kode_wilayah = b.contoh WHERE b.akhiran <> ''"
        )
        cur.execute(
            "INSERT INTO jawaban_sid BY NAME SELECT j.* REPLACE (n.id_inovasi AS id_inovasi) FROM jawaban_sid j "
            "JOIN inovasi_baru n ON j.id_inovasi = n.id_contoh AND j.tahun = n.tahun"
        )
        cur.execute("INSERT INTO inovasi BY NAME SELECT * EXCLUDE (id_contoh) FROM inovasi_baru")
        cur.execute(
            "INSERT INTO jawaban_spd BY NAME SELECT s.* REPLACE (b.kode_wilayah AS kode_wilayah) FROM jawaban_spd s "
            "JOIN baru b ON s.kode_wilayah = b.contoh WHERE b.akhiran <> ''"
        )


def _terbit(path: Path, ubah: Callable[[duckdb.DuckDBPyConnection], None]) -> tuple[float, float]:
    """Seconds of a publish whose writer block runs `ubah(cur)`, and of computing its stored results."""
    mulai = time.perf_counter()
    with terbitan.penulis(path, paksa=True) as db, db.transaction() as cur:
        ubah(cur)
    detik = time.perf_counter() - mulai
    hasil_tahun = terbitan.kini(path).db.query("hasil_terbit_tahun")
    baru = hasil_tahun[hasil_tahun["dihitung_pada"] >= hasil_tahun["dihitung_pada"].max()]
    return detik, float(baru["detik"].sum())


def _semua_tahun(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute("DELETE FROM hasil_terbit_tahun")  # every year stale: as after a restore or new code


def _satu_tahun(cur: duckdb.DuckDBPyConnection) -> None:
    """One claimed SPD level of the latest year changed back and forth, as an import of one region-year does."""
    kunci = cur.execute(
        "SELECT tahun, kode_wilayah, kode_indikator FROM jawaban_spd WHERE level_klaim IS NOT NULL "
        "AND tahun = (SELECT max(tahun) FROM periode) ORDER BY ALL LIMIT 1"
    ).fetchone()
    cur.execute(
        "UPDATE jawaban_spd SET level_klaim = CASE WHEN level_klaim = 3 THEN 2 ELSE 3 END "
        "WHERE tahun = ? AND kode_wilayah = ? AND kode_indikator = ?",
        list(kunci),
    )


def ukur_terbit(path: Path, ulang: int) -> None:
    for nama, ubah in (("semua tahun dihitung", _semua_tahun), ("satu tahun berubah", _satu_tahun)):
        hasil_ukur = []
        for _ in range(ulang):
            detik, hitung = _terbit(path, ubah)
            hasil_ukur.append((detik, hitung, beban()))
        median = statistics.median(d for d, _, _ in hasil_ukur)
        rincian = "; ".join(f"{_detik(d)} s (hitung {_detik(h)} s, {b})" for d, h, b in hasil_ukur)
        print(f"  terbit, {nama:<22} median {_detik(median):>6} s   [{rincian}]")
    mulai = time.perf_counter()
    with terbitan.penulis(path):
        pass
    print(f"  terbit, tanpa perubahan        {_detik(time.perf_counter() - mulai):>6} s   ({beban()}; tidak terbit)")


def ukur_layan_saat_terbit(path: Path, env: dict[str, str], tahun: int) -> None:
    """Ringkasan visited again and again on a running worker while another process's publish recomputes every year."""
    proses, url = start_server(path, extra_env=env)
    try:
        asyncio.run(kunjungi(url, "", f"tahun={tahun}", batas_detik=BATAS_DETIK))
        selesai = threading.Event()
        durasi: list[float] = []

        def terbitkan() -> None:
            mulai = time.perf_counter()
            _terbit(path, _semua_tahun)
            durasi.append(time.perf_counter() - mulai)
            selesai.set()

        async def kunjungan() -> list:
            hasil_kunjungan = []
            while not selesai.is_set():
                hasil_kunjungan.append(await kunjungi(url, "", f"tahun={tahun}", batas_detik=BATAS_DETIK))
            return hasil_kunjungan

        penerbit = threading.Thread(target=terbitkan)
        penerbit.start()
        kunjungan_saat = asyncio.run(kunjungan())
        penerbit.join()
        berhasil = [k.detik for k in kunjungan_saat if k.berhasil]
        print(
            f"  Ringkasan saat terbit ({_detik(durasi[0])} s): {len(berhasil)} dari {len(kunjungan_saat)} kunjungan "
            f"terjawab, median {_detik(statistics.median(berhasil))} s, maks {_detik(max(berhasil))} s ({beban()})"
        )
    finally:
        stop_server(proses)


def ukur_mulai(path: Path, env: dict[str, str], tahun: int, ulang: int) -> None:
    """From a worker's start to its first visitor's page (Ringkasan, as a shared link opens it), with the results
    the copy stores; then the other results pages, each for the first time in that worker, and Ringkasan again."""
    for _ in range(ulang):
        beban_awal = beban()
        mulai = time.perf_counter()
        proses, url = start_server(path, extra_env=env, panaskan=True)
        sehat = time.perf_counter() - mulai
        try:
            kunjungan = []
            for jalur in HALAMAN_PERTAMA:
                kunjungan.append(asyncio.run(kunjungi(url, jalur, f"tahun={tahun}", batas_detik=BATAS_DETIK)))
                if len(kunjungan) == 1:
                    total = time.perf_counter() - mulai
            lagi = asyncio.run(kunjungi(url, "", f"tahun={tahun}", batas_detik=BATAS_DETIK))
        finally:
            stop_server(proses)
        teks = [
            f"{jalur or 'ringkasan'} {_detik(k.detik) if k.berhasil else 'GAGAL (' + str(k.galat) + ')'}"
            for jalur, k in zip(HALAMAN_PERTAMA, kunjungan, strict=True)
        ]
        print(
            f"  pekerja mulai → sehat {_detik(sehat)} s → Ringkasan terjawab {_detik(total)} s sejak mulai; "
            f"pertama kali per halaman (s): {', '.join(teks)}; Ringkasan lagi {_detik(lagi.detik or 0)} s "
            f"({beban_awal} → {beban()})"
        )


def ukur_kosong(path: Path, ulang: int) -> None:
    """The floor: an empty Streamlit page (benchmarks/kosong.py), from its start to its first visitor."""
    for _ in range(ulang):
        beban_awal = beban()
        mulai = time.perf_counter()
        proses, url = start_server(path, script=str(ROOT / "benchmarks" / "kosong.py"))
        sehat = time.perf_counter() - mulai
        try:
            k = asyncio.run(kunjungi(url, batas_detik=BATAS_DETIK))
            total = time.perf_counter() - mulai
        finally:
            stop_server(proses)
        print(
            f"  halaman kosong: mulai → sehat {_detik(sehat)} s → terjawab {_detik(total)} s sejak mulai "
            f"(kunjungan {_detik(k.detik or 0)} s; {beban_awal} → {beban()})"
        )


def ukur_hitung_sendiri(path: Path, env: dict[str, str], tahun: int) -> None:
    """The Ringkasan's scores (the year and the one before, both bases' trend) read as stored, and computed as each
    worker did before results were stored."""
    lama = {k: os.environ.get(k) for k in ("DASBOR_DB", *env)}
    os.environ.update({"DASBOR_DB": str(path), **env})
    try:
        db = database()
        tahun_ada = skor.daftar_tahun()
        for nama, baca in (("dibaca dari terbitan", skor.nilai_tahun), ("dihitung pekerja", skor.hitung_skor_tahun)):
            mulai = time.perf_counter()
            for t in tahun_ada:
                baca(db, t, "terverifikasi")
            detik = time.perf_counter() - mulai
            print(f"  skor {len(tahun_ada)} tahun untuk Ringkasan, {nama:<21} {_detik(detik, 3):>7} s ({beban()})")
        mulai = time.perf_counter()
        hasil.ringkasan(tahun, "terverifikasi")
        print(f"  hasil.ringkasan {tahun} (dari skor tersimpan)          {_detik(time.perf_counter() - mulai, 3):>7} s")
        mulai = time.perf_counter()
        kabkota = hasil.peringkat_kabkota_berlokasi(tahun, "terverifikasi")
        visual_peta.peta_predikat(kabkota, batas_peta.batas_wilayah(frozenset(kabkota["kode_wilayah"])), "peta")
        detik = _detik(time.perf_counter() - mulai, 3)
        print(f"  peta Ringkasan, {len(kabkota)} kab/kota (figur Plotly)        {detik:>7} s ({beban()})")
    finally:
        terbitan.tutup_semua()
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def ukuran(path: Path) -> str:
    t = terbitan.kini(path)
    n = int(t.db.query("stempel_data").at[0, "n_inovasi"])
    return (
        f"{len(t.db.query('wilayah'))} wilayah, {len(t.db.query('periode'))} tahun, {n:_} inovasi, "
        f"berkas {path.stat().st_size / 2**20:_.0f} MB"
    ).replace("_", ".")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nasional", type=Path, help="basis data nasional yang sudah dibangun (disalin)")
    parser.add_argument("--ulang", type=int, default=3, help="pengukuran per angka")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-terbit-") as tmp:
        kalsel = Path(tmp) / "kalsel" / "iid.duckdb"
        kalsel.parent.mkdir()
        mulai, b = time.perf_counter(), beban()
        bangun_demo(kalsel, SEED)
        print(f"Kalsel: demo dibangun dan diterbitkan dalam {_detik(time.perf_counter() - mulai)} s ({b})")
        nasional = Path(tmp) / "nasional" / "iid.duckdb"
        nasional.parent.mkdir()
        mulai, b = time.perf_counter(), beban()
        if args.nasional:
            shutil.copy(args.nasional, nasional)
            with terbitan.penulis(nasional, paksa=True):
                pass
            asal = f"salinan {args.nasional}"
        else:
            bangun_nasional(kalsel, nasional)
            asal = "tiruan data Kalsel per wilayah"
        print(f"Nasional ({asal}): dibangun dan diterbitkan dalam {_detik(time.perf_counter() - mulai)} s ({b})")
        for nama, path, env in (
            ("Kalsel", kalsel, {"DASBOR_LINGKUP": "63"}),
            ("Nasional", nasional, {"DASBOR_LINGKUP": NASIONAL}),
        ):
            tahun = max(terbitan.kini(path).db.query("periode")["tahun"])
            print(f"\n{nama}: {ukuran(path)}")
            ukur_terbit(path, args.ulang)
            ukur_hitung_sendiri(path, env, tahun)
            ukur_layan_saat_terbit(path, env, tahun)
            ukur_mulai(path, env, tahun, args.ulang)
            terbitan.tutup_semua()
        print("\nDasar yang sama, di menit yang sama:")
        ukur_kosong(kalsel, args.ulang)
    print(
        f"\nTarget: terbit nasional (semua tahun) ≤ {_detik(TARGET_TERBIT_NASIONAL, 0)} s; pengunjung pertama "
        f"terjawab ≤ {_detik(TARGET_PENGUNJUNG_PERTAMA, 0)} s sejak pekerja mulai (nasional)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
