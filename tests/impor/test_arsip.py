"""The import archive (issue 24 L1, M1): it keeps the cells a reader reads, re-written as a plain workbook, with the
portal's `Nama Inisiator` blanked; that file re-imports to the same rows; one content is stored once, so two
imports of a file padded with 19 MB of media grow the database by far less than the padding; retention and quota
let the oldest files go and say so in the import's log message."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.db.migrate import migrate, migration_files
from dasbor.demo.portal_tulis import tulis_portal
from dasbor.excel.arsip import ringkas
from dasbor.services import impor
from tests.impor.bantu import TAHUN, WILAYAH

TAHUN_P = 2023


def _periksa(path: Path, isi: bytes, tahun: int, nama: str = "berkas.xlsx") -> impor.Pemeriksaan:
    db = Database(path, read_only=True)
    try:
        return impor.check_import(db, isi, tahun, nama)
    finally:
        db.close()


def _impor(path: Path, isi: bytes, tahun: int) -> int:
    periksa = _periksa(path, isi, tahun)
    assert periksa.sah, [str(m) for m in periksa.masalah][:3]
    return impor.simpan(periksa, "uji", periksa.sha256)


def _kueri(path: Path, teks: str, params: dict | None = None) -> list[tuple]:
    db = Database(path, read_only=True)
    try:
        with db.cursor() as cur:
            return cur.execute(teks, params or {}).fetchall()
    finally:
        db.close()


def _arsip(path: Path, id_impor: int) -> pd.Series | None:
    db = Database(path, read_only=True)
    try:
        return impor.berkas_impor(db, id_impor)
    finally:
        db.close()


def _sama(a: impor.Pemeriksaan, b: impor.Pemeriksaan) -> None:
    assert a.data.keys() == b.data.keys()
    for nama in a.data:
        pd.testing.assert_frame_equal(a.data[nama], b.data[nama], check_dtype=False)


@pytest.fixture
def berkas_portal(salinan_env: Path) -> bytes:
    """Kota Banjarbaru's 2023 list as a portal export, every row naming its initiator (a person)."""
    db = Database(salinan_env, read_only=True)
    try:
        lama = db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": WILAYAH, "tahun": TAHUN_P})
    finally:
        db.close()
    baris = lama.assign(
        kematangan=[float(10 + i) for i in range(len(lama))],
        nama_inisiator=[f"Budi Santoso {i}" for i in range(len(lama))],
    )
    return tulis_portal(baris, "Kota Banjarbaru")


def test_a_portal_file_is_archived_without_the_initiators_names_and_re_imports_the_same(
    salinan_env: Path, berkas_portal: bytes
) -> None:
    assert b"Budi Santoso" in _ekstrak_teks(berkas_portal)
    asli = _periksa(salinan_env, berkas_portal, TAHUN_P)
    id_impor = _impor(salinan_env, berkas_portal, TAHUN_P)
    arsip = _arsip(salinan_env, id_impor)
    isi = bytes(arsip["isi"])
    assert arsip["format"] == "portal" and b"Budi Santoso" not in _ekstrak_teks(isi)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    assert wb.sheetnames == ["Data"]
    baris = list(wb["Data"].iter_rows(values_only=True))
    kolom = baris[0].index("Nama Inisiator")
    assert len(baris) == len(asli.data["inovasi"]) + 1 and all(b[kolom] is None for b in baris[1:])
    _sama(_periksa(salinan_env, isi, TAHUN_P), asli)


def test_a_template_file_is_archived_as_its_data_sheets_and_re_imports_the_same(
    salinan_env: Path, buku_sah: bytes
) -> None:
    asli = _periksa(salinan_env, buku_sah, TAHUN)
    id_impor = _impor(salinan_env, buku_sah, TAHUN)
    isi = bytes(_arsip(salinan_env, id_impor)["isi"])
    assert set(openpyxl.load_workbook(io.BytesIO(isi)).sheetnames) <= {
        "inovasi",
        "jawaban_sid",
        "jawaban_spd",
        "perangkat_daerah",
    }
    _sama(_periksa(salinan_env, isi, TAHUN), asli)


