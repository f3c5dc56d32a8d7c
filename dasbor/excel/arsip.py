"""What the import archive keeps of a file (issue 24 L1, M1): the cell values of the sheets a reader reads, re-written
as a plain workbook, with the portal's `Nama Inisiator` (people's names, which the reader drops) blanked.

Why a re-written workbook rather than the original bytes or the parsed rows: the original carries whatever else the
file held (19 MB of media in the issue's repro, styles, other sheets, the names), while parsed rows would have to
be turned back into a file by a writer of each format. Values read with openpyxl and written back as values are
what the reader reads again, so the archived file re-imports to the same rows in its own format (tested), and
the key of its content (SHA-256 over the values) is the same for two files that differ only in what we drop.

Runs on a file that already passed the import checks, in the limited child (jalankan_terbatas), like the readers."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from dasbor.excel.portal import JUDUL_PORTAL, LEMBAR_PORTAL
from dasbor.excel.skema import LEMBAR_ISIAN
from dasbor.excel.terbatas import jalankan_terbatas

# The portal column holding people's names: kept as a header (the file stays a portal export), blank below it.
KOLOM_NAMA = "Nama Inisiator"
assert KOLOM_NAMA in JUDUL_PORTAL


# What kind of file the archived form of each format is (ringkas): a download is named by it, whatever the import
# was called ("isian SPD (halaman)" is a CSV).
AKHIRAN_ARSIP = {"portal": ".xlsx", "templat": ".xlsx", "spd": ".csv"}


@dataclass(frozen=True)
class Ringkasan:
    format: str  # 'portal', 'templat' or 'spd', as imported
    kunci: str  # SHA-256 over the format and every kept value: equal for equal content
    isi: bytes  # the re-written workbook


def ringkas(data: bytes, format: str) -> Ringkasan:
    """The archived form of an imported file of `format` ('portal' or 'templat'), built in the limited child. An
    SPD entry ('spd') is the CSV the dasbor wrote itself from the typed levels (services.impor.spd): no workbook,
    no names, kept as it is."""
    if format == "spd":
        return Ringkasan(format, hashlib.sha256(b"spd\0" + data).hexdigest(), data)
    return jalankan_terbatas(_ringkas, data, format)


def _lembar(sheetnames: list[str], format: str) -> list[str]:
    if format == "portal":
        return [s for s in sheetnames if s.strip().lower() == LEMBAR_PORTAL.lower()][:1]
    return [s for s in sheetnames if s in LEMBAR_ISIAN]


def _baris(ws: Any) -> list[list[Any]]:
    ws.reset_dimensions()  # a wrong dimension record must not cut rows off (the readers do the same)
    baris = []
    for nilai in ws.iter_rows(values_only=True):
        isi = list(nilai)
        while isi and isi[-1] is None:
            isi.pop()
        baris.append(isi)
    while baris and not baris[-1]:
        baris.pop()
    return baris


def _kosongkan_nama(baris: list[list[Any]]) -> None:
    if not baris:
        return
    kolom = [i for i, v in enumerate(baris[0]) if isinstance(v, str) and v.strip().lower() == KOLOM_NAMA.lower()]
    for isi in baris[1:]:
        for i in kolom:
            if i < len(isi):
                isi[i] = None


def _ringkas(data: bytes, format: str) -> Ringkasan:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on extensions it drops: exactly what we drop too
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            lembar = [(nama, _baris(wb[nama])) for nama in _lembar(wb.sheetnames, format)]
        finally:
            wb.close()
    if format == "portal":
        for _, baris in lembar:
            _kosongkan_nama(baris)
    keluar = Workbook(write_only=True)
    for nama, baris in lembar:
        ws = keluar.create_sheet(nama)
        for isi in baris:
            ws.append([_sel(ws, v) for v in isi])
    buf = io.BytesIO()
    keluar.save(buf)
    kunci = hashlib.sha256(repr((format, lembar)).encode("utf-8")).hexdigest()
    return Ringkasan(format, kunci, buf.getvalue())


def _sel(ws: Any, nilai: Any) -> Any:
    """A text stays text: openpyxl would store a string that starts with '=' as a formula."""
    if not isinstance(nilai, str):
        return nilai
    sel = WriteOnlyCell(ws, value=nilai)
    sel.data_type = "s"
    return sel
