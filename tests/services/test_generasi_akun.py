"""Issue 24 M7 and the `akun` writes: a session belongs to one generation of an account, so a password reset,
`akun tambah --timpa` and `akun keluarkan` end the sessions signed in before, and an account deleted and made again
under the same name does not hand an old browser session its rights; two admins changing the accounts file at once
wait for each other (a file lock); and a file `akun` rewrites keeps its owner when root runs the command (L4)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from dasbor.__main__ import main
from dasbor.services import akun, kunci_masuk
from penguji.perintah import di_sini
from tests.impor.bantu import salin_akun, templat_akun
from tests.services.test_hak_akun import _akun_page, _masuk, _teks

ROOT = Path(__file__).resolve().parents[2]
SANDI = "sandi-uji-yang-panjang"
BARU = "sandi-baru-yang-panjang"
DIAKHIRI = "Sesi akun op6309 diakhiri oleh admin"


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return templat_akun(
        tmp_path_factory.mktemp("templat"),
        ("admin", SANDI, "admin"),
        ("op6309", SANDI, "operator", {"wilayah": ["63.09", "63.10"]}),
    )


@pytest.fixture
def berkas_akun(templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DASBOR_WAJIB_MASUK", raising=False)
    monkeypatch.delenv("DASBOR_SESI_MENIT", raising=False)
    (tmp_path / "config").mkdir()
    return salin_akun(templat, tmp_path / "config", monkeypatch)


def _akun(path: Path, *argumen: str, masukan: str | None = None) -> subprocess.CompletedProcess:
    return di_sini(main, ["akun", *argumen], {"DASBOR_AKUN": str(path)}, masukan)


def _masuk_sebagai(nama: str, sandi: str = SANDI):
    at = _akun_page()
    at.text_input(key="masuk_nama").input(nama)
    at.text_input(key="masuk_sandi").input(sandi)
    return next(b for b in at.button if b.label == "Masuk").click().run()


def test_a_password_reset_ends_the_sessions_signed_in_before(berkas_akun: Path) -> None:
    at = _masuk_sebagai("op6309")
    assert "Wilayah akun ini: 63.09, 63.10" in _teks(at)
    hasil = _akun(berkas_akun, "sandi", "op6309", masukan=BARU + "\n")
    assert hasil.returncode == 0 and "Sesinya yang sedang masuk berakhir" in hasil.stdout, hasil.stderr
    at.run()
    assert DIAKHIRI in _teks(at) and "akun_masuk" not in at.session_state
    assert at.text_input(key="masuk_nama")
    at = _masuk(at, "op6309")  # the old password no longer signs in
    assert "akun_masuk" not in at.session_state
    at = _masuk_sebagai("op6309", BARU)
    assert "Wilayah akun ini: 63.09, 63.10" in _teks(at)


def test_akun_tambah_timpa_ends_the_sessions_signed_in_before(berkas_akun: Path) -> None:
    """`tambah --timpa` changes an account (here it narrows its regions): its live sessions end as after a reset,
    and a new sign-in carries the new rights."""
    at = _masuk_sebagai("op6309")
    assert "Wilayah akun ini: 63.09, 63.10" in _teks(at)
    hasil = _akun(berkas_akun, "tambah", "op6309", "--timpa", "--wilayah", "63.09")
    assert hasil.returncode == 0, hasil.stderr
    at.run()
    assert DIAKHIRI in _teks(at) and "akun_masuk" not in at.session_state
    at = _masuk_sebagai("op6309")
    assert "Wilayah akun ini: 63.09" in _teks(at) and "63.10" not in _teks(at)


def test_akun_keluarkan_ends_the_sessions_and_changes_nothing_else(berkas_akun: Path) -> None:
    at = _masuk_sebagai("op6309")
    lain = _masuk_sebagai("admin")
    sebelum = yaml.safe_load(berkas_akun.read_text(encoding="utf-8"))["akun"]
    hasil = _akun(berkas_akun, "keluarkan", "OP6309")
    assert hasil.returncode == 0 and "Semua sesi akun 'op6309' berakhir" in hasil.stdout, hasil.stderr
    sesudah = yaml.safe_load(berkas_akun.read_text(encoding="utf-8"))["akun"]
    assert sesudah["op6309"]["generasi"] != sebelum["op6309"].get("generasi")
    # the generation and its time (which ends an OIDC login issued before it) change, nothing else
    assert {k: v for k, v in sesudah["op6309"].items() if k not in ("generasi", "keluar_sejak")} == {
        k: v for k, v in sebelum["op6309"].items() if k != "generasi"
    }
    assert sesudah["admin"] == sebelum["admin"]
    at.run()
    assert DIAKHIRI in _teks(at)
    lain.run()  # another account's session goes on
    assert "Anda masuk sebagai admin" in _teks(lain)
    tidak_ada = _akun(berkas_akun, "keluarkan", "siapa")
    assert tidak_ada.returncode == 2 and "tidak ada" in tidak_ada.stderr


def test_an_account_made_again_under_the_same_name_does_not_inherit_an_old_session(berkas_akun: Path) -> None:
    """The code-read of issue 24 M7: op6309 deleted and made again as an admin; the browser still signed in as the
    old operator must not become that admin."""
    at = _masuk_sebagai("op6309")
    akun.hapus_akun("op6309")
    akun.tambah_akun("op6309", BARU, "admin")
    at.run()
    assert DIAKHIRI in _teks(at) and "akun_masuk" not in at.session_state
    assert "Anda masuk sebagai" not in _teks(at)


def test_a_second_admins_change_waits_for_the_first(berkas_akun: Path) -> None:
    """Another process holds the accounts file's change lock (an admin's `akun` command mid-change): a second
    `akun keluarkan` waits instead of reading the file and overwriting the first one's change."""
    gembok = berkas_akun.with_name(".akun.lock")
    fd = os.open(gembok, os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    proses = subprocess.Popen(
        [sys.executable, "-m", "dasbor", "akun", "keluarkan", "op6309"],
        cwd=ROOT,
        env={**os.environ, "DASBOR_AKUN": str(berkas_akun)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        sebelum = berkas_akun.read_bytes()
        time.sleep(3)  # an interpreter start and the change take well under this when nothing holds the lock
        assert proses.poll() is None, proses.communicate()
        assert berkas_akun.read_bytes() == sebelum
    finally:
        os.close(fd)
    keluar, galat = proses.communicate(timeout=60)
    assert proses.returncode == 0, keluar + galat
    assert berkas_akun.read_bytes() != sebelum


def test_files_akun_rewrites_keep_their_owner_when_root_runs_it(berkas_akun: Path) -> None:
    """The README says to run `akun` as the service user; run as root anyway, the accounts file it rewrites keeps
    the service user's ownership, and the state and log files it creates take their folder's owner."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    layanan = (4321, 4321)
    os.chown(berkas_akun.parent, *layanan)
    os.chown(berkas_akun, *layanan)
    assert _akun(berkas_akun, "sandi", "op6309", masukan=BARU + "\n").returncode == 0
    assert _akun(berkas_akun, "keluarkan", "admin").returncode == 0
    assert akun.masuk("op6309", BARU) is not None
    for berkas in (
        berkas_akun,
        kunci_masuk.status_path(berkas_akun),
        kunci_masuk.log_path(berkas_akun),
        kunci_masuk.gembok_path(berkas_akun),
        berkas_akun.with_name(".akun.lock"),
    ):
        st = berkas.stat()
        assert (st.st_uid, st.st_gid) == layanan, berkas
        assert st.st_mode & 0o777 == 0o600, berkas
