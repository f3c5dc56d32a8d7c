"""Read the national IID portal's innovation-list export (issue 18; format in
../shared/reference/portal-ekspor.md): one sheet `Data`, header row 1 with 19 columns, one text row per innovation.

Public API (stable; the import pipeline and the test-file writer build on it):
- `adalah_portal(data) -> bool`: the file is a portal export (it has a sheet `Data` and no template sheet
  `inovasi`); the caller then reads it with `read_portal`, else with the template reader.
- `read_portal(data, wilayah=None) -> BukuPortal`: every row and every problem, without touching a database.
- `BukuPortal`: `kode_wilayah` and `nama_pemda` (from the database's `wilayah`, by default the scope's regions;
  None when the Pemda column did not name exactly one pemda in scope), `baris` (one row per innovation, columns `KOLOM_BARIS_PORTAL`),
  `masalah` (problems: any one refuses the file), `catatan` (notices: shown, never refusing) and `huruf` (portal
  header -> column letter). Every problem and notice is a `MasalahBerkas` on sheet `Data` with its Excel row and
  column header.
- `JUDUL_PORTAL`, the 19 headers; `LEMBAR_PORTAL`; the vocabularies `INISIATOR`, `BENTUK`, `JENIS`, `TAHAPAN`,
  `VIDEO` (portal spelling -> ours); `KOSONG` ("-", the portal's empty); `FORMAT_TANGGAL`; `KEDUA_FORMAT`, the
  sentence telling a user both formats are accepted. The cell-text readers (`kode_pemda`, `baca_koordinat`,
  `pisah_admin_opd`, `rapikan`) live in dasbor.excel.portal_nilai.

Columns of `BukuPortal.baris` (values in our vocabulary, empty = None):
  `_baris` Excel row · `no` the portal's row number as text (not an id: it changes every year) ·
  `nama_inovasi` · `nama_perangkat_daerah` and `akun_portal` (split from `Admin OPD`) · `inisiator`, `bentuk`,
  `jenis`, `tahapan` (lower-case vocabulary of the inovasi table) · `asta_cita` · `urusan_utama` ·
  `urusan_lain` (one normalised string, values joined by ", ": it is not split into a list because urusan names
  themselves hold commas, e.g. "koperasi, usaha kecil, dan menengah") · `kematangan` float 0–111 ·
  `tanggal_input`, `tanggal_penerapan`, `tanggal_pengembangan` (datetime.date) · `lintang`, `bujur` (decimal
  degrees) and `koordinat_teks` (the cell as written when no coordinate could be read from it) · `ada_video`
  bool · `tautan_video`.
`Nama Inisiator` holds a person's name and nothing downstream needs it, so it is not kept.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from dasbor.excel.portal_nilai import (
    baca_koordinat,
    kode_pemda,
    kunci_kosakata,
    pisah_admin_opd,
    rapikan,
    wilayah_bawaan,
)
from dasbor.excel.read import (
    KOLOM_BARIS,
    MasalahBerkas,
    _teks_angka,
    _terlalu_panjang,
    check_file,
    sel_terlarang,
)
from dasbor.excel.skema import MAKS_BARIS, Kolom
from dasbor.lingkup import lingkup

LEMBAR_PORTAL = "Data"
KOSONG = "-"
FORMAT_TANGGAL = "%d-%m-%Y"

# The 19 headers exactly as the portal writes them, in its order.
JUDUL_PORTAL = (
    "No",
    "Judul Inovasi",
    "Pemda",
    "Admin OPD",
    "Inisiator",
    "Nama Inisiator",
    "Bentuk Inovasi",
    "Jenis",
    "Asta Cipta",
    "Urusan Utama",
    "Urusan lain yang beririsan",
    "Kematangan",
    "Tahapan Inovasi",
    "Tanggal Input",
    "Tanggal Penerapan",
    "Tanggal Pengembangan",
    "Koordinat",
    "Video",
    "Link Video",
)
# "Asta Cipta" is the portal's typo for Asta Cita; a corrected header must not make a file unreadable.
ALIAS_JUDUL = {"asta cita": "Asta Cipta"}

KEDUA_FORMAT = (
    "Dasbor menerima dua format berkas: ekspor daftar inovasi dari portal IID nasional (lembar 'Data' dengan 19 "
    f"kolom: {', '.join(JUDUL_PORTAL)}) dan templat impor dasbor (lembar inovasi, jawaban_sid, jawaban_spd; "
    "unduh dengan `python -m dasbor ekspor BERKAS.xlsx --tahun TAHUN --templat`)."
)

# Portal spelling -> the inovasi table's vocabulary (dasbor/excel/skema.py). Matched after `kunci_kosakata`,
# so case, hyphens and spacing do not matter; our own spelling is accepted too (a user may have typed it).
INISIATOR = {
    "Kepala Daerah": "kepala daerah",
    "Anggota DPRD": "anggota DPRD",
    "OPD": "perangkat daerah",
    "ASN": "ASN",
    "Masyarakat": "masyarakat",
}
BENTUK = {
    "Inovasi tata kelola pemerintahan daerah": "tata kelola pemerintahan daerah",
    "Inovasi pelayanan publik": "pelayanan publik",
    "Inovasi Daerah lainnya sesuai dengan Urusan Pemerintahan yang menjadi kewenangan Daerah": "inovasi daerah lainnya",
}
JENIS = {"Digital": "digital", "Non Digital": "non digital", "Teknologi": "teknologi"}
TAHAPAN = {"Inisiatif": "inisiatif", "Uji Coba": "uji coba", "Penerapan": "penerapan"}
VIDEO = {"Ada": True, "Tidak Ada": False}

KOLOM_BARIS_PORTAL = (
    KOLOM_BARIS,
    "no",
    "nama_inovasi",
    "nama_perangkat_daerah",
    "akun_portal",
    "inisiator",
    "bentuk",
    "jenis",
    "asta_cita",
    "urusan_utama",
    "urusan_lain",
    "kematangan",
    "tahapan",
    "tanggal_input",
    "tanggal_penerapan",
    "tanggal_pengembangan",
    "lintang",
    "bujur",
    "koordinat_teks",
    "ada_video",
    "tautan_video",
)
KEMATANGAN_MAKS = 111.0  # Σ bobot SID 37 × level 3 (portal-ekspor.md)

# Plain text columns: portal header -> our column, with the length limit of the template's column of that name.
TEKS = {
    "No": "no",
    "Judul Inovasi": "nama_inovasi",
    "Asta Cipta": "asta_cita",
    "Urusan Utama": "urusan_utama",
    "Urusan lain yang beririsan": "urusan_lain",
    "Link Video": "tautan_video",
}
PILIHAN = {
    "Inisiator": ("inisiator", INISIATOR),
    "Bentuk Inovasi": ("bentuk", BENTUK),
    "Jenis": ("jenis", JENIS),
    "Tahapan Inovasi": ("tahapan", TAHAPAN),
}
TANGGAL = {
    "Tanggal Input": "tanggal_input",
    "Tanggal Penerapan": "tanggal_penerapan",
    "Tanggal Pengembangan": "tanggal_pengembangan",
}


@dataclass
class BukuPortal:
    """A portal export as read: see the module docstring for the columns of `baris`."""

    kode_wilayah: str | None = None
    nama_pemda: str | None = None
    baris: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(KOLOM_BARIS_PORTAL)))
    masalah: list[MasalahBerkas] = field(default_factory=list)
    catatan: list[MasalahBerkas] = field(default_factory=list)
    huruf: dict[str, str] = field(default_factory=dict)


def _kosakata(peta: dict[str, Any]) -> dict[str, Any]:
    """Lookup by normalised spelling: the portal's words and our own canonical values."""
    kunci = {kunci_kosakata(k): v for k, v in peta.items()}
    kunci |= {kunci_kosakata(str(v)): v for v in peta.values() if isinstance(v, str)}
    return kunci


