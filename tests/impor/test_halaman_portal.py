"""The Impor page with a portal export (AppTest): recognised without choosing a format, the uncertain pairs
reviewed one by one, the decision stored with the import, the file downloadable again from the history, and the
send status set on its own tab."""

from __future__ import annotations

from pathlib import Path

from dasbor.demo.portal_tulis import tulis_portal
from dasbor.visual.format import tanpa_markdown
from tests.impor.bantu import WILAYAH
from tests.impor.test_halaman_impor import XLSX, _halaman_impor, _masuk
from tests.impor.test_portal_impor import PEMDA, TAHUN_P, _kasus, _kueri, _lama, _tahun
from tests.impor.test_portal_ulang import berkas


def test_portal_file_review_confirm_archive_and_status(salinan_env: Path, akun_admin) -> None:
    lama = _lama(salinan_env, 2022)
    isi = tulis_portal(_kasus(lama), PEMDA)
    at = _masuk(_halaman_impor())
    at.selectbox(key="impor_tahun").select(TAHUN_P).run()
    at.file_uploader(key="impor_berkas").set_value(("daftar-inovasi.xlsx", isi, XLSX))
    at.run()
    assert not at.exception, at.exception
    assert any("ekspor daftar inovasi portal IID nasional" in i.value for i in at.info)
    assert any("keluar dari daftar" in w.value for w in at.warning)
    assert any("berjudul kembar" in w.value for w in at.warning)
    ragu = [s for s in at.selectbox if s.key and s.key.startswith("ragu_")]
    assert len(ragu) >= 2
    [pilih] = [s for s in ragu if tanpa_markdown(lama["id_inovasi"].iat[3]) in s.label]  # labels are markdown
    assert "Baris 4" in pilih.label and pilih.value.startswith("Belum diputuskan")
    dipakai = "memakai keputusan: {} sama, 0 berbeda, {} belum diputuskan."
    assert any(c.value.endswith(dipakai.format(0, len(ragu))) for c in at.caption), [c.value for c in at.caption]
    pilih.select("Inovasi yang sama").run()
    assert not at.exception, at.exception
    # the preview (and so the confirm) now carries the decision
    assert any(c.value.endswith(dipakai.format(1, len(ragu) - 1)) for c in at.caption)
    at.button(key="konfirmasi_impor").click().run()
    assert not at.exception, at.exception
    assert any("Impor #1 selesai" in s.value for s in at.success)
    assert lama["id_inovasi"].iat[3] in set(_tahun(salinan_env).index)
    assert _kueri(salinan_env, "SELECT id_inovasi, keputusan FROM cocok_keputusan") == [
        (lama["id_inovasi"].iat[3], "sama")
    ]
    assert at.selectbox(key="arsip_impor").options == ["#1 — daftar-inovasi.xlsx"]

    ids = _tahun(salinan_env).index[:1].tolist()
    at.selectbox(key="status_tahun").select(TAHUN_P).run()
    at.selectbox(key="status_wilayah").select(WILAYAH).run()
    at.multiselect(key="status_id").select(ids[0]).run()
    at.selectbox(key="status_baru").select("dikirim").run()
    at.button(key="simpan_status").click().run()
    assert not at.exception, at.exception
    assert _tahun(salinan_env).loc[ids[0], "status_inovasi"] == "dikirim"


def test_the_preview_counts_the_files_rows_and_shows_no_none_or_nan(salinan_env: Path, akun_admin) -> None:
    """Six rows from literal portal text, with perangkat daerah the region does not know (their singkatan empty)."""
    at = _masuk(_halaman_impor())
    at.selectbox(key="impor_tahun").select(TAHUN_P).run()
    at.file_uploader(key="impor_berkas").set_value(("daftar-inovasi.xlsx", berkas(), XLSX))
    at.run()
    assert not at.exception, at.exception
    assert any("sah: 6 baris untuk tahun" in s.value for s in at.success), [s.value for s in at.success]
    tabel = [d.value for d in at.tabs[0].dataframe]  # the preview's tab
    [pd_baru] = [t for t in tabel if "singkatan" in t]
    assert len(pd_baru) >= 2 and (pd_baru["singkatan"] == "–").all()
    for t in tabel:
        assert not t.isna().any().any(), t
        assert not t.astype(str).isin(["None", "nan", "NaN", "<NA>"]).any().any(), t
