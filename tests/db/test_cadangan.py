"""Backups that restore, drilled as an operator would: import real data, back up while the database is in use,
wipe it with `demo --timpa`, restore, and every table is identical; the restore itself can be undone. A truncated
backup, one whose content was changed (refused by its hash) and one from a newer schema change nothing. `demo`
refuses to overwrite imported data, and a read never creates a missing $DASBOR_DB. The commands run through main()
in this process (tests.impor.bantu.dasbor): each would otherwise pay a new Python process's start, and what is
drilled is what they write and say; the server start of the last test stays a real process."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from dasbor.db import cadangan, terbitan
from dasbor.db.cadangan import ISI, MANIFEST, versi_kode
from dasbor.db.connection import Database
from dasbor.db.migrate import migrate, migration_files
from dasbor.demo import generator
from dasbor.services import impor
from tests.conftest import ROOT, bersihkan_cache, salin_bingkai
from tests.impor.bantu import SANDI, TAHUN, buku_ekspor, dasbor, isi_db


@pytest.fixture
def bingkai_sesi(demo_bingkai: dict[str, pd.DataFrame], monkeypatch: pytest.MonkeyPatch) -> None:
    """`demo --timpa` generates the demo tables of the default seed (build_frames, ~10 s), which this session
    already generated to build its demo database: the command is handed a copy of that real output instead of
    generating it again (the generator is deterministic, which tests/db/test_store.py checks with two real
    generations). Any other seed is generated for real."""
    asli = generator.build_frames

    def bingkai(seed: int = generator.SEED) -> dict[str, pd.DataFrame]:
        return salin_bingkai(demo_bingkai) if seed == generator.SEED else asli(seed)

    monkeypatch.setattr(generator, "build_frames", bingkai)


def _impor_nyata(path: Path, folder: Path) -> Path:
    """The database at `path` given one real import (Kota Banjarbaru 2021, one innovation renamed)."""
    wb = openpyxl.load_workbook(io.BytesIO(buku_ekspor(path, folder)))
    wb["inovasi"]["E2"].value = "Inovasi nyata hasil impor"
    buf = io.BytesIO()
    wb.save(buf)
    with terbitan.penulis(path) as db:
        periksa = impor.check_import(db, buf.getvalue(), TAHUN, "nyata.xlsx")
        assert periksa.sah, periksa.masalah[:3]
        impor.commit_import(db, periksa, "uji")
    bersihkan_cache()
    return path


@pytest.fixture
def db_berimpor(salinan_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo database holding one real import, for a test that writes."""
    return _impor_nyata(salinan_db, tmp_path)


