"""Every page on a phone (390×844) and on a projector (1280×720) in real Chromium: no horizontal page scroll,
legends clear of the plot and the title, chart text ≥ 11 px, and on a phone the first screen of Ringkasan shows
the province IID and the map. Every presentation slide fits 1280×720 without scrolling. A failing check names
the page and the element. Screenshots of both sizes go to artifacts/screenshots/ (git-ignored).

Each page is loaded once, at the projector's size, and measured; the window then shrinks to the phone's size and
the same visit is measured again (why that equals a fresh phone load: test_page_fits_phone_and_projector). The
projector visit of the pages that test_halaman_chromium does not visit also measures text contrast
(tests/e2e/kontras.py), so those pages are not loaded once more only for that."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from dasbor.halaman import halaman
from tests.e2e.conftest import skrip_selesai, tata_letak_tetap, ubah_ukuran
from tests.e2e.kontras import DI_HALAMAN, DI_UKURAN_LAYAR, periksa_kontras

# Every page that only reads outside the Data section (the page registry, via tests/e2e/kontras.py); Profil opens on
# a kabupaten, whose page has the most charts.
KUERI = {"profil": "?wilayah=Kabupaten+Tabalong"}
HALAMAN = [halaman(n).jalur + KUERI.get(n, "") for n in (*DI_HALAMAN, *DI_UKURAN_LAYAR)]
UKURAN = {"ponsel": (390, 844), "proyektor": (1280, 720)}
TUNGGU = 90_000
HURUF_MIN = 11
# Pages whose contrast is measured on their projector visit (the Hasil pages are measured on test_halaman's visit).
KONTRAS = DI_UKURAN_LAYAR

# Elements wider than the viewport that do not sit inside a scrolling box; the scroll boxes themselves (tables,
# code blocks, our wide-chart wrappers) are allowed to be wider inside.
MELEBAR = """() => {
  const lebar = document.documentElement.clientWidth;
  const gulir = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.clientWidth <= lebar) return true;
    }
    return false;
  };
  const nama = (el) => (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.tagName.toLowerCase())
      + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '');
  const main = document.querySelector('[data-testid="stMain"]') || document.documentElement;
  const hasil = [];
  if (main.scrollWidth > main.clientWidth + 1) hasil.push(`halaman bergulir mendatar: ${main.scrollWidth} > ${main.clientWidth}`);
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > lebar + 1 && !gulir(el)) hasil.push(`${nama(el)} sampai x=${Math.round(r.right)}`);
    if (hasil.length > 5) break;
  }
  return hasil;
}"""

# Per chart: legend boxes that overlap the plot area or the title, and SVG text smaller than HURUF_MIN px.
GRAFIK = """(min) => {
  const potong = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
      * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const hasil = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const judul = (plot.querySelector('.gtitle') || {}).textContent || `grafik ${i + 1}`;
    const legenda = plot.querySelector('.legend .bg');
    const bidang = plot.querySelector('.nsewdrag');
    const jdl = plot.querySelector('.gtitle');
    if (legenda && bidang && potong(legenda.getBoundingClientRect(), bidang.getBoundingClientRect()) > 4)
      hasil.push(`legenda menutupi bidang grafik «${judul}»`);
    if (legenda && jdl && potong(legenda.getBoundingClientRect(), jdl.getBoundingClientRect()) > 4)
      hasil.push(`legenda menutupi judul «${judul}»`);
    plot.querySelectorAll('svg text').forEach((t) => {
      const ukuran = parseFloat(getComputedStyle(t).fontSize);
      if (t.textContent.trim() && t.getBoundingClientRect().width > 0 && ukuran < min)
        hasil.push(`teks ${ukuran}px «${t.textContent.trim().slice(0, 30)}» di «${judul}»`);
    });
  });
  return hasil.slice(0, 8);
}"""


def tenang(page: Page) -> None:
    """Script finished, no skeleton left, and every chart on the page drawn (shared/reference/ekosistem.md)."""
    skrip_selesai(page, TUNGGU)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=TUNGGU)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every((c) => c.querySelector('.main-svg'))",
        timeout=TUNGGU,
    )
    tata_letak_tetap(page, TUNGGU)  # plotly lays the legend out once more after the first frame


def ukur(page: Page, nama: str, screenshot) -> None:
    """Screenshot, then fail naming the page, the size and the elements that overflow or overlap."""
    screenshot(page, nama)
    masalah = page.evaluate(MELEBAR) + page.evaluate(GRAFIK, HURUF_MIN)
    assert not masalah, f"{nama}: " + "; ".join(masalah)


@pytest.mark.parametrize("jalur", HALAMAN, ids=lambda j: j.split("?")[0] or "ringkasan")
def test_page_fits_phone_and_projector(tab: Page, app_url: str, screenshot, jalur: str) -> None:
    halaman = jalur.split("?")[0] or "ringkasan"
    lebar, tinggi = UKURAN["proyektor"]
    tab.set_viewport_size({"width": lebar, "height": tinggi})
    tab.goto(f"{app_url}/{jalur}")
    tenang(tab)
    ukur(tab, f"{halaman}-proyektor", screenshot)
    if jalur in KONTRAS:
        periksa_kontras(tab, jalur, TUNGGU)

    # The phone check runs on the same visit, after the window shrinks to the phone's size: the script run does not
    # depend on the window (Python never sees it), Streamlit collapses the sidebar when the window narrows as on a
    # fresh phone load, and the CSS media query applies at once. Measured on every page here: after the resize the
    # sidebar and the width of every chart are those of a fresh load at 390×844. What the resize starts is plotly
    # laying each chart out again for its new width: waited for (ubah_ukuran, then tenang) before measuring.
    lebar, tinggi = UKURAN["ponsel"]
    ubah_ukuran(tab, lebar, tinggi, TUNGGU)
    tenang(tab)
    ukur(tab, f"{halaman}-ponsel", screenshot)
    if jalur == "":
        nama = f"{halaman}-ponsel"
        iid = tab.get_by_test_id("stMetric").filter(has_text="IID Provinsi").first.bounding_box()
        peta = tab.get_by_test_id("stPlotlyChart").first.bounding_box()
        assert iid and iid["y"] + iid["height"] <= tinggi, f"{nama}: IID provinsi di luar layar pertama"
        assert peta and peta["y"] < tinggi - 150, f"{nama}: peta tidak tampak di layar pertama (y={peta['y']:.0f})"


def test_every_slide_fits_the_projector_in_presentation_mode(tab: Page, app_url: str, screenshot) -> None:
    tab.set_viewport_size({"width": 1280, "height": 720})
    tab.goto(f"{app_url}/presentasi")
    tenang(tab)
    tab.get_by_role("button", name="Mulai presentasi").click()
    nomor = tab.locator(".st-key-navigasi").get_by_text(re.compile(r"^\d+ / \d+$"))
    expect(nomor).to_have_text(re.compile(r"^1 / \d+$"), timeout=TUNGGU)
    total = int(nomor.inner_text().split("/")[1])
    tab.wait_for_function("typeof window.__dasborTombolSlide === 'function'")
    for n in range(1, total + 1):
        expect(nomor).to_have_text(f"{n} / {total}", timeout=TUNGGU)
        tenang(tab)
        screenshot(tab, f"slide-{n:02d}-proyektor")
        gulir = tab.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]');"
            " return [m.scrollHeight, m.clientHeight, m.scrollWidth, m.clientWidth]; }"
        )
        assert gulir[0] <= gulir[1] + 1 and gulir[2] <= gulir[3] + 1, f"slide {n}: halaman bergulir {gulir}"
        if n < total:
            tab.keyboard.press("ArrowRight")