CARI = {judul: _kosakata(peta) for judul, (_, peta) in PILIHAN.items()} | {"Video": _kosakata(VIDEO)}


# ---- Cells ---------------------------------------------------------------------------------------------------


def _kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and nilai.strip() in ("", KOSONG))


def _teks(nilai: Any) -> str:
    """A cell as text: the portal writes text, a workbook re-saved in Excel may hold numbers or dates."""
    if isinstance(nilai, datetime | date):
        return (nilai.date() if isinstance(nilai, datetime) else nilai).strftime(FORMAT_TANGGAL)
    if isinstance(nilai, bool):
        return "TRUE" if nilai else "FALSE"
    if isinstance(nilai, int | float):
        return _teks_angka(nilai)
    return rapikan(str(nilai))


def _tanggal(nilai: Any) -> tuple[date | None, str | None]:
    if isinstance(nilai, datetime):
        return nilai.date(), None
    if isinstance(nilai, date):
        return nilai, None
    teks = _teks(nilai)
    if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", teks):
        try:
            return datetime.strptime(teks, FORMAT_TANGGAL).date(), None
        except ValueError:
            return None, f"tanggal '{teks}' tidak ada di kalender."
    return None, f"berisi '{teks}', bukan tanggal berformat dd-mm-yyyy (mis. 22-07-2022) seperti ekspor portal."


