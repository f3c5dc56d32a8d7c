"""The launcher's command line, the HAProxy config it renders (checked by the real `haproxy -c`), and the one place
that reaches into Streamlit: declare_st_navigation_app, pinned here so that a Streamlit upgrade that moves or fixes
it fails loudly instead of silently bringing back the pages-folder first session."""

from __future__ import annotations

import subprocess

import pytest
from streamlit.runtime.pages_manager import PagesManager

from dasbor.peluncur import Pekerja, haproxy_bin, pisah_opsi, render_haproxy
from dasbor.serve import APP, declare_st_navigation_app, jumlah_proses


@pytest.mark.parametrize(
    ("argv", "env", "harapan"),
    [
        (["--proses", "3", "--server.port", "8600"], {}, (3, ["--server.port", "8600"])),
        (["--proses=1"], {"DASBOR_PROSES": "4"}, (1, [])),
        (["--server.headless", "true"], {"DASBOR_PROSES": "2"}, (2, ["--server.headless", "true"])),
    ],
)
def test_worker_count_from_option_then_environment(argv, env, harapan) -> None:
    assert jumlah_proses(argv, env) == harapan


def test_worker_count_defaults_to_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert jumlah_proses([], {}) == (6, [])


@pytest.mark.parametrize("nilai", ["0", "dua", "-1"])
def test_worker_count_must_be_a_positive_integer(nilai: str) -> None:
    with pytest.raises(SystemExit, match="--proses"):
        jumlah_proses(["--proses", nilai], {})


def test_the_launcher_owns_address_and_port() -> None:
    opsi = ["--server.port=8600", "--server.address", "0.0.0.0", "--client.toolbarMode", "minimal"]
    assert pisah_opsi(opsi) == ("0.0.0.0", 8600, ["--client.toolbarMode", "minimal"])
    assert pisah_opsi([]) == (None, 8501, [])


def test_rendered_haproxy_config_is_valid_and_sticks_by_cookie(tmp_path) -> None:
    teks = render_haproxy("127.0.0.1", 8600, [Pekerja(1, 40001), Pekerja(2, 40002)])
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(teks)
    cek = subprocess.run([haproxy_bin(), "-c", "-f", str(cfg)], capture_output=True, text=True, timeout=30)
    assert cek.returncode == 0, cek.stdout + cek.stderr
    baris = [b.strip() for b in teks.splitlines()]
    assert "bind 127.0.0.1:8600" in baris
    assert "server pekerja1 127.0.0.1:40001 cookie 1" in baris
    assert "server pekerja2 127.0.0.1:40002 cookie 2" in baris
    assert any(b.startswith("cookie DASBOR_PEKERJA insert") for b in baris)
    assert any(b.startswith("timeout tunnel") for b in baris)
    assert "option httpchk GET /_stcore/health" in baris
    assert not any("balance source" in b or "hash-type" in b for b in baris)  # never by client address


def test_without_an_address_visitors_reach_every_interface() -> None:
    assert "bind :8501" in [b.strip() for b in render_haproxy(None, 8501, [Pekerja(1, 40001)]).splitlines()]


@pytest.fixture
def mode_halaman_awal():
    """Streamlit's process-wide decision as a fresh server has it, restored afterwards."""
    sebelum = PagesManager.uses_pages_directory
    PagesManager.uses_pages_directory = None
    yield
    PagesManager.uses_pages_directory = sebelum


def test_streamlit_still_starts_an_app_with_pages_folder_in_legacy_mode(mode_halaman_awal) -> None:
    """If this fails, Streamlit no longer picks the legacy mode for app.py's first session (or moved the flag):
    check the first-link e2e test without declare_st_navigation_app and remove the workaround if it passes."""
    assert (APP.parent / "pages").is_dir()
    assert PagesManager(str(APP)).uses_pages_directory is True


def test_declaring_st_navigation_keeps_fresh_sessions_out_of_legacy_mode(mode_halaman_awal) -> None:
    declare_st_navigation_app()
    assert PagesManager(str(APP)).uses_pages_directory is False
    assert PagesManager.uses_pages_directory is False
