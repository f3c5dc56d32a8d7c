"""The portal reader on sheets built cell by cell from literal portal text with openpyxl, independent of our own
portal writer and of the reader's constants (portal-ekspor.md): day-first dates, "85.00", the three spellings of
empty, whitespace, coordinate quirks, `Teknologi`, and the older 12-column export read by header name. Swapping the
date format to month-day-year, or forgetting `null`, fails these tests."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import Workbook

from dasbor.excel.portal import adalah_portal, read_portal

# Today's 19 headers, typed out here (not imported), in the portal's order.
JUDUL = [
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
]
JUDUL_LAMA = [
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
]


def buku(judul: list[str], baris: list[dict[str, str | None]], lembar: str = "Data") -> bytes:
    """A workbook of one sheet: the headers in row 1, then each row's cells by header as literal text (None:
    a blank cell)."""
    wb = Workbook()
    ws = wb.active
    ws.title = lembar
    ws.append(judul)
    for b in baris:
        ws.append([b.get(j) for j in judul])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def sel(**ubah: str | None) -> dict[str, str | None]:
    """One row of a 2025 export as the portal writes it, with some cells replaced (keys: header with spaces as _)."""
    dasar = {
        "No": "1",
        "Judul Inovasi": "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)",
        "Pemda": "Kabupaten Tanah Laut",
        "Admin OPD": "DINAS PENDIDIKAN (disdik.tala)",
        "Inisiator": "OPD",
        "Nama Inisiator": "-",
        "Bentuk Inovasi": "Inovasi pelayanan publik",
        "Jenis": "Digital",
        "Asta Cipta": "-",
        "Urusan Utama": "pendidikan",
        "Urusan lain yang beririsan": None,
        "Kematangan": "85.00",
        "Tahapan Inovasi": "Penerapan",
        "Tanggal Input": "04-03-2025",
        "Tanggal Penerapan": "22-07-2022",
        "Tanggal Pengembangan": "-",
        "Koordinat": "-3.8, 114.8",
        "Video": "Ada",
        "Link Video": "https://www.youtube.com/watch?v=abc",
    }
    return dasar | {k.replace("_", " "): v for k, v in ubah.items()}


def test_dates_are_day_first_and_numbers_are_the_portal_text() -> None:
    hasil = read_portal(
        buku(
            JUDUL,
            [
                sel(),
                sel(No="2", Tanggal_Penerapan="05-07-2022", Tanggal_Pengembangan="01-12-2024", Kematangan="0"),
                sel(No="3", Tanggal_Penerapan="31-01-2023", Kematangan="0.00"),
                sel(No="4", Kematangan="111.00", Tanggal_Input="12-11-2025"),
            ],
        )
    )
    assert hasil.masalah == [], hasil.masalah
    d = hasil.baris
    assert d["tanggal_penerapan"].tolist() == [
        date(2022, 7, 22),
        date(2022, 7, 5),
        date(2023, 1, 31),
        date(2022, 7, 22),
    ]
    assert d["tanggal_pengembangan"].iat[1] == date(2024, 12, 1) and pd.isna(d["tanggal_pengembangan"].iat[0])
    assert d["tanggal_input"].iat[3] == date(2025, 11, 12)
    assert d["kematangan"].tolist() == [85.0, 0.0, 0.0, 111.0]


@pytest.mark.parametrize("kosong", ["-", " -", "null", "NULL", " null\t", "", "   ", None])
def test_every_spelling_of_empty_is_empty_in_every_column(kosong: str | None) -> None:
    kolom = [
        "Nama Inisiator",
        "Asta Cipta",
        "Urusan lain yang beririsan",
        "Tanggal Pengembangan",
        "Koordinat",
        "Link Video",
    ]
    hasil = read_portal(buku(JUDUL, [sel(**{k.replace(" ", "_"): kosong for k in kolom})]))
    assert hasil.masalah == [] and hasil.catatan == [], (hasil.masalah, hasil.catatan)
    r = hasil.baris.iloc[0]
    for k in ("asta_cita", "urusan_lain", "tanggal_pengembangan", "lintang", "bujur", "koordinat_teks", "tautan_video"):
        assert pd.isna(r[k]), k


def test_null_coordinates_are_empty_and_never_a_notice() -> None:
    hasil = read_portal(buku(JUDUL, [sel(No=str(i), Koordinat="null") for i in range(1, 93)]))
    assert hasil.masalah == [] and hasil.catatan == []
    assert hasil.baris["koordinat_teks"].isna().all() and hasil.baris["lintang"].isna().all()


def test_text_is_trimmed_and_inner_spaces_folded() -> None:
    hasil = read_portal(
        buku(
            JUDUL,
            [
                sel(
                    Judul_Inovasi="\tSIPINTAR  (Sistem Informasi) ",
                    Admin_OPD=" SMAN 1 PELAIHARI,  KAB. TANAH LAUT  (sman1.pelaihari)\t",
                ),
                sel(
                    No="2",
                    Judul_Inovasi="SEHATI",
                    Admin_OPD="SMAN 1 PELAIHARI (sman1.pelaihari)",
                    Link_Video=" s.id/video ",
                ),
            ],
        )
    )
    assert hasil.masalah == []
    d = hasil.baris
    assert d["nama_inovasi"].tolist() == ["SIPINTAR (Sistem Informasi)", "SEHATI"]
    assert d["nama_perangkat_daerah"].tolist() == ["SMAN 1 PELAIHARI, KAB. TANAH LAUT", "SMAN 1 PELAIHARI"]
    assert d["akun_portal"].tolist() == ["sman1.pelaihari", "sman1.pelaihari"]
    assert d["tautan_video"].iat[1] == "s.id/video"


def test_coordinate_quirks_read_or_kept_as_text_with_one_notice() -> None:
    koordinat = [
        ("-7,325387, 112,731079", (-7.325387, 112.731079)),
        ("(-3.44, 114.83)", (-3.44, 114.83)),
        ("Lat -3.05° Long 114.7°", (-3.05, 114.7)),
        ("https://www.google.com/maps/place/Kantor+Bupati/@-3.7998,114.7817,17z/data=!3m1!4b1", (-3.7998, 114.7817)),
        (" -3.8, 114.8 ", (-3.8, 114.8)),
        ("https://maps.app.goo.gl/AbCdEf123", None),
        ("WW92+7M Pelaihari, Kabupaten Tanah Laut", None),
        ("Jl. A. Yani Km. 5 Pelaihari", None),
        ("null", None),
    ]
    hasil = read_portal(buku(JUDUL, [sel(No=str(i), Koordinat=k) for i, (k, _) in enumerate(koordinat, 1)]))
    assert hasil.masalah == []
    d = hasil.baris
    for i, (teks, pasangan) in enumerate(koordinat):
        if pasangan is None:
            assert pd.isna(d["lintang"].iat[i]), teks
        else:
            assert (d["lintang"].iat[i], d["bujur"].iat[i]) == pasangan, teks
    assert d["koordinat_teks"].tolist()[5:8] == [
        "https://maps.app.goo.gl/AbCdEf123",
        "WW92+7M Pelaihari, Kabupaten Tanah Laut",
        "Jl. A. Yani Km. 5 Pelaihari",
    ]
    assert d["koordinat_teks"].iloc[[0, 1, 2, 3, 4, 8]].isna().all()
    [catatan] = hasil.catatan
    assert (catatan.baris, catatan.kolom) == (7, "Koordinat")
    assert "3 koordinat disimpan sebagai teks" in catatan.pesan and "Baris 7, 8, 9." in catatan.pesan


def test_month_day_year_is_not_how_the_portal_writes() -> None:
    [m] = read_portal(buku(JUDUL, [sel(Tanggal_Penerapan="07-22-2022")])).masalah
    assert (m.baris, m.kolom, m.huruf) == (2, "Tanggal Penerapan", "O") and "tidak ada di kalender" in m.pesan


def test_teknologi_and_the_other_portal_words() -> None:
    hasil = read_portal(
        buku(
            JUDUL,
            [
                sel(Jenis="Teknologi", Inisiator="Kepala Daerah", Tahapan_Inovasi="Uji Coba", Video="Tidak Ada"),
                sel(No="2", Jenis="Non Digital", Bentuk_Inovasi="Inovasi tata kelola pemerintahan daerah"),
            ],
        )
    )
    assert hasil.masalah == []
    d = hasil.baris
    assert d["jenis"].tolist() == ["teknologi", "non digital"]
    assert (d["inisiator"].iat[0], d["tahapan"].iat[0], d["ada_video"].iat[0]) == ("kepala daerah", "uji coba", False)


def lama(**ubah: str | None) -> dict[str, str | None]:
    dasar = {
        "Judul Inovasi": "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)",
        "Pemda": "Kabupaten Tanah Laut",
        "Admin OPD": "DINAS PENDIDIKAN (disdik.tala)",
        "Bentuk Inovasi": "Inovasi pelayanan publik",
        "Jenis": "Digital",
        "Inisiator": "OPD",
        "Urusan Pemerintah": "pendidikan",
        "Kematangan": "\n  72.00\n",
        "Tahapan Inovasi": "Penerapan",
        "Tanggal Uji Coba": "01-02-2021",
        "Tanggal Penerapan": "05-07-2022",
        "Youtube": "https://www.youtube.com/watch?v=abc",
    }
    return dasar | {k.replace("_", " "): v for k, v in ubah.items()}


def test_the_older_export_is_read_by_header_name_in_any_order_from_any_sheet_name() -> None:
    urutan = [JUDUL_LAMA[i] for i in (11, 0, 2, 1, 7, 3, 4, 5, 6, 8, 10, 9)]
    data = buku(
        urutan,
        [
            lama(),
            lama(
                Judul_Inovasi="SEHATI", Youtube="Tidak Ada", Kematangan="0", Tanggal_Uji_Coba="-", Jenis="Non Digital"
            ),
            lama(Judul_Inovasi="BERSIH", Youtube="  ", Tanggal_Penerapan="2023-03-09", Kematangan="null"),
        ],
        lembar="Worksheet",
    )
    assert adalah_portal(data)
    hasil = read_portal(data)
    assert hasil.masalah == [], hasil.masalah
    assert hasil.tata_letak == "2023" and hasil.kode_wilayah == "63.01"
    d = hasil.baris
    assert d["nama_inovasi"].tolist() == ["SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", "SEHATI", "BERSIH"]
    assert d["ada_video"].tolist()[:2] == [True, False] and pd.isna(d["ada_video"].iat[2])
    assert d["tautan_video"].iat[0] == "https://www.youtube.com/watch?v=abc" and pd.isna(d["tautan_video"].iat[1])
    assert d["tanggal_penerapan"].tolist() == [date(2022, 7, 5), date(2022, 7, 5), date(2023, 3, 9)]
    assert d["tanggal_uji_coba"].iat[0] == date(2021, 2, 1) and pd.isna(d["tanggal_uji_coba"].iat[1])
    assert d["kematangan"].tolist()[:2] == [72.0, 0.0] and pd.isna(d["kematangan"].iat[2])
    assert d["urusan_utama"].iat[0] == "pendidikan" and d["jenis"].iat[1] == "non digital"
    assert d["nama_perangkat_daerah"].iat[0] == "DINAS PENDIDIKAN" and d["akun_portal"].iat[0] == "disdik.tala"
    # columns the older layout lacks are empty, never guessed
    assert d[["no", "tanggal_input", "tanggal_pengembangan", "lintang", "asta_cita"]].isna().all().all()
    # the row, sheet and column of a notice are the file's own
    [catatan] = hasil.catatan
    assert (catatan.lembar, catatan.baris, catatan.kolom, catatan.huruf) == ("Worksheet", 4, "Kematangan", "E")


def test_an_older_export_missing_a_column_names_it() -> None:
    data = buku([j for j in JUDUL_LAMA if j != "Tanggal Penerapan"], [lama()], lembar="Worksheet")
    [m] = read_portal(data).masalah
    assert (m.lembar, m.baris, m.kolom) == ("Worksheet", 1, "Tanggal Penerapan") and "ekspor lama" in m.pesan


def test_a_sheet_that_is_neither_layout_is_not_a_portal_export() -> None:
    assert not adalah_portal(buku(["Nama", "Alamat"], [{"Nama": "x", "Alamat": "y"}], lembar="Lembar1"))
