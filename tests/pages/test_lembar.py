"""The Lembar indikator page (AppTest): an admin picks levels and ticks evidence for one portal-only innovation, the
header's "n/20 SID" and kematangan estimate move as it goes, saving stores the answers (kematangan tersimpan and the
region's IID follow), and the undo button puts the portal's kematangan back; an operator of another pemda gets no
sheet; nobody signed in gets the sign-in form."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import bersihkan_cache
from tests.impor.bantu import SANDI, salin_akun, templat_akun
from tests.pages.apptest_bantu import ROOT
from tests.services.test_kiriman import PORTAL, TAHUN, portal_db  # noqa: F401 (the fixture)


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return templat_akun(
        tmp_path_factory.mktemp("templat"),
        ("admin", SANDI, "admin"),
        ("op.lain", SANDI, "operator", {"wilayah": ["63.02"]}),
    )


@pytest.fixture
def env(portal_db: Path, templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:  # noqa: F811
    path = tmp_path / "iid.duckdb"
    shutil.copy(portal_db, path)
    monkeypatch.setenv("DASBOR_DB", str(path))
    salin_akun(templat, tmp_path, monkeypatch)
    bersihkan_cache()
    yield path
    bersihkan_cache()


def _buka(nama: str | None, **query: str) -> AppTest:
    from dasbor.ui import data

    wilayah = data.daftar_wilayah().set_index("kode_wilayah").at[PORTAL, "nama_wilayah"]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/lembar.py")
    at.query_params.update({"tahun": str(TAHUN), "wilayah": wilayah, **query})
    at.run()
    if nama:
        at.text_input(key="masuk_nama").input(nama)
        at.text_input(key="masuk_sandi").input(SANDI)
        at = at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.usefixtures("env")
def test_admin_mengisi_menyimpan_dan_membatalkan() -> None:
    at = _buka("admin", inovasi="p2")
    assert at.selectbox(key="lembar_inovasi").value == "p2"
    metrik = _metrik(at)
    assert metrik["Terisi"] == "0/20 SID" and metrik["Estimasi kematangan"] == "0 / 111"
    assert metrik["Kematangan tersimpan"] == "90 / 111"
    assert any("katalog indikator aturan 2025" in c.value for c in at.caption)
    # seven columns, twenty indicators
    assert [m.value for m in at.markdown if m.value.startswith("**Indikator**")] == ["**Indikator**"]
    assert len([s for s in at.selectbox if str(s.key).startswith("lembar_p2_")]) == 20

    at.selectbox(key="lembar_p2_16_level").set_value(3).run()  # regulasi, bobot 3
    at.selectbox(key="lembar_p2_35_level").set_value(2).run()  # video, bobot 4
    metrik = _metrik(at)
    assert metrik["Terisi"] == "2/20 SID" and metrik["Estimasi kematangan"] == "17 / 111"
    assert metrik["Bila hanya bukti lengkap diakui"] == "0 / 111"
    assert any("menggantikan kematangan portal 90 dengan 17" in w.value for w in at.warning)
    for b in ("nomor", "tanggal", "tentang"):
        at.checkbox(key=f"lembar_p2_16_{b}").check()
    at.run()
    assert _metrik(at)["Bila hanya bukti lengkap diakui"] == "9 / 111"
    # the portal pemda has no SPD: its SID, never an IID with SPD silently 0; (100 + 90 + 80 + 5) ÷ 10 + 4 × 0,38
    assert not [m for m in at.metric if m.label.startswith("IID")]
    assert metrik["SID 2025 wilayah ini (basis terverifikasi, data tersimpan)"] == "29,02"

    at = at.button(key="simpan_lembar").click().run()
    assert not at.exception
    assert any("disimpan sebagai impor #1" in s.value for s in at.success)
    metrik = _metrik(at)
    assert metrik["Kematangan tersimpan"] == "17 / 111" and metrik["Estimasi kematangan"] == "17 / 111"
    # the SID follows: on the verified basis p2 now scores only its evidenced 9 instead of the portal's 90,
    # (100 + 9 + 80 + 5) ÷ 10 + 4 × 0,38
    assert metrik["SID 2025 wilayah ini (basis terverifikasi, data tersimpan)"] == "20,92"

    at = at.button(key="batalkan_lembar").click().run()
    assert not at.exception
    assert any("dibatalkan" in s.value for s in at.success)
    metrik = _metrik(at)
    assert metrik["Kematangan tersimpan"] == "90 / 111" and metrik["Terisi"] == "0/20 SID"


@pytest.mark.usefixtures("env")
def test_operator_wilayah_lain_tanpa_lembar() -> None:
    at = _buka("op.lain")
    assert any("hanya dapat diisi untuk inovasi pemda Anda" in w.value for w in at.warning)
    assert not [s for s in at.selectbox if str(s.key).startswith("lembar_")]


@pytest.mark.usefixtures("env")
def test_tanpa_masuk_diminta_masuk() -> None:
    at = _buka(None)
    assert any("hanya untuk admin dan operator" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "simpan_lembar"]


@pytest.mark.usefixtures("env")
def test_dari_inovasi_ke_lembar() -> None:
    from tests.pages.apptest_bantu import buka

    at = buka("inovasi", tahun=str(TAHUN), wilayah="Kabupaten Tanah Laut", inovasi="p2")
    at = at.button(key="buka_lembar").click().run()
    assert not at.exception
    assert at.query_params["inovasi"] == "p2" and at.query_params["wilayah"] == "Kabupaten Tanah Laut"
    assert any("hanya untuk admin dan operator" in i.value for i in at.info)  # the worksheet's sign-in
