"""Uncertain pairs the command line imported as two innovations wait for review (issue 23 §6): stored with the
import, merged (one id survives with the row's status) or confirmed two by an admin or the pemda's operator, each
answer logged, published and remembered, so the next import of the same file agrees."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dasbor.demo.portal_tulis import tulis_portal
from dasbor.services import akun, status_inovasi
from dasbor.services.cocok_tertunda import CocokDitolakError, daftar_tertunda, simpan_keputusan
from dasbor.services.db import database
from dasbor.ui.akun import GENERASI, KUNCI
from tests.impor.bantu import SANDI, WILAYAH, dasbor, salin_akun, templat_akun
from tests.impor.test_portal_impor import PEMDA, ROOT, TAHUN_P, _kasus, _kueri, _lama, _periksa, _tahun


def _tertunda() -> pd.DataFrame:
    return daftar_tertunda(database(), TAHUN_P, WILAYAH)


def test_pairs_left_open_by_the_cli_are_reviewed_merged_or_kept_apart(salinan_env: Path, tmp_path: Path) -> None:
    lama = _lama(salinan_env, 2022)
    id_edit, id_opd_lain = lama["id_inovasi"].iat[3], lama["id_inovasi"].iat[4]
    berkas = tmp_path / "daftar.xlsx"
    berkas.write_bytes(tulis_portal(_kasus(lama), PEMDA))
    hasil = dasbor(salinan_env, "impor", str(berkas), "--tahun", str(TAHUN_P))
    assert hasil.returncode == 0, hasil.stderr
    baru = _tahun(salinan_env)
    # rows 3 and 4 of the file (an edited title, another perangkat daerah) came in as new innovations
    id_baru = {n: i for i, n in zip(baru.index, baru["nama_inovasi"], strict=True) if "-p" in i}
    terbuka = _tertunda()
    pasangan = set(zip(terbuka["id_inovasi_baru"], terbuka["id_inovasi_ada"], strict=True))
    [n_edit] = [i for i, a in pasangan if a == id_edit]
    [n_opd] = [i for i, a in pasangan if a == id_opd_lain]
    assert {n_edit, n_opd} <= set(id_baru.values())
    assert terbuka["beda"].str.len().gt(0).all() and not terbuka["ada_tahun_ini"].any()

    status_inovasi.simpan_status(
        TAHUN_P, WILAYAH, pd.DataFrame({"id_inovasi": [n_edit], "status_inovasi": ["dikirim"]}), "op"
    )
    sebelum = _kueri(salinan_env, "SELECT * FROM inovasi ORDER BY ALL")
    with pytest.raises(CocokDitolakError, match="di luar wilayah akun Anda"):
        simpan_keputusan(TAHUN_P, WILAYAH, n_edit, id_edit, "sama", "op", wilayah_boleh=["63.09"])
    with pytest.raises(CocokDitolakError, match="tidak lagi menunggu"):
        simpan_keputusan(TAHUN_P, WILAYAH, n_edit, id_opd_lain, "sama", "op")
    assert _kueri(salinan_env, "SELECT * FROM inovasi ORDER BY ALL") == sebelum

    # Merge: the existing id takes the row's year, with the status set on the new id; the new id is gone.
    pesan = simpan_keputusan(TAHUN_P, WILAYAH, n_edit, id_edit, "sama", "op", wilayah_boleh=[WILAYAH])
    assert f"{n_edit} digabung ke {id_edit}" in pesan
    kini = _tahun(salinan_env)
    assert n_edit not in kini.index and kini.at[id_edit, "status_inovasi"] == "dikirim"
    assert kini.at[id_edit, "sumber"] == "portal" and len(kini) == len(baru)
    # Two innovations: nothing moves, the pair is closed.
    simpan_keputusan(TAHUN_P, WILAYAH, n_opd, id_opd_lain, "beda", "admin")
    assert set(_tahun(salinan_env).index) == set(kini.index)
    assert not {n_edit, n_opd} & set(_tertunda()["id_inovasi_baru"])
    assert _kueri(salinan_env, "SELECT id_inovasi, keputusan, pengguna FROM cocok_keputusan ORDER BY ALL") == sorted(
        [(id_edit, "sama", "op"), (id_opd_lain, "beda", "admin")]
    )
    assert [r[0] for r in _kueri(salinan_env, "SELECT hasil FROM impor_log WHERE hasil = 'cocok'")] == ["cocok"] * 2

    # The same file again: the merged row keeps the surviving id and its status, the other keeps its own id.
    lagi = _periksa(salinan_env, berkas.read_bytes())
    ids = lagi.data["inovasi"].set_index("nama_inovasi")["id_inovasi"]
    assert set(ids) == set(_tahun(salinan_env).index)
    assert lagi.data["inovasi"].set_index("id_inovasi").at[id_edit, "status_inovasi"] == "dikirim"
    assert lagi.tertunda.empty


@pytest.fixture
def akun_operator(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    templat = templat_akun(
        tmp_path_factory.mktemp("templat"),
        ("op.hsu", SANDI, "operator", {"wilayah": ["63.09"]}),
        ("op.bjb", SANDI, "operator", {"wilayah": [WILAYAH]}),
    )
    salin_akun(templat, tmp_path, monkeypatch)


def _halaman(masuk: str | None) -> AppTest:
    """The Inovasi page of Banjarbaru 2023 as a link opens it, signed in as `masuk` (the session's name, as the
    sign-in form leaves it)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/inovasi.py")
    at.query_params.update({"tahun": str(TAHUN_P), "wilayah": "Kota Banjarbaru"})
    if masuk:  # a signed-in session: the name and the account's generation the sign-in form leaves
        at.session_state[KUNCI] = masuk
        at.session_state[GENERASI] = akun.generasi(masuk)
    return at.run()


