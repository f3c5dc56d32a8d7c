"""What a workbook's own XML says about each sheet (name, extent, merged ranges, shared strings), read before
openpyxl sees the file. A 200 kB upload can declare a merged range or a used area of billions of cells; a parser
that builds an object per cell then exhausts memory. Here no cell becomes an object: the small parts (workbook,
relationships) are streamed through expat, and a sheet's cell addresses are scanned with compiled patterns over
its bytes (bounded by MAKS_BYTE_TERURAI, checked before), which is four times faster than an expat callback per
element (measured on the busiest year's export: 3,4 s against 0,8 s). A sheet whose cells omit their address
(allowed, never written by Excel) is read through expat instead, counting as Excel does."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter
from xml.parsers import expat

from dasbor.excel.skema import MAKS_BARIS, MAKS_GABUNGAN, MAKS_KOLOM, MAKS_LEMBAR, MAKS_TEKS_BERSAMA

ALAMAT = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,9})")
# '<' cannot occur inside an attribute value; a raw '>' can, and then a cell tag is counted by _SEL but not by
# _SEL_ALAMAT: the counts differ and the sheet goes through expat, so no cell escapes the check.
_SEL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_SEL_ALAMAT = re.compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,9})["']""")
_GABUNGAN = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_DIMENSI = re.compile(rb"""<(?:[\w.-]+:)?dimension\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_TEKS_BERSAMA = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_POTONGAN = 1 << 16
# Relationship types are matched by their last segment: strict OOXML and transitional spell the prefix differently.
_JENIS_LEMBAR = "/worksheet"
_JENIS_TEKS_BERSAMA = "/sharedStrings"


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

    jenis: str  # lembar_banyak, teks_bersama, baris, kolom, gabungan_luas, gabungan_banyak, dimensi, dtd, xml
    lembar: str | None = None
    baris: int | None = None
    kolom: int | None = None
    ref: str | None = None
    nilai: int | None = None


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
        raise _Berhenti(Pelanggaran("dtd", lembar))

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


def _daftar_lembar(z: zipfile.ZipFile) -> list[Lembar]:
    rel = _relasi(z, "xl", "xl/_rels/workbook.xml.rels")
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

    _urai(z, "xl/workbook.xml", mulai, None)
    if any(j.endswith(_JENIS_TEKS_BERSAMA) for j, _ in rel.values()):
        _hitung_teks_bersama(z, next(b for j, b in rel.values() if j.endswith(_JENIS_TEKS_BERSAMA)))
    return lembar


def _hitung_teks_bersama(z: zipfile.ZipFile, bagian: str) -> None:
    """openpyxl keeps every shared string of the workbook in memory: their number is bounded."""
    if bagian in z.NameToInfo:
        teks = z.read(bagian)
        if _DTD.search(teks):
            raise _Berhenti(Pelanggaran("dtd"))
        if (n := len(_TEKS_BERSAMA.findall(teks))) > MAKS_TEKS_BERSAMA:
            raise _Berhenti(Pelanggaran("teks_bersama", nilai=n))


def _periksa_lembar(z: zipfile.ZipFile, lb: Lembar) -> None:
    """Furthest cell, merged ranges and declared dimension of one sheet; the first limit passed stops."""
    teks = z.read(lb.bagian)
    if _DTD.search(teks):
        raise _Berhenti(Pelanggaran("dtd", lb.nama))
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


def periksa_xml(z: zipfile.ZipFile) -> tuple[list[Lembar], Pelanggaran | None]:
    """Every worksheet of an open .xlsx zip with its extent and merged ranges, or the first limit passed."""
    try:
        lembar = _daftar_lembar(z)
        for lb in lembar:
            _periksa_lembar(z, lb)
    except _Berhenti as berhenti:
        return [], berhenti.p
    return lembar, None
