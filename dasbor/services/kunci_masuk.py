"""Sign-in lockout: after `batas` failed sign-ins in a row an account is locked for `menit` minutes
($DASBOR_MASUK_BATAS, default 5; $DASBOR_MASUK_KUNCI_MENIT, default 15).

The state is a small JSON file beside the accounts file (`akun-status.json`), not a DuckDB table: the servers read
the database through read-only published copies, while a sign-in must be recordable by any of several server processes
and survive their restart. Every read-modify-write holds an exclusive `fcntl` lock on a sidecar lock file (waited
for at most `TUNGGU_GEMBOK_DETIK`) and replaces the state file atomically (write beside, rename), so two processes
never lose each other's update and a crash never leaves half a file. Sign-ins, failed ones and lockouts are appended, one
JSON object per line, to `akun-masuk.log` beside it, under the same lock and after the state (a log that cannot be
written never leaves an attempt uncounted); the log is rotated at `MAKS_LOG_BYTE`
(`akun-masuk.log.1` … `.3`), so a flood of attempts cannot fill the disk. Every name is counted, existing or not,
so a lockout does not reveal which names are accounts. Lock, state and log files are owner-only (0600).

An attempt is counted *before* its password is checked (`mulai`), in the same critical section that checks the
lock: an attempt may start only while confirmed failures plus attempts still being checked stay below the limit, so
parallel guesses cannot exceed it. `gagal` and `berhasil` then settle it; a success does not lift a lock that a
parallel failure set meanwhile. Anything that cannot be recorded raises OSError, and the caller refuses the
sign-in (fail closed)."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dasbor.berkas_atomik import samakan_pemilik, tulis_atomik

BATAS_BAWAAN = 5
MENIT_BAWAAN = 15.0
# A flood of made-up names must not grow the state file without end: past this many entries, the oldest
# entries that hold no active lock are dropped.
MAKS_ENTRI = 10_000
# A sign-in waits this long for another process's update of the state; past it the sign-in is refused rather than
# the page hanging behind a stuck process.
TUNGGU_GEMBOK_DETIK = 5.0
# An attempt whose process died between counting and settling (killed mid-bcrypt) stops holding a place after this.
BERJALAN_MAKS = timedelta(minutes=1)
MAKS_LOG_BYTE = 5 * 1024 * 1024
SIMPAN_LOG = 3  # rotated logs kept: akun-masuk.log.1 (newest) … .3


class KunciMasukError(OSError):
    """The sign-in state could not be read or recorded in time; the sign-in is refused."""


class Terkunci(Exception):
    """The name is locked until `sampai`."""

    def __init__(self, sampai: datetime) -> None:
        super().__init__(sampai.isoformat())
        self.sampai = sampai


class Sibuk(Exception):
    """As many attempts as the limit allows are already being checked for this name."""


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


def gembok_path(akun_path: Path) -> Path:
    return akun_path.with_name(".akun-status.lock")


def buka_pribadi(path: Path, flags: int) -> int:
    """Open (creating) a file readable by its owner only; a file made by an older version is narrowed too. A file
    it creates belongs to the owner of its folder (samakan_pemilik)."""
    baru = not path.exists()
    fd = os.open(path, flags | os.O_CREAT, 0o600)
    os.fchmod(fd, 0o600)
    if baru:
        samakan_pemilik(fd, path.parent)
    return fd


def ambil_gembok(fd: int, batas_detik: float) -> None:
    akhir = time.monotonic() + batas_detik
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= akhir:
            raise KunciMasukError(errno.ETIMEDOUT, f"status masuk sedang dipakai proses lain > {batas_detik:g} detik")
        time.sleep(0.02)


@contextmanager
def _di_bawah_gembok(akun_path: Path) -> Iterator[tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]]:
    """The state and a list for log lines (`_catat`), under an exclusive lock across processes. When the block ends
    the state is written back atomically first and the log lines appended after it, also when the block raised
    (Terkunci, Sibuk): an attempt is counted even when the log cannot be written (a full disk), and that failure
    still raises, so the caller refuses the sign-in (issue 24 L4)."""
    path = status_path(akun_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = buka_pribadi(gembok_path(akun_path), os.O_WRONLY | os.O_APPEND)
    try:
        ambil_gembok(fd, TUNGGU_GEMBOK_DETIK)
        try:
            status = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            status = {}
        sebelum = json.dumps(status, sort_keys=True)
        catatan: list[dict[str, Any]] = []
        try:
            yield status, catatan
        finally:
            if json.dumps(status, sort_keys=True) != sebelum:
                _tulis(path, status)
            _tulis_log(akun_path, catatan)
    finally:
        os.close(fd)  # closing releases the flock


def _tulis(path: Path, status: dict[str, dict[str, Any]]) -> None:
    tulis_atomik(path, json.dumps(status, ensure_ascii=False, sort_keys=True))


def _putar_log(log: Path) -> None:
    """Keep the log under MAKS_LOG_BYTE: the full log becomes .1, and the oldest rotation is dropped."""
    try:
        if log.stat().st_size < MAKS_LOG_BYTE:
            return
    except FileNotFoundError:
        return
    for n in range(SIMPAN_LOG - 1, 0, -1):
        lama = log.with_name(f"{log.name}.{n}")
        if lama.exists():
            os.replace(lama, log.with_name(f"{log.name}.{n + 1}"))
    os.replace(log, log.with_name(f"{log.name}.1"))


def _catat(catatan: list[dict[str, Any]], peristiwa: str, nama: str, sekarang: datetime, **lain: Any) -> None:
    """One line for the sign-in log, written when the state lock's block ends (after the state)."""
    baris = {"waktu": sekarang.isoformat(timespec="seconds"), "peristiwa": peristiwa, "nama": nama}
    baris.update({k: v for k, v in lain.items() if v is not None})
    catatan.append(baris)


