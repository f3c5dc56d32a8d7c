"""The national portal's export through the whole import (issue 18 §1, §2, §5, §6): recognised without choosing a
format, matched to the pemda's innovations (kept ids, new ids, uncertain pairs and the user's decisions), importing
the same file twice changes nothing, undo, operator rights, the archive, SIGKILL safety and the status commands.
Files are written by dasbor.demo.portal_tulis with the quirks of a real export, from the demo's Kota Banjarbaru."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dasbor.db.connection import Database
from dasbor.demo.portal_tulis import beri_keanehan, tulis_portal
from dasbor.services import impor, status_inovasi
from tests.impor.bantu import WILAYAH, Keluaran, dasbor, isi_data, isi_db

ROOT = Path(__file__).resolve().parents[2]
PEMDA = "Kota  Banjarbaru"  # as the portal may write it: another spacing
TAHUN_P = 2023


def _lama(db_path: Path, tahun: int) -> pd.DataFrame:
    db = Database(db_path, read_only=True)
    try:
        return db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": WILAYAH, "tahun": tahun})
    finally:
        db.close()


def _baris(lama: pd.DataFrame) -> pd.DataFrame:
    """The innovations as the writer takes them, with a kematangan the demo lacks."""
    return lama.assign(kematangan=[float(10 + 3 * i) for i in range(len(lama))])


def _periksa(path: Path, isi: bytes, tahun: int = TAHUN_P, **kw: object) -> impor.Pemeriksaan:
    db = Database(path, read_only=True)
    try:
        return impor.check_import(db, isi, tahun, "daftar-inovasi.xlsx", **kw)
    finally:
        db.close()


def _impor(path: Path, isi: bytes, tahun: int = TAHUN_P, **kw: object) -> tuple[impor.Pemeriksaan, int]:
    periksa = _periksa(path, isi, tahun, **kw)
    assert periksa.sah, [str(m) for m in periksa.masalah]
    return periksa, impor.simpan(periksa, "uji", periksa.sha256)


def _tahun(path: Path, tahun: int = TAHUN_P) -> pd.DataFrame:
    return _lama(path, tahun).set_index("id_inovasi")


def _kueri(path: Path, teks: str) -> list[tuple]:
    db = Database(path, read_only=True)
    try:
        with db.cursor() as cur:
            return cur.execute(teks).fetchall()
    finally:
        db.close()


@pytest.fixture
def berkas_portal(salinan_env: Path) -> bytes:
    """Kota Banjarbaru's own 2023 list as a portal export with every quirk (duplicate titles included)."""
    return tulis_portal(beri_keanehan(_baris(_lama(salinan_env, TAHUN_P)), seed=7), PEMDA)


def test_a_reimport_keeps_ids_answers_status_and_spd_and_archives_the_file(
    salinan_env: Path, berkas_portal: bytes
) -> None:
    sebelum = _tahun(salinan_env)
    sid_sebelum = _kueri(salinan_env, f"SELECT * FROM jawaban_sid WHERE tahun = {TAHUN_P} ORDER BY ALL")
    spd_sebelum = _kueri(salinan_env, f"SELECT * FROM jawaban_spd WHERE tahun = {TAHUN_P} ORDER BY ALL")
    lain_tahun = _kueri(salinan_env, f"SELECT * FROM inovasi WHERE tahun <> {TAHUN_P} ORDER BY ALL")
    periksa, id_impor = _impor(salinan_env, berkas_portal)
    assert periksa.format == "portal" and periksa.wilayah == [WILAYAH]
    sesudah = _tahun(salinan_env)
    kembar = sesudah[sesudah.index.str.contains("-p")]
    assert set(sesudah.index) == set(sebelum.index) | set(kembar.index), "every existing innovation is recognised"
    assert len(kembar) >= 1 and (kembar["status_inovasi"] == "draft").all()
    assert kembar["kembar_dengan"].isin(sebelum.index).all(), "a duplicate title points at its twin"
    tetap = sesudah.loc[sebelum.index]
    assert tetap["status_inovasi"].tolist() == sebelum["status_inovasi"].tolist()
    assert (sesudah["sumber"] == "portal").all() and tetap["kematangan"].notna().all()
    assert _kueri(salinan_env, f"SELECT * FROM jawaban_sid WHERE tahun = {TAHUN_P} ORDER BY ALL") == sid_sebelum
    assert _kueri(salinan_env, f"SELECT * FROM jawaban_spd WHERE tahun = {TAHUN_P} ORDER BY ALL") == spd_sebelum
    assert _kueri(salinan_env, f"SELECT * FROM inovasi WHERE tahun <> {TAHUN_P} ORDER BY ALL") == lain_tahun
    db = Database(salinan_env, read_only=True)
    try:
        arsip = impor.berkas_impor(db, id_impor)
    finally:
        db.close()
    # The archive keeps the read cells, re-written (tests/impor/test_arsip.py): it re-imports to the same rows.
    assert arsip["format"] == "portal" and _periksa(salinan_env, bytes(arsip["isi"])).data.keys() == periksa.data.keys()


