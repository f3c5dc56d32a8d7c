"""`python -m dasbor impor|batalkan-impor|ekspor|akun` as an operator runs them: exit codes, messages, and the
database untouched by --periksa, by an invalid file and when the server holds the lock. The commands run through
main() in this process (bantu.dasbor); the locked-database case runs the real `python -m dasbor` process, since a
lock held by another process and a clean exit without a traceback are what it is about."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import yaml

from dasbor.services import akun
from tests.conftest import dikunci_proses_lain
from tests.impor.bantu import SANDI, TAHUN, Keluaran, dasbor, isi_data, isi_db

ROOT = Path(__file__).resolve().parents[2]


def _jalan(*argumen: str, db: Path, masukan: str = "", **env: str) -> Keluaran:
    return dasbor(db, *argumen, masukan=masukan, env=env)


def test_periksa_validates_and_writes_nothing(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    berkas = tmp_path / "bjb.xlsx"
    berkas.write_bytes(buku_sah)
    sebelum = isi_db(salinan_db)
    hasil = _jalan("impor", str(berkas), "--tahun", str(TAHUN), "--periksa", db=salinan_db)
    assert hasil.returncode == 0, hasil.stderr
    assert "sah" in hasil.stdout and "Kota Banjarbaru" in hasil.stdout and "tidak ada yang ditulis" in hasil.stdout
    assert isi_db(salinan_db) == sebelum


def test_invalid_file_exits_1_listing_every_problem(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    wb["jawaban_sid"]["C2"] = 9
    wb["inovasi"]["C3"] = "63.99"
    berkas = tmp_path / "salah.xlsx"
    wb.save(berkas)
    sebelum = isi_db(salinan_db)
    hasil = _jalan("impor", str(berkas), "--tahun", str(TAHUN), db=salinan_db)
    assert hasil.returncode == 1
    assert "Lembar 'jawaban_sid', baris 2, kolom C (level_klaim): level 9 di luar rentang 0–3." in hasil.stdout
    assert "Lembar 'inovasi', baris 3, kolom C (kode_wilayah)" in hasil.stdout
    assert "2 masalah" in hasil.stdout
    assert isi_db(salinan_db) == sebelum


def test_import_then_undo_from_the_command_line(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    wb["inovasi"]["E2"] = "Diganti lewat CLI"
    berkas = tmp_path / "cli.xlsx"
    wb.save(berkas)
    sebelum = isi_data(salinan_db)
    hasil = _jalan("impor", str(berkas), "--tahun", str(TAHUN), "--pengguna", "operator", db=salinan_db)
    assert hasil.returncode == 0 and "Impor #1 selesai" in hasil.stdout, hasil.stderr
    assert isi_data(salinan_db) != sebelum
    hasil = _jalan("batalkan-impor", db=salinan_db)
    assert hasil.returncode == 0 and "Impor #1 dibatalkan" in hasil.stdout
    assert isi_data(salinan_db) == sebelum


def test_locked_database_gives_a_clear_message_and_exit_2(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    berkas = tmp_path / "bjb.xlsx"
    berkas.write_bytes(buku_sah)
    with dikunci_proses_lain(salinan_db):
        hasil = subprocess.run(
            [sys.executable, "-m", "dasbor", "impor", str(berkas), "--tahun", str(TAHUN)],
            cwd=ROOT,
            env={**os.environ, "DASBOR_DB": str(salinan_db)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert hasil.returncode == 2
    assert "sedang dipakai proses lain" in hasil.stderr and "Traceback" not in hasil.stderr + hasil.stdout


def test_usage_errors_exit_2(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    assert _jalan("impor", str(tmp_path / "tidak-ada.xlsx"), "--tahun", "2021", db=salinan_db).returncode == 2
    berkas = tmp_path / "bjb.xlsx"
    berkas.write_bytes(buku_sah)
    hasil = _jalan("impor", str(berkas), "--tahun", "2019", db=salinan_db)
    assert hasil.returncode == 2 and "Tahun 2019 tidak dicakup" in hasil.stderr
    assert _jalan("impor", str(berkas), db=salinan_db).returncode == 2  # --tahun is required


def test_export_and_template_commands_write_importable_files(salinan_db: Path, tmp_path: Path) -> None:
    keluar = tmp_path / "ekspor.xlsx"
    assert _jalan("ekspor", str(keluar), "--tahun", "2022", "--wilayah", "63.05", db=salinan_db).returncode == 0
    assert _jalan("impor", str(keluar), "--tahun", "2022", "--periksa", db=salinan_db).returncode == 0
    templat = tmp_path / "templat.xlsx"
    assert _jalan("ekspor", str(templat), "--tahun", "2025", "--templat", db=salinan_db).returncode == 0
    hasil = _jalan("impor", str(templat), "--tahun", "2025", "--periksa", db=salinan_db)
    assert hasil.returncode == 1 and "berkas tidak berisi data" in hasil.stdout
    assert _jalan("ekspor", str(keluar), "--tahun", "2022", "--wilayah", "99", db=salinan_db).returncode == 2


def test_account_created_from_stdin_holds_only_a_bcrypt_hash(salinan_db: Path, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "config" / "akun.yaml"
    env = {"DASBOR_AKUN": str(path)}
    hasil = _jalan("akun", "tambah", "kepala.bidang", "--peran", "admin", db=salinan_db, masukan=SANDI + "\n", **env)
    assert hasil.returncode == 0, hasil.stderr
    isi = path.read_text()
    assert SANDI not in isi and yaml.safe_load(isi)["akun"]["kepala.bidang"]["sandi_bcrypt"].startswith("$2b$12$")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    assert akun.masuk("kepala.bidang", SANDI) == {"nama": "kepala.bidang", "peran": "admin"}
    assert akun.masuk("kepala.bidang", SANDI + "x") is None and akun.masuk("siapa", SANDI) is None
    ulang = _jalan("akun", "tambah", "kepala.bidang", db=salinan_db, masukan=SANDI + "\n", **env)
    assert ulang.returncode == 2 and "sudah ada" in ulang.stderr
    pendek = _jalan("akun", "tambah", "staf", db=salinan_db, masukan="pendek\n", **env)
    assert pendek.returncode == 2 and "minimal 10 karakter" in pendek.stderr
    assert "kepala.bidang: admin" in _jalan("akun", "daftar", db=salinan_db, **env).stdout
    assert _jalan("akun", "hapus", "kepala.bidang", db=salinan_db, **env).returncode == 0
    assert not akun.ada_admin()
