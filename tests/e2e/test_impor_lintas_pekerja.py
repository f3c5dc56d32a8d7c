"""Two workers behind HAProxy on one database: an admin pinned to worker 1 imports a workbook on the Impor page,
and a visitor pinned to worker 2 sees the new numbers at the next load, with no restart (both read the published
snapshot, which the import replaced)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import server_berakun
from tests.impor.bantu import SANDI, TAHUN, buku_ekspor

PROFIL = f"/profil?tahun={TAHUN}&wilayah=Kota+Banjarbaru"
TUNGGU = 90_000


@pytest.fixture
def dua_pekerja(salinan_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with server_berakun(salinan_db, tmp_path, monkeypatch, [("admin", "admin")], proses=2) as url:
        yield url


def _halaman_di(browser: Browser, url: str, pekerja: int) -> Page:
    """A browser whose sticky cookie sends it to one worker, as HAProxy's own cookie would after a first visit."""
    konteks = browser.new_context(viewport={"width": 1400, "height": 900}, locale="id-ID")
    konteks.add_cookies([{"name": "DASBOR_PEKERJA", "value": str(pekerja), "url": url}])
    return konteks.new_page()


def _angka_profil(page: Page, url: str) -> list[str]:
    page.goto(url + PROFIL)
    nilai = page.get_by_test_id("stMetricValue")
    expect(nilai.first).to_be_visible(timeout=TUNGGU)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=TUNGGU)
    return nilai.all_inner_texts()


def _tanpa_spd(isi: bytes, folder: Path) -> Path:
    """The region-year's workbook with every SPD answer at level 0: the region's IID must fall."""
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    lembar = wb["jawaban_spd"]
    kepala = {sel.value: sel.column for sel in lembar[1]}
    for baris in range(2, lembar.max_row + 1):
        for kolom in ("level_klaim", "level_verifikasi"):
            lembar.cell(baris, kepala[kolom]).value = 0
    berkas = folder / "banjarbaru-tanpa-spd.xlsx"
    wb.save(berkas)
    return berkas


def test_an_import_through_one_worker_is_seen_on_the_other(
    browser: Browser, dua_pekerja: str, demo_db: Path, tmp_path: Path
) -> None:
    pengunjung = _halaman_di(browser, dua_pekerja, 2)
    sebelum = _angka_profil(pengunjung, dua_pekerja)

    admin = _halaman_di(browser, dua_pekerja, 1)
    admin.goto(dua_pekerja)
    admin.get_by_test_id("stSidebarNav").get_by_role("link", name="Impor").click()
    admin.get_by_role("textbox", name="Nama akun").fill("admin")
    admin.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    admin.get_by_role("button", name="Masuk").click()
    expect(admin.get_by_text("Masuk sebagai")).to_be_visible(timeout=TUNGGU)
    admin.get_by_test_id("stSelectbox").filter(has_text="Tahun penilaian data di berkas").click()
    admin.get_by_role("option", name=str(TAHUN), exact=True).click()
    admin.locator("input[type=file]").set_input_files(str(_tanpa_spd(buku_ekspor(demo_db, tmp_path), tmp_path)))
    admin.get_by_role("button", name="Konfirmasi impor").click(timeout=TUNGGU)
    expect(admin.get_by_text("selesai")).to_be_visible(timeout=TUNGGU)

    sesudah = _angka_profil(pengunjung, dua_pekerja)
    assert sesudah != sebelum, "pekerja 2 masih menampilkan angka sebelum impor"