def _tulis_log(akun_path: Path, catatan: list[dict[str, Any]]) -> None:
    """Append the lines, JSON so that a name with odd characters cannot forge a line. Called under the state lock,
    so rotation never races another writer. A failed write raises: the caller refuses the sign-in."""
    if not catatan:
        return
    log = log_path(akun_path)
    _putar_log(log)
    data = "".join(json.dumps(b, ensure_ascii=False) + "\n" for b in catatan).encode("utf-8")
    fd = buka_pribadi(log, os.O_WRONLY | os.O_APPEND)
    try:
        if os.write(fd, data) != len(data):
            raise KunciMasukError(errno.ENOSPC, "log masuk tidak tertulis utuh")
    finally:
        os.close(fd)


def _catat_terkunci(
    catatan: list[dict[str, Any]], nama: str, sekarang: datetime, sampai: datetime, alamat: str | None
) -> None:
    _catat(catatan, "ditolak_terkunci", nama, sekarang, sampai=sampai.isoformat(timespec="seconds"), alamat=alamat)


def _sampai(entri: dict[str, Any] | None, sekarang: datetime) -> datetime | None:
    if not entri or not entri.get("terkunci_sampai"):
        return None
    sampai = datetime.fromisoformat(entri["terkunci_sampai"])
    return sampai if sampai > sekarang else None


def sekarang_utc() -> datetime:
    return datetime.now(UTC)


def _entri_kini(status: dict[str, dict[str, Any]], nama: str, sekarang: datetime, atur: Aturan) -> dict[str, Any]:
    """The name's entry with what no longer counts removed: failures older than one lock period (the limit is on
    failures in a row, not for ever), an ended lock, attempts whose process died before settling them."""
    entri = dict(status.get(nama) or {})
    terakhir = entri.get("terakhir")
    if terakhir and sekarang - datetime.fromisoformat(terakhir) > atur.lama:
        entri["gagal"] = 0
    if entri.get("terkunci_sampai") and not _sampai(entri, sekarang):
        del entri["terkunci_sampai"]
    entri["berjalan"] = {
        t: m for t, m in (entri.get("berjalan") or {}).items() if sekarang - datetime.fromisoformat(m) < BERJALAN_MAKS
    }
    return entri


def _simpan_entri(status: dict[str, dict[str, Any]], nama: str, entri: dict[str, Any]) -> None:
    if not entri.get("gagal") and not entri.get("berjalan") and not entri.get("terkunci_sampai"):
        status.pop(nama, None)
    else:
        status[nama] = entri


def mulai(akun_path: Path, nama: str, sekarang: datetime, alamat: str | None = None) -> str:
    """Count one attempt before its password is checked; returns the token that `gagal`/`berhasil` settle.
    Raises Terkunci while the name is locked and Sibuk when the attempts being checked already fill the limit
    (both logged)."""
    atur = aturan()
    with _di_bawah_gembok(akun_path) as (status, log):
        entri = _entri_kini(status, nama, sekarang, atur)
        if sampai := _sampai(entri, sekarang):
            _catat_terkunci(log, nama, sekarang, sampai, alamat)
            raise Terkunci(sampai)
        if int(entri.get("gagal", 0)) + len(entri["berjalan"]) >= atur.batas:
            _catat(log, "ditolak_serentak", nama, sekarang, alamat=alamat)
            raise Sibuk(nama)
        token = uuid.uuid4().hex
        entri["berjalan"][token] = sekarang.isoformat()
        entri["terakhir"] = sekarang.isoformat()
        _simpan_entri(status, nama, entri)
        _pangkas(status, sekarang)
        return token


