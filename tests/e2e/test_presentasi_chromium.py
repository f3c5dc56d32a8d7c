"""The Presentasi page in headless Chromium: keyboard and buttons move the slides, and the number follows."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

NOMOR = re.compile(r"^(\d+) / (\d+)$")


def _tenang(page: Page) -> None:
    """Wait until the script run that drew the page has finished: a key pressed while a run is still going may
    land on a button the run is about to replace."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=30000)


def _nomor(page: Page, n: int, total: int) -> None:
    expect(page.locator(".st-key-navigasi").get_by_text(NOMOR)).to_have_text(f"{n} / {total}", timeout=30000)
    _tenang(page)


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
    _tenang(page)
    return int(NOMOR.match(nomor.inner_text()).group(2))


def test_keyboard_and_buttons_move_the_slides(page: Page, app_url: str, screenshot) -> None:
    total = _buka_presentasi(page, app_url)
    assert total == 19
    screenshot(page, "persiapan")

    page.get_by_role("button", name="Mulai presentasi").click()
    expect(page.get_by_role("button", name="Keluar (Esc)")).to_be_visible(timeout=30000)
    _nomor(page, 1, total)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stHeader")).to_be_hidden()
    expect(page.get_by_role("heading", name="Bimtek Indeks Inovasi Daerah")).to_be_visible()
    screenshot(page, "judul")

    page.keyboard.press("ArrowRight")
    _nomor(page, 2, total)
    expect(page).to_have_url(re.compile(r"[?&]slide=2\b"))
    page.keyboard.press("PageDown")
    _nomor(page, 3, total)
    page.keyboard.press("PageDown")
    _nomor(page, 4, total)
    page.keyboard.press("PageDown")
    _nomor(page, 5, total)
    expect(page.locator(".st-key-slide .js-plotly-plot")).to_be_visible(timeout=30000)
    screenshot(page, "tren")
    page.keyboard.press("ArrowLeft")
    _nomor(page, 4, total)
    page.keyboard.press("PageUp")
    _nomor(page, 3, total)

    page.get_by_role("button", name="Berikutnya ▶").click()
    _nomor(page, 4, total)
    page.get_by_role("button", name="Berikutnya ▶").click()
    page.get_by_role("button", name="Berikutnya ▶").click()
    _nomor(page, 6, total)
    expect(page.get_by_role("heading", name="Kabupaten Tanah Laut")).to_be_visible()
    ukuran = page.locator(".st-key-slide li").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert ukuran >= 24
    expect(page.locator(".st-key-slide .js-plotly-plot")).to_be_visible(timeout=30000)
    screenshot(page, "wilayah")
    page.get_by_role("button", name="◀ Sebelumnya").click()
    _nomor(page, 5, total)

    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Mulai presentasi")).to_be_visible(timeout=30000)
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    _nomor(page, 5, total)


def test_keys_typed_into_a_field_do_not_move_the_slides(page: Page, app_url: str) -> None:
    total = _buka_presentasi(page, app_url)
    page.get_by_text("Persiapan: acara, wilayah, dan urutan slide").click()
    nama = page.get_by_label("Nama acara")
    nama.click()
    nama.press("ArrowRight")
    nama.press("PageDown")
    page.keyboard.press("ArrowLeft")
    _nomor(page, 1, total)
    nama.press("Enter")  # commit the unchanged field, then leave it: the keys work again
    page.locator(".st-key-slide").click()
    page.keyboard.press("ArrowRight")
    _nomor(page, 2, total)


def test_a_copied_link_reopens_the_same_slide(page: Page, app_url: str, screenshot) -> None:
    total = _buka_presentasi(page, app_url)
    page.keyboard.press("ArrowRight")
    _nomor(page, 2, total)
    salinan = page.url
    baru = page.context.new_page()
    baru.goto(salinan)
    _nomor(baru, 2, total)
    expect(baru.get_by_role("heading", name=re.compile("^Peta predikat IID"))).to_be_visible()
    # the map slide draws the region names as SVG text on the map itself
    expect(baru.locator(".st-key-slide .js-plotly-plot text", has_text="Tabalong")).to_be_visible(timeout=30000)
    baru.goto(salinan.replace("slide=2", "slide=19"))
    _nomor(baru, 19, total)
    expect(baru.get_by_role("heading", name="Daftar tindakan per wilayah")).to_be_visible()
    screenshot(baru, "penutup")
