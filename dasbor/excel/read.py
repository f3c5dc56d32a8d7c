"""Read an import workbook defensively: refuse what is not a plain .xlsx before parsing it, then read the data
sheets cell by cell, reporting every problem with its sheet, Excel row number and column."""

from __future__ import annotations

import io
import math
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from dasbor.excel.skema import (
    LEMBAR_DATA,
    LEMBAR_ISIAN,
    LEVEL,
    MAKS_BARIS,
    MAKS_BYTE,
    MAKS_BYTE_TERURAI,
    TAHUN_PALING_AWAL,
    Kolom,
    maks_panjang,
)

OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: legacy .xls, or an .xlsx encrypted with a password
# An encrypted OOXML file is an OLE container holding the stream "EncryptedPackage" (names are UTF-16LE).
TANDA_TERENKRIPSI = "EncryptedPackage".encode("utf-16-le")
ZIP = b"PK\x03\x04"
TANGGAL_TEKS = re.compile(r"\d{4}-\d{2}-\d{2}")
KOLOM_BARIS = "_baris"  # the Excel row number of each data row, carried along for messages


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


@dataclass(frozen=True)
class MasalahBerkas:
    """One problem found in a file. `baris` is the Excel row number as the user sees it (1 = header row)."""

    pesan: str
    lembar: str | None = None
    baris: int | None = None
    kolom: str | None = None
    huruf: str | None = None

    def lokasi(self) -> str:
        bagian = []
        if self.lembar:
            bagian.append(f"lembar '{self.lembar}'")
        if self.baris:
            bagian.append(f"baris {self.baris}")
        if self.kolom or self.huruf:
            bagian.append("kolom " + " ".join(x for x in (self.huruf, f"({self.kolom})" if self.kolom else None) if x))
        return ", ".join(bagian) if bagian else "berkas"

    def __str__(self) -> str:
        return f"{self.lokasi()[:1].upper()}{self.lokasi()[1:]}: {self.pesan}"