def gagal(akun_path: Path, nama: str, token: str, sekarang: datetime, alamat: str | None = None) -> datetime | None:
    """Settle a counted attempt as a failure; returns the end of the lock when this failure locks the name."""
    atur = aturan()
    with _di_bawah_gembok(akun_path) as (status, log):
        entri = _entri_kini(status, nama, sekarang, atur)
        entri["berjalan"].pop(token, None)
        if sampai := _sampai(entri, sekarang):
            # A parallel failure locked the name while this one was checked: the lock already stands, and the
            # count starts from zero after it.
            _catat(log, "gagal", nama, sekarang, alamat=alamat)
            _simpan_entri(status, nama, entri)
            return sampai
        ke = int(entri.get("gagal", 0)) + 1
        entri.update(gagal=ke, terakhir=sekarang.isoformat())
        _catat(log, "gagal", nama, sekarang, ke=ke, alamat=alamat)
        if ke >= atur.batas:
            sampai = sekarang + atur.lama
            entri.update(gagal=0, terkunci_sampai=sampai.isoformat())
            _catat(log, "terkunci", nama, sekarang, sampai=sampai.isoformat(timespec="seconds"), menit=atur.menit)
        _simpan_entri(status, nama, entri)
        return sampai


def berhasil(akun_path: Path, nama: str, token: str, sekarang: datetime, alamat: str | None = None) -> datetime | None:
    """Settle a counted attempt whose password matched, and log it. Clears the failures before it, unless a
    parallel failure locked the name meanwhile: then the lock stands and its end is returned (the caller refuses)."""
    with _di_bawah_gembok(akun_path) as (status, log):
        entri = _entri_kini(status, nama, sekarang, aturan())
        entri["berjalan"].pop(token, None)
        if sampai := _sampai(entri, sekarang):
            _catat_terkunci(log, nama, sekarang, sampai, alamat)
        else:
            entri["gagal"] = 0
            # A success is logged too; one that cannot be logged raises, and the sign-in is refused.
            _catat(log, "berhasil", nama, sekarang, alamat=alamat)
        _simpan_entri(status, nama, entri)
        return sampai


def batal(akun_path: Path, nama: str, token: str, sekarang: datetime) -> None:
    """Release a counted attempt that was never checked (the server was too busy to run bcrypt)."""
    with _di_bawah_gembok(akun_path) as (status, log):
        entri = _entri_kini(status, nama, sekarang, aturan())
        entri["berjalan"].pop(token, None)
        _simpan_entri(status, nama, entri)


def catat(akun_path: Path, peristiwa: str, nama: str, sekarang: datetime, **lain: Any) -> None:
    """A log line about a sign-in that never reached the lockout (e.g. a name that is not valid), under the lock."""
    with _di_bawah_gembok(akun_path) as (_, log):
        _catat(log, peristiwa, nama, sekarang, **lain)


def buka(akun_path: Path, nama: str, sekarang: datetime, oleh: str) -> datetime | None:
    """Lift the name's lock and forget its failures (`akun buka`); returns the end of the lock that was lifted."""
    with _di_bawah_gembok(akun_path) as (status, log):
        sampai = _sampai(status.get(nama), sekarang)
        entri = _entri_kini(status, nama, sekarang, aturan())
        entri.pop("terkunci_sampai", None)
        entri["gagal"] = 0
        _simpan_entri(status, nama, entri)
        _catat(log, "dibuka", nama, sekarang, oleh=oleh, sampai=sampai and sampai.isoformat(timespec="seconds"))
        return sampai


def terkunci_sampai(akun_path: Path, nama: str, sekarang: datetime) -> datetime | None:
    """When the name's lock ends, or None; reads only (for `akun daftar` and tests)."""
    with _di_bawah_gembok(akun_path) as (status, log):
        return _sampai(status.get(nama), sekarang)


def _pangkas(status: dict[str, dict[str, Any]], sekarang: datetime) -> None:
    if len(status) <= MAKS_ENTRI:
        return
    bebas = sorted((e.get("terakhir", ""), n) for n, e in status.items() if not _sampai(e, sekarang))
    for _, nama in bebas[: len(status) - MAKS_ENTRI]:
        del status[nama]
