"""SPD entered by hand (issue 23 §2) on a pemda without SPD (as a portal import leaves it): by the CLI, by the
template's jawaban_spd sheet alone, and by the service the SPD page uses; each one an import of its own kind that
is previewed, logged, archived, undone and published like one, changes nothing but the SPD, and makes the IID
whole. Bad entries are refused with the row and column named, and nothing written."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dasbor.__main__ import main
from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.services import impor, skor
from dasbor.services.impor.spd import lembar_spd, periksa_spd
from tests.conftest import bersihkan_cache
from tests.impor.bantu import isi_db

TAHUN = 2025
KODE = "63.01"


def _kueri(path: Path, teks: str) -> list[tuple]:
    db = Database(path, read_only=True)
    try:
        with db.cursor() as cur:
            return cur.execute(teks).fetchall()
    finally:
        db.close()


def _inovasi(path: Path) -> list[tuple]:
    """The pemda-year's innovations and SID answers, provenance included: an SPD entry must not touch them."""
    return _kueri(
        path,
        f"SELECT * FROM inovasi WHERE tahun = {TAHUN} AND kode_wilayah = '{KODE}' ORDER BY ALL",
    ) + _kueri(
        path,
        f"SELECT j.* FROM jawaban_sid j JOIN inovasi i USING (id_inovasi, tahun) WHERE i.tahun = {TAHUN} "
        f"AND i.kode_wilayah = '{KODE}' ORDER BY ALL",
    )


@pytest.fixture
def tanpa_spd(salinan_env: Path) -> Path:
    with terbitan.penulis(salinan_env, paksa=True) as db, db.transaction() as cur:
        cur.execute("DELETE FROM jawaban_spd WHERE tahun = $t AND kode_wilayah = $w", {"t": TAHUN, "w": KODE})
    bersihkan_cache()
    return salinan_env


def _skor() -> pd.Series:
    bersihkan_cache()
    return skor.skor_tahun(TAHUN).set_index("kode_wilayah").loc[KODE]


def test_cli_entry_makes_the_iid_whole_and_undo_takes_it_back(tanpa_spd: Path, tmp_path: Path, capsys) -> None:
    sebelum = _skor()
    assert not sebelum["ada_spd"] and pd.isna(sebelum["iid"])
    inovasi = _inovasi(tanpa_spd)
    argv = ["spd", "--tahun", str(TAHUN), "--wilayah", KODE, "--indikator", "1", "2a", "--level", "3", "2"]
    assert main([*argv, "--bukti", "ya", "tidak", "--pengguna", "uji"]) == 0
    keluar = capsys.readouterr().out
    assert "2 jawaban SPD berubah" in keluar and "IID – →" in keluar and "dapat dibatalkan" in keluar
    sesudah = _skor()
    m = skor.metodologi_tahun(terbitan.kini().db, TAHUN)
    # Indicator 1 (bobot 1) at level 3 with its evidence in hand; 2a's evidence is not, so it counts 0 verified.
    bobot = {i.kode: i.bobot for i in m.indikator_aspek("SPD")}
    assert sesudah["ada_spd"] and sesudah["skor_spd"] == pytest.approx(bobot["1"] * 3)
    assert sesudah["iid_mentah"] == pytest.approx((bobot["1"] * 3 + sesudah["skor_sid"]) / m.maks_total * 100)
    assert sesudah["skor_sid"] == pytest.approx(sebelum["skor_sid"]) and pd.notna(sesudah["peringkat"])
    assert _inovasi(tanpa_spd) == inovasi, "an SPD entry changes nothing but the SPD"
    spd = _kueri(
        tanpa_spd,
        f"SELECT kode_indikator, level_klaim, status_bukti, s.jenis, s.sintetis FROM jawaban_spd JOIN sumber_data s "
        f"USING (id_sumber_data) WHERE tahun = {TAHUN} AND kode_wilayah = '{KODE}' ORDER BY 1",
    )
    assert spd == [("1", 3, "ada", "impor", False), ("2a", 2, "kosong", "impor", False)]
    [(id_impor, nama, hasil)] = _kueri(tanpa_spd, "SELECT id_impor, nama_file, hasil FROM impor_log")
    assert hasil == "diimpor" and nama == "isian SPD (baris perintah)"
    arsip = impor.berkas_impor(terbitan.kini().db, id_impor)
    assert arsip["format"] == "spd" and bytes(arsip["isi"]).decode().startswith("kode_indikator,level,bukti_ada")
    # The archive holds a CSV: unduh-impor refuses another name, saying which, and writes nothing.
    assert impor.nama_unduhan(arsip) == "isian SPD (baris perintah).csv"
    salah = tmp_path / "spd.xlsx"
    assert main(["unduh-impor", str(id_impor), str(salah), "--pengguna", "uji"]) == 2
    pesan = capsys.readouterr().err
    assert "berakhiran .csv" in pesan and str(tmp_path / "spd.csv") in pesan and "Tidak ada yang ditulis" in pesan
    assert not salah.exists()
    assert main(["unduh-impor", str(id_impor), str(tmp_path / "spd.csv"), "--pengguna", "uji"]) == 0
    assert (tmp_path / "spd.csv").read_bytes() == bytes(arsip["isi"])

    assert main(["batalkan-impor", "--pengguna", "uji"]) == 0
    kembali = _skor()
    assert not kembali["ada_spd"] and pd.isna(kembali["iid"]) and _inovasi(tanpa_spd) == inovasi


