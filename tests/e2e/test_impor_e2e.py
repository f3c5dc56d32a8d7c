"""In a real Chromium, on the Impor page of one server (a private database copy with its own accounts file), in
the order written:

1. an admin signs in, uploads a workbook and sees the preview; a bad workbook shows its problems (nothing is
   committed);
2. an admin imports the national portal's export of Kota Banjarbaru, sees it recognised without choosing a
   format, confirms one uncertain match in the review and commits; the decision and the kept id are in the
   database.

One server for both: the first test only previews, so the second still finds the database as the demo built it
(its import is #1); a server start and its cold page cache per test cost seconds and checked nothing more."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from dasbor.demo.portal_tulis import tulis_portal
from tests.e2e.conftest import server_berakun, skrip_selesai
from tests.impor.bantu import SANDI, TAHUN, buku_ekspor
from tests.impor.test_portal_impor import PEMDA, TAHUN_P, _kasus, _kueri, _lama, _tahun


@pytest.fixture(scope="module")
def server_impor(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(database, URL) of the module's server with an admin account."""
    folder = tmp_path_factory.mktemp("impor")
    db = folder / "iid.duckdb"
    shutil.copy(demo_db, db)
    with pytest.MonkeyPatch.context() as mp, server_berakun(db, folder, mp, [("admin", "admin")]) as (_, url):
        yield db, url


@pytest.fixture
def buku_sah(demo_db: Path, tmp_path: Path) -> bytes:
    return buku_ekspor(demo_db, tmp_path)


def test_admin_logs_in_uploads_and_sees_preview(
    page: Page, server_impor: tuple[Path, str], buku_sah: bytes, tmp_path: Path, screenshot
) -> None:
    _, url = server_impor
    # Enter through the front page as an official would: on a fresh server a deep link is served by Streamlit's
    # pages/ folder discovery without app.py (see the report of issue 5).
    page.goto(url)
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


def test_admin_imports_a_portal_file_and_confirms_one_uncertain_match(
    page: Page, server_impor: tuple[Path, str], tmp_path: Path, screenshot
) -> None:
    db, url = server_impor
    lama = _lama(db, 2022)
    id_ragu = lama["id_inovasi"].iat[3]
    berkas = tmp_path / "daftar-inovasi-banjarbaru.xlsx"
    berkas.write_bytes(tulis_portal(_kasus(lama), PEMDA))

    page.goto(url)
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
    # as a user does, confirm the preview drawn with the new decision: a click before the rerun has drawn it
    # confirms the previous preview, which the write rightly refuses (DataBerubahError). The script state alone
    # does not tell: read just after the choice, it can still be "not running" from before the rerun began.
    expect(page.get_by_text("memakai keputusan: 1 sama, 0 berbeda, 1 belum diputuskan")).to_be_visible(timeout=60000)
    skrip_selesai(page, 60000)
    page.get_by_role("button", name="Konfirmasi impor").click()
    expect(page.get_by_text("Impor #1 selesai")).to_be_visible(timeout=60000)
    screenshot(page, "portal-selesai")
    assert id_ragu in set(_tahun(db).index)
    assert _kueri(db, "SELECT id_inovasi, keputusan FROM cocok_keputusan") == [(id_ragu, "sama")]

    # The send advice for the imported pemda-year on Inovasi, computed from the copy the import published.
    page.goto(f"{url}/inovasi?{urlencode({'tahun': str(TAHUN_P), 'wilayah': 'Kota Banjarbaru'})}")
    expect(page.get_by_role("heading", name="Saran kirim")).to_be_visible(timeout=60000)
    expect(page.get_by_text("dengan saran")).to_be_visible(timeout=60000)
    screenshot(page, "inovasi-saran")
