"""N Streamlit workers on loopback ports behind HAProxy on the visitors' port, kept alive until SIGTERM/SIGINT.

A worker that dies is started again on its port; meanwhile HAProxy's health checks send its visitors to a live
worker, where the page reconnects and reruns from its URL. HAProxy that dies is started again too (one upload
that kills it must not become an outage); only one that keeps dying at start ends the launcher. Stopping the
launcher, or its process group, stops every worker and the proxy; a launcher killed outright takes its children
with it (parent-death signal).

With `grup` (python -m dasbor.serve --depan HOST:PORT,…) the launcher starts no worker: its HAProxy stands in front
of worker groups on other machines (each a dasbor.serve of its own, with its own HAProxy and workers), sticking a
visitor to a group by a cookie of its own (DASBOR_GRUP), while the group's proxy sticks it to a worker by
DASBOR_PEKERJA.

With a certificate (--tls-cert), HAProxy terminates TLS on the visitors' port: plain HTTP there fails the
handshake and is never answered in clear, the stickiness cookie is Secure, and HSTS is sent.
"""

from __future__ import annotations

import ctypes
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[1]
TEMPLAT_HAPROXY = ROOT / "deploy" / "haproxy.cfg.template"
SIAP_DETIK = 120
JEDA_ULANG_DETIK = 1.0
# How often the launcher looks for a dead worker or HAProxy.
PERIKSA_DETIK = 0.5
# HAProxy that dies sooner than this after starting counts as failing to start (port taken, bad certificate);
# after GAGAL_MULAI_MAKS such starts in a row the launcher gives up instead of looping.
HIDUP_SINGKAT_DETIK = 5.0
GAGAL_MULAI_MAKS = 5
HSTS = "max-age=31536000"
COOKIE_PEKERJA = "DASBOR_PEKERJA"
COOKIE_GRUP = "DASBOR_GRUP"
# At most this many connections at once per worker (a hall of 65 holds one websocket each, plus downloads).
MAKS_KONEKSI_PEKERJA = 200
_PR_SET_PDEATHSIG = 1


@dataclass
class Pekerja:
    nomor: int
    port: int
    proses: subprocess.Popen | None = field(default=None, repr=False)


def haproxy_bin() -> str:
    """HAProxy from Debian (scripts/haproxy.sh installs it); /usr/sbin is not on every user's PATH."""
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise SystemExit(
            "HAProxy belum terpasang; jalankan `bash scripts/haproxy.sh` sebagai root (apt-get install haproxy), "
            "atau jalankan satu proses tanpa proksi dengan --proses 1."
        )
    return found


def render_haproxy(
    alamat: str | None, port: int, pekerja: list[Pekerja], tls: Path | None = None, grup: list[str] | None = None
) -> str:
    """The HAProxy config for visitors on alamat:port (all interfaces when alamat is None) and the workers;
    with `tls` (one PEM holding certificate chain and private key) the port speaks only TLS. With `grup` (HOST:PORT
    of worker groups on other machines) it stands in front of those groups instead, in the order given: a group's
    cookie value is its place in the list."""
    if grup:
        baris = [f"    server grup{i} {g} cookie g{i}" for i, g in enumerate(grup, 1)]
        # A group's own HAProxy queues per worker; the front only spreads visitors over the groups.
        cookie, batas = COOKIE_GRUP, ""
    else:
        baris = [f"    server pekerja{p.nomor} 127.0.0.1:{p.port} cookie {p.nomor}" for p in pekerja]
        cookie, batas = COOKIE_PEKERJA, f" maxconn {MAKS_KONEKSI_PEKERJA}"
    bind = f"{alamat or ''}:{port}"
    if tls is None:
        frontend = ""
    else:
        bind += f" ssl crt {tls} alpn http/1.1"
        frontend = "\n".join(
            [
                f'    http-response set-header Strict-Transport-Security "{HSTS}"',
                "    http-request set-header X-Forwarded-Proto https",
            ]
        )
    return Template(TEMPLAT_HAPROXY.read_text(encoding="utf-8")).substitute(
        bind=bind,
        tls=frontend,
        cookie=cookie,
        aman=" secure" if tls else "",
        maxconn=batas,
        pekerja="\n".join(baris),
    )


