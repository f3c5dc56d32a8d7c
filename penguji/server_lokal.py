"""A local `streamlit run` on a chosen database, and the Debian Chromium launch settings: shared by the
end-to-end tests and the page benchmark so that both measure the same thing the same way."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dasbor.peluncur import free_port

ROOT = Path(__file__).resolve().parents[1]
# Playwright's own browser download cannot work offline, so every launch points at Debian's Chromium.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def start_server(
    db: Path,
    extra_env: dict[str, str] | None = None,
    script: str = "app.py",
    proses: int = 1,
    panaskan: bool = False,
    cwd: Path = ROOT,
    opsi: tuple[str, ...] = (),
    awalan: tuple[str, ...] = (),
) -> tuple[subprocess.Popen, str]:
    """Start the app (or another script) on a free loopback port and wait for its health check.

    Streamlit reads `.streamlit/config.toml` from `cwd`: another folder runs a script with Streamlit's defaults.

    With proses > 1 the app starts as the README does with N workers behind HAProxy, all reading the published
    copies of `db`. Workers warm their caches only when asked (`panaskan`): a test server would otherwise spend
    its first minute computing every year for pages the test never opens. `opsi` are further options of the
    command (e.g. --hanya-baca); `awalan` a command that runs it (it must exec it, keeping the process id)."""
    port = free_port()
    env = {**os.environ, "DASBOR_DB": str(db), "DASBOR_PANASKAN": "1" if panaskan else "0", **(extra_env or {})}
    # The app starts through dasbor.serve, as scripts/app.sh does, so a test's first page load is what an
    # official's first load after a restart is; other scripts (the empty benchmark page) run plainly.
    start = (
        [sys.executable, "-m", "dasbor.serve", "--proses", str(proses)]
        if script == "app.py"
        else [sys.executable, "-m", "streamlit", "run", script]
    )
    proc = subprocess.Popen(
        [*awalan, *start, *opsi, "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # The launcher leads its own process group, so a test can stop it the way a service manager does.
        start_new_session=proses > 1,
    )
    url = f"http://127.0.0.1:{port}"
    tunggu_sehat(proc, url, 60 * proses)
    return proc, url


def tunggu_sehat(proc: subprocess.Popen, url: str, detik: float) -> None:
    """Wait until the server at `url` answers its health check; stopped, and RuntimeError, when it does not."""
    deadline = time.monotonic() + detik
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server Streamlit berhenti sebelum siap")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError("server Streamlit tidak siap pada waktunya")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop a server from start_server. A launcher (it leads its own process group) gets SIGTERM, so that it stops
    its workers and HAProxy and removes its config folder; a single Streamlit process is killed outright: it holds
    nothing that needs cleaning up (its database is a test's copy, read through published copies), and its graceful
    shutdown cost 1–2 s per test server."""
    if proc.poll() is not None:  # already stopped (a test signalled it itself) and now reaped
        return
    if os.getpgid(proc.pid) == proc.pid:
        proc.terminate()
        try:
            proc.wait(timeout=30)
            return
        except subprocess.TimeoutExpired:
            pass
    proc.kill()
    proc.wait()
