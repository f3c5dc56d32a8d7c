"""Sign-in lockout: the configured number of failures locks an account for the configured time, with a message;
the lock ends on time (an injected clock, no sleeping), survives in the state file for another process, and every
failure and lockout is logged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dasbor.services import akun, kunci_masuk

ROOT = Path(__file__).resolve().parents[2]
SANDI = "sandi-uji-yang-panjang"
SALAH = "bukan-sandi-yang-benar"
AWAL = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _di_proses_lain(berkas_akun: Path, kode: str) -> subprocess.CompletedProcess:
    """Python code run by a fresh interpreter on the same accounts file: another server worker, or a restart."""
    return subprocess.run(
        [sys.executable, "-c", kode],
        cwd=ROOT,
        env={**os.environ, "DASBOR_AKUN": str(berkas_akun)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _templat(folder: Path, biaya: int | None) -> Path:
    """The account op.hsu in an accounts file of `folder`, hashed once: at bcrypt's real cost, or at `biaya`."""
    path = folder / "akun.yaml"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_AKUN", str(path))
        if biaya is not None:
            asli = akun.bcrypt.gensalt
            mp.setattr(akun.bcrypt, "gensalt", lambda rounds=12, prefix=b"2b": asli(biaya, prefix))
        akun.tambah_akun("op.hsu", SANDI, "operator", wilayah=["63.09"])
    return path


@pytest.fixture(scope="module")
def templat_akun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The account hashed at bcrypt's lowest cost (4): these tests count, lock and log sign-ins, which no check's
    duration changes, and each one is still a real bcrypt.checkpw of the password. A check at the real cost took
    ~0,3 s of a core, and this file makes about fifty. An unknown name is still checked against the real-cost
    stand-in hash (akun._hash_tiruan)."""
    return _templat(tmp_path_factory.mktemp("templat"), biaya=4)


@pytest.fixture(scope="module")
def templat_akun_nyata(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The account hashed at bcrypt's real cost, for the guesses made at the same time: their checks must last
    as long as in service, so that they overlap as they would there."""
    return _templat(tmp_path_factory.mktemp("templat-nyata"), biaya=None)


def _salin(templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "akun.yaml"
    path.parent.mkdir()
    shutil.copy2(templat, path)
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    monkeypatch.delenv("DASBOR_MASUK_BATAS", raising=False)
    monkeypatch.delenv("DASBOR_MASUK_KUNCI_MENIT", raising=False)
    return path


@pytest.fixture
def berkas_akun(templat_akun: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return _salin(templat_akun, tmp_path, monkeypatch)


@pytest.fixture
def berkas_akun_nyata(templat_akun_nyata: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return _salin(templat_akun_nyata, tmp_path, monkeypatch)


def test_five_failures_lock_for_fifteen_minutes_then_the_password_works(berkas_akun: Path) -> None:
    for menit in range(4):
        assert akun.masuk("op.hsu", SALAH, AWAL + timedelta(minutes=menit)) is None
    with pytest.raises(akun.AkunTerkunciError, match="5 kali gagal masuk") as terkunci:
        akun.masuk("op.hsu", SALAH, AWAL + timedelta(minutes=4))
    assert terkunci.value.sampai == AWAL + timedelta(minutes=4 + 15)
    with pytest.raises(akun.AkunTerkunciError, match="dikunci sampai pukul"):
        akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=18, seconds=59))
    masuk = akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=19, seconds=1))
    assert masuk == {"nama": "op.hsu", "peran": "operator", "wilayah": ["63.09"]}


def test_a_success_clears_the_count_and_old_failures_expire(berkas_akun: Path) -> None:
    for menit in range(4):
        akun.masuk("op.hsu", SALAH, AWAL + timedelta(minutes=menit))
    assert akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=5))
    for menit in range(4):
        assert akun.masuk("op.hsu", SALAH, AWAL + timedelta(minutes=6 + menit)) is None
    # four more, but after a quiet spell longer than the lock period: counting starts again
    for menit in range(4):
        assert akun.masuk("op.hsu", SALAH, AWAL + timedelta(hours=2, minutes=menit)) is None


