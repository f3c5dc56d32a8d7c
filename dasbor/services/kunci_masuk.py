"""Sign-in lockout: after `batas` failed sign-ins in a row an account is locked for `menit` minutes
($DASBOR_MASUK_BATAS, default 5; $DASBOR_MASUK_KUNCI_MENIT, default 15).

The state is a small JSON file beside the accounts file (`akun-status.json`), not a DuckDB table: the servers read
the database through read-only snapshots, while a sign-in must be recordable by any of several server processes
and survive their restart. Every read-modify-write holds an exclusive `fcntl` lock on a sidecar lock file and
replaces the state file atomically (write beside, rename), so two processes never lose each other's update and a
crash never leaves half a file. Failed sign-ins and lockouts are appended, one JSON object per line, to
`akun-masuk.log` beside it, under the same lock. Every name is counted, existing or not, so a lockout does not
reveal which names are accounts."""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BATAS_BAWAAN = 5
MENIT_BAWAAN = 15.0
# A flood of made-up names must not grow the state file without end: past this many entries, the oldest
# entries that hold no active lock are dropped.
MAKS_ENTRI = 10_000


@dataclass(frozen=True)
class Aturan:
    batas: int
    menit: float

    @property
    def lama(self) -> timedelta:
        return timedelta(minutes=self.menit)


def aturan() -> Aturan:
    """The configured limits; a value that is not a positive number falls back to the default."""

    def _angka(nama: str, bawaan: float) -> float:
        try:
            nilai = float(os.environ.get(nama, bawaan))
        except ValueError:
            return bawaan
        return nilai if nilai > 0 else bawaan

    return Aturan(int(_angka("DASBOR_MASUK_BATAS", BATAS_BAWAAN)), _angka("DASBOR_MASUK_KUNCI_MENIT", MENIT_BAWAAN))


def status_path(akun_path: Path) -> Path:
    return akun_path.with_name("akun-status.json")


def log_path(akun_path: Path) -> Path:
    return akun_path.with_name("akun-masuk.log")


@contextmanager
def _terkunci(akun_path: Path) -> Iterator[dict[str, dict[str, Any]]]:
    """The state under an exclusive lock across processes; written back atomically when the block ends."""
    path = status_path(akun_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(".akun-status.lock"), "a") as kunci:
        fcntl.flock(kunci, fcntl.LOCK_EX)
        try:
            try:
                status = json.loads(path.read_text(encoding="utf-8"))
            except (FileNotFoundError, json.JSONDecodeError):
                status = {}
            sebelum = json.dumps(status, sort_keys=True)
            yield status
            if json.dumps(status, sort_keys=True) != sebelum:
                _tulis(path, status)
        finally:
            fcntl.flock(kunci, fcntl.LOCK_UN)


def _tulis(path: Path, status: dict[str, dict[str, Any]]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".akun-status-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(status, f, ensure_ascii=False, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _catat(akun_path: Path, peristiwa: str, nama: str, sekarang: datetime, **lain: Any) -> None:
    """One line of the sign-in log; JSON so that a name with odd characters cannot forge a line."""
    baris = {"waktu": sekarang.isoformat(timespec="seconds"), "peristiwa": peristiwa, "nama": nama, **lain}
    with open(log_path(akun_path), "a", encoding="utf-8") as f:
        f.write(json.dumps(baris, ensure_ascii=False) + "\n")


def _sampai(entri: dict[str, Any] | None, sekarang: datetime) -> datetime | None:
    if not entri or not entri.get("terkunci_sampai"):
        return None
    sampai = datetime.fromisoformat(entri["terkunci_sampai"])
    return sampai if sampai > sekarang else None


def sekarang_utc() -> datetime:
    return datetime.now(UTC)


def terkunci_sampai(akun_path: Path, nama: str, sekarang: datetime) -> datetime | None:
    """When the account's lock ends, or None when it is not locked. A refused attempt is logged."""
    with _terkunci(akun_path) as status:
        sampai = _sampai(status.get(nama), sekarang)
        if sampai:
            _catat(akun_path, "ditolak_terkunci", nama, sekarang, sampai=sampai.isoformat(timespec="seconds"))
        return sampai


def catat_gagal(akun_path: Path, nama: str, sekarang: datetime) -> datetime | None:
    """Count one failed sign-in; returns the end of the lock when this failure locks the account."""
    atur = aturan()
    with _terkunci(akun_path) as status:
        entri = status.get(nama) or {}
        terakhir = entri.get("terakhir")
        # Failures older than one lock period no longer count: the limit is on failures in a row, not for ever.
        if terakhir and sekarang - datetime.fromisoformat(terakhir) > atur.lama:
            entri = {}
        gagal = int(entri.get("gagal", 0)) + 1
        entri = {"gagal": gagal, "terakhir": sekarang.isoformat()}
        sampai = None
        if gagal >= atur.batas:
            sampai = sekarang + atur.lama
            entri = {"gagal": 0, "terakhir": sekarang.isoformat(), "terkunci_sampai": sampai.isoformat()}
        status[nama] = entri
        _pangkas(status, sekarang)
        _catat(akun_path, "gagal", nama, sekarang, ke=gagal)
        if sampai:
            _catat(akun_path, "terkunci", nama, sekarang, sampai=sampai.isoformat(timespec="seconds"), menit=atur.menit)
        return sampai


def catat_berhasil(akun_path: Path, nama: str) -> None:
    """A successful sign-in clears the count of failures before it."""
    with _terkunci(akun_path) as status:
        status.pop(nama, None)


def _pangkas(status: dict[str, dict[str, Any]], sekarang: datetime) -> None:
    if len(status) <= MAKS_ENTRI:
        return
    bebas = sorted((e["terakhir"], n) for n, e in status.items() if not _sampai(e, sekarang))
    for _, nama in bebas[: len(status) - MAKS_ENTRI]:
        del status[nama]
