"""Read the national IID portal's innovation-list export (issue 18; format in
../shared/reference/portal-ekspor.md): one sheet, header row 1, one text row per innovation. Two layouts are
read, by header name in any column order: today's (sheet `Data`, 19 columns, `JUDUL_PORTAL`) and the older ≈2023
one (12 columns, `JUDUL_PORTAL_2023`, the first sheet whatever its name) that a Brida's archive of past years'
downloads holds.

Public API (stable; the import pipeline and the test-file writer build on it):
- `adalah_portal(data) -> bool`: the file is a portal export (a sheet `Data`, or a first sheet headed like the
  older export, and no template sheet `inovasi`); the caller then reads it with `read_portal`, else with the
  template reader. The import reads through `dasbor.excel.berkas.baca_berkas`, which decides the same
  (`portal_menurut`) inside its limited child.
- `read_portal(data, wilayah=None) -> BukuPortal`: every row and every problem, without touching a database.
- `BukuPortal`: `kode_wilayah` and `nama_pemda` (from the database's `wilayah`, by default the scope's regions;
  None when the Pemda column did not name exactly one pemda in scope), `baris` (one row per innovation, columns `KOLOM_BARIS_PORTAL`),
  `masalah` (problems: any one refuses the file), `catatan` (notices: shown, never refusing), `huruf` (portal
  header -> column letter) and `tata_letak` ("2025" or "2023"). Every problem and notice is a `MasalahBerkas` on
  the sheet read, with its Excel row and column header.
- `JUDUL_PORTAL`, the 19 headers; `JUDUL_PORTAL_2023`, the older 12; `LEMBAR_PORTAL`; the vocabularies
  `INISIATOR`, `BENTUK`, `JENIS`, `TAHAPAN`, `VIDEO` (portal spelling -> ours); `KOSONG` ("-", the portal's
  empty as our writer spells it; `null`, a blank cell and whitespace are read as empty too); `FORMAT_TANGGAL`;
  `KEDUA_FORMAT`, the sentence telling a user which formats are accepted. The cell-text readers (`kode_pemda`,
  `baca_koordinat`, `pisah_admin_opd`, `rapikan`) live in dasbor.excel.portal_nilai.

Columns of `BukuPortal.baris` (values in our vocabulary, empty = None; a column the layout lacks is None):
  `_baris` Excel row · `no` the portal's row number as text (not an id: it changes every year) ·
  `nama_inovasi` · `nama_perangkat_daerah` and `akun_portal` (split from `Admin OPD`) · `inisiator`, `bentuk`,
  `jenis`, `tahapan` (lower-case vocabulary of the inovasi table) · `asta_cita` · `urusan_utama` (the older
  layout's `Urusan Pemerintah`) · `urusan_lain` (one normalised string, values joined by ", ": it is not split
  into a list because urusan names themselves hold commas, e.g. "koperasi, usaha kecil, dan menengah") ·
  `kematangan` float 0–111 · `tanggal_input`, `tanggal_uji_coba` (older layout only), `tanggal_penerapan`,
  `tanggal_pengembangan` (datetime.date) · `lintang`, `bujur` (decimal degrees) and `koordinat_teks` (the cell
  as written when no coordinate could be read from it) · `ada_video` bool (the older layout: `Youtube` holds a
  link, not `Tidak Ada`) · `tautan_video`.
`Nama Inisiator` holds a person's name and nothing downstream needs it, so it is not kept.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable
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
    periksa_berkas,
    sel_terlarang,
)
from dasbor.excel.skema import MAKS_BARIS, Kolom
from dasbor.lingkup import lingkup

LEMBAR_PORTAL = "Data"
KOSONG = "-"
# The portal writes empty three ways (portal-ekspor.md): "-", the text "null" and a blank cell; compared
# lower-case after trimming, so " -", "NULL" and a cell of spaces are empty too.
TEKS_KOSONG = frozenset({"", KOSONG, "null"})
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
# The older (≈2023) export: 12 columns, read from the first sheet whatever its name.
JUDUL_PORTAL_2023 = (
    "Judul Inovasi",
    "Pemda",
    "Admin OPD",
    "Bentuk Inovasi",
    "Jenis",
    "Inisiator",
    "Urusan Pemerintah",
    "Kematangan",
    "Tahapan Inovasi",
    "Tanggal Uji Coba",
    "Tanggal Penerapan",
    "Youtube",
)
TATA_LETAK = {"2025": JUDUL_PORTAL, "2023": JUDUL_PORTAL_2023}
# "Asta Cipta" is the portal's typo for Asta Cita; a corrected header must not make a file unreadable.
ALIAS_JUDUL = {"asta cita": "Asta Cipta"}
TIDAK_ADA_VIDEO = "Tidak Ada"  # the older layout's Youtube cell without a link

KEDUA_FORMAT = (
    "Dasbor menerima dua format berkas: ekspor daftar inovasi dari portal IID nasional (lembar 'Data' dengan 19 "
    f"kolom: {', '.join(JUDUL_PORTAL)}; atau ekspor lama ≈2023 dengan 12 kolom: {', '.join(JUDUL_PORTAL_2023)}) "
    "dan templat impor dasbor (lembar inovasi, jawaban_sid, jawaban_spd; unduh dengan `python -m dasbor ekspor "
    "BERKAS.xlsx --tahun TAHUN --templat`)."
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
    "tanggal_uji_coba",
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
    "Urusan Pemerintah": "urusan_utama",
}
PILIHAN = {
    "Inisiator": ("inisiator", INISIATOR),
    "Bentuk Inovasi": ("bentuk", BENTUK),
    "Jenis": ("jenis", JENIS),
    "Tahapan Inovasi": ("tahapan", TAHAPAN),
}
TANGGAL = {
    "Tanggal Input": "tanggal_input",
    "Tanggal Uji Coba": "tanggal_uji_coba",
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
    tata_letak: str = "2025"


def _kosakata(peta: dict[str, Any]) -> dict[str, Any]:
    """Lookup by normalised spelling: the portal's words and our own canonical values."""
    kunci = {kunci_kosakata(k): v for k, v in peta.items()}
    kunci |= {kunci_kosakata(str(v)): v for v in peta.values() if isinstance(v, str)}
    return kunci