def test_limit_and_duration_come_from_the_environment(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_MASUK_BATAS", "2")
    monkeypatch.setenv("DASBOR_MASUK_KUNCI_MENIT", "1")
    assert akun.masuk("op.hsu", SALAH, AWAL) is None
    with pytest.raises(akun.AkunTerkunciError, match="2 kali gagal") as terkunci:
        akun.masuk("op.hsu", SALAH, AWAL)
    assert terkunci.value.sampai == AWAL + timedelta(minutes=1)
    assert akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=1, seconds=1))


def test_unknown_names_lock_alike_so_a_lock_does_not_reveal_an_account(berkas_akun: Path) -> None:
    for _ in range(4):
        assert akun.masuk("tidak.ada", SALAH, AWAL) is None
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("tidak.ada", SALAH, AWAL)


def test_the_lock_survives_in_the_state_file_for_another_process(berkas_akun: Path) -> None:
    """A fresh interpreter stands for a restarted server or a second worker: it sees the lock from the file."""
    sekarang = datetime.now(UTC)
    for _ in range(4):
        akun.masuk("op.hsu", SALAH, sekarang)
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("op.hsu", SALAH, sekarang)
    kode = (
        "from dasbor.services import akun\n"
        "try:\n"
        f"    print(akun.masuk('op.hsu', {SANDI!r}))\n"
        "except akun.AkunTerkunciError as exc:\n"
        "    print('TERKUNCI', exc)\n"
    )
    hasil = _di_proses_lain(berkas_akun, kode)
    assert hasil.stdout.startswith("TERKUNCI Akun op.hsu dikunci sampai pukul"), hasil.stdout + hasil.stderr
    assert oct(kunci_masuk.status_path(berkas_akun).stat().st_mode & 0o777) == "0o600"


def test_failures_and_lockouts_are_logged(berkas_akun: Path) -> None:
    for _ in range(4):
        akun.masuk("op.hsu", SALAH, AWAL)
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("op.hsu", SALAH, AWAL)
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=1))
    baris = [json.loads(b) for b in kunci_masuk.log_path(berkas_akun).read_text(encoding="utf-8").splitlines()]
    assert [b["peristiwa"] for b in baris] == ["gagal"] * 5 + ["terkunci", "ditolak_terkunci"]
    assert baris[4]["ke"] == 5 and baris[5]["sampai"] == (AWAL + timedelta(minutes=15)).isoformat()
    assert (
        {b["nama"] for b in baris} == {"op.hsu"} and SANDI not in json.dumps(baris) and SALAH not in json.dumps(baris)
    )


# --- Names, records that cannot be written, the lock's timeout, the log's size, file modes (issue 17 items 4, 7)


def test_a_name_is_normalised_before_it_becomes_a_lockout_key(berkas_akun: Path) -> None:
    """Upper case and full-width forms of one name count against the same account, and sign into it."""
    for nama in ("OP.HSU", "ｏｐ.ｈｓｕ", " Op.Hsu ", "op.HSU"):
        assert akun.masuk(nama, SALAH, AWAL) is None
    with pytest.raises(akun.AkunTerkunciError, match="Akun op.hsu dikunci"):
        akun.masuk("OP.hsu", SALAH, AWAL)
    status = json.loads(kunci_masuk.status_path(berkas_akun).read_text(encoding="utf-8"))
    assert list(status) == ["op.hsu"]
    assert akun.masuk("ＯＰ.ＨＳＵ", SANDI, AWAL + timedelta(minutes=16)) == {
        "nama": "op.hsu",
        "peran": "operator",
        "wilayah": ["63.09"],
    }