def test_importing_the_same_file_again_changes_nothing_and_undo_restores(
    salinan_env: Path, berkas_portal: bytes
) -> None:
    awal = isi_data(salinan_env)
    _impor(salinan_env, berkas_portal)
    sekali = isi_data(salinan_env)
    periksa, _ = _impor(salinan_env, berkas_portal)
    assert isi_data(salinan_env) == sekali
    db = Database(salinan_env, read_only=True)
    try:
        ringkas = impor.preview(db, _periksa(salinan_env, berkas_portal)).ringkasan.iloc[0]
    finally:
        db.close()
    assert (ringkas["inovasi_baru"], ringkas["inovasi_berubah"], ringkas["inovasi_dihapus"]) == (0, 0, 0)
    assert periksa.ragu.empty
    assert impor.batalkan("uji") == 2 and isi_data(salinan_env) == sekali
    assert impor.batalkan("uji") == 1 and isi_data(salinan_env) == awal


def _kasus(lama: pd.DataFrame) -> pd.DataFrame:
    """A next-year list built to exercise each matching case against last year's innovations."""
    a, b, c, d, e = (lama.iloc[i].to_dict() for i in range(5))
    akronim = c["nama_inovasi"].split(" (")[0]
    baris = [
        {**a, "nama_inovasi": a["nama_inovasi"].lower() + "."},  # same title: case and punctuation
        {**c, "nama_inovasi": akronim},  # the acronym alone
        {**d, "nama_inovasi": d["nama_inovasi"].replace(")", " Terpadu)")},  # edited title: uncertain
        {**e, "nama_perangkat_daerah": "Dinas Komunikasi dan Informatika"},  # another OPD: uncertain
        {**b, "nama_inovasi": "SI BARU (Inovasi Baru Sama Sekali)", "nama_perangkat_daerah": "Dinas Sosial"},
        {**b, "nama_inovasi": "SI BARU (Inovasi Baru Sama Sekali)", "nama_perangkat_daerah": "Dinas Kesehatan"},
    ]
    return _baris(pd.DataFrame(baris))


def test_matching_cases_decisions_and_what_leaves_the_list(salinan_env: Path) -> None:
    lama = _lama(salinan_env, 2022)
    baris = _kasus(lama)
    isi = tulis_portal(baris, PEMDA)
    lain_tahun = _kueri(salinan_env, f"SELECT * FROM inovasi WHERE tahun <> {TAHUN_P} ORDER BY ALL")
    periksa = _periksa(salinan_env, isi)
    assert periksa.sah, periksa.masalah
    ids = periksa.data["inovasi"]["id_inovasi"].tolist()
    assert ids[0] == lama["id_inovasi"].iat[0] and ids[1] == lama["id_inovasi"].iat[2]
    assert all("-p" in i for i in ids[2:]), "uncertain and new rows come in as new innovations"
    ragu = periksa.ragu
    assert {lama["id_inovasi"].iat[3], lama["id_inovasi"].iat[4]} <= set(ragu["id_inovasi"])
    assert ragu["beda"].str.len().gt(0).all()
    kembar = periksa.data["inovasi"]["kembar_dengan"].tolist()
    assert kembar[4:] == [ids[5], ids[4]] and all(pd.isna(k) for k in kembar[:4])
    db = Database(salinan_env, read_only=True)
    try:
        rincian = impor.preview(db, periksa).rincian
    finally:
        db.close()
    keluar = set(rincian.loc[rincian["perubahan"] == "dihapus", "id_inovasi"])
    assert keluar == set(_lama(salinan_env, TAHUN_P)["id_inovasi"]) - set(ids)

    edit = ragu[ragu["id_inovasi"] == lama["id_inovasi"].iat[3]].iloc[0]
    keputusan = pd.DataFrame(
        {"kunci_baris": [edit["kunci_baris"]], "id_inovasi": [edit["id_inovasi"]], "keputusan": ["sama"]}
    )
    periksa, _ = _impor(salinan_env, isi, keputusan=keputusan)
    assert periksa.data["inovasi"]["id_inovasi"].iat[2] == lama["id_inovasi"].iat[3]
    assert _kueri(salinan_env, "SELECT kode_wilayah, id_inovasi, keputusan, pengguna FROM cocok_keputusan") == [
        (WILAYAH, lama["id_inovasi"].iat[3], "sama", "uji")
    ]
    assert _kueri(salinan_env, f"SELECT * FROM inovasi WHERE tahun <> {TAHUN_P} ORDER BY ALL") == lain_tahun
    # Remembered: the next check of the same file keeps the id without being told again.
    lagi = _periksa(salinan_env, isi)
    assert lagi.data["inovasi"]["id_inovasi"].iat[2] == lama["id_inovasi"].iat[3]
    assert lama["id_inovasi"].iat[3] not in set(lagi.ragu["id_inovasi"])


