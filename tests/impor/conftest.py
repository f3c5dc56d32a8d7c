"""Fixtures for the import tests: a private database copy, an accounts file, and a small valid workbook."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import bersihkan_cache
from tests.impor.bantu import SANDI, buku_ekspor, salin_akun, templat_akun


@pytest.fixture(scope="session")
def buku_sah(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A valid workbook: the export of Kota Banjarbaru 2021 from the demo database."""
    return buku_ekspor(demo_db, tmp_path_factory.mktemp("buku"))


@pytest.fixture(scope="module")
def berkas_baru(buku_sah: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid file that differs from the database in all three tables, so old and new are told apart."""
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    wb["inovasi"]["E2"].value = "Inovasi yang diganti oleh impor"
    wb["jawaban_sid"]["C2"].value = 3 - wb["jawaban_sid"]["C2"].value
    wb["jawaban_spd"]["D2"].value = 3 - wb["jawaban_spd"]["D2"].value
    path = tmp_path_factory.mktemp("berkas-baru") / "baru.xlsx"
    wb.save(path)
    return path


@pytest.fixture(scope="session")
def templat_akun_admin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The accounts file with one admin, hashed once for the session."""
    return templat_akun(tmp_path_factory.mktemp("templat-akun"), ("admin", SANDI, "admin"))


@pytest.fixture
def akun_admin(templat_akun_admin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An accounts file of this test's own with one admin 'admin' (password SANDI); returns the account name."""
    salin_akun(templat_akun_admin, tmp_path, monkeypatch)
    return "admin"


@pytest.fixture
def tanpa_akun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tidak-ada" / "akun.yaml"
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    return path


@pytest.fixture
def salinan_env(salinan_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app pointed at a private writable copy of the demo database, caches cleared around the test."""
    monkeypatch.setenv("DASBOR_DB", str(salinan_db))
    bersihkan_cache()
    yield salinan_db
    bersihkan_cache()
