"""A corpus of malformed workbooks, each built here from a valid export: every one must be refused with a
message naming the sheet, the Excel row and the column, and must leave every table of the database unchanged."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl.workbook.workbook import Workbook

from dasbor.db.connection import Database
from dasbor.excel.skema import MAKS_BARIS, MAKS_BYTE, MAKS_TEKS_BERSAMA
from dasbor.services import impor
from tests.excel.test_portal_sel import JUDUL as JUDUL_PORTAL  # typed out as the portal writes them
from tests.impor.bantu import TAHUN, isi_db

HARI_INI = date(2026, 6, 30)


@dataclass(frozen=True)
class Kasus:
    nama: str
    ubah: Callable[[Workbook], None] | Callable[[bytes], bytes]
    lembar: str | None
    baris: int | None
    kolom: str | None  # the column letter the message must name
    pesan: str
    mentah: bool = False  # ubah works on the file's bytes instead of the workbook


def _sel(lembar: str, ref: str, nilai: object) -> Callable[[Workbook], None]:
    def ubah(wb: Workbook) -> None:
        wb[lembar][ref].value = nilai

    return ubah


def _hapus_lembar(wb: Workbook) -> None:
    del wb["jawaban_spd"]


def _ganti_nama_lembar(wb: Workbook) -> None:
    wb["inovasi"].title = "Inovasi 2021"


def _gabung_judul(wb: Workbook) -> None:
    wb["inovasi"].merge_cells("E1:F1")


def _gabung_data(wb: Workbook) -> None:
    wb["jawaban_sid"].merge_cells("D4:D6")


def _judul_ganda(wb: Workbook) -> None:
    wb["jawaban_spd"]["H1"] = "kode_indikator"


def _data_tanpa_judul(wb: Workbook) -> None:
    wb["jawaban_sid"]["H9"] = "catatan liar"


def _id_ganda(wb: Workbook) -> None:
    wb["inovasi"]["A5"].value = wb["inovasi"]["A4"].value


def _jawaban_ganda(wb: Workbook) -> None:
    ws = wb["jawaban_sid"]
    ws.append([c.value for c in ws[2]])


def _tanpa_spd(wb: Workbook) -> None:
    ws = wb["jawaban_spd"]
    ws.delete_rows(2, ws.max_row)


def _terlalu_banyak_baris(wb: Workbook) -> None:
    ws = wb["jawaban_sid"]
    ws.cell(row=MAKS_BARIS + 5, column=1, value="x")


def _rumus_sel(wb: Workbook) -> None:
    wb["jawaban_sid"]["C3"] = "=1+1"


def _bukan_zip(isi: bytes) -> bytes:
    return b"id_inovasi;tahun;kode_wilayah\n63.72-2021-0001;2021;63.72\n"


def _zip_rusak(isi: bytes) -> bytes:
    return isi[: len(isi) // 2]


def _zip_bukan_xlsx(isi: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


def _terenkripsi(isi: bytes) -> bytes:
    keluar = io.BytesIO()
    OOXMLFile(io.BytesIO(isi)).encrypt("rahasia", keluar)
    return keluar.getvalue()


def _xls_lama(isi: bytes) -> bytes:
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096


def _terlalu_besar(isi: bytes) -> bytes:
    return isi + b"\0" * (MAKS_BYTE + 1 - len(isi))


def _kosong(isi: bytes) -> bytes:
    return b""


def _xml_rusak(isi: bytes) -> bytes:
    """A valid zip whose sheet XML is garbage: only a real parse can notice."""
    masuk, keluar = zipfile.ZipFile(io.BytesIO(isi)), io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        for info in masuk.infolist():
            data = masuk.read(info)
            z.writestr(info, b"<worksheet><sheetData><row" if info.filename == "xl/worksheets/sheet2.xml" else data)
    return keluar.getvalue()


KORPUS = [
    Kasus("lembar hilang", _hapus_lembar, "jawaban_spd", None, None, "lembar 'jawaban_spd' tidak ada"),
    Kasus("lembar diganti nama", _ganti_nama_lembar, "inovasi", None, None, "Inovasi 2021"),
    Kasus("kolom diganti nama", _sel("inovasi", "E1", "Nama Inovasi"), "inovasi", 1, "E", "tidak dikenal"),
    Kasus("kolom dihapus", _sel("jawaban_sid", "C1", None), "jawaban_sid", 1, None, "kolom 'level_klaim' tidak ada"),
    Kasus("judul ganda", _judul_ganda, "jawaban_spd", 1, "H", "muncul dua kali"),
    Kasus("judul digabung", _gabung_judul, "inovasi", 1, "E", "sel judul E1:F1 digabung"),
    Kasus("sel data digabung", _gabung_data, "jawaban_sid", 4, "D", "sel D4:D6 digabung"),
    Kasus("data di kolom tanpa judul", _data_tanpa_judul, "jawaban_sid", 9, "H", "kolom tanpa judul"),
    Kasus("rumus di sel nilai", _rumus_sel, "jawaban_sid", 3, "C", "berisi rumus '=1+1'"),
    Kasus("rumus di judul", _sel("inovasi", "B1", '="tahun"'), "inovasi", 1, "B", "judul kolom berisi rumus"),
    Kasus("level teks", _sel("jawaban_sid", "C4", "2"), "jawaban_sid", 4, "C", "berisi teks '2'; harus angka"),
    Kasus("level di atas 3", _sel("jawaban_spd", "D3", 4), "jawaban_spd", 3, "D", "level 4 di luar rentang 0–3"),
    Kasus("level negatif", _sel("jawaban_sid", "E5", -1), "jawaban_sid", 5, "E", "level -1 di luar rentang"),
    Kasus("level pecahan", _sel("jawaban_sid", "C6", 1.5), "jawaban_sid", 6, "C", "harus bilangan bulat"),
    Kasus("tahun teks", _sel("inovasi", "B3", "2021"), "inovasi", 3, "B", "berisi teks '2021'"),
    Kasus("tahun lain", _sel("jawaban_spd", "B2", 2022), "jawaban_spd", 2, "B", "berbeda dengan tahun impor 2021"),
    Kasus(
        "kode wilayah asing", _sel("inovasi", "C2", "63.99"), "inovasi", 2, "C", "kode wilayah '63.99' tidak dikenal"
    ),
    Kasus("kode wilayah angka", _sel("jawaban_spd", "A4", 63.72), "jawaban_spd", 4, "A", "harus diketik sebagai teks"),
    Kasus(
        "perangkat daerah asing", _sel("inovasi", "D2", "63.72-PD99"), "inovasi", 2, "D", "'63.72-PD99' tidak dikenal"
    ),
    Kasus(
        "perangkat daerah wilayah lain", _sel("inovasi", "D3", "63.01-PD01"), "inovasi", 3, "D", "milik wilayah 63.01"
    ),
    Kasus("indikator SID asing", _sel("jawaban_sid", "B2", "36"), "jawaban_sid", 2, "B", "kode indikator SID '36'"),
    Kasus("indikator SPD di SID", _sel("jawaban_sid", "B3", "2a"), "jawaban_sid", 3, "B", "SID '2a' tidak ada"),
    Kasus("indikator SPD asing", _sel("jawaban_spd", "C5", "99z"), "jawaban_spd", 5, "C", "SPD '99z' tidak ada"),
    Kasus("id inovasi ganda", _id_ganda, "inovasi", 5, "A", "baris ganda: id_inovasi"),
    Kasus("jawaban ganda", _jawaban_ganda, "jawaban_sid", None, "B", "sudah ada di baris 2"),
    Kasus(
        "jawaban untuk inovasi asing", _sel("jawaban_sid", "A7", "X-1"), "jawaban_sid", 7, "A", "'X-1' yang tidak ada"
    ),
    Kasus("id milik wilayah lain", _sel("inovasi", "A2", "63.01-2021-0001"), "inovasi", 2, "A", "milik satu wilayah"),
    Kasus("tanggal masa depan", _sel("inovasi", "L2", datetime(2031, 1, 5)), "inovasi", 2, "L", "di masa depan"),
    Kasus(
        "tanggal sebelum 2000", _sel("inovasi", "M3", datetime(1999, 12, 31)), "inovasi", 3, "M", "sebelum tahun 2000"
    ),
    Kasus("tanggal teks", _sel("inovasi", "L4", "kemarin"), "inovasi", 4, "L", "bukan tanggal"),
    Kasus("tanggal mustahil", _sel("inovasi", "L5", "2021-02-30"), "inovasi", 5, "L", "tidak ada di kalender"),
    Kasus("nama inovasi kosong", _sel("inovasi", "E6", "   "), "inovasi", 6, "E", "wajib diisi"),
    Kasus("status kosong", _sel("jawaban_sid", "D8", None), "jawaban_sid", 8, "D", "wajib diisi"),
    Kasus(
        "status tidak dikenal", _sel("inovasi", "N2", "disetujui"), "inovasi", 2, "N", "nilai 'disetujui' tidak dikenal"
    ),
    Kasus("status bukti salah", _sel("jawaban_spd", "E2", "lengkap"), "jawaban_spd", 2, "E", "pilihan: ada, kosong"),
    Kasus("nilai logika", _sel("jawaban_sid", "C9", True), "jawaban_sid", 9, "C", "nilai logika TRUE"),
    Kasus("galat excel", _sel("inovasi", "E7", "#N/A"), "inovasi", 7, "E", "galat Excel '#N/A'"),
    Kasus("wilayah tanpa jawaban SPD", _tanpa_spd, "jawaban_spd", None, None, "tidak punya satu pun baris"),
    Kasus("terlalu banyak baris", _terlalu_banyak_baris, "jawaban_sid", None, None, "melebihi batas 50.000 baris"),
    Kasus("bukan zip", _bukan_zip, None, None, None, "bukan buku kerja Excel .xlsx", mentah=True),
    Kasus("zip terpotong", _zip_rusak, None, None, None, "rusak", mentah=True),
    Kasus("zip bukan xlsx", _zip_bukan_xlsx, None, None, None, "bukan buku kerja Excel", mentah=True),
    Kasus("terenkripsi kata sandi", _terenkripsi, None, None, None, "terproteksi kata sandi", mentah=True),
    Kasus("format xls lama", _xls_lama, None, None, None, "Excel lama (.xls)", mentah=True),
    Kasus("terlalu besar", _terlalu_besar, None, None, None, "melebihi batas 20,0 MB", mentah=True),
    Kasus("berkas kosong", _kosong, None, None, None, "berkas kosong", mentah=True),
    Kasus("xml lembar rusak", _xml_rusak, None, None, None, "rusak dan tidak dapat dibaca", mentah=True),
]


def _berkas(buku_sah: bytes, kasus: Kasus) -> bytes:
    if kasus.mentah:
        return kasus.ubah(buku_sah)
    wb = openpyxl.load_workbook(io.BytesIO(buku_sah))
    kasus.ubah(wb)
    if kasus.nama == "galat excel":
        wb["inovasi"]["E7"].data_type = "e"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_corpus_is_large_enough() -> None:
    assert len(KORPUS) >= 30 and len({k.nama for k in KORPUS}) == len(KORPUS)


def _sidik_berkas(path: Path) -> str:
    """SHA-256 over the bytes of the database file and of its write-ahead log (which appears when anything is
    committed and not yet checkpointed)."""
    h = hashlib.sha256()
    for berkas in (path, path.with_name(f"{path.name}.wal")):
        h.update(berkas.read_bytes() if berkas.exists() else b"tidak ada")
    return h.hexdigest()


@dataclass(frozen=True)
class DbKorpus:
    path: Path
    isi: str  # isi_db: every row of every table
    sidik: str  # _sidik_berkas: the file's bytes


@pytest.fixture(scope="module")
def db_korpus(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> DbKorpus:
    """One copy of the demo database for the whole corpus, with its content hash taken once: every case only
    checks a file and must write nothing, and each compares the database after it with this untouched state (a
    case that wrote would fail itself, and those after it, never pass). A copy and two full hashes per case cost
    more than the checks."""
    path = tmp_path_factory.mktemp("korpus") / "iid.duckdb"
    shutil.copy(demo_db, path)
    return DbKorpus(path, isi_db(path), _sidik_berkas(path))


def _tidak_berubah(db: DbKorpus) -> bool:
    """Every table holds what it held before the corpus. Byte-identical files hold identical tables, and reading
    13 MB costs a fraction of hashing every row in Python; only when the bytes differ (DuckDB may rewrite a file
    without changing a row) are the rows compared."""
    return _sidik_berkas(db.path) == db.sidik or isi_db(db.path) == db.isi


def test_the_unmodified_export_is_valid(db_korpus: DbKorpus, buku_sah: bytes) -> None:
    db = Database(db_korpus.path)
    try:
        assert impor.check_import(db, buku_sah, TAHUN, "sah.xlsx", HARI_INI).masalah == []
    finally:
        db.close()


@pytest.mark.parametrize("kasus", KORPUS, ids=lambda k: k.nama)
def test_malformed_workbook_is_refused_with_its_place_and_nothing_changes(
    kasus: Kasus, db_korpus: DbKorpus, buku_sah: bytes
) -> None:
    isi = _berkas(buku_sah, kasus)
    db = Database(db_korpus.path)
    try:
        periksa = impor.check_import(db, isi, TAHUN, f"{kasus.nama}.xlsx", HARI_INI)
        cocok = [m for m in periksa.masalah if kasus.pesan in m.pesan or kasus.pesan in str(m)]
        assert cocok, f"tidak ada pesan berisi {kasus.pesan!r}; yang ada: {[str(m) for m in periksa.masalah][:5]}"
        m = cocok[0]
        assert (m.lembar, m.huruf) == (kasus.lembar, kasus.kolom), str(m)
        if kasus.baris is not None:
            assert m.baris == kasus.baris, str(m)
        tempat = (
            kasus.lembar and f"lembar '{kasus.lembar}'",
            kasus.baris and f"baris {kasus.baris}",
            kasus.kolom and f"kolom {kasus.kolom}",
        )
        assert all(bagian.lower() in str(m).lower() for bagian in tempat if bagian), str(m)
        with pytest.raises(ValueError, match="bermasalah"):
            impor.commit_import(db, periksa, "uji")
    finally:
        db.close()
    assert _tidak_berubah(db_korpus), "the refused file changed the database"


# ---------------------------------------------------------------------------------------------------------------
# Resource bombs: small files whose XML asks a parser for billions of cells, thousands of sheets or millions of
# strings. Each is read in a child process under a 1 GiB address-space limit, as a worker would meet it, and must
# be refused with a message naming the sheet; the time is printed (no timed assertion: the machine is shared).

BATAS_AS = 1 << 30
LEMBAR_INOVASI = "xl/worksheets/sheet2.xml"  # the export's sheet order: petunjuk, inovasi, jawaban_sid, ...


def _ganti_bagian(isi: bytes, ubah: Callable[[dict[str, bytes]], None]) -> bytes:
    """The workbook with some zip parts changed or added by `ubah` (name -> bytes)."""
    with zipfile.ZipFile(io.BytesIO(isi)) as masuk:
        bagian = {nama: masuk.read(nama) for nama in masuk.namelist()}
    ubah(bagian)
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in bagian.items():
            z.writestr(nama, data)
    return keluar.getvalue()


def _sisip_sebelum(bagian: dict[str, bytes], nama: str, penanda: bytes, tambahan: bytes) -> None:
    assert penanda in bagian[nama], nama
    bagian[nama] = bagian[nama].replace(penanda, tambahan + penanda, 1)


def _bom_gabungan(isi: bytes) -> bytes:
    def ubah(b: dict[str, bytes]) -> None:
        teks = b[LEMBAR_INOVASI]
        b[LEMBAR_INOVASI] = teks.replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="AA1:XFD200000"/></mergeCells>', 1
        )

    return _ganti_bagian(isi, ubah)


def _bom_kolom_jauh(isi: bytes) -> bytes:
    """One value in column XFD on a row at 50 001: full mode builds 50 001 × 16 384 cells."""
    return _ganti_bagian(
        isi,
        lambda b: _sisip_sebelum(
            b, LEMBAR_INOVASI, b"</sheetData>", b'<row r="50001"><c r="XFD50001"><v>1</v></c></row>'
        ),
    )


def _bom_baris_jauh(isi: bytes) -> bytes:
    return _ganti_bagian(
        isi,
        lambda b: _sisip_sebelum(
            b, LEMBAR_INOVASI, b"</sheetData>", b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
        ),
    )


def _bom_banyak_lembar(isi: bytes) -> bytes:
    """Two thousand valid sheets, each a copy of a small one, all registered as a workbook would have them."""

    def ubah(b: dict[str, bytes]) -> None:
        lembar, relasi, jenis = [], [], []
        for i in range(2000):
            nama = f"xl/worksheets/tambahan{i}.xml"
            b[nama] = b["xl/worksheets/sheet5.xml"]
            lembar.append(f'<sheet name="L{i}" sheetId="{100 + i}" r:id="rT{i}"/>')
            relasi.append(
                f'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                f'Target="/{nama}" Id="rT{i}"/>'
            )
            jenis.append(
                f'<Override PartName="/{nama}" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            )
        b["xl/workbook.xml"] = (
            b["xl/workbook.xml"]
            .replace(
                b"</sheets>",
                "".join(lembar).encode() + b"</sheets>",
            )
            .replace(
                b"<workbook ",
                b'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
                1,
            )
        )
        _sisip_sebelum(b, "xl/_rels/workbook.xml.rels", b"</Relationships>", "".join(relasi).encode())
        _sisip_sebelum(b, "[Content_Types].xml", b"</Types>", "".join(jenis).encode())

    return _ganti_bagian(isi, ubah)


def _bom_teks_bersama(isi: bytes, n: int = 2_000_000) -> bytes:
    """Two million shared strings: 34 MB of XML in a zip of a few hundred kB (refused by the part's size); 400.000
    fit in the size limit of xl/sharedStrings.xml and are refused by their number."""
    assert n > MAKS_TEKS_BERSAMA

    def ubah(b: dict[str, bytes]) -> None:
        b["xl/sharedStrings.xml"] = (
            (
                f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">'
            ).encode()
            + b"<si><t>a</t></si>" * n
            + b"</sst>"
        )
        _sisip_sebelum(
            b,
            "xl/_rels/workbook.xml.rels",
            b"</Relationships>",
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            b'Target="sharedStrings.xml" Id="rSst"/>',
        )
        _sisip_sebelum(
            b,
            "[Content_Types].xml",
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
        )

    return _ganti_bagian(isi, ubah)


BOM = [
    Kasus("rentang gabungan raksasa", _bom_gabungan, "inovasi", 1, "AA", "sel AA1:XFD200000 digabung", mentah=True),
    Kasus("kolom XFD di baris 50.001", _bom_kolom_jauh, "inovasi", 50001, "XFD", "kolom XFD", mentah=True),
    Kasus("baris 1.048.576", _bom_baris_jauh, "inovasi", None, None, "melebihi batas 50.000 baris", mentah=True),
    Kasus("2.000 lembar", _bom_banyak_lembar, None, None, None, "lebih dari 50 lembar", mentah=True),
    Kasus(
        "dua juta teks bersama",
        _bom_teks_bersama,
        None,
        None,
        None,
        "bagian 'xl/sharedStrings.xml' berukuran 32,4 MB",
        mentah=True,
    ),
    Kasus(
        "400.000 teks bersama",
        lambda isi: _bom_teks_bersama(isi, 400_000),
        None,
        None,
        None,
        "teks berbeda",
        mentah=True,
    ),
]

_BACA_DI_ANAK = """
import json, sys, time
from datetime import date
mulai = time.perf_counter()
from dasbor.excel.berkas import baca_berkas
buku = baca_berkas(open(sys.argv[1], "rb").read(), date(2026, 6, 30))
print(json.dumps({"detik": time.perf_counter() - mulai, "frames": sorted(getattr(buku, "frames", {})),
                  "masalah": [[m.pesan, m.lembar, m.baris, m.huruf, str(m)] for m in buku.masalah]}))
"""


def _batasi_memori() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (BATAS_AS, BATAS_AS))


@pytest.mark.parametrize("kasus", BOM, ids=lambda k: k.nama)
def test_resource_bomb_is_refused_under_one_gib(kasus: Kasus, buku_sah: bytes, tmp_path: Path) -> None:
    berkas = tmp_path / "bom.xlsx"
    berkas.write_bytes(kasus.ubah(buku_sah))
    mulai = time.perf_counter()
    hasil = subprocess.run(
        [sys.executable, "-c", _BACA_DI_ANAK, str(berkas)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_batasi_memori,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    laporan = json.loads(hasil.stdout.strip().splitlines()[-1])
    print(
        f"{kasus.nama}: {berkas.stat().st_size / 1024:.0f} kB, ditolak dalam {laporan['detik']:.2f} s "
        f"(proses {time.perf_counter() - mulai:.2f} s) di bawah RLIMIT_AS 1 GiB"
    )
    assert laporan["frames"] == []
    cocok = [m for m in laporan["masalah"] if kasus.pesan in m[4]]
    assert cocok, laporan["masalah"][:5]
    pesan, lembar, baris, huruf, teks = cocok[0]
    assert (lembar, huruf) == (kasus.lembar, kasus.kolom), teks
    if kasus.baris is not None:
        assert baris == kasus.baris, teks
    if kasus.lembar:
        assert f"lembar '{kasus.lembar}'" in teks.lower()


def test_a_file_without_cell_addresses_is_measured_like_excel_counts(buku_sah: bytes) -> None:
    """Cells may omit `r`; they then follow the previous cell. A sheet written so must not escape the limits."""
    from dasbor.excel.read import check_file

    def ubah(b: dict[str, bytes]) -> None:
        baris = b"<row>" + b"<c><v>1</v></c>" * 101 + b"</row>"
        _sisip_sebelum(b, LEMBAR_INOVASI, b"</sheetData>", baris)

    masalah = check_file(_ganti_bagian(buku_sah, ubah))
    assert [(m.lembar, m.huruf) for m in masalah] == [("inovasi", "CW")], [str(m) for m in masalah]
    assert re.search(r"kolom CW, melebihi batas 100 kolom", masalah[0].pesan)


def test_a_dtd_is_refused(buku_sah: bytes) -> None:
    from dasbor.excel.read import check_file

    def ubah(b: dict[str, bytes]) -> None:
        b[LEMBAR_INOVASI] = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + b[LEMBAR_INOVASI]

    masalah = check_file(_ganti_bagian(buku_sah, ubah))
    assert [m.lembar for m in masalah] == ["inovasi"] and "DTD" in masalah[0].pesan


def _sisip_di_baris(b: dict[str, bytes], nomor: int, sisipan: bytes, setelah_sel: bool) -> None:
    """`sisipan` inside row `nomor` of the inovasi sheet: right after its start tag, or after its first cell."""
    teks = b[LEMBAR_INOVASI]
    awal = teks.index(b">", teks.index(b'<row r="%d"' % nomor)) + 1
    if setelah_sel:
        awal = teks.index(b"</c>", awal) + len(b"</c>")
    b[LEMBAR_INOVASI] = teks[:awal] + sisipan + teks[awal:]


@pytest.mark.parametrize(
    ("sisipan", "setelah_sel", "tag"),
    [
        (b"<x/>", False, "x"),
        (b"<v>1</v>", True, "v"),
        (b'<c r="Z4" q="a>b"/><f>1+1</f>', True, "f"),  # '>' inside a quoted value does not hide what follows
        (b"<!-- catatan --><x/>", True, "!--"),  # nor does a comment
    ],
    ids=["setelah awal baris", "setelah sel", "setelah sel kosong", "setelah komentar"],
)
def test_a_child_of_a_row_that_is_not_a_cell_is_refused(
    buku_sah: bytes, sisipan: bytes, setelah_sel: bool, tag: str
) -> None:
    """openpyxl takes every child of <row> as a cell; Excel writes only cells there."""
    from dasbor.excel.read import check_file

    masalah = check_file(_ganti_bagian(buku_sah, lambda b: _sisip_di_baris(b, 4, sisipan, setelah_sel)))
    assert [(m.lembar, m.baris) for m in masalah] == [("inovasi", 4)], [str(m) for m in masalah]
    assert f"elemen <{tag}> di antara sel (bagian '{LEMBAR_INOVASI}')" in masalah[0].pesan


def test_a_namespace_prefix_and_a_quoted_gt_are_no_reason_to_refuse(buku_sah: bytes) -> None:
    """Some writers prefix every tag (x:row, x:c) and Excel may keep a raw '>' in an attribute value."""
    from dasbor.excel.read import check_file

    def ubah(b: dict[str, bytes]) -> None:
        teks = re.sub(rb"<(/?)([A-Za-z])", rb"<\1x:\2", b[LEMBAR_INOVASI])
        teks = teks.replace(b' xmlns="', b' xmlns:x="', 1).replace(b'<x:row r="3"', b'<x:row q="a>b" r="3"', 1)
        b[LEMBAR_INOVASI] = teks

    isi = _ganti_bagian(buku_sah, ubah)
    assert b"<x:row" in zipfile.ZipFile(io.BytesIO(isi)).read(LEMBAR_INOVASI)
    assert check_file(isi) == []


@pytest.mark.parametrize(
    ("bagian", "ubah", "pesan"),
    [
        ("docProps/core.xml", lambda t: b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + t, "DTD"),
        ("xl/styles.xml", lambda t: b'<?xml version="1.0" encoding="ISO-8859-1"?>' + t, "encoding 'ISO-8859-1'"),
        (
            "xl/styles.xml",
            lambda t: t.replace(b"</styleSheet>", "<x>\u00e9</x>".encode("latin-1") + b"</styleSheet>"),
            "bukan UTF-8",
        ),
        (
            "xl/theme/theme1.xml",
            lambda t: t.replace(b"</a:theme>", b"<a:x/>" * 100_001 + b"</a:theme>"),
            "melebihi batas 100.000",
        ),
        (
            LEMBAR_INOVASI,
            lambda t: t.replace(b"<sheetData>", b"<cols>" + b"<col/>" * 100_001 + b"</cols><sheetData>"),
            "di luar baris-barisnya",
        ),
    ],
    ids=["DTD di docProps", "deklarasi Latin-1", "bita bukan UTF-8", "elemen tema", "elemen di luar baris"],
)
def test_every_xml_part_is_checked_and_named(
    buku_sah: bytes, bagian: str, ubah: Callable[[bytes], bytes], pesan: str
) -> None:
    from dasbor.excel.read import check_file

    def ganti(b: dict[str, bytes]) -> None:
        b[bagian] = ubah(b[bagian])

    masalah = check_file(_ganti_bagian(buku_sah, ganti))
    assert len(masalah) == 1 and pesan in masalah[0].pesan and bagian in masalah[0].pesan, [str(m) for m in masalah]


# ---------------------------------------------------------------------------------------------------------------
# Issue 24 H1: bombs in a portal export, whose elements are not cells: children of <row> that are not <c>, styles,
# rich-text runs, defined names, a sheet in UTF-16. Each is checked the way the Impor page and `impor --periksa`
# check a file (check_import) in this process, which stands for the server worker: the whole file stage runs in
# the limited child (1 GiB above what this process maps), and this process's resident memory must stay flat
# while it does (its peak, VmHWM, reset first). The time is printed, not asserted. Bombs are written into the
# zip piece by piece, so that building one costs this test a few hundred kB.

LEMBAR_PORTAL = "xl/worksheets/sheet1.xml"
MB_PARENT = 100  # growth of this process's resident memory allowed while a bomb is checked


@pytest.fixture(scope="module")
def portal_sah() -> bytes:
    """Five rows of Kota Banjarbaru as the portal writes them (literal cell text), saved by openpyxl: one sheet
    Data, styles, inline strings."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(JUDUL_PORTAL)
    for i in range(1, 6):
        ws.append(
            (
                str(i),
                f"Layanan Digital Kelurahan {i}",
                "Kota Banjarbaru",
                f"DINAS KOMUNIKASI DAN INFORMATIKA (kominfo.bjb{i})",
                "OPD",
                "Budi Santoso",
                "Inovasi pelayanan publik",
                "Digital",
                "-",
                "komunikasi dan informatika",
                "",
                "85.00",
                "Penerapan",
                "12-01-2021",
                "15-03-2020",
                "-",
                "-3.44, 114.83",
                "Tidak Ada",
                "-",
            )
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ulang(potongan: bytes, kali: int, per: int = 100_000) -> Iterator[bytes]:
    blok = potongan * per
    for _ in range(kali // per):
        yield blok
    yield potongan * (kali % per)


def _alirkan(isi: bytes, ganti: dict[str, Callable[[bytes], Iterable[bytes]]]) -> bytes:
    """The workbook with the members of `ganti` rewritten from the pieces `ganti[name](old bytes)` gives (a name
    not in the zip is added, from b""), streamed into the zip so that a member of tens of MB is never held whole."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as masuk, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        lama = {info.filename: masuk.read(info) for info in masuk.infolist() if info.filename not in ganti}
        for nama, data in lama.items():
            z.writestr(nama, data)
        for nama, potongan in ganti.items():
            with z.open(nama, "w") as f:
                for p in potongan(masuk.read(nama) if nama in masuk.NameToInfo else b""):
                    f.write(p)
    return keluar.getvalue()


def _sisip_setelah(penanda: bytes, isi: Callable[[], Iterable[bytes]]) -> Callable[[bytes], Iterator[bytes]]:
    """Pieces: the old bytes up to the end of the tag that starts with `penanda`, the inserted pieces, the rest."""

    def potongan(data: bytes) -> Iterator[bytes]:
        akhir = data.index(b">", data.index(penanda)) + 1
        yield data[:akhir]
        yield from isi()
        yield data[akhir:]

    return potongan


def _bom_anak_baris(isi: bytes) -> bytes:
    """H1 as reproduced: `<x/>` × 12.000.000 in row 3 (48 MB of sheet, a zip of about 50 kB)."""
    return _alirkan(isi, {LEMBAR_PORTAL: _sisip_setelah(b'<row r="3"', lambda: _ulang(b"<x/>", 12_000_000))})


def _bom_gaya(n: int) -> Callable[[bytes], bytes]:
    """n × `<xf/>` in the cell formats of styles.xml (two million: 10 MB; 400.000: 2 MB, inside the size limit)."""
    return lambda isi: _alirkan(isi, {"xl/styles.xml": _sisip_setelah(b"<cellXfs", lambda: _ulang(b"<xf/>", n))})


def _bom_run(n: int) -> Callable[[bytes], bytes]:
    """Shared strings (openpyxl writes none: added, as the portal's writer has them) whose second text is made of
    n rich-text runs (a million: 15 MB; 300.000: 4,5 MB)."""

    def teks(_: bytes) -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si><si>'
        yield from _ulang(b"<r><t>a</t></r>", n)
        yield b"</si></sst>"

    relasi = (
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="sharedStrings.xml" Id="rSst"/></Relationships>'
    )
    jenis = (
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    ganti = {
        "xl/sharedStrings.xml": teks,
        "xl/_rels/workbook.xml.rels": lambda d: [d.replace(b"</Relationships>", relasi)],
        "[Content_Types].xml": lambda d: [d.replace(b"</Types>", jenis)],
    }
    return lambda isi: _alirkan(isi, ganti)


def _bom_nama(n: int) -> Callable[[bytes], bytes]:
    """n defined names in the workbook part (500.000: 23 MB; 40.000: 1,8 MB)."""

    def nama() -> Iterator[bytes]:
        yield b"<definedNames>"
        for awal in range(0, n, 10_000):
            yield b"".join(
                b'<definedName name="n%d">Data!$A$1</definedName>' % i for i in range(awal, min(n, awal + 10_000))
            )
        yield b"</definedNames>"

    def potongan(data: bytes) -> Iterator[bytes]:
        akhir = data.index(b"</sheets>") + len(b"</sheets>")
        yield data[:akhir]
        yield from nama()
        yield data[akhir:]

    return lambda isi: _alirkan(isi, {"xl/workbook.xml": potongan})


def _bom_utf16(isi: bytes) -> bytes:
    """The Data sheet saved as UTF-16 (byte-order mark and declaration), with `<x/>` × 5.000.000 in row 3: 40 MB
    that no byte pattern of the scanner can see."""

    def potongan(data: bytes) -> Iterator[bytes]:
        akhir = data.index(b">", data.index(b'<row r="3"')) + 1
        yield "\ufeff<?xml version='1.0' encoding='UTF-16'?>".encode("utf-16-le")
        yield data[data.index(b"<worksheet") : akhir].decode().encode("utf-16-le")
        yield from _ulang("<x/>".encode("utf-16-le"), 5_000_000)
        yield data[akhir:].decode().encode("utf-16-le")

    return _alirkan(isi, {LEMBAR_PORTAL: potongan})


@dataclass(frozen=True)
class BomPortal:
    nama: str
    buat: Callable[[bytes], bytes]
    bagian: str  # the zip member the message must name
    pesan: str
    lembar: str | None = None
    baris: int | None = None


BOM_PORTAL = [
    BomPortal("<x/> × 12 juta di satu baris", _bom_anak_baris, LEMBAR_PORTAL, "elemen XML", "Data", 3),
    BomPortal("<xf/> × 2 juta", _bom_gaya(2_000_000), "xl/styles.xml", "berukuran 9,5 MB"),
    BomPortal("<xf/> × 400.000", _bom_gaya(400_000), "xl/styles.xml", "berisi 400.0"),
    BomPortal("rich text × 1 juta run", _bom_run(1_000_000), "xl/sharedStrings.xml", "berukuran 14,3 MB"),
    BomPortal("rich text × 300.000 run", _bom_run(300_000), "xl/sharedStrings.xml", "potongan teks berformat"),
    BomPortal("definedName × 500.000", _bom_nama(500_000), "xl/workbook.xml", "berukuran"),
    BomPortal("definedName × 40.000", _bom_nama(40_000), "xl/workbook.xml", "berisi 40.0"),
    BomPortal("lembar UTF-16", _bom_utf16, LEMBAR_PORTAL, "tidak berkode UTF-8", "Data"),
]


def _status_kb(kunci: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(b.split()[1]) for b in f if b.startswith(f"{kunci}:"))


def test_the_portal_export_under_the_bombs_is_valid(db_korpus: DbKorpus, portal_sah: bytes) -> None:
    db = Database(db_korpus.path)
    try:
        periksa = impor.check_import(db, portal_sah, TAHUN, "portal.xlsx")
    finally:
        db.close()
    assert periksa.format == "portal" and periksa.masalah == [], [str(m) for m in periksa.masalah]
    assert len(periksa.data["inovasi"]) == 5


_GARPU: list[int] = []  # one entry per fork of this process: an observer, it changes nothing
os.register_at_fork(before=lambda: _GARPU.append(1))


def test_the_file_stage_and_the_matcher_run_in_children(db_korpus: DbKorpus, portal_sah: bytes) -> None:
    """Issue 24 H1/M6: recognising, reading and matching a portal file happen in forked children (the limited ones
    of terbatas.py: the bombs below show the limits), and what comes back is data."""
    db = Database(db_korpus.path)
    try:
        sebelum = len(_GARPU)
        portal = impor.check_import(db, portal_sah, TAHUN, "portal.xlsx")
        garpu_portal = len(_GARPU) - sebelum
        sebelum = len(_GARPU)
        tolak = impor.check_import(db, b"PK\x03\x04 bukan zip", TAHUN, "rusak.xlsx")
        garpu_tolak = len(_GARPU) - sebelum
    finally:
        db.close()
    assert portal.sah and len(portal.data["inovasi"]) == 5
    assert garpu_portal == 2  # the file stage, then the matcher
    assert not tolak.sah and garpu_tolak == 1  # even a file the first byte check refuses is looked at in the child


@pytest.mark.parametrize("bom", BOM_PORTAL, ids=lambda b: b.nama)
def test_a_portal_bomb_is_refused_in_the_child_while_this_process_stays_flat(
    bom: BomPortal, db_korpus: DbKorpus, portal_sah: bytes
) -> None:
    isi = bom.buat(portal_sah)
    db = Database(db_korpus.path)
    try:
        impor.check_import(db, portal_sah, TAHUN, "hangat.xlsx")  # caches warm, as in a running worker
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current resident size
        sebelum = _status_kb("VmRSS")
        mulai = time.perf_counter()
        periksa = impor.check_import(db, isi, TAHUN, "bom.xlsx")
        detik = time.perf_counter() - mulai
        tumbuh = _status_kb("VmHWM") - sebelum
    finally:
        db.close()
    print(
        f"{bom.nama}: {len(isi) / 1024:.0f} kB, ditolak dalam {detik:.2f} s; puncak RSS proses ini "
        f"+{tumbuh / 1024:.1f} MB (dari {sebelum / 1024:.0f} MB)"
    )
    assert tumbuh < MB_PARENT * 1024, f"this process grew {tumbuh / 1024:.0f} MB while the bomb was checked"
    assert not periksa.sah and not periksa.data
    [m] = periksa.masalah
    assert f"bagian '{bom.bagian}'" in m.pesan and bom.pesan in m.pesan, str(m)
    assert (m.lembar, m.baris) == (bom.lembar, bom.baris), str(m)
    assert _tidak_berubah(db_korpus)