def _kematangan(nilai: Any) -> tuple[float | None, str | None]:
    if isinstance(nilai, bool | datetime | date):
        return None, f"berisi '{_teks(nilai)}'; kematangan harus angka 0–111."
    if isinstance(nilai, int | float):
        angka = float(nilai)
    else:
        teks = _teks(nilai)
        # The portal writes a dot ("85.00"); a comma can only be a decimal comma here (kematangan < 1000).
        if not re.fullmatch(r"-?\d+(?:[.,]\d+)?", teks):
            return None, f"berisi '{teks}'; kematangan harus angka 0–111 (mis. 85.00)."
        angka = float(teks.replace(",", "."))
    if not 0 <= angka <= KEMATANGAN_MAKS:
        return None, f"kematangan {_teks_angka(angka)} di luar rentang 0–111."
    return angka, None


def _pilihan(nilai: Any, judul: str, peta: dict[str, Any]) -> tuple[Any, str | None]:
    teks = _teks(nilai)
    hasil = CARI[judul].get(kunci_kosakata(teks))
    if hasil is None:
        return None, f"nilai '{teks}' tidak dikenal; pilihan di portal: {', '.join(peta)}."
    return hasil, None


# ---- Sheet ---------------------------------------------------------------------------------------------------


def _kunci_judul(nilai: Any) -> str:
    return rapikan(str(nilai)).lower()


def adalah_portal(data: bytes) -> bool:
    """True when the file is meant as a portal export: a sheet `Data` (any case) and no template sheet
    `inovasi`. An unreadable file is not (the template reader reports why)."""
    if check_file(data):
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=True)
            nama = [s.strip().lower() for s in wb.sheetnames]
            wb.close()
    except Exception:  # damaged XML inside a valid zip: the template reader names it
        return False
    return LEMBAR_PORTAL.lower() in nama and "inovasi" not in nama


def _posisi_judul(baris_judul: tuple[Any, ...]) -> tuple[dict[str, int], list[MasalahBerkas]]:
    """Portal header -> 0-based column from row 1, tolerating case and spacing; problems name what is missing."""
    dikenal = {h.lower(): h for h in JUDUL_PORTAL} | ALIAS_JUDUL
    posisi: dict[str, int] = {}
    masalah: list[MasalahBerkas] = []
    for j, cell in enumerate(baris_judul):
        huruf = get_column_letter(j + 1)
        if getattr(cell, "value", None) is None:
            continue
        if pesan := sel_terlarang(cell):
            masalah.append(MasalahBerkas(f"judul kolom {pesan}", LEMBAR_PORTAL, 1, None, huruf))
            continue
        judul = dikenal.get(_kunci_judul(cell.value))
        if judul is None:
            continue  # a column the portal may add later; only the 19 are read
        if judul in posisi:
            masalah.append(MasalahBerkas(f"judul kolom '{judul}' muncul dua kali.", LEMBAR_PORTAL, 1, judul, huruf))
        else:
            posisi[judul] = j
    hilang = [h for h in JUDUL_PORTAL if h not in posisi]
    masalah += [
        MasalahBerkas(
            f"kolom '{h}' tidak ada di baris judul (baris 1) lembar '{LEMBAR_PORTAL}'. {KEDUA_FORMAT}",
            LEMBAR_PORTAL,
            1,
            h,
        )
        for h in hilang
    ]
    return posisi, masalah