def periksa_sertifikat(path: Path) -> Path:
    """The certificate file, absolute, after checking it holds a certificate and its private key in one PEM."""
    try:
        teks = path.read_text(encoding="ascii", errors="replace")
    except OSError as exc:
        raise SystemExit(f"sertifikat TLS {path} tidak dapat dibaca ({exc.strerror})") from None
    if "-----BEGIN CERTIFICATE-----" not in teks or "PRIVATE KEY-----" not in teks:
        raise SystemExit(
            f"sertifikat TLS {path} harus satu berkas PEM berisi sertifikat (beserta rantainya) dan kunci privatnya; "
            "gabungkan dengan `cat sertifikat.pem kunci.pem > dasbor.pem`"
        )
    return path.resolve()


def pisah_opsi(opsi: list[str]) -> tuple[str | None, int, list[str]]:
    """(--server.address, --server.port, the other Streamlit options): the launcher owns address and port."""
    alamat, port, sisa = None, 8501, []
    i = 0
    while i < len(opsi):
        nama, sama, nilai = opsi[i].partition("=")
        if nama in ("--server.address", "--server.port"):
            if not sama:
                if i + 1 >= len(opsi):
                    raise SystemExit(f"{nama} perlu nilai")
                nilai, i = opsi[i + 1], i + 1
            if nama == "--server.port":
                port = int(nilai)
            else:
                alamat = nilai
        else:
            sisa.append(opsi[i])
        i += 1
    return alamat, port, sisa


