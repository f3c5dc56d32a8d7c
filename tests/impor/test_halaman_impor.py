"""The Impor page in AppTest: no admin yet, login required, problems listed, preview shown, confirm commits,
undo restores."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from streamlit.testing.v1 import AppTest

from tests.impor.bantu import SANDI, TAHUN, WILAYAH, isi_data

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _halaman_impor() -> AppTest:
    """The Impor page opened as a link to it does: app.py's navigation and that page in one run (as
    apptest_bantu.buka opens a page), not a Ringkasan run first whose figures no test here reads."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    return at.switch_page("pages/impor.py").run()


def _masuk(at: AppTest, sandi: str = SANDI) -> AppTest:
    at.text_input(key="masuk_nama").input("admin")
    at.text_input(key="masuk_sandi").input(sandi)
    return at.button[0].click().run()


def _unggah(at: AppTest, isi: bytes, nama: str = "banjarbaru.xlsx") -> AppTest:
    at.selectbox(key="impor_tahun").select(TAHUN).run()
    at.file_uploader(key="impor_berkas").set_value((nama, isi, XLSX))
    return at.run()


def test_without_any_account_the_page_says_how_to_create_the_first_admin(salinan_env, tanpa_akun) -> None:
    at = _halaman_impor()
    assert not at.exception
    assert any("Belum ada akun admin" in w.value for w in at.warning)
    assert any("python -m dasbor akun tambah" in c.value for c in at.code)
    assert not at.file_uploader


def test_login_is_required_and_a_wrong_password_is_refused(salinan_env, akun_admin) -> None:
    at = _halaman_impor()
    assert not at.file_uploader and any("hanya untuk admin" in i.value for i in at.info)
    at = _masuk(at, "salah-sekali-sandinya")
    assert any("salah" in e.value for e in at.error) and not at.file_uploader
    at = _masuk(at)
    assert not at.exception and at.file_uploader


def test_login_wall_for_every_page_when_configured(salinan_env, akun_admin, monkeypatch) -> None:
    """AppTest runs app.py (and so the wall) on the entry page; switch_page would run the page file alone."""
    monkeypatch.setenv("DASBOR_WAJIB_MASUK", "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert [t.value for t in at.title] == ["Masuk ke Dasbor IID Kalsel"] and not at.metric
    at = _masuk(at)
    assert not at.exception
    assert [t.value for t in at.title] == ["Indeks Inovasi Daerah — Kalimantan Selatan"] and at.metric
    at.switch_page("pages/akun.py").run()
    assert any("masuk sebagai admin dengan peran admin" in s.value for s in at.success)
    at.button(key="keluar_halaman").click().run()
    assert at.text_input(key="masuk_nama") and not at.success


def test_viewing_needs_no_login_by_default(salinan_env, tanpa_akun, monkeypatch) -> None:
    monkeypatch.delenv("DASBOR_WAJIB_MASUK", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception and at.metric  # the Ringkasan KPI cards
    assert [t.value for t in at.title] == ["Indeks Inovasi Daerah — Kalimantan Selatan"]


def test_bad_file_lists_problems_and_writes_nothing(salinan_env, akun_admin, buku_sah) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    wb["jawaban_sid"]["C2"] = 7
    buf = io.BytesIO()
    wb.save(buf)
    sebelum = isi_data(salinan_env)
    at = _unggah(_masuk(_halaman_impor()), buf.getvalue())
    assert not at.exception
    assert any("tidak dapat diimpor" in e.value for e in at.error)
    masalah = at.dataframe[0].value
    assert {"Lembar": "jawaban_sid", "Baris": 2, "Kolom": "C level_klaim"}.items() <= masalah.iloc[0].to_dict().items()
    assert "di luar rentang" in masalah["Masalah"].iat[0]
    assert not [b for b in at.button if b.key == "konfirmasi_impor"]
    assert isi_data(salinan_env) == sebelum


def test_preview_then_confirm_commits_and_undo_restores(salinan_env, akun_admin, buku_sah) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    wb["inovasi"]["E2"].value = "Nama inovasi yang diperbarui"
    wb["inovasi"].delete_rows(3)  # its answers stay behind in jawaban_sid: remove them too
    sid = wb["jawaban_sid"]
    hapus = [c.row for c in sid["A"][1:] if c.value == "63.72-2021-0002"]
    for r in reversed(hapus):
        sid.delete_rows(r)
    buf = io.BytesIO()
    wb.save(buf)
    sebelum = isi_data(salinan_env)

    at = _unggah(_masuk(_halaman_impor()), buf.getvalue())
    assert not at.exception, at.exception
    pratinjau = at.dataframe[0].value
    assert pratinjau["Wilayah"].tolist() == ["Kota Banjarbaru"]
    assert pratinjau[["Berubah", "Dihapus", "Inovasi baru"]].iloc[0].tolist() == [1, 1, 0]
    assert pratinjau["Data sebelum"].iat[0] == "demo (SINTETIS)"
    assert "," in pratinjau["IID sebelum"].iat[0]
    assert isi_data(salinan_env) == sebelum, "pratinjau tidak boleh menulis"

    at.button(key="konfirmasi_impor").click().run()
    assert not at.exception, at.exception
    assert any("Impor #1 selesai" in s.value for s in at.success)
    sesudah = isi_data(salinan_env)
    nama = {r[0]: r[4] for r in sesudah["inovasi"] if r[2] == WILAYAH and r[1] == TAHUN}  # ids recur in later years
    assert nama["63.72-2021-0001"] == "Nama inovasi yang diperbarui" and "63.72-2021-0002" not in nama

    at.checkbox(key="yakin_batal").check().run()
    at.button(key="batalkan_impor").click().run()
    assert not at.exception, at.exception
    assert any("Impor #1 dibatalkan" in s.value for s in at.success)
    assert isi_data(salinan_env) == sebelum
    riwayat = at.dataframe[-1].value
    assert riwayat["hasil"].tolist() == ["dibatalkan", "diimpor"] and riwayat["membatalkan"].iat[0] == 1