@dataclass
class BukuKerja:
    """The data sheets read into frames (columns as in skema plus `_baris`), every problem found, and notices
    about what was cleaned on the way (`catatan`: shown, but they do not stop an import)."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    masalah: list[MasalahBerkas] = field(default_factory=list)
    catatan: list[MasalahBerkas] = field(default_factory=list)
    huruf: dict[str, dict[str, str]] = field(default_factory=dict)  # lembar -> kolom -> column letter


def check_file(data: bytes) -> list[MasalahBerkas]:
    """Problems that make a file unreadable as .xlsx, found from its bytes without parsing any sheet."""
    if not data:
        return [MasalahBerkas("berkas kosong (0 byte).")]
    if len(data) > MAKS_BYTE:
        return [
            MasalahBerkas(
                f"berkas berukuran {_mb(len(data))} MB, melebihi batas {_mb(MAKS_BYTE)} MB. Pecah berkas per wilayah."
            )
        ]
    if data.startswith(OLE):
        if TANDA_TERENKRIPSI in data:
            return [
                MasalahBerkas(
                    "berkas terproteksi kata sandi (terenkripsi), sehingga isinya tidak dapat dibaca. Buka di Excel, "
                    "hapus kata sandinya (File › Info › Lindungi Buku Kerja › Enkripsi dengan Kata Sandi, kosongkan), "
                    "simpan, lalu unggah lagi."
                )
            ]
        return [MasalahBerkas("berkas berformat Excel lama (.xls). Buka di Excel dan simpan ulang sebagai .xlsx.")]
    if not data.startswith(ZIP):
        return [
            MasalahBerkas(
                "berkas bukan buku kerja Excel .xlsx (isinya tidak dikenali; mungkin CSV, PDF atau berkas lain yang "
                "diganti namanya). Simpan dari Excel sebagai 'Buku Kerja Excel (.xlsx)'."
            )
        ]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            bagian = z.infolist()
            nama = {b.filename for b in bagian}
            if not {"[Content_Types].xml", "xl/workbook.xml"} <= nama:
                return [
                    MasalahBerkas(
                        "berkas berupa arsip zip tetapi bukan buku kerja Excel .xlsx (mungkin .docx, .ods atau .zip). "
                        "Simpan dari Excel sebagai 'Buku Kerja Excel (.xlsx)'."
                    )
                ]
            terurai = sum(b.file_size for b in bagian)
            if terurai > MAKS_BYTE_TERURAI:
                return [
                    MasalahBerkas(
                        f"isi berkas setelah diurai {_mb(terurai)} MB, melebihi batas {_mb(MAKS_BYTE_TERURAI)} MB. "
                        "Pecah berkas per wilayah."
                    )
                ]
            rusak = z.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        return [MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibuka ({exc}). Simpan ulang dari Excel.")]
    except Exception as exc:  # zlib errors and the like from a damaged archive
        return [MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibuka ({type(exc).__name__}). Simpan ulang.")]
    if rusak:
        return [MasalahBerkas(f"berkas .xlsx rusak: bagian '{rusak}' tidak utuh. Simpan ulang dari Excel.")]
    return []


def _rumus(cell: Cell) -> str:
    teks = str(getattr(cell.value, "text", cell.value))
    return teks if len(teks) <= 40 else teks[:37] + "…"


def sel_terlarang(cell: Cell) -> str | None:
    """Why a cell's value cannot be taken, whatever its column: a formula (never evaluated: a data file carries
    values) or an Excel error value. None for an ordinary cell. Shared by the template and portal readers."""
    if cell.data_type == "f":
        return f"berisi rumus '{_rumus(cell)}'; isi dengan nilai (salin lalu Tempel Khusus › Nilai)."
    if cell.data_type == "e":
        return f"berisi galat Excel '{cell.value}'; isi dengan nilai yang benar."
    return None


def _teks_angka(nilai: int | float) -> str:
    return str(int(nilai)) if isinstance(nilai, int) or nilai.is_integer() else str(nilai)


def _ubah(nilai: Any, k: Kolom, hari_ini: date) -> tuple[Any, str | None]:
    """One cell value converted to the column's kind, or the reason it cannot be."""
    if isinstance(nilai, float) and not math.isfinite(nilai):  # `1e999` in the XML reads as inf
        return None, f"berisi angka {nilai} (tak hingga atau bukan angka, mis. 1e999); isi dengan nilai yang benar."
    if isinstance(nilai, bool):
        return None, f"berisi nilai logika {'TRUE' if nilai else 'FALSE'}; isi dengan {k.jenis}."
    if k.jenis == "teks":
        if isinstance(nilai, datetime | date):
            return None, "berisi tanggal; kolom ini berisi teks."
        return (nilai if isinstance(nilai, str) else _teks_angka(nilai)), None
    if k.jenis == "kode":
        if isinstance(nilai, str):
            return nilai.strip(), None
        if isinstance(nilai, int):
            return str(nilai), None
        if isinstance(nilai, float):
            return None, (
                f"berisi angka {nilai}; kode harus diketik sebagai teks persis seperti di lembar referensi "
                "(angka membuang nol di belakang, mis. 63.10 menjadi 63.1). Format sel sebagai Teks lalu ketik ulang."
            )
        return None, "berisi tanggal; kolom ini berisi kode (teks)."
    if k.jenis in ("tahun", "level"):
        if isinstance(nilai, str):
            return None, f"berisi teks '{nilai}'; harus angka. Ketik ulang sebagai angka (bukan teks)."
        if not isinstance(nilai, int | float) or float(nilai) != int(nilai):
            return None, f"berisi '{nilai}'; harus bilangan bulat."
        angka = int(nilai)
        if k.jenis == "level" and angka not in LEVEL:
            return None, f"level {angka} di luar rentang {LEVEL[0]}–{LEVEL[-1]}."
        if k.jenis == "tahun" and not TAHUN_PALING_AWAL <= angka <= 2100:
            return None, f"tahun {angka} tidak masuk akal; tulis empat angka, mis. 2024."
        return angka, None
    if k.jenis == "tanggal":
        if isinstance(nilai, datetime):
            nilai = nilai.date()
        elif isinstance(nilai, str) and TANGGAL_TEKS.fullmatch(nilai.strip()):
            try:
                nilai = date.fromisoformat(nilai.strip())
            except ValueError:
                return None, f"tanggal '{nilai}' tidak ada di kalender."
        elif not isinstance(nilai, date):
            return None, f"berisi '{nilai}', bukan tanggal. Isi sel bertipe tanggal (mis. 2024-03-15)."
        if nilai.year < TAHUN_PALING_AWAL:
            return None, f"tanggal {nilai.isoformat()} sebelum tahun {TAHUN_PALING_AWAL}; periksa pengetikan tahun."
        if nilai > hari_ini:
            return None, f"tanggal {nilai.isoformat()} ada di masa depan (hari ini {hari_ini.isoformat()})."
        return nilai, None
    # pilihan: matched without regard to case or surrounding spaces, stored in the canonical spelling
    if isinstance(nilai, str):
        cocok = {p.lower(): p for p in k.pilihan}.get(nilai.strip().lower())
        if cocok:
            return cocok, None
    return None, f"nilai '{nilai}' tidak dikenal; pilihan: {', '.join(k.pilihan)}."


