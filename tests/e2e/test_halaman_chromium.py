"""The Hasil pages in a real headless Chromium: every page draws its charts without reaching the internet, the
year filter changes the page and the URL, a click on the ranking opens the profile, and a copied link opens the
same view in a fresh browser. Screenshots go to artifacts/screenshots/. The visit of each page also measures its
text contrast (tests/e2e/kontras.py), so no check loads these pages only for that."""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from dasbor.halaman import halaman
from tests.e2e.conftest import klik_baris_pertama, skrip_selesai, ubah_ukuran
from tests.e2e.kontras import DI_HALAMAN, periksa_kontras

JUDUL = {
    "ringkasan": "Indeks Inovasi Daerah — Kalimantan Selatan",
    "peringkat": re.compile(r"^Peringkat IID \d{4}$"),
    "tren": "Tren IID",
    "bandingkan": re.compile(r"^Bandingkan dua wilayah, \d{4}$"),
    "profil": re.compile(r"^Profil Provinsi Kalimantan Selatan, \d{4}$"),
    "metodologi": "Metodologi Indeks Inovasi Daerah",
}
# The results pages of the page registry by URL path, each with its title (a new one without a title is a KeyError).
HALAMAN = {halaman(n).jalur: JUDUL[n] for n in DI_HALAMAN}
GRAFIK = "[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg"
TUNGGU = 60_000  # plotly.js with software rendering on 2 cores can take several seconds


def tunggu_grafik(page: Page) -> None:
    page.locator(GRAFIK).first.wait_for(state="visible", timeout=TUNGGU)


def judul(page: Page):
    return page.get_by_role("heading", level=1)


def pilih_di_sidebar(page: Page, urutan: int, opsi: str) -> None:
    # Typed and chosen with Enter, as for the region below: since the sidebar lists every page (14), a click on the
    # basis filter's option timed out in Chromium while the same choice typed goes through.
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").nth(urutan).click()
    page.keyboard.type(opsi)
    page.keyboard.press("Enter")


def foto(page: Page, screenshot, nama: str) -> None:
    # Streamlit scrolls inside its own container, so a tall viewport is what puts the whole page on the image.
    ubah_ukuran(page, 1400, 2400, TUNGGU)
    screenshot(page, nama)
    ubah_ukuran(page, 1400, 900, TUNGGU)  # what comes next measures or clicks charts at this size


@pytest.mark.parametrize("jalur", list(HALAMAN), ids=lambda j: j or "ringkasan")
def test_every_page_draws_its_charts_offline(tab: Page, app_url: str, screenshot, jalur: str) -> None:
    luar: list[str] = []
    tab.on("request", lambda r: luar.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None)
    tab.goto(f"{app_url}/{jalur}")
    expect(judul(tab)).to_have_text(HALAMAN[jalur], timeout=TUNGGU)
    tunggu_grafik(tab)
    if jalur != "metodologi":
        expect(tab.get_by_text("SINTETIS (data demo)").first).to_be_visible()
    skrip_selesai(tab, TUNGGU)
    expect(tab.get_by_test_id("stSkeleton")).to_have_count(0, timeout=TUNGGU)
    periksa_kontras(tab, jalur, TUNGGU)  # in the 1400×900 window, before foto() makes it taller
    foto(tab, screenshot, jalur or "ringkasan")
    assert not [u for u in luar if not u.startswith("data:")], f"permintaan ke luar: {luar}"


