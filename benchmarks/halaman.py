"""Time until each dashboard page draws its first chart in headless Chromium, against an empty Streamlit page; and
with --nasional each page's settle time on the national rehearsal against Kalsel.

    python benchmarks/halaman.py [--ulang 5] [--hanya-kelengkapan] [--nasional]

One run starts two servers on the demo database (the dashboard, and benchmarks/kosong.py: one minimal chart),
opens every page in a fresh browser context (a new session, as a new visitor) and measures from navigation to the
first plotly chart with drawn traces ("grafik"), and to the end of the script run with every chart drawn
("selesai"). The first visit of each page fills the server caches and is reported apart ("dingin"); the median of
the following visits is compared with the targets: ≤ 1,5 s per page and ≤ 2 × the empty page. The Kelengkapan
page is opened on a portal-only region at Pemprov scale (penguji/wilayah_portal.py, SKALA_PEMPROV: 700 rows, 300
perangkat daerah) written into the benchmark's copy of the database. A second table times what an official does
most: switching pages in the sidebar of an open session (from the click to the new page's first drawn chart).
Figures are printed with the machine's load; nothing is asserted (targets are not tests).

--nasional (issue 25 §5) builds, on this machine and one after the other, the Kalsel demo and the national rehearsal
(`python -m dasbor demo --lingkup nasional`: 552 pemda × 2021–2026) and prints their build-and-publish times; then
serves each (the rehearsal with DASBOR_LINGKUP=nasional) and opens every page of the registry that only reads, in a
fresh browser context, until it has settled: its script run finished, no skeleton left and every chart drawn. First
visit ("dingin") and the median of the following ones, side by side, against the target: ≤ 2 × Kalsel's time;
and the worker's peak memory (VmHWM) once every page was seen, for both.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from dasbor.db.connection import Database, db_path  # noqa: E402
from dasbor.demo.build import build_demo_db  # noqa: E402
from dasbor.demo.generator import SEED  # noqa: E402
from dasbor.demo.lewat_portal import bangun_demo  # noqa: E402
from dasbor.halaman import HALAMAN as DAFTAR_HALAMAN  # noqa: E402
from dasbor.halaman import HASIL, halaman  # noqa: E402
from dasbor.lingkup import NASIONAL, lingkup  # noqa: E402
from penguji.server_lokal import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server  # noqa: E402
from penguji.wilayah_portal import SKALA_PEMPROV, tulis_wilayah_portal  # noqa: E402

# The results pages of the page registry: sidebar link -> (path, page title as a pattern)
JUDUL = {
    "ringkasan": rf"Indeks Inovasi Daerah — {lingkup().nama}",
    "peringkat": r"Peringkat IID \d{4}",
    "tren": r"Tren IID",
    "bandingkan": r"Bandingkan dua wilayah, \d{4}",
    "profil": r"Profil .+, \d{4}",
    "metodologi": r"Metodologi Indeks Inovasi Daerah",
}
HALAMAN = {halaman(nama).judul: (halaman(nama).jalur, JUDUL[nama]) for nama in HASIL}
KOSONG = "(halaman kosong + 1 grafik)"
# A chart counts as drawn when plotly has put its traces into the SVG, not merely created the container; after
# a page switch only an element of the new run counts (Streamlit marks leftovers of the old page data-stale).
GRAFIK_TERGAMBAR = "[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg .trace"
GRAFIK_BARU = "[data-stale='false'] " + GRAFIK_TERGAMBAR
# The page is done when its script run has ended and every chart it drew has its SVG.
SELESAI = """() => document.querySelector("[data-testid='stApp']")?.dataset.testScriptState === 'notRunning'
  && [...document.querySelectorAll("[data-testid='stPlotlyChart']")].every((c) => c.querySelector('.main-svg'))"""
TARGET_DETIK = 1.5
TARGET_RASIO = 2.0
# Settled: the script run finished, no skeleton is left, the page has its title, and every chart has its traces
# drawn (a page without charts settles when its run ends).
TENANG = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stSkeleton]') || !document.querySelector('h1')) return false;
  return [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every((c) => c.querySelector('.main-svg .trace'));
}"""
BATAS_TENANG_MS = 900_000  # a cold national page (the deck, the worklists) computes for minutes on 2 busy cores
# Every page that only reads, from the one page registry (the pages that write need an account and a file).
DIBACA = tuple(h for h in DAFTAR_HALAMAN if not h.menulis)


