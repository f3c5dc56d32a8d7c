"""Issue 24, the import's remaining doors: the archive is offered and served per region (M1), an undo that would
silently revert later status changes is refused naming them (M4), "Konfirmasi impor" commits only the preview on
screen, its year and data included (M5), a status change of another wilayah-year leaves a pending preview valid
(L6), and a commit that could not be published says so instead of a traceback, like a sign-in that cannot be
recorded on the command line (L3)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.demo.portal_tulis import tulis_portal
from dasbor.services import impor, kunci_masuk, status_inovasi
from tests.conftest import bersihkan_cache
from tests.impor.bantu import SANDI, TAHUN, WILAYAH, isi_data, isi_db, salin_akun, templat_akun
from tests.impor.test_cli import _jalan
from tests.impor.test_halaman_impor import XLSX, _halaman_impor, _masuk
from tests.impor.test_halaman_operator import _masuk as _masuk_sebagai
from tests.impor.test_portal_impor import PEMDA, TAHUN_P, _baris, _lama

ROOT = Path(__file__).resolve().parents[2]
LAIN = "63.09"  # Hulu Sungai Utara


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return templat_akun(
        tmp_path_factory.mktemp("templat"),
        ("admin", SANDI, "admin"),
        ("op.bjb", SANDI, "operator", {"wilayah": [WILAYAH]}),
    )


@pytest.fixture
def berkas_akun(templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return salin_akun(templat, tmp_path, monkeypatch)


def _periksa(path: Path, isi: bytes, nama: str, tahun: int = TAHUN) -> impor.Pemeriksaan:
    db = Database(path, read_only=True)
    try:
        periksa = impor.check_import(db, isi, tahun, nama)
    finally:
        db.close()
    assert periksa.sah, [str(m) for m in periksa.masalah]
    return periksa


def _ekspor(path: Path, wilayah: list[str]) -> bytes:
    db = Database(path, read_only=True)
    try:
        return impor.ekspor(db, TAHUN, wilayah)
    finally:
        db.close()


def _impor_tiga(path: Path, buku_sah: bytes) -> None:
    """#1 Kota Banjarbaru, #2 Hulu Sungai Utara, #3 both in one file."""
    for isi, nama in ((buku_sah, "bjb.xlsx"), (_ekspor(path, [LAIN]), "hsu.xlsx")):
        periksa = _periksa(path, isi, nama)
        impor.simpan(periksa, "admin", periksa.sha256)
    periksa = _periksa(path, _ekspor(path, [WILAYAH, LAIN]), "dua.xlsx")
    impor.simpan(periksa, "admin", periksa.sha256)


def _ubah_status(path: Path, kode: str, status: str, tahun: int = TAHUN) -> str:
    """Set the first innovation of a wilayah-year to `status` through the service; returns its id."""
    db = Database(path, read_only=True)
    try:
        id_inovasi = status_inovasi.daftar_status(db, tahun, kode)["id_inovasi"].iat[0]
    finally:
        db.close()
    status_inovasi.simpan_status(
        tahun, kode, pd.DataFrame({"id_inovasi": [id_inovasi], "status_inovasi": [status]}), "admin"
    )
    return id_inovasi


# --- M1: the archive per region ------------------------------------------------------------------------------


def test_the_archive_lists_and_serves_only_files_of_the_accounts_regions(salinan_env: Path, buku_sah: bytes) -> None:
    _impor_tiga(salinan_env, buku_sah)
    db = Database(salinan_env, read_only=True)
    try:
        assert impor.arsip_boleh(db, None) == [3, 2, 1]
        assert impor.arsip_boleh(db, [WILAYAH]) == [1]  # not #3: that file carries Hulu Sungai Utara too
        assert impor.arsip_boleh(db, [LAIN, WILAYAH]) == [3, 2, 1]
        assert impor.arsip_boleh(db, []) == []
        assert impor.berkas_impor(db, 1, [WILAYAH])["nama_file"] == "bjb.xlsx"
        assert impor.berkas_impor(db, 2, [WILAYAH]) is None
        assert impor.berkas_impor(db, 3, [WILAYAH]) is None
        assert impor.berkas_impor(db, 3, None)["nama_file"] == "dua.xlsx"
    finally:
        db.close()