def _tak_terlihat(ch: str) -> bool:
    """Characters a cell does not show but a comparison sees: format characters (zero-width space, BOM, joiners,
    direction marks, soft hyphen), control characters, and every space other than the plain one (NBSP…)."""
    kategori = unicodedata.category(ch)
    return kategori in ("Cf", "Cc") or (kategori == "Zs" and ch != " ")


def nama_karakter(ch: str) -> str:
    """A character as people can look it up, e.g. 'ZERO WIDTH SPACE (U+200B)'."""
    return f"{unicodedata.name(ch, 'CONTROL CHARACTER')} (U+{ord(ch):04X})"


def _bersihkan_kode(nilai: Any, k: Kolom) -> tuple[Any, str | None]:
    """A code without its invisible characters, and a notice naming them. Cleaning (rather than refusing) keeps
    one dirty id from turning into a "no such innovation" message on every answer row that uses the clean id."""
    if k.jenis != "kode" or not isinstance(nilai, str):
        return nilai, None
    asing = sorted({ch for ch in nilai if _tak_terlihat(ch)})
    if not asing:
        return nilai, None
    bersih = "".join(ch for ch in nilai if not _tak_terlihat(ch)).strip()
    return bersih, (
        f"berisi karakter tak terlihat {', '.join(nama_karakter(ch) for ch in asing)}; dibersihkan menjadi "
        f"'{bersih}'. Perbaiki juga di sumber data Anda."
    )


def _terlalu_panjang(nilai: Any, k: Kolom) -> str | None:
    maks = maks_panjang(k)
    if maks and isinstance(nilai, str) and len(nilai) > maks:
        panjang, batas = (f"{n:,}".replace(",", ".") for n in (len(nilai), maks))
        return f"berisi {panjang} karakter, melebihi batas {batas} karakter kolom ini; persingkat."
    return None


def _kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


def _judul(ws: Worksheet, lembar: str, kolom: tuple[Kolom, ...]) -> tuple[dict[str, int], list[MasalahBerkas]]:
    """Map column name -> 0-based position from header row 1; report unknown, duplicate and missing headers."""
    dikenal = {k.nama for k in kolom}
    posisi: dict[str, int] = {}
    masalah: list[MasalahBerkas] = []
    for j, cell in enumerate(next(ws.iter_rows(min_row=1, max_row=1), ())):
        if cell.data_type == "f":
            masalah.append(
                MasalahBerkas(f"judul kolom berisi rumus '{_rumus(cell)}'.", lembar, 1, None, cell.column_letter)
            )
            continue
        if _kosong(cell.value):
            continue
        nama = str(cell.value).strip()
        if nama in posisi:
            masalah.append(MasalahBerkas(f"judul kolom '{nama}' muncul dua kali.", lembar, 1, nama, cell.column_letter))
        elif nama in dikenal:
            posisi[nama] = j
        else:
            masalah.append(
                MasalahBerkas(
                    f"judul kolom '{nama}' tidak dikenal (mungkin namanya diubah?). Nama kolom yang sah: "
                    f"{', '.join(k.nama for k in kolom)}.",
                    lembar,
                    1,
                    nama,
                    cell.column_letter,
                )
            )
    masalah += [
        MasalahBerkas(
            f"kolom '{k.nama}' tidak ada di baris judul (baris 1). Jangan mengubah atau menghapus judul kolom templat.",
            lembar,
            1,
            k.nama,
        )
        for k in kolom
        if k.nama not in posisi
    ]
    return posisi, masalah


def _gabungan(ws: Worksheet, lembar: str) -> list[MasalahBerkas]:
    masalah = []
    for rentang in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        awal = rentang.coord.split(":")[0].rstrip("0123456789")
        if rentang.min_row == 1:
            pesan = (
                f"sel judul {rentang.coord} digabung (merge). Pisahkan sel agar setiap kolom punya judulnya sendiri."
            )
        else:
            pesan = f"sel {rentang.coord} digabung (merge). Pisahkan sel dan isi nilai di setiap baris."
        masalah.append(MasalahBerkas(pesan, lembar, rentang.min_row, None, awal))
    return masalah


