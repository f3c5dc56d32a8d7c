"""Published copies (terbitan): one writer under an OS file lock, any number of read-only readers in any process.

DuckDB lets one process open a file read-write and then nobody else may open it, not even read-only. So the file
named by $DASBOR_DB is the *writer* database, opened only for a write (demo build, migrations, import, undo) and
only under an exclusive `flock` on `<db>.gembok`. Each write ends by *publishing*: store the results the copy
serves (the scores of every year, HasilTerbit, computed once here rather than in every server), CHECKPOINT, copy
the file to a new immutable published copy `terbitan/<stem>-<id>.duckdb`, then atomically replace the small
pointer file `terbitan/<stem>.kini` that names it. Servers and read-only commands open the copy named by the
pointer with read_only=True; a reader notices a new one with a stat of the pointer, never with a query.

A published copy in use is held by a shared flock on its `.pakai` file; a publisher deletes older copies whose
`.pakai` it can lock exclusively, so a copy disappears only when no process reads it any more.

A process started with DASBOR_HANYA_BACA=1 (a worker group on another machine, reading the published copies
through a shared folder mounted read-only) only reads: it never takes the writer lock, never publishes and never
deletes an old copy (the writer does that at its next publish, once no process holds the copy).

Crash safety: the writer database keeps its own transactional guarantees (a SIGKILL before COMMIT leaves it as
before). A crash after COMMIT but before the pointer moved leaves the writer ahead of the published copy;
the next writer notices (the pointer records the data stamp it was published at) and publishes first.
"""

from __future__ import annotations

import fcntl
import functools
import json
import logging
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dasbor.db import berkas_pribadi
from dasbor.db.connection import Database, DatabaseSibukError, db_path, sql

# How long a second writer waits for the first (an import commits in seconds; a demo build in about ten).
TUNGGU_PENULIS = 120.0


class BelumDiterbitkanError(OSError):
    """A write committed to the writer database but could not be published (a full disk): the data is safe, the
    running servers still show the previous copy until the next writer publishes it."""


class HanyaBacaError(DatabaseSibukError):
    """A write asked of a process that only reads (DASBOR_HANYA_BACA=1): writes happen on the writer machine.
    A DatabaseSibukError, so that every page and command that reports a busy database reports this too."""


class BasisDataTidakAdaError(FileNotFoundError):
    """A reader asked for a database file that does not exist: it is not created (a mistyped $DASBOR_DB must not
    quietly become an empty or a synthetic database)."""


@dataclass(frozen=True)
class Letak:
    """Where the writer, its lock, the published copies and the pointer of one database live (derived from its path)."""

    penulis: Path
    gembok: Path
    folder: Path
    penunjuk: Path

    def berkas(self, id_terbitan: int) -> Path:
        return self.folder / f"{self.penulis.stem}-{id_terbitan}.duckdb"


def hanya_baca() -> bool:
    """Whether this process only reads published copies (DASBOR_HANYA_BACA=1); a value other than 0/1 is refused."""
    nilai = os.environ.get("DASBOR_HANYA_BACA", "0").strip() or "0"
    if nilai not in ("0", "1"):
        raise ValueError(f"DASBOR_HANYA_BACA harus 0 atau 1, bukan {nilai!r}")
    return nilai == "1"


def letak(path: Path | str | None = None) -> Letak:
    return _letak(Path(path) if path is not None else db_path())


@functools.lru_cache(maxsize=64)
def _letak(penulis: Path) -> Letak:
    # Asked a dozen times per page view (every cached result checks its published copy): made once per path.
    folder = penulis.parent / "terbitan"
    return Letak(penulis, penulis.with_name(penulis.name + ".gembok"), folder, folder / f"{penulis.stem}.kini")


# ---------------------------------------------------------------------------------------------------------------
# Writer side


