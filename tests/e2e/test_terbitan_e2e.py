"""While a real server serves a page, the read-only commands run and exit 0, and an import from the command line
is committed and published; the server keeps serving (before issue 9 every command was refused)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ROOT, start_server, stop_server

JUDUL = "Indeks Inovasi Daerah — Kalimantan Selatan"


def _dasbor(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DASBOR_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "dasbor", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def test_commands_run_while_the_server_serves(page: Page, salinan_db: Path, tmp_path: Path) -> None:
    proc, url = start_server(salinan_db)
    try:
        page.goto(url)
        expect(page.get_by_role("heading", name=JUDUL)).to_be_visible(timeout=60000)
        ekspor = tmp_path / "ekspor.xlsx"
        for args in (
            ("kelengkapan", "--tahun", "2024", "--keluaran", str(tmp_path / "kelengkapan")),
            ("ekspor", str(ekspor), "--tahun", "2024", "--wilayah", "63.09"),
            ("bimtek", "--tahun", "2024", "--xlsx", str(tmp_path / "bimtek.xlsx")),
            ("impor", str(ekspor), "--tahun", "2024"),
            ("batalkan-impor",),
        ):
            hasil = _dasbor(salinan_db, *args)
            assert hasil.returncode == 0, (args, hasil.stderr)
            assert "Traceback" not in hasil.stderr
        assert len(list((tmp_path / "kelengkapan").glob("*.xlsx"))) == 14
        assert "diterbitkan" in _dasbor(salinan_db, "impor", str(ekspor), "--tahun", "2024").stdout
        page.reload()
        expect(page.get_by_role("heading", name=JUDUL)).to_be_visible(timeout=60000)
        expect(page.get_by_text("Traceback")).to_have_count(0)
    finally:
        stop_server(proc)
