"""Text contrast in a real Chromium (WCAG 2 AA, ≥ 4,5 : 1 for body-size text) on every page: captions, quotes and
code (the measurement and its assertions: tests/e2e/kontras.py).

Each page is measured on a visit that another check already makes, once that visit's script run has finished:
- Ringkasan, Peringkat, Tren, Bandingkan, Profil (the province) and Metodologi: on
  test_halaman_chromium.py::test_every_page_draws_its_charts_offline (the same address and 1400×900 window this
  file used to load them in; Ringkasan's trend as text, and no sparkline, is checked on that visit too);
- Kelengkapan, Simulasi, Inovasi and Presentasi: on the projector (1280×720) visit of
  test_ukuran_layar_chromium.py::test_page_fits_phone_and_projector;
- Impor and Akun, which no other browser check opens: here.
The lists come from the page registry (tests/e2e/kontras.py), so a new page is measured on one of these visits.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import skrip_selesai
from tests.e2e.kontras import SENDIRI, periksa_kontras

TUNGGU = 120_000


@pytest.mark.parametrize("jalur", SENDIRI)
def test_captions_quotes_and_code_reach_wcag_aa_contrast(tab: Page, app_url: str, jalur: str) -> None:
    tab.goto(f"{app_url}/{jalur}")
    expect(tab.get_by_role("heading", level=1)).to_be_visible(timeout=TUNGGU)
    skrip_selesai(tab, TUNGGU)
    expect(tab.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=TUNGGU)
    periksa_kontras(tab, jalur, TUNGGU)
