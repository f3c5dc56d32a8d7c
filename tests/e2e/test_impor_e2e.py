"""In a real Chromium, on the Impor page of one server (a private database copy with its own accounts file), in
the order written:

1. an admin signs in, uploads a workbook and sees the preview; a bad workbook shows its problems (nothing is
   committed);
2. an admin imports the national portal's export of Kota Banjarbaru, sees it recognised without choosing a
   format, confirms one uncertain match in the review and commits; the decision and the kept id are in the
   database;
3. issue 23's path on one region, as an admin walks it: Barito Kuala's 2025 export (literal portal cell text) goes
   in; Kelengkapan shows its gaps priced per perangkat daerah and SID alone; the SPD worksheet makes the IID whole;
   the indicator worksheet of its strongest innovation moves the kematangan estimate, and once saved the IID.

One server for all: the first test only previews, so the second still finds the database as the demo built it
(its import is #1), and the third works on another region-year; a server start and its cold page cache per test
cost seconds and checked nothing more (the SPD and worksheet steps had a server each before)."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from dasbor.db import terbitan
from dasbor.demo.portal_tulis import tulis_portal
from dasbor.services.skor import hitung_skor_tahun
from dasbor.visual.format import angka
from tests.e2e.conftest import server_berakun, skrip_selesai
from tests.excel.test_portal_sel import JUDUL, buku, sel
from tests.impor.bantu import SANDI, TAHUN, buku_ekspor
from tests.impor.test_portal_impor import PEMDA, TAHUN_P, _kasus, _kueri, _lama, _tahun

TUNGGU = 60_000


@pytest.fixture(scope="module")
def server_impor(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(database, URL) of the module's server with an admin account."""
    folder = tmp_path_factory.mktemp("impor")
    db = folder / "iid.duckdb"
    shutil.copy(demo_db, db)
    with pytest.MonkeyPatch.context() as mp, server_berakun(db, folder, mp, [("admin", "admin")]) as (_, url):
        yield db, url


def _masuk(page: Page, url: str) -> None:
    """Sign in as the admin on the Impor page, entered through the front page as an official would: on a fresh
    server a deep link is served by Streamlit's pages/ folder discovery without app.py (see the report of
    issue 5)."""
    page.goto(url)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Impor").click()
    expect(page.get_by_text("Halaman ini hanya untuk admin")).to_be_visible(timeout=TUNGGU)
    page.get_by_role("textbox", name="Nama akun").fill("admin")
    page.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai admin")).to_be_visible(timeout=TUNGGU)


@pytest.fixture
def buku_sah(demo_db: Path, tmp_path: Path) -> bytes:
    return buku_ekspor(demo_db, tmp_path)


def test_admin_logs_in_uploads_and_sees_preview(
    page: Page, server_impor: tuple[Path, str], buku_sah: bytes, tmp_path: Path, screenshot
) -> None:
    _, url = server_impor
    _masuk(page, url)
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

    _masuk(page, url)
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


# --- issue 23's whole path, one region: a portal export in, priced gaps, SPD, one worksheet ---------------------

TAHUN_ALUR, KODE_ALUR, NAMA_ALUR = 2025, "63.04", "Kabupaten Barito Kuala"


def ekspor_batola() -> bytes:
    """Barito Kuala's 2025 list as the portal exports it, typed cell by cell as literal portal text (not by our
    writer): `0` and `0.00`, `null`, a blank and `-` for empty, spacing around an account, a video missing, a row at
    uji coba, an old innovation developed in 2024 and one that fails the age rule. No SPD, as no export has."""

    def baris(no: int, judul: str, opd: str, kematangan: str, terap: str, urusan: str, **lain: str) -> dict:
        return sel(
            No=str(no),
            Judul_Inovasi=judul,
            Pemda=NAMA_ALUR,
            Admin_OPD=opd,
            Kematangan=kematangan,
            Tanggal_Penerapan=terap,
            Urusan_Utama=urusan,
            **({"Tanggal_Input": "14-03-2025", "Koordinat": "-3.0, 114.6"} | lain),
        )

    return buku(
        JUDUL,
        [
            baris(
                1,
                "SIPANTAS (Sistem Informasi Pantauan Sungai)",
                "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG (dpupr.batola)",
                "111.00",
                "12-05-2023",
                "pekerjaan umum dan penataan ruang",
            ),
            baris(
                2,
                "BUNDA CERIA (Bumil dan Balita Ceria)",
                "DINAS KESEHATAN (dinkes.batola)",
                "62.00",
                "03-02-2024",
                "kesehatan",
                Video="Tidak Ada",
                Link_Video="-",
            ),
            baris(
                3,
                "KAMPUNG SIAGA (Kampung Siaga Banjir)",
                "DINAS KESEHATAN (dinkes.batola)",
                "0",
                "20-09-2023",
                "kesehatan",
                Koordinat="null",
            ),
            baris(
                4,
                "E-KINERJA DESA",
                " DINAS PEMBERDAYAAN MASYARAKAT DAN DESA  (dpmd.batola)",
                "85.00",
                "10-10-2024",
                "pemberdayaan masyarakat dan desa",
                Tahapan_Inovasi="Uji Coba",
            ),
            baris(
                5,
                "SI PADI (Sistem Informasi Padi Rawa)",
                "DINAS PERTANIAN (distan.batola)",
                "48.00",
                "15-01-2021",
                "pertanian",
                Tanggal_Pengembangan="01-06-2024",
            ),
            baris(
                6,
                "LAPOR CEPAT (Layanan Pengaduan Cepat)",
                "DINAS KOMUNIKASI DAN INFORMATIKA (diskominfo.batola)",
                "0.00",
                "05-07-2022",
                "komunikasi dan informatika",
            ),
            baris(
                7,
                "SAPA SEKOLAH (Sistem Aplikasi Pendidikan Sekolah)",
                "DINAS PENDIDIKAN (disdik.batola)",
                "96.00",
                "22-07-2023",
                "pendidikan",
            ),
        ],
    )