class _Pembaca:
    """One pass over the data rows, collecting values, problems and notices."""

    def __init__(self, posisi: dict[str, int]) -> None:
        self.posisi = posisi
        self.huruf = {h: get_column_letter(j + 1) for h, j in posisi.items()}
        self.isi: dict[str, list[Any]] = {k: [] for k in KOLOM_BARIS_PORTAL}
        self.pemda: dict[str, list[int]] = defaultdict(list)  # Pemda cell as written -> Excel rows
        self.masalah: list[MasalahBerkas] = []
        self.catatan: list[MasalahBerkas] = []

    def _masalah(self, pesan: str, r: int, judul: str) -> None:
        self.masalah.append(MasalahBerkas(pesan, LEMBAR_PORTAL, r, judul, self.huruf.get(judul)))

    def _catatan(self, pesan: str, r: int, judul: str) -> None:
        self.catatan.append(MasalahBerkas(pesan, LEMBAR_PORTAL, r, judul, self.huruf.get(judul)))

    def baris(self, r: int, sel: tuple[Any, ...]) -> None:
        nilai: dict[str, Any] = {}
        for judul, j in self.posisi.items():
            cell = sel[j] if j < len(sel) else None
            if cell is None or _kosong(cell.value):
                nilai[judul] = None
            elif pesan := sel_terlarang(cell):
                self._masalah(pesan, r, judul)
                nilai[judul] = None
            else:
                nilai[judul] = cell.value
        if all(v is None for v in nilai.values()):
            return  # blank rows between data are harmless
        baru: dict[str, Any] = dict.fromkeys(KOLOM_BARIS_PORTAL)
        baru[KOLOM_BARIS] = r
        for judul, kolom in TEKS.items():
            if nilai[judul] is not None:
                baru[kolom] = self._panjang(_teks(nilai[judul]), kolom, r, judul)
        if baru["nama_inovasi"] is None:
            self._masalah("judul inovasi kosong; setiap baris wajib punya judul.", r, "Judul Inovasi")
        if baru["urusan_lain"]:
            baru["urusan_lain"] = ", ".join(u.strip() for u in baru["urusan_lain"].split(",") if u.strip())
        if nilai["Pemda"] is None:
            self._masalah("nama pemda kosong; setiap baris wajib menyebut pemdanya.", r, "Pemda")
        else:
            self.pemda[_teks(nilai["Pemda"])].append(r)
        if nilai["Admin OPD"] is not None:
            nama, akun = pisah_admin_opd(_teks(nilai["Admin OPD"]))
            baru["nama_perangkat_daerah"] = self._panjang(nama, "nama_perangkat_daerah", r, "Admin OPD")
            baru["akun_portal"] = akun
            if akun is None:
                self._catatan(
                    f"'{nama}' tidak memuat akun portal dalam kurung di akhir (NAMA OPD (nama.pengguna)); "
                    "seluruhnya dipakai sebagai nama perangkat daerah.",
                    r,
                    "Admin OPD",
                )
        for judul, (kolom, peta) in PILIHAN.items():
            if nilai[judul] is not None:
                baru[kolom], pesan = _pilihan(nilai[judul], judul, peta)
                if pesan:
                    self._masalah(pesan, r, judul)
        if nilai["Video"] is not None:
            baru["ada_video"], pesan = _pilihan(nilai["Video"], "Video", VIDEO)
            if pesan:
                self._masalah(pesan, r, "Video")
        if nilai["Kematangan"] is not None:
            baru["kematangan"], pesan = _kematangan(nilai["Kematangan"])
            if pesan:
                self._masalah(pesan, r, "Kematangan")
        elif baru["nama_inovasi"] is not None:
            self._catatan("kematangan kosong; inovasi ini tidak membawa nilai kematangan dari portal.", r, "Kematangan")
        for judul, kolom in TANGGAL.items():
            if nilai[judul] is not None:
                baru[kolom], pesan = _tanggal(nilai[judul])
                if pesan:
                    self._masalah(pesan, r, judul)
        if nilai["Koordinat"] is not None:
            self._koordinat(_teks(nilai["Koordinat"]), baru, r)
        for kolom, v in baru.items():
            self.isi[kolom].append(v)

    def _panjang(self, teks: str, kolom: str, r: int, judul: str) -> str:
        if pesan := _terlalu_panjang(teks, Kolom(kolom, "teks", False, "")):
            self._masalah(pesan, r, judul)
        return teks

    def _koordinat(self, teks: str, baru: dict[str, Any], r: int) -> None:
        """Never a problem: a coordinate that cannot be read is kept as text with a notice."""
        pasangan = baca_koordinat(teks)
        if pasangan is None:
            baru["koordinat_teks"] = teks
            self._catatan(
                f"koordinat '{teks}' tidak berupa pasangan lintang, bujur (mis. plus code atau keterangan); "
                "disimpan sebagai teks tanpa titik peta.",
                r,
                "Koordinat",
            )
        elif not (-90 <= pasangan[0] <= 90 and -180 <= pasangan[1] <= 180):
            baru["koordinat_teks"] = teks
            self._catatan(
                f"koordinat '{teks}' di luar rentang (lintang −90…90, bujur −180…180; mungkin tertukar); "
                "disimpan sebagai teks tanpa titik peta.",
                r,
                "Koordinat",
            )
        else:
            baru["lintang"], baru["bujur"] = pasangan


