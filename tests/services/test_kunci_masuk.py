"""Sign-in lockout: the configured number of failures locks an account for the configured time, with a message;
the lock ends on time (an injected clock, no sleeping), survives in the state file for another process, and every
failure and lockout is logged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dasbor.services import akun, kunci_masuk

ROOT = Path(__file__).resolve().parents[2]
SANDI = "sandi-uji-yang-panjang"
SALAH = "bukan-sandi-yang-benar"
AWAL = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def berkas_akun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "akun.yaml"
    monkeypatch.setenv("DASBOR_AKUN", str(path))
    monkeypatch.delenv("DASBOR_MASUK_BATAS", raising=False)
    monkeypatch.delenv("DASBOR_MASUK_KUNCI_MENIT", raising=False)
    akun.tambah_akun("op.hsu", SANDI, "operator", wilayah=["63.09"])
    return path


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
    hasil = subprocess.run(
        [sys.executable, "-c", kode],
        cwd=ROOT,
        env={**os.environ, "DASBOR_AKUN": str(berkas_akun)},
        capture_output=True,
        text=True,
        timeout=120,
    )
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
