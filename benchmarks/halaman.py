"""Time until each dashboard page draws its first chart in headless Chromium, against an empty Streamlit page; and
with --nasional each page's settle time on the national rehearsal against Kalsel.

    python benchmarks/halaman.py [--ulang 5] [--nasional]

One run starts two servers on the demo database (the dashboard, and benchmarks/kosong.py: one minimal chart),
opens every page in a fresh browser context (a new session, as a new visitor) and measures from navigation to the
first plotly chart with drawn traces. The first visit of each page fills the server caches and is reported
apart ("dingin"); the median of the following visits is compared with the targets: ≤ 1,5 s per page and
≤ 2 × the empty page. A second table times what an official does most: switching pages in the sidebar of an
open session (from the click to the new page's first drawn chart). Figures are printed; nothing is asserted
(targets are not tests).

--nasional (issue 25 §5) builds, on this machine and one after the other, the Kalsel demo and the national rehearsal
(`python -m dasbor demo --lingkup nasional`: 552 pemda × 2021–2026) and prints their build-and-publish times; then
serves each (the rehearsal with DASBOR_LINGKUP=nasional) and opens every page of the registry that only reads, in a
fresh browser context, until it has settled: its script run finished, no skeleton left and every chart drawn. First
visit ("dingin") and the median of the following ones, side by side, against the target: ≤ 2 × Kalsel's time.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from dasbor.db.connection import db_path  # noqa: E402
from dasbor.demo.build import build_demo_db  # noqa: E402
from dasbor.demo.generator import SEED  # noqa: E402
from dasbor.demo.lewat_portal import bangun_demo  # noqa: E402
from dasbor.halaman import HALAMAN as DAFTAR_HALAMAN  # noqa: E402
from dasbor.halaman import HASIL, halaman  # noqa: E402
from dasbor.lingkup import NASIONAL, lingkup  # noqa: E402
from penguji.server_lokal import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server  # noqa: E402

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
# A chart counts as drawn when plotly has put its traces into the SVG, not merely created the container; after
# a page switch only an element of the new run counts (Streamlit marks leftovers of the old page data-stale).
GRAFIK_TERGAMBAR = "[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg .trace"
GRAFIK_BARU = "[data-stale='false'] " + GRAFIK_TERGAMBAR
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


def _ukur(browser: Browser, url: str, tenang: bool = False) -> float:
    """Seconds from navigation, in a fresh context (a new visitor), until the first chart is drawn, or with `tenang`
    until the page has settled (TENANG)."""
    konteks = browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID")
    page = konteks.new_page()
    try:
        mulai = time.perf_counter()
        page.goto(url, wait_until="commit")
        if tenang:
            page.wait_for_function(TENANG, polling=100, timeout=BATAS_TENANG_MS)
        else:
            page.locator(GRAFIK_TERGAMBAR).first.wait_for(state="attached", timeout=120_000)
        return time.perf_counter() - mulai
    finally:
        konteks.close()


def _seri(browser: Browser, url: str, ulang: int) -> tuple[float, list[float]]:
    dingin = _ukur(browser, url)
    return dingin, [_ukur(browser, url) for _ in range(ulang)]


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


def _db_demo(folder: Path) -> Path:
    """A private copy of the demo database (the running dashboard may hold data/iid.duckdb)."""
    sumber = db_path()
    salinan = folder / "iid.duckdb"
    if sumber.exists():
        shutil.copy(sumber, salinan)
    else:
        build_demo_db(salinan)
    return salinan


def bangun_db(folder: Path, kode_lingkup: str | None = None) -> tuple[Path, float]:
    """A demo database built afresh in `folder` (None: the Kalsel demo; 'nasional': the national rehearsal), as
    `python -m dasbor demo` builds it (generate, write, the portal path, publish); and the seconds it took."""
    path = folder / (kode_lingkup or "kalsel") / "iid.duckdb"
    path.parent.mkdir(parents=True)
    mulai = time.perf_counter()
    bangun_demo(path, SEED, kode_lingkup=kode_lingkup)
    return path, time.perf_counter() - mulai


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
        for nama, env in (("Kalsel", {}), ("nasional", {"DASBOR_LINGKUP": NASIONAL})):
            app, url = start_server(db[nama], extra_env=env)
            try:
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                    hasil[nama] = {}
                    for h in DIBACA:
                        dingin = _ukur(browser, f"{url}/{h.jalur}", tenang=True)
                        ukur = [_ukur(browser, f"{url}/{h.jalur}", tenang=True) for _ in range(ulang)]
                        hasil[nama][h.nama] = (dingin, ukur)
                        print(
                            f"  {nama:<9} {h.nama:<12} dingin {_detik(dingin):>7} s   beban {beban_mesin()}", flush=True
                        )
                    browser.close()
            finally:
                stop_server(app)
    print()
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
        "--nasional", action="store_true", help="gladi nasional: bangun dan ukur halaman nasional berdampingan Kalsel"
    )
    args = parser.parse_args(argv)
    if args.nasional:
        _gladi_nasional(args.ulang)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-halaman-") as tmp:
        db = _db_demo(Path(tmp))
        app, url_app = start_server(db)
        kosong, url_kosong = start_server(db, script="benchmarks/kosong.py")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                hasil = {"(halaman kosong + 1 grafik)": _seri(browser, url_kosong, args.ulang)}
                for nama, (jalur, _) in HALAMAN.items():
                    hasil[nama] = _seri(browser, f"{url_app}/{jalur}", args.ulang)
                pindah = _pindah(browser, url_app, args.ulang)
                browser.close()
        finally:
            stop_server(app)
            stop_server(kosong)

    dasar = statistics.median(hasil["(halaman kosong + 1 grafik)"][1])
    print(f"Waktu sampai grafik pertama tergambar (detik), Chromium headless, median {args.ulang} kunjungan baru")
    print(f"{'Halaman':<28}{'dingin':>8}{'median':>8}{'min':>7}{'maks':>7}{'rasio':>7}  target")
    for nama, (dingin, ukur) in hasil.items():
        median = statistics.median(ukur)
        rasio = median / dasar
        target = (
            "–"
            if nama.startswith("(")
            else ("≤1,5 s " + ("ya" if median <= TARGET_DETIK else "TIDAK"))
            + (" · ≤2× " + ("ya" if rasio <= TARGET_RASIO else "TIDAK"))
        )
        print(
            f"{nama:<28}{_detik(dingin):>8}{_detik(median):>8}{_detik(min(ukur)):>7}{_detik(max(ukur)):>7}"
            f"{_detik(rasio):>7}  {target}"
        )
    print()
    print("Pindah halaman lewat bilah samping dalam satu sesi (detik sampai grafik pertama halaman baru)")
    print(f"{'Halaman':<28}{'median':>8}{'min':>7}{'maks':>7}  target")
    for nama, ukur in pindah.items():
        median = statistics.median(ukur)
        target = "≤1,5 s " + ("ya" if median <= TARGET_DETIK else "TIDAK")
        print(f"{nama:<28}{_detik(median):>8}{_detik(min(ukur)):>7}{_detik(max(ukur)):>7}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