CARI = {judul: _kosakata(peta) for judul, (_, peta) in PILIHAN.items()} | {"Video": _kosakata(VIDEO)}


# ---- Cells ---------------------------------------------------------------------------------------------------


def _kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and nilai.strip().lower() in TEKS_KOSONG)


def _teks(nilai: Any) -> str:
    """A cell as text: the portal writes text, a workbook re-saved in Excel may hold numbers or dates."""
    if isinstance(nilai, datetime | date):
        return (nilai.date() if isinstance(nilai, datetime) else nilai).strftime(FORMAT_TANGGAL)
    if isinstance(nilai, bool):
        return "TRUE" if nilai else "FALSE"
    if isinstance(nilai, int | float):
        return _teks_angka(nilai)
    return rapikan(str(nilai))


def _tanggal(nilai: Any, iso: bool = False) -> tuple[date | None, str | None]:
    """A date cell: `dd-mm-yyyy` as the portal writes it (day first: 05-07-2022 is 5 July). `iso`: the older
    layout, whose dates may be the database's own `yyyy-mm-dd` (year first, so never ambiguous)."""
    if isinstance(nilai, datetime):
        return nilai.date(), None
    if isinstance(nilai, date):
        return nilai, None
    teks = _teks(nilai)
    format_teks = None
    if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", teks):
        format_teks = FORMAT_TANGGAL
    elif iso and (m := re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?", teks)):
        teks, format_teks = m[1], "%Y-%m-%d"
    if format_teks is not None:
        try:
            return datetime.strptime(teks, format_teks).date(), None
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


def _judul_lama(ws: Any) -> bool:
    """The sheet's row 1 names the older export's columns (enough of them to be meant as one)."""
    baris = next(ws.iter_rows(min_row=1, max_row=1, max_col=len(JUDUL_PORTAL_2023) * 2, values_only=True), ())
    kunci = {_kunci_judul(v) for v in baris if isinstance(v, str)}
    return {"judul inovasi", "admin opd", "youtube"} <= kunci


def _lembar_portal(wb: Any) -> str | None:
    """The sheet to read: `Data` (any case), else a first sheet headed like the older export."""
    data = next((s for s in wb.sheetnames if s.strip().lower() == LEMBAR_PORTAL.lower()), None)
    if data is not None:
        return data
    if wb.sheetnames and _judul_lama(wb[wb.sheetnames[0]]):
        return wb.sheetnames[0]
    return None


def adalah_portal(data: bytes) -> bool:
    """True when the file is meant as a portal export: a sheet `Data` (any case), or a first sheet headed like
    the older export, and no template sheet `inovasi`. An unreadable file is not (the template reader reports
    why)."""
    pra = periksa_berkas(data)
    return not pra.masalah and portal_menurut(data, pra.lembar)


def portal_menurut(data: bytes, nama_lembar: Iterable[str]) -> bool:
    """adalah_portal of a file that passed the XML checks, from the sheet names they found. Only a file with
    neither a sheet `Data` nor a template sheet `inovasi` is opened, to see whether its first sheet is headed like
    the older export; call it where the file may be opened (the limited child)."""
    nama = {s.strip().lower() for s in nama_lembar}
    if "inovasi" in nama:
        return False
    if LEMBAR_PORTAL.lower() in nama:
        return True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=True)
            try:
                return _lembar_portal(wb) is not None
            finally:
                wb.close()
    except Exception:  # damaged XML inside a valid zip: the template reader names it
        return False


