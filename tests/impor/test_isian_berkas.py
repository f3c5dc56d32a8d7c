"""What a file may bring besides innovations and answers, on real .xlsx files written with openpyxl: new
perangkat daerah (validated, close names warned about), and cell hygiene (length limits stated in the petunjuk
and enforced per cell; invisible characters in ids and codes cleaned with a notice that names them)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from dasbor.db.connection import Database
from dasbor.excel.read import nama_karakter
from dasbor.excel.skema import LEMBAR_ISIAN, MAKS_PANJANG, maks_panjang
from dasbor.services import impor
from tests.impor.bantu import TAHUN, WILAYAH, isi_data, isi_db

ZWSP = "\u200b"


def _buku(isi: bytes, sel: dict[tuple[str, str], object] = {}, pd_baru: list[tuple] = ()) -> bytes:  # noqa: B006
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    for (lembar, ref), nilai in sel.items():
        wb[lembar][ref].value = nilai
    for baris in pd_baru:
        wb["perangkat_daerah"].append(list(baris))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def db(salinan_db: Path):
    db = Database(salinan_db)
    yield db
    db.close()


def test_every_text_and_code_column_has_a_stated_limit(db: Database) -> None:
    for kolom in LEMBAR_ISIAN.values():
        for k in kolom:
            assert (maks_panjang(k) is not None) == (k.jenis in ("teks", "kode")), k.nama
    assert set(MAKS_PANJANG) <= {k.nama for kolom in LEMBAR_ISIAN.values() for k in kolom}
    petunjuk = openpyxl.load_workbook(io.BytesIO(impor.templat(db, 2024)))["petunjuk"]
    baris = {(r[0], r[1]): r[3] for r in petunjuk.iter_rows(values_only=True) if r[0] in LEMBAR_ISIAN}
    assert baris[("inovasi", "nama_inovasi")] == "teks, maks. 255 karakter"
    assert baris[("inovasi", "rancang_bangun")] == "teks, maks. 5.000 karakter"
    assert baris[("inovasi", "id_inovasi")] == "kode, maks. 50 karakter"
    assert ("perangkat_daerah", "nama_perangkat_daerah") in baris


def test_a_zero_width_space_in_an_id_is_one_notice_not_twenty_orphans(db: Database, buku_sah: bytes) -> None:
    berkas = _buku(buku_sah, {("inovasi", "A2"): f"63.72-2021-{ZWSP}0001", ("jawaban_spd", "A3"): "63.72\u00a0"})
    periksa = impor.check_import(db, berkas, TAHUN, "bjb.xlsx")
    assert periksa.sah, [str(m) for m in periksa.masalah]
    assert [(m.lembar, m.baris, m.kolom, m.huruf) for m in periksa.peringatan] == [
        ("inovasi", 2, "id_inovasi", "A"),
        ("jawaban_spd", 3, "kode_wilayah", "A"),
    ]
    assert "ZERO WIDTH SPACE (U+200B)" in periksa.peringatan[0].pesan
    assert "dibersihkan menjadi '63.72-2021-0001'" in periksa.peringatan[0].pesan
    assert "NO-BREAK SPACE (U+00A0)" in periksa.peringatan[1].pesan
    assert "63.72-2021-0001" in set(periksa.data["inovasi"]["id_inovasi"])


def test_a_code_of_nothing_but_invisible_characters_is_empty(db: Database, buku_sah: bytes) -> None:
    periksa = impor.check_import(db, _buku(buku_sah, {("jawaban_spd", "C2"): ZWSP + "\ufeff"}), TAHUN, "bjb.xlsx")
    assert [(m.lembar, m.baris, m.kolom, m.pesan) for m in periksa.masalah] == [
        ("jawaban_spd", 2, "kode_indikator", "wajib diisi.")
    ]
    assert "ZERO WIDTH SPACE (U+200B), ZERO WIDTH NO-BREAK SPACE (U+FEFF)" in periksa.peringatan[0].pesan


def test_invisible_characters_are_named_as_unicode_names_them() -> None:
    assert nama_karakter("\ufeff") == "ZERO WIDTH NO-BREAK SPACE (U+FEFF)"
    assert nama_karakter("\u2060") == "WORD JOINER (U+2060)"
    assert nama_karakter("\x07") == "CONTROL CHARACTER (U+0007)"


def test_text_over_its_limit_is_refused_at_its_cell(db: Database, buku_sah: bytes, salinan_db: Path) -> None:
    sebelum = isi_db(db)
    berkas = _buku(
        buku_sah, {("inovasi", "E3"): "x" * 256, ("jawaban_sid", "F2"): "c" * 2001, ("inovasi", "A4"): "9" * 51}
    )
    periksa = impor.check_import(db, berkas, TAHUN, "bjb.xlsx")
    panjang = {(m.lembar, m.baris, m.huruf, m.kolom): m.pesan for m in periksa.masalah if "melebihi batas" in m.pesan}
    assert panjang == {
        ("inovasi", 3, "E", "nama_inovasi"): "berisi 256 karakter, melebihi batas 255 karakter kolom ini; persingkat.",
        ("jawaban_sid", 2, "F", "catatan_verifikasi"): (
            "berisi 2.001 karakter, melebihi batas 2.000 karakter kolom ini; persingkat."
        ),
        ("inovasi", 4, "A", "id_inovasi"): "berisi 51 karakter, melebihi batas 50 karakter kolom ini; persingkat.",
    }
    assert isi_db(db) == sebelum


def test_new_perangkat_daerah_arrive_with_the_file_and_close_names_are_warned(
    db: Database, buku_sah: bytes, salinan_db: Path
) -> None:
    berkas = _buku(
        buku_sah,
        {("inovasi", "D2"): "63.72-PD90", ("inovasi", "D3"): "63.72-PD91"},
        [
            ("63.72-PD90", WILAYAH, "DINAS  Kesehatan.", "Dinkes 2"),
            ("63.72-PD91", WILAYAH, "Badan Riset dan Inovasi Daerah", "BRIDA"),
            ("63.72-PD92", WILAYAH, "Dinas Pertaniann", None),
            ("63.72-PD01", WILAYAH, "Dinas Kesehatan", "Dinkes"),  # an exact copy of an existing one: no change
        ],
    )
    periksa = impor.check_import(db, berkas, TAHUN, "bjb.xlsx")
    assert periksa.sah, [str(m) for m in periksa.masalah]
    assert [(m.lembar, m.baris, m.kolom) for m in periksa.peringatan] == [
        ("perangkat_daerah", 2, "nama_perangkat_daerah"),
        ("perangkat_daerah", 4, "nama_perangkat_daerah"),
    ]
    assert "mirip yang sudah ada di wilayah 63.72: 'Dinas Kesehatan' (63.72-PD01)" in periksa.peringatan[0].pesan
    assert "'Dinas Pertanian' (63.72-PD12)" in periksa.peringatan[1].pesan
    assert periksa.perangkat_daerah_baru["id_perangkat_daerah"].tolist() == ["63.72-PD90", "63.72-PD91", "63.72-PD92"]

    impor.commit_import(db, periksa, "admin")
    tabel = db.query("perangkat_daerah").set_index("id_perangkat_daerah")
    assert tabel.at["63.72-PD91", "nama_perangkat_daerah"] == "Badan Riset dan Inovasi Daerah"
    assert tabel.at["63.72-PD92", "singkatan"] is None or tabel["singkatan"].isna()["63.72-PD92"]
    inovasi = db.query("inovasi_tahun", {"tahun": TAHUN}).set_index("id_inovasi")
    assert inovasi.at["63.72-2021-0001", "id_perangkat_daerah"] == "63.72-PD90"

    # Undo leaves the reference rows; the same file checks again without a change to them.
    impor.undo_last_import(db, "admin")
    ulang = impor.check_import(db, berkas, TAHUN, "bjb.xlsx")
    assert ulang.sah and ulang.perangkat_daerah_baru.empty


def test_perangkat_daerah_rows_that_would_clash_are_refused(db: Database, buku_sah: bytes, salinan_db: Path) -> None:
    sebelum = isi_data(db)
    berkas = _buku(
        buku_sah,
        {},
        [
            ("63.72-PD02", WILAYAH, "Dinas Pendidikan", None),  # existing id, other name
            ("63.72-PD93", WILAYAH, "Dinas Sosial", None),  # existing name, other id
            ("63.72-PD94", "63.99", "Dinas Baru", None),  # unknown region
            ("63.72-PD94", WILAYAH, "Dinas Baru Lagi", None),  # repeated id
        ],
    )
    periksa = impor.check_import(db, berkas, TAHUN, "bjb.xlsx")
    pesan = {(m.baris, m.kolom): m.pesan for m in periksa.masalah if m.lembar == "perangkat_daerah"}
    assert "sudah dipakai perangkat daerah 'Dinas Pendidikan dan Kebudayaan'" in pesan[(2, "id_perangkat_daerah")]
    assert "sudah ada di wilayah 63.72 dengan id 63.72-PD06" in pesan[(3, "nama_perangkat_daerah")]
    assert "kode wilayah '63.99' tidak dikenal" in pesan[(4, "kode_wilayah")]
    assert "sudah ada di baris 4" in pesan[(5, "id_perangkat_daerah")]
    operator = impor.check_import(
        db, _buku(buku_sah, {}, [("63.09-PD90", "63.09", "Dinas Baru", None)]), TAHUN, "x.xlsx", wilayah_boleh=[WILAYAH]
    )
    assert [(m.lembar, m.baris) for m in operator.masalah] == [("perangkat_daerah", 2)]
    assert isi_data(db) == sebelum