def _metrik(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def _buka(page: Page, judul: str) -> None:
    """Open a page through the sidebar navigation, as an official does, and wait for its first run to end."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=judul, exact=True).click()
    skrip_selesai(page, TUNGGU)


def _pilih_wilayah(page: Page) -> None:
    """The region in the sidebar filter: typed and chosen with Enter (a click on an option of the long sidebar
    can time out, see tests/e2e/test_halaman_chromium.py)."""
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Wilayah").click()
    page.keyboard.type("Barito Kuala")
    page.keyboard.press("Enter")


def _pilih_level(page: Page, kode: str, level: int) -> None:
    skrip_selesai(page, TUNGGU)  # the page settled (a warning above may have moved the sheet down)
    kotak = page.get_by_label(f"Parameter {kode}")
    kotak.scroll_into_view_if_needed()
    kotak.click()
    page.get_by_role("option", name=re.compile(rf"^{level}: ")).click()


def test_admin_imports_a_portal_export_sees_priced_gaps_enters_spd_and_fills_a_worksheet(
    page: Page, server_impor: tuple[Path, str], tmp_path: Path, screenshot
) -> None:
    db, url = server_impor
    berkas = tmp_path / "daftar-inovasi-batola-2025.xlsx"
    berkas.write_bytes(ekspor_batola())

    # 1. The export goes in: recognised without choosing a format, the demo's list of the year replaced.
    _masuk(page, url)
    page.get_by_test_id("stSelectbox").filter(has_text="Tahun penilaian data di berkas").click()
    page.get_by_role("option", name=str(TAHUN_ALUR), exact=True).click()
    page.locator("input[type=file]").first.set_input_files(str(berkas))
    expect(page.get_by_text(f"{berkas.name} sah: 7 baris untuk tahun {TAHUN_ALUR}")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("ekspor daftar inovasi portal IID nasional")).to_be_visible()
    skrip_selesai(page, TUNGGU)
    page.get_by_role("button", name="Konfirmasi impor").click()
    expect(page.get_by_text(re.compile(rf"Impor #\d+ selesai: {re.escape(KODE_ALUR)} tahun"))).to_be_visible(
        timeout=TUNGGU
    )

    # 2. Kelengkapan: SID alone (no SPD), and gaps priced in IID points per perangkat daerah, SPD among them.
    _buka(page, "Kelengkapan")
    _pilih_wilayah(page)
    expect(page.get_by_role("heading", name=f"Rincian: {NAMA_ALUR}")).to_be_visible(timeout=TUNGGU)
    expect(_metrik(page, f"SID {TAHUN_ALUR} (tanpa SPD)")).to_be_visible()
    # The year is mixed now: the banner names the synthetic regions, and the imported one is not among them.
    banner = page.get_by_text(re.compile(rf"Data {TAHUN_ALUR} SINTETIS \(demo\) hanya untuk"))
    expect(banner).to_be_visible()
    expect(banner).not_to_contain_text("Barito Kuala")
    skrip_selesai(page, TUNGGU)
    batang = page.locator(".js-plotly-plot").nth(1)  # the matrix first, then the points per perangkat daerah
    batang.locator(".barlayer .point path").first.wait_for(state="attached", timeout=TUNGGU)
    poin = dict(zip(*batang.evaluate("el => [el.data[0].y, el.data[0].text]"), strict=True))
    # Raising an innovation to 111 adds (111 − k) ÷ MAX(10, n) SID points, n = 6 counted (LAPOR CEPAT fails the
    # age rule), ÷ 250 × 100 in IID points: BUNDA CERIA 62 and KAMPUNG SIAGA 0 of Dinas Kesehatan (a perangkat
    # daerah the region knew), SAPA SEKOLAH 96 of DINAS PENDIDIKAN (new from this file).
    assert poin["Dinas Kesehatan"] == angka((49 + 111) / 10 / 250 * 100, 3), poin
    assert poin["DINAS PENDIDIKAN"] == angka(15 / 10 / 250 * 100, 3), poin
    batang.scroll_into_view_if_needed()
    screenshot(page, "kelengkapan")

    # 3. SPD entered on the portal-like worksheet: the IID becomes whole.
    _buka(page, "SPD dan penghitung portal")
    page.get_by_test_id("stSelectbox").filter(has_text="Pemda").click()
    page.get_by_role("option", name=NAMA_ALUR, exact=True).click()
    expect(page.get_by_text("saja;", exact=False).first).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("SPD belum diisi").first).to_be_visible()
    page.get_by_role("combobox", name="Parameter indikator 1", exact=True).click()
    page.get_by_role("option").filter(has_text="3:").first.click()
    page.get_by_test_id("stCheckbox").filter(has_text="Bukti di tangan").first.click()
    page.get_by_role("button", name="Periksa isian").click()
    expect(page.get_by_text("Pratinjau:")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("1 jawaban SPD berubah")).to_be_visible()
    skrip_selesai(page, TUNGGU)
    page.get_by_role("button", name="Simpan SPD").click()
    expect(page.get_by_text(re.compile(r"tersimpan sebagai impor #\d+"))).to_be_visible(timeout=TUNGGU)
    r = hitung_skor_tahun(terbitan.kini(db).db, TAHUN_ALUR).set_index("kode_wilayah").loc[KODE_ALUR]
    assert r["ada_spd"] and pd.notna(r["iid"])
    expect(page.get_by_text(f"Sekarang: IID {angka(r['iid'])} ({r['predikat']})")).to_be_visible(timeout=TUNGGU)
    screenshot(page, "spd")

    # 4. One innovation's worksheet: the strongest first; the estimate moves as levels are picked, and once saved
    # the answers win over the portal's kematangan and move the (now whole) IID.
    _buka(page, "Lembar indikator")
    _pilih_wilayah(page)
    expect(page.get_by_text("Inovasi: SIPANTAS (Sistem Informasi Pantauan Sungai)")).to_be_visible(timeout=TUNGGU)
    expect(page.get_by_text("Kematangan tersimpan dari kematangan portal")).to_be_visible()
    expect(_metrik(page, "Kematangan tersimpan")).to_have_text("111 / 111")
    expect(_metrik(page, "Terisi")).to_have_text("0/20 SID")
    expect(_metrik(page, "Estimasi kematangan")).to_have_text("0 / 111")
    iid_awal = _metrik(page, f"IID {TAHUN_ALUR} wilayah ini").inner_text()
    assert iid_awal == angka(r["iid"])

    _pilih_level(page, "16", 3)  # regulasi, bobot 3
    expect(_metrik(page, "Estimasi kematangan")).to_have_text("9 / 111", timeout=TUNGGU)
    _pilih_level(page, "35", 2)  # video, bobot 4
    expect(_metrik(page, "Estimasi kematangan")).to_have_text("17 / 111", timeout=TUNGGU)
    expect(_metrik(page, "Terisi")).to_have_text("2/20 SID")
    for bukti in ("Nomor", "Tanggal", "Tentang"):
        skrip_selesai(page, TUNGGU)
        page.get_by_test_id("stCheckbox").filter(has_text=bukti).first.click()
    expect(_metrik(page, "Bila hanya bukti lengkap diakui")).to_have_text("9 / 111", timeout=TUNGGU)
    skrip_selesai(page, TUNGGU)
    screenshot(page, "lembar")

    page.get_by_role("button", name="Simpan lembar indikator").click()
    expect(page.get_by_text(re.compile(r"disimpan sebagai impor #\d+"))).to_be_visible(timeout=TUNGGU)
    expect(_metrik(page, "Kematangan tersimpan")).to_have_text("17 / 111", timeout=TUNGGU)
    expect(page.get_by_text("Kematangan tersimpan dari jawaban indikator")).to_be_visible()
    expect(_metrik(page, f"IID {TAHUN_ALUR} wilayah ini")).not_to_have_text(iid_awal, timeout=TUNGGU)
