"""In a real Chromium: an admin signs in on the Impor page, uploads a workbook and sees the preview; a bad
workbook shows its problems. The server runs on a private database copy with its own accounts file."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import server_berakun
from tests.impor.bantu import SANDI, TAHUN, buku_ekspor


@pytest.fixture
def buku_sah(demo_db: Path, tmp_path: Path) -> bytes:
    return buku_ekspor(demo_db, tmp_path)


@pytest.fixture
def server_impor(salinan_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with server_berakun(salinan_db, tmp_path, monkeypatch, [("admin", "admin")]) as (_, url):
        yield url


def test_admin_logs_in_uploads_and_sees_preview(
    page: Page, server_impor: str, buku_sah: bytes, tmp_path: Path, screenshot
) -> None:
    # Enter through the front page as an official would: on a fresh server a deep link is served by Streamlit's
    # pages/ folder discovery without app.py (see the report of issue 5).
    page.goto(server_impor)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Impor").click()
    expect(page.get_by_text("Halaman ini hanya untuk admin")).to_be_visible(timeout=30000)
    page.get_by_role("textbox", name="Nama akun").fill("admin")
    page.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai admin")).to_be_visible(timeout=30000)
    screenshot(page, "masuk")

    page.get_by_test_id("stSelectbox").filter(has_text="Tahun penilaian data di berkas").click()
    page.get_by_role("option", name=str(TAHUN), exact=True).click()
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    wb["inovasi"]["E2"] = "Nama inovasi yang diperbarui"
    berkas = tmp_path / "banjarbaru-2021.xlsx"
    wb.save(berkas)
    page.locator("input[type=file]").set_input_files(str(berkas))
    expect(page.get_by_text("Pratinjau perubahan")).to_be_visible(timeout=60000)
    expect(page.get_by_text("sah: ")).to_be_visible()
    expect(page.get_by_role("button", name="Konfirmasi impor")).to_be_visible()
    screenshot(page, "pratinjau")

    wb["jawaban_sid"]["C2"] = 5
    wb["inovasi"]["C3"] = "63.99"
    salah = tmp_path / "salah.xlsx"
    wb.save(salah)
    page.locator("input[type=file]").set_input_files(str(salah))
    expect(page.get_by_text("tidak dapat diimpor")).to_be_visible(timeout=60000)
    expect(page.get_by_text("Pratinjau perubahan")).to_have_count(0, timeout=30000)
    expect(page.get_by_text("level 5 di luar rentang 0–3.")).to_be_attached()  # a canvas grid: cells are hidden
    screenshot(page, "masalah")
