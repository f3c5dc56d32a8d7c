"""The launcher's command line, the HAProxy config it renders (checked by the real `haproxy -c`), and the one place
that reaches into Streamlit: declare_st_navigation_app, pinned here so that a Streamlit upgrade that moves or fixes
it fails loudly instead of silently bringing back the pages-folder first session."""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from dasbor import peluncur as peluncur_modul
from dasbor.peluncur import (
    Pekerja,
    Peluncur,
    free_port,
    haproxy_bin,
    periksa_sertifikat,
    pisah_opsi,
    render_haproxy,
)
from dasbor.serve import (
    APP,
    declare_st_navigation_app,
    grup_depan,
    jumlah_proses,
    periksa_terbitan,
    sertifikat_tls,
    siapkan_basis_data,
)
from tests.layan.sertifikat import buat_sertifikat

ROOT = Path(__file__).resolve().parents[2]


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


def test_the_front_sticks_to_groups_by_a_cookie_of_its_own(tmp_path) -> None:
    """In front of worker groups (README "Di beberapa mesin"): one server per group, in the order given, sticking by
    DASBOR_GRUP so that the group's own proxy still sticks by DASBOR_PEKERJA; no per-server connection limit (the
    group's proxy queues for its workers), health checks as for workers."""
    teks = render_haproxy("0.0.0.0", 80, [], grup=["10.0.0.11:8501", "10.0.0.12:8501"])
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(teks)
    cek = subprocess.run([haproxy_bin(), "-c", "-f", str(cfg)], capture_output=True, text=True, timeout=30)
    assert cek.returncode == 0, cek.stdout + cek.stderr
    baris = [b.strip() for b in teks.splitlines()]
    assert [b for b in baris if b.startswith("server ")] == [
        "server grup1 10.0.0.11:8501 cookie g1",
        "server grup2 10.0.0.12:8501 cookie g2",
    ]
    assert any(b.startswith("cookie DASBOR_GRUP insert") for b in baris)
    assert "option httpchk GET /_stcore/health" in baris
    assert "default-server check inter 2s fall 3 rise 2" in baris
    assert "maxconn 200" in render_haproxy(None, 8501, [Pekerja(1, 40001)])


def test_front_groups_are_host_port_pairs() -> None:
    assert grup_depan(["--depan", "10.0.0.11:8501,mesin2:8502", "--server.port", "80"]) == (
        ["10.0.0.11:8501", "mesin2:8502"],
        ["--server.port", "80"],
    )
    assert grup_depan(["--server.port", "80"]) == ([], ["--server.port", "80"])
    for salah in ("10.0.0.11", "mesin2:http", ":8501", ","):
        with pytest.raises(SystemExit, match="--depan"):
            grup_depan(["--depan", salah])


