"""The app over TLS as the README starts it (`python -m dasbor.serve --tls-cert FILE.pem`), with a self-signed
certificate made here: HAProxy stands in front even of one worker, pages draw in Chromium over https/wss, the
stickiness cookie is Secure, HSTS is sent, and the same port answers nothing in plain HTTP."""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from dasbor.peluncur import free_port
from penguji.server_lokal import ROOT
from tests.layan.sertifikat import buat_sertifikat

TUNGGU = 60_000


@pytest.fixture(scope="module")
def tls(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ssl.SSLContext, int]]:
    folder = tmp_path_factory.mktemp("tls")
    pem, sertifikat = buat_sertifikat(folder)
    db = folder / "iid.duckdb"
    shutil.copy(demo_db, db)
    port = free_port()
    # TMPDIR: the launcher's HAProxy config folder goes under this module's tmp folder (see the kill below).
    env = {**os.environ, "DASBOR_DB": str(db), "DASBOR_PANASKAN": "0", "DASBOR_TLS_CERT": str(pem)}
    env["TMPDIR"] = str(folder)
    proc = subprocess.Popen(
        [sys.executable, "-m", "dasbor.serve", "--proses", "1", "--server.port", str(port)]
        + ["--server.address", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    konteks = ssl.create_default_context(cafile=str(sertifikat))
    url = f"https://127.0.0.1:{port}"
    try:
        batas = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"dasbor.serve berhenti (kode {proc.returncode})")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5, context=konteks) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                if time.monotonic() > batas:
                    raise
                time.sleep(0.5)
        yield url, konteks, port
    finally:
        # The launcher's orderly stop on SIGTERM is test_proksi's subject; here its whole process group (launcher,
        # worker, HAProxy) is killed outright, which spared the worker's graceful shutdown of 1-2 s.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_tls_sends_hsts_and_a_secure_cookie(tls) -> None:
    url, konteks, _ = tls
    with urllib.request.urlopen(f"{url}/", timeout=30, context=konteks) as r:
        assert r.status == 200
        assert r.headers["Strict-Transport-Security"] == "max-age=31536000"
        cookie = [c for c in r.headers.get_all("Set-Cookie") or [] if c.startswith("DASBOR_PEKERJA=")]
        assert cookie and "secure" in [b.strip().lower() for b in cookie[0].split(";")], cookie


def test_plain_http_on_the_port_is_never_answered_in_clear(tls) -> None:
    _, _, port = tls
    koneksi = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        with pytest.raises((http.client.HTTPException, ConnectionError, OSError)):
            koneksi.request("GET", "/")
            jawaban = koneksi.getresponse()
            badan = jawaban.read()
            # HAProxy may answer a TLS alert that http.client cannot parse; a readable answer must not be the app.
            raise AssertionError(f"HTTP polos dijawab: {jawaban.status} {badan[:200]!r}")
    finally:
        koneksi.close()


def test_pages_draw_over_tls_in_chromium(browser: Browser, tls) -> None:
    url, _, _ = tls
    konteks = browser.new_context(ignore_https_errors=True, viewport={"width": 1400, "height": 900}, locale="id-ID")
    try:
        page = konteks.new_page()
        page.goto(f"{url}/")
        expect(page.get_by_role("heading", name="Indeks Inovasi Daerah — Kalimantan Selatan")).to_be_visible(
            timeout=TUNGGU
        )
        page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible", timeout=TUNGGU)
        cookie = {c["name"]: c for c in konteks.cookies()}
        assert cookie["DASBOR_PEKERJA"]["secure"] is True
    finally:
        konteks.close()
