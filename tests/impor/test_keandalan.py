"""Reliability: an importer killed with SIGKILL during its commit leaves the database exactly as before (or,
once COMMIT has returned, exactly as after); readers during an import see the old or the new data, never a mix.

The kill points are the commit's TITIK_UJI: the importer runs through tests/impor/importir_jeda.py, which makes it
print "JEDA <point>" and wait there, so the test kills it at that exact statement boundary."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import scoring
from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.services import impor
from dasbor.services.skor import data_penilaian
from tests.impor.bantu import TAHUN, WILAYAH, isi_data, isi_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def isi_sesudah(demo_db: Path, berkas_baru: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The data tables after the same import completed normally, on another copy."""
    path = tmp_path_factory.mktemp("acuan") / "iid.duckdb"
    shutil.copy(demo_db, path)
    db = Database(path)
    try:
        impor.commit_import(db, impor.check_import(db, berkas_baru.read_bytes(), TAHUN, berkas_baru.name), "acuan")
    finally:
        db.close()
    return isi_data(path)


@pytest.fixture(scope="module")
def isi_awal(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    """isi_db and isi_data of a fresh copy of the demo database: what every test's salinan_db (the same bytes) holds
    before its importer starts, read once for the module instead of in every test."""
    path = tmp_path_factory.mktemp("awal") / "iid.duckdb"
    shutil.copy(demo_db, path)
    return isi_db(path), isi_data(path)


def _importer(db: Path, berkas: Path, titik: str | None) -> subprocess.Popen:
    env = {**os.environ, "DASBOR_DB": str(db)}
    awal = ["-m", "tests.impor.importir_jeda", titik] if titik else ["-m", "dasbor"]
    return subprocess.Popen(
        [sys.executable, *awal, "impor", str(berkas), "--tahun", str(TAHUN)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("titik", impor.TITIK_UJI)
def test_sigkill_during_commit_leaves_old_or_committed_content(
    titik: str, salinan_db: Path, berkas_baru: Path, isi_sesudah: dict, isi_awal: tuple[str, dict]
) -> None:
    sebelum_semua, sebelum = isi_awal
    terbit = terbitan.letak(salinan_db)
    with terbitan.penulis(salinan_db):
        pass  # the first publication, as a server's first visitor makes it
    penunjuk = terbit.penunjuk.read_text()
    proses = _importer(salinan_db, berkas_baru, titik)
    try:
        for baris in proses.stdout:
            if baris.strip() == f"JEDA {titik}":
                break
        else:
            pytest.fail(f"importir selesai tanpa berhenti di {titik}: {proses.stderr.read()}")
        proses.send_signal(signal.SIGKILL)
    finally:
        proses.wait(timeout=30)
    assert proses.returncode == -signal.SIGKILL
    # Nothing half done is published: readers still see the copy from before the import.
    assert terbit.penunjuk.read_text() == penunjuk
    assert isi_data(terbit.folder / json.loads(penunjuk)["berkas"]) == sebelum
    if titik == "setelah_commit":
        assert isi_data(salinan_db) == isi_sesudah
        db = Database(salinan_db)
        try:
            assert impor.riwayat(db)["hasil"].tolist() == ["diimpor"]
        finally:
            db.close()
        # The next writer finds the commit unpublished and publishes it.
        with terbitan.penulis(salinan_db):
            pass
        assert isi_data(terbit.folder / json.loads(terbit.penunjuk.read_text())["berkas"]) == isi_sesudah
    else:
        assert isi_db(salinan_db) == sebelum_semua, f"dibunuh di {titik}: basis data harus persis seperti sebelum"
        assert isi_data(salinan_db) == sebelum


def test_readers_during_imports_see_old_or_new_never_a_mix(salinan_db: Path, berkas_baru: Path) -> None:
    db = Database(salinan_db)
    m = scoring.metodologi_untuk_tahun(TAHUN)

    def sidik() -> tuple:
        data = data_penilaian(db, TAHUN)
        inovasi = data.inovasi[data.inovasi["kode_wilayah"] == WILAYAH]
        sid = data.jawaban_sid[data.jawaban_sid["id_inovasi"].isin(inovasi["id_inovasi"])]
        spd = data.jawaban_spd[data.jawaban_spd["kode_wilayah"] == WILAYAH]
        iid = scoring.hitung_skor(data, m).set_index("kode_wilayah").at[WILAYAH, "iid_mentah"]
        return (
            tuple(sorted(inovasi["nama_inovasi"])),
            int(sid["level_klaim"].astype(int).sum()),
            int(spd["level_klaim"].astype(int).sum()),
            round(float(iid), 9),
        )

    try:
        lama = sidik()
        isi = berkas_baru.read_bytes()
        impor.commit_import(db, impor.check_import(db, isi, TAHUN, "baru.xlsx"), "uji")
        baru = sidik()
        impor.undo_last_import(db, "uji")
        assert all(a != b for a, b in zip(lama[:3], baru[:3], strict=True)), "ketiga tabel harus berbeda"

        selesai = threading.Event()
        dilihat: list[tuple] = []
        galat: list[BaseException] = []

        def baca() -> None:
            try:
                while not selesai.is_set():
                    dilihat.append(sidik())
            except BaseException as exc:  # surfaced in the main thread below
                galat.append(exc)

        pembaca = [threading.Thread(target=baca) for _ in range(3)]
        for t in pembaca:
            t.start()
        try:
            for _ in range(6):
                impor.commit_import(db, impor.check_import(db, isi, TAHUN, "baru.xlsx"), "uji")
                impor.undo_last_import(db, "uji")
        finally:
            selesai.set()
            for t in pembaca:
                t.join()
        assert not galat, galat
        assert len(dilihat) >= 10
        campuran = [s for s in dilihat if s not in (lama, baru)]
        assert not campuran, f"{len(campuran)} bacaan mencampur data lama dan baru"
        assert lama in dilihat
    finally:
        db.close()