def _ekstrak_teks(xlsx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return b"".join(z.read(n) for n in z.namelist())


def _berpadding(isi: bytes, mb: int) -> bytes:
    """The workbook with a picture of `mb` MB of random bytes (incompressible) added as a media part."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as masuk, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            z.writestr(info, masuk.read(info))
        z.writestr("xl/media/image1.png", os.urandom(mb << 20))
    return keluar.getvalue()


def _ukuran_db(path: Path) -> int:
    with terbitan.penulis(path) as db, db.cursor() as cur:
        cur.execute("CHECKPOINT")
    return path.stat().st_size


def _tumbuh_dua_impor(path: Path, isi: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("DASBOR_DB", str(path))  # impor.simpan writes the database $DASBOR_DB names
    awal = _ukuran_db(path)
    _impor(path, isi, TAHUN)
    _impor(path, isi, TAHUN)
    return _ukuran_db(path) - awal


def test_two_imports_of_a_padded_file_store_its_content_once_and_far_smaller_than_the_padding(
    salinan_env: Path, demo_db: Path, tmp_path: Path, buku_sah: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two imports of the file padded with 19 MB of media grow the database by what two imports of the same file
    without the padding grow a copy of it (the import's own rows: about 9 MB here, DuckDB's storage), plus less
    than 1 MB, where the raw archive grew it by more than the 38 MB of padding."""
    besar = _berpadding(buku_sah, 19)
    assert len(besar) > 19 << 20
    polos = tmp_path / "polos" / "iid.duckdb"
    polos.parent.mkdir()
    shutil.copy(demo_db, polos)
    tumbuh_polos = _tumbuh_dua_impor(polos, buku_sah, monkeypatch)
    tumbuh = _tumbuh_dua_impor(salinan_env, besar, monkeypatch)
    assert tumbuh - tumbuh_polos < 1 << 20, f"{tumbuh / 2**20:.1f} MB against {tumbuh_polos / 2**20:.1f} MB unpadded"
    pertama, kedua = (r[0] for r in _kueri(salinan_env, "SELECT id_impor FROM impor_log ORDER BY 1"))
    [(kunci_1,)] = _kueri(salinan_env, "SELECT kunci FROM impor_berkas WHERE id_impor = $i", {"i": pertama})
    [(kunci_2,)] = _kueri(salinan_env, "SELECT kunci FROM impor_berkas WHERE id_impor = $i", {"i": kedua})
    assert kunci_1 == kunci_2 and _kueri(salinan_env, "SELECT count(*) FROM impor_arsip") == [(1,)]
    assert b"image1" not in _ekstrak_teks(bytes(_arsip(salinan_env, kedua)["isi"]))


def _pesan(path: Path, id_impor: int) -> str:
    return _kueri(path, "SELECT pesan FROM impor_log WHERE id_impor = $i", {"i": id_impor})[0][0]


def test_retention_keeps_the_newest_archived_imports_and_says_which_it_let_go(
    salinan_env: Path, buku_sah: bytes, berkas_portal: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_ARSIP_SIMPAN", "1")
    pertama = _impor(salinan_env, buku_sah, TAHUN)
    kedua = _impor(salinan_env, berkas_portal, TAHUN_P)
    assert _arsip(salinan_env, pertama) is None and _arsip(salinan_env, kedua) is not None
    assert f"berkas impor #{pertama} dilepas" in _pesan(salinan_env, kedua)
    assert _kueri(salinan_env, "SELECT count(*) FROM impor_arsip") == [(1,)], "content no import links to is gone"


def test_a_file_larger_than_the_quota_is_not_archived_and_the_log_says_so(
    salinan_env: Path, buku_sah: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_ARSIP_KUOTA_MB", "0,001")
    id_impor = _impor(salinan_env, buku_sah, TAHUN)
    assert _arsip(salinan_env, id_impor) is None
    assert "tidak diarsipkan" in _pesan(salinan_env, id_impor) and "kuota arsip 1,0 kB" in _pesan(salinan_env, id_impor)


def test_the_quota_keeps_the_newest_files_that_fit(
    salinan_env: Path, buku_sah: bytes, berkas_portal: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    u1, u2 = len(ringkas(buku_sah, "templat").isi), len(ringkas(berkas_portal, "portal").isi)
    kuota = max(u1, u2) + 100  # either file fits alone, the two together do not
    assert kuota < u1 + u2
    monkeypatch.setenv("DASBOR_ARSIP_KUOTA_MB", f"{kuota / 2**20:.9f}")
    pertama = _impor(salinan_env, buku_sah, TAHUN)
    assert _arsip(salinan_env, pertama) is not None
    kedua = _impor(salinan_env, berkas_portal, TAHUN_P)
    assert _arsip(salinan_env, pertama) is None and _arsip(salinan_env, kedua) is not None
    assert f"berkas impor #{pertama} dilepas" in _pesan(salinan_env, kedua)


def test_migration_008_moves_files_archived_before_it_as_they_were(berkas_portal: bytes) -> None:
    con = duckdb.connect(":memory:")
    try:
        sebelum = [nama for nama, _ in migration_files() if nama < "008"]
        migrate(con, hanya=sebelum)
        for i in (1, 2):  # two imports of one file: stored once after the migration
            con.execute(
                "INSERT INTO impor_log (id_impor, pengguna, nama_file, sha256, baris, hasil) "
                "VALUES ($i, 'uji', 'a.xlsx', 'x', 1, 'sukses')",
                {"i": i},
            )
            con.execute("INSERT INTO impor_berkas VALUES ($i, 'portal', $isi)", {"i": i, "isi": berkas_portal})
        assert "008_arsip.sql" in migrate(con)
        kunci = hashlib.sha256(berkas_portal).hexdigest()
        assert con.execute("SELECT kunci, format, mentah, ukuran FROM impor_arsip").fetchall() == [
            (kunci, "portal", True, len(berkas_portal))
        ]
        assert con.execute("SELECT * FROM impor_berkas ORDER BY 1").fetchall() == [(1, kunci), (2, kunci)]
    finally:
        con.close()


def test_the_next_import_re_writes_a_raw_file_from_before_migration_008(
    salinan_env: Path, berkas_portal: bytes, buku_sah: bytes
) -> None:
    pertama = _impor(salinan_env, berkas_portal, TAHUN_P)
    mentah = hashlib.sha256(berkas_portal).hexdigest()
    with terbitan.penulis(salinan_env) as db, db.transaction() as cur:  # as migration 008 left an older archive
        cur.execute("DELETE FROM impor_berkas")
        cur.execute("DELETE FROM impor_arsip")
        cur.execute(
            "INSERT INTO impor_arsip VALUES ($k, 'portal', $isi, octet_length($isi), true)",
            {"k": mentah, "isi": berkas_portal},
        )
        cur.execute("INSERT INTO impor_berkas VALUES ($i, $k)", {"i": pertama, "k": mentah})
    assert b"Budi Santoso" in _ekstrak_teks(bytes(_arsip(salinan_env, pertama)["isi"]))
    _impor(salinan_env, buku_sah, TAHUN)
    isi = bytes(_arsip(salinan_env, pertama)["isi"])
    assert b"Budi Santoso" not in _ekstrak_teks(isi)
    assert _kueri(salinan_env, "SELECT count(*) FROM impor_arsip WHERE mentah") == [(0,)]
    _sama(_periksa(salinan_env, isi, TAHUN_P), _periksa(salinan_env, berkas_portal, TAHUN_P))


@pytest.mark.parametrize(
    ("nama_file", "format", "unduhan"),
    [
        ("isian SPD (halaman)", "spd", "isian SPD (halaman).csv"),  # the SPD page's entry: named by its label
        ("/data/spd.CSV", "spd", "spd.CSV"),
        ("spd.txt", "spd", "spd.csv"),  # another data-file suffix is replaced, not kept before .csv
        ("spd v1.2 final", "spd", "spd v1.2 final.csv"),
        ("bjb.xlsx", "templat", "bjb.xlsx"),
        ("jatim 2025.xlsx", "portal", "jatim 2025.xlsx"),
        ("ekspor.csv", "portal", "ekspor.xlsx"),
    ],
)
def test_a_download_of_the_archive_is_named_as_the_kind_of_file_it_holds(nama_file: str, format: str, unduhan: str):
    assert impor.nama_unduhan(pd.Series({"nama_file": nama_file, "format": format})) == unduhan