@pytest.fixture(scope="module")
def cadangan_ditolak(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One database with a real import and its backup, shared by the refused restores: each must leave the
    database unchanged and checks that itself (a case that wrote would fail, never pass), so each needs no copy,
    import and backup of its own."""
    folder = tmp_path_factory.mktemp("cadangan-ditolak")
    path = folder / "iid.duckdb"
    shutil.copy(demo_db, path)
    _impor_nyata(path, folder)
    berkas = folder / "cadangan.zip"
    hasil = dasbor(path, "cadangan", str(berkas))
    assert hasil.returncode == 0, hasil.stderr
    return path, berkas


def test_backup_wipe_restore_gives_every_table_back_and_the_restore_can_be_undone(
    db_berimpor: Path, tmp_path: Path, bingkai_sesi: None
) -> None:
    asli = isi_db(db_berimpor)
    berkas = tmp_path / "cadangan" / "iid-2026-12-01.zip"
    hasil = dasbor(db_berimpor, "cadangan", str(berkas))
    assert hasil.returncode == 0, hasil.stderr
    with zipfile.ZipFile(berkas) as z:
        manifest = json.loads(z.read(MANIFEST))
    assert manifest["versi_skema"] == versi_kode() and manifest["jumlah_baris"]["impor_log"] == 1
    assert manifest["jumlah_baris"]["inovasi"] > 0 and re.fullmatch(r"[0-9a-f]{64}", manifest["sha256"])

    ditolak = dasbor(db_berimpor, "demo")
    assert ditolak.returncode == 1 and "--timpa" in ditolak.stderr and "impor" in ditolak.stderr
    assert isi_db(db_berimpor) == asli, "demo without --timpa must leave imported data alone"
    assert dasbor(db_berimpor, "demo", "--timpa").returncode == 0
    dihapus = isi_db(db_berimpor)
    assert dihapus != asli

    pulih = dasbor(db_berimpor, "pulihkan", str(berkas))
    assert pulih.returncode == 0, pulih.stderr
    assert isi_db(db_berimpor) == asli
    # Running servers read the published copy: it is the restored state too.
    t = terbitan.kini(db_berimpor)
    try:
        assert isi_db(t.db) == asli
    finally:
        terbitan.tutup_semua()

    sebelum = Path(re.search(r"disimpan di (\S+);", pulih.stdout).group(1))
    assert sebelum.is_file() and sebelum.parent != terbitan.letak(db_berimpor).folder
    batal = dasbor(db_berimpor, "pulihkan", str(sebelum))
    assert batal.returncode == 0, batal.stderr
    assert isi_db(db_berimpor) == dihapus


def _ubah_zip(sumber: Path, tujuan: Path, ubah_isi=None, ubah_manifest=None) -> Path:  # noqa: ANN001
    with zipfile.ZipFile(sumber) as z:
        manifest, isi = json.loads(z.read(MANIFEST)), z.read(ISI)
    if ubah_isi:
        isi = ubah_isi(isi)
    if ubah_manifest:
        ubah_manifest(manifest)
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, json.dumps(manifest))
        z.writestr(ISI, isi)
    return tujuan


def _potong(sumber: Path, tujuan: Path) -> Path:
    tujuan.write_bytes(sumber.read_bytes()[: sumber.stat().st_size // 2])
    return tujuan


def _balik_satu_byte(isi: bytes) -> bytes:
    tengah = len(isi) // 2
    return isi[:tengah] + bytes([isi[tengah] ^ 0xFF]) + isi[tengah + 1 :]


def _skema_baru(manifest: dict) -> None:
    manifest["versi_skema"] = versi_kode() + 1


def _versi_teks(manifest: dict) -> None:
    manifest["versi_skema"] = str(manifest["versi_skema"])


@pytest.mark.parametrize(
    ("nama", "rusakkan", "pesan"),
    [
        ("terpotong", lambda b, t: _potong(b, t), "rusak atau terpotong"),
        ("isi diubah", lambda b, t: _ubah_zip(b, t, ubah_isi=_balik_satu_byte), "hash SHA-256"),
        ("skema lebih baru", lambda b, t: _ubah_zip(b, t, ubah_manifest=_skema_baru), "lebih baru"),
        (
            "manifest bertipe salah",
            lambda b, t: _ubah_zip(b, t, ubah_manifest=_versi_teks),
            "versi_skema bertipe salah",
        ),
    ],
)
def test_a_damaged_or_newer_backup_is_refused_and_nothing_changes(
    cadangan_ditolak: tuple[Path, Path], tmp_path: Path, nama: str, rusakkan, pesan: str
) -> None:
    db_berimpor, berkas = cadangan_ditolak
    sebelum = isi_db(db_berimpor)
    buruk = rusakkan(berkas, tmp_path / f"{nama}.zip")
    hasil = dasbor(db_berimpor, "pulihkan", str(buruk))
    assert hasil.returncode == 1 and pesan in hasil.stderr and "tidak ada yang diubah" in hasil.stderr, hasil.stderr
    assert isi_db(db_berimpor) == sebelum
    assert not list(db_berimpor.parent.glob("*.pulihkan*")), "the extracted copy is removed"


def test_only_an_admin_account_may_restore(db_berimpor: Path, tmp_path: Path) -> None:
    from dasbor.services import akun

    berkas = tmp_path / "cadangan.zip"
    assert dasbor(db_berimpor, "cadangan", str(berkas)).returncode == 0
    env = {"DASBOR_AKUN": str(tmp_path / "akun.yaml")}
    os.environ["DASBOR_AKUN"] = env["DASBOR_AKUN"]
    try:
        akun.tambah_akun("baca", SANDI, "pembaca")
        akun.tambah_akun("kepala", SANDI, "admin")
    finally:
        del os.environ["DASBOR_AKUN"]
    hasil = dasbor(db_berimpor, "pulihkan", str(berkas), "--akun", "baca", masukan=SANDI + "\n", env=env)
    assert hasil.returncode == 2 and "hanya admin" in hasil.stderr
    hasil = dasbor(db_berimpor, "pulihkan", str(berkas), "--akun", "kepala", masukan=SANDI + "\n", env=env)
    assert hasil.returncode == 0, hasil.stderr


def test_a_missing_dasbor_db_is_not_created_by_a_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hilang = tmp_path / "salah-ketik" / "iid.duckdb"
    hasil = dasbor(hilang, "ekspor", str(tmp_path / "ekspor.xlsx"), "--tahun", "2024")
    assert hasil.returncode == 2 and "tidak ada" in hasil.stderr, hasil.stderr
    from dasbor.services import db as layanan_db

    monkeypatch.setenv("DASBOR_DB", str(hilang))
    with pytest.raises(terbitan.BasisDataTidakAdaError):
        layanan_db.terbitan_kini()
    mulai = subprocess.run(
        [sys.executable, "-m", "dasbor.serve", "--proses", "1"],
        cwd=ROOT,
        env={**os.environ, "DASBOR_DB": str(hilang)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert mulai.returncode != 0 and "tidak ada" in mulai.stderr
    assert not hilang.exists() and not terbitan.letak(hilang).penunjuk.exists()


def _ganti_isi_zip(sumber: Path, tujuan: Path, ubah_db, folder: Path) -> Path:  # noqa: ANN001
    """A backup whose database was changed by `ubah_db(con)` with a plain DuckDB connection (what an attacker has),
    then made consistent again: hash, size and row counts recomputed, so only the content can refuse it."""
    with zipfile.ZipFile(sumber) as z:
        manifest = json.loads(z.read(MANIFEST))
        salinan = folder / "ubahan.duckdb"
        salinan.write_bytes(z.read(ISI))
    con = duckdb.connect(str(salinan))
    try:
        ubah_db(con)
        con.execute("CHECKPOINT")
        tabel = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1"
        ).fetchall()
        manifest["jumlah_baris"] = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for (t,) in tabel}
    finally:
        con.close()
    isi = salinan.read_bytes()
    manifest["sha256"], manifest["ukuran"] = hashlib.sha256(isi).hexdigest(), len(isi)
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, json.dumps(manifest))
        z.writestr(ISI, isi)
    return tujuan


def test_a_backup_carrying_a_view_over_a_file_is_refused_naming_the_view(
    cadangan_ditolak: tuple[Path, Path], tmp_path: Path
) -> None:
    """Issue 24 M2's drill: `hasil_resmi` (it feeds the public Peringkat page) replaced by a view over the accounts
    file, every check the manifest allows made to pass. The catalog differs from a fresh migration: refused, and
    the message names the view."""
    db_berimpor, berkas = cadangan_ditolak
    akun = tmp_path / "akun.yaml"
    akun.write_text("admin:\n  sandi: $2b$12$rahasia\n", encoding="utf-8")

    def ganti_dengan_view(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("DROP TABLE hasil_resmi")
        con.execute(f"CREATE VIEW hasil_resmi AS SELECT content AS keterangan FROM read_text('{akun}')")

    buruk = _ganti_isi_zip(berkas, tmp_path / "view.zip", ganti_dengan_view, tmp_path)
    sebelum = isi_db(db_berimpor)
    hasil = dasbor(db_berimpor, "pulihkan", str(buruk))
    assert hasil.returncode == 1 and "tidak ada yang diubah" in hasil.stderr, hasil.stderr
    assert "view main.hasil_resmi tidak dikenal" in hasil.stderr and "tabel main.hasil_resmi tidak ada" in hasil.stderr
    # Eight differences named and the rest counted, all of hasil_resmi: the view, the table, the view's column and
    # the table's ten, its constraints. Every other table's constraints used to be counted too (199 more), renumbered
    # by the dropped table.
    assert hasil.stderr.count("main.") == hasil.stderr.count("main.hasil_resmi") and "dan 6 lainnya." in hasil.stderr
    assert isi_db(db_berimpor) == sebelum
    assert not list(db_berimpor.parent.glob("*.pulihkan*"))


@pytest.mark.parametrize(
    ("nama", "ubah", "pesan"),
    [
        ("makro", "CREATE MACRO rahasia() AS TABLE SELECT 1", "makro main.rahasia tidak dikenal"),
        ("kolom", "ALTER TABLE wilayah ADD COLUMN catatan TEXT", "kolom main.wilayah.catatan tidak dikenal"),
        ("tipe kolom", "ALTER TABLE impor_log ALTER COLUMN pesan TYPE BLOB", "kolom main.impor_log.pesan berbeda"),
        ("skema", "CREATE SCHEMA lain", "skema lain tidak dikenal"),
        ("tabel", "CREATE TABLE curian AS SELECT 1 AS x", "tabel main.curian tidak dikenal"),
    ],
)
def test_any_object_the_migrations_do_not_make_is_refused_by_name(
    cadangan_ditolak: tuple[Path, Path], tmp_path: Path, nama: str, ubah: str, pesan: str
) -> None:
    db_berimpor, berkas = cadangan_ditolak
    buruk = _ganti_isi_zip(berkas, tmp_path / "ubah.zip", lambda con: con.execute(ubah), tmp_path)
    sebelum = isi_db(db_berimpor)
    hasil = dasbor(db_berimpor, "pulihkan", str(buruk))
    assert hasil.returncode == 1 and pesan in hasil.stderr, hasil.stderr
    assert isi_db(db_berimpor) == sebelum


def _bom(manifest_asli: Path, tujuan: Path, ukuran_manifest: int | None, tambah_manifest: int = 0) -> Path:
    """A backup of ~200 kB whose database member holds 200 MB of zeros (the hash matches them); the manifest
    declares `ukuran_manifest` (None: the real backup's size), optionally padded to `tambah_manifest` bytes."""
    with zipfile.ZipFile(manifest_asli) as z:
        manifest = json.loads(z.read(MANIFEST))
    n = 200 << 20
    nol = bytes(1 << 20)
    h = hashlib.sha256()
    for _ in range(n >> 20):
        h.update(nol)
    manifest["sha256"] = h.hexdigest()
    if ukuran_manifest is not None:
        manifest["ukuran"] = ukuran_manifest
    if tambah_manifest:
        manifest["catatan"] = " " * tambah_manifest
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(MANIFEST, json.dumps(manifest))
        with z.open(ISI, "w", force_zip64=True) as f:
            for _ in range(n >> 20):
                f.write(nol)
    return tujuan


def _isi_folder(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("nama", "ukuran_manifest", "tambah_manifest", "pesan"),
    [
        ("melebihi batas", 200 << 20, 0, "melebihi batas 100 MB"),
        ("tidak sama dengan manifest", None, 0, "menyatakan 209.715.200 byte"),
        ("manifest raksasa", 200 << 20, 1 << 20, "manifest.json menyatakan"),
    ],
)
def test_a_small_backup_declaring_a_huge_member_is_refused_before_anything_is_written(
    cadangan_ditolak: tuple[Path, Path],
    tmp_path: Path,
    nama: str,
    ukuran_manifest: int | None,
    tambah_manifest: int,
    pesan: str,
) -> None:
    """Issue 24 L5: the member's declared size is checked against the manifest and a cap before a byte is
    extracted, and the manifest is read bounded; the database's folder (and so the disk) is left as it was."""
    db_berimpor, berkas = cadangan_ditolak
    bom = _bom(berkas, tmp_path / "bom.zip", ukuran_manifest, tambah_manifest)
    assert bom.stat().st_size < 1 << 21
    sebelum, folder = isi_db(db_berimpor), _isi_folder(db_berimpor.parent)
    hasil = dasbor(db_berimpor, "pulihkan", str(bom), env={"DASBOR_CADANGAN_MAKS_MB": "100"})
    assert hasil.returncode == 1 and pesan in hasil.stderr, hasil.stderr
    assert _isi_folder(db_berimpor.parent) == folder
    assert isi_db(db_berimpor) == sebelum


def _jumlah_inovasi(path: Path) -> int:
    t = terbitan.kini(path)
    try:
        with t.db.cursor() as cur:
            return int(cur.execute("SELECT count(*) FROM inovasi").fetchone()[0])
    finally:
        terbitan.tutup_semua()


def test_two_overlapping_restores_take_turns_and_never_publish_an_empty_database(
    db_berimpor: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 24 M3: the first restore is held between extracting and checking its copy (where the old code's
    second run removed that copy and the first then opened, and published, a new empty database). The second
    waits for the writer lock and cannot reach its own extraction; both then finish, one after the other."""
    berkas = tmp_path / "cadangan.zip"
    cadangan.tulis_cadangan(db_berimpor, berkas)
    jumlah = _jumlah_inovasi(db_berimpor)
    assert jumlah > 0
    pertama_menunggu, lanjut, kedua_mengekstrak = threading.Event(), threading.Event(), threading.Event()

    def titik(nama: str) -> None:
        if nama != "setelah_ekstrak":
            return
        if threading.current_thread().name == "pertama":
            pertama_menunggu.set()
            assert lanjut.wait(60)
        else:
            kedua_mengekstrak.set()

    monkeypatch.setattr(cadangan, "titik_uji", titik)
    hasil: dict[str, object] = {}

    def jalankan(nama: str) -> None:
        try:
            hasil[nama] = cadangan.pulihkan(db_berimpor, berkas)
        except BaseException as exc:  # handed to the test thread
            hasil[nama] = exc

    pertama = threading.Thread(target=jalankan, args=("pertama",), name="pertama")
    kedua = threading.Thread(target=jalankan, args=("kedua",), name="kedua")
    pertama.start()
    try:
        assert pertama_menunggu.wait(60)
        kedua.start()
        assert not kedua_mengekstrak.wait(1.5), "the second restore extracted while the first was between its checks"
        assert len(list(db_berimpor.parent.glob("*.pulihkan-*"))) == 1
    finally:
        lanjut.set()
        pertama.join(120)
        if kedua.ident is not None:
            kedua.join(120)
    assert all(isinstance(hasil[n], tuple) for n in ("pertama", "kedua")), hasil
    assert _jumlah_inovasi(db_berimpor) == jumlah
    assert not list(db_berimpor.parent.glob("*.pulihkan*"))


def _hapus(path: Path) -> None:
    path.unlink()


def _kosongkan(path: Path) -> None:
    path.unlink()
    duckdb.connect(str(path)).close()  # what the old check's Database(...) made of a missing copy


@pytest.mark.parametrize(
    ("titik_nama", "ubah", "pesan"),
    [
        ("setelah_ekstrak", _hapus, "tidak dapat dibuka"),
        ("sebelum_tukar", _hapus, "berubah setelah diperiksa"),
        ("sebelum_tukar", _kosongkan, "berubah setelah diperiksa"),
    ],
)
def test_a_copy_removed_or_replaced_during_a_restore_is_never_swapped_in(
    cadangan_ditolak: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    titik_nama: str,
    ubah,  # noqa: ANN001
    pesan: str,
) -> None:
    """The copy is opened read-only (a missing one is not created) and its hash is checked again just before the
    swap: a copy that went missing or was replaced by an empty database is refused, and nothing changes."""
    db_berimpor, berkas = cadangan_ditolak

    def titik(nama: str) -> None:
        if nama == titik_nama:
            [salinan] = db_berimpor.parent.glob("*.pulihkan-*")
            ubah(salinan)

    monkeypatch.setattr(cadangan, "titik_uji", titik)
    sebelum = isi_db(db_berimpor)
    with pytest.raises(cadangan.CadanganError, match=pesan):
        cadangan.pulihkan(db_berimpor, berkas)
    assert isi_db(db_berimpor) == sebelum
    assert not list(db_berimpor.parent.glob("*.pulihkan*"))
    for sisa in cadangan.folder_pulihan(db_berimpor).glob("*.zip"):
        sisa.unlink()  # the state the refused restore backed up first; the shared database is unchanged


def test_a_backup_from_an_older_schema_is_checked_against_that_schema_and_migrated(
    salinan_db: Path, tmp_path: Path
) -> None:
    """A backup written before the last migrations: its catalog is compared with a fresh database given exactly its
    migrations, then the restored copy is brought up to this code's schema before it goes live."""

    lama = [nama for nama, _ in migration_files()][:4]
    salinan = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(salinan))
    try:
        migrate(con, hanya=lama)
        con.execute(
            "INSERT INTO wilayah (kode_wilayah, nama_wilayah, jenis) VALUES ('63.01', 'Kabupaten Uji', 'kabupaten')"
        )
        con.execute("CHECKPOINT")
        jumlah = {
            t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for (t,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            ).fetchall()
        }
    finally:
        con.close()
    isi = salinan.read_bytes()
    manifest = {
        "format": "dasbor-iid-cadangan/1",
        "waktu": "2026-01-01T00:00:00+00:00",
        "versi_skema": 4,
        "migrasi": lama,
        "jumlah_baris": jumlah,
        "sha256": hashlib.sha256(isi).hexdigest(),
        "ukuran": len(isi),
    }
    berkas = tmp_path / "lama.zip"
    with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, json.dumps(manifest))
        z.writestr(ISI, isi)
    hasil = dasbor(salinan_db, "pulihkan", str(berkas))
    assert hasil.returncode == 0, hasil.stderr
    db = Database(salinan_db, read_only=True)
    try:
        with db.cursor() as cur:
            assert cur.execute("SELECT nama_wilayah FROM wilayah").fetchall() == [("Kabupaten Uji",)]
            sudah = [r[0] for r in cur.execute("SELECT name FROM schema_migrations ORDER BY 1").fetchall()]
    finally:
        db.close()
    assert sudah == [nama for nama, _ in migration_files()]
