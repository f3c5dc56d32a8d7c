"""In a real Chromium (issue 23 §2): Kabupaten Tanah Laut's 2025 has no SPD, as a portal import leaves a pemda. An
admin opens the SPD page through the navigation, signs in, picks the pemda, sees it scored on SID alone, picks a
parameter in the portal-like worksheet with its evidence in hand, checks, saves, and sees the IID become whole;
Ringkasan then shows it on the map with the others."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from dasbor.db import terbitan
from dasbor.services.skor import hitung_skor_tahun
from dasbor.visual.format import angka
from tests.e2e.conftest import server_berakun, skrip_selesai
from tests.impor.bantu import SANDI

TAHUN, KODE, NAMA = 2025, "63.01", "Kabupaten Tanah Laut"


@pytest.fixture(scope="module")
def server_spd(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("spd")
    db = folder / "iid.duckdb"
    shutil.copy(demo_db, db)
    with terbitan.penulis(db, paksa=True) as tulis, tulis.transaction() as cur:
        cur.execute("DELETE FROM jawaban_spd WHERE tahun = $t AND kode_wilayah = $w", {"t": TAHUN, "w": KODE})
    with pytest.MonkeyPatch.context() as mp, server_berakun(db, folder, mp, [("admin", "admin")]) as (_, url):
        yield db, url


def test_admin_enters_spd_and_sees_the_iid_become_whole(page: Page, server_spd: tuple[Path, str], screenshot) -> None:
    db, url = server_spd
    page.goto(url)
    skrip_selesai(page, 120_000)  # the front page's first run draws (and redraws) the navigation
    navigasi = page.get_by_test_id("stSidebarNav")
    if navigasi.get_by_role("link", name="SPD dan penghitung portal").count() == 0:
        navigasi.get_by_role("button", name="View").click()  # a long page list is shown in part until asked
    navigasi.get_by_role("link", name="SPD dan penghitung portal").click()
    expect(page.get_by_text("Halaman ini hanya untuk admin")).to_be_visible(timeout=30000)
    page.get_by_role("textbox", name="Nama akun").fill("admin")
    page.get_by_role("textbox", name="Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai admin")).to_be_visible(timeout=30000)

    page.get_by_test_id("stSelectbox").filter(has_text="Pemda").click()
    page.get_by_role("option", name=NAMA, exact=True).click()
    expect(page.get_by_text("saja;", exact=False).first).to_be_visible(timeout=60000)
    expect(page.get_by_text("SPD belum diisi").first).to_be_visible()
    screenshot(page, "sid-saja")

    page.get_by_role("combobox", name="Parameter indikator 1", exact=True).click()
    page.get_by_role("option").filter(has_text="3:").first.click()
    page.get_by_test_id("stCheckbox").filter(has_text="Bukti di tangan").first.click()
    page.get_by_role("button", name="Periksa isian").click()
    expect(page.get_by_text("Pratinjau:")).to_be_visible(timeout=60000)
    expect(page.get_by_text("1 jawaban SPD berubah")).to_be_visible()
    page.get_by_role("button", name="Simpan SPD").click()
    expect(page.get_by_text("tersimpan sebagai impor #1")).to_be_visible(timeout=60000)

    r = hitung_skor_tahun(terbitan.kini(db).db, TAHUN).set_index("kode_wilayah").loc[KODE]
    assert r["ada_spd"] and pd.notna(r["iid"])
    expect(page.get_by_text(f"Sekarang: IID {angka(r['iid'])} ({r['predikat']})")).to_be_visible(timeout=30000)
    screenshot(page, "iid-utuh")