def _ukur(browser: Browser, url: str, tenang: bool = False) -> tuple[float, float]:
    """Seconds from navigation, in a fresh context (a new visitor), to the first drawn chart, and to the end of the
    script run with every chart drawn; with `tenang` both are the time until the page has settled (TENANG)."""
    konteks = browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID")
    page = konteks.new_page()
    try:
        mulai = time.perf_counter()
        page.goto(url, wait_until="commit")
        if tenang:
            page.wait_for_function(TENANG, polling=100, timeout=BATAS_TENANG_MS)
            tenang_detik = time.perf_counter() - mulai
            return tenang_detik, tenang_detik
        page.locator(GRAFIK_TERGAMBAR).first.wait_for(state="attached", timeout=120_000)
        grafik = time.perf_counter() - mulai
        page.wait_for_function(SELESAI, polling=50, timeout=120_000)
        return grafik, time.perf_counter() - mulai
    finally:
        konteks.close()


def _putaran(browser: Browser, url: dict[str, str], ulang: int) -> dict[str, list[tuple[float, float]]]:
    """Every page's cold visit, then `ulang` rounds visiting each page once in turn, so that the empty page and
    the pages compared with it are measured in the same minutes of a shared machine's load."""
    hasil = {nama: [_ukur(browser, u)] for nama, u in url.items()}
    for _ in range(ulang):
        for nama, u in url.items():
            hasil[nama].append(_ukur(browser, u))
    return hasil


def _pindah(browser: Browser, url: str, putaran: int) -> dict[str, list[float]]:
    """Click through the sidebar of one open session `putaran` times; seconds per arrival, per page."""
    konteks = browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID")
    page = konteks.new_page()
    waktu: dict[str, list[float]] = {nama: [] for nama in HALAMAN}
    try:
        page.goto(url)
        page.locator(GRAFIK_TERGAMBAR).first.wait_for(state="attached", timeout=120_000)
        urutan = [*list(HALAMAN)[1:], list(HALAMAN)[0]]
        for _ in range(putaran):
            for nama in urutan:
                mulai = time.perf_counter()
                page.get_by_test_id("stSidebar").get_by_role("link", name=nama, exact=True).click()
                judul = re.compile(f"^{HALAMAN[nama][1]}$")
                page.get_by_role("heading", level=1, name=judul).wait_for(timeout=120_000)
                page.locator(GRAFIK_BARU).first.wait_for(state="attached", timeout=120_000)
                waktu[nama].append(time.perf_counter() - mulai)
    finally:
        konteks.close()
    return waktu


def _db_demo(folder: Path) -> tuple[Path, str]:
    """A private copy of the demo database (the running dashboard may hold data/iid.duckdb) with the portal-only
    region of SKALA_PEMPROV in its latest year; and the Kelengkapan page's path on that region-year."""
    sumber = db_path()
    salinan = folder / "iid.duckdb"
    if sumber.exists():
        shutil.copy(sumber, salinan)
    else:
        build_demo_db(salinan)
    db = Database(salinan, read_only=True)
    tahun = int(db.query("periode")["tahun"].max())
    kode, n, n_pd = SKALA_PEMPROV
    nama = db.query("wilayah").set_index("kode_wilayah").at[kode, "nama_wilayah"]
    db.close()
    tulis_wilayah_portal(salinan, kode, tahun, n, n_pd)
    return salinan, f"{halaman('kelengkapan').jalur}?{urlencode({'tahun': tahun, 'wilayah': nama})}"