def test_ringkasan_map_writes_names_on_the_map_and_a_label_click_opens_the_profile(
    tab: Page, app_url: str, screenshot
) -> None:
    luar: list[str] = []
    tab.on("request", lambda r: luar.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None)
    tab.goto(f"{app_url}/?tahun=2024")
    expect(judul(tab)).to_have_text(HALAMAN[""], timeout=TUNGGU)
    peta = tab.locator("[data-testid='stPlotlyChart']").first
    peta.locator(".main-svg").first.wait_for(state="visible", timeout=TUNGGU)
    # names and IID are SVG text on the map itself, also the small cities written beside the province
    for nama in ("Tabalong", "Banjarmasin", "Banjarbaru", "HSS"):
        expect(peta.locator(".textpoint text", has_text=nama)).to_be_visible()
    expect(peta.locator(".textpoint text", has_text=re.compile(r"\d+,\d\d")).first).to_be_visible()
    # hovering a filled region away from its label names it with predikat and rank; a click there selects
    # nothing and breaks nothing
    peta.locator(".textpoint text", has_text="Kotabaru").scroll_into_view_if_needed()
    kotabaru = peta.locator(".textpoint text", has_text="Kotabaru").bounding_box()
    isi = (kotabaru["x"] + kotabaru["width"] / 2, kotabaru["y"] - 40)  # inland, north of the label
    tab.mouse.move(*isi)
    expect(peta.locator(".hoverlayer .hovertext", has_text="Kabupaten Kotabaru")).to_contain_text("peringkat")
    tab.mouse.click(*isi)
    tab.wait_for_timeout(1500)
    expect(judul(tab)).to_have_text(HALAMAN[""])
    expect(tab.get_by_test_id("stException")).to_have_count(0)
    peta.locator(".textpoint text", has_text="Tabalong").scroll_into_view_if_needed()
    label = peta.locator(".textpoint text", has_text="Tabalong").bounding_box()
    tab.mouse.click(label["x"] + label["width"] / 2, label["y"] + label["height"] / 2)
    expect(judul(tab)).to_have_text("Profil Kabupaten Tabalong, 2024", timeout=TUNGGU)
    tunggu_grafik(tab)
    foto(tab, screenshot, "profil-dari-peta")
    assert not [u for u in luar if not u.startswith("data:")], f"permintaan ke luar: {luar}"


def test_year_filter_changes_the_page_and_the_link_and_a_bar_click_opens_that_profile_in_that_year(
    tab: Page, app_url: str, screenshot
) -> None:
    tab.goto(f"{app_url}/peringkat")
    tunggu_grafik(tab)
    pilih_di_sidebar(tab, 0, "2022")
    expect(judul(tab)).to_have_text("Peringkat IID 2022", timeout=TUNGGU)
    expect(tab).to_have_url(re.compile(r"/peringkat\?.*tahun=2022"))
    # Tabalong's 2022 value published by Balitbangda (79,37) is drawn as a diamond; ours sits within ±1.
    expect(tab.locator(GRAFIK).first.locator("text", has_text="Kabupaten Tabalong")).to_be_visible()
    foto(tab, screenshot, "peringkat-2022")

    # On the same 2022 ranking (one page load for both checks): a click on a bar opens that profile, same year.
    grafik = tab.locator("[data-testid='stPlotlyChart']").first
    # the lowest bar is the first category on the y axis; its tick label names the region
    nama = grafik.locator(".yaxislayer-above .ytick text").first.text_content()
    # plotly listens on its drag layer above the bars, so click where the bar is drawn, not on its element
    grafik.locator(".barlayer .point").first.scroll_into_view_if_needed()
    batang = grafik.locator(".barlayer .point").first.bounding_box()
    tab.mouse.click(batang["x"] + batang["width"] * 0.6, batang["y"] + batang["height"] / 2)
    expect(judul(tab)).to_have_text(f"Profil {nama}, 2022", timeout=TUNGGU)
    expect(tab).to_have_url(re.compile(r"/profil\?.*wilayah="))
    tunggu_grafik(tab)
    foto(tab, screenshot, "profil-dari-peringkat")


def test_click_on_a_ranking_row_opens_that_profile(tab: Page, app_url: str) -> None:
    tab.goto(f"{app_url}/peringkat?tahun=2024")
    expect(judul(tab)).to_have_text("Peringkat IID 2024", timeout=TUNGGU)
    tabel = tab.get_by_test_id("stDataFrame").first
    tabel.wait_for(state="visible", timeout=TUNGGU)
    klik_baris_pertama(tab, tabel, TUNGGU)
    expect(judul(tab)).to_have_text(re.compile(r"^Profil Kabupaten .+, 2024$"), timeout=TUNGGU)


