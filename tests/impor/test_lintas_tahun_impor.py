"""Innovations keep their identity through import over two years: an id comes back in the next year's file,
export followed by import changes nothing in any year, and the cross-year gaps follow what was imported."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from dasbor.services import impor
from dasbor.services.db import database, penulis
from dasbor.services.lintas_tahun import lintas_tahun_db
from tests.impor.bantu import isi_data

WILAYAH = "63.72"


def _tulis(langkah, *args) -> None:
    """As the Impor page writes: under the writer lock, published when done (database() then reads it)."""
    with penulis() as db:
        langkah(db, *args)


def test_export_then_import_changes_nothing_in_consecutive_years(salinan_env: Path) -> None:
    db = database()
    sebelum = isi_data(salinan_env)
    for tahun in (2024, 2025):
        periksa = impor.check_import(db, impor.ekspor(db, tahun, [WILAYAH]), tahun, f"ekspor-{tahun}.xlsx")
        assert periksa.masalah == []
        r = impor.preview(db, periksa).ringkasan.iloc[0]
        assert (r.inovasi_baru, r.inovasi_berubah, r.inovasi_dihapus, r.jawaban_spd_berubah) == (0, 0, 0, 0)
        _tulis(impor.commit_import, periksa, "uji")
        db = database()
    assert isi_data(salinan_env) == sebelum


def _pindahkan(buku_lalu: bytes, buku_kini: bytes, id_inovasi: str, tahun: int) -> bytes:
    """This year's workbook with last year's rows of one innovation added, its year set to this year."""
    lalu = openpyxl.load_workbook(io.BytesIO(buku_lalu))
    kini = openpyxl.load_workbook(io.BytesIO(buku_kini))
    for lembar in ("inovasi", "jawaban_sid"):
        judul = [c.value for c in lalu[lembar][1]]
        for baris in lalu[lembar].iter_rows(min_row=2, values_only=True):
            if baris[0] == id_inovasi:
                isi = dict(zip(judul, baris, strict=True))
                if "tahun" in isi:
                    isi["tahun"] = tahun
                kini[lembar].append([isi[k] for k in judul])
    buf = io.BytesIO()
    kini.save(buf)
    return buf.getvalue()


def test_an_innovation_entered_again_keeps_its_id_and_moves_between_gap_kinds(salinan_env: Path) -> None:
    db = database()
    lintas = lintas_tahun_db(db, 2025)
    calon = lintas[(lintas["kode_wilayah"] == WILAYAH) & (lintas["jenis"] == "belum_diinput_ulang")]
    id_inovasi = calon.loc[calon["status_kini"].isna(), "id_inovasi"].iat[0]
    tahun_2024 = db.query("inovasi_tahun", {"tahun": 2024})
    assert id_inovasi in set(tahun_2024["id_inovasi"])

    berkas = _pindahkan(impor.ekspor(db, 2024, [WILAYAH]), impor.ekspor(db, 2025, [WILAYAH]), id_inovasi, 2025)
    periksa = impor.check_import(db, berkas, 2025, "2025-dengan-inovasi-lama.xlsx")
    assert periksa.masalah == [], "id yang sama pada tahun berikutnya diterima"
    rincian = impor.preview(db, periksa).rincian.set_index("id_inovasi")
    assert rincian.at[id_inovasi, "perubahan"] == "baru"
    sebelum_2024 = db.query("jawaban_sid_riwayat", {"id_inovasi": id_inovasi})
    _tulis(impor.commit_import, periksa, "uji")
    db = database()

    riwayat = db.query("inovasi_riwayat", {"id_inovasi": id_inovasi})
    assert riwayat["tahun"].tolist()[-2:] == [2024, 2025]
    jawaban = db.query("jawaban_sid_riwayat", {"id_inovasi": id_inovasi})
    assert jawaban[jawaban["tahun"] == 2024].reset_index(drop=True).equals(sebelum_2024.reset_index(drop=True))
    kolom = ["kode_indikator", "level_klaim", "status_bukti"]
    assert (
        jawaban.loc[jawaban["tahun"] == 2025, kolom]
        .reset_index(drop=True)
        .equals(jawaban.loc[jawaban["tahun"] == 2024, kolom].reset_index(drop=True))
    )
    # Re-entered with the very same answers: no longer missing, now "entered again but not updated".
    sesudah = lintas_tahun_db(db, 2025).set_index("id_inovasi")
    assert sesudah.at[id_inovasi, "jenis"] == "belum_diperbarui"
    # Undo takes the 2025 submission away again and leaves 2024 as it was.
    _tulis(impor.undo_last_import, "uji")
    db = database()
    assert db.query("inovasi_riwayat", {"id_inovasi": id_inovasi})["tahun"].max() == 2024
    assert lintas_tahun_db(db, 2025).set_index("id_inovasi").at[id_inovasi, "jenis"] == "belum_diinput_ulang"
