"""What a workbook's own XML says about each sheet (name, extent, merged ranges, shared strings), read before
openpyxl sees the file. A 200 kB upload can declare a merged range or a used area of billions of cells, or hold
millions of elements that a parser turns into objects (every child of <row> becomes a cell, every <xf> a style);
a parser that builds an object per cell or element then exhausts memory. Here nothing becomes an object: every
XML part is checked for its encoding (UTF-8 only: the byte patterns below read UTF-8), a DTD, and the number of
elements it holds (a count of '<', done in C); the small parts (content types, workbook, relationships) are
streamed through expat, and a sheet's rows and cell addresses are scanned with compiled patterns over its bytes
(bounded by MAKS_BYTE_TERURAI, checked before), which is four times faster than an expat callback per element
(measured on the busiest year's export: 3,4 s against 0,8 s). A sheet whose cells omit their address (allowed,
never written by Excel) is read through expat instead, counting as Excel does."""

from __future__ import annotations

import posixpath
import re
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from xml.parsers import expat

from dasbor.excel.skema import (
    MAKS_BARIS,
    MAKS_BYTE_BAGIAN,
    MAKS_ELEMEN_BAGIAN,
    MAKS_ELEMEN_BARIS,
    MAKS_ELEMEN_BUKU,
    MAKS_ELEMEN_LEMBAR,
    MAKS_ELEMEN_LUAR_BARIS,
    MAKS_ELEMEN_TEKS_BERSAMA,
    MAKS_GABUNGAN,
    MAKS_KOLOM,
    MAKS_LEMBAR,
    MAKS_RUN,
    MAKS_TEKS_BERSAMA,
)

