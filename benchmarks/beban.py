"""A bimtek room at once: K simultaneous visitors over Streamlit's websocket, the app with N workers behind HAProxy
against an empty Streamlit page in one worker.

    python benchmarks/beban.py [--proses 2] [--k 1 13 65] [--ulang 3] [--nasional] [--profil]

The app starts as the README starts it (`python -m dasbor.serve --proses N`, HAProxy in front). The empty page
(benchmarks/kosong.py, one plain Streamlit process) runs twice: with Streamlit's defaults, as issue 9 measured it,
and with the dashboard's own `.streamlit/config.toml` (no file watcher, no post-run GC, no magic), which makes
every Streamlit page cheaper, the empty one included. Each visitor opens one page the way a browser does (BackMsg
rerun_script with page_name and query_string; nothing is drawn) and the time counted is from that message to the
page's `script_finished`. K = 1 opens every page of the mix one after another (`--ulang` times; the per-page
medians are printed too); larger K open the mix round-robin, all at once. Before measuring, every worker sees every
page once (a warm server, as after the first visitors). Prints median, p95 and maximum seconds, failures and
exception elements, and the targets of issue 9 against both empty pages: one warm visitor's page ≤ 2 × the empty
page; with 65 visitors and 2 workers, 0 failures, 0 exceptions and p95 ≤ 0,75 × the p95 of 65 visitors on the empty
page; and issue 25's: the room's p95 ≤ 5 × the p95 of the same visitors on the empty page served with the dashboard's
own settings. The mix is every page of the registry that only reads. With --nasional the same room then visits the national
rehearsal (built here, served with DASBOR_LINGKUP=nasional): target p95 ≤ 1,5 × Kalsel's. With --profil, one more
worker then shows where a warm view of each page of the mix spends its server time (benchmarks/profil_halaman.py:
CPU ms per view and its three largest costs). Loopback only; every wait is bounded. Figures are printed, nothing
is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import profil_halaman  # noqa: E402
from benchmarks.halaman import DIBACA, _db_demo, _detik, bangun_db, beban_mesin  # noqa: E402
from dasbor.lingkup import NASIONAL  # noqa: E402
from penguji.kunjungan_ws import Kunjungan, kunjungi  # noqa: E402
from penguji.server_lokal import start_server, stop_server  # noqa: E402

# Every page of the registry that only reads, by URL path ('' is Ringkasan), with the year filter a shared link
# carries (a page without a year filter ignores it).
CAMPURAN = [(h.jalur, "tahun=2024") for h in DIBACA]
KOSONG = [("", "")]
TARGET_RASIO = 0.75
TARGET_HALAMAN = 2.0
TARGET_NASIONAL = 1.5  # the rehearsal's p95 against Kalsel's, same K and workers (issue 25 §5)
TARGET_RUANG = 5.0  # the room's p95 against the empty page served with the dashboard's own settings (issue 25 §5)
KOSONG_KONFIG = "kosong konfig dasbor"
BATAS_DETIK = 300


async def _serentak(url: str, halaman: list[tuple[str, str]], k: int, ulang: int) -> list[Kunjungan]:
    if k == 1:
        return [
            await kunjungi(url, jalur, query, batas_detik=BATAS_DETIK) for _ in range(ulang) for jalur, query in halaman
        ]
    tugas = [kunjungi(url, *halaman[i % len(halaman)], batas_detik=BATAS_DETIK) for i in range(k)]
    return list(await asyncio.gather(*tugas))


async def _panaskan(url: str, halaman: list[tuple[str, str]], proses: int) -> None:
    """Every page once in every worker (the sticky cookie picks the worker), so caches are warm."""
    for nomor in range(1, proses + 1):
        cookie = f"DASBOR_PEKERJA={nomor}" if proses > 1 else None
        for jalur, query in halaman:
            await kunjungi(url, jalur, query, batas_detik=BATAS_DETIK, cookie=cookie)


def _p95(x: list[float]) -> float:
    return statistics.quantiles(x, n=20, method="inclusive")[18] if len(x) > 1 else x[0]


def _baris(nama: str, k: int, hasil: list[Kunjungan], dinding: float) -> float | None:
    detik = [h.detik for h in hasil if h.berhasil]
    gagal = sum(not h.berhasil for h in hasil)
    pengecualian = sum(h.pengecualian for h in hasil)
    p95 = _p95(detik) if detik else None
    angka = [_detik(x) for x in (statistics.median(detik), p95, max(detik))] if detik else ["–"] * 3
    print(f"{nama:<34}{k:>4}{angka[0]:>8}{angka[1]:>8}{angka[2]:>8}{gagal:>7}{pengecualian:>8}{_detik(dinding):>8}")
    if k > 1 and (per := Counter(h.pekerja for h in hasil if h.pekerja)):
        print("    per pekerja (cookie HAProxy): " + ", ".join(f"{n}: {per[n]}" for n in sorted(per)))
    for galat in sorted({h.galat for h in hasil if not h.berhasil}):
        print(f"    gagal ({sum(h.galat == galat for h in hasil)}×): {galat}")
    return p95 if gagal == 0 and pengecualian == 0 else None


@dataclass
class Ukuran:
    p95: dict[int, float | None]  # per K, None when a visit failed
    per_halaman: dict[str, float]  # one visitor at a time: median seconds per page


def _ukur(nama: str, url: str, halaman: list[tuple[str, str]], proses: int, ks: list[int], ulang: int) -> Ukuran:
    asyncio.run(_panaskan(url, halaman, proses))
    ukuran = Ukuran({}, {})
    for k in ks:
        mulai = time.perf_counter()
        hasil = asyncio.run(_serentak(url, halaman, k, ulang))
        ukuran.p95[k] = _baris(nama, k, hasil, time.perf_counter() - mulai)
        if k == 1:
            for jalur, _ in halaman:
                detik = [h.detik for h in hasil if h.halaman == jalur and h.berhasil]
                if detik:
                    ukuran.per_halaman[jalur or "ringkasan"] = statistics.median(detik)
    return ukuran


def _per_halaman(dasbor: Ukuran, kosong: dict[str, Ukuran]) -> None:
    """One warm visitor per page against each empty page (target ≤ 2 ×)."""
    dasar = {nama: u.per_halaman.get("ringkasan") for nama, u in kosong.items()}
    print("Satu pengunjung hangat per halaman (median detik; × = kelipatan halaman kosong; target ≤ 2 ×)")
    print(f"{'halaman':<14}{'detik':>8}" + "".join(f"{'× ' + nama:>22}" for nama in dasar))
    for halaman, detik in dasbor.per_halaman.items():
        kali = "".join(f"{_detik(detik / d) if d else '–':>22}" for d in dasar.values())
        print(f"{halaman:<14}{_detik(detik, 3):>8}{kali}")


def _target(dasbor: Ukuran, kosong: dict[str, Ukuran], k: int, proses: int) -> None:
    for nama, dasar in kosong.items() if k > 1 else ():
        if dasbor.p95.get(k) is None or dasar.p95.get(k) is None:
            print(f"Target ({k} pengunjung, vs {nama}): TIDAK — ada kegagalan atau pengecualian")
            continue
        rasio = dasbor.p95[k] / dasar.p95[k]
        print(
            f"Target ({k} pengunjung, {proses} pekerja, vs {nama}): p95 {_detik(dasbor.p95[k])} ≤ "
            f"{_detik(TARGET_RASIO)} × {_detik(dasar.p95[k])}? rasio {_detik(rasio)}: "
            + ("ya" if rasio <= TARGET_RASIO else "TIDAK")
        )
        if nama == KOSONG_KONFIG:
            print(
                f"Target ruang ({k} pengunjung, {proses} pekerja): p95 {_detik(rasio)} × halaman kosong berkonfigurasi "
                f"sama ≤ {_detik(TARGET_RUANG, 0)} ×? " + ("ya" if rasio <= TARGET_RUANG else "TIDAK")
            )
    for nama, dasar in kosong.items():
        d = dasar.per_halaman.get("ringkasan")
        if d and dasbor.per_halaman:
            terburuk = max(dasbor.per_halaman, key=dasbor.per_halaman.__getitem__)
            rasio = dasbor.per_halaman[terburuk] / d
            print(
                f"Target (satu pengunjung, vs {nama}): halaman terlama {terburuk} {_detik(rasio)} × ≤ "
                f"{_detik(TARGET_HALAMAN)} ×? " + ("ya" if rasio <= TARGET_HALAMAN else "TIDAK")
            )


def _ukur_campuran(nama: str, db: Path, env: dict[str, str], args: argparse.Namespace) -> Ukuran:
    """The room's page mix on the app served as the README starts it, with `args.proses` workers."""
    app, url = start_server(db, extra_env=env, proses=args.proses)
    try:
        return _ukur(f"{nama} campuran, {args.proses} pekerja", url, CAMPURAN, args.proses, args.k, args.ulang)
    finally:
        stop_server(app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proses", type=int, default=2, help="pekerja Streamlit dasbor di balik HAProxy")
    parser.add_argument("--k", type=int, nargs="+", default=[1, 13, 65], help="jumlah pengunjung serentak")
    parser.add_argument("--ulang", type=int, default=3, help="kunjungan per halaman pada K = 1 (median)")
    parser.add_argument(
        "--nasional", action="store_true", help="ukur juga gladi nasional (552 pemda) dengan campuran yang sama"
    )
    parser.add_argument(
        "--profil", action="store_true", help="rincian waktu server kunjungan hangat per halaman (satu pekerja)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-beban-") as tmp:
        db, _ = _db_demo(Path(tmp))  # with the Pemprov-scale portal region Kelengkapan is measured on
        polos = Path(tmp) / "polos"  # a folder without .streamlit/config.toml: Streamlit's defaults
        polos.mkdir()
        print("Detik sampai script_finished per kunjungan (websocket, tanpa menggambar); mesin bersama: angka kasar")
        print(f"{'Aplikasi':<34}{'K':>4}{'median':>8}{'p95':>8}{'maks':>8}{'gagal':>7}{'pengec.':>8}{'dinding':>8}")
        kosong: dict[str, Ukuran] = {}
        for nama, cwd in (("kosong bawaan", polos), (KOSONG_KONFIG, ROOT)):
            proc, url = start_server(db, script=str(ROOT / "benchmarks" / "kosong.py"), cwd=cwd)
            try:
                kosong[nama] = _ukur(f"{nama}, 1 proses", url, KOSONG, 1, args.k, args.ulang)
            finally:
                stop_server(proc)
        dasbor = _ukur_campuran("dasbor", db, {}, args)
        if args.nasional:
            db_nasional, detik = bangun_db(Path(tmp), NASIONAL)
            print(f"gladi nasional dibangun dan diterbitkan dalam {_detik(detik, 1)} s (beban {beban_mesin()})")
            nasional = _ukur_campuran("nasional", db_nasional, {"DASBOR_LINGKUP": NASIONAL}, args)
        if args.profil:
            profil = profil_halaman.profil(db, CAMPURAN, max(args.ulang, 3))
    print(f"beban mesin {beban_mesin()}")
    if args.profil:
        profil_halaman.cetak(profil, _detik)
    if 1 in args.k:
        _per_halaman(dasbor, kosong)
    _target(dasbor, kosong, max(args.k), args.proses)
    if args.nasional:
        k = max(args.k)
        if nasional.p95.get(k) is None or dasbor.p95.get(k) is None:
            print(f"Target nasional ({k} pengunjung): TIDAK — ada kegagalan atau pengecualian")
        else:
            rasio = nasional.p95[k] / dasbor.p95[k]
            print(
                f"Target nasional ({k} pengunjung, {args.proses} pekerja): p95 {_detik(nasional.p95[k])} ≤ "
                f"{_detik(TARGET_NASIONAL)} × Kalsel {_detik(dasbor.p95[k])}? rasio {_detik(rasio)}: "
                + ("ya" if rasio <= TARGET_NASIONAL else "TIDAK")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
