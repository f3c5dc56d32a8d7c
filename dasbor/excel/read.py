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
from openpyxl.utils import get_column_letter

from dasbor.excel.sheet_xml import Lembar, Pelanggaran, huruf_kolom, periksa_xml, rentang
from dasbor.excel.skema import (
    LEMBAR_DATA,
    LEMBAR_ISIAN,
    LEVEL,
    MAKS_BARIS,
    MAKS_BYTE,
    MAKS_BYTE_TERURAI,
    MAKS_ELEMEN_BARIS,
    MAKS_ELEMEN_LUAR_BARIS,
    MAKS_GABUNGAN,
    MAKS_KOLOM,
    MAKS_LEMBAR,
    MAKS_TEKS_BERSAMA,
    TAHUN_PALING_AWAL,
    Kolom,
    maks_panjang,
)
from dasbor.lingkup import lingkup

OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: legacy .xls, or an .xlsx encrypted with a password
# An encrypted OOXML file is an OLE container holding the stream "EncryptedPackage" (names are UTF-16LE).
TANDA_TERENKRIPSI = "EncryptedPackage".encode("utf-16-le")
ZIP = b"PK\x03\x04"
TANGGAL_TEKS = re.compile(r"\d{4}-\d{2}-\d{2}")
KOLOM_BARIS = "_baris"  # the Excel row number of each data row, carried along for messages


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


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


@dataclass(frozen=True)
class PraPeriksa:
    """What is known of a file before any parser builds cells: its problems, else its worksheets by name."""

    masalah: list[MasalahBerkas]
    lembar: dict[str, Lembar]


def check_file(data: bytes) -> list[MasalahBerkas]:
    """Problems that make a file unreadable as .xlsx or too large to parse, found from its bytes and from the
    sheet XML streamed with a bounded parser (extent, merged areas, sheets, shared strings), parsing no cell."""
    return periksa_berkas(data).masalah


