"""In headless Chromium: find an innovation of last year that was not entered again and open its history.
(Signing in as the region's operator first comes with the operator role.)"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from playwright.sync_api import Page, expect

TUNGGU = 60000


def test_last_years_innovation_not_entered_again_opens_its_history(page: Page, app_url: str, screenshot) -> None:
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(app_url)  # the first session of a fresh server is special (see test_kelengkapan_e2e)
    expect(page.get_by_role("heading", name="Indeks Inovasi Daerah — Kalimantan Selatan")).to_be_visible(timeout=TUNGGU)
    page.goto(f"{app_url}/inovasi?{urlencode({'tahun': '2025', 'wilayah': 'Kabupaten Tabalong'})}")
    judul = page.get_by_role("heading", name="Inovasi 2024 yang belum diinput ulang tahun 2025")
    expect(judul).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=TUNGGU)
    tabel = page.get_by_test_id("stDataFrame").nth(1)  # the search results come first
    tabel.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    kotak = tabel.bounding_box()
    page.mouse.click(kotak["x"] + 15, kotak["y"] + 35 + 17)  # the row marker of the first innovation
    expect(page).to_have_url(re.compile(r"riwayat=63\.09-"), timeout=TUNGGU)
    riwayat = page.get_by_role("heading", name=re.compile(r"Riwayat lintas tahun: 63\.09-"))
    expect(riwayat).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("berubah dari tahun sebelumnya")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=TUNGGU)
    screenshot(page, "riwayat")