def test_the_inovasi_page_shows_open_pairs_and_the_pemdas_operator_merges_one(
    salinan_env: Path, tmp_path: Path, akun_operator: None
) -> None:
    lama = _lama(salinan_env, 2022)
    id_edit = lama["id_inovasi"].iat[3]
    berkas = tmp_path / "daftar.xlsx"
    berkas.write_bytes(tulis_portal(_kasus(lama), PEMDA))
    assert dasbor(salinan_env, "impor", str(berkas), "--tahun", str(TAHUN_P)).returncode == 0
    [n_edit] = _tertunda().query("id_inovasi_ada == @id_edit")["id_inovasi_baru"]

    for masuk in (None, "op.hsu"):  # a viewer, another pemda's operator: the evidence, no buttons
        at = _halaman(masuk)
        assert not at.exception, at.exception
        [tabel] = [d.value for d in at.dataframe if "Id lama" in d.value]
        assert id_edit in set(tabel["Id lama"]) and not tabel.isna().any().any()
        assert not [b for b in at.button if b.key == "tertunda_gabung"]
        assert any("Hanya admin atau operator wilayah ini" in c.value for c in at.caption)

    at = _halaman("op.bjb")
    at.selectbox(key="tertunda_pilih").select(f"{n_edit}|{id_edit}").run()
    at.button(key="tertunda_gabung").click().run()
    assert not at.exception, at.exception
    assert any(f"{n_edit} digabung ke {id_edit}" in s.value for s in at.success)
    assert id_edit in _tahun(salinan_env).index and n_edit not in _tahun(salinan_env).index
    assert id_edit not in set(_tertunda()["id_inovasi_ada"])


def test_a_pair_whose_row_left_the_list_is_dropped_and_a_reimport_keeps_the_open_ones(
    salinan_env: Path, tmp_path: Path
) -> None:
    lama = _lama(salinan_env, 2022)
    kasus = _kasus(lama)
    penuh, tanpa_edit = tmp_path / "penuh.xlsx", tmp_path / "tanpa-edit.xlsx"
    penuh.write_bytes(tulis_portal(kasus, PEMDA))
    tanpa_edit.write_bytes(tulis_portal(kasus.drop(index=2), PEMDA))
    assert dasbor(salinan_env, "impor", str(penuh), "--tahun", str(TAHUN_P)).returncode == 0
    pertama = _tertunda()
    assert len(pertama) >= 2
    # The same file again: every row keeps its id, and the pairs left open stay open.
    assert dasbor(salinan_env, "impor", str(penuh), "--tahun", str(TAHUN_P)).returncode == 0
    assert _tertunda()[["id_inovasi_baru", "id_inovasi_ada"]].equals(pertama[["id_inovasi_baru", "id_inovasi_ada"]])
    # The edited row leaves the list: its pair is gone from the table, not only hidden.
    [n_edit] = pertama.loc[pertama["id_inovasi_ada"] == lama["id_inovasi"].iat[3], "id_inovasi_baru"]
    assert dasbor(salinan_env, "impor", str(tanpa_edit), "--tahun", str(TAHUN_P)).returncode == 0
    assert _kueri(salinan_env, f"SELECT count(*) FROM cocok_tertunda WHERE id_inovasi_baru = '{n_edit}'") == [(0,)]
    assert n_edit not in set(_tertunda()["id_inovasi_baru"]) and not _tertunda().empty


def test_an_import_whose_pair_was_merged_after_it_is_not_undone_silently(salinan_env: Path, tmp_path: Path) -> None:
    """Undoing the import would bring the merged-away id back and take the year from the surviving one, while the
    history still lists the merge as done (issue 24 M4): refused, naming the merge, and nothing changes."""
    lama = _lama(salinan_env, 2022)
    id_edit = lama["id_inovasi"].iat[3]
    berkas = tmp_path / "daftar.xlsx"
    berkas.write_bytes(tulis_portal(_kasus(lama), PEMDA))
    assert dasbor(salinan_env, "impor", str(berkas), "--tahun", str(TAHUN_P)).returncode == 0
    [n_edit] = [
        b for b, a in zip(_tertunda()["id_inovasi_baru"], _tertunda()["id_inovasi_ada"], strict=True) if a == id_edit
    ]
    simpan_keputusan(TAHUN_P, WILAYAH, n_edit, id_edit, "sama", "admin")
    sebelum = _kueri(salinan_env, "SELECT * FROM inovasi ORDER BY ALL")
    hasil = dasbor(salinan_env, "batalkan-impor")
    assert hasil.returncode == 1
    assert "pasangan ragu diputuskan" in hasil.stderr + hasil.stdout and "oleh admin" in hasil.stderr + hasil.stdout
    assert _kueri(salinan_env, "SELECT * FROM inovasi ORDER BY ALL") == sebelum
