"""Importing the same real-looking portal export twice changes no id, status or decision (issue 23 §6). The file is
built cell by cell from literal portal text (not by our writer) and holds the real export's two kinds of
duplicate: one title entered twice up to spacing under one perangkat daerah by two accounts, and one title under
a perangkat daerah written with and without its kota."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dasbor.db.connection import Database
from dasbor.services import impor, status_inovasi
from tests.excel.test_portal_sel import JUDUL, JUDUL_LAMA, buku, lama, sel
from tests.impor.bantu import WILAYAH
from tests.impor.test_portal_impor import TAHUN_P, _impor, _periksa, _tahun


def berkas() -> bytes:
    baris = [
        sel(Judul_Inovasi="Layanan  Antar Jemput Pasien", Admin_OPD="DINAS KESEHATAN (dinkes.bjb)"),
        sel(No="2", Judul_Inovasi="SMART SCHOOL", Admin_OPD="SMAN 1 BANJARBARU, KOTA BANJARBARU  (sman1.bjb)"),
        sel(No="3", Judul_Inovasi="Layanan Antar Jemput Pasien ", Admin_OPD=" DINAS  KESEHATAN (dinkes2.bjb)"),
        sel(No="4", Judul_Inovasi="Smart School", Admin_OPD="SMAN 1 BANJARBARU (sman1b.bjb)", Kematangan="0"),
        sel(No="5", Judul_Inovasi="SIPANDU (Sistem Pelayanan Terpadu)", Koordinat="null", Kematangan="0.00"),
        sel(
            No="6",
            Judul_Inovasi="Kampung Literasi",
            Tanggal_Pengembangan="05-07-2023",
            Video="Tidak Ada",
            Jenis="Teknologi",
        ),
    ]
    return buku(JUDUL, [b | {"Pemda": "Kota Banjarbaru"} for b in baris])


def _keputusan(path: Path) -> list[tuple]:
    db = Database(path, read_only=True)
    try:
        return db.query("cocok_keputusan", {"kode_wilayah": WILAYAH}).drop(columns="waktu").values.tolist()
    finally:
        db.close()


def test_a_second_import_of_the_same_file_keeps_every_id_status_and_decision(salinan_env: Path) -> None:
    isi = berkas()
    periksa, _ = _impor(salinan_env, isi)
    assert periksa.baris == 6, "the preview counts the file's rows, not the answers carried over"
    pertama = periksa.data["inovasi"]["id_inovasi"].tolist()
    assert len(set(pertama)) == 6
    # Mark one of each pair, and one more, so a swapped id would show in the statuses.
    ubah = {pertama[0]: "dikirim", pertama[3]: "ditolak", pertama[4]: "diterima"}
    status_inovasi.simpan_status(
        TAHUN_P, WILAYAH, pd.DataFrame({"id_inovasi": list(ubah), "status_inovasi": list(ubah.values())}), "uji"
    )
    sebelum = _tahun(salinan_env).loc[pertama]
    keputusan = _keputusan(salinan_env)

    lagi = _periksa(salinan_env, isi)
    assert lagi.sah and lagi.ragu.empty
    assert lagi.data["inovasi"]["id_inovasi"].tolist() == pertama
    db = Database(salinan_env, read_only=True)
    try:
        ringkas = impor.preview(db, lagi).ringkasan.iloc[0]
    finally:
        db.close()
    assert (ringkas["inovasi_baru"], ringkas["inovasi_berubah"], ringkas["inovasi_dihapus"]) == (0, 0, 0)
    _impor(salinan_env, isi)
    sesudah = _tahun(salinan_env).loc[pertama]
    assert sesudah["status_inovasi"].tolist() == sebelum["status_inovasi"].tolist()
    assert [sesudah.at[i, "status_inovasi"] for i in ubah] == list(ubah.values())
    assert sesudah["kembar_dengan"].tolist() == sebelum["kembar_dengan"].tolist()
    assert sesudah["kematangan"].tolist() == [85.0, 85.0, 85.0, 0.0, 0.0, 85.0]
    assert _keputusan(salinan_env) == keputusan


def test_a_teknologi_innovation_survives_the_template_export_and_reimport(salinan_env: Path) -> None:
    periksa, _ = _impor(salinan_env, berkas())
    id_teknologi = periksa.data["inovasi"]["id_inovasi"].iat[5]
    assert _tahun(salinan_env).at[id_teknologi, "jenis"] == "teknologi"
    db = Database(salinan_env, read_only=True)
    try:
        templat = impor.ekspor(db, TAHUN_P, [WILAYAH])
        kembali = impor.check_import(db, templat, TAHUN_P, "ekspor.xlsx")
    finally:
        db.close()
    assert kembali.format == "templat" and kembali.masalah == [], kembali.masalah
    jenis = kembali.data["inovasi"].set_index("id_inovasi")["jenis"]
    assert jenis[id_teknologi] == "teknologi"
    impor.simpan(kembali, "uji", kembali.sha256)
    assert _tahun(salinan_env).at[id_teknologi, "jenis"] == "teknologi"


def test_an_older_export_goes_in_and_next_years_list_matches_it(salinan_env: Path) -> None:
    """A Brida's archive: the ≈2023 12-column download for 2023, then the 2025-layout list for 2024."""
    lama_baris = [
        lama(Judul_Inovasi="SIPANDU (Sistem Pelayanan Terpadu)", Admin_OPD="DINAS KESEHATAN (dinkes.bjb)"),
        lama(Judul_Inovasi="Kampung  Literasi", Admin_OPD="DINAS PERPUSTAKAAN (dispusip.bjb)", Youtube="Tidak Ada"),
        lama(Judul_Inovasi="Bank Sampah Digital", Admin_OPD="DINAS LINGKUNGAN HIDUP (dlh.bjb)"),
    ]
    arsip = buku(JUDUL_LAMA[::-1], [b | {"Pemda": "Kota Banjarbaru"} for b in lama_baris], lembar="Worksheet")
    periksa, _ = _impor(salinan_env, arsip, tahun=2023)
    assert periksa.format == "portal" and periksa.baris == 3
    id_2023 = periksa.data["inovasi"]["id_inovasi"].tolist()
    simpan = _tahun(salinan_env, 2023).loc[id_2023]
    assert simpan["tanggal_uji_coba"].tolist() == [pd.Timestamp("2021-02-01")] * 3
    assert simpan["ada_video"].tolist() == [True, False, True]

    kini = [
        sel(Judul_Inovasi="SIPANDU", Admin_OPD="DINAS KESEHATAN (dinkes.bjb)"),  # the acronym alone
        sel(No="2", Judul_Inovasi="Kampung Literasi", Admin_OPD="DINAS PERPUSTAKAAN (dispusip.bjb)"),
        sel(No="3", Judul_Inovasi="Posyandu Keliling", Admin_OPD="DINAS KESEHATAN (dinkes.bjb)"),
    ]
    periksa, _ = _impor(salinan_env, buku(JUDUL, [b | {"Pemda": "Kota Banjarbaru"} for b in kini]), tahun=2024)
    id_2024 = periksa.data["inovasi"]["id_inovasi"].tolist()
    assert id_2024[:2] == id_2023[:2] and id_2024[2] not in id_2023
