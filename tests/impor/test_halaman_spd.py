"""The SPD page (AppTest): an admin picks a pemda without SPD, fills the portal-like worksheet, sees the preview and
saves; the IID becomes whole on every page. The portal counters typed beside ours are stored and a skor jumlah
inovasi that breaks the year's rule is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.services import skor
from dasbor.visual.format import angka
from tests.conftest import bersihkan_cache
from tests.impor.bantu import SANDI, salin_akun, templat_akun
from tests.impor.test_halaman_impor import ROOT, _masuk
from tests.impor.test_spd import KODE, TAHUN, tanpa_spd  # noqa: F401 (the fixture)


def _halaman() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    return at.switch_page("pages/spd.py").run()


def test_admin_enters_spd_and_the_iid_becomes_whole(tanpa_spd: Path, akun_admin: str) -> None:  # noqa: F811
    at = _masuk(_halaman())
    at.selectbox(key="spd_tahun").select(TAHUN).run()
    at.selectbox(key="spd_wilayah").select(KODE).run()
    assert not at.exception, at.exception
    assert any("SID" in w.value and "saja" in w.value for w in at.warning)
    pilih = at.selectbox(key=f"spd_level_{TAHUN}_{KODE}_1")
    assert pilih.options[0] == "–" and pilih.options[1] == "0: tidak ada" and len(pilih.options) == 5
    pilih.select_index(4)
    at.checkbox(key=f"spd_bukti_{TAHUN}_{KODE}_1").check()
    at.button[0].click()  # the form's "Periksa isian"
    at.run()
    assert not at.exception, at.exception
    assert any("Pratinjau:" in m.value and "1 jawaban SPD berubah" in m.value for m in at.markdown)
    at.button(key="simpan_spd").click().run()
    assert not at.exception, at.exception
    assert any("tersimpan sebagai impor #1" in s.value for s in at.success)
    bersihkan_cache()
    r = skor.skor_tahun(TAHUN).set_index("kode_wilayah").loc[KODE]
    assert r["ada_spd"] and any(f"IID {angka(r['iid'])}" in i.value for i in at.info)
    # The entry's archive is the CSV the page wrote: offered under a .csv name and type, not as the entry's label.
    at.switch_page("pages/impor.py").run()
    assert not at.exception, at.exception
    unduh = at.download_button(key="unduh_arsip")
    assert unduh.label.endswith(": isian SPD (halaman).csv") and unduh.proto.url.endswith(".csv")


def test_portal_counters_are_stored_and_a_rule_breaking_skor_is_flagged(tanpa_spd: Path, akun_admin: str) -> None:  # noqa: F811
    at = _masuk(_halaman())
    at.selectbox(key="spd_tahun").select(TAHUN).run()
    at.selectbox(key="spd_wilayah").select(KODE).run()
    at.number_input(key="hitung_dilaporkan").set_value(257)
    at.number_input(key="hitung_dikirim").set_value(221)
    [skor_jumlah] = [n for n in at.number_input if n.label == "Skor Jumlah Inovasi"]
    skor_jumlah.set_value(80.0)  # the 2025 rule file gives 0,38 × MIN(221, 200) = 76
    [kirim] = [b for b in at.button if b.label == "Simpan penghitung"]
    kirim.click().run()
    assert not at.exception, at.exception
    assert any("Penghitung portal" in s.value for s in at.success)
    tabel = at.dataframe[-1].value.set_index("Penghitung")
    assert tabel.at["Dilaporkan", "Portal"] == "257"
    aturan = tabel.loc["Skor Jumlah Inovasi portal menurut aturan"]
    assert aturan["Portal"] == "80,00" and aturan["Dasbor"] == "76,00" and "beda" in aturan["Beda"]
    assert any("Skor Jumlah Inovasi portal menurut aturan" in w.value for w in at.warning)


def test_an_operator_can_pick_only_its_own_pemda(
    tanpa_spd: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "t").mkdir()
    akun = templat_akun(tmp_path / "t", ("admin", SANDI, "admin"), ("op.tala", SANDI, "operator", {"wilayah": [KODE]}))
    salin_akun(akun, tmp_path, monkeypatch)
    at = _halaman()
    at.text_input(key="masuk_nama").input("op.tala")
    at.text_input(key="masuk_sandi").input(SANDI)
    at = at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key="spd_wilayah").options == ["Kabupaten Tanah Laut"]
