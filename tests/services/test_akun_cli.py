"""`python -m dasbor akun` as the server's admin uses it: a password reset keeps the account's role and regions
(the documented reset used to turn operator op6309 into an admin), `--timpa` keeps what it is not given, a new
account is a pembaca, every change prints the role and regions before and after, and `akun buka` lifts a lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from dasbor.__main__ import main
from dasbor.services import akun, kunci_masuk
from penguji.perintah import di_sini

ROOT = Path(__file__).resolve().parents[2]
SANDI = "sandi-uji-yang-panjang"
BARU = "sandi-baru-yang-panjang"


def _jalan(path: Path, *argumen: str, masukan: str | None = None) -> subprocess.CompletedProcess:
    """The literal `python -m dasbor akun ...` an admin types: kept for the documented reset only."""
    return subprocess.run(
        [sys.executable, "-m", "dasbor", "akun", *argumen],
        cwd=ROOT,
        env={**os.environ, "DASBOR_AKUN": str(path)},
        input=masukan,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _di_sini(path: Path, *argumen: str, masukan: str | None = None) -> subprocess.CompletedProcess:
    """The same command through the same main(), in this process; the password line comes from stdin, as it does
    for the command in a script."""
    return di_sini(main, ["akun", *argumen], {"DASBOR_AKUN": str(path)}, masukan)


@pytest.fixture(scope="module")
def templat_akun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """op6309 added once through the command (one bcrypt hash); each test works on its own copy."""
    path = tmp_path_factory.mktemp("templat") / "akun.yaml"
    hasil = _di_sini(path, "tambah", "op6309", "--peran", "operator", "--wilayah", "63.09", masukan=SANDI + "\n")
    assert hasil.returncode == 0, hasil.stderr
    return path


@pytest.fixture
def berkas_akun(templat_akun: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "akun.yaml"
    shutil.copy2(templat_akun, path)
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    return path


def _isi(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["akun"]


def test_the_documented_reset_keeps_operator_op6309_an_operator_of_63_09(berkas_akun: Path) -> None:
    """What the Akun page told an admin to type to reset a password. It used to rebuild the account as admin."""
    hasil = _jalan(berkas_akun, "tambah", "op6309", "--timpa", masukan=BARU + "\n")
    assert hasil.returncode == 0, hasil.stderr
    data = _isi(berkas_akun)["op6309"]
    assert data["peran"] == "operator" and data["wilayah"] == ["63.09"]
    assert akun.masuk("op6309", SANDI) == {"nama": "op6309", "peran": "operator", "wilayah": ["63.09"]}
    assert "sebelum operator wilayah 63.09; sesudah operator wilayah 63.09" in hasil.stdout
    assert "akun sandi" in hasil.stdout  # the password was not the thing --timpa changes


def test_akun_sandi_changes_only_the_password(berkas_akun: Path) -> None:
    sebelum = _isi(berkas_akun)["op6309"]
    hasil = _di_sini(berkas_akun, "sandi", "op6309", masukan=BARU + "\n")
    assert hasil.returncode == 0, hasil.stderr
    assert "Peran dan wilayah tetap: operator wilayah 63.09" in hasil.stdout
    sesudah = _isi(berkas_akun)["op6309"]
    assert sesudah["sandi_bcrypt"] != sebelum["sandi_bcrypt"]
    assert {k: v for k, v in sesudah.items() if k not in ("sandi_bcrypt", "diubah", "generasi")} == {
        k: v for k, v in sebelum.items() if k not in ("sandi_bcrypt", "generasi")
    }
    assert sesudah["generasi"] != sebelum["generasi"]  # the sessions signed in with the old password end
    assert akun.masuk("op6309", SANDI) is None
    assert akun.masuk("op6309", BARU) == {"nama": "op6309", "peran": "operator", "wilayah": ["63.09"]}
    tidak_ada = _di_sini(berkas_akun, "sandi", "siapa", masukan=BARU + "\n")
    assert tidak_ada.returncode == 2 and "tidak ada" in tidak_ada.stderr


def test_timpa_changes_only_what_it_is_given_and_says_so(berkas_akun: Path) -> None:
    lebar = _di_sini(berkas_akun, "tambah", "op6309", "--timpa", "--wilayah", "63.09", "63.10")
    assert lebar.returncode == 0, lebar.stderr
    assert "sebelum operator wilayah 63.09; sesudah operator wilayah 63.09, 63.10" in lebar.stdout
    assert "Perhatian: peran atau wilayah akun ini berubah" in lebar.stdout
    admin = _di_sini(berkas_akun, "tambah", "op6309", "--timpa", "--peran", "admin")
    assert admin.returncode == 0, admin.stderr
    assert "sesudah admin" in admin.stdout and "wilayah" not in _isi(berkas_akun)["op6309"]
    # The password survived both changes.
    assert akun.masuk("op6309", SANDI) == {"nama": "op6309", "peran": "admin"}


def test_a_new_account_is_a_pembaca_and_names_are_stored_normalised(berkas_akun: Path) -> None:
    hasil = _di_sini(berkas_akun, "tambah", "Tamu.Bimtek", masukan=SANDI + "\n")
    assert hasil.returncode == 0, hasil.stderr
    assert "Akun 'tamu.bimtek': sebelum (belum ada); sesudah pembaca." in hasil.stdout
    assert _isi(berkas_akun)["tamu.bimtek"]["peran"] == "pembaca"
    # Whatever case or width the name is typed in, it is the same account.
    assert akun.masuk("ＴＡＭＵ.bimtek", SANDI) == {"nama": "tamu.bimtek", "peran": "pembaca"}
    ulang = _di_sini(berkas_akun, "tambah", "TAMU.BIMTEK", masukan=SANDI + "\n")
    assert ulang.returncode == 2 and "sudah ada" in ulang.stderr and "akun sandi" in ulang.stderr


def test_akun_buka_lifts_a_lock(berkas_akun: Path) -> None:
    for _ in range(4):
        assert akun.masuk("op6309", "bukan-sandinya-sama-sekali") is None
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("op6309", "bukan-sandinya-sama-sekali")
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("op6309", SANDI)
    hasil = _di_sini(berkas_akun, "buka", "op6309")
    assert hasil.returncode == 0, hasil.stderr
    assert "dibuka" in hasil.stdout
    assert kunci_masuk.terkunci_sampai(berkas_akun, "op6309", datetime.now(UTC)) is None
    assert akun.masuk("op6309", SANDI) is not None
    assert '"peristiwa": "dibuka"' in kunci_masuk.log_path(berkas_akun).read_text(encoding="utf-8")
    assert "tidak sedang dikunci" in _di_sini(berkas_akun, "buka", "op6309").stdout
