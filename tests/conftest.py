"""Shared fixtures: one demo database per test session, copied for tests that write."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.demo.generator import SEED, build_frames
from dasbor.demo.lewat_portal import bangun_demo
from dasbor.services.kelengkapan import Kelengkapan, hitung_kelengkapan
from dasbor.ui import data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def demo_bingkai() -> dict[str, pd.DataFrame]:
    """The demo tables of the default seed as build_frames generates them, once per session: the session's demo
    database is built from them, and a test that runs `demo` again is handed copies instead of paying the
    generation a second time (the generator is deterministic for a seed, which tests/db/test_store.py checks
    with two real generations). Treat as read-only: salin_bingkai gives a copy to build from."""
    return build_frames(SEED)


def salin_bingkai(bingkai: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """A private copy of the frames: the build adds columns to the frames it is given."""
    return {nama: df.copy() for nama, df in bingkai.items()}


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_bingkai: dict[str, pd.DataFrame]) -> Path:
    """The demo database built once per session; treat as read-only (copy it to write)."""
    path = tmp_path_factory.mktemp("demo") / "iid.duckdb"
    bangun_demo(path, SEED, salin_bingkai(demo_bingkai))
    return path


@pytest.fixture
def salinan_db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for a test that writes."""
    path = tmp_path / "iid.duckdb"
    shutil.copy(demo_db, path)
    return path


@pytest.fixture(scope="session")
def kelengkapan_2024(demo_db: Path) -> Kelengkapan:
    """The demo's 2024 worklist, computed once for every service test that reads it (treat as read-only)."""
    return hitung_kelengkapan(Database(demo_db, read_only=True), 2024)


def bersihkan_cache() -> None:
    """Forget cached results and close the published copies this process opened (each test database has its own)."""
    data.kosongkan()
    terbitan.tutup_semua()


@pytest.fixture
def demo_env(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app (DASBOR_DB) at the session demo database.

    The cache is not emptied: every cached value is keyed by its published copy (path and id), so a test on
    another database never sees these results, and a page test after the first finds the cache as a later
    visitor of a running server does. Emptying it here made every page test recompute each year."""
    monkeypatch.setenv("DASBOR_DB", str(demo_db))
    yield demo_db


@contextmanager
def dikunci_proses_lain(path: Path) -> Iterator[None]:
    """Another process holds the DuckDB file open (as a running dashboard server does) for the block's duration."""
    pemegang = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(120)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert pemegang.stdout is not None and pemegang.stdout.readline().strip() == "ok"
        yield
    finally:
        pemegang.kill()
        pemegang.wait()


@pytest.fixture(scope="module")
def demo_env_modul(demo_db: Path) -> Iterator[Path]:
    """demo_env for a whole module, for fixtures that are costly to rebuild per test (e.g. rendered decks)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_DB", str(demo_db))
        yield demo_db
