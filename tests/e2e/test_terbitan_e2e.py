"""One fresh server on a writable database copy, in the order written:

1. The first visitor after a server (re)start who opens a shared link still gets the app's navigation. Without
   dasbor.serve, Streamlit ran that first session in its old pages/-folder mode: the page file alone, listed by
   file name, without app.py's sections and login gate. This needs the server's very first session, so it is
   the first test here.
2. While the server serves a page, a read-only command runs and exits 0, and an import from the command line
   is committed, undone and published again; the server keeps serving (before issue 9 every command was
   refused). The heavier read-only commands (kelengkapan for every region, bimtek) run beside a process holding
   the published copy in tests/impor/test_impor_saat_dibaca.py, the same condition without a browser."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dasbor.__main__ import main
from penguji.perintah import di_sini
from tests.e2e.conftest import ROOT, start_server, stop_server

JUDUL = "Indeks Inovasi Daerah — Kalimantan Selatan"


@pytest.fixture(scope="module")
def server_segar(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(database, URL) of a server no session has visited yet, on a private copy the commands may write."""
    db = tmp_path_factory.mktemp("segar") / "iid.duckdb"
    db.write_bytes(demo_db.read_bytes())
    proc, url = start_server(db)
    try:
        yield db, url
    finally:
        stop_server(proc)


def _dasbor(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DASBOR_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "dasbor", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def _dasbor_di_sini(db: Path, *args: str) -> subprocess.CompletedProcess:
    """The same main() in this test's process, which is still not the server's: the condition under test (a
    command beside a serving server) holds, without an interpreter start and the app's imports per command."""
    return di_sini(main, args, {"DASBOR_DB": str(db)})


def test_first_session_on_a_shared_link_gets_the_navigation(page: Page, server_segar, screenshot) -> None:
    _, url = server_segar
    page.goto(f"{url}/kelengkapan")
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Hasil", exact=True)).to_be_visible(timeout=30000)
    expect(nav.get_by_role("link", name="Profil Wilayah")).to_be_visible()
    expect(nav.get_by_role("link", name="kelengkapan", exact=True)).to_have_count(0)
    screenshot(page, "kelengkapan")


def test_commands_run_while_the_server_serves(page: Page, server_segar, tmp_path: Path) -> None:
    db, url = server_segar
    page.goto(url)
    expect(page.get_by_role("heading", name=JUDUL)).to_be_visible(timeout=60000)
    ekspor = tmp_path / "ekspor.xlsx"
    for args in (
        ("ekspor", str(ekspor), "--tahun", "2024", "--wilayah", "63.09"),
        ("impor", str(ekspor), "--tahun", "2024"),
        ("batalkan-impor",),
    ):
        hasil = _dasbor_di_sini(db, *args)
        assert hasil.returncode == 0, (args, hasil.stderr)
        assert "Traceback" not in hasil.stderr
    # The last one as the admin types it, a process of its own.
    terbit = _dasbor(db, "impor", str(ekspor), "--tahun", "2024")
    assert terbit.returncode == 0 and "Traceback" not in terbit.stderr, terbit.stderr
    assert "diterbitkan" in terbit.stdout
    page.reload()
    expect(page.get_by_role("heading", name=JUDUL)).to_be_visible(timeout=60000)
    expect(page.get_by_text("Traceback")).to_have_count(0)
