"""The contract of the import/export workbook: its sheets, their columns, each column's kind and allowed values,
and the limits a file must respect. The template, the export and the reader are all built from this one table."""

from __future__ import annotations

from dataclasses import dataclass

from dasbor.kosakata import BENTUK, INISIATOR, JENIS, STATUS_BUKTI, STATUS_INOVASI, TAHAPAN
from dasbor.lingkup import lingkup
from scoring.model import LEVEL_MAKS

# The workbook's drop-downs are the vocabulary's (dasbor/kosakata.py, checked against the database's CHECKs).
LEVEL = tuple(range(LEVEL_MAKS + 1))

# Limits checked before a workbook is parsed, so a huge or hostile file is refused cheaply. A whole-province
# export of the busiest demo year (1.430 inovasi, 28.600 jawaban SID) is about 1 MB and well inside them.
MAKS_BYTE = 20 * 1024 * 1024
# All parts of the zip together once uncompressed (zip bombs). The busiest demo year's export is 10,4 MB.
MAKS_BYTE_TERURAI = 50 * 1024 * 1024
MAKS_BARIS = 50_000  # data rows per sheet
# Checked in the sheet XML before parsing (dasbor/excel/sheet_xml.py): a cell, a merged range or a declared
# dimension further right or lower than these refuses the file, since a parser builds an object per cell of it.
MAKS_KOLOM = 100  # the template has 19 columns per sheet, the national portal's export 19
MAKS_LEMBAR = 50
MAKS_GABUNGAN = 1_000  # merged ranges per sheet
MAKS_TEKS_BERSAMA = 300_000  # distinct texts (sharedStrings) per workbook; three full sheets stay below
# Every XML part is bounded too, since a parser builds an object per element whatever the element is (issue 24 H1):
# openpyxl turns every child of <row> into a cell and every <xf> into a style, and parses the workbook part,
# styles and shared strings whole when it opens a file. The busiest demo year's export re-saved by LibreOffice
# has 1,0 MB of shared strings, 8,6 kB of styles, a 1,9 kB workbook part, 35 elements per row at most and
# 293.000 elements in its largest sheet.
MAKS_BYTE_BAGIAN = {"gaya": 4 << 20, "teks_bersama": 8 << 20, "buku": 2 << 20}  # styles, sharedStrings, workbook
MAKS_ELEMEN_BARIS = 2_000  # elements inside one <row>: its cells and what they hold
MAKS_ELEMEN_LUAR_BARIS = 100_000  # elements of a sheet outside its rows (columns, views, validations…)
MAKS_ELEMEN_LEMBAR = 3_000_000  # elements of one sheet in all
MAKS_ELEMEN_TEKS_BERSAMA = 1_000_000  # elements of the shared strings (two per text: <si><t>)
MAKS_RUN = 50_000  # rich-text runs (<r>, <rPh>) in the shared strings: openpyxl builds objects for each
MAKS_ELEMEN_BUKU = 10_000  # elements of the workbook part (sheets, definedName…)
MAKS_ELEMEN_BAGIAN = 100_000  # elements of any other XML part (styles: one <xf> per cell format)
TAHUN_PALING_AWAL = 2000  # dates before this are typing errors: the IID began in 2018


@dataclass(frozen=True)
class Kolom:
    """One column of a data sheet. `jenis`: teks (free text), kode (an identifier, kept as text), tahun,
    level (whole number 0–3), tanggal (a date) or pilihan (one of `pilihan`)."""

    nama: str
    jenis: str
    wajib: bool
    keterangan: str
    pilihan: tuple[str, ...] = ()