def test_a_copied_link_opens_the_same_view_in_a_fresh_browser(tab: Page, app_url: str, browser, screenshot) -> None:
    tab.goto(f"{app_url}/profil")
    tunggu_grafik(tab)
    pilih_di_sidebar(tab, 0, "2023")
    expect(judul(tab)).to_have_text(re.compile(r", 2023$"), timeout=TUNGGU)
    pilih_di_sidebar(tab, 1, "Klaim (semua klaim diterima)")
    tab.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").nth(2).click()
    tab.keyboard.type("Banjarbaru")
    tab.keyboard.press("Enter")
    expect(judul(tab)).to_have_text("Profil Kota Banjarbaru, 2023", timeout=TUNGGU)
    tunggu_grafik(tab)
    # the URL catches up with the last widget change a moment after the page is drawn
    expect(tab).to_have_url(re.compile(r"^(?=.*basis=Klaim)(?=.*wilayah=Kota\+Banjarbaru)(?=.*tahun=2023)"))
    tautan = tab.url
    skrip_selesai(tab, TUNGGU)
    angka = tab.get_by_test_id("stMetricValue").all_inner_texts()
    assert "basis=Klaim" in tautan and "wilayah=Kota+Banjarbaru" in tautan and "tahun=2023" in tautan

    baru = browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID").new_page()
    baru.goto(tautan)
    expect(judul(baru)).to_have_text("Profil Kota Banjarbaru, 2023", timeout=TUNGGU)
    tunggu_grafik(baru)
    skrip_selesai(baru, TUNGGU)
    assert baru.get_by_test_id("stMetricValue").all_inner_texts() == angka
    expect(baru.get_by_role("combobox", name="Basis skor")).to_have_value("Klaim (semua klaim diterima)")
    foto(baru, screenshot, "tautan-disalin")
    baru.context.close()


def test_filters_survive_switching_pages(tab: Page, app_url: str) -> None:
    tab.goto(f"{app_url}/peringkat?tahun=2023")
    expect(judul(tab)).to_have_text("Peringkat IID 2023", timeout=TUNGGU)
    for nama, pola in (("Tren", "Tren IID"), ("Bandingkan", "Bandingkan dua wilayah, 2023"), ("Ringkasan", None)):
        tab.get_by_test_id("stSidebar").get_by_role("link", name=nama).click()
        if pola:
            expect(judul(tab)).to_have_text(pola, timeout=TUNGGU)
        expect(tab.get_by_role("combobox", name="Tahun penilaian")).to_have_value("2023")
        expect(tab).to_have_url(re.compile(r"tahun=2023"))  # so the address bar can still be shared


def test_chart_png_and_table_csv_excel_downloads(tab: Page, app_url: str, tmp_path) -> None:
    tab.goto(f"{app_url}/peringkat?tahun=2024")
    expect(judul(tab)).to_have_text("Peringkat IID 2024", timeout=TUNGGU)
    tunggu_grafik(tab)
    berkas = {}
    for tombol in ("⬇️ PNG", "⬇️ CSV", "⬇️ Excel"):
        with tab.expect_download(timeout=TUNGGU) as unduh:
            tab.get_by_role("button", name=tombol).first.click()
        berkas[tombol] = (unduh.value.suggested_filename, Path(unduh.value.path()).read_bytes())
    nama, png = berkas["⬇️ PNG"]
    assert nama == "peringkat-iid-2024-terverifikasi-semua.png" and png.startswith(b"\x89PNG")
    nama, csv = berkas["⬇️ CSV"]
    assert nama.endswith(".csv") and "Kabupaten Tabalong" in csv.decode("utf-8-sig")
    assert ";" in csv.decode("utf-8-sig").splitlines()[0]
    nama, xlsx = berkas["⬇️ Excel"]
    assert nama.endswith(".xlsx") and xlsx.startswith(b"PK")