@pytest.mark.parametrize("nama", ["x" * 1_000_000, "a", "op hsu", "op\nhsu", "<script>", "ops\u200b", ""])
def test_an_invalid_name_is_neither_counted_nor_logged(berkas_akun: Path, nama: str) -> None:
    """A megabyte of name used to become a key of the state file and a line of the log on every attempt."""
    assert akun.masuk(nama, SALAH, AWAL) is None
    assert not kunci_masuk.status_path(berkas_akun).exists()
    [baris] = kunci_masuk.log_path(berkas_akun).read_text(encoding="utf-8").splitlines()
    catatan = json.loads(baris)
    assert catatan == {"waktu": AWAL.isoformat(), "peristiwa": "nama_tidak_sah", "nama": "", "panjang": len(nama)}


def test_the_client_address_is_logged(berkas_akun: Path) -> None:
    assert akun.masuk("op.hsu", SALAH, AWAL, alamat="203.0.113.7, 10.0.0.2") is None
    [baris] = kunci_masuk.log_path(berkas_akun).read_text(encoding="utf-8").splitlines()
    assert json.loads(baris)["alamat"] == "203.0.113.7, 10.0.0.2"


def test_a_failure_that_cannot_be_recorded_refuses_the_sign_in(berkas_akun: Path) -> None:
    """Fail closed, on a real write error: a process whose file-size limit is the log's current size (as a full
    disk would) cannot append to the log, and the right password is refused."""
    akun.masuk("op.hsu", SALAH, AWAL)  # the log exists and has a size
    kode = (
        "import resource, signal, os\n"
        "from dasbor.services import akun\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"ukuran = os.path.getsize({str(kunci_masuk.log_path(berkas_akun))!r})\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (ukuran, ukuran))\n"
        "try:\n"
        f"    print('MASUK', akun.masuk('op.hsu', {SALAH!r}))\n"
        "except akun.AkunError as exc:\n"
        "    print('DITOLAK', exc)\n"
        "try:\n"
        f"    print('MASUK', akun.masuk('op.hsu', {SANDI!r}))\n"
        "except akun.AkunError as exc:\n"
        "    print('DITOLAK', exc)\n"
    )
    hasil = _di_proses_lain(berkas_akun, kode)
    baris = hasil.stdout.splitlines()
    assert len(baris) == 2 and all(b.startswith("DITOLAK Percobaan masuk tidak dapat dicatat") for b in baris), (
        hasil.stdout + hasil.stderr
    )
    # The status directory being unusable refuses as well.
    kunci_masuk.status_path(berkas_akun).unlink(missing_ok=True)
    kunci_masuk.status_path(berkas_akun).mkdir()
    with pytest.raises(akun.AkunError, match="tidak dapat dicatat"):
        akun.masuk("op.hsu", SANDI, AWAL)