def isi_lingkup(wilayah: pd.DataFrame) -> str:
    """'Dasbor ini memuat Provinsi Kalimantan Selatan dan 13 kabupaten/kotanya', from the list of regions."""
    provinsi = wilayah.loc[wilayah["jenis"] == "provinsi", "nama_wilayah"].tolist()
    n = int((wilayah["jenis"] != "provinsi").sum())
    if len(provinsi) == 1:
        return f"Dasbor ini memuat {provinsi[0]} dan {n} kabupaten/kotanya"
    return f"Dasbor ini memuat {len(provinsi)} provinsi dan {n} kabupaten/kota"


def _satu_pemda(
    pemda: dict[str, list[int]], wilayah: pd.DataFrame | None, huruf: str | None
) -> tuple[str | None, str | None, list[MasalahBerkas]]:
    """The one pemda in scope the file belongs to, or problems naming every pemda found."""
    if not pemda:
        return None, None, []
    tabel = wilayah_bawaan() if wilayah is None else wilayah
    kode = {nama: kode_pemda(nama, tabel) for nama in pemda}
    asing = [nama for nama, k in kode.items() if k is None]
    if asing:
        nama = asing[0]
        return (
            None,
            None,
            [
                MasalahBerkas(
                    f"pemda '{nama}' ({len(pemda[nama])} baris) bukan pemda {lingkup().nama}"
                    + (f" (juga: {', '.join(repr(a) for a in asing[1:])})" if asing[1:] else "")
                    + f". {isi_lingkup(tabel)}: {', '.join(tabel['nama_wilayah'])}.",
                    LEMBAR_PORTAL,
                    pemda[nama][0],
                    "Pemda",
                    huruf,
                )
            ],
        )
    nama_resmi = dict(zip(tabel["kode_wilayah"], tabel["nama_wilayah"], strict=True))
    per_kode: dict[str, list[int]] = defaultdict(list)
    for nama, k in kode.items():
        per_kode[str(k)] += pemda[nama]
    if len(per_kode) > 1:
        rincian = "; ".join(
            f"{nama_resmi[k]} ({len(rs)} baris, mulai baris {min(rs)})"
            for k, rs in sorted(per_kode.items(), key=lambda x: min(x[1]))
        )
        pertama = sorted(per_kode.values(), key=min)[1]
        return (
            None,
            None,
            [
                MasalahBerkas(
                    f"berkas memuat lebih dari satu pemda: {rincian}. Satu berkas ekspor portal berisi satu pemda; "
                    "unduh daftar setiap pemda sebagai berkas sendiri.",
                    LEMBAR_PORTAL,
                    min(pertama),
                    "Pemda",
                    huruf,
                )
            ],
        )
    [k] = per_kode
    return k, nama_resmi[k], []


