"""In a real Chromium: an admin opens the Lembar indikator page for a pemda the demo holds only from its portal
export (Kabupaten Barito Kuala 2025: no answers, no SPD), picks levels for two indicators of its strongest
innovation and ticks the evidence of one, sees "n/20 SID" and the kematangan estimate move as the portal's header
does, saves, and sees the stored kematangan and the pemda's SID follow (the answers now win over the portal's
kematangan)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import server_berakun, skrip_selesai
from tests.impor.bantu import SANDI

TUNGGU = 60_000


@pytest.fixture(scope="module")
def server_lembar(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("lembar")
    db = folder / "iid.duckdb"
    shutil.copy(demo_db, db)
    with pytest.MonkeyPatch.context() as mp, server_berakun(db, folder, mp, [("admin", "admin")]) as (_, url):
        yield url


def _metrik(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def _pilih_level(page: Page, kode: str, level: int) -> None:
    skrip_selesai(page, TUNGGU)  # the page settled (a warning above may have moved the sheet down)
    kotak = page.get_by_label(f"Parameter {kode}")
    kotak.scroll_into_view_if_needed()
    kotak.click()
    page.get_by_role("option", name=re.compile(rf"^{level}: ")).click()


def test_admin_mengisi_lembar_dan_kematangan_bergerak(page: Page, server_lembar: str, screenshot) -> None:
    page.goto(server_lembar)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Lembar indikator").click()
    expect(page.get_by_text("Halaman ini hanya untuk admin")).to_be_visible(timeout=TUNGGU)
    page.get_by_role("textbox", name="Nama akun").fill("admin")
    page.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai admin")).to_be_visible(timeout=TUNGGU)

    skrip_selesai(page, TUNGGU)
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Wilayah").click()
    page.keyboard.type("Barito Kuala")
    page.get_by_role("option", name="Kabupaten Barito Kuala", exact=True).click()
    expect(_metrik(page, "Kematangan tersimpan")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("Kematangan tersimpan dari kematangan portal")).to_be_visible()
    expect(_metrik(page, "Terisi")).to_have_text("0/20 SID")
    expect(_metrik(page, "Estimasi kematangan")).to_have_text("0 / 111")
    tersimpan_awal = _metrik(page, "Kematangan tersimpan").inner_text()
    sid_awal = _metrik(page, "SID 2025 wilayah ini").inner_text()
    assert tersimpan_awal != "0 / 111"

    _pilih_level(page, "16", 3)  # regulasi, bobot 3
    expect(_metrik(page, "Estimasi kematangan")).to_have_text("9 / 111", timeout=TUNGGU)
    _pilih_level(page, "35", 2)  # video, bobot 4
    expect(_metrik(page, "Estimasi kematangan")).to_have_text("17 / 111", timeout=TUNGGU)
    expect(_metrik(page, "Terisi")).to_have_text("2/20 SID")
    for bukti in ("Nomor", "Tanggal", "Tentang"):
        skrip_selesai(page, TUNGGU)
        page.get_by_test_id("stCheckbox").filter(has_text=bukti).first.click()
    expect(_metrik(page, "Bila hanya bukti lengkap diakui")).to_have_text("9 / 111", timeout=TUNGGU)
    screenshot(page, "terisi")

    page.get_by_role("button", name="Simpan lembar indikator").click()
    expect(page.get_by_text(re.compile(r"disimpan sebagai impor #\d+"))).to_be_visible(timeout=TUNGGU)
    expect(_metrik(page, "Kematangan tersimpan")).to_have_text("17 / 111", timeout=TUNGGU)
    expect(page.get_by_text("Kematangan tersimpan dari jawaban indikator")).to_be_visible()
    expect(_metrik(page, "SID 2025 wilayah ini")).not_to_have_text(sid_awal, timeout=TUNGGU)
    screenshot(page, "tersimpan")
