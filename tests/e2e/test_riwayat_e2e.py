"""In headless Chromium, as the operator of Kabupaten Tabalong on a server that requires an account: sign in, find
an innovation of last year that was not entered again, and open its history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import klik_baris_pertama, server_berakun
from tests.impor.bantu import SANDI

TUNGGU = 60000


@pytest.fixture
def server_operator(salinan_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    akun = [("admin", "admin"), ("op_tabalong", "operator", False, ["63.09"])]
    with server_berakun(salinan_db, tmp_path, monkeypatch, akun, {"DASBOR_WAJIB_MASUK": "1"}) as (_, url):
        yield url


def test_operator_finds_last_years_innovation_not_entered_again_and_opens_its_history(
    page: Page, server_operator: str, screenshot
) -> None:
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(server_operator)  # the first session of a fresh server is special (see test_kelengkapan_e2e)
    expect(page.get_by_role("heading", name="Masuk ke Dasbor IID Kalsel")).to_be_visible(timeout=TUNGGU)
    page.goto(f"{server_operator}/inovasi?{urlencode({'tahun': '2025', 'wilayah': 'Kabupaten Tabalong'})}")
    page.get_by_role("textbox", name="Nama akun").fill("op_tabalong")
    page.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("63.09")).not_to_have_count(0)  # the operator's region beside the account
    judul = page.get_by_role("heading", name="Inovasi 2024 yang belum diinput ulang tahun 2025")
    expect(judul).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=TUNGGU)
    # The table under that heading (the search results, advice and age-out tables come before it).
    tabel = judul.locator("xpath=following::*[@data-testid='stDataFrame'][1]")
    klik_baris_pertama(page, tabel, TUNGGU)  # the first innovation
    expect(page).to_have_url(re.compile(r"riwayat=63\.09-"), timeout=TUNGGU)
    riwayat = page.get_by_role("heading", name=re.compile(r"Riwayat lintas tahun: 63\.09-"))
    expect(riwayat).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("berubah dari tahun sebelumnya")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=TUNGGU)
    screenshot(page, "riwayat")
