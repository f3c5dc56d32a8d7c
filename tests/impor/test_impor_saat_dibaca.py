"""Imports while the dashboard is read: 20 visitors asking the cached services (as the pages do) through
several imports and undos get no error and only whole published copies; nothing written is lost; a session sees the
import at its next run; read-only commands work while a server process holds the data."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import openpyxl

from dasbor.db import terbitan
from dasbor.services import impor
from dasbor.services.db import database, penulis
from dasbor.ui import data
from tests.impor.bantu import TAHUN, WILAYAH, dasbor, isi_data
from tests.pages.apptest_bantu import buka

ROOT = Path(__file__).resolve().parents[2]
PENGUNJUNG = 20


def _impor(isi: bytes) -> int:
    """As the Impor page does: check against the published copy, commit under the writer lock."""
    periksa = impor.check_import(database(), isi, TAHUN, "baru.xlsx")
    assert periksa.sah, periksa.masalah
    with penulis() as db:
        return impor.commit_import(db, periksa, "uji")


def _batalkan() -> int | None:
    with penulis() as db:
        return impor.undo_last_import(db, "uji")


def _sidik() -> tuple[float, tuple[str, ...], int]:
    """What a visitor sees of the imported region: its unrounded IID on the Peringkat page, its innovations on
    the Inovasi page and its gaps on the Kelengkapan page."""
    p = data.peringkat(TAHUN, "terverifikasi").set_index("kode_wilayah")
    kel = data.kelengkapan(TAHUN, WILAYAH)
    nama = kel.inovasi.loc[kel.inovasi["kode_wilayah"] == WILAYAH, "nama_inovasi"]
    return float(p.at[WILAYAH, "iid_mentah"]), tuple(sorted(nama)), int((kel.celah["kode_wilayah"] == WILAYAH).sum())


def test_an_import_during_20_visitors_gives_no_errors_and_loses_nothing(salinan_env: Path, berkas_baru: Path) -> None:
    isi = berkas_baru.read_bytes()
    lama = _sidik()
    selesai = threading.Event()
    galat: list[BaseException] = []
    dilihat: list[tuple[int, tuple]] = []

    def pengunjung() -> None:
        try:
            while not selesai.is_set():
                t = data.segarkan()
                data.ringkasan(TAHUN, "terverifikasi")
                dilihat.append((t.id, _sidik()))
        except BaseException as exc:  # surfaced in the main thread below
            galat.append(exc)

    rombongan = [threading.Thread(target=pengunjung) for _ in range(PENGUNJUNG)]
    for t in rombongan:
        t.start()
    try:
        impor_ke = [_impor(isi)]
        assert _batalkan() == impor_ke[-1]
        impor_ke.append(_impor(isi))
    finally:
        selesai.set()
        for t in rombongan:
            t.join()
    assert not galat, galat
    assert len(dilihat) >= PENGUNJUNG
    # Whole copies only: every visitor on the same copy saw the same numbers.
    per_terbitan: dict[int, set[tuple]] = {}
    for id_terbitan, sidik in dilihat:
        per_terbitan.setdefault(id_terbitan, set()).add(sidik)
    assert all(len(v) == 1 for v in per_terbitan.values()), per_terbitan

    # Nothing lost: every import and undo is in the log, and the published copy holds what the writer holds.
    kini = terbitan.kini()
    riwayat = impor.riwayat(kini.db)
    assert sorted(riwayat["hasil"]) == ["dibatalkan", "diimpor", "diimpor"]
    assert isi_data(kini.path) == isi_data(salinan_env)
    data.segarkan()
    baru = _sidik()
    assert baru[1] != lama[1], "the file renames an innovation of the region"
    assert {sidik for _, sidik in dilihat} <= {lama, baru}, "old or new, never a mix"


def test_a_session_sees_an_import_at_its_next_run(salinan_env: Path, buku_sah: bytes) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    for sel in ("D2", "F2"):
        wb["jawaban_spd"][sel].value = 3  # two SPD indicators of the region raised to level 3: its IID rises
    berkas = io.BytesIO()
    wb.save(berkas)
    at = buka("peringkat", tahun=str(TAHUN))
    sebelum = at.dataframe[0].value
    _impor(berkas.getvalue())
    at.run()
    assert not at.exception
    sesudah = at.dataframe[0].value
    assert not sesudah.equals(sebelum), "the next run shows the imported data"


def test_read_only_commands_work_while_another_process_reads_the_terbitan(salinan_env: Path, tmp_path: Path) -> None:
    """A server process keeps the published copy open read-only; the commands still run, exit 0. The server is a
    real second process; the commands run through main() in this one, which is as much another process to it."""
    env = {**os.environ, "DASBOR_DB": str(salinan_env)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from dasbor.ui import data; data.segarkan(); data.peringkat({TAHUN}, 'terverifikasi'); "
            "print('siap', flush=True); import time; time.sleep(300)",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "siap"
        # The smallest year (2021: half the innovations of 2024) and bimtek for one wilayah: what is checked is
        # that each command opens and reads the published copy the server holds, which no size changes.
        perintah = [
            ["kelengkapan", "--tahun", str(TAHUN), "--keluaran", str(tmp_path / "kel")],
            ["ekspor", str(tmp_path / "ekspor.xlsx"), "--tahun", str(TAHUN), "--wilayah", WILAYAH],
            ["bimtek", "--tahun", str(TAHUN), "--wilayah", WILAYAH, "--xlsx", str(tmp_path / "bimtek.xlsx")],
        ]
        for args in perintah:
            hasil = dasbor(salinan_env, *args)
            assert hasil.returncode == 0, (args, hasil.stderr)
            assert "Traceback" not in hasil.stderr
        assert server.poll() is None
    finally:
        server.kill()
        server.wait()
