"""The README's recipe for more than one machine ("Di beberapa mesin"), on loopback: two worker groups started with
--hanya-baca on different ports (one with two workers behind its own HAProxy, one a single worker) read the
published copies of one shared folder, mounted read-only for them where this machine allows a mount namespace, and
one front (`dasbor.serve --depan`) stands in front of both. The writer is this test process: its first publish and
the `spd` command, as an operator on the writer machine runs them.

Visits are websocket sessions (penguji.kunjungan_ws), not Chromium: what is proved is where a session goes and what
numbers its page draws, which needs no drawing."""

from __future__ import annotations

import asyncio
import secrets
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dasbor.__main__ import main as dasbor_main
from dasbor.db.connection import Database
from dasbor.peluncur import free_port
from dasbor.services.db import penulis
from penguji.kunjungan_ws import Kunjungan, kunjungi
from penguji.perintah import di_sini
from penguji.server_lokal import ROOT, tunggu_sehat
from tests.e2e.conftest import start_server, stop_server
from tests.impor.bantu import TAHUN

WILAYAH = "63.72"  # Kota Banjarbaru
HALAMAN, QUERY = "profil", f"tahun={TAHUN}&wilayah=Kota+Banjarbaru"


def jejak(folder: Path) -> dict[str, tuple[int, int, int, int]]:
    """Every file and folder under `folder` (itself included) with inode, size, mtime and ctime: a write, a new
    file, a removal or a change of mode by anyone shows as a difference. Reading and locking leave it as it is."""
    return {
        str(p.relative_to(folder)): (s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)
        for p in [folder, *folder.rglob("*")]
        for s in [p.lstat()]
    }


def kaitan_hanya_baca(folder: Path) -> tuple[str, ...]:
    """A command prefix that runs a group in a mount namespace of its own where `folder` is mounted read-only, as a
    worker machine mounts the shared folder (NFS `ro`); () where this machine cannot make one (no unshare, no
    CAP_SYS_ADMIN), and the folder's unchanged trace is then the only proof."""
    skrip = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$0" "$@"'
    awalan = ("unshare", "--mount", "--", "sh", "-c", skrip)
    if shutil.which("unshare") is None:
        return ()
    coba = subprocess.run([*awalan, "sh", "-c", f'! touch "{folder}/.coba" 2>/dev/null'], capture_output=True)
    return awalan if coba.returncode == 0 and not (folder / ".coba").exists() else ()


def kunjungan(url: str, cookie: str | None = None) -> Kunjungan:
    k = asyncio.run(kunjungi(url, HALAMAN, QUERY, cookie=cookie, batas_detik=120))
    assert k.berhasil and k.pengecualian == 0, k
    return k