def _read_sheet(
    ws: Worksheet, lembar: str, hari_ini: date
) -> tuple[pd.DataFrame, dict[str, str], list[MasalahBerkas], list[MasalahBerkas]]:
    kolom = LEMBAR_ISIAN[lembar]
    masalah = _gabungan(ws, lembar)
    catatan: list[MasalahBerkas] = []
    posisi, masalah_judul = _judul(ws, lembar, kolom)
    masalah += masalah_judul
    huruf = {k.nama: ws.cell(row=1, column=posisi[k.nama] + 1).column_letter for k in kolom if k.nama in posisi}
    isi: dict[str, list[Any]] = {k.nama: [] for k in kolom}
    isi[KOLOM_BARIS] = []
    for r, baris in enumerate(ws.iter_rows(min_row=2), start=2):
        if all(_kosong(c.value) for c in baris):
            continue  # blank rows between data are harmless
        isi[KOLOM_BARIS].append(r)
        for k in kolom:
            j = posisi.get(k.nama)
            cell = baris[j] if j is not None and j < len(baris) else None
            nilai, pesan = None, None
            if cell is None:
                pass
            elif terlarang := sel_terlarang(cell):
                pesan = terlarang
            elif _kosong(cell.value):
                pesan = "wajib diisi." if k.wajib else None
            else:
                mentah, dibersihkan = _bersihkan_kode(cell.value, k)
                if dibersihkan:
                    catatan.append(MasalahBerkas(dibersihkan, lembar, r, k.nama, huruf.get(k.nama)))
                if _kosong(mentah):  # nothing but invisible characters
                    pesan = "wajib diisi." if k.wajib else None
                else:
                    nilai, pesan = _ubah(mentah, k, hari_ini)
                    pesan = pesan or _terlalu_panjang(nilai, k)
            if pesan:
                masalah.append(MasalahBerkas(pesan, lembar, r, k.nama, huruf.get(k.nama)))
            isi[k.nama].append(nilai)
        # Values typed under a column with no header would be silently lost.
        tanpa_judul = [c for j, c in enumerate(baris) if j not in posisi.values() and not _kosong(c.value)]
        masalah += [
            MasalahBerkas("sel berisi data di kolom tanpa judul yang dikenal.", lembar, r, None, c.column_letter)
            for c in tanpa_judul
            if ws.cell(row=1, column=c.column).value is None
        ]
    return pd.DataFrame(isi), huruf, masalah, catatan


def _hitung_baris(data: bytes) -> tuple[list[str], list[MasalahBerkas]]:
    """Sheet names and row limits from a streaming (read-only) open, before the full parse."""
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        masalah = []
        for lembar in LEMBAR_ISIAN:
            if lembar not in wb.sheetnames:
                continue
            n = wb[lembar].max_row
            if n is not None and n - 1 > MAKS_BARIS:
                masalah.append(
                    MasalahBerkas(
                        f"lembar berisi {n - 1:,} baris data, melebihi batas {MAKS_BARIS:,} baris per lembar. "
                        "Pecah berkas per wilayah.".replace(",", "."),
                        lembar,
                    )
                )
        return list(wb.sheetnames), masalah
    finally:
        wb.close()


def read_workbook(data: bytes, hari_ini: date | None = None) -> BukuKerja:
    """Every data sheet as a frame plus every problem; when a problem makes the file unreadable, no frames."""
    hari_ini = hari_ini or date.today()
    if masalah := check_file(data):
        return BukuKerja(masalah=masalah)
    with warnings.catch_warnings():
        # openpyxl warns about extensions it does not keep (slicers, conditional formats); irrelevant to values.
        warnings.simplefilter("ignore")
        try:
            nama_lembar, masalah = _hitung_baris(data)
            if masalah:
                return BukuKerja(masalah=masalah)
            wb = load_workbook(io.BytesIO(data), data_only=False)
        except Exception as exc:  # openpyxl raises many kinds on damaged XML inside a valid zip
            return BukuKerja(
                masalah=[MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibaca ({type(exc).__name__}).")]
            )
    buku = BukuKerja()
    for lembar in LEMBAR_ISIAN:
        if lembar not in nama_lembar and lembar not in LEMBAR_DATA:
            continue  # an optional sheet
        if lembar not in nama_lembar:
            buku.masalah.append(
                MasalahBerkas(
                    f"lembar '{lembar}' tidak ada. Lembar di berkas: {', '.join(nama_lembar)}. Nama lembar harus "
                    "persis seperti di templat (huruf kecil).",
                    lembar,
                )
            )
            continue
        ws = wb[lembar]
        if ws.max_row - 1 > MAKS_BARIS:  # the streaming count trusts the file's own dimension record
            buku.masalah.append(
                MasalahBerkas(f"lembar berisi lebih dari {MAKS_BARIS:,} baris data.".replace(",", "."), lembar)
            )
            continue
        frame, huruf, masalah, catatan = _read_sheet(ws, lembar, hari_ini)
        buku.frames[lembar], buku.huruf[lembar] = frame, huruf
        buku.masalah += masalah
        buku.catatan += catatan
    wb.close()
    return buku