def test_bad_entries_are_refused_with_row_and_column_and_nothing_written(tanpa_spd: Path, capsys) -> None:
    awal = isi_db(tanpa_spd)
    argv = ["spd", "--tahun", str(TAHUN), "--wilayah", KODE, "--indikator", "1", "99", "3"]
    assert main([*argv, "--level", "3", "1", "5", "--bukti", "ya", "ya", "mungkin"]) == 1
    keluar = capsys.readouterr().out
    assert "3 masalah" in keluar
    assert "baris 2, kolom (kode_indikator)" in keluar and "indikator SPD '99' tidak ada" in keluar
    assert "baris 3, kolom (level)" in keluar and "baris 3, kolom (bukti_ada)" in keluar
    assert isi_db(tanpa_spd) == awal
    # an operator of another pemda is refused by the service the page and the CLI share
    periksa = periksa_spd(
        terbitan.kini().db, TAHUN, KODE, pd.DataFrame({"kode_indikator": ["1"], "level": [1], "bukti_ada": ["ya"]}),
        "x", wilayah_boleh=["63.02"],
    )  # fmt: skip
    assert not periksa.sah and "di luar wilayah akun Anda" in periksa.masalah[0].pesan


def test_the_worksheet_is_laid_out_like_the_portal_with_the_year_level_texts(tanpa_spd: Path) -> None:
    db = terbitan.kini().db
    lembar = lembar_spd(db, TAHUN, KODE)
    m = skor.metodologi_tahun(db, TAHUN)
    assert list(lembar.columns[1:8]) == [
        "Indikator", "Keterangan", "Informasi", "Bobot", "Parameter", "Data Pendukung", "Jenis File",
    ]  # fmt: skip
    satu = m.indikator_kode("1")
    baris = lembar.set_index("kode_indikator").loc["1"]
    assert satu.level[2] in baris["Parameter"] and satu.bukti[0] in baris["Data Pendukung"]
    assert len(lembar) == len(m.indikator_aspek("SPD")) and lembar["level"].isna().all()


def test_the_template_jawaban_spd_sheet_alone_enters_spd_for_a_portal_pemda(tanpa_spd: Path) -> None:
    db = terbitan.kini().db
    wb = openpyxl.load_workbook(io.BytesIO(impor.templat(db, TAHUN)))
    ws = wb["jawaban_spd"]
    kolom = [c.value for c in ws[1]]
    for kode, level in (("1", 2), ("3", 1)):
        nilai = {
            "kode_wilayah": KODE,
            "tahun": TAHUN,
            "kode_indikator": kode,
            "level_klaim": level,
            "status_bukti": "ada",
        }
        ws.append([nilai.get(k) for k in kolom])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    inovasi = _inovasi(tanpa_spd)
    periksa = impor.check_import(db, keluaran.getvalue(), TAHUN, "spd.xlsx")
    assert periksa.sah, [str(m) for m in periksa.masalah]
    assert any("hanya jawaban SPD" in m.pesan for m in periksa.peringatan)
    r = impor.preview(db, periksa).ringkasan.iloc[0]
    assert pd.isna(r["iid_sebelum"]) and pd.notna(r["iid_sesudah"])
    impor.simpan(periksa, "uji", periksa.sha256)
    sesudah = _skor()
    assert sesudah["iid"] == r["iid_sesudah"] and sesudah["ada_spd"]
    assert _inovasi(tanpa_spd) == inovasi