def test_operator_imports_only_its_own_pemda(salinan_env: Path, berkas_portal: bytes) -> None:
    lain = _periksa(salinan_env, berkas_portal, wilayah_boleh=["63.09"])
    assert not lain.sah and "di luar wilayah akun Anda (63.09)" in lain.masalah[0].pesan
    assert lain.masalah[0].kolom == "Pemda"
    sendiri = _periksa(salinan_env, berkas_portal, wilayah_boleh=[WILAYAH])
    assert sendiri.sah
    with pytest.raises(impor.ImporDitolakError):
        impor.simpan(sendiri, "op", sendiri.sha256, wilayah_boleh=["63.09"])


def test_a_bad_portal_file_is_refused_naming_row_and_column(salinan_env: Path) -> None:
    baris = _baris(_lama(salinan_env, TAHUN_P))
    baris.loc[2, "kematangan"] = 150.0
    sebelum = isi_db(salinan_env)
    periksa = _periksa(salinan_env, tulis_portal(baris, PEMDA))
    assert not periksa.sah
    assert any(m.lembar == "Data" and m.baris == 4 and m.kolom == "Kematangan" for m in periksa.masalah)
    assert isi_db(salinan_env) == sebelum


def _jalan(*args: str, db: Path) -> Keluaran:
    """The command line through main() in this process: these tests are about its output and writes; the SIGKILL
    tests below are about the process and run a real one."""
    return dasbor(db, *args)