def _posisi_judul(baris_judul: tuple[Any, ...], lembar: str) -> tuple[dict[str, int], str, list[MasalahBerkas]]:
    """Portal header -> 0-based column from row 1, tolerating case and spacing, and the layout those headers
    make ("2025" or "2023"); problems name what is missing from the layout the file comes closest to."""
    dikenal = {h.lower(): h for judul in TATA_LETAK.values() for h in judul} | ALIAS_JUDUL
    posisi: dict[str, int] = {}
    masalah: list[MasalahBerkas] = []
    for j, cell in enumerate(baris_judul):
        huruf = get_column_letter(j + 1)
        if getattr(cell, "value", None) is None:
            continue
        if pesan := sel_terlarang(cell):
            masalah.append(MasalahBerkas(f"judul kolom {pesan}", lembar, 1, None, huruf))
            continue
        judul = dikenal.get(_kunci_judul(cell.value))
        if judul is None:
            continue  # a column the portal may add later; only the known ones are read
        if judul in posisi:
            masalah.append(MasalahBerkas(f"judul kolom '{judul}' muncul dua kali.", lembar, 1, judul, huruf))
        else:
            posisi[judul] = j
    # Today's layout when it is complete or closest (ties too); the older one only when the file leans to it.
    tata_letak = max(TATA_LETAK, key=lambda t: (sum(h in posisi for h in TATA_LETAK[t]) / len(TATA_LETAK[t]), t))
    judul_tata = TATA_LETAK[tata_letak]
    posisi = {h: j for h, j in posisi.items() if h in judul_tata}
    masalah += [
        MasalahBerkas(f"kolom '{h}' tidak ada di baris judul (baris 1) lembar '{lembar}'. {KEDUA_FORMAT}", lembar, 1, h)
        for h in judul_tata
        if h not in posisi
    ]
    return posisi, tata_letak, masalah


MAKS_BARIS_DISEBUT = 10  # rows named in a summarised notice


