"""Write the import workbook: the empty template and the export of wilayah-years share one layout, so an
exported file can be corrected and imported back unchanged."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dasbor.ekspor.cetak import Kop, atur_openpyxl, baris_teks, tinggi_baris
from dasbor.excel.skema import (
    LEMBAR_DATA,
    LEMBAR_ISIAN,
    LEMBAR_PERANGKAT_DAERAH,
    LEMBAR_PETUNJUK,
    LEMBAR_REFERENSI,
    LEVEL,
    MAKS_BARIS,
    MAKS_BYTE,
    TAHUN_PALING_AWAL,
    Kolom,
    maks_panjang,
)
from dasbor.lingkup import lingkup

JUDUL = Font(bold=True, color="FFFFFF")
ISIAN = PatternFill("solid", fgColor="0B6E4F")
TEBAL = Font(bold=True)


@dataclass(frozen=True)
class Referensi:
    """Valid codes offered in the `referensi` sheet and its drop-downs."""

    wilayah: pd.DataFrame  # kode_wilayah, nama_wilayah
    perangkat_daerah: pd.DataFrame  # id_perangkat_daerah, kode_wilayah, nama_perangkat_daerah
    indikator: pd.DataFrame  # kode_indikator, aspek, nama_indikator
    urusan: tuple[str, ...]
    versi_metodologi: str


def _isi(cell: Any, nilai: Any) -> None:
    """Write one value; text always stays text. openpyxl would store a string starting with '=' as a formula,
    so a name like '=SEHAT' must be forced back to a string cell: that keeps the round trip exact and stops the
    spreadsheet from ever evaluating data as a formula."""
    if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)):
        return
    if isinstance(nilai, pd.Timestamp | datetime):
        nilai = nilai.date()
    cell.value = int(nilai) if isinstance(nilai, float) and nilai.is_integer() else nilai
    if isinstance(nilai, str):
        cell.data_type = "s"


def _judul(ws: Worksheet, nama: list[str]) -> None:
    for j, teks in enumerate(nama, start=1):
        cell = ws.cell(row=1, column=j, value=teks)
        cell.font, cell.fill = JUDUL, ISIAN
        ws.column_dimensions[get_column_letter(j)].width = max(14, min(48, len(teks) + 6))
    ws.freeze_panes = "A2"


def _rentang(kolom_ref: str, n: int) -> str:
    return f"{quote_sheetname(LEMBAR_REFERENSI)}!${kolom_ref}$2:${kolom_ref}${n + 1}"


def _referensi(wb: Workbook, ref: Referensi) -> dict[str, str]:
    """Fill the referensi sheet as side-by-side blocks; return, per list, the range a drop-down points at."""
    ws = wb.create_sheet(LEMBAR_REFERENSI)
    blok: list[tuple[str, list[list[Any]]]] = [
        ("kode_wilayah", ref.wilayah[["kode_wilayah", "nama_wilayah"]].values.tolist()),
        (
            "id_perangkat_daerah",
            ref.perangkat_daerah[["id_perangkat_daerah", "kode_wilayah", "nama_perangkat_daerah"]].values.tolist(),
        ),
        ("kode_indikator", ref.indikator[["kode_indikator", "aspek", "nama_indikator"]].values.tolist()),
        ("level", [[x] for x in LEVEL]),
        *((k.nama, [[p] for p in k.pilihan]) for k in _kolom_pilihan()),
        ("urusan", [[u] for u in ref.urusan]),
    ]
    judul_tambahan = {
        "kode_wilayah": ["nama_wilayah"],
        "id_perangkat_daerah": ["kode_wilayah", "nama_perangkat_daerah"],
        "kode_indikator": ["aspek", "nama_indikator"],
    }
    rentang: dict[str, str] = {}
    j = 1
    for nama, baris in blok:
        judul = [nama, *judul_tambahan.get(nama, [])]
        for dj, teks in enumerate(judul):
            cell = ws.cell(row=1, column=j + dj, value=teks)
            cell.font, cell.fill = JUDUL, ISIAN
            ws.column_dimensions[get_column_letter(j + dj)].width = 44 if dj == len(judul) - 1 and dj else 18
        for i, nilai in enumerate(baris, start=2):
            for dj, x in enumerate(nilai):
                _isi(ws.cell(row=i, column=j + dj), x)
        rentang[nama] = _rentang(get_column_letter(j), len(baris))
        j += len(judul) + 1
    ws.freeze_panes = "A2"
    return rentang


def _kolom_pilihan() -> list[Kolom]:
    seen: dict[str, Kolom] = {}
    for kolom in (k for cols in LEMBAR_DATA.values() for k in cols if k.jenis == "pilihan"):
        seen.setdefault(kolom.nama, kolom)
    return list(seen.values())


def _validasi(ws: Worksheet, kolom: tuple[Kolom, ...], rentang: dict[str, str]) -> None:
    """Drop-downs for levels, statuses and codes; the lists live in the referensi sheet."""
    for j, k in enumerate(kolom, start=1):
        sel = f"{get_column_letter(j)}2:{get_column_letter(j)}{MAKS_BARIS + 1}"
        if k.jenis == "level":
            dv = DataValidation(type="whole", operator="between", formula1="0", formula2=str(LEVEL[-1]))
            dv.error = f"Level harus bilangan bulat 0–{LEVEL[-1]}."
        elif k.jenis == "tahun":
            dv = DataValidation(type="whole", operator="between", formula1=str(TAHUN_PALING_AWAL), formula2="2100")
            dv.error = "Tahun harus empat angka, mis. 2024."
        elif k.jenis in ("pilihan", "kode") and k.nama in rentang:
            dv = DataValidation(type="list", formula1=rentang[k.nama])
            dv.error = f"Pilih {k.nama} dari daftar (lembar referensi)."
        elif k.nama == "urusan_utama":
            # A list without an error alert: other urusan names are allowed, the list only helps spelling.
            dv = DataValidation(type="list", formula1=rentang["urusan"], showErrorMessage=False)
        else:
            continue
        dv.errorTitle = "Nilai tidak sah"
        dv.add(sel)
        ws.add_data_validation(dv)


def _lembar_data(wb: Workbook, nama: str, frame: pd.DataFrame) -> None:
    kolom = LEMBAR_ISIAN[nama]
    ws = wb.create_sheet(nama)
    _judul(ws, [k.nama for k in kolom])
    for j, k in enumerate(kolom, start=1):
        # Codes formatted as text so Excel keeps '63.10' instead of turning it into the number 63.1.
        fmt = {"kode": "@", "teks": "@", "tanggal": "yyyy-mm-dd"}.get(k.jenis)
        if fmt:
            ws.column_dimensions[get_column_letter(j)].number_format = fmt
        for i, nilai in enumerate(frame[k.nama].tolist(), start=2):
            cell = ws.cell(row=i, column=j)
            _isi(cell, nilai)
            if fmt:
                cell.number_format = fmt


def _petunjuk(ws: Worksheet, tahun: int | None, ref: Referensi, keterangan: str) -> None:
    tahun_teks = str(tahun) if tahun else "yang akan diimpor"
    baris = [
        (f"Templat impor data Indeks Inovasi Daerah (IID) — {lingkup().judul_aplikasi}", TEBAL),
        (keterangan, None),
        (f"Tahun penilaian: {tahun_teks}; kode indikator menurut aturan versi {ref.versi_metodologi}.", None),
        ("", None),
        ("Cara mengisi", TEBAL),
        (
            "1. Isi lembar inovasi (satu baris per inovasi), jawaban_sid (satu baris per inovasi × indikator SID) "
            "dan jawaban_spd (satu baris per wilayah × indikator SPD).",
            None,
        ),
        (
            "2. Jangan mengubah nama lembar atau nama kolom di baris 1, jangan menggabungkan (merge) sel, dan isi "
            "nilai, bukan rumus.",
            None,
        ),
        (
            "3. Kode (kode_wilayah, id_perangkat_daerah, kode_indikator) diketik sebagai teks persis seperti di lembar "
            f"referensi; kolom-kolom ini sudah berformat Teks agar {lingkup().contoh_kode_nol} tidak berubah menjadi "
            f"{lingkup().contoh_kode_nol.rstrip('0')}.",
            None,
        ),
        (
            f"4. Level berupa bilangan bulat 0–{LEVEL[-1]}. Tanggal berupa sel tanggal (mis. 2024-03-15), tidak boleh "
            f"sebelum tahun {TAHUN_PALING_AWAL} atau di masa depan.",
            None,
        ),
        (
            "5. PENTING: impor MENGGANTI seluruh data setiap wilayah-tahun yang ada di berkas (inovasi, jawaban SID, "
            "jawaban SPD wilayah itu pada tahun itu). Wilayah yang tidak ada di berkas tidak berubah. Karena itu setiap "
            "wilayah di berkas harus muncul di lembar inovasi maupun jawaban_spd.",
            None,
        ),
        (
            "6. Identitas inovasi: isi id_inovasi dengan id inovasi dari ekspor aplikasi IID nasional, dan pakai id "
            "yang SAMA setiap tahun inovasi itu dilaporkan lagi. Dengan id yang sama dasbor mengenali inovasi yang "
            "belum diinput ulang atau belum diperbarui dibanding tahun lalu. Inovasi baru mendapat id baru; satu id "
            "selalu milik satu wilayah.",
            None,
        ),
        (
            "7. Sebelum disimpan, dasbor memeriksa seluruh isi dan menampilkan pratinjau (inovasi baru/berubah/"
            "dihapus dan IID sebelum → sesudah). Bila ada satu saja masalah, tidak ada yang ditulis.",
            None,
        ),
        (
            f"8. Batas: ukuran berkas {MAKS_BYTE // (1024 * 1024)} MB, {f'{MAKS_BARIS:,}'.replace(',', '.')} baris "
            "data per lembar; berkas harus .xlsx tanpa kata sandi. Panjang teks dibatasi per kolom (lihat daftar "
            "kolom di bawah). Karakter tak terlihat (spasi lebar nol, spasi tak terputus, BOM) dibuang dari kode "
            "dan id, dengan catatan di pratinjau.",
            None,
        ),
        (
            f"9. Perangkat daerah baru: tulis di lembar {LEMBAR_PERANGKAT_DAERAH} (boleh kosong atau dihapus), lalu "
            "pakai id-nya di lembar inovasi. Nama yang mirip perangkat daerah yang sudah ada diberi peringatan di "
            "pratinjau.",
            None,
        ),
        ("", None),
        ("Kolom", TEBAL),
    ]
    for i, (teks, font) in enumerate(baris, start=1):
        cell = ws.cell(row=i, column=1, value=teks)
        cell.data_type = "s"
        if font:
            cell.font = font
    awal = len(baris) + 1
    for j, teks in enumerate(("lembar", "kolom", "wajib", "jenis isian", "keterangan"), start=1):
        cell = ws.cell(row=awal, column=j, value=teks)
        cell.font, cell.fill = JUDUL, ISIAN
    i = awal + 1
    for lembar, kolom in LEMBAR_ISIAN.items():
        for k in kolom:
            isian = ", ".join(k.pilihan) if k.pilihan else k.jenis
            if maks := maks_panjang(k):
                isian += ", maks. " + f"{maks:,}".replace(",", ".") + " karakter"
            for j, teks in enumerate((lembar, k.nama, "wajib" if k.wajib else "boleh kosong", isian, k.keterangan), 1):
                ws.cell(row=i, column=j, value=teks).alignment = Alignment(wrap_text=True, vertical="top")
            i += 1
    for huruf, lebar in zip("ABCDE", (14, 22, 14, 40, 70), strict=True):
        ws.column_dimensions[huruf].width = lebar


def _atur_cetak(
    wb: Workbook, data: dict[str, pd.DataFrame], ref: Referensi, tahun: int | None, keterangan: str
) -> None:
    """The house page setup (dasbor.ekspor.cetak) on every sheet: an exported file is also checked on paper."""
    kode = sorted({k for frame in data.values() if "kode_wilayah" in frame for k in frame["kode_wilayah"].dropna()})
    nama = ref.wilayah.set_index("kode_wilayah")["nama_wilayah"]
    kop = Kop(
        "Berkas impor IID",
        wilayah=", ".join(str(nama.get(k, k)) for k in kode),
        tahun=tahun,
        versi=ref.versi_metodologi,
        catatan=keterangan,
    )
    petunjuk = wb[LEMBAR_PETUNJUK]
    lebar = {c: petunjuk.column_dimensions[get_column_letter(c)].width for c in range(1, 6)}
    for baris in petunjuk.iter_rows(min_row=1):
        # Only wrapped cells grow their row (the instructions above the table run across the sheet unwrapped).
        n = max(
            (baris_teks(str(c.value), lebar[c.column]) for c in baris if c.value and c.alignment.wrap_text),
            default=1,
        )
        if n > 1:
            petunjuk.row_dimensions[baris[0].row].height = tinggi_baris(n)
    for ws in wb.worksheets:
        atur_openpyxl(ws, kop, None if ws is petunjuk else (0, 0))


def write_workbook(data: dict[str, pd.DataFrame], ref: Referensi, tahun: int | None, keterangan: str) -> bytes:
    """The workbook as .xlsx bytes: petunjuk, the three data sheets (empty for a template) and referensi."""
    wb = Workbook()
    wb.active.title = LEMBAR_PETUNJUK
    _petunjuk(wb.active, tahun, ref, keterangan)
    for nama, kolom in LEMBAR_ISIAN.items():
        _lembar_data(wb, nama, data.get(nama, pd.DataFrame(columns=[k.nama for k in kolom])))
    rentang = _referensi(wb, ref)
    for nama in LEMBAR_DATA:
        _validasi(wb[nama], LEMBAR_DATA[nama], rentang)
    _atur_cetak(wb, data, ref, tahun, keterangan)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
