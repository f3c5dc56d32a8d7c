"""The Impor page signed in as an operator (AppTest): a file with another region's rows is refused and the table
names those rows; a file of its own region imports; the undo of an import outside its regions is refused; and
the sign-in form locks an account after the configured number of failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.impor.bantu import SANDI, WILAYAH, isi_data, salin_akun, templat_akun
from tests.impor.test_halaman_impor import _halaman_impor, _unggah

LAIN = "63.09"


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three accounts hashed once; each test gets its own copy of the file."""
    return templat_akun(
        tmp_path_factory.mktemp("templat"),
        ("admin", SANDI, "admin"),
        ("op.hsu", SANDI, "operator", {"wilayah": [LAIN]}),
        ("op.bjb", SANDI, "operator", {"wilayah": [WILAYAH]}),
    )


@pytest.fixture
def akun_operator(templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    salin_akun(templat, tmp_path, monkeypatch)


def _masuk(at: AppTest, nama: str, sandi: str = SANDI) -> AppTest:
    at.text_input(key="masuk_nama").input(nama)
    at.text_input(key="masuk_sandi").input(sandi)
    return at.button[0].click().run()


def test_operator_of_another_region_sees_the_rows_named_and_nothing_written(
    salinan_env, akun_operator, buku_sah
) -> None:
    sebelum = isi_data(salinan_env)
    at = _masuk(_halaman_impor(), "op.hsu")
    assert not at.exception and any(f"operator wilayah {LAIN}" in i.value for i in at.info)
    at = _unggah(at, buku_sah)
    assert not at.exception, at.exception
    assert any("tidak dapat diimpor" in e.value for e in at.error)
    masalah = at.dataframe[0].value
    pertama = masalah.iloc[0].to_dict()
    assert {"Lembar": "inovasi", "Baris": 2, "Kolom": "C kode_wilayah"}.items() <= pertama.items()
    assert f"wilayah {WILAYAH}, di luar wilayah akun Anda ({LAIN})" in pertama["Masalah"]
    assert set(masalah["Lembar"]) == {"inovasi", "jawaban_spd"}
    assert not [b for b in at.button if b.key == "konfirmasi_impor"]
    assert isi_data(salinan_env) == sebelum


def test_operator_imports_its_own_region_and_another_operator_may_not_undo_it(
    salinan_env, akun_operator, buku_sah
) -> None:
    at = _unggah(_masuk(_halaman_impor(), "op.bjb"), buku_sah)
    assert not at.exception, at.exception
    assert at.dataframe[0].value["Wilayah"].tolist() == ["Kota Banjarbaru"]
    at.button(key="konfirmasi_impor").click().run()
    assert not at.exception, at.exception
    assert any("Impor #1 selesai" in s.value for s in at.success)

    lain = _masuk(_halaman_impor(), "op.hsu")
    assert not lain.exception
    assert any("Hanya admin yang dapat membatalkannya" in w.value for w in lain.warning)
    assert not [b for b in lain.button if b.key == "batalkan_impor"]


def test_five_failed_sign_ins_lock_the_account(salinan_env, akun_operator) -> None:
    at = _halaman_impor()
    for _ in range(4):
        at = _masuk(at, "op.hsu", "salah-sekali-sandinya")
        assert any("salah" in e.value for e in at.error)
    at = _masuk(at, "op.hsu", "salah-sekali-sandinya")
    assert any("dikunci sampai pukul" in e.value and "5 kali gagal" in e.value for e in at.error)
    at = _masuk(at, "op.hsu")  # the right password no longer helps while locked
    assert any("dikunci sampai pukul" in e.value for e in at.error) and not at.file_uploader