def mulai_depan(grup: list[str], log: Path) -> tuple[subprocess.Popen, str]:
    """The front as the README starts it, its HAProxy access log (one line per request, naming the group) in `log`."""
    port = free_port()
    perintah = [sys.executable, "-m", "dasbor.serve", "--depan", ",".join(grup)]
    perintah += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    with log.open("wb") as keluar:
        proc = subprocess.Popen(perintah, cwd=ROOT, stdout=keluar, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    tunggu_sehat(proc, url, 60)
    return proc, url


def dilayani(log: Path, server: str) -> bool:
    """Whether the front's log shows a page session (websocket) served by `server` (e.g. grup2)."""
    batas = time.monotonic() + 15  # HAProxy logs a websocket when it closes, a moment after the visit ended
    while time.monotonic() < batas:
        if any(f"streamlit/{server} " in b and "/_stcore/stream" in b for b in log.read_text().splitlines()):
            return True
        time.sleep(0.2)
    return False


def indikator_spd_terisi(db: Path) -> str:
    """An SPD indicator of the region-year with a level above 0 (setting it to 0 must change its SPD score)."""
    baca = Database(db, read_only=True)
    try:
        with baca.cursor() as cur:
            return cur.execute(
                "SELECT kode_indikator FROM jawaban_spd WHERE kode_wilayah = ? AND tahun = ? AND level_klaim > 0 "
                "ORDER BY level_klaim DESC, kode_indikator LIMIT 1",
                [WILAYAH, TAHUN],
            ).fetchone()[0]
    finally:
        baca.close()


def test_two_read_only_groups_behind_one_front_share_one_published_folder(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The writer machine: its database on its own disk, the published copies in terbitan/ beside it, the folder
    # shared. A worker machine has the same DASBOR_DB path, where only terbitan/ exists: the shared folder.
    db = tmp_path / "penulis" / "iid.duckdb"
    db.parent.mkdir()
    db.write_bytes(demo_db.read_bytes())
    monkeypatch.setenv("DASBOR_DB", str(db))  # this process is the writer machine
    with penulis():  # the writer machine's first start publishes
        pass
    bersama = db.parent / "terbitan"
    db_pekerja = tmp_path / "pekerja" / "iid.duckdb"
    db_pekerja.parent.mkdir()
    (db_pekerja.parent / "terbitan").symlink_to(bersama)  # the worker machine's mount of the shared folder
    indikator = indikator_spd_terisi(db)
    awalan = kaitan_hanya_baca(bersama)
    sebelum_grup = jejak(bersama)

    # Both groups with the same cookie secret, as the README asks of every machine.
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    server: list[subprocess.Popen] = []
    try:
        with ThreadPoolExecutor(2) as utas:
            mulai = [
                utas.submit(start_server, db_pekerja, env, proses=n, opsi=("--hanya-baca",), awalan=awalan)
                for n in (2, 1)
            ]
        hasil = [m.result() for m in mulai if m.exception() is None]
        server += [proc for proc, _ in hasil]  # stopped below even when the other group failed to start
        assert len(hasil) == 2, [m.exception() for m in mulai]
        log = tmp_path / "depan.log"
        depan, url = mulai_depan([u.removeprefix("http://") for _, u in hasil], log)
        server.append(depan)

        # A new visitor is given a group; pinned by its cookie, it stays there; a visitor pinned to the other group
        # is served there. Group 1 (two workers) also pins the session to one of its workers by its own cookie.
        pertama = kunjungan(url)
        assert pertama.grup in {"g1", "g2"}
        lain = "g2" if pertama.grup == "g1" else "g1"
        cookie = {pertama.grup: f"DASBOR_GRUP={pertama.grup}", lain: f"DASBOR_GRUP={lain}"}
        di_lain = kunjungan(url, cookie[lain])
        assert di_lain.grup is None, "pengunjung yang ditempel ke grup lain dipindahkan"
        pekerja = (pertama if pertama.grup == "g1" else di_lain).pekerja
        assert pekerja in {"1", "2"}, "grup dua pekerja tidak menempelkan sesi ke pekerjanya"
        cookie["g1"] += f"; DASBOR_PEKERJA={pekerja}"
        lagi = kunjungan(url, cookie[pertama.grup])
        assert (lagi.grup, lagi.pekerja) == (None, None), "sesi berikutnya tidak tinggal di grup dan pekerjanya"
        assert dilayani(log, "grup1") and dilayani(log, "grup2")
        assert pertama.metrik == di_lain.metrik == lagi.metrik and pertama.metrik
        assert jejak(bersama) == sebelum_grup, "grup hanya-baca menulis di folder bersama"

        # The writer changes an SPD answer: a new copy is published, and both groups show it at their next visit.
        keluar = di_sini(
            dasbor_main,
            ["spd", "--tahun", str(TAHUN), "--wilayah", WILAYAH, "--indikator", indikator, "--level", "0"],
        )
        assert keluar.returncode == 0, keluar.stdout + keluar.stderr
        terbit = jejak(bersama)
        assert terbit != sebelum_grup

        sesudah = {g: kunjungan(url, cookie[g]) for g in ("g1", "g2")}
        assert sesudah["g1"].metrik == sesudah["g2"].metrik
        assert dict(sesudah["g1"].metrik)["Skor SPD"] != dict(pertama.metrik)["Skor SPD"], "terbitan baru tak terlihat"
        # A page that saves still opens on a group, and says before anything is typed that saving is the writer's.
        spd = asyncio.run(kunjungi(url, "spd", f"tahun={TAHUN}", cookie=cookie["g2"], batas_detik=120))
        assert spd.berhasil and any("hanya membaca data yang diterbitkan" in p for p in spd.pemberitahuan), spd
        # Only the writer wrote: starting, serving, and switching to the new copy changed nothing in the folder.
        assert jejak(bersama) == terbit
    finally:
        for proc in server:
            stop_server(proc)