ALAMAT = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,9})")
# '<' cannot occur inside an attribute value; a raw '>' can, and then a cell tag is counted by _SEL but not by
# _SEL_ALAMAT: the counts differ and the sheet goes through expat, so no cell escapes the check.
_SEL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_SEL_ALAMAT = re.compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,9})["']""")
_GABUNGAN = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_DIMENSI = re.compile(rb"""<(?:[\w.-]+:)?dimension\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_TEKS_BERSAMA = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_RUN = re.compile(rb"<(?:[\w.-]+:)?(?:r|rPh)[\s/>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_DEKLARASI = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_NOMOR_BARIS = re.compile(rb"""\br\s*=\s*["'](\d{1,9})["']""")
_AKAR = re.compile(rb"<([\w.-]+:)?worksheet[\s/>]")


@dataclass(frozen=True)
class _PolaBaris:
    awal: re.Pattern[bytes]  # a row's start tag; group 1 is "/" for an empty row
    akhir: re.Pattern[bytes]
    bukan_sel: tuple[re.Pattern[bytes], ...]  # group 1: the tag name of a child that is not a cell


@lru_cache(maxsize=8)
def _pola_baris(awalan: bytes) -> _PolaBaris:
    """The row patterns for a sheet whose namespace prefix is `awalan` (b"" or b"x:"), each starting with a literal
    so that the scan skips to it in C; a tag with another prefix does not count as a row or a cell. Tags are
    matched up to the next '<', which cannot occur inside a tag (a '>' can, in an attribute value).
    A child of <row> that is not a cell is the tag after a cell's end, an empty cell or the row's start (past any
    text) that is neither another cell nor the row's end: Excel writes nothing else there, and openpyxl takes any
    child of a row as a cell. Three patterns scan four times faster than one alternation of them."""
    p = re.escape(awalan)
    lalu = rb"[^<]*<(?!" + p + rb"c[\s/>]|/" + p + rb"row\s*>)([^\s/>]{0,40})"
    return _PolaBaris(
        re.compile(rb"<" + p + rb"row(?:\s[^<]*?)?(/?)>"),
        re.compile(rb"</" + p + rb"row\s*>"),
        tuple(
            re.compile(awal + lalu)
            for awal in (
                rb"</" + p + rb"c\s*>",
                rb"<" + p + rb"c(?:\s[^<]*)?/>",
                rb"<" + p + rb"row(?:\s[^<]*)?(?<!/)>",
            )
        ),
    )


_POTONGAN = 1 << 16
# Relationship types are matched by their last segment: strict OOXML and transitional spell the prefix differently.
_JENIS_LEMBAR = "/worksheet"
_JENIS_TEKS_BERSAMA = "/sharedStrings"
_ISI_TEKS_BERSAMA = "spreadsheetml.sharedStrings+xml"
# The content types by which openpyxl finds the workbook part, in its order (reader.excel._find_workbook_part).
_ISI_BUKU = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
_BAGIAN_GAYA = "xl/styles.xml"  # openpyxl reads the styles from this name only


def kolom_ke(huruf: str) -> int:
    """Column letters to a 1-based number (A = 1, XFD = 16384)."""
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n


def huruf_kolom(n: int) -> str:
    huruf = ""
    while n > 0:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def _titik(alamat: str) -> tuple[int, int]:
    """(row, column) of a cell address such as 'XFD50001'; ValueError when it is not one."""
    cocok = ALAMAT.fullmatch(alamat.strip())
    if not cocok:
        raise ValueError(alamat)
    return int(cocok.group(2)), kolom_ke(cocok.group(1))


def rentang(ref: str) -> tuple[int, int, int, int]:
    """(min_row, min_col, max_row, max_col) of 'A1:B2' or 'A1'."""
    awal, _, akhir = ref.partition(":")
    (r1, c1), (r2, c2) = _titik(awal), _titik(akhir or awal)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


@dataclass
class Lembar:
    """One worksheet as its XML describes it. `baris`/`kolom` are the furthest cell or merged range found."""

    nama: str
    bagian: str  # the zip member holding its XML
    baris: int = 0
    kolom: int = 0
    gabungan: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Pelanggaran:
    """A limit passed, where: the caller words it into a message."""

    # lembar_banyak, teks_bersama, run_banyak, baris, baris_banyak, kolom, gabungan_luas, gabungan_banyak, dimensi,
    # dtd, xml, bukan_utf8, bagian_besar, elemen_banyak, elemen_baris, elemen_luar_baris, bukan_sel
    jenis: str
    lembar: str | None = None
    baris: int | None = None
    kolom: int | None = None
    ref: str | None = None
    nilai: int | None = None
    bagian: str | None = None  # the zip member, e.g. xl/styles.xml
    batas: int | None = None  # the limit passed, when it depends on the part


class _Berhenti(Exception):
    def __init__(self, p: Pelanggaran) -> None:
        self.p = p


def _lokal(nama: str) -> str:
    return nama.rpartition(":")[2]


def _urai(z: zipfile.ZipFile, bagian: str, mulai, lembar: str | None) -> None:  # noqa: ANN001
    """Stream one part through expat with `mulai(local_name, attrs)` as the element handler. A DTD is refused:
    OOXML has none, and entity declarations are how XML bombs grow."""
    p = expat.ParserCreate()

    def dtd(*_: object) -> None:
        raise _Berhenti(Pelanggaran("dtd", lembar, bagian=bagian))

    p.StartDoctypeDeclHandler = dtd
    p.EntityDeclHandler = dtd
    p.StartElementHandler = lambda nama, attrs: mulai(_lokal(nama), attrs)
    try:
        with z.open(bagian) as f:
            while potongan := f.read(_POTONGAN):
                p.Parse(potongan, False)
        p.Parse(b"", True)
    except (expat.ExpatError, ValueError) as exc:
        raise _Berhenti(Pelanggaran("xml", lembar, ref=f"{bagian}: {exc}")) from None


def _relasi(z: zipfile.ZipFile, folder: str, rels: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, zip member) of one .rels part; targets resolved against `folder`."""
    hasil: dict[str, tuple[str, str]] = {}

    def mulai(nama: str, a: dict[str, str]) -> None:
        if nama == "Relationship" and "Id" in a and "Target" in a:
            target = a["Target"]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
            hasil[a["Id"]] = (a.get("Type", ""), path)
            if len(hasil) > 4 * MAKS_LEMBAR + 100:
                raise _Berhenti(Pelanggaran("lembar_banyak", nilai=len(hasil)))

    if rels in z.NameToInfo:
        _urai(z, rels, mulai, None)
    return hasil


def _daftar_lembar(z: zipfile.ZipFile, buku: str) -> tuple[list[Lembar], set[str]]:
    """The worksheets the workbook part lists, and the shared-strings parts its relationships name."""
    folder, nama = posixpath.split(buku)
    rel = _relasi(z, folder, posixpath.join(folder, "_rels", f"{nama}.rels"))
    lembar: list[Lembar] = []

    def mulai(nama: str, a: dict[str, str]) -> None:
        if nama != "sheet":
            return
        rid = next((v for k, v in a.items() if _lokal(k) == "id"), None)
        jenis, bagian = rel.get(rid or "", ("", ""))
        if jenis.endswith(_JENIS_LEMBAR) and bagian in z.NameToInfo:
            lembar.append(Lembar(a.get("name", "?"), bagian))
        if len(lembar) > MAKS_LEMBAR:
            raise _Berhenti(Pelanggaran("lembar_banyak", nilai=len(lembar)))

    _urai(z, buku, mulai, None)
    return lembar, {b for j, b in rel.values() if j.endswith(_JENIS_TEKS_BERSAMA) and b in z.NameToInfo}


def _jenis_isi(z: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: extension -> content type (Default), part -> content type (Override)."""
    bawaan: dict[str, str] = {}
    khusus: dict[str, str] = {}

    def mulai(nama: str, a: dict[str, str]) -> None:
        if nama == "Default":
            bawaan[a.get("Extension", "").lower()] = a.get("ContentType", "")
        elif nama == "Override":
            khusus[a.get("PartName", "").lstrip("/")] = a.get("ContentType", "")

    _urai(z, "[Content_Types].xml", mulai, None)
    return bawaan, khusus


def _bukan_utf8(teks: bytes) -> str | None:
    """Why a part is not UTF-8, in Indonesian, or None. The patterns of this module read UTF-8 bytes: a part in
    UTF-16 would hide every tag from them while the parser reads it all."""
    if teks.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "diawali tanda urutan bita UTF-16/UTF-32"
    if b"\0" in teks:
        return "berisi bita nol, seperti teks UTF-16 atau UTF-32"
    if (m := _DEKLARASI.match(teks)) and m.group(1).lower() not in (b"utf-8", b"utf8"):
        return f"menyatakan encoding '{m.group(1).decode('ascii', 'replace')}'"
    try:
        str(teks, "utf-8")
    except UnicodeDecodeError as exc:
        return f"bita ke-{exc.start} bukan UTF-8"
    return None


def _baca_bagian(z: zipfile.ZipFile, bagian: str, lembar: str | None) -> bytes:
    """One XML part's bytes, refused unless UTF-8 and without a DTD."""
    teks = z.read(bagian)
    if alasan := _bukan_utf8(teks):
        raise _Berhenti(Pelanggaran("bukan_utf8", lembar, ref=alasan, bagian=bagian))
    if _DTD.search(teks):
        raise _Berhenti(Pelanggaran("dtd", lembar, bagian=bagian))
    return teks


def _elemen(teks: bytes, awal: int = 0, akhir: int | None = None) -> int:
    """Elements begun in teks[awal:akhir], counted in C: every '<' that does not end an element (comments and
    processing instructions count too, as an upper bound)."""
    return teks.count(b"<", awal, akhir) - teks.count(b"</", awal, akhir)


def _batas_elemen(teks: bytes, bagian: str, batas: int, lembar: str | None = None) -> None:
    if (n := _elemen(teks)) > batas:
        raise _Berhenti(Pelanggaran("elemen_banyak", lembar, nilai=n, bagian=bagian, batas=batas))


def _batas_byte(z: zipfile.ZipFile, bagian: str, jenis: str) -> None:
    """A part's size as the zip directory declares it (testzip has proved it true), before it is decompressed."""
    info = z.NameToInfo.get(bagian)
    if info is not None and info.file_size > MAKS_BYTE_BAGIAN[jenis]:
        raise _Berhenti(Pelanggaran("bagian_besar", nilai=info.file_size, bagian=bagian, batas=MAKS_BYTE_BAGIAN[jenis]))


def _bagian_xml(z: zipfile.ZipFile, bawaan: dict[str, str], khusus: dict[str, str]) -> list[str]:
    """Every member a parser may read as XML: by its name, or by the content type the package gives it. Legacy VML
    drawings (comment boxes) are not among them: openpyxl does not read them in streaming mode, and Excel does not
    always write them as well-formed UTF-8."""
    hasil = []
    for info in z.infolist():
        if info.is_dir():
            continue
        ext = info.filename.rpartition(".")[2].lower()
        jenis = khusus.get(info.filename) or bawaan.get(ext, "")
        if ext in ("xml", "rels") or "xml" in jenis.lower():
            hasil.append(info.filename)
    return hasil


def _hitung_teks_bersama(teks: bytes, bagian: str) -> None:
    """openpyxl keeps every shared string of the workbook in memory, with an object per rich-text run: their
    numbers are bounded (counted up to one past the limit, never further)."""
    if (n := sum(1 for _ in islice(_TEKS_BERSAMA.finditer(teks), MAKS_TEKS_BERSAMA + 1))) > MAKS_TEKS_BERSAMA:
        raise _Berhenti(Pelanggaran("teks_bersama", nilai=n, bagian=bagian))
    if (n := sum(1 for _ in islice(_RUN.finditer(teks), MAKS_RUN + 1))) > MAKS_RUN:
        raise _Berhenti(Pelanggaran("run_banyak", nilai=n, bagian=bagian, batas=MAKS_RUN))


def _periksa_baris(teks: bytes, lb: Lembar) -> None:
    """Every <row> of a sheet holds a bounded number of elements, and only cells as its children; the elements
    outside the rows are bounded too. openpyxl holds a row's elements until the row ends and keeps every other
    element it does not know for the whole sheet."""
    akar = _AKAR.search(teks)
    pola = _pola_baris(akar and akar.group(1) or b"")
    pos = nomor = dalam = 0
    awal_baris: list[tuple[int, int]] = []  # (offset, row number) of each row, to name the row of a stray child
    while awal := pola.awal.search(teks, pos):
        nomor = int(r.group(1)) if (r := _NOMOR_BARIS.search(awal.group(0))) else nomor + 1
        awal_baris.append((awal.start(), nomor))
        if len(awal_baris) > MAKS_BARIS + 1:
            raise _Berhenti(Pelanggaran("baris_banyak", lb.nama, bagian=lb.bagian))
        dalam += 1
        pos = awal.end()
        if awal.group(1):  # <row/>
            continue
        akhir = pola.akhir.search(teks, pos)
        if akhir is None:
            raise _Berhenti(Pelanggaran("xml", lb.nama, ref=f"{lb.bagian}: baris {nomor} tidak ditutup"))
        if (n := _elemen(teks, pos, akhir.start())) > MAKS_ELEMEN_BARIS:
            raise _Berhenti(Pelanggaran("elemen_baris", lb.nama, nomor, nilai=n, bagian=lb.bagian))
        dalam += n
        pos = akhir.end()
    if asing := [m for p in pola.bukan_sel if (m := p.search(teks))]:
        pertama = min(asing, key=lambda m: m.start())
        nomor = awal_baris[bisect_right(awal_baris, (pertama.start(), 1 << 62)) - 1][1] if awal_baris else None
        tag = pertama.group(1).decode("utf-8", "replace")
        raise _Berhenti(Pelanggaran("bukan_sel", lb.nama, nomor, ref=tag, bagian=lb.bagian))
    semua = _elemen(teks)
    if semua - dalam > MAKS_ELEMEN_LUAR_BARIS:
        raise _Berhenti(Pelanggaran("elemen_luar_baris", lb.nama, nilai=semua - dalam, bagian=lb.bagian))
    if semua > MAKS_ELEMEN_LEMBAR:
        raise _Berhenti(Pelanggaran("elemen_banyak", lb.nama, nilai=semua, bagian=lb.bagian, batas=MAKS_ELEMEN_LEMBAR))


def _periksa_lembar(z: zipfile.ZipFile, lb: Lembar) -> None:
    """Rows, furthest cell, merged ranges and declared dimension of one sheet; the first limit passed stops."""
    teks = _baca_bagian(z, lb.bagian, lb.nama)
    _periksa_baris(teks, lb)
    try:
        luas = _luas_alamat(teks)
        if luas is None:
            _periksa_lembar_expat(z, lb)
        else:
            lb.baris, lb.kolom = luas
            _batas_sel(teks, lb)
        gabungan = _GABUNGAN.findall(teks)
        if len(gabungan) > MAKS_GABUNGAN:
            raise _Berhenti(Pelanggaran("gabungan_banyak", lb.nama, nilai=len(gabungan)))
        for ref in (g.decode("ascii", "replace") for g in gabungan):
            r1, c1, r2, c2 = rentang(ref)
            if c2 > MAKS_KOLOM or r2 > MAKS_BARIS + 1:
                raise _Berhenti(Pelanggaran("gabungan_luas", lb.nama, r1, c1, ref))
            lb.gabungan.append(ref)
            lb.baris, lb.kolom = max(lb.baris, r2), max(lb.kolom, c2)
        for ref in (d.decode("ascii", "replace") for d in _DIMENSI.findall(teks)[:1]):
            r1, c1, r2, c2 = rentang(ref)
            if c2 > MAKS_KOLOM or r2 > MAKS_BARIS + 1:
                raise _Berhenti(Pelanggaran("dimensi", lb.nama, r1, c1, ref))
    except ValueError as exc:  # an address that is none
        raise _Berhenti(Pelanggaran("xml", lb.nama, ref=f"{lb.bagian}: alamat sel '{exc}'")) from None


def _luas_alamat(teks: bytes) -> tuple[int, int] | None:
    """(furthest row, furthest column) over the cell addresses, or None when some cell has no address.
    The maxima are taken over the distinct column letters and row numbers, which are few."""
    alamat = _SEL_ALAMAT.findall(teks)
    if len(alamat) != len(_SEL.findall(teks)):
        return None
    if not alamat:
        return 0, 0
    huruf = {h.upper() for h in map(itemgetter(0), alamat)}
    return max(map(int, set(map(itemgetter(1), alamat)))), max(map(kolom_ke, (h.decode() for h in huruf)))


def _batas_sel(teks: bytes, lb: Lembar) -> None:
    """Refuse the sheet when its furthest cell passes a limit, naming one such cell."""
    if lb.kolom > MAKS_KOLOM:
        huruf = huruf_kolom(lb.kolom).encode()
        cocok = re.search(rb"""\br\s*=\s*["']\$?""" + huruf + rb"""\$?(\d{1,9})["']""", teks, re.IGNORECASE)
        baris = int(cocok.group(1)) if cocok else None
        raise _Berhenti(Pelanggaran("kolom", lb.nama, baris, lb.kolom))
    if lb.baris > MAKS_BARIS + 1:
        raise _Berhenti(Pelanggaran("baris", lb.nama, lb.baris))


def _periksa_lembar_expat(z: zipfile.ZipFile, lb: Lembar) -> None:
    """The cells of a sheet whose cells may omit their address (`r`): they then follow the previous one, as
    Excel reads them. Stops at the first cell past a limit."""
    posisi = {"baris": 0, "kolom": 0}

    def mulai(nama: str, a: dict[str, str]) -> None:
        if nama == "row":
            posisi["baris"] = int(a["r"]) if a.get("r", "").isdigit() else posisi["baris"] + 1
            posisi["kolom"] = 0
        elif nama == "c":
            if "r" in a:
                posisi["baris"], posisi["kolom"] = _titik(a["r"])
            else:
                posisi["kolom"] += 1
            lb.baris, lb.kolom = max(lb.baris, posisi["baris"]), max(lb.kolom, posisi["kolom"])
            if posisi["kolom"] > MAKS_KOLOM:
                raise _Berhenti(Pelanggaran("kolom", lb.nama, posisi["baris"], posisi["kolom"]))
            if posisi["baris"] > MAKS_BARIS + 1:
                raise _Berhenti(Pelanggaran("baris", lb.nama, posisi["baris"]))

    _urai(z, lb.bagian, mulai, lb.nama)


def _bagian_buku(khusus: dict[str, str]) -> str:
    """The workbook part as openpyxl finds it: by its content type, else at its usual name."""
    for jenis in _ISI_BUKU:
        if bagian := next((b for b, j in khusus.items() if j == jenis), None):
            return bagian
    return "xl/workbook.xml"


def _periksa_semua(z: zipfile.ZipFile) -> list[Lembar]:
    """Every XML part, smallest questions first: the sizes the zip declares, then encoding, DTD and the number of
    elements of each part, then the workbook's sheets and each sheet's rows and cells."""
    _batas_elemen(_baca_bagian(z, "[Content_Types].xml", None), "[Content_Types].xml", MAKS_ELEMEN_BAGIAN)
    bawaan, khusus = _jenis_isi(z)
    buku = _bagian_buku(khusus)
    if buku not in z.NameToInfo:
        raise _Berhenti(Pelanggaran("xml", ref=f"bagian buku kerja '{buku}' tidak ada"))
    teks_bersama = {b for b, j in khusus.items() if j.endswith(_ISI_TEKS_BERSAMA) and b in z.NameToInfo}
    for bagian, jenis in ((buku, "buku"), (_BAGIAN_GAYA, "gaya"), *((b, "teks_bersama") for b in teks_bersama)):
        _batas_byte(z, bagian, jenis)
    folder, nama = posixpath.split(buku)
    relasi_buku = posixpath.join(folder, "_rels", f"{nama}.rels")
    _batas_elemen(_baca_bagian(z, buku, None), buku, MAKS_ELEMEN_BUKU)
    if relasi_buku in z.NameToInfo:
        _batas_elemen(_baca_bagian(z, relasi_buku, None), relasi_buku, MAKS_ELEMEN_BAGIAN)
    lembar, dari_relasi = _daftar_lembar(z, buku)
    for bagian in dari_relasi - teks_bersama:
        _batas_byte(z, bagian, "teks_bersama")
    teks_bersama |= dari_relasi
    selesai = {"[Content_Types].xml", buku, relasi_buku} | {lb.bagian for lb in lembar}
    for bagian in _bagian_xml(z, bawaan, khusus):
        if bagian in selesai:
            continue
        teks = _baca_bagian(z, bagian, None)
        if bagian in teks_bersama:
            _batas_elemen(teks, bagian, MAKS_ELEMEN_TEKS_BERSAMA)
            _hitung_teks_bersama(teks, bagian)
        else:
            _batas_elemen(teks, bagian, MAKS_ELEMEN_BAGIAN)
    for lb in lembar:
        _periksa_lembar(z, lb)
    return lembar


def periksa_xml(z: zipfile.ZipFile) -> tuple[list[Lembar], Pelanggaran | None]:
    """Every worksheet of an open .xlsx zip with its extent and merged ranges, or the first limit passed."""
    try:
        lembar = _periksa_semua(z)
    except _Berhenti as berhenti:
        return [], berhenti.p
    return lembar, None
