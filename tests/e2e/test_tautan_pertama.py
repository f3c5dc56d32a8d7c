"""The first visitor after a server (re)start who opens a shared link still gets the app's navigation.

Without dasbor.serve, Streamlit ran that first session in its old pages/-folder mode: the page file
alone, listed by file name, without app.py's sections and login gate."""

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import start_server, stop_server


def test_first_session_on_a_shared_link_gets_the_navigation(page: Page, salinan_db: Path, screenshot) -> None:
    proc, url = start_server(salinan_db)
    try:
        page.goto(f"{url}/kelengkapan")
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_text("Hasil", exact=True)).to_be_visible(timeout=30000)
        expect(nav.get_by_role("link", name="Profil Wilayah")).to_be_visible()
        expect(nav.get_by_role("link", name="kelengkapan", exact=True)).to_have_count(0)
        screenshot(page, "kelengkapan")
    finally:
        stop_server(proc)