def test_unduh_impor_as_an_operator_writes_only_its_own_regions_files(
    salinan_env: Path, buku_sah: bytes, berkas_akun: Path, tmp_path: Path
) -> None:
    _impor_tiga(salinan_env, buku_sah)
    env = {"DASBOR_AKUN": str(berkas_akun)}
    for id_impor in ("2", "3"):
        keluar = tmp_path / f"{id_impor}.xlsx"
        hasil = _jalan("unduh-impor", id_impor, str(keluar), "--akun", "op.bjb", db=salinan_env, masukan=SANDI, **env)
        assert hasil.returncode == 1 and "di luar wilayah akun Anda" in hasil.stderr, hasil.stdout + hasil.stderr
        assert not keluar.exists()
    keluar = tmp_path / "1.xlsx"
    hasil = _jalan("unduh-impor", "1", str(keluar), "--akun", "op.bjb", db=salinan_env, masukan=SANDI, **env)
    assert hasil.returncode == 0 and keluar.stat().st_size > 0, hasil.stderr
    salah = _jalan("unduh-impor", "1", str(keluar), "--akun", "op.bjb", db=salinan_env, masukan="salah-salah", **env)
    assert salah.returncode == 2 and "kata sandi salah" in salah.stderr


def test_the_arsip_selectbox_offers_an_operator_only_its_regions_files(
    salinan_env: Path, buku_sah: bytes, berkas_akun: Path
) -> None:
    _impor_tiga(salinan_env, buku_sah)
    at = _masuk_sebagai(_halaman_impor(), "op.bjb")
    assert not at.exception, at.exception
    assert at.selectbox(key="arsip_impor").options == ["#1 — bjb.xlsx"]
    assert at.download_button(key="unduh_arsip").label.startswith("Unduh berkas impor #1")


# --- M4: an undo that would revert later status changes --------------------------------------------------------


def test_undo_is_refused_naming_later_status_changes_of_its_wilayah_years(salinan_env: Path, buku_sah: bytes) -> None:
    periksa = _periksa(salinan_env, buku_sah, "bjb.xlsx")
    assert impor.simpan(periksa, "admin", periksa.sha256) == 1
    _ubah_status(salinan_env, LAIN, "ditolak")  # #2: another pemda, the undo would not touch it
    _ubah_status(salinan_env, WILAYAH, "ditolak", TAHUN + 1)  # #3: same pemda, another year
    db = Database(salinan_env, read_only=True)
    try:
        assert impor.alasan_tolak_batal(db, None) is None
    finally:
        db.close()
    id_inovasi = _ubah_status(salinan_env, WILAYAH, "ditolak")  # #4: the import's own wilayah-year
    sebelum = isi_db(salinan_env)
    with pytest.raises(impor.ImporDitolakError, match=r"Impor #1 tidak dapat dibatalkan.*#4 oleh admin") as exc:
        impor.batalkan("admin")
    assert id_inovasi in str(exc.value) and "#2" not in str(exc.value) and "#3" not in str(exc.value)
    assert isi_db(salinan_env) == sebelum
    db = Database(salinan_env, read_only=True)
    try:
        assert "#4 oleh admin" in impor.alasan_tolak_batal(db, None)  # the page shows it instead of the button
    finally:
        db.close()
    cli = _jalan("batalkan-impor", db=salinan_env)
    assert cli.returncode == 1 and "#4 oleh admin" in cli.stderr and id_inovasi in cli.stderr
    assert isi_db(salinan_env) == sebelum


# --- M5 and L6: a confirm bound to the preview shown ------------------------------------------------------------


def test_a_year_changed_in_the_same_run_as_the_confirm_commits_nothing(salinan_env: Path, akun_admin) -> None:
    """The repro of issue 24 M5: a preview of one year, the year changed and the still-visible button clicked in
    the same run (today's page imported the file into the other year)."""
    isi = tulis_portal(_baris(_lama(salinan_env, TAHUN_P - 1)), PEMDA)  # a portal export is valid for any year
    at = _masuk(_halaman_impor())
    at.selectbox(key="impor_tahun").select(TAHUN_P).run()
    at.file_uploader(key="impor_berkas").set_value(("daftar-inovasi.xlsx", isi, XLSX))
    at.run()
    assert not at.exception, at.exception
    assert any(f"tahun {TAHUN_P}" in s.value for s in at.success)
    sebelum = isi_data(salinan_env)
    at.selectbox(key="impor_tahun").select(TAHUN_P - 1)
    at.button(key="konfirmasi_impor").click().run()
    assert not at.exception, at.exception
    assert any(f"pratinjau tahun {TAHUN_P}" in w.value and f"kini {TAHUN_P - 1}" in w.value for w in at.warning), [
        w.value for w in at.warning
    ]
    assert not any("selesai" in s.value for s in at.success)
    assert isi_data(salinan_env) == sebelum
    at.button(key="konfirmasi_impor").click().run()  # now the preview on screen is the other year's
    assert any(f"tahun {TAHUN_P - 1} diganti" in s.value for s in at.success)


