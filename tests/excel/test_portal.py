"""The portal export reader: real .xlsx files written by dasbor.demo.portal_tulis (every quirk of
portal-ekspor.md), read back by dasbor.excel.portal, with every problem located on sheet Data, row and column."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dasbor.db.migrate import migrate
from dasbor.demo.portal_tulis import beri_keanehan, plus_code, tulis_portal
from dasbor.excel.portal import (
    BENTUK,
    INISIATOR,
    JENIS,
    JUDUL_PORTAL,
    KOLOM_BARIS_PORTAL,
    TAHAPAN,
    adalah_portal,
    read_portal,
)
from dasbor.excel.portal_nilai import baca_koordinat, kode_pemda, pisah_admin_opd, rapikan


def inovasi(n: int = 60) -> pd.DataFrame:
    """n innovations in our vocabulary, with every field the export carries."""
    return pd.DataFrame(
        {
            "nama_inovasi": [f"SIPINTAR {i} (Sistem Informasi Pendidikan, Terintegrasi {i})" for i in range(n)],
            "nama_perangkat_daerah": [
                ["Dinas Pendidikan (Disdik)", "SMAN 1 PELAIHARI, KAB. TANAH LAUT", "Dinas Kesehatan"][i % 3]
                for i in range(n)
            ],
            "akun_portal": [["disdik.tala", "sman1.pelaihari", "dinkes.tala"][i % 3] for i in range(n)],
            "inisiator": [list(INISIATOR.values())[i % 5] for i in range(n)],
            "bentuk": [list(BENTUK.values())[i % 3] for i in range(n)],
            "jenis": [list(JENIS.values())[i % 3] for i in range(n)],
            "asta_cita": [None if i % 2 else "Memperkuat pembangunan sumber daya manusia (SDM)" for i in range(n)],
            "urusan_utama": "pendidikan",
            "urusan_lain": [None if i % 4 else "kesehatan, koperasi, usaha kecil, dan menengah" for i in range(n)],
            "kematangan": [float(i * 111 // max(n - 1, 1)) + (0.5 if i % 7 == 0 and i else 0.0) for i in range(n)],
            "tahapan": [list(TAHAPAN.values())[i % 3] for i in range(n)],
            "tanggal_input": date(2025, 3, 4),
            "tanggal_penerapan": [date(2012 + i % 14, 1 + i % 12, 1 + i % 28) for i in range(n)],
            "tanggal_pengembangan": [None if i % 3 else date(2024, 7, 22) for i in range(n)],
            "lintang": [-3.8 - i / 1000 for i in range(n)],
            "bujur": [114.78 + i / 1000 for i in range(n)],
            "ada_video": [i % 5 != 0 for i in range(n)],
            "tautan_video": [None if i % 5 == 0 else f"https://www.youtube.com/watch?v=x{i}" for i in range(n)],
        }
    )


def _sama(nilai: object, harapan: object) -> bool:
    kosong = [v is None or (isinstance(v, float) and pd.isna(v)) for v in (nilai, harapan)]
    return all(kosong) if any(kosong) else nilai == harapan


def _ubah_sel(data: bytes, sel: dict[str, object]) -> bytes:
    """The workbook with some cells of sheet Data replaced (values a user typed after downloading it)."""
    wb = load_workbook(io.BytesIO(data))
    for alamat, nilai in sel.items():
        wb["Data"][alamat] = nilai
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def test_every_quirk_reads_back_to_the_innovations() -> None:
    harapan = beri_keanehan(inovasi(), seed=3)
    assert harapan["kembar"].sum() >= 1 and harapan["koordinat"].notna().sum() >= 5
    buku = read_portal(tulis_portal(harapan, "Kabupaten  Tanah Laut"))
    assert buku.masalah == []
    assert (buku.kode_wilayah, buku.nama_pemda) == ("63.01", "Kabupaten Tanah Laut")
    assert list(buku.baris.columns) == list(KOLOM_BARIS_PORTAL)
    assert buku.baris["_baris"].tolist() == list(range(2, len(harapan) + 2))
    for kolom in KOLOM_BARIS_PORTAL[2:]:
        if kolom == "urusan_lain" or kolom not in harapan:
            continue
        beda = [
            (i, a, b) for i, (a, b) in enumerate(zip(buku.baris[kolom], harapan[kolom], strict=True)) if not _sama(a, b)
        ]
        assert beda == [], kolom
    assert set(buku.baris["urusan_lain"].dropna()) == {"kesehatan, koperasi, usaha kecil, dan menengah"}
    # Plus codes are kept as text with one notice naming their rows; nothing else is noticed.
    plus = harapan.index[harapan["koordinat_teks"].notna()]
    assert len(plus) >= 2
    [catatan] = buku.catatan
    assert (catatan.baris, catatan.kolom, catatan.huruf) == (plus[0] + 2, "Koordinat", "Q")
    assert f"{len(plus)} koordinat disimpan sebagai teks" in catatan.pesan
    assert f"Baris {', '.join(str(i + 2) for i in plus)}." in catatan.pesan


def test_text_as_typed_in_the_portal() -> None:
    b = inovasi(3).assign(
        judul=["  SIPINTAR   (Sistem  Informasi)", "=SEHAT", "A\u00a0B"],
        admin_opd=["DINAS  PENDIDIKAN,  KAB. TANAH LAUT  (disdik.tala)", "Dinas Kesehatan", "-"],
        urusan_lain=["kesehatan ,sosial,  pendidikan", "-", None],
        koordinat=["-3,8123, 114,7456", "https://maps.google.com/?q=-3.5,114.9", "-"],
    )
    buku = read_portal(tulis_portal(b, "KAB. TANAH LAUT"))
    assert buku.masalah == []
    d = buku.baris
    assert d["nama_inovasi"].tolist() == ["SIPINTAR (Sistem Informasi)", "=SEHAT", "A B"]
    assert d["nama_perangkat_daerah"].tolist()[:2] == ["DINAS PENDIDIKAN, KAB. TANAH LAUT", "Dinas Kesehatan"]
    assert d["akun_portal"].iat[0] == "disdik.tala" and pd.isna(d["akun_portal"].iat[1])
    assert pd.isna(d["nama_perangkat_daerah"].iat[2])
    assert d["urusan_lain"].iat[0] == "kesehatan, sosial, pendidikan" and pd.isna(d["urusan_lain"].iat[1])
    assert (d["lintang"].iat[0], d["bujur"].iat[0]) == (-3.8123, 114.7456)
    assert (d["lintang"].iat[1], d["bujur"].iat[1]) == (-3.5, 114.9)
    assert pd.isna(d["lintang"].iat[2]) and pd.isna(d["koordinat_teks"].iat[2])
    # the account-less Admin OPD is a notice, not a problem
    assert [(c.baris, c.kolom) for c in buku.catatan] == [(3, "Admin OPD")]


def test_numbers_and_dates_resaved_by_excel_are_accepted() -> None:
    data = _ubah_sel(
        tulis_portal(inovasi(2), "Kabupaten Tanah Laut"),
        {"A2": 1, "L2": 85, "L3": 42.5, "O2": datetime(2023, 5, 17), "P3": date(2024, 1, 2), "B3": 2024},
    )
    buku = read_portal(data)
    assert buku.masalah == []
    d = buku.baris
    assert d["no"].tolist() == ["1", "2"] and d["nama_inovasi"].iat[1] == "2024"
    assert d["kematangan"].tolist() == [85.0, 42.5]
    assert d["tanggal_penerapan"].iat[0] == date(2023, 5, 17) and d["tanggal_pengembangan"].iat[1] == date(2024, 1, 2)


@pytest.mark.parametrize(
    "alamat,nilai,kolom,potongan",
    [
        ("L2", "112.00", "Kematangan", "di luar rentang 0–111"),
        ("L2", "-1", "Kematangan", "di luar rentang 0–111"),
        ("L2", "tinggi", "Kematangan", "harus angka 0–111"),
        ("O2", "2023-05-17", "Tanggal Penerapan", "dd-mm-yyyy"),
        ("P2", "17/05/2023", "Tanggal Pengembangan", "dd-mm-yyyy"),
        ("N2", "31-02-2024", "Tanggal Input", "tidak ada di kalender"),
        ("B2", "-", "Judul Inovasi", "judul inovasi kosong"),
        ("B2", "   ", "Judul Inovasi", "judul inovasi kosong"),
        ("R2", "Mungkin", "Video", "pilihan di portal: Ada, Tidak Ada"),
        ("H2", "Analog", "Jenis", "Digital, Non Digital, Teknologi"),
        ("E2", "Camat", "Inisiator", "pilihan di portal"),
        ("M2", "=A1", "Tahapan Inovasi", "berisi rumus '=A1'"),
        ("C2", "-", "Pemda", "nama pemda kosong"),
        ("B2", "x" * 256, "Judul Inovasi", "melebihi batas 255"),
    ],
)
def test_a_bad_value_is_refused_at_its_row_and_column(alamat: str, nilai: str, kolom: str, potongan: str) -> None:
    data = tulis_portal(inovasi(3), "Kabupaten Tanah Laut")
    if nilai.startswith("="):
        data = _ubah_sel(data, {alamat: nilai})  # openpyxl stores it as a formula
    else:
        wb = load_workbook(io.BytesIO(data))
        wb["Data"][alamat].value = nilai
        wb["Data"][alamat].data_type = "s"
        keluaran = io.BytesIO()
        wb.save(keluaran)
        data = keluaran.getvalue()
    buku = read_portal(data)
    assert len(buku.masalah) == 1, buku.masalah
    [m] = buku.masalah
    assert (m.lembar, m.baris, m.kolom, m.huruf) == ("Data", 2, kolom, alamat[0])
    assert potongan in m.pesan
    assert str(m).startswith(f"Lembar 'Data', baris 2, kolom {alamat[0]} ({kolom}):")


def test_headers_tolerate_case_and_spacing_but_a_missing_one_names_it_and_both_formats() -> None:
    data = tulis_portal(inovasi(2), "Kabupaten Tanah Laut")
    sedikit_beda = _ubah_sel(data, {"B1": "  judul   INOVASI ", "I1": "Asta Cita", "K1": "Urusan Lain Yang Beririsan"})
    assert read_portal(sedikit_beda).masalah == []
    tanpa = _ubah_sel(data, {"L1": "Skor"})
    buku = read_portal(tanpa)
    [m] = buku.masalah
    assert (m.lembar, m.baris, m.kolom) == ("Data", 1, "Kematangan")
    assert "'Kematangan' tidak ada" in m.pesan and "dua format" in m.pesan and "templat" in m.pesan
    assert buku.baris.empty


@pytest.mark.parametrize(
    "nama,kode",
    [
        ("Kabupaten Tanah Laut", "63.01"),
        ("KAB. TANAH  LAUT", "63.01"),
        ("kab tanah laut", "63.01"),
        ("Kota Banjarbaru", "63.72"),
        ("KOTA  BANJARMASIN", "63.71"),
        ("Provinsi Kalimantan Selatan", "63"),
        ("PROV. KALIMANTAN SELATAN", "63"),
        ("Pemerintah Kabupaten Hulu Sungai Selatan", "63.06"),
        ("Banjar", "63.03"),
        ("Kota Banjar", None),
        ("Provinsi Jawa Timur", None),
        ("Kabupaten Ponorogo", None),
    ],
)
def test_pemda_names_map_to_kode_wilayah(nama: str, kode: str | None) -> None:
    assert kode_pemda(nama) == kode


def test_a_file_of_another_province_is_refused_with_its_name() -> None:
    buku = read_portal(tulis_portal(inovasi(3), "Provinsi Jawa Timur"))
    [m] = buku.masalah
    assert (m.baris, m.kolom, m.huruf) == (2, "Pemda", "C")
    assert "'Provinsi Jawa Timur' (3 baris) bukan pemda Kalimantan Selatan" in m.pesan
    assert buku.kode_wilayah is None


def test_a_file_mixing_pemda_is_refused_naming_each() -> None:
    b = inovasi(5).assign(pemda=["Kabupaten Tanah Laut", "KAB. TANAH LAUT", "Kota Banjarbaru", None, None])
    buku = read_portal(tulis_portal(b, "Kabupaten Tanah Laut"))
    [m] = buku.masalah
    assert (m.baris, m.kolom) == (4, "Pemda")
    assert "Kabupaten Tanah Laut (4 baris, mulai baris 2)" in m.pesan
    assert "Kota Banjarbaru (1 baris, mulai baris 4)" in m.pesan


@pytest.mark.parametrize(
    "teks,nama,akun",
    [
        ("DINAS KESEHATAN (dinkes.tala)", "DINAS KESEHATAN", "dinkes.tala"),
        ("SMAN 1 PULUNG, KAB. PONOROGO  (jatimprov.sman1)", "SMAN 1 PULUNG, KAB. PONOROGO", "jatimprov.sman1"),
        ("DINAS PENDIDIKAN (DISDIK) (disdik.tala)", "DINAS PENDIDIKAN (DISDIK)", "disdik.tala"),
        ("RSUD (RAWAT INAP (KELAS A)) (rsud.a)", "RSUD (RAWAT INAP (KELAS A))", "rsud.a"),
        ("BAPPEDA", "BAPPEDA", None),
        ("BAPPEDA (LITBANG", "BAPPEDA (LITBANG", None),
        ("(akun.saja)", "(akun.saja)", None),
    ],
)
def test_admin_opd_splits_into_perangkat_daerah_and_account(teks: str, nama: str, akun: str | None) -> None:
    assert pisah_admin_opd(teks) == (nama, akun)


@pytest.mark.parametrize(
    "teks,pasangan",
    [
        ("-7.607, 112.540", (-7.607, 112.54)),
        ("-7,325387, 112,731079", (-7.325387, 112.731079)),
        ("-7,325387,112,731079", (-7.325387, 112.731079)),
        ("https://www.google.com/maps/place/Kantor/@-7.998,111.817,17z/data=!3m1", (-7.998, 111.817)),
        ("(-3.44; 114.83)", (-3.44, 114.83)),
        ("-3.44 114.83", (-3.44, 114.83)),
        ("WW92+7M Beji, Kabupaten Pasuruan", None),
        ("di depan kantor camat", None),
        ("-3.44", None),
    ],
)
def test_coordinates_as_the_portal_holds_them(teks: str, pasangan: tuple[float, float] | None) -> None:
    assert baca_koordinat(teks) == pasangan


def test_an_unreadable_or_out_of_range_coordinate_is_text_with_one_notice_never_a_problem() -> None:
    kode = plus_code(-3.8, 114.8, "Pelaihari")
    b = inovasi(3).assign(koordinat=[kode, "114.83, -3.44", "123.5, 200.1"])
    buku = read_portal(tulis_portal(b, "Kabupaten Tanah Laut"))
    assert buku.masalah == []
    assert buku.baris["koordinat_teks"].tolist() == [kode, "114.83, -3.44", "123.5, 200.1"]
    assert buku.baris["lintang"].isna().all()
    [catatan] = buku.catatan
    assert (catatan.baris, catatan.kolom) == (2, "Koordinat")
    assert "1 tidak berupa pasangan" in catatan.pesan and "plus code" in catatan.pesan
    assert "2 di luar rentang" in catatan.pesan and "Baris 2, 3, 4." in catatan.pesan


def test_hostile_and_foreign_files() -> None:
    assert "bukan buku kerja Excel" in read_portal(b"No,Judul Inovasi\n1,x\n").masalah[0].pesan
    wb_tanpa_data = _ubah_sel(tulis_portal(inovasi(1), "Kabupaten Tanah Laut"), {})
    wb = load_workbook(io.BytesIO(wb_tanpa_data))
    wb["Data"].title = "Lembar1"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    [m] = read_portal(keluaran.getvalue()).masalah
    assert "lembar 'Data' tidak ada" in m.pesan and "dua format" in m.pesan
    kosong = tulis_portal(inovasi(0), "Kabupaten Tanah Laut")
    assert "tidak berisi satu pun baris" in read_portal(kosong).masalah[0].pesan


def test_only_a_workbook_with_sheet_data_and_no_template_sheet_is_a_portal_export() -> None:
    data = tulis_portal(inovasi(1), "Kabupaten Tanah Laut")
    assert adalah_portal(data)
    wb = load_workbook(io.BytesIO(data))
    wb.create_sheet("inovasi")
    keluaran = io.BytesIO()
    wb.save(keluaran)
    assert not adalah_portal(keluaran.getvalue())
    assert not adalah_portal(b"bukan xlsx")


def test_every_header_is_written_once_in_the_portal_order() -> None:
    ws = load_workbook(io.BytesIO(tulis_portal(inovasi(2), "Kota Banjarbaru")))["Data"]
    assert [c.value for c in ws[1]] == list(JUDUL_PORTAL)
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row)


def test_the_vocabulary_read_is_accepted_by_the_inovasi_table() -> None:
    con = duckdb.connect()
    migrate(con)
    con.execute(
        "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, status_inovasi, sumber, id_sumber_data) "
        "VALUES ('x', 2025, '63', 'n', 'draft', 'portal', 1)"
    )
    for kolom, peta in (("inisiator", INISIATOR), ("bentuk", BENTUK), ("jenis", JENIS), ("tahapan", TAHAPAN)):
        for nilai in peta.values():
            con.execute(f"UPDATE inovasi SET {kolom} = ?", [nilai])


TEKS_BEBAS = st.text(alphabet=st.sampled_from("aBcDé ,.-'()=/&\u00a0"), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(
    judul=st.lists(TEKS_BEBAS.filter(lambda t: rapikan(t) not in ("", "-")), min_size=1, max_size=4),
    opd=TEKS_BEBAS.filter(lambda t: rapikan(t) not in ("", "-") and not rapikan(t).endswith(")")),
    akun=st.from_regex(r"[a-z][a-z0-9.]{0,15}", fullmatch=True),
)
def test_free_text_survives_the_round_trip(judul: list[str], opd: str, akun: str) -> None:
    b = pd.DataFrame({"nama_inovasi": judul, "nama_perangkat_daerah": opd, "akun_portal": akun, "kematangan": 1.0})
    buku = read_portal(tulis_portal(b, "Kota Banjarmasin"))
    assert buku.masalah == [] and buku.kode_wilayah == "63.71"
    assert buku.baris["nama_inovasi"].tolist() == [rapikan(j) for j in judul]
    assert set(buku.baris["nama_perangkat_daerah"]) == {rapikan(opd)}
    assert set(buku.baris["akun_portal"]) == {akun}


def test_an_empty_kematangan_is_noticed_not_refused() -> None:
    buku = read_portal(tulis_portal(inovasi(2).assign(kematangan=[None, 5.0]), "Kabupaten Tanah Laut"))
    assert buku.masalah == [] and pd.isna(buku.baris["kematangan"].iat[0])
    assert [(c.baris, c.kolom) for c in buku.catatan] == [(2, "Kematangan")]


def test_a_wrong_dimension_record_does_not_cut_the_file_short() -> None:
    """Streaming reads believe `<dimension ref=…>`; some generators write A1:A1 whatever the sheet holds."""
    data = tulis_portal(inovasi(5), "Kabupaten Tanah Laut")
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asli, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru:
        for bagian in asli.infolist():
            isi = asli.read(bagian.filename)
            if bagian.filename == "xl/worksheets/sheet1.xml":
                isi, n = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A1"', isi)
                assert n == 1
            baru.writestr(bagian, isi)
    buku = read_portal(keluaran.getvalue())
    assert buku.masalah == [] and len(buku.baris) == 5
    assert buku.baris["tautan_video"].notna().sum() == 4  # column S, far beyond the claimed A