class _Pembaca:
    """One pass over the data rows, collecting values, problems and notices."""

    def __init__(self, posisi: dict[str, int], lembar: str, tata_letak: str) -> None:
        self.posisi = posisi
        self.lembar = lembar
        self.tata_letak = tata_letak
        self.huruf = {h: get_column_letter(j + 1) for h, j in posisi.items()}
        self.isi: dict[str, list[Any]] = {k: [] for k in KOLOM_BARIS_PORTAL}
        self.pemda: dict[str, list[int]] = defaultdict(list)  # Pemda cell as written -> Excel rows
        self.masalah: list[MasalahBerkas] = []
        self.catatan: list[MasalahBerkas] = []
        # Coordinates kept as text (plus codes, short links, addresses): one summarised notice, not one per row.
        self.koordinat_teks: list[int] = []
        self.koordinat_luar: list[int] = []

    def _masalah(self, pesan: str, r: int, judul: str) -> None:
        self.masalah.append(MasalahBerkas(pesan, self.lembar, r, judul, self.huruf.get(judul)))

    def _catatan(self, pesan: str, r: int | None, judul: str) -> None:
        self.catatan.append(MasalahBerkas(pesan, self.lembar, r, judul, self.huruf.get(judul)))

    def baris(self, r: int, sel: tuple[Any, ...]) -> None:
        nilai: dict[str, Any] = dict.fromkeys(TATA_LETAK[self.tata_letak])
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
            if nilai.get(judul) is not None:
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
        if nilai.get("Video") is not None:
            baru["ada_video"], pesan = _pilihan(nilai["Video"], "Video", VIDEO)
            if pesan:
                self._masalah(pesan, r, "Video")
        if nilai.get("Youtube") is not None:
            # The older layout has no Video column: its Youtube cell holds the link(s) or "Tidak Ada".
            teks = _teks(nilai["Youtube"])
            baru["ada_video"] = kunci_kosakata(teks) != kunci_kosakata(TIDAK_ADA_VIDEO)
            if baru["ada_video"]:
                baru["tautan_video"] = self._panjang(teks, "tautan_video", r, "Youtube")
        if nilai["Kematangan"] is not None:
            baru["kematangan"], pesan = _kematangan(nilai["Kematangan"])
            if pesan:
                self._masalah(pesan, r, "Kematangan")
        elif baru["nama_inovasi"] is not None:
            self._catatan("kematangan kosong; inovasi ini tidak membawa nilai kematangan dari portal.", r, "Kematangan")
        for judul, kolom in TANGGAL.items():
            if nilai.get(judul) is not None:
                baru[kolom], pesan = _tanggal(nilai[judul], iso=self.tata_letak == "2023")
                if pesan:
                    self._masalah(pesan, r, judul)
        if nilai.get("Koordinat") is not None:
            self._koordinat(_teks(nilai["Koordinat"]), baru, r)
        for kolom, v in baru.items():
            self.isi[kolom].append(v)

    def _panjang(self, teks: str, kolom: str, r: int, judul: str) -> str:
        if pesan := _terlalu_panjang(teks, Kolom(kolom, "teks", False, "")):
            self._masalah(pesan, r, judul)
        return teks

    def _koordinat(self, teks: str, baru: dict[str, Any], r: int) -> None:
        """Never a problem: a coordinate that cannot be read is kept as text (see `ringkas_koordinat`)."""
        pasangan = baca_koordinat(teks)
        if pasangan is None:
            baru["koordinat_teks"] = teks
            self.koordinat_teks.append(r)
        elif not (-90 <= pasangan[0] <= 90 and -180 <= pasangan[1] <= 180):
            baru["koordinat_teks"] = teks
            self.koordinat_luar.append(r)
        else:
            baru["lintang"], baru["bujur"] = pasangan

    def ringkas_koordinat(self) -> None:
        """One notice for every coordinate kept as text: a real export holds dozens (plus codes, short map links,
        addresses), and one line per row would bury the notices that need a decision."""
        semua = sorted(self.koordinat_teks + self.koordinat_luar)
        if not semua:
            return
        jenis = []
        if self.koordinat_teks:
            jenis.append(
                f"{len(self.koordinat_teks)} tidak berupa pasangan lintang, bujur (mis. plus code, tautan peta pendek, "
                "alamat atau keterangan)"
            )
        if self.koordinat_luar:
            jenis.append(
                f"{len(self.koordinat_luar)} di luar rentang (lintang −90…90, bujur −180…180; mungkin tertukar)"
            )
        disebut = ", ".join(str(r) for r in semua[:MAKS_BARIS_DISEBUT]) + (
            " …" if len(semua) > MAKS_BARIS_DISEBUT else ""
        )
        self._catatan(
            f"{len(semua)} koordinat disimpan sebagai teks tanpa titik peta: {'; '.join(jenis)}. Baris {disebut}.",
            semua[0],
            "Koordinat",
        )


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
    touched. Untrusted files are read through dasbor.excel.berkas.baca_berkas, in a limited child."""
    if masalah := check_file(data):
        return BukuPortal(masalah=masalah)
    return baca_portal(data, wilayah)


def baca_portal(data: bytes, wilayah: pd.DataFrame | None) -> BukuPortal:
    """read_portal of a file that has passed check_file."""
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
    lembar = _lembar_portal(wb)
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
        return BukuPortal(masalah=[MasalahBerkas(pesan.replace(",", "."), lembar)])
    # Streaming trusts the sheet's own dimension record for where rows and columns end; a generator that writes
    # a wrong one (A1:A1) would silently cut the file short. Forget it and read to the sheet's real end.
    ws.reset_dimensions()
    baris_judul = next(ws.iter_rows(min_row=1, max_row=1), ())
    posisi, tata_letak, masalah = _posisi_judul(baris_judul, lembar)
    if masalah:
        return BukuPortal(masalah=masalah)
    pembaca = _Pembaca(posisi, lembar, tata_letak)
    for r, sel in enumerate(ws.iter_rows(min_row=2, max_col=max(posisi.values()) + 1), start=2):
        if r - 1 > MAKS_BARIS:  # the dimension record above is the file's own claim; this is what it holds
            pesan = f"lembar berisi lebih dari {MAKS_BARIS:,} baris data.".replace(",", ".")
            return BukuPortal(masalah=[MasalahBerkas(pesan, lembar)])
        pembaca.baris(r, sel)
    if not pembaca.isi[KOLOM_BARIS]:
        return BukuPortal(masalah=[MasalahBerkas("lembar tidak berisi satu pun baris inovasi.", lembar)])
    pembaca.ringkas_koordinat()
    kode, nama, masalah_pemda = _satu_pemda(pembaca.pemda, wilayah, pembaca.huruf.get("Pemda"))
    return BukuPortal(
        kode_wilayah=kode,
        nama_pemda=nama,
        baris=pd.DataFrame(pembaca.isi, columns=list(KOLOM_BARIS_PORTAL)),
        masalah=pembaca.masalah + masalah_pemda,
        catatan=pembaca.catatan,
        huruf=pembaca.huruf,
        tata_letak=tata_letak,
    )
