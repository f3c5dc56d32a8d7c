"""Imports while the dashboard is read: 20 visitors asking the cached services (as the pages do) through
several imports and undos get no error and only whole snapshots; nothing written is lost; a session sees the
import at its next run; read-only commands work while a server process holds the data."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from dasbor.db import terbitan
from dasbor.services import impor
from dasbor.services.db import database, penulis
from dasbor.ui import data
from tests.impor.bantu import TAHUN, WILAYAH, isi_data
from tests.pages.apptest_bantu import buka

ROOT = Path(__file__).resolve().parents[2]
PENGUNJUNG = 20


def _impor(isi: bytes) -> int:
    """As the Impor page does: check against the published snapshot, commit under the writer lock."""
    periksa = impor.check_import(database(), isi, TAHUN, "baru.xlsx")
    assert periksa.sah, periksa.masalah
    with penulis() as db:
        return impor.commit_import(db, periksa, "uji")


def _batalkan() -> int | None:
    with penulis() as db:
        return impor.undo_last_import(db, "uji")


def _iid(t: terbitan.Terbitan) -> float:
    """The IID of the imported region as the Peringkat page reads it, for the snapshot the visitor is on."""
    with terbitan.dipakai(t):
        p = data.hasil.peringkat(TAHUN, "terverifikasi")
    return float(p.set_index("kode_wilayah").at[WILAYAH, "iid"])


def test_an_import_during_20_visitors_gives_no_errors_and_loses_nothing(salinan_env: Path, berkas_baru: Path) -> None:
    isi = berkas_baru.read_bytes()
    lama = data.hasil.peringkat(TAHUN, "terverifikasi").set_index("kode_wilayah").at[WILAYAH, "iid"]
    selesai = threading.Event()
    galat: list[BaseException] = []
    dilihat: list[tuple[int, float, int]] = []

    def pengunjung() -> None:
        try:
            while not selesai.is_set():
                t = data.segarkan()
                p = data.hasil.peringkat(TAHUN, "terverifikasi")
                kel = data.kelengkapan.kelengkapan(TAHUN)
                data.hasil.ringkasan(TAHUN, "terverifikasi")
                n_celah = int((kel.celah["kode_wilayah"] == WILAYAH).sum())
                dilihat.append((t.id, float(p.set_index("kode_wilayah").at[WILAYAH, "iid"]), n_celah))
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
    # Whole snapshots only: every visitor on the same snapshot saw the same numbers.
    per_terbitan: dict[int, set[tuple[float, int]]] = {}
    for id_terbitan, iid, n_celah in dilihat:
        per_terbitan.setdefault(id_terbitan, set()).add((iid, n_celah))
    assert all(len(v) == 1 for v in per_terbitan.values()), per_terbitan

    # Nothing lost: every import and undo is in the log, and the published snapshot holds what the writer holds.
    kini = terbitan.kini()
    riwayat = impor.riwayat(kini.db)
    assert sorted(riwayat["hasil"]) == ["dibatalkan", "diimpor", "diimpor"]
    assert isi_data(kini.path) == isi_data(salinan_env)
    baru = _iid(kini)
    assert baru != lama
    assert {iid for _, iid, _ in dilihat} <= {lama, baru}


def test_a_session_sees_an_import_at_its_next_run(salinan_env: Path, berkas_baru: Path) -> None:
    def iid_tabalong_banjarbaru(at) -> str:  # noqa: ANN001  (AppTest)
        tabel = at.dataframe[0].value
        return str(tabel.to_dict())

    at = buka("peringkat", tahun=str(TAHUN))
    sebelum = iid_tabalong_banjarbaru(at)
    _impor(berkas_baru.read_bytes())
    at.run()
    assert not at.exception
    assert iid_tabalong_banjarbaru(at) != sebelum


def test_read_only_commands_work_while_another_process_reads_the_snapshot(salinan_env: Path, tmp_path: Path) -> None:
    """A server process keeps the published snapshot open read-only; the commands still run, exit 0."""
    env = {**os.environ, "DASBOR_DB": str(salinan_env)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from dasbor.ui import data; data.segarkan(); data.hasil.peringkat(2024, 'terverifikasi'); "
            "print('siap', flush=True); import time; time.sleep(300)",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "siap"
        perintah = [
            ["kelengkapan", "--tahun", "2024", "--keluaran", str(tmp_path / "kel")],
            ["ekspor", str(tmp_path / "ekspor.xlsx"), "--tahun", "2024", "--wilayah", "63.09"],
            ["bimtek", "--tahun", "2024", "--xlsx", str(tmp_path / "bimtek.xlsx")],
        ]
        for args in perintah:
            hasil = subprocess.run(
                [sys.executable, "-m", "dasbor", *args], cwd=ROOT, env=env, capture_output=True, text=True
            )
            assert hasil.returncode == 0, (args, hasil.stderr)
            assert "Traceback" not in hasil.stderr
        assert server.poll() is None
    finally:
        server.kill()
        server.wait()
