"""Published copies (terbitan): readers in any number of processes, one writer at a time that waits for the other, a
pointer that moves atomically, and old copies removed once nobody reads them."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from dasbor.db import terbitan
from dasbor.db.connection import Database, DatabaseSibukError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_baru(salinan_db: Path) -> Iterator[Path]:
    yield salinan_db
    terbitan.tutup_semua()


def _jumlah_inovasi(t: terbitan.Terbitan) -> int:
    return int(t.db.query("stempel_data")["n_inovasi"].iat[0])


def _hapus_satu_inovasi(path: Path) -> None:
    with terbitan.penulis(path) as db, db.transaction() as cur:
        _hapus_satu_pengajuan(cur)


def _hapus_satu_pengajuan(cur: duckdb.DuckDBPyConnection) -> None:
    """One innovation's submission of one year, with its answers (an innovation lasts across years)."""
    [(id_inovasi, tahun)] = cur.execute("SELECT id_inovasi, tahun FROM inovasi ORDER BY ALL LIMIT 1").fetchall()
    kunci = {"i": id_inovasi, "t": tahun}
    cur.execute("DELETE FROM jawaban_sid WHERE id_inovasi = $i AND tahun = $t", kunci)
    cur.execute("DELETE FROM inovasi WHERE id_inovasi = $i AND tahun = $t", kunci)