def periksa_berkas(data: bytes) -> PraPeriksa:
    """check_file, keeping what the sheet XML said about each worksheet for the reader."""
    if masalah := _periksa_bita(data):
        return PraPeriksa(masalah, {})
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            bagian = z.infolist()
            nama = {b.filename for b in bagian}
            if not {"[Content_Types].xml", "xl/workbook.xml"} <= nama:
                return PraPeriksa(
                    [
                        MasalahBerkas(
                            "berkas berupa arsip zip tetapi bukan buku kerja Excel .xlsx (mungkin .docx, .ods atau "
                            ".zip). Simpan dari Excel sebagai 'Buku Kerja Excel (.xlsx)'."
                        )
                    ],
                    {},
                )
            terurai = sum(b.file_size for b in bagian)
            if terurai > MAKS_BYTE_TERURAI:
                return PraPeriksa(
                    [
                        MasalahBerkas(
                            f"isi berkas setelah diurai {_mb(terurai)} MB, melebihi batas {_mb(MAKS_BYTE_TERURAI)} "
                            "MB. Pecah berkas per wilayah."
                        )
                    ],
                    {},
                )
            if rusak := z.testzip():
                return PraPeriksa(
                    [MasalahBerkas(f"berkas .xlsx rusak: bagian '{rusak}' tidak utuh. Simpan ulang dari Excel.")], {}
                )
            lembar, pelanggaran = periksa_xml(z)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        return PraPeriksa(
            [MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibuka ({exc}). Simpan ulang dari Excel.")], {}
        )
    except Exception as exc:  # zlib errors and the like from a damaged archive
        return PraPeriksa(
            [MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibuka ({type(exc).__name__}). Simpan ulang.")], {}
        )
    if pelanggaran:
        return PraPeriksa([_pesan_pelanggaran(pelanggaran)], {})
    return PraPeriksa([], {lb.nama: lb for lb in lembar})


def _periksa_bita(data: bytes) -> list[MasalahBerkas]:
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
    return []


def _pesan_pelanggaran(p: Pelanggaran) -> MasalahBerkas:
    """A limit passed in the workbook's XML, worded for the person who made the file; a part-wide limit names the
    zip member (xl/styles.xml…), as only its size or content says what is wrong."""
    huruf = huruf_kolom(p.kolom) if p.kolom else None
    bagian = f" (bagian '{p.bagian}')" if p.bagian else ""
    batas_lembar = f"{MAKS_KOLOM} kolom dan {_angka(MAKS_BARIS)} baris data"
    pesan = {
        "lembar_banyak": f"berkas berisi lebih dari {MAKS_LEMBAR} lembar. Hapus lembar yang bukan bagian templat, "
        "lalu simpan ulang.",
        "teks_bersama": f"berkas berisi lebih dari {_angka(MAKS_TEKS_BERSAMA)} teks berbeda, melebihi batas. "
        "Pecah berkas per wilayah.",
        "baris": f"lembar berisi sel di baris {_angka(p.baris or 0)}, melebihi batas {_angka(MAKS_BARIS)} baris data "
        "per lembar. Hapus isi di bawah tabel atau pecah berkas per wilayah.",
        "kolom": f"lembar berisi sel di kolom {huruf}, melebihi batas {MAKS_KOLOM} kolom. Hapus isi di kanan tabel, "
        "lalu simpan ulang.",
        "gabungan_luas": f"sel {p.ref} digabung (merge) melewati batas lembar ({batas_lembar}). Pisahkan sel, lalu "
        "simpan ulang.",
        "gabungan_banyak": f"lembar berisi lebih dari {_angka(MAKS_GABUNGAN)} rentang sel gabungan (merge). "
        "Pisahkan sel, lalu simpan ulang.",
        "dimensi": f"lembar menyatakan luas {p.ref}, melewati batas lembar ({batas_lembar}). Hapus baris dan kolom "
        "di luar tabel, lalu simpan ulang dari Excel.",
        "dtd": f"berkas .xlsx berisi deklarasi DTD/entitas XML{bagian}, yang tidak pernah dibuat Excel; berkas "
        "ditolak. Simpan ulang dari Excel.",
        "xml": f"berkas .xlsx rusak dan tidak dapat dibaca (XML tidak sah: {p.ref}). Simpan ulang dari Excel.",
        "bukan_utf8": f"bagian '{p.bagian}' tidak berkode UTF-8 ({p.ref}); Excel selalu menyimpan XML buku kerja "
        "sebagai UTF-8, dan berkas ini ditolak. Simpan ulang dari Excel.",
        "bagian_besar": f"bagian '{p.bagian}' berukuran {_mb(p.nilai or 0)} MB setelah diurai, melebihi batas "
        f"{_mb(p.batas or 0)} MB untuk bagian ini. Simpan ulang dari Excel sebagai buku kerja baru (gaya sel, nama "
        "rentang atau teks yang menumpuk ikut terbuang), atau pecah berkas per wilayah.",
        "elemen_banyak": f"bagian '{p.bagian}' berisi {_angka(p.nilai or 0)} elemen XML, melebihi batas "
        f"{_angka(p.batas or 0)} untuk bagian ini. Simpan ulang dari Excel sebagai buku kerja baru, atau pecah "
        "berkas per wilayah.",
        "run_banyak": f"bagian '{p.bagian}' berisi lebih dari {_angka(p.batas or 0)} potongan teks berformat "
        "(rich text), melebihi batas. Hapus format di dalam sel (salin lalu Tempel Khusus › Nilai), lalu simpan ulang.",
        "baris_banyak": f"lembar berisi lebih dari {_angka(MAKS_BARIS + 1)} elemen baris (bagian '{p.bagian}'), "
        f"melebihi batas {_angka(MAKS_BARIS)} baris data per lembar. Hapus baris di bawah tabel atau pecah berkas "
        "per wilayah.",
        "elemen_baris": f"baris ini berisi {_angka(p.nilai or 0)} elemen XML (bagian '{p.bagian}'), melebihi batas "
        f"{_angka(MAKS_ELEMEN_BARIS)} per baris; baris yang ditulis Excel berisi satu elemen per sel. Simpan ulang "
        "dari Excel.",
        "elemen_luar_baris": f"lembar berisi {_angka(p.nilai or 0)} elemen XML di luar baris-barisnya (bagian "
        f"'{p.bagian}'), melebihi batas {_angka(MAKS_ELEMEN_LUAR_BARIS)}. Simpan ulang dari Excel sebagai buku kerja "
        "baru.",
        "bukan_sel": f"baris ini berisi elemen <{p.ref}> di antara sel (bagian '{p.bagian}'); Excel hanya menulis sel "
        "(<c>) di dalam baris, dan berkas ini ditolak. Simpan ulang dari Excel.",
    }[p.jenis]
    tanpa_baris = ("dimensi", "lembar_banyak", "teks_bersama", "gabungan_banyak", "baris_banyak", "elemen_banyak")
    baris = None if p.jenis in tanpa_baris else p.baris
    return MasalahBerkas(pesan, p.lembar, baris, None, None if p.jenis in ("baris", "dimensi") else huruf)


def _rumus(cell: Any) -> str:
    teks = str(getattr(cell.value, "text", cell.value))
    return teks if len(teks) <= 40 else teks[:37] + "…"


def sel_terlarang(cell: Any) -> str | None:
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
                f"(angka membuang nol di belakang, mis. {lingkup().contoh_kode_nol} menjadi "
                f"{lingkup().contoh_kode_nol.rstrip('0')}). Format sel sebagai Teks lalu ketik ulang."
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


def _judul(judul: tuple[Any, ...], lembar: str, kolom: tuple[Kolom, ...]) -> tuple[dict[str, int], list[MasalahBerkas]]:
    """Map column name -> 0-based position from header row 1; report unknown, duplicate and missing headers."""
    dikenal = {k.nama for k in kolom}
    posisi: dict[str, int] = {}
    masalah: list[MasalahBerkas] = []
    for j, cell in enumerate(judul):
        if cell.data_type == "f":
            masalah.append(MasalahBerkas(f"judul kolom berisi rumus '{_rumus(cell)}'.", lembar, 1, None, _huruf(j)))
            continue
        if _kosong(cell.value):
            continue
        nama = str(cell.value).strip()
        if nama in posisi:
            masalah.append(MasalahBerkas(f"judul kolom '{nama}' muncul dua kali.", lembar, 1, nama, _huruf(j)))
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
                    _huruf(j),
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


def _huruf(j: int) -> str:
    """The column letter of a 0-based position."""
    return get_column_letter(j + 1)


def _gabungan(lb: Lembar) -> list[MasalahBerkas]:
    """Merged ranges of a data sheet, as the sheet XML lists them (the streaming reader does not see merges)."""
    masalah = []
    for ref in sorted(lb.gabungan, key=lambda r: rentang(r)[:2]):
        baris, kolom, *_ = rentang(ref)
        if baris == 1:
            pesan = f"sel judul {ref} digabung (merge). Pisahkan sel agar setiap kolom punya judulnya sendiri."
        else:
            pesan = f"sel {ref} digabung (merge). Pisahkan sel dan isi nilai di setiap baris."
        masalah.append(MasalahBerkas(pesan, lb.nama, baris, None, huruf_kolom(kolom)))
    return masalah


def _read_sheet(
    ws: Any, lb: Lembar, hari_ini: date
) -> tuple[pd.DataFrame, dict[str, str], list[MasalahBerkas], list[MasalahBerkas]]:
    """One data sheet, streamed row by row, only as far as the sheet XML said its cells reach."""
    lembar = lb.nama
    kolom = LEMBAR_ISIAN[lembar]
    masalah = _gabungan(lb)
    catatan: list[MasalahBerkas] = []
    semua_baris = ws.iter_rows(min_row=1, max_row=max(lb.baris, 1), max_col=max(lb.kolom, 1))
    judul = next(semua_baris, ())
    posisi, masalah_judul = _judul(judul, lembar, kolom)
    masalah += masalah_judul
    huruf = {k.nama: _huruf(posisi[k.nama]) for k in kolom if k.nama in posisi}
    dipakai = set(posisi.values())
    isi: dict[str, list[Any]] = {k.nama: [] for k in kolom}
    isi[KOLOM_BARIS] = []
    for r, baris in enumerate(semua_baris, start=2):
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
        masalah += [
            MasalahBerkas("sel berisi data di kolom tanpa judul yang dikenal.", lembar, r, None, _huruf(j))
            for j, c in enumerate(baris)
            if j not in dipakai and not _kosong(c.value) and (j >= len(judul) or judul[j].value is None)
        ]
    return pd.DataFrame(isi), huruf, masalah, catatan


def baca_templat(data: bytes, lembar_xml: dict[str, Lembar], hari_ini: date) -> BukuKerja:
    """Every data sheet of a template workbook as a frame plus every problem; when a problem makes the file
    unreadable, no frames. `data` has passed periksa_berkas, whose sheets are `lembar_xml`. Untrusted files are
    read through dasbor.excel.berkas.baca_berkas, which runs the check and this parse in a limited child."""
    buku = BukuKerja()
    with warnings.catch_warnings():
        # openpyxl warns about extensions it does not keep (slicers, conditional formats); irrelevant to values.
        warnings.simplefilter("ignore")
        try:
            # Streaming mode: cells are built one row at a time and dropped, never the whole sheet at once.
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many kinds on damaged XML inside a valid zip
            return BukuKerja(masalah=[_rusak(exc)])
        try:
            for lembar in LEMBAR_ISIAN:
                if lembar not in wb.sheetnames and lembar not in LEMBAR_DATA:
                    continue  # an optional sheet
                if lembar not in wb.sheetnames or lembar not in lembar_xml:
                    buku.masalah.append(
                        MasalahBerkas(
                            f"lembar '{lembar}' tidak ada. Lembar di berkas: {', '.join(wb.sheetnames)}. Nama lembar "
                            "harus persis seperti di templat (huruf kecil).",
                            lembar,
                        )
                    )
                    continue
                frame, huruf, masalah, catatan = _read_sheet(wb[lembar], lembar_xml[lembar], hari_ini)
                buku.frames[lembar], buku.huruf[lembar] = frame, huruf
                buku.masalah += masalah
                buku.catatan += catatan
        except Exception as exc:  # in streaming mode damaged XML is met while reading rows, not when opening
            return BukuKerja(masalah=[_rusak(exc)])
        finally:
            wb.close()
    return buku


def _rusak(exc: Exception) -> MasalahBerkas:
    return MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibaca ({type(exc).__name__}).")