def bangun_db(folder: Path, kode_lingkup: str | None = None) -> tuple[Path, float]:
    """A demo database built afresh in `folder` (None: the Kalsel demo; 'nasional': the national rehearsal), as
    `python -m dasbor demo` builds it (generate, write, the portal path, publish); and the seconds it took."""
    path = folder / (kode_lingkup or "kalsel") / "iid.duckdb"
    path.parent.mkdir(parents=True)
    mulai = time.perf_counter()
    bangun_demo(path, SEED, kode_lingkup=kode_lingkup)
    return path, time.perf_counter() - mulai


def puncak_memori_mb(pid: int) -> float:
    """A process's peak resident memory so far (VmHWM), in MB: with one worker the server is the worker."""
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmHWM:"):
            return int(baris.split()[1]) / 1024
    raise RuntimeError(f"proses {pid} tidak melaporkan VmHWM")


def beban_mesin() -> str:
    """The machine's load average (1, 5, 15 min), printed beside every figure: the machine is shared."""
    return " ".join(f"{x:.2f}".replace(".", ",") for x in os.getloadavg())


def _gladi_nasional(ulang: int) -> None:
    """--nasional: build both databases, then each read-only page's settle time on both (see the module)."""
    with tempfile.TemporaryDirectory(prefix="bench-nasional-") as tmp:
        print(f"Membangun dan menerbitkan basis data demo (beban mesin {beban_mesin()})")
        db: dict[str, Path] = {}
        for nama, kode in (("Kalsel", None), ("nasional", NASIONAL)):
            db[nama], detik = bangun_db(Path(tmp), kode)
            ukuran = db[nama].stat().st_size / 1e6
            print(f"  {nama:<9} {_detik(detik, 1):>7} s  {_detik(ukuran, 0):>5} MB   beban {beban_mesin()}")
        hasil: dict[str, dict[str, tuple[float, list[float]]]] = {}
        memori: dict[str, float] = {}
        for nama, env in (("Kalsel", {}), ("nasional", {"DASBOR_LINGKUP": NASIONAL})):
            app, url = start_server(db[nama], extra_env=env)
            try:
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                    hasil[nama] = {}
                    for h in DIBACA:
                        dingin = _ukur(browser, f"{url}/{h.jalur}", tenang=True)[1]
                        ukur = [_ukur(browser, f"{url}/{h.jalur}", tenang=True)[1] for _ in range(ulang)]
                        hasil[nama][h.nama] = (dingin, ukur)
                        print(
                            f"  {nama:<9} {h.nama:<12} dingin {_detik(dingin):>7} s   beban {beban_mesin()}", flush=True
                        )
                    browser.close()
                memori[nama] = puncak_memori_mb(app.pid)
            finally:
                stop_server(app)
    print()
    print(
        "Memori puncak pekerja (VmHWM) setelah setiap halaman baca dikunjungi: "
        + ", ".join(f"{nama} {_detik(mb, 0)} MB" for nama, mb in memori.items())
        + f" (nasional ÷ Kalsel {_detik(memori['nasional'] / memori['Kalsel'])} ×)"
    )
    print(f"Waktu sampai halaman tenang (detik), Chromium headless, median {ulang} kunjungan baru setelah yang pertama")
    print(
        f"{'Halaman':<14}{'Kalsel dingin':>14}{'nas. dingin':>12}{'Kalsel':>9}{'nasional':>10}{'rasio':>7}  target ≤2×"
    )
    for h in DIBACA:
        (kd, ku), (nd, nu) = hasil["Kalsel"][h.nama], hasil["nasional"][h.nama]
        rasio = statistics.median(nu) / statistics.median(ku)
        print(
            f"{h.nama:<14}{_detik(kd):>14}{_detik(nd):>12}{_detik(statistics.median(ku)):>9}"
            f"{_detik(statistics.median(nu)):>10}{_detik(rasio):>7}  {'ya' if rasio <= TARGET_RASIO else 'TIDAK'}"
        )


