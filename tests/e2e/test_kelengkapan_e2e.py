"""In headless Chromium: drill from the gap matrix to one innovation by clicking, then open the copied link."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import klik_baris_pertama, tata_letak_tetap

TINGGI = 2400  # Streamlit scrolls inside its main container, so a tall window makes the screenshots whole
TUNGGU = 60000


def klik_titik(page: Page, grafik: Locator, kunci: list[str]) -> None:
    """Click the mark of a plotly chart whose customdata starts with `kunci`, at its centre on screen."""
    posisi = grafik.evaluate(
        "(el, k) => el.data[0].customdata.findIndex(d => k.every((v, i) => d[i] === v))",
        kunci,
    )
    assert posisi >= 0, kunci
    titik = grafik.locator(".scatterlayer .trace .points path, .barlayer .trace .point path").nth(posisi)
    titik.scroll_into_view_if_needed()
    kotak = titik.bounding_box()
    page.mouse.click(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)


def selesai(page: Page) -> None:
    """Wait until the last run has finished and been drawn: no running indicator, matrix and link button on screen."""
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=TUNGGU)
    page.locator(".js-plotly-plot").first.locator(".scatterlayer .points path").first.wait_for(timeout=TUNGGU)
    expect(page.get_by_role("button", name="🔗 Tautan ke tampilan ini")).to_be_visible(timeout=TUNGGU)
    tata_letak_tetap(page, TUNGGU)  # plotly finishes its own layout after the element appears; only for the picture


def test_drill_from_matrix_to_an_innovation_and_open_the_copied_link(tab: Page, app_url: str, screenshot) -> None:
    tab.set_viewport_size({"width": 1400, "height": TINGGI})
    # The very first session of a fresh server runs in Streamlit's legacy pages/ mode (PagesManager decides that
    # before app.py calls st.navigation); every later session gets the app's own navigation. Open the app once,
    # then start the drill-down in a fresh session, as an official following a bookmark would.
    tab.goto(app_url)
    expect(tab.get_by_role("heading", name="Indeks Inovasi Daerah — Kalimantan Selatan")).to_be_visible(timeout=TUNGGU)
    tab.goto(f"{app_url}/kelengkapan")
    sidebar = tab.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Simulasi", exact=True)).to_be_visible(timeout=TUNGGU)
    expect(tab.get_by_role("heading", name="Kelengkapan bukti dukung")).to_be_visible(timeout=TUNGGU)
    expect(tab.get_by_text("SINTETIS").first).to_be_visible(timeout=TUNGGU)
    matriks = tab.locator(".js-plotly-plot").first
    matriks.locator(".scatterlayer .points path").first.wait_for(timeout=TUNGGU)
    selesai(tab)
    screenshot(tab, "matriks")

    klik_titik(tab, matriks, ["63.09", "35"])  # Kabupaten Tabalong × indikator 35 (video)
    expect(tab.get_by_role("heading", name="Rincian: Kabupaten Tabalong")).to_be_visible(timeout=TUNGGU)
    expect(tab).to_have_url(re.compile(r"indikator=35"), timeout=TUNGGU)

    batang = tab.locator(".js-plotly-plot").nth(1)
    batang.locator(".barlayer .point path").first.wait_for(timeout=TUNGGU)
    teratas = batang.evaluate("el => el.data[0].customdata.at(-1)[0]")  # the top bar is the last point
    klik_titik(tab, batang, [teratas])
    expect(tab).to_have_url(re.compile(rf"perangkat_daerah={re.escape(teratas)}"), timeout=TUNGGU)
    expect(tab.get_by_text("yang bercelah")).to_be_visible(timeout=TUNGGU)
    selesai(tab)
    screenshot(tab, "perangkat-daerah")

    klik_baris_pertama(tab, tab.get_by_test_id("stDataFrame").first, TUNGGU)  # the first innovation
    expect(tab).to_have_url(re.compile(r"inovasi=63\.09-"), timeout=TUNGGU)
    expect(tab.get_by_text("Bukti dukung yang membuktikan", exact=True)).to_be_visible(timeout=TUNGGU)
    posisi = tab.get_by_text("Posisi:").locator("xpath=..").inner_text()
    assert "indikator 35" in posisi
    selesai(tab)
    screenshot(tab, "inovasi")

    tab.get_by_role("button", name="🔗 Tautan ke tampilan ini").click()  # the link is drawn when opened
    tautan = tab.get_by_test_id("stCode").first.inner_text(timeout=TUNGGU).strip()
    assert tautan.startswith(app_url) and "inovasi=63.09-" in tautan and "tahun=" in tautan
    baru = tab.context.new_page()
    baru.set_viewport_size({"width": 1400, "height": TINGGI})
    baru.goto(tautan)
    expect(baru.get_by_text("Bukti dukung yang membuktikan", exact=True)).to_be_visible(timeout=TUNGGU)
    assert baru.get_by_text("Posisi:").locator("xpath=..").inner_text() == posisi
    expect(baru.get_by_test_id("stSidebar").get_by_text("tidak dikenal")).to_have_count(0)
    selesai(baru)
    screenshot(baru, "tautan")
