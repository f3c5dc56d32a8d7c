"""The import service end to end on a private database copy: export → import round trip, preview against the
committed result, undo (also stacked, and of a new year), stale previews, provenance after an import."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import scoring
from dasbor.db.connection import Database
from dasbor.services import impor, skor
from dasbor.services.db import database, penulis
from tests.impor.bantu import TAHUN, WILAYAH, isi_data, isi_db


def _commit(periksa: impor.Pemeriksaan, pengguna: str = "uji") -> int:
    """As the Impor page commits: under the writer lock, published when done (database() then sees it)."""
    with penulis() as db:
        return impor.commit_import(db, periksa, pengguna)


def _batal() -> int | None:
    with penulis() as db:
        return impor.undo_last_import(db, "uji")


def _ubah(isi: bytes, perubahan: dict[tuple[str, str], object]) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    for (lembar, ref), nilai in perubahan.items():
        wb[lembar][ref].value = nilai
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_export_then_import_of_a_whole_year_leaves_identical_content(salinan_env: Path) -> None:
    db = database()
    semua = db.query("wilayah")["kode_wilayah"].tolist()
    sebelum = isi_data(salinan_env)
    berkas = impor.ekspor(db, 2025, semua)
    periksa = impor.check_import(database(), berkas, 2025, "ekspor-2025.xlsx")
    assert periksa.masalah == [] and periksa.wilayah == semua
    pratinjau = impor.preview(db, periksa)
    assert (
        pratinjau.ringkasan[["inovasi_baru", "inovasi_berubah", "inovasi_dihapus", "jawaban_spd_berubah"]]
        .eq(0)
        .all()
        .all()
    )
    # a pemda without SPD has no IID before or after (NaN), which must stay so
    pd.testing.assert_series_equal(
        pratinjau.ringkasan["iid_sebelum"], pratinjau.ringkasan["iid_sesudah"], check_names=False
    )
    _commit(periksa, "uji")
    assert isi_data(salinan_env) == sebelum
    # The data is now real: the year carries no synthetic source any more, and each wilayah names the import.
    assert skor.sumber_sintetis(2025).empty
    sumber = impor.sumber_wilayah(database(), 2025)
    assert set(sumber["jenis"]) == {"impor"} and set(sumber["kode_wilayah"]) == set(semua)
    assert not skor.sumber_sintetis(2024).empty, "tahun lain tetap sintetis"


def test_importing_one_wilayah_keeps_the_rest_labelled_synthetic(salinan_env: Path, buku_sah: bytes) -> None:
    _commit(impor.check_import(database(), buku_sah, TAHUN, "bjb.xlsx"), "uji")
    sumber = impor.sumber_wilayah(database(), TAHUN).set_index("kode_wilayah")
    assert sumber.at[WILAYAH, "jenis"] == "impor" and not sumber.at[WILAYAH, "sintetis"]
    assert sumber.drop(index=WILAYAH)["sintetis"].all()
    assert not skor.sumber_sintetis(TAHUN).empty


def test_preview_matches_what_the_committed_data_scores(salinan_env: Path, buku_sah: bytes) -> None:
    db = database()
    berkas = _ubah(
        buku_sah,
        {
            ("inovasi", "E2"): "Nama baru",
            ("inovasi", "A3"): "63.72-2021-9999",  # the old id disappears, a new one appears
            ("jawaban_spd", "D2"): 3,
            ("jawaban_spd", "F2"): 3,
        },
    )
    wb = openpyxl.load_workbook(io.BytesIO(berkas))
    for c in wb["jawaban_sid"]["A"][1:]:
        if c.value == "63.72-2021-0002":
            c.value = "63.72-2021-9999"
    buf = io.BytesIO()
    wb.save(buf)
    periksa = impor.check_import(database(), buf.getvalue(), TAHUN, "ubah.xlsx")
    assert periksa.masalah == []
    pratinjau = impor.preview(db, periksa)
    r = pratinjau.ringkasan.iloc[0]
    assert (r.inovasi_baru, r.inovasi_berubah, r.inovasi_dihapus, r.jawaban_spd_berubah) == (1, 1, 1, 1)
    assert set(pratinjau.rincian["id_inovasi"]) == {"63.72-2021-0001", "63.72-2021-0002", "63.72-2021-9999"}
    _commit(periksa, "uji")
    skor_baru = skor.hitung_skor_tahun(database(), TAHUN).set_index("kode_wilayah")
    assert skor_baru.at[WILAYAH, "iid"] == r.iid_sesudah
    assert r.iid_sesudah > r.iid_sebelum, "SPD 1 dinaikkan ke level 3"
    assert pratinjau.versi_metodologi == skor_baru.at[WILAYAH, "versi_metodologi"]


def test_undo_is_a_stack_and_restores_exactly(salinan_env: Path, buku_sah: bytes) -> None:
    awal = isi_data(salinan_env)
    _commit(impor.check_import(database(), _ubah(buku_sah, {("inovasi", "E2"): "Satu"}), TAHUN, "a"), "uji")
    setelah_a = isi_data(salinan_env)
    _commit(impor.check_import(database(), _ubah(buku_sah, {("inovasi", "E2"): "Dua"}), TAHUN, "b"), "uji")
    assert isi_data(salinan_env) not in (awal, setelah_a)
    assert _batal() == 2
    assert isi_data(salinan_env) == setelah_a
    assert _batal() == 1
    assert isi_data(salinan_env) == awal
    assert _batal() is None
    log = impor.riwayat(database())
    assert log["hasil"].tolist() == ["dibatalkan", "dibatalkan", "diimpor", "diimpor"]
    assert log["membatalkan"].head(2).tolist() == [1, 2]


def test_a_new_year_is_added_to_periode_and_removed_by_undo(salinan_env: Path, buku_sah: bytes) -> None:
    db = database()
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    for lembar in ("inovasi", "jawaban_spd"):
        for c in wb[lembar]["B"][1:]:
            c.value = 2026
    for c in [*wb["inovasi"]["A"][1:], *wb["jawaban_sid"]["A"][1:]]:
        c.value = c.value.replace("-2021-", "-2026-")
    buf = io.BytesIO()
    wb.save(buf)
    assert 2026 in impor.tahun_impor(db) and 2026 not in skor.daftar_tahun()
    periksa = impor.check_import(database(), buf.getvalue(), 2026, "2026.xlsx")
    assert periksa.masalah == []
    sebelum = isi_data(salinan_env)
    _commit(periksa, "uji")
    periode = database().query("periode").set_index("tahun")
    assert periode.at[2026, "status"] == "sementara"
    assert periode.at[2026, "versi_metodologi"] == scoring.metodologi_untuk_tahun(2026).versi
    _batal()
    assert isi_data(salinan_env) == sebelum


def test_confirming_a_stale_preview_is_refused(salinan_env: Path, buku_sah: bytes) -> None:
    lama = impor.check_import(database(), buku_sah, TAHUN, "lama.xlsx")
    _commit(impor.check_import(database(), buku_sah, TAHUN, "lain.xlsx"), "admin-lain")
    sebelum = isi_db(salinan_env)
    with pytest.raises(impor.DataBerubahError, match="berubah sejak berkas diperiksa"):
        _commit(lama, "uji")
    assert isi_db(salinan_env) == sebelum


def test_template_has_the_sheets_dropdowns_and_the_years_codes(salinan_db: Path) -> None:
    db = Database(salinan_db)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(impor.templat(db, 2024)))
    finally:
        db.close()
    assert wb.sheetnames == ["petunjuk", "inovasi", "jawaban_sid", "jawaban_spd", "perangkat_daerah", "referensi"]
    assert wb["inovasi"].max_row == 1 and wb["jawaban_sid"]["C1"].value == "level_klaim"
    validasi = {str(dv.sqref): dv for dv in wb["jawaban_sid"].data_validations.dataValidation}
    assert validasi["C2:C50001"].type == "whole" and validasi["C2:C50001"].formula2 == "3"
    assert validasi["D2:D50001"].type == "list" and validasi["D2:D50001"].formula1.startswith("'referensi'!$")
    referensi = pd.DataFrame(wb["referensi"].values)
    kode = set(referensi.iloc[1:, referensi.iloc[0].tolist().index("kode_indikator")].dropna())
    assert {"1", "2a", "16", "35"} <= kode
    assert "MENGGANTI" in " ".join(str(c.value) for c in wb["petunjuk"]["A"] if c.value)


def test_text_that_looks_like_a_formula_is_exported_as_text_and_survives(salinan_env: Path, buku_sah: bytes) -> None:
    berkas = _ubah(buku_sah, {("inovasi", "E2"): '=HYPERLINK("http://contoh")'})
    wb = openpyxl.load_workbook(io.BytesIO(berkas))
    wb["inovasi"]["E2"].data_type = "s"  # typed as text, as an official would with a leading apostrophe
    buf = io.BytesIO()
    wb.save(buf)
    _commit(impor.check_import(database(), buf.getvalue(), TAHUN, "teks.xlsx"), "uji")
    ulang = openpyxl.load_workbook(io.BytesIO(impor.ekspor(database(), TAHUN, [WILAYAH])))
    sel = ulang["inovasi"]["E2"]
    assert sel.value == '=HYPERLINK("http://contoh")' and sel.data_type == "s"