class _GembokPenulis:
    """The writer lock of one database: a thread lock (reentrant, so a demo build may open the writer inside
    its own locked block) around one process-wide flock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rlock = threading.RLock()
        self.tingkat = 0
        self.fd: int | None = None

    def ambil(self, tunggu: float) -> None:
        batas = time.monotonic() + tunggu
        if not self.rlock.acquire(timeout=tunggu):
            raise DatabaseSibukError(_pesan_sibuk(self.path, tunggu))
        try:
            if self.tingkat == 0:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Only the writer's own account needs the lock file (issue 17: lock and log files are 0600).
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= batas:
                            os.close(fd)
                            raise DatabaseSibukError(_pesan_sibuk(self.path, tunggu)) from None
                        time.sleep(0.05)
                self.fd = fd
            self.tingkat += 1
        except BaseException:
            self.rlock.release()
            raise

    def lepas(self) -> None:
        self.tingkat -= 1
        if self.tingkat == 0 and self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None
        self.rlock.release()


def _pesan_sibuk(gembok: Path, tunggu: float) -> str:
    return (
        f"Basis data {gembok.with_suffix('')} sedang ditulis proses lain (impor, pembatalan, atau pembangunan data "
        f"demo) dan belum selesai setelah {tunggu:.0f} detik. Coba lagi sebentar lagi."
    )


_gembok_penulis: dict[Path, _GembokPenulis] = {}
_gembok_daftar = threading.Lock()


@contextmanager
def gembok(path: Path | str | None = None, tunggu: float = TUNGGU_PENULIS) -> Iterator[Letak]:
    """Hold the writer lock of a database (waiting up to `tunggu` seconds for another writer)."""
    lt = letak(path)
    if hanya_baca():
        raise HanyaBacaError(
            f"Dasbor ini hanya membaca terbitan di {lt.folder} (DASBOR_HANYA_BACA=1): impor, pembatalan, perubahan "
            "status dan SPD, pemulihan cadangan dan data demo dikerjakan di mesin penulis."
        )
    with _gembok_daftar:
        k = _gembok_penulis.setdefault(lt.gembok.resolve(), _GembokPenulis(lt.gembok))
    k.ambil(tunggu)
    try:
        yield lt
    finally:
        k.lepas()


@dataclass(frozen=True)
class HasilTerbit:
    """What a publish computes and stores in the copy besides the data (issue 25 §4), given by the services layer
    (dasbor.services.db), which the db layer does not import: `usang(db)` whether a publish now would store
    anything new, `perbarui(db)` computes and stores it in the writer database (one transaction)."""

    usang: Callable[[Database], bool]
    perbarui: Callable[[Database], object]


_hasil: HasilTerbit | None = None
_log = logging.getLogger(__name__)


def pasang_hasil(hasil: HasilTerbit) -> None:
    """Have every later publish in this process store `hasil`. A process that publishes without it (a copy
    published by the db layer alone) stores nothing new; readers then compute, since the stored results carry
    the fingerprints they were made at."""
    global _hasil
    _hasil = hasil


def _perbarui_hasil(db: Database) -> None:
    """The results a publish stores, never at the price of the publish: data an import committed goes out even
    when computing them fails (the copy's stored results are then the earlier ones, which their fingerprints keep
    readers from using, so the pages compute and show the failure)."""
    if _hasil is None:
        return
    try:
        _hasil.perbarui(db)
    except Exception:
        _log.exception("hasil terbit tidak dapat dihitung; terbitan ini dibaca dengan menghitung")


def _baca_penunjuk(lt: Letak) -> dict | None:
    try:
        return json.loads(lt.penunjuk.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def _stempel(db: Database) -> list[int]:
    with db.cursor() as cur:
        return [int(x) for x in cur.execute(sql("stempel_data")).fetchone()]


@contextmanager
def penulis(path: Path | str | None = None, paksa: bool = False, tunggu: float = TUNGGU_PENULIS) -> Iterator[Database]:
    """The writer database under the writer lock; published when the block leaves new data behind.

    A new copy is published when the block ends normally and the data stamp differs from the published one (an
    import, an undo, or a commit that a crash kept from being published), when opening applied migrations, when
    the stored results are not those of this data and code (a server starting on a new version of the code), or
    when `paksa` (a rebuilt file whose stamp may be unchanged). A block that raises publishes nothing, so its own
    error is the one the caller sees (issue 24 L3); the next writer publishes what is committed. A publish that
    fails after the block committed raises BelumDiterbitkanError.
    """
    with gembok(path, tunggu) as lt:
        db = Database(lt.penulis)
        try:
            yield db
            penunjuk = _baca_penunjuk(lt)
            if (
                paksa
                or db.migrasi_baru
                or penunjuk is None
                or penunjuk.get("stempel") != _stempel(db)
                or (_hasil is not None and _hasil.usang(db))
            ):
                try:
                    terbitkan(db, lt)
                except (OSError, duckdb.Error) as exc:  # the CHECKPOINT's write or the copy's (a full disk)
                    raise BelumDiterbitkanError(
                        f"Perubahan sudah tersimpan di basis data, tetapi belum diterbitkan untuk server yang berjalan "
                        f"({getattr(exc, 'strerror', None) or exc}). Periksa ruang disk di {lt.folder}; penulis berikutnya (impor, "
                        "pembatalan, perubahan status) menerbitkannya lebih dulu."
                    ) from exc
        finally:
            db.close()


def terbitkan(db: Database, lt: Letak) -> int:
    """Publish the writer's committed state, with the results it serves (pasang_hasil), as a new copy and point
    readers at it; returns its id. The caller holds the writer lock; the servers read the previous copy meanwhile."""
    _perbarui_hasil(db)
    with db.cursor() as cur:
        cur.execute("CHECKPOINT")  # everything committed is in the main file, so a byte copy is complete
    stempel = _stempel(db)
    lt.folder.mkdir(parents=True, exist_ok=True)
    lama = _baca_penunjuk(lt)
    ada = [_id_dari(p) for p in lt.folder.glob(f"{lt.penulis.stem}-*.duckdb")]
    id_baru = max([0, (lama or {}).get("id", 0), *(i for i in ada if i is not None)]) + 1
    tujuan = lt.berkas(id_baru)
    sementara = tujuan.with_name(tujuan.name + ".baru")
    with _tanpa_sisa(sementara):
        berkas_pribadi.salin(lt.penulis, sementara)
        _fsync(sementara)
    tujuan.with_name(tujuan.name + ".pakai").touch()
    os.replace(sementara, tujuan)
    # The copy's rename must be on disk before the pointer names it: after a power cut the pointer could
    # otherwise survive while the copy's directory entry did not.
    _fsync(lt.folder)
    isi = json.dumps({"id": id_baru, "berkas": tujuan.name, "stempel": stempel})
    penunjuk_baru = lt.penunjuk.with_name(lt.penunjuk.name + ".baru")
    with _tanpa_sisa(penunjuk_baru):
        penunjuk_baru.write_text(isi, encoding="utf-8")
        _fsync(penunjuk_baru)
    os.replace(penunjuk_baru, lt.penunjuk)
    _fsync(lt.folder)
    bersihkan(lt)
    return id_baru


@contextmanager
def _tanpa_sisa(path: Path) -> Iterator[None]:
    """Remove a half-written file when writing it fails (a full disk): a partial copy would only take the
    space the next publish needs, and the pointer still names the last complete one."""
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _id_dari(path: Path) -> int | None:
    cocok = re.fullmatch(r".*-(\d+)\.duckdb", path.name)
    return int(cocok.group(1)) if cocok else None


def bersihkan(lt: Letak) -> list[Path]:
    """Delete every published copy other than the current one that no process holds; returns those deleted."""
    kini = (_baca_penunjuk(lt) or {}).get("berkas")
    dihapus = []
    for salinan in lt.folder.glob(f"{lt.penulis.stem}-*.duckdb"):
        if salinan.name == kini:
            continue
        pakai = salinan.with_name(salinan.name + ".pakai")
        try:
            fd = os.open(pakai, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            for berkas in (salinan, salinan.with_name(salinan.name + ".wal"), pakai):
                berkas.unlink(missing_ok=True)
            dihapus.append(salinan)
        finally:
            os.close(fd)
    return dihapus


# ---------------------------------------------------------------------------------------------------------------
# Reader side


@dataclass(frozen=True, eq=False)
class Terbitan:
    """One published copy opened read-only by this process. `identitas` identifies it in cache keys."""

    id: int
    path: Path
    db: Database
    stempel: tuple[int, ...]
    sumber: Path  # the writer database it was published from
    _fd_pakai: int
    _guna: _Guna = field(default_factory=lambda: _Guna())

    @property
    def identitas(self) -> tuple[str, int]:
        return (str(self.path), self.id)

    @property
    def pensiun(self) -> bool:
        return self._guna.pensiun

    def tutup(self) -> None:
        """Retire the copy: closed now, or when the last computation using it (dipakai) ends."""
        with self._guna.gembok:
            self._guna.pensiun = True
            if self._guna.n == 0:
                self._tutup_sekarang()

    def _tutup_sekarang(self) -> None:
        if not self._guna.tertutup:
            self._guna.tertutup = True
            self.db.close()
            os.close(self._fd_pakai)  # releases the shared flock: the publisher may now delete the file


class _Guna:
    """How many computations are reading a published copy right now, so that retiring it never pulls the connection
    from under one of them."""

    def __init__(self) -> None:
        self.gembok = threading.Lock()
        self.n = 0
        self.pensiun = False
        self.tertutup = False


@dataclass
class _Pembaca:
    tanda: tuple[int, int, int]
    terbuka: deque  # newest last; the previous one stays open for sessions still finishing a run on it


_pembaca: dict[Path, _Pembaca] = {}
_pembaca_gembok = threading.Lock()
# A session that is still running a script on the previous copy keeps using it; the one before that is closed.
SIMPAN = 2


def _tanda(path: Path) -> tuple[int, int, int] | None:
    try:
        s = os.stat(path)
    except FileNotFoundError:
        return None
    return (s.st_ino, s.st_mtime_ns, s.st_size)


def _buka(lt: Letak) -> Terbitan:
    """Open the copy the pointer names, holding its `.pakai` file shared. The pointer may move on and the
    old file be deleted between reading and locking; then read the pointer again."""
    for _ in range(20):
        penunjuk = _baca_penunjuk(lt)
        if penunjuk is None:
            raise FileNotFoundError(lt.penunjuk)
        salinan = lt.folder / penunjuk["berkas"]
        pakai = salinan.with_name(salinan.name + ".pakai")
        try:
            fd = os.open(pakai, os.O_RDONLY)
        except FileNotFoundError:
            continue
        fcntl.flock(fd, fcntl.LOCK_SH)
        if not salinan.exists() or _tanda(pakai) is None or os.fstat(fd).st_ino != os.stat(pakai).st_ino:
            os.close(fd)
            continue
        try:
            db = Database(salinan, read_only=True)
        except BaseException:
            os.close(fd)
            raise
        return Terbitan(int(penunjuk["id"]), salinan, db, tuple(penunjuk["stempel"]), lt.penulis, fd)
    raise RuntimeError(f"tidak dapat membuka terbitan basis data di {lt.folder}")


def kini(path: Path | str | None = None) -> Terbitan:
    """The current published copy of a database, opened once per process and switched when the pointer
    changes (one stat per call). Publishes the writer first when nothing has been published yet."""
    lt = letak(path)
    tanda = _tanda(lt.penunjuk)
    p = _pembaca.get(lt.penunjuk)
    if p is not None and tanda is not None and p.tanda == tanda:
        return p.terbuka[-1]
    if tanda is None:
        if hanya_baca():
            raise BasisDataTidakAdaError(
                f"Belum ada terbitan di {lt.folder} ({lt.penunjuk.name} tidak ada). Dasbor ini hanya membaca "
                "(DASBOR_HANYA_BACA=1): periksa DASBOR_DB dan kaitan folder bersama, dan jalankan penulis dulu."
            )
        if not lt.penulis.exists():
            raise BasisDataTidakAdaError(
                f"Basis data {lt.penulis} tidak ada. Periksa DASBOR_DB, pulihkan cadangan (`python -m dasbor "
                "pulihkan BERKAS`), atau bangun data demo dengan `python -m dasbor demo`."
            )
        with penulis(lt.penulis):
            pass  # publishes: there is no pointer yet
    with _pembaca_gembok:
        tanda = _tanda(lt.penunjuk)
        p = _pembaca.get(lt.penunjuk)
        if p is not None and p.tanda == tanda:
            return p.terbuka[-1]
        baru = _buka(lt)
        if p is None:
            _pembaca[lt.penunjuk] = _Pembaca(tanda, deque([baru]))
            return baru
        if baru.id == p.terbuka[-1].id:
            baru.tutup()
        else:
            p.terbuka.append(baru)
            while len(p.terbuka) > SIMPAN:
                p.terbuka.popleft().tutup()
            if not hanya_baca():
                bersihkan(lt)
        p.tanda = tanda
        return p.terbuka[-1]


def terbuka(t: Terbitan) -> bool:
    """Whether `t` still serves new work in this process (it retires when two newer ones opened, or by
    tutup_semua)."""
    return not t.pensiun


def tutup_semua() -> None:
    """Close every published copy this process has open (tests that delete their folders; process exit)."""
    with _pembaca_gembok:
        for p in _pembaca.values():
            for t in p.terbuka:
                t.tutup()
        _pembaca.clear()


_lokal = threading.local()


@contextmanager
def dipakai(t: Terbitan) -> Iterator[Terbitan]:
    """Within the block, database() in this thread answers from `t`: a computation cached under t.identitas then
    reads exactly that copy even when a newer one is published meanwhile; `t` stays open until the block
    ends. A copy already closed is replaced by the current one."""
    sumber = t.sumber
    with t._guna.gembok:
        if t._guna.tertutup:
            t = None
        else:
            t._guna.n += 1
    if t is None:
        with dipakai(kini(sumber)) as ganti:
            yield ganti
        return
    sebelum = getattr(_lokal, "terbitan", None)
    _lokal.terbitan = t
    try:
        yield t
    finally:
        _lokal.terbitan = sebelum
        with t._guna.gembok:
            t._guna.n -= 1
            if t._guna.pensiun and t._guna.n == 0:
                t._tutup_sekarang()


def dipasang() -> Terbitan | None:
    """The published copy pinned in this thread by dipakai(), if any."""
    return getattr(_lokal, "terbitan", None)