def read_portal(data: bytes, wilayah: pd.DataFrame | None = None) -> BukuPortal:
    """Read a portal export from its bytes (streaming, only the 19 columns). `wilayah` (kode_wilayah,
    nama_wilayah, jenis) is the database's list of regions; without it, the scope's regions. No database is
    touched."""
    if masalah := check_file(data):
        return BukuPortal(masalah=masalah)
    with warnings.catch_warnings():
        # openpyxl warns about extensions it does not keep (slicers, conditional formats); irrelevant to values.
        warnings.simplefilter("ignore")
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many kinds on damaged XML inside a valid zip
            return BukuPortal(
                masalah=[MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibaca ({type(exc).__name__}).")]
            )
        try:
            return _baca_lembar(wb, wilayah)
        except Exception as exc:  # damaged sheet XML surfaces while streaming rows
            return BukuPortal(
                masalah=[MasalahBerkas(f"berkas .xlsx rusak dan tidak dapat dibaca ({type(exc).__name__}).")]
            )
        finally:
            wb.close()


def _baca_lembar(wb: Any, wilayah: pd.DataFrame | None) -> BukuPortal:
    lembar = next((s for s in wb.sheetnames if s.strip().lower() == LEMBAR_PORTAL.lower()), None)
    if lembar is None:
        return BukuPortal(
            masalah=[
                MasalahBerkas(
                    f"lembar '{LEMBAR_PORTAL}' tidak ada. Lembar di berkas: {', '.join(wb.sheetnames)}. {KEDUA_FORMAT}"
                )
            ]
        )
    ws = wb[lembar]
    if ws.max_row is not None and ws.max_row - 1 > MAKS_BARIS:
        pesan = f"lembar berisi {ws.max_row - 1:,} baris data, melebihi batas {MAKS_BARIS:,} baris per lembar."
        return BukuPortal(masalah=[MasalahBerkas(pesan.replace(",", "."), LEMBAR_PORTAL)])
    # Streaming trusts the sheet's own dimension record for where rows and columns end; a generator that writes
    # a wrong one (A1:A1) would silently cut the file short. Forget it and read to the sheet's real end.
    ws.reset_dimensions()
    baris_judul = next(ws.iter_rows(min_row=1, max_row=1), ())
    posisi, masalah = _posisi_judul(baris_judul)
    if masalah:
        return BukuPortal(masalah=masalah)
    pembaca = _Pembaca(posisi)
    for r, sel in enumerate(ws.iter_rows(min_row=2, max_col=max(posisi.values()) + 1), start=2):
        if r - 1 > MAKS_BARIS:  # the dimension record above is the file's own claim; this is what it holds
            pesan = f"lembar berisi lebih dari {MAKS_BARIS:,} baris data.".replace(",", ".")
            return BukuPortal(masalah=[MasalahBerkas(pesan, LEMBAR_PORTAL)])
        pembaca.baris(r, sel)
    if not pembaca.isi[KOLOM_BARIS]:
        return BukuPortal(masalah=[MasalahBerkas("lembar tidak berisi satu pun baris inovasi.", LEMBAR_PORTAL)])
    kode, nama, masalah_pemda = _satu_pemda(pembaca.pemda, wilayah, pembaca.huruf.get("Pemda"))
    return BukuPortal(
        kode_wilayah=kode,
        nama_pemda=nama,
        baris=pd.DataFrame(pembaca.isi, columns=list(KOLOM_BARIS_PORTAL)),
        masalah=pembaca.masalah + masalah_pemda,
        catatan=pembaca.catatan,
        huruf=pembaca.huruf,
    )
