"""The operator role: accounts bound to kode_wilayah (`akun tambah --peran operator --wilayah`), imports refused
row by row outside those regions, undo only of an import that stayed inside them; in the service and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dasbor.db.connection import Database
from dasbor.services import akun, impor
from tests.impor.bantu import SANDI, TAHUN, WILAYAH, Keluaran, isi_data, isi_db
from tests.impor.test_cli import _jalan

LAIN = "63.09"  # Hulu Sungai Utara: a region that is not the sample file's Kota Banjarbaru


@pytest.fixture
def akun_env(tmp_path: Path) -> dict[str, str]:
    return {"DASBOR_AKUN": str(tmp_path / "config" / "akun.yaml")}


def _baris_wilayah(buku: bytes, lembar: str) -> list[int]:
    """Excel rows of a sheet that hold a kode_wilayah (the rows an operator of another region must see named)."""
    import io

    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(buku))[lembar]
    kolom = next(c.column for c in ws[1] if c.value == "kode_wilayah")
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, kolom).value]


def test_operator_accounts_need_valid_regions_and_other_roles_take_none(salinan_db: Path, akun_env) -> None:
    def tambah(*argumen: str) -> Keluaran:
        return _jalan("akun", "tambah", *argumen, db=salinan_db, masukan=SANDI + "\n", **akun_env)

    tanpa = tambah("op.hsu", "--peran", "operator")
    assert tanpa.returncode == 2 and "wajib punya --wilayah" in tanpa.stderr
    asing = tambah("op.hsu", "--peran", "operator", "--wilayah", "63.09", "63.99")
    assert asing.returncode == 2 and "kode wilayah tidak dikenal: 63.99" in asing.stderr
    admin = tambah("kepala", "--peran", "admin", "--wilayah", "63.09")
    assert admin.returncode == 2 and "hanya untuk peran operator" in admin.stderr
    assert not Path(akun_env["DASBOR_AKUN"]).exists(), "a refused account must not be written"

    sah = tambah("op.hsu", "--peran", "operator", "--wilayah", "63.10", "63.09")
    assert sah.returncode == 0, sah.stderr
    assert yaml.safe_load(Path(akun_env["DASBOR_AKUN"]).read_text())["akun"]["op.hsu"]["wilayah"] == ["63.09", "63.10"]
    daftar = _jalan("akun", "daftar", db=salinan_db, **akun_env).stdout
    assert "op.hsu: operator wilayah 63.09, 63.10" in daftar


def test_signed_in_operator_carries_its_regions(akun_env, monkeypatch) -> None:
    monkeypatch.setenv("DASBOR_AKUN", akun_env["DASBOR_AKUN"])
    akun.tambah_akun("op.hsu", SANDI, "operator", wilayah=[LAIN])
    akun.tambah_akun("baca", SANDI, "pembaca")
    masuk = akun.masuk("op.hsu", SANDI)
    assert masuk == {"nama": "op.hsu", "peran": "operator", "wilayah": [LAIN]}
    assert akun.wilayah_boleh(masuk) == [LAIN]
    assert akun.wilayah_boleh(akun.masuk("baca", SANDI)) == []
    assert akun.wilayah_boleh({"nama": "a", "peran": "admin"}) is None


def test_a_file_with_another_regions_rows_is_refused_naming_them(salinan_db: Path, buku_sah: bytes) -> None:
    sebelum = isi_db(salinan_db)
    db = Database(salinan_db)
    try:
        periksa = impor.check_import(db, buku_sah, TAHUN, "bjb.xlsx", wilayah_boleh=[LAIN])
        sendiri = impor.check_import(db, buku_sah, TAHUN, "bjb.xlsx", wilayah_boleh=[WILAYAH, LAIN])
    finally:
        db.close()
    assert not periksa.sah and periksa.data == {}
    tolak = [m for m in periksa.masalah if "di luar wilayah akun Anda" in m.pesan]
    assert tolak == periksa.masalah, "only the region rows are wrong with this file"
    assert {(m.lembar, m.baris) for m in tolak} == {
        *(("inovasi", r) for r in _baris_wilayah(buku_sah, "inovasi")),
        *(("jawaban_spd", r) for r in _baris_wilayah(buku_sah, "jawaban_spd")),
    }
    pertama = tolak[0]
    assert (pertama.lembar, pertama.baris, pertama.kolom, pertama.huruf) == ("inovasi", 2, "kode_wilayah", "C")
    assert f"baris untuk wilayah {WILAYAH}, di luar wilayah akun Anda ({LAIN})" in pertama.pesan
    assert sendiri.sah, sendiri.masalah
    assert isi_db(salinan_db) == sebelum


def test_operator_undoes_only_an_import_inside_its_regions(salinan_db: Path, buku_sah: bytes) -> None:
    sebelum = isi_data(salinan_db)
    db = Database(salinan_db)
    try:
        periksa = impor.check_import(db, buku_sah, TAHUN, "bjb.xlsx", wilayah_boleh=None)
        impor.commit_import(db, periksa, "admin")
        alasan = impor.alasan_tolak_batal(db, [LAIN])
        assert alasan and f"juga mengganti data wilayah {WILAYAH}" in alasan and "Hanya admin" in alasan
        with pytest.raises(impor.ImporDitolakError, match="Hanya admin"):
            impor.undo_last_import(db, "op.hsu", [LAIN])
        assert impor.impor_terakhir(db) is not None, "the refused undo changed nothing"
        assert impor.alasan_tolak_batal(db, [WILAYAH]) is None
        assert impor.undo_last_import(db, "op.bjb", [WILAYAH]) == 1
        assert impor.alasan_tolak_batal(db, [LAIN]) is None  # nothing left to undo
    finally:
        db.close()
    assert isi_data(salinan_db) == sebelum


def test_cli_acts_as_the_named_account(salinan_db: Path, buku_sah: bytes, tmp_path: Path, akun_env) -> None:
    berkas = tmp_path / "bjb.xlsx"
    berkas.write_bytes(buku_sah)
    for nama, peran, wilayah in (("op.hsu", "operator", [LAIN]), ("op.bjb", "operator", [WILAYAH])):
        argumen = ["akun", "tambah", nama, "--peran", peran, "--wilayah", *wilayah]
        assert _jalan(*argumen, db=salinan_db, masukan=SANDI + "\n", **akun_env).returncode == 0
    sebelum = isi_db(salinan_db)

    def impor_sebagai(nama: str, sandi: str = SANDI) -> Keluaran:
        argumen = ("impor", str(berkas), "--tahun", str(TAHUN), "--akun", nama)
        return _jalan(*argumen, db=salinan_db, masukan=sandi + "\n", **akun_env)

    salah = impor_sebagai("op.hsu", "bukan-sandinya-sama-sekali")
    assert salah.returncode == 2 and "kata sandi salah" in salah.stderr
    luar = impor_sebagai("op.hsu")
    assert luar.returncode == 1
    assert f"Lembar 'inovasi', baris 2, kolom C (kode_wilayah): baris untuk wilayah {WILAYAH}" in luar.stdout
    assert isi_db(salinan_db) == sebelum

    dalam = impor_sebagai("op.bjb")
    assert dalam.returncode == 0, dalam.stdout + dalam.stderr
    batal_luar = _jalan("batalkan-impor", "--akun", "op.hsu", db=salinan_db, masukan=SANDI + "\n", **akun_env)
    assert batal_luar.returncode == 1 and "Hanya admin" in batal_luar.stderr
    batal = _jalan("batalkan-impor", "--akun", "op.bjb", db=salinan_db, masukan=SANDI + "\n", **akun_env)
    assert batal.returncode == 0 and "Impor #1 dibatalkan" in batal.stdout
    db = Database(salinan_db)
    try:
        assert impor.riwayat(db)["pengguna"].tolist() == ["op.bjb", "op.bjb"]
    finally:
        db.close()