def _detik(x: float, digit: int = 2) -> str:
    return f"{x:.{digit}f}".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5, help="kunjungan terukur per halaman setelah yang pertama")
    parser.add_argument(
        "--hanya-kelengkapan", action="store_true", help="hanya halaman kosong dan Kelengkapan, tanpa pindah halaman"
    )
    parser.add_argument(
        "--nasional", action="store_true", help="gladi nasional: bangun dan ukur halaman nasional berdampingan Kalsel"
    )
    args = parser.parse_args(argv)
    if args.nasional:
        _gladi_nasional(args.ulang)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-halaman-") as tmp:
        db, kelengkapan = _db_demo(Path(tmp))
        kode, n, n_pd = SKALA_PEMPROV
        halaman_ukur = {} if args.hanya_kelengkapan else {nama: jalur for nama, (jalur, _) in HALAMAN.items()}
        halaman_ukur[f"Kelengkapan (portal {n} baris)"] = kelengkapan
        beban_awal = f"beban mesin {beban_mesin()}"
        app, url_app = start_server(db)
        kosong, url_kosong = start_server(db, script="benchmarks/kosong.py")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                if args.hanya_kelengkapan:
                    # A fresh server's first session runs Streamlit's legacy pages/ mode (in the full run that is
                    # the first page's cold visit): the app is opened once before the Kelengkapan page is measured.
                    _ukur(browser, url_app)
                url = {KOSONG: url_kosong, **{nama: f"{url_app}/{jalur}" for nama, jalur in halaman_ukur.items()}}
                hasil = _putaran(browser, url, args.ulang)
                pindah = {} if args.hanya_kelengkapan else _pindah(browser, url_app, args.ulang)
                browser.close()
        finally:
            stop_server(app)
            stop_server(kosong)

    kosong_ukur = hasil[KOSONG][1:]
    print(
        f"Waktu sampai grafik pertama tergambar dan sampai halaman selesai (detik), Chromium headless, median "
        f"{args.ulang} kunjungan baru, bergiliran dengan halaman kosong (rasio: median rasio per putaran); "
        f"{beban_awal} di awal, beban mesin {beban_mesin()} di akhir"
    )
    print(f"Kelengkapan: wilayah portal {kode} ({n} inovasi, {n_pd} perangkat daerah)")
    print(
        f"{'Halaman':<32}{'dingin':>8}{'grafik':>8}{'min':>7}{'maks':>7}{'rasio':>7}{'selesai':>9}{'rasio':>7}  target"
    )
    for nama, (dingin, *ukur) in hasil.items():
        grafik, selesai = (statistics.median(x[i] for x in ukur) for i in (0, 1))
        rasio, rasio_selesai = (
            statistics.median(x[i] / k[i] for x, k in zip(ukur, kosong_ukur, strict=True)) for i in (0, 1)
        )
        target = (
            "–"
            if nama == KOSONG
            else ("≤1,5 s " + ("ya" if grafik <= TARGET_DETIK else "TIDAK"))
            + (" · ≤2× " + ("ya" if max(rasio, rasio_selesai) <= TARGET_RASIO else "TIDAK"))
        )
        print(
            f"{nama:<32}{_detik(dingin[0]):>8}{_detik(grafik):>8}{_detik(min(x[0] for x in ukur)):>7}"
            f"{_detik(max(x[0] for x in ukur)):>7}{_detik(rasio):>7}{_detik(selesai):>9}{_detik(rasio_selesai):>7}  {target}"
        )
    if not pindah:
        return 0
    print()
    print("Pindah halaman lewat bilah samping dalam satu sesi (detik sampai grafik pertama halaman baru)")
    print(f"{'Halaman':<32}{'median':>8}{'min':>7}{'maks':>7}  target")
    for nama, ukur in pindah.items():
        median = statistics.median(ukur)
        target = "≤1,5 s " + ("ya" if median <= TARGET_DETIK else "TIDAK")
        print(f"{nama:<32}{_detik(median):>8}{_detik(min(ukur)):>7}{_detik(max(ukur)):>7}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