def test_every_group_uses_the_operators_cookie_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cookie signed by one machine's worker must hold on another's: the operator gives every group one secret."""
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", "rahasia-yang-sama-di-setiap-mesin")
    peluncur = Peluncur(2, [])
    assert {peluncur._env(p)["STREAMLIT_SERVER_COOKIE_SECRET"] for p in peluncur.pekerja} == {
        "rahasia-yang-sama-di-setiap-mesin"
    }


def test_a_read_only_group_refuses_to_start_without_a_published_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_HANYA_BACA", "1")
    with pytest.raises(SystemExit, match="Belum ada terbitan"):
        periksa_terbitan(tmp_path / "iid.duckdb")
    assert list(tmp_path.iterdir()) == []


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


@pytest.fixture(scope="module")
def sertifikat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return buat_sertifikat(tmp_path_factory.mktemp("tls"))[0]


def test_tls_certificate_from_option_then_environment(tmp_path: Path) -> None:
    assert sertifikat_tls(["--tls-cert", "a.pem", "--proses", "2"], {}) == (Path("a.pem"), ["--proses", "2"])
    assert sertifikat_tls(["--tls-cert=b.pem"], {"DASBOR_TLS_CERT": "c.pem"}) == (Path("b.pem"), [])
    assert sertifikat_tls([], {"DASBOR_TLS_CERT": "c.pem"}) == (Path("c.pem"), [])
    assert sertifikat_tls([], {"DASBOR_TLS_CERT": ""}) == (None, [])
    with pytest.raises(SystemExit, match="--tls-cert"):
        sertifikat_tls(["--tls-cert"], {})


def test_a_certificate_without_its_key_is_refused(tmp_path: Path, sertifikat: Path) -> None:
    tanpa_kunci = tmp_path / "tanpa-kunci.pem"
    tanpa_kunci.write_text(sertifikat.read_text().split("-----BEGIN PRIVATE KEY-----")[0])
    with pytest.raises(SystemExit, match="kunci privat"):
        periksa_sertifikat(tanpa_kunci)
    with pytest.raises(SystemExit, match="tidak dapat dibaca"):
        periksa_sertifikat(tmp_path / "tidak-ada.pem")
    assert periksa_sertifikat(sertifikat) == sertifikat.resolve()


def test_with_tls_the_port_speaks_only_tls_with_a_secure_cookie_and_hsts(tmp_path: Path, sertifikat: Path) -> None:
    teks = render_haproxy("127.0.0.1", 8600, [Pekerja(1, 40001)], sertifikat)
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(teks)
    cek = subprocess.run([haproxy_bin(), "-c", "-f", str(cfg)], capture_output=True, text=True, timeout=30)
    assert cek.returncode == 0, cek.stdout + cek.stderr
    baris = [b.strip() for b in teks.splitlines()]
    bind = [b for b in baris if b.startswith("bind ")]
    assert bind == [f"bind 127.0.0.1:8600 ssl crt {sertifikat} alpn http/1.1"]  # one port, TLS only
    assert any(b.startswith("cookie DASBOR_PEKERJA insert") and " secure " in f" {b} " for b in baris)
    assert 'http-response set-header Strict-Transport-Security "max-age=31536000"' in baris
    polos = render_haproxy("127.0.0.1", 8600, [Pekerja(1, 40001)])
    assert " secure" not in polos and "Strict-Transport-Security" not in polos


def _haproxy_hidup(pid_lama: int | None, peluncur: Peluncur, batas: float) -> int:
    while time.monotonic() < batas:
        hp = peluncur.haproxy
        if hp is not None and hp.pid != pid_lama and hp.poll() is None:
            return hp.pid
        time.sleep(0.1)
    raise AssertionError("HAProxy tidak dinyalakan ulang")


def test_a_dead_haproxy_is_started_again(tmp_path: Path) -> None:
    """A killed proxy (say, by the kernel when one upload exhausted memory) comes back on the same port."""
    port = free_port()
    peluncur = Peluncur(1, ["--server.port", str(port), "--server.address", "127.0.0.1"])
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(render_haproxy("127.0.0.1", port, [Pekerja(1, free_port())]))
    peluncur.perintah_haproxy = [haproxy_bin(), "-db", "-f", str(cfg)]
    peluncur._nyalakan_haproxy()
    peluncur.haproxy_mulai -= 60  # it has been up for a while, as in service
    utas = threading.Thread(target=peluncur._awasi)
    utas.start()
    try:
        pertama = peluncur.haproxy.pid
        os.kill(pertama, signal.SIGKILL)
        kedua = _haproxy_hidup(pertama, peluncur, time.monotonic() + 30)
        batas = time.monotonic() + 15
        while time.monotonic() < batas:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            raise AssertionError("port pengunjung tidak dibuka lagi")
        assert kedua != pertama and utas.is_alive()
    finally:
        peluncur.berhenti.set()
        utas.join(timeout=10)
        peluncur._hentikan(tmp_path / "kosong")


def test_a_haproxy_that_cannot_start_ends_the_launcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The count of failed starts is what is tested, not the pauses between them (5 × 1,5 s at the real values).
    monkeypatch.setattr(peluncur_modul, "PERIKSA_DETIK", 0.05)
    monkeypatch.setattr(peluncur_modul, "JEDA_ULANG_DETIK", 0.05)
    peluncur = Peluncur(1, [])
    peluncur.perintah_haproxy = [haproxy_bin(), "-db", "-f", str(tmp_path / "tidak-ada.cfg")]
    peluncur._nyalakan_haproxy()
    assert peluncur._awasi() == 1  # after GAGAL_MULAI_MAKS starts in a row, instead of looping for ever


# --- Issue 24 L6: headers, access log, per-worker limit, a taken port, bounded websocket messages


class _PekerjaKecil(http.server.BaseHTTPRequestHandler):
    """A stand-in worker for the proxy's own behaviour: answers the health check and any page with "ok"."""

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def test_the_proxy_sends_framing_and_sniffing_headers_and_logs_each_request(tmp_path: Path) -> None:
    pekerja = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PekerjaKecil)
    threading.Thread(target=pekerja.serve_forever, daemon=True).start()
    port = free_port()
    teks = render_haproxy("127.0.0.1", port, [Pekerja(1, pekerja.server_address[1])])
    assert any(b.strip().startswith("default-server") and " maxconn " in b for b in teks.splitlines())
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(teks)
    haproxy = subprocess.Popen([haproxy_bin(), "-db", "-f", str(cfg)], stdout=subprocess.PIPE, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(haproxy.stdout), daemon=True).start()
    try:
        batas = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/halaman-uji", timeout=2) as r:
                    kepala = r.headers
                    break
            except OSError:
                if time.monotonic() > batas:
                    raise
                time.sleep(0.2)
        assert kepala["X-Frame-Options"] == "SAMEORIGIN"
        assert kepala["Content-Security-Policy"] == "frame-ancestors 'self'"
        assert kepala["X-Content-Type-Options"] == "nosniff"
        batas = time.monotonic() + 10  # the line is written when the request's stream ends
        while not any("GET /halaman-uji" in b and " 200 " in b for b in log) and time.monotonic() < batas:
            time.sleep(0.1)
        assert any("GET /halaman-uji" in b and " 200 " in b for b in log), log
    finally:
        haproxy.terminate()
        haproxy.wait(timeout=15)
        pekerja.shutdown()


