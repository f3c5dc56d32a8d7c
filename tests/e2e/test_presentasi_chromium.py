"""The Presentasi page in headless Chromium: keyboard and buttons move the slides, and the number follows."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import skrip_selesai

NOMOR = re.compile(r"^(\d+) / (\d+)$")


def _nomor(page: Page, n: int, total: int) -> None:
    expect(page.locator(".st-key-navigasi").get_by_text(NOMOR)).to_have_text(f"{n} / {total}", timeout=30000)
    skrip_selesai(page, 30_000)


def _buka_presentasi(page: Page, app_url: str) -> int:
    """Open the app as an official would (home, then the navigation link) and return the number of slides."""
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Indeks Inovasi Daerah — Kalimantan Selatan")).to_be_visible(timeout=60000)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Presentasi").click()
    nomor = page.locator(".st-key-navigasi").get_by_text(NOMOR)
    expect(nomor).to_have_text(re.compile(r"^1 / \d+$"), timeout=60000)
    # The key handler is installed by the page's script once its element mounts; a person cannot press a key
    # sooner than that, a test can.
    page.wait_for_function("typeof window.__dasborTombolSlide === 'function'")
    skrip_selesai(page, 30_000)
    return int(NOMOR.match(nomor.inner_text()).group(2))


def test_keyboard_and_buttons_move_the_slides(tab: Page, app_url: str, screenshot) -> None:
    total = _buka_presentasi(tab, app_url)
    assert total == 19
    screenshot(tab, "persiapan")

    tab.get_by_role("button", name="Mulai presentasi").click()
    expect(tab.get_by_role("button", name="Keluar (Esc)")).to_be_visible(timeout=30000)
    _nomor(tab, 1, total)
    expect(tab.get_by_test_id("stSidebar")).to_be_hidden()
    expect(tab.get_by_test_id("stHeader")).to_be_hidden()
    expect(tab.get_by_role("heading", name="Bimtek Indeks Inovasi Daerah")).to_be_visible()
    screenshot(tab, "judul")

    tab.keyboard.press("ArrowRight")
    _nomor(tab, 2, total)
    expect(tab).to_have_url(re.compile(r"[?&]slide=2\b"))
    tab.keyboard.press("PageDown")
    _nomor(tab, 3, total)
    tab.keyboard.press("PageDown")
    _nomor(tab, 4, total)
    tab.keyboard.press("PageDown")
    _nomor(tab, 5, total)
    expect(tab.locator(".st-key-slide .js-plotly-plot")).to_be_visible(timeout=30000)
    screenshot(tab, "tren")
    tab.keyboard.press("ArrowLeft")
    _nomor(tab, 4, total)
    tab.keyboard.press("PageUp")
    _nomor(tab, 3, total)

    tab.get_by_role("button", name="Berikutnya ▶").click()
    _nomor(tab, 4, total)
    tab.get_by_role("button", name="Berikutnya ▶").click()
    _nomor(tab, 5, total)  # a click while the slide still reruns is one click lost (seen once in CI on a fresh clone)
    tab.get_by_role("button", name="Berikutnya ▶").click()
    _nomor(tab, 6, total)
    expect(tab.get_by_role("heading", name="Kabupaten Tanah Laut")).to_be_visible()
    ukuran = tab.locator(".st-key-slide li").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert ukuran >= 24
    expect(tab.locator(".st-key-slide .js-plotly-plot")).to_be_visible(timeout=30000)
    screenshot(tab, "wilayah")
    tab.get_by_role("button", name="◀ Sebelumnya").click()
    _nomor(tab, 5, total)

    tab.keyboard.press("Escape")
    expect(tab.get_by_role("button", name="Mulai presentasi")).to_be_visible(timeout=30000)
    expect(tab.get_by_test_id("stSidebar")).to_be_visible()
    _nomor(tab, 5, total)


def test_keys_typed_into_a_field_do_not_move_the_slides_and_a_copied_link_reopens_the_same_slide(
    tab: Page, app_url: str, screenshot
) -> None:
    # One visit for both checks: the keys check ends on slide 2 with the keys working again, where the copied
    # link is taken.
    total = _buka_presentasi(tab, app_url)
    tab.get_by_text("Persiapan: acara, wilayah, dan urutan slide").click()
    nama = tab.get_by_label("Nama acara")
    nama.click()
    nama.press("ArrowRight")
    nama.press("PageDown")
    tab.keyboard.press("ArrowLeft")
    _nomor(tab, 1, total)
    nama.press("Enter")  # commit the unchanged field, then leave it: the keys work again
    tab.locator(".st-key-slide").click()
    tab.keyboard.press("ArrowRight")
    _nomor(tab, 2, total)

    # The copied link opened in this tab: a page load is a fresh Streamlit session, as in a new tab, without
    # starting another renderer process.
    salinan = tab.url
    tab.goto("about:blank")
    tab.goto(salinan)
    _nomor(tab, 2, total)
    expect(tab.get_by_role("heading", name=re.compile("^Peta predikat IID"))).to_be_visible()
    # the map slide draws the region names as SVG text on the map itself
    expect(tab.locator(".st-key-slide .js-plotly-plot text", has_text="Tabalong")).to_be_visible(timeout=30000)
    tab.goto(salinan.replace("slide=2", "slide=19"))
    _nomor(tab, 19, total)
    expect(tab.get_by_role("heading", name="Daftar tindakan per wilayah")).to_be_visible()
    screenshot(tab, "penutup")
