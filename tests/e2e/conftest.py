"""A real Streamlit server on the demo database, driven by Debian's headless Chromium through Playwright.

Playwright's own browser download cannot work offline, so the launch points at /usr/bin/chromium.
Screenshots go to artifacts/screenshots/ (kept as test artifacts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from penguji.server_lokal import CHROMIUM, CHROMIUM_ARGS, ROOT, start_server, stop_server

__all__ = ["server_berakun", "start_server", "stop_server"]  # tests that need their own server import them from here
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}, "locale": "id-ID"}


@pytest.fixture(scope="session")
def app_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a server reading a copy of the session's demo database (read it only; writers start their own
    server). A copy, because the server holds its file's lock for the whole session and the AppTest and
    service tests that run after the e2e folder open the session demo file themselves."""
    salinan = tmp_path_factory.mktemp("server") / "iid.duckdb"
    shutil.copy(demo_db, salinan)
    proc, url = start_server(salinan)
    try:
        yield url
    finally:
        stop_server(proc)


@contextmanager
def server_berakun(
    db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, akun: list[tuple], env: dict | None = None, proses: int = 1
) -> Iterator[tuple[subprocess.Popen, str]]:
    """A server (process, URL) with its own accounts file holding `akun` (tambah_akun arguments after the
    password SANDI)."""
    from dasbor.services import akun as layanan_akun
    from tests.impor.bantu import SANDI

    path = folder / "akun.yaml"
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    for nama, *lain in akun:
        layanan_akun.tambah_akun(nama, SANDI, *lain)
    proc, url = start_server(db, {"DASBOR_AKUN": str(path), **(env or {})}, proses=proses)
    try:
        yield proc, url
    finally:
        stop_server(proc)


@pytest.fixture
def screenshot(request: pytest.FixtureRequest):
    """Save a full-page screenshot named after the test: screenshot(page, "langkah")."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
