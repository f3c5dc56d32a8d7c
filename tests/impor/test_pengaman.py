"""What a careless hand or a hostile file must not achieve through the import (issue 17: item 7 and the low items):
the confirm commits only the file whose preview was on screen, the undo only the import it named, an infinite
cell is refused with a message, a huge bad file gets a bounded problem list, an operator cannot open a new year,
and file names are inert in the page's Markdown."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dasbor.db.connection import Database
from dasbor.services import impor
from dasbor.services.impor.pemeriksaan import MAKS_PER_KOLOM
from tests.impor.bantu import TAHUN, WILAYAH, isi_data, isi_db
from tests.impor.test_halaman_impor import _halaman_impor, _masuk, _unggah

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ubah(buku: bytes, **sel: object) -> bytes:
    """The workbook with cells changed, e.g. inovasi__E2="nama"."""
    wb = openpyxl.load_workbook(io.BytesIO(buku))
    for kunci, nilai in sel.items():
        lembar, alamat = kunci.split("__")
        wb[lembar][alamat].value = nilai
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ganti_xml(buku: bytes, lama: bytes, baru: bytes) -> bytes:
    """The workbook with a byte string replaced inside its sheet XML (a value openpyxl would not write)."""
    masuk, keluar = zipfile.ZipFile(io.BytesIO(buku)), io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for nama in masuk.namelist():
            z.writestr(nama, masuk.read(nama).replace(lama, baru))
    return keluar.getvalue()


def test_confirming_another_file_than_the_checked_one_is_refused(salinan_env: Path, buku_sah: bytes) -> None:
    db = Database(salinan_env)
    try:
        periksa = impor.check_import(db, _ubah(buku_sah, inovasi__E2="Berkas B"), TAHUN, "b.xlsx")
    finally:
        db.close()
    sebelum = isi_db(salinan_env)
    with pytest.raises(impor.BerkasBerbedaError, match="pratinjau berkas lain"):
        impor.simpan(periksa, "uji", "0" * 64)
    assert isi_db(salinan_env) == sebelum
    assert impor.simpan(periksa, "uji", periksa.sha256) == 1


def test_undo_names_its_import_and_refuses_when_a_newer_one_arrived(salinan_env: Path, buku_sah: bytes) -> None:
    for nama in ("Pertama", "Kedua"):
        db = Database(salinan_env)
        try:
            periksa = impor.check_import(db, _ubah(buku_sah, inovasi__E2=nama), TAHUN, f"{nama}.xlsx")
        finally:
            db.close()
        impor.simpan(periksa, "uji", periksa.sha256)
    sebelum = isi_db(salinan_env)
    with pytest.raises(impor.DataBerubahError, match=r"Impor #1 yang Anda lihat bukan lagi impor terakhir"):
        impor.batalkan("uji", id_dilihat=1)
    assert isi_db(salinan_env) == sebelum
    assert impor.batalkan("uji", id_dilihat=2) == 2
    with pytest.raises(impor.DataBerubahError, match="#2"):
        impor.batalkan("uji", id_dilihat=2)  # already undone by someone else


def test_page_commits_only_the_file_whose_preview_was_on_screen(salinan_env, akun_admin, buku_sah) -> None:
    """A second file chosen just before the click arrives in the same run as the click: it must not be
    committed unseen (today's page committed it)."""
    sebelum = isi_data(salinan_env)
    at = _unggah(_masuk(_halaman_impor()), _ubah(buku_sah, inovasi__E2="Yang dilihat"), "a.xlsx")
    assert at.button(key="konfirmasi_impor")
    at.file_uploader(key="impor_berkas").set_value(("b.xlsx", _ubah(buku_sah, inovasi__E2="Tak dilihat"), XLSX))
    at.button(key="konfirmasi_impor").click().run()
    assert not at.exception, at.exception
    assert any("pratinjau berkas lain" in w.value for w in at.warning)
    assert isi_data(salinan_env) == sebelum
    at.button(key="konfirmasi_impor").click().run()  # now the preview on screen is b.xlsx's
    assert any("Impor #1 selesai" in s.value for s in at.success)


def test_page_undo_refuses_when_a_newer_import_arrived_since_it_was_drawn(salinan_env, akun_admin, buku_sah) -> None:
    db = Database(salinan_env)
    try:
        pertama = impor.check_import(db, _ubah(buku_sah, inovasi__E2="Pertama"), TAHUN, "1.xlsx")
    finally:
        db.close()
    impor.simpan(pertama, "uji", pertama.sha256)
    at = _masuk(_halaman_impor())
    assert at.button(key="batalkan_impor").label == "Batalkan impor #1"
    at.checkbox(key="yakin_batal").check().run()
    db = Database(salinan_env)
    try:
        kedua = impor.check_import(db, _ubah(buku_sah, inovasi__E2="Kedua"), TAHUN, "2.xlsx")
    finally:
        db.close()
    impor.simpan(kedua, "lain", kedua.sha256)  # another user, another browser
    sebelum = isi_data(salinan_env)
    at.button(key="batalkan_impor").click().run()
    assert not at.exception, at.exception
    assert any("Impor #1 yang Anda lihat bukan lagi impor terakhir" in w.value for w in at.warning)
    assert isi_data(salinan_env) == sebelum
    assert at.button(key="batalkan_impor").label == "Batalkan impor #2"


def test_an_infinite_cell_is_refused_with_its_position(salinan_db: Path, buku_sah: bytes) -> None:
    buku = _ganti_xml(_ubah(buku_sah, jawaban_sid__C2=777), b"<v>777</v>", b"<v>1e999</v>")
    db = Database(salinan_db)
    try:
        periksa = impor.check_import(db, buku, TAHUN, "inf.xlsx")
    finally:
        db.close()
    assert not periksa.sah
    [m] = [m for m in periksa.masalah if m.baris == 2 and m.lembar == "jawaban_sid"]
    assert m.huruf == "C" and "tak hingga" in m.pesan


def test_the_problem_list_of_a_bad_file_is_bounded_per_column(salinan_db: Path, buku_sah: bytes) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    sid = wb["jawaban_sid"]
    for r in range(2, sid.max_row + 1):
        sid.cell(r, 3).value = 9
    buf = io.BytesIO()
    wb.save(buf)
    n = sid.max_row - 1
    assert n > MAKS_PER_KOLOM + 5
    db = Database(salinan_db)
    try:
        periksa = impor.check_import(db, buf.getvalue(), TAHUN, "buruk.xlsx")
    finally:
        db.close()
    kolom_c = [m for m in periksa.masalah if m.lembar == "jawaban_sid" and m.huruf == "C"]
    assert len(kolom_c) == MAKS_PER_KOLOM + 1
    assert [m.baris for m in kolom_c[:MAKS_PER_KOLOM]] == list(range(2, MAKS_PER_KOLOM + 2))
    assert f"dan {n - MAKS_PER_KOLOM} masalah lain" in kolom_c[-1].pesan and kolom_c[-1].baris is None
    assert periksa.jumlah_masalah >= n


def test_an_operator_cannot_open_a_new_year_but_an_admin_can(salinan_db: Path, buku_sah: bytes) -> None:
    db = Database(salinan_db)
    try:
        baru = max(set(impor.tahun_impor(db)) - set(db.query("periode")["tahun"]))
        isi = _ubah(buku_sah)
        wb = openpyxl.load_workbook(io.BytesIO(isi))
        for lembar in ("inovasi", "jawaban_spd"):
            ws = wb[lembar]
            kolom = [c.value for c in ws[1]].index("tahun") + 1
            for r in range(2, ws.max_row + 1):
                ws.cell(r, kolom).value = baru
        buf = io.BytesIO()
        wb.save(buf)
        operator = impor.check_import(db, buf.getvalue(), baru, "baru.xlsx", wilayah_boleh=[WILAYAH])
        admin = impor.check_import(db, buf.getvalue(), baru, "baru.xlsx")
    finally:
        db.close()
    assert [m.pesan for m in operator.masalah] == [
        f"tahun penilaian {baru} belum dibuka di dasbor. Impor pertama sebuah tahun membukanya untuk seluruh "
        "provinsi, sehingga hanya admin yang boleh melakukannya; minta admin mengimpor lebih dulu."
    ]
    assert admin.sah, admin.masalah


def test_a_file_name_with_markdown_is_shown_as_text(salinan_env, akun_admin, buku_sah) -> None:
    nama = "**tebal** [tautan](https://contoh.invalid) ![g](https://contoh.invalid/x.png).xlsx"
    at = _unggah(_masuk(_halaman_impor()), buku_sah, nama)
    assert not at.exception
    [sukses] = [s.value for s in at.success if "sah:" in s.value]
    assert r"\*\*tebal\*\* \[tautan\]\(https\:" in sukses
    at.button(key="konfirmasi_impor").click().run()
    riwayat = [m.value for m in at.markdown if "Impor terakhir" in m.value]
    assert riwayat and r"\!\[g\]" in riwayat[0]


def test_the_old_pause_variable_does_nothing(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    berkas = tmp_path / "bjb.xlsx"
    berkas.write_bytes(_ubah(buku_sah, inovasi__E2="Tanpa jeda"))
    hasil = subprocess.run(
        [sys.executable, "-m", "dasbor", "impor", str(berkas), "--tahun", str(TAHUN)],
        cwd=ROOT,
        env={**os.environ, "DASBOR_DB": str(salinan_db), "DASBOR_UJI_JEDA_IMPOR": "mulai"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hasil.returncode == 0 and "JEDA" not in hasil.stdout, hasil.stderr
    assert "Impor #1 selesai" in hasil.stdout