def pastikan_port_bebas(alamat: str | None, port: int) -> None:
    """Refuse to start on a visitors' port another process listens on: HAProxy binds with SO_REUSEPORT by default,
    so a second dasbor would silently share the port with the first (the config also says `noreuseport`). The
    probe binds without SO_REUSEPORT, which fails on any listener, reuse-port or not."""
    keluarga = socket.AF_INET6 if alamat and ":" in alamat else socket.AF_INET
    with socket.socket(keluarga, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # connections still closing do not count
        try:
            s.bind((alamat or "", port))
            s.listen(1)
        except OSError as exc:
            raise SystemExit(
                f"port {port}{f' di {alamat}' if alamat else ''} sudah dipakai proses lain ({exc.strerror}); "
                "hentikan dasbor yang sudah berjalan di port itu atau pilih --server.port lain"
            ) from None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sehat(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.read() == b"ok"
    except OSError:
        return False


def _mati_bersama_induk() -> None:
    """In the child before exec: receive SIGTERM when the launcher dies, even by SIGKILL (Linux prctl)."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class Peluncur:
    def __init__(self, jumlah: int, opsi: list[str], tls: Path | None = None, grup: list[str] | None = None) -> None:
        self.alamat, self.port, self.opsi = pisah_opsi(opsi)
        self.tls = periksa_sertifikat(tls) if tls else None
        self.pekerja = [Pekerja(nomor, free_port()) for nomor in range(1, jumlah + 1)]
        self.grup = grup or []
        # One cookie secret for all workers, so that a cookie signed by one worker is valid on the others; the
        # operator's own ($STREAMLIT_SERVER_COOKIE_SECRET) when given, so that it holds across machines too.
        self.rahasia = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
        self.berhenti = threading.Event()
        self.haproxy: subprocess.Popen | None = None
        self.perintah_haproxy: list[str] = []
        self.haproxy_mulai = 0.0

    def _env(self, p: Pekerja) -> dict[str, str]:
        # A worker serves plain HTTP on loopback behind the proxy: with the certificate it would launch a proxy too.
        env = {k: v for k, v in os.environ.items() if k != "DASBOR_TLS_CERT"}
        return {**env, "DASBOR_PEKERJA": str(p.nomor), "STREAMLIT_SERVER_COOKIE_SECRET": self.rahasia}

    def _nyalakan(self, p: Pekerja) -> None:
        perintah = [sys.executable, "-m", "dasbor.serve", "--proses", "1", *self.opsi]
        # Visitors use the proxy's address, so the worker's own "You can now view" banner would only mislead.
        perintah += [
            "--server.port",
            str(p.port),
            "--server.address",
            "127.0.0.1",
            "--logger.hideWelcomeMessage",
            "true",
        ]
        p.proses = subprocess.Popen(perintah, cwd=ROOT, env=self._env(p), preexec_fn=_mati_bersama_induk)

    def _tunggu_siap(self) -> None:
        batas = time.monotonic() + SIAP_DETIK
        belum = list(self.pekerja)
        while belum and not self.berhenti.is_set():
            if time.monotonic() > batas:
                raise SystemExit(f"pekerja {[p.nomor for p in belum]} tidak siap dalam {SIAP_DETIK} detik")
            for p in list(belum):
                if p.proses is not None and p.proses.poll() is not None:
                    raise SystemExit(f"pekerja {p.nomor} berhenti saat menyala (kode {p.proses.returncode})")
                if sehat(f"http://127.0.0.1:{p.port}"):
                    belum.remove(p)
            self.berhenti.wait(0.3)

    def _nyalakan_haproxy(self) -> None:
        self.haproxy = subprocess.Popen(self.perintah_haproxy, preexec_fn=_mati_bersama_induk)
        self.haproxy_mulai = time.monotonic()

    def _awasi(self) -> int:
        """Restart dead workers and a dead HAProxy until told to stop; 1 when HAProxy cannot start at all."""
        gagal_mulai = 0
        while not self.berhenti.wait(PERIKSA_DETIK):
            if self.haproxy is not None and self.haproxy.poll() is not None and not self.berhenti.is_set():
                singkat = time.monotonic() - self.haproxy_mulai < HIDUP_SINGKAT_DETIK
                gagal_mulai = gagal_mulai + 1 if singkat else 0
                if gagal_mulai >= GAGAL_MULAI_MAKS:
                    print(
                        f"HAProxy berhenti {gagal_mulai} kali berturut-turut segera setelah dinyalakan (kode "
                        f"{self.haproxy.returncode}); dasbor dihentikan",
                        file=sys.stderr,
                    )
                    return 1
                print(f"HAProxy berhenti (kode {self.haproxy.returncode}); dinyalakan ulang", file=sys.stderr)
                self.berhenti.wait(JEDA_ULANG_DETIK)
                if not self.berhenti.is_set():
                    self._nyalakan_haproxy()
            for p in self.pekerja:
                if p.proses is not None and p.proses.poll() is not None and not self.berhenti.is_set():
                    print(f"pekerja {p.nomor} berhenti (kode {p.proses.returncode}); dinyalakan ulang", file=sys.stderr)
                    self.berhenti.wait(JEDA_ULANG_DETIK)
                    if not self.berhenti.is_set():
                        self._nyalakan(p)
        return 0

    def _hentikan(self, direktori: Path) -> None:
        anak = [p.proses for p in self.pekerja if p.proses is not None] + [self.haproxy]
        for proses in anak:
            if proses is not None and proses.poll() is None:
                proses.terminate()
        batas = time.monotonic() + 15
        for proses in anak:
            if proses is None:
                continue
            try:
                proses.wait(timeout=max(batas - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                proses.kill()
                proses.wait()
        shutil.rmtree(direktori, ignore_errors=True)

    def jalankan(self) -> int:
        haproxy = haproxy_bin()
        pastikan_port_bebas(self.alamat, self.port)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.berhenti.set())
        direktori = Path(tempfile.mkdtemp(prefix="dasbor-haproxy-"))
        try:
            for p in self.pekerja:
                self._nyalakan(p)
            self._tunggu_siap()
            if self.berhenti.is_set():
                return 0
            cfg = direktori / "haproxy.cfg"
            cfg.write_text(render_haproxy(self.alamat, self.port, self.pekerja, self.tls, self.grup), encoding="utf-8")
            self.perintah_haproxy = [haproxy, "-db", "-f", str(cfg)]
            self._nyalakan_haproxy()
            di_balik = f"{len(self.grup)} grup pekerja" if self.grup else f"{len(self.pekerja)} pekerja Streamlit"
            print(
                f"Dasbor siap di {'https' if self.tls else 'http'}://{self.alamat or 'localhost'}:{self.port} "
                f"({di_balik} di balik HAProxy)",
                file=sys.stderr,
            )
            return self._awasi()
        finally:
            self._hentikan(direktori)