def test_a_held_state_lock_times_out_and_refuses(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process stuck while holding the state lock: the sign-in gives up after the timeout, refused."""
    monkeypatch.setattr(kunci_masuk, "TUNGGU_GEMBOK_DETIK", 0.5)
    kunci_masuk.status_path(berkas_akun).parent.mkdir(parents=True, exist_ok=True)
    kode = (
        "import fcntl, sys, time\n"
        f"f = open({str(kunci_masuk.gembok_path(berkas_akun))!r}, 'a')\n"
        "fcntl.flock(f, fcntl.LOCK_EX)\n"
        "print('ok', flush=True)\n"
        "time.sleep(60)\n"
    )
    pemegang = subprocess.Popen([sys.executable, "-c", kode], stdout=subprocess.PIPE, text=True)
    try:
        assert pemegang.stdout is not None and pemegang.stdout.readline().strip() == "ok"
        mulai = time.monotonic()
        with pytest.raises(akun.AkunError, match="tidak dapat dicatat"):
            akun.masuk("op.hsu", SANDI, AWAL)
        assert time.monotonic() - mulai < 5
    finally:
        pemegang.kill()
        pemegang.wait()
    assert akun.masuk("op.hsu", SANDI, AWAL) is not None


def test_the_log_is_capped_and_rotated(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kunci_masuk, "MAKS_LOG_BYTE", 2_000)
    for i in range(120):
        kunci_masuk.catat(berkas_akun, "gagal", f"nama.{i:03d}", AWAL, alamat="198.51.100.1")
    log = kunci_masuk.log_path(berkas_akun)
    berkas = sorted(p.name for p in log.parent.glob("akun-masuk.log*"))
    assert berkas == ["akun-masuk.log", "akun-masuk.log.1", "akun-masuk.log.2", "akun-masuk.log.3"]
    assert all((log.parent / b).stat().st_size < 2_000 + 200 for b in berkas)
    # the newest lines are in the live log, the oldest kept ones in .3
    assert "nama.119" in log.read_text(encoding="utf-8")
    assert "nama.000" not in "".join((log.parent / b).read_text(encoding="utf-8") for b in berkas)


def test_lock_log_and_state_files_are_owner_only(berkas_akun: Path) -> None:
    """Even under a permissive umask, and when an older version left a world-readable lock file behind."""
    kunci_masuk.gembok_path(berkas_akun).parent.mkdir(parents=True, exist_ok=True)
    kunci_masuk.gembok_path(berkas_akun).write_text("")
    os.chmod(kunci_masuk.gembok_path(berkas_akun), 0o644)
    lama = os.umask(0)
    try:
        akun.masuk("op.hsu", SALAH, AWAL)
    finally:
        os.umask(lama)
    for path in (
        kunci_masuk.gembok_path(berkas_akun),
        kunci_masuk.log_path(berkas_akun),
        kunci_masuk.status_path(berkas_akun),
    ):
        assert oct(path.stat().st_mode & 0o777) == "0o600", path


# --- Parallel guesses (issue 17 item 5)


def _tebak_serentak(jumlah: int, nama: str, sandi: str) -> list[str]:
    """`jumlah` sign-ins started at once on threads; what each one got."""
    hasil: list[str] = []
    gembok = threading.Lock()
    mulai = threading.Barrier(jumlah)

    def coba() -> None:
        mulai.wait()
        try:
            jawab = "masuk" if akun.masuk(nama, sandi) else "salah"
        except akun.AkunTerkunciError:
            jawab = "terkunci"
        except akun.AkunError as exc:
            jawab = "serentak" if "bersamaan" in str(exc) else str(exc)
        with gembok:
            hasil.append(jawab)

    utas = [threading.Thread(target=coba) for _ in range(jumlah)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    return hasil


def test_parallel_guesses_in_one_process_cannot_exceed_the_limit(berkas_akun_nyata: Path) -> None:
    """Twelve guesses at once: only five passwords are ever checked, the rest are refused before bcrypt. Counting
    after the check let every parallel guess through."""
    hasil = _tebak_serentak(12, "op.hsu", SALAH)
    assert len(hasil) == 12 and "masuk" not in hasil
    baris = [json.loads(b) for b in kunci_masuk.log_path(berkas_akun_nyata).read_text(encoding="utf-8").splitlines()]
    assert sum(b["peristiwa"] == "gagal" for b in baris) == 5
    assert sum(b["peristiwa"] == "terkunci" for b in baris) == 1
    with pytest.raises(akun.AkunTerkunciError):
        akun.masuk("op.hsu", SANDI)


def test_parallel_guesses_from_several_processes_cannot_exceed_the_limit(berkas_akun_nyata: Path) -> None:
    """Three server processes, four guesses each, at once: still five checked passwords in all."""
    kode = (
        "import sys, threading\n"
        "from dasbor.services import akun\n"
        "def coba():\n"
        "    try:\n"
        f"        akun.masuk('op.hsu', {SALAH!r})\n"
        "    except akun.AkunError:\n"
        "        pass\n"
        "print('siap', flush=True)\n"
        "sys.stdin.readline()\n"  # all processes start guessing when the test says so
        "utas = [threading.Thread(target=coba) for _ in range(4)]\n"
        "[u.start() for u in utas]; [u.join() for u in utas]\n"
    )
    env = {**os.environ, "DASBOR_AKUN": str(berkas_akun_nyata)}
    proses = [
        subprocess.Popen(
            [sys.executable, "-c", kode], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    # Every interpreter has imported the app before any guess starts (it says so), so the guesses overlap.
    for p in proses:
        assert p.stdout is not None and p.stdout.readline().strip() == "siap"
    for p in proses:
        assert p.stdin is not None
        p.stdin.write("mulai\n")
        p.stdin.flush()
    for p in proses:
        p.communicate(timeout=120)
    baris = [json.loads(b) for b in kunci_masuk.log_path(berkas_akun_nyata).read_text(encoding="utf-8").splitlines()]
    assert sum(b["peristiwa"] == "gagal" for b in baris) == 5, baris
    assert sum(b["peristiwa"] in ("ditolak_serentak", "ditolak_terkunci") for b in baris) == 7


def test_a_success_does_not_lift_a_lock_set_meanwhile(berkas_akun: Path) -> None:
    """The right password's check started, hung past the in-flight allowance, and meanwhile five failures locked
    the name: when the check finally succeeds, the lock stands and the sign-in is refused."""
    path = berkas_akun
    token = kunci_masuk.mulai(path, "op.hsu", AWAL)
    later = AWAL + kunci_masuk.BERJALAN_MAKS + timedelta(seconds=1)
    for _ in range(5):
        sampai = kunci_masuk.gagal(path, "op.hsu", kunci_masuk.mulai(path, "op.hsu", later), later)
    assert sampai == later + timedelta(minutes=15)
    assert kunci_masuk.berhasil(path, "op.hsu", token, later + timedelta(seconds=1)) == sampai
    assert kunci_masuk.terkunci_sampai(path, "op.hsu", later + timedelta(seconds=2)) == sampai


def test_bcrypt_checks_are_capped_per_process(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight sign-ins for eight names at once: the real bcrypt check runs at most BCRYPT_SERENTAK at a time (the
    check is wrapped to count, not replaced)."""
    asli = akun.bcrypt.checkpw
    serentak = puncak = 0
    gembok = threading.Lock()

    def hitung(sandi: bytes, hash_: bytes) -> bool:
        nonlocal serentak, puncak
        with gembok:
            serentak += 1
            puncak = max(puncak, serentak)
        try:
            return asli(sandi, hash_)
        finally:
            with gembok:
                serentak -= 1

    monkeypatch.setattr(akun.bcrypt, "checkpw", hitung)
    mulai = threading.Barrier(8)

    def coba(i: int) -> None:
        mulai.wait()
        akun.masuk(f"nama.{i}", SALAH)

    utas = [threading.Thread(target=coba, args=(i,)) for i in range(8)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert 1 <= puncak <= akun.BCRYPT_SERENTAK


# --- Issue 24 L4 and L6: counted before logged, a success that cannot be recorded refused, successes logged


def test_with_only_the_log_unwritable_guesses_still_lock_and_the_password_is_refused(berkas_akun: Path) -> None:
    """The log alone cannot be written (a directory where the file should be): every wrong guess is still counted,
    so five lock the name, and the right password is refused because its success cannot be recorded."""
    kunci_masuk.log_path(berkas_akun).mkdir()
    for _ in range(5):
        with pytest.raises(akun.AkunError, match="tidak dapat dicatat"):
            akun.masuk("op.hsu", SALAH, AWAL)
    assert kunci_masuk.terkunci_sampai(berkas_akun, "op.hsu", AWAL) == AWAL + timedelta(minutes=15)
    with pytest.raises(akun.AkunError, match="tidak dapat dicatat"):
        akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=16))  # the lock has ended; the success is refused
    kunci_masuk.log_path(berkas_akun).rmdir()
    assert akun.masuk("op.hsu", SANDI, AWAL + timedelta(minutes=17)) is not None


def test_a_successful_sign_in_is_logged_with_its_address(berkas_akun: Path) -> None:
    assert akun.masuk("op.hsu", SANDI, AWAL, alamat="203.0.113.7") is not None
    [baris] = [json.loads(b) for b in kunci_masuk.log_path(berkas_akun).read_text(encoding="utf-8").splitlines()]
    assert baris == {"waktu": AWAL.isoformat(), "peristiwa": "berhasil", "nama": "op.hsu", "alamat": "203.0.113.7"}
