"""A real Streamlit server on the demo database, driven by Debian's headless Chromium through Playwright.

Playwright's own browser download cannot work offline, so the launch points at /usr/bin/chromium.
Screenshots go to artifacts/screenshots/ (kept as test artifacts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from penguji.server_lokal import CHROMIUM, CHROMIUM_ARGS, ROOT, start_server, stop_server

# Tests that need their own server, or one of the waits below, import them from here.
__all__ = [
    "klik_baris_pertama",
    "server_berakun",
    "skrip_selesai",
    "start_server",
    "stop_server",
    "tata_letak_tetap",
    "ubah_ukuran",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}, "locale": "id-ID"}


@pytest.fixture(scope="session")
def app_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a server reading a copy of the session's demo database (read it only; writers start their own
    server). A copy, because the server holds its file's lock for the whole session and the AppTest and
    service tests that run after the e2e folder open the session demo file themselves."""
    salinan = tmp_path_factory.mktemp("server") / "iid.duckdb"
    shutil.copy(demo_db, salinan)
    proc, url = start_server(salinan)
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def konteks_modul(browser: Browser, browser_context_args: dict) -> Iterator[BrowserContext]:
    """One browser context for a whole test file: its HTTP cache keeps Streamlit's JavaScript bundle between
    tests, so only the first test downloads it. Use it only in files whose pages need no login (cookies are
    shared too)."""
    konteks = browser.new_context(**browser_context_args)
    yield konteks
    konteks.close()


@pytest.fixture(scope="module")
def tab_modul(konteks_modul: BrowserContext) -> Iterator[Page]:
    """One tab for a whole test file. A new tab is a new renderer process, which compiles Streamlit's JavaScript
    bundle again: 4-6 s of a core per tab on this machine, against 1,3-1,7 s for loading a page in a tab that has
    loaded one before."""
    halaman = konteks_modul.new_page()
    yield halaman
    halaman.close()


@pytest.fixture
def tab(tab_modul: Page, browser_context_args: dict) -> Iterator[Page]:
    """The file's tab at the context's window size. Each test's goto still starts a fresh Streamlit session (every
    page load is one); afterwards the tab goes to about:blank, which ends the test's session as closing a tab
    did, and leaves nothing of its page for the next test."""
    tab_modul.set_viewport_size(browser_context_args["viewport"])
    yield tab_modul
    tab_modul.goto("about:blank")


# Plotly lays a chart out once more after its first frame (the legend moves, the plot area shrinks), and again
# after the window is resized. Settled means: the boxes of every chart and legend were unchanged over four polls
# 100 ms apart.
TATA_LETAK_TETAP = """() => {
  const tanda = [...document.querySelectorAll('.js-plotly-plot .main-svg, .js-plotly-plot .legend')]
    .map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(','); })
    .join(';');
  if (window.__dasborTanda !== tanda) { window.__dasborTanda = tanda; window.__dasborSama = 0; }
  else window.__dasborSama += 1;
  return window.__dasborSama >= 3;
}"""


def skrip_selesai(page: Page, timeout: float) -> None:
    """The script run finished: elements of the previous view (drawn faded while the script reruns) are gone, and
    a key pressed now lands on the buttons this run drew."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)


def tata_letak_tetap(page: Page, timeout: float = 30_000) -> None:
    """Wait until the charts on the page stop moving (for measurements of their boxes and for screenshots)."""
    page.evaluate("() => { delete window.__dasborTanda; }")  # a count left from an earlier wait on this tab
    page.wait_for_function(TATA_LETAK_TETAP, polling=100, timeout=timeout)


# Every chart drawn at the width of its element box. True after a page's first frame; after the window changes
# size it is true again only once plotly has laid each chart out for the new width. Until then the old drawing
# stands still, and on a loaded machine it can stand still long enough to pass for settled.
LEBAR_GRAFIK_IKUT = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every((c) => {
  const svg = c.querySelector('.main-svg');
  return svg && Math.abs(svg.getBoundingClientRect().width - c.getBoundingClientRect().width) <= 1;
})"""


def ubah_ukuran(page: Page, lebar: int, tinggi: int, timeout: float = 30_000) -> None:
    """Resize the window, then wait until every chart is drawn again at its new width and stops moving (a change
    of height alone can change the width too, when the page's scroll bar comes or goes)."""
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.wait_for_function(LEBAR_GRAFIK_IKUT, timeout=timeout)
    tata_letak_tetap(page, timeout)


# One element's box unchanged over two polls: a grid that was just scrolled into view or is still being laid out.
KOTAK_TETAP = """(el) => {
  const r = el.getBoundingClientRect();
  const tanda = [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  if (el.__dasborTanda !== tanda) { el.__dasborTanda = tanda; el.__dasborSama = 0; } else el.__dasborSama += 1;
  return el.__dasborSama >= 2;
}"""


def klik_baris_pertama(page: Page, tabel: Locator, timeout: float) -> None:
    """Click the row-selection cell of the first data row of a st.dataframe grid (a canvas, so by position), once
    the grid has stopped moving."""
    tabel.scroll_into_view_if_needed()
    page.wait_for_function(KOTAK_TETAP, arg=tabel.element_handle(), polling=100, timeout=timeout)
    kotak = tabel.bounding_box()
    page.mouse.click(kotak["x"] + 15, kotak["y"] + 35 + 17)


@contextmanager
def server_berakun(
    db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, akun: list[tuple], env: dict | None = None, proses: int = 1
) -> Iterator[tuple[subprocess.Popen, str]]:
    """A server (process, URL) with its own accounts file holding `akun` (tambah_akun arguments after the
    password SANDI)."""
    from dasbor.services import akun as layanan_akun
    from tests.impor.bantu import SANDI

    path = folder / "akun.yaml"
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    for nama, *lain in akun:
        layanan_akun.tambah_akun(nama, SANDI, *lain)
    proc, url = start_server(db, {"DASBOR_AKUN": str(path), **(env or {})}, proses=proses)
    try:
        yield proc, url
    finally:
        stop_server(proc)


@pytest.fixture
def screenshot(request: pytest.FixtureRequest):
    """Save a full-page screenshot named after the test: screenshot(page, "langkah")."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