def test_the_launcher_refuses_a_port_another_proxy_already_listens_on(demo_db: Path) -> None:
    """A listener with SO_REUSEPORT, as HAProxy binds by default: a second HAProxy used to bind the same port and
    share the visitors. The launcher now stops at once, naming the port, before starting any worker."""
    with socket.socket() as lain:
        lain.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        lain.bind(("127.0.0.1", 0))
        lain.listen(1)
        port = lain.getsockname()[1]
        mulai = time.monotonic()
        hasil = subprocess.run(
            [sys.executable, "-m", "dasbor.serve", "--proses", "2", "--server.address", "127.0.0.1"]
            + ["--server.port", str(port)],
            cwd=ROOT,
            env={**os.environ, "DASBOR_DB": str(demo_db)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert hasil.returncode != 0 and f"port {port} di 127.0.0.1 sudah dipakai" in hasil.stderr, hasil.stderr
    assert time.monotonic() - mulai < 30


def test_websocket_messages_are_bounded_by_the_config() -> None:
    teks = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    server = tomllib.loads(teks)["server"]
    assert server["maxMessageSize"] <= 50 and server["maxMessageSize"] >= server["maxUploadSize"]


def test_the_table_toolbar_export_is_off_in_every_worker() -> None:
    """Streamlit's own "Download as CSV" (and clipboard copy) writes `=cmd|…` cells raw (issue 24 L2): the config
    every worker reads turns them off, under the option name this Streamlit reads."""
    from streamlit import config

    assert tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["client"][
        "disableDataExport"
    ]
    sebelum = os.getcwd()
    os.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        assert config.get_option("client.disableDataExport") is True
    finally:
        os.chdir(sebelum)
        config.get_config_options(force_reparse=True)


def test_the_server_brings_a_database_of_an_older_version_up_to_date_and_publishes_it(salinan_db: Path) -> None:
    """An upgrade: the database was made before the newest migration. Before any worker reads, the start applies it
    and publishes, so the copy the workers read has every table this code's queries name; a missing file is
    refused instead of filled."""
    import duckdb

    from dasbor.db import terbitan

    terakhir = "009_cocok_tertunda.sql"  # creates cocok_tertunda
    con = duckdb.connect(str(salinan_db))
    try:
        con.execute("DELETE FROM schema_migrations WHERE name = ?", [terakhir])
        con.execute("DROP TABLE cocok_tertunda")
    finally:
        con.close()
    siapkan_basis_data(salinan_db)
    assert terbitan.letak(salinan_db).penunjuk.exists()  # published at start, before any worker reads
    # the copy the workers read answers the query of the table the migration made
    kini = terbitan.kini(salinan_db)
    assert kini.db.query("cocok_tertunda", {"kode_wilayah": "63.09", "tahun": 2025}).empty
    with pytest.raises(SystemExit, match="tidak ada"):
        siapkan_basis_data(salinan_db.with_name("tidak-ada.duckdb"))


def test_start_on_new_code_stores_its_results_before_any_worker_reads(
    salinan_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade that changes no table: the copy's stored scores were computed by the older code, so the start
    publishes again with this code's (issue 25 §4); a start on current results publishes nothing."""
    from dasbor.db import terbitan
    from dasbor.services import hasil_terbit

    try:
        siapkan_basis_data(salinan_db)
        pertama = terbitan.kini(salinan_db).id
        siapkan_basis_data(salinan_db)
        assert terbitan.kini(salinan_db).id == pertama
        monkeypatch.setattr(hasil_terbit, "versi_hitung", lambda: "kode-baru")
        siapkan_basis_data(salinan_db)
        kini = terbitan.kini(salinan_db)
        assert kini.id > pertama
        assert set(kini.db.query("hasil_terbit_tahun")["versi_hitung"]) == {"kode-baru"}
    finally:
        terbitan.tutup_semua()