@contextmanager
def _proses(kode: str) -> Iterator[subprocess.Popen]:
    """Another Python process running `kode`; it prints 'siap' once it holds what it takes."""
    proses = subprocess.Popen([sys.executable, "-c", kode], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proses.stdout is not None and proses.stdout.readline().strip() == "siap"
        yield proses
    finally:
        proses.kill()
        proses.wait()


def test_the_first_reader_publishes_and_a_write_publishes_a_new_copy(db_baru: Path) -> None:
    lt = terbitan.letak(db_baru)
    assert not lt.penunjuk.exists()
    pertama = terbitan.kini(db_baru)
    assert pertama.path.parent == lt.folder and json.loads(lt.penunjuk.read_text())["id"] == pertama.id
    n = _jumlah_inovasi(pertama)
    assert terbitan.kini(db_baru) is pertama, "nothing changed: the same copy, found by a stat"

    _hapus_satu_inovasi(db_baru)
    kedua = terbitan.kini(db_baru)
    assert kedua.id > pertama.id
    assert _jumlah_inovasi(kedua) == n - 1
    assert _jumlah_inovasi(pertama) == n, "a published copy never changes"


def test_a_write_that_changes_nothing_publishes_nothing(db_baru: Path) -> None:
    sebelum = terbitan.kini(db_baru).id
    with terbitan.penulis(db_baru):
        pass
    assert terbitan.kini(db_baru).id == sebelum


def test_copies_read_by_nobody_are_deleted_and_those_in_use_are_kept(db_baru: Path) -> None:
    lt = terbitan.letak(db_baru)
    terbitan.kini(db_baru)
    pembaca = (
        "import sys; from dasbor.db import terbitan; t = terbitan.kini(sys.argv[1]); "
        "print('siap', flush=True); print(t.path, flush=True); import time; time.sleep(120)"
    )
    with _proses(pembaca.replace("sys.argv[1]", repr(str(db_baru)))) as proses:
        dipakai = Path(proses.stdout.readline().strip())
        terbitan.tutup_semua()  # this process reads nothing now; only the other process holds `dipakai`
        _hapus_satu_inovasi(db_baru)
        _hapus_satu_inovasi(db_baru)
        sisa = sorted(p.name for p in lt.folder.glob("*.duckdb"))
        kini = json.loads(lt.penunjuk.read_text())["berkas"]
        assert sisa == sorted({dipakai.name, kini}), "the copy in between was read by nobody"
    _hapus_satu_inovasi(db_baru)
    assert [p.name for p in lt.folder.glob("*.duckdb")] == [json.loads(lt.penunjuk.read_text())["berkas"]]


def test_a_second_writer_waits_and_then_gets_a_clear_message(db_baru: Path) -> None:
    terbitan.kini(db_baru)
    penahan = (
        f"from dasbor.db import terbitan; import time\nwith terbitan.penulis({str(db_baru)!r}):\n"
        "    print('siap', flush=True); time.sleep(120)"
    )
    with _proses(penahan):
        mulai = time.monotonic()
        with (
            pytest.raises(DatabaseSibukError, match="sedang ditulis proses lain") as galat,
            terbitan.penulis(db_baru, tunggu=1.0),
        ):
            pass
        assert time.monotonic() - mulai >= 1.0
        assert "Coba lagi" in str(galat.value) and "Hentikan server" not in str(galat.value)
        # Readers are never blocked by a writer.
        assert _jumlah_inovasi(terbitan.kini(db_baru)) > 0


def test_a_second_writer_proceeds_once_the_first_is_done(db_baru: Path) -> None:
    n = _jumlah_inovasi(terbitan.kini(db_baru))
    dipegang, lepas = threading.Event(), threading.Event()

    def penulis_pertama() -> None:
        with terbitan.penulis(db_baru):
            dipegang.set()
            lepas.wait(30)

    pertama = threading.Thread(target=penulis_pertama)
    pertama.start()
    dipegang.wait(30)
    threading.Timer(0.5, lepas.set).start()
    _hapus_satu_inovasi(db_baru)  # waits for the first writer, then writes
    pertama.join()
    assert _jumlah_inovasi(terbitan.kini(db_baru)) == n - 1


def test_a_commit_left_unpublished_by_a_crash_is_published_by_the_next_writer(db_baru: Path) -> None:
    lama = terbitan.kini(db_baru)
    n = _jumlah_inovasi(lama)
    # A writer that committed and died before publishing: the same state as a SIGKILL at 'setelah_commit'.
    db = Database(db_baru)
    with db.transaction() as cur:
        _hapus_satu_pengajuan(cur)
    db.close()
    assert terbitan.kini(db_baru) is lama, "nothing published: readers keep the last published state"
    with terbitan.penulis(db_baru):
        pass
    assert _jumlah_inovasi(terbitan.kini(db_baru)) == n - 1


def test_a_publish_that_fills_the_disk_leaves_no_partial_file_and_the_old_copy_current(db_baru: Path) -> None:
    """A full disk, made real with RLIMIT_FSIZE in a child process: the copy fails part way (EFBIG)."""
    lt = terbitan.letak(db_baru)
    sebelum = terbitan.kini(db_baru).id
    terbitan.tutup_semua()
    penunjuk = lt.penunjuk.read_text()
    kode = (
        "import resource, signal, sys\n"
        "from dasbor.db import terbitan\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    with terbitan.penulis(sys.argv[1], paksa=True):\n"
        "        pass\n"
        "except OSError as exc:\n"
        "    print('gagal', exc.errno)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode, str(db_baru)], cwd=ROOT, capture_output=True, text=True)
    assert hasil.stdout.startswith("gagal"), hasil.stdout + hasil.stderr
    assert not list(lt.folder.glob("*.baru")), "no half-written copy or pointer stays behind"
    assert lt.penunjuk.read_text() == penunjuk
    try:
        assert terbitan.kini(db_baru).id == sebelum
    finally:
        terbitan.tutup_semua()


def test_a_block_that_fails_after_its_commit_publishes_nothing_and_its_own_error_is_seen(db_baru: Path) -> None:
    """Issue 24 L3: on a full disk (RLIMIT_FSIZE in a child process, as above) a write commits, then its block
    fails. Nothing is published, so the block's own error is what the caller sees, not the publish's EFBIG that a
    publish in a `finally` raised over it; the next writer publishes what was committed."""
    lt = terbitan.letak(db_baru)
    n = _jumlah_inovasi(terbitan.kini(db_baru))
    terbitan.tutup_semua()
    penunjuk = lt.penunjuk.read_text()
    kode = (
        "import os, resource, signal, sys\n"
        "from dasbor.db import terbitan\n"
        "from tests.db.test_terbitan import _hapus_satu_pengajuan\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (os.path.getsize(sys.argv[1]) // 2, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    with terbitan.penulis(sys.argv[1]) as db:\n"
        "        with db.transaction() as cur:\n"
        "            _hapus_satu_pengajuan(cur)\n"
        "        raise ValueError('galat blok itu sendiri')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode, str(db_baru)], cwd=ROOT, capture_output=True, text=True)
    assert hasil.stdout.strip() == "ValueError galat blok itu sendiri", hasil.stdout + hasil.stderr
    assert lt.penunjuk.read_text() == penunjuk, "nothing was published"
    with terbitan.penulis(db_baru):
        pass
    assert _jumlah_inovasi(terbitan.kini(db_baru)) == n - 1


def test_the_writer_lock_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "iid.duckdb"
    with terbitan.gembok(db) as letak:
        assert oct(letak.gembok.stat().st_mode & 0o777) == "0o600"


def test_a_read_only_process_never_publishes_locks_or_deletes(db_baru: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DASBOR_HANYA_BACA=1 (a worker group on another machine): no first publish of its own, no writer lock, and
    an old copy it stops reading stays for the writer to delete, which it does at its next publish."""
    lt = terbitan.letak(db_baru)
    monkeypatch.setenv("DASBOR_HANYA_BACA", "1")
    with pytest.raises(terbitan.BasisDataTidakAdaError, match="Belum ada terbitan"):
        terbitan.kini(db_baru)
    with pytest.raises(DatabaseSibukError, match="hanya membaca"), terbitan.penulis(db_baru):
        pass
    assert not lt.folder.exists() and not lt.gembok.exists()

    def tulis() -> None:
        with monkeypatch.context() as penulis:
            penulis.setenv("DASBOR_HANYA_BACA", "0")
            _hapus_satu_inovasi(db_baru)

    tulis()
    pertama = terbitan.kini(db_baru)
    tulis()
    tulis()
    terbitan.kini(db_baru)
    tulis()
    terbitan.kini(db_baru)  # the third copy it opened: the first one is closed, read by nobody
    assert pertama.path.exists(), "a read-only process deleted a copy"
    tulis()
    assert not pertama.path.exists(), "the writer deletes it"


def test_read_only_is_0_or_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_HANYA_BACA", "ya")
    with pytest.raises(ValueError, match="DASBOR_HANYA_BACA"):
        terbitan.hanya_baca()