# Examples in the column notes are codes of the deployment's scope (data/lingkup.toml), read once at import.
_CONTOH, _CONTOH_NOL = lingkup().pembanding[0], lingkup().contoh_kode_nol
LEMBAR_PETUNJUK = "petunjuk"
LEMBAR_REFERENSI = "referensi"
LEMBAR_DATA: dict[str, tuple[Kolom, ...]] = {
    "inovasi": (
        Kolom(
            "id_inovasi",
            "kode",
            True,
            "Identitas inovasi: id inovasi dari ekspor aplikasi nasional, sama dari tahun ke tahun; tidak boleh "
            f"ganda di satu berkas (mis. {_CONTOH}-2024-0001).",
        ),
        Kolom("tahun", "tahun", True, "Tahun penilaian; harus sama dengan tahun yang dipilih saat impor."),
        Kolom(
            "kode_wilayah", "kode", True, f"Kode wilayah Kemendagri sebagai teks (mis. {_CONTOH_NOL}); lihat referensi."
        ),
        Kolom("id_perangkat_daerah", "kode", False, "Kode perangkat daerah pengampu; lihat referensi."),
        Kolom("nama_inovasi", "teks", True, "Nama inovasi."),
        Kolom("tahapan", "pilihan", False, "Tahapan inovasi.", TAHAPAN),
        Kolom("inisiator", "pilihan", False, "Inisiator inovasi.", INISIATOR),
        Kolom("jenis", "pilihan", False, "Jenis inovasi.", JENIS),
        Kolom("bentuk", "pilihan", False, "Bentuk inovasi.", BENTUK),
        Kolom("urusan_utama", "teks", False, "Urusan pemerintahan utama; tulis persis seperti di referensi."),
        Kolom("urusan_lain", "teks", False, "Urusan lain yang beririsan (boleh kosong)."),
        Kolom("tanggal_uji_coba", "tanggal", False, "Tanggal mulai uji coba (sel bertipe tanggal)."),
        Kolom("tanggal_penerapan", "tanggal", False, "Tanggal mulai penerapan (sel bertipe tanggal)."),
        Kolom("status_inovasi", "pilihan", True, "Status pengajuan inovasi.", STATUS_INOVASI),
        Kolom("rancang_bangun", "teks", False, "Ringkasan rancang bangun."),
        Kolom("tujuan", "teks", False, "Tujuan inovasi."),
        Kolom("manfaat", "teks", False, "Manfaat yang diperoleh."),
        Kolom("hasil_inovasi", "teks", False, "Hasil inovasi."),
        Kolom("tautan_video", "teks", False, "Tautan video inovasi."),
    ),
    "jawaban_sid": (
        Kolom("id_inovasi", "kode", True, "Inovasi yang dijawab; harus ada di lembar inovasi."),
        Kolom("kode_indikator", "kode", True, "Kode indikator SID (16–35) menurut versi aturan tahun itu."),
        Kolom("level_klaim", "level", True, "Level yang diklaim daerah, bilangan bulat 0–3."),
        Kolom("status_bukti", "pilihan", True, "Status bukti dukung.", STATUS_BUKTI),
        Kolom("level_verifikasi", "level", False, "Level hasil verifikasi 0–3; kosong bila belum diverifikasi."),
        Kolom("catatan_verifikasi", "teks", False, "Catatan verifikator."),
    ),
    "jawaban_spd": (
        Kolom("kode_wilayah", "kode", True, f"Kode wilayah sebagai teks (mis. {_CONTOH_NOL}); lihat referensi."),
        Kolom("tahun", "tahun", True, "Tahun penilaian; harus sama dengan tahun yang dipilih saat impor."),
        Kolom("kode_indikator", "kode", True, "Kode indikator SPD (1–15, mis. 2a) menurut versi aturan tahun itu."),
        Kolom("level_klaim", "level", True, "Level yang diklaim daerah, bilangan bulat 0–3."),
        Kolom("status_bukti", "pilihan", True, "Status bukti dukung.", STATUS_BUKTI),
        Kolom("level_verifikasi", "level", False, "Level hasil verifikasi 0–3; kosong bila belum diverifikasi."),
        Kolom("catatan_verifikasi", "teks", False, "Catatan verifikator."),
    ),
}


def kolom(lembar: str, nama: str) -> Kolom:
    return next(k for k in LEMBAR_DATA[lembar] if k.nama == nama)


# Optional sheet: new perangkat daerah arriving with the file. A file without it is as valid as before; rows that
# repeat an existing perangkat daerah exactly change nothing.
LEMBAR_PERANGKAT_DAERAH = "perangkat_daerah"
KOLOM_PERANGKAT_DAERAH: tuple[Kolom, ...] = (
    Kolom("id_perangkat_daerah", "kode", True, f"Kode perangkat daerah baru, unik (mis. {_CONTOH}-PD31)."),
    Kolom("kode_wilayah", "kode", True, "Kode wilayah pemilik perangkat daerah ini; lihat referensi."),
    Kolom("nama_perangkat_daerah", "teks", True, "Nama resmi lengkap; dasbor memperingatkan nama yang mirip."),
    Kolom("singkatan", "teks", False, "Singkatan (boleh kosong)."),
)
# Every sheet a user fills in: the three required data sheets, then the optional one.
LEMBAR_ISIAN: dict[str, tuple[Kolom, ...]] = {**LEMBAR_DATA, LEMBAR_PERANGKAT_DAERAH: KOLOM_PERANGKAT_DAERAH}

# Longest text a cell may hold, per column name (characters). Codes share one limit. The demo's longest values
# sit far below (nama_inovasi 123, rancang_bangun 288); Excel itself stops at 32.767.
MAKS_KODE = 50
MAKS_PANJANG: dict[str, int] = {
    "nama_inovasi": 255,
    "urusan_utama": 150,
    "urusan_lain": 500,
    "rancang_bangun": 5000,
    "tujuan": 5000,
    "manfaat": 5000,
    "hasil_inovasi": 5000,
    "tautan_video": 500,
    "catatan_verifikasi": 2000,
    "nama_perangkat_daerah": 150,
    "singkatan": 50,
}


def maks_panjang(k: Kolom) -> int | None:
    """The length limit of a text or code column, None for other kinds."""
    if k.jenis == "kode":
        return MAKS_KODE
    return MAKS_PANJANG.get(k.nama) if k.jenis == "teks" else None
