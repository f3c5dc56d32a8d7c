"""A plain `streamlit run app.py` (not dasbor.serve) with DASBOR_WAJIB_MASUK=1, in headless Chromium: the fresh
server's first visitor on a shared link gets the page file alone (Streamlit's pages-folder mode, without app.py's
gate), and still sees only the sign-in form; so does a later visitor through app.py's navigation."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
TUNGGU = 60000
DATA = ("stPlotlyChart", "stDataFrame", "stMetric", "stDownloadButton")


def _hanya_form_masuk(page: Page) -> None:
    expect(page.get_by_role("heading", name="Masuk ke Dasbor IID Kalsel")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_role("textbox", name="Nama akun")).to_be_visible()
    # The script has finished once the status widget is gone; only then is "nothing else drawn" meaningful.
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TUNGGU)
    for test_id in DATA:
        expect(page.get_by_test_id(test_id)).to_have_count(0)


def test_plain_streamlit_run_never_shows_data_before_sign_in(
    page: Page, salinan_db: Path, tmp_path: Path, screenshot
) -> None:
    env = {"DASBOR_WAJIB_MASUK": "1", "DASBOR_AKUN": str(tmp_path / "akun.yaml")}
    proc, url = start_server(salinan_db, env, script=str(ROOT / "app.py"))
    try:
        page.goto(f"{url}/kelengkapan?tahun=2024")  # the first session of the fresh server: the page file alone
        _hanya_form_masuk(page)
        screenshot(page, "tautan-pertama")
        page.goto(url)
        _hanya_form_masuk(page)
        page.goto(f"{url}/peringkat")
        _hanya_form_masuk(page)
    finally:
        stop_server(proc)