def test_cli_prints_the_pairs_takes_a_decision_file_and_hands_the_file_back(salinan_db: Path, tmp_path: Path) -> None:
    lama = _lama(salinan_db, 2022)
    berkas = tmp_path / "daftar.xlsx"
    berkas.write_bytes(tulis_portal(_kasus(lama), PEMDA))
    ragu = tmp_path / "ragu.csv"
    hasil = _jalan("impor", str(berkas), "--tahun", str(TAHUN_P), "--periksa", "--tulis-ragu", str(ragu), db=salinan_db)
    assert hasil.returncode == 0, hasil.stderr
    assert "ekspor portal IID nasional" in hasil.stdout and "pasangan ragu" in hasil.stdout
    assert "--keputusan" in hasil.stdout and "keluar dari daftar" in hasil.stdout
    tabel = pd.read_csv(ragu, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(tabel.columns[:3]) == list(impor.KOLOM_KEPUTUSAN)
    tabel.loc[tabel["id_inovasi"] == lama["id_inovasi"].iat[3], "keputusan"] = "sama"
    tabel.to_csv(ragu, sep=";", index=False)
    hasil = _jalan("impor", str(berkas), "--tahun", str(TAHUN_P), "--keputusan", str(ragu), db=salinan_db)
    assert hasil.returncode == 0 and "Impor #1 selesai" in hasil.stdout, hasil.stderr
    assert lama["id_inovasi"].iat[3] in set(_tahun(salinan_db).index)
    keluar = tmp_path / "kembali.xlsx"
    assert _jalan("unduh-impor", "1", str(keluar), db=salinan_db).returncode == 0
    assert openpyxl.load_workbook(keluar).sheetnames == ["Data"]
    assert _jalan("unduh-impor", "9", str(keluar), db=salinan_db).returncode == 1
    salah = tmp_path / "salah.csv"
    salah.write_text("kunci_baris;id_inovasi;keputusan\nx;y;mungkin\n")
    hasil = _jalan("impor", str(berkas), "--tahun", str(TAHUN_P), "--keputusan", str(salah), db=salinan_db)
    assert hasil.returncode == 1 and "'mungkin'" in hasil.stdout


@pytest.mark.parametrize("titik", ["setelah_hapus", "setelah_commit"])
def test_sigkill_during_a_portal_commit(titik: str, salinan_db: Path, tmp_path: Path) -> None:
    berkas = tmp_path / "daftar.xlsx"
    berkas.write_bytes(tulis_portal(beri_keanehan(_baris(_lama(salinan_db, TAHUN_P)), seed=7), PEMDA))
    sebelum = isi_db(salinan_db)
    proses = subprocess.Popen(
        [sys.executable, "-m", "tests.impor.importir_jeda", titik, "impor", str(berkas), "--tahun", str(TAHUN_P)],
        cwd=ROOT,
        env={**os.environ, "DASBOR_DB": str(salinan_db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for baris in proses.stdout:
            if baris.strip() == f"JEDA {titik}":
                break
        else:
            pytest.fail(proses.stderr.read())
        proses.send_signal(signal.SIGKILL)
    finally:
        proses.wait(timeout=60)
    if titik == "setelah_commit":
        assert _kueri(salinan_db, "SELECT format FROM impor_berkas JOIN impor_arsip USING (kunci)") == [("portal",)]
        assert (_tahun(salinan_db)["sumber"] == "portal").all()
    else:
        assert isi_db(salinan_db) == sebelum


def test_status_is_set_by_admins_and_operators_of_the_pemda_only(salinan_env: Path, tmp_path: Path) -> None:
    ids = _tahun(salinan_env).index[:2].tolist()
    ubah = pd.DataFrame({"id_inovasi": ids, "status_inovasi": "dikirim"})
    sebelum = isi_db(salinan_env)
    with pytest.raises(status_inovasi.StatusDitolakError, match="di luar wilayah akun Anda"):
        status_inovasi.simpan_status(TAHUN_P, WILAYAH, ubah, "op", wilayah_boleh=["63.09"])
    with pytest.raises(status_inovasi.StatusDitolakError, match="tidak ada di daftar"):
        status_inovasi.simpan_status(TAHUN_P, WILAYAH, ubah.assign(id_inovasi=[ids[0], "tidak-ada"]), "op")
    with pytest.raises(status_inovasi.StatusDitolakError, match="Status tidak dikenal"):
        status_inovasi.simpan_status(TAHUN_P, WILAYAH, ubah.assign(status_inovasi="terkirim"), "op")
    assert isi_db(salinan_env) == sebelum
    assert status_inovasi.simpan_status(TAHUN_P, WILAYAH, ubah, "op", wilayah_boleh=[WILAYAH]) == 2
    assert _tahun(salinan_env).loc[ids, "status_inovasi"].tolist() == ["dikirim", "dikirim"]

    hasil = _jalan(
        "status", "--tahun", str(TAHUN_P), "--wilayah", WILAYAH, "--id", ids[0], "--status", "ditolak", db=salinan_env
    )
    assert hasil.returncode == 0, hasil.stderr
    csv = tmp_path / "status.csv"
    csv.write_text(f"id_inovasi,status_inovasi\n{ids[1]},diterima\n")
    assert (
        _jalan("status", "--tahun", str(TAHUN_P), "--wilayah", WILAYAH, "--berkas", str(csv), db=salinan_env).returncode
        == 0
    )
    assert _tahun(salinan_env).loc[ids, "status_inovasi"].tolist() == ["ditolak", "diterima"]
    hasil = _jalan(
        "status",
        "--tahun",
        str(TAHUN_P),
        "--wilayah",
        WILAYAH,
        "--id",
        "tidak-ada",
        "--status",
        "draft",
        db=salinan_env,
    )
    assert hasil.returncode == 1 and "tidak ada di daftar" in hasil.stderr


def test_an_unknown_perangkat_daerah_is_created_with_the_near_name_warning(salinan_env: Path) -> None:
    baris = _baris(_lama(salinan_env, TAHUN_P))
    baris.loc[0, "nama_perangkat_daerah"] = "Dinas Kesehatann"
    baris.loc[1, "nama_perangkat_daerah"] = "DINAS  KESEHATAN"  # the known one, as the portal may spell it
    periksa, _ = _impor(salinan_env, tulis_portal(baris, PEMDA))
    assert periksa.perangkat_daerah_baru["nama_perangkat_daerah"].tolist() == ["Dinas Kesehatann"]
    [mirip] = [m for m in periksa.peringatan if "mirip" in m.pesan]
    assert (mirip.baris, mirip.kolom) == (2, "Admin OPD") and "'Dinas Kesehatan'" in mirip.pesan
    baru = periksa.perangkat_daerah_baru["id_perangkat_daerah"].iat[0]
    assert _kueri(salinan_env, f"SELECT kode_wilayah FROM perangkat_daerah WHERE id_perangkat_daerah = '{baru}'") == [
        (WILAYAH,)
    ]
    assert periksa.data["inovasi"]["id_perangkat_daerah"].iat[1] != baru