def test_a_confirm_is_bound_to_year_decisions_and_data_of_its_preview(salinan_env: Path, buku_sah: bytes) -> None:
    periksa = _periksa(salinan_env, buku_sah, "bjb.xlsx")
    dilihat = periksa.konfirmasi
    sebelum = isi_db(salinan_env)
    for lain, pesan in (
        (impor.Konfirmasi(dilihat.sha256, TAHUN + 1, dilihat.keputusan, dilihat.stempel), "pratinjau tahun"),
        (impor.Konfirmasi(dilihat.sha256, TAHUN, (("k", "i", "sama"),), dilihat.stempel), "Keputusan pasangan ragu"),
    ):
        with pytest.raises(impor.DataBerubahError, match=pesan):
            impor.simpan(periksa, "admin", lain)
    assert isi_db(salinan_env) == sebelum

    # L6: status changes of another pemda, or of this pemda in another year, leave this preview true.
    _ubah_status(salinan_env, LAIN, "ditolak")  # #1
    _ubah_status(salinan_env, WILAYAH, "ditolak", TAHUN + 1)  # #2
    assert impor.simpan(periksa, "admin", dilihat) == 3
    # One in its own wilayah-year makes it untrue.
    kedua = _periksa(salinan_env, buku_sah, "lagi.xlsx")
    _ubah_status(salinan_env, WILAYAH, "draft")  # #4
    sebelum = isi_db(salinan_env)
    with pytest.raises(impor.DataBerubahError, match=r"berubah sejak berkas diperiksa \(#4 status oleh admin\)"):
        impor.simpan(kedua, "admin", kedua.konfirmasi)
    assert isi_db(salinan_env) == sebelum


# --- L3: a commit that could not be published; sign-ins the CLI cannot record -----------------------------------


def test_an_import_committed_but_not_published_says_so(salinan_db: Path, buku_sah: bytes, tmp_path: Path) -> None:
    """A full disk, made real with RLIMIT_FSIZE in the importing process: the commit (a small WAL) fits, the
    published copy (a whole database) does not. The command says "diimpor, belum diterbitkan", no traceback; the
    next writer publishes it."""
    lt = terbitan.letak(salinan_db)
    terbitan.kini(salinan_db)  # published once, so the import's own check publishes nothing
    terbitan.tutup_semua()
    berkas = tmp_path / "bjb.xlsx"
    berkas.write_bytes(buku_sah)
    penunjuk = lt.penunjuk.read_text()
    kode = (
        "import os, resource, signal, sys\n"
        "from dasbor.__main__ import main\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "batas = os.path.getsize(sys.argv[1]) // 2\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (batas, resource.RLIM_INFINITY))\n"
        "sys.exit(main(['impor', sys.argv[2], '--tahun', sys.argv[3]]))\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode, str(salinan_db), str(berkas), str(TAHUN)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DASBOR_DB": str(salinan_db)},
    )
    assert hasil.returncode == 2, hasil.stdout + hasil.stderr
    assert "Impor #1 diimpor, belum diterbitkan" in hasil.stderr and "Traceback" not in hasil.stderr, hasil.stderr
    assert lt.penunjuk.read_text() == penunjuk
    bersihkan_cache()
    try:
        with terbitan.penulis(salinan_db):
            pass  # the next writer publishes what was committed
        assert impor.impor_terakhir(terbitan.kini(salinan_db).db)["id_impor"] == 1
    finally:
        bersihkan_cache()


def test_batalkan_impor_with_an_account_that_cannot_sign_in_says_why(
    salinan_db: Path, berkas_akun: Path, tmp_path: Path
) -> None:
    env = {"DASBOR_AKUN": str(berkas_akun)}
    kunci_masuk.status_path(berkas_akun).mkdir()  # the sign-in cannot be recorded
    hasil = _jalan("batalkan-impor", "--akun", "admin", db=salinan_db, masukan=SANDI, **env)
    assert hasil.returncode == 2 and "tidak dapat dicatat" in hasil.stderr, hasil.stdout + hasil.stderr
    cadangan = tmp_path / "cadangan.zip"
    cadangan.write_bytes(b"")  # never read: the sign-in comes first
    hasil = _jalan("pulihkan", str(cadangan), "--akun", "admin", db=salinan_db, masukan=SANDI, **env)
    assert hasil.returncode == 2 and "tidak dapat dicatat" in hasil.stderr, hasil.stdout + hasil.stderr
    berkas_akun.write_text("akun: [bukan, pemetaan]\n", encoding="utf-8")  # an accounts file that is not valid
    kunci_masuk.status_path(berkas_akun).rmdir()
    hasil = _jalan("batalkan-impor", "--akun", "admin", db=salinan_db, masukan=SANDI, **env)
    assert hasil.returncode == 2 and "tidak sah" in hasil.stderr, hasil.stdout + hasil.stderr
