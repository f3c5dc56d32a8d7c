"""In a real Chromium: an admin imports the national portal's export of Kota Banjarbaru on the Impor page, sees
it recognised without choosing a format, confirms one uncertain match in the review and commits; the decision and
the kept id are in the database."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from dasbor.excel.portal_tulis import tulis_portal
from tests.e2e.conftest import server_berakun
from tests.impor.bantu import SANDI
from tests.impor.test_portal_impor import PEMDA, TAHUN_P, _kasus, _kueri, _lama, _tahun


@pytest.fixture
def server_impor(salinan_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with server_berakun(salinan_db, tmp_path, monkeypatch, [("admin", "admin")]) as (_, url):
        yield url


def test_admin_imports_a_portal_file_and_confirms_one_uncertain_match(
    page: Page, server_impor: str, salinan_db: Path, tmp_path: Path, screenshot
) -> None:
    lama = _lama(salinan_db, 2022)
    id_ragu = lama["id_inovasi"].iat[3]
    berkas = tmp_path / "daftar-inovasi-banjarbaru.xlsx"
    berkas.write_bytes(tulis_portal(_kasus(lama), PEMDA))

    page.goto(server_impor)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Impor").click()
    page.get_by_role("textbox", name="Nama akun").fill("admin")
    page.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai admin")).to_be_visible(timeout=30000)
    page.get_by_test_id("stSelectbox").filter(has_text="Tahun penilaian data di berkas").click()
    page.get_by_role("option", name=str(TAHUN_P), exact=True).click()
    page.locator("input[type=file]").first.set_input_files(str(berkas))
    expect(page.get_by_text("ekspor daftar inovasi portal IID nasional")).to_be_visible(timeout=60000)
    expect(page.get_by_text("pasangan ragu")).to_be_visible()
    screenshot(page, "portal-ragu")

    pilih = page.get_by_test_id("stSelectbox").filter(has_text=id_ragu)
    pilih.get_by_role("combobox").click()  # the long label wraps: its middle is text, not the box
    page.keyboard.type("Inovasi yang sama")  # the selectbox filters its options as one types
    page.keyboard.press("Enter")
    expect(pilih.get_by_role("combobox")).to_have_value("Inovasi yang sama", timeout=30000)
    page.get_by_role("button", name="Konfirmasi impor").click()
    expect(page.get_by_text("Impor #1 selesai")).to_be_visible(timeout=60000)
    screenshot(page, "portal-selesai")
    assert id_ragu in set(_tahun(salinan_db).index)
    assert _kueri(salinan_db, "SELECT id_inovasi, keputusan FROM cocok_keputusan") == [(id_ragu, "sama")]

    # The send advice for the imported pemda-year on Inovasi, computed from the copy the import published.
    page.goto(f"{server_impor}/inovasi?{urlencode({'tahun': str(TAHUN_P), 'wilayah': 'Kota Banjarbaru'})}")
    expect(page.get_by_role("heading", name="Saran kirim")).to_be_visible(timeout=60000)
    expect(page.get_by_text("dengan saran")).to_be_visible(timeout=60000)
    screenshot(page, "inovasi-saran")
