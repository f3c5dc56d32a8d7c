"""Matching portal rows to existing innovations: certain only for small edits with the same perangkat daerah,
uncertain with evidence otherwise, the user's decisions remembered, never a silent merge or split."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dasbor.demo.portal_tulis import beri_keanehan, tulis_portal
from dasbor.excel.portal import read_portal
from dasbor.services.cocok_inovasi import (
    MAKS_RAGU,
    RAGU_PER_BARIS,
    TerlaluBanyakRaguError,
    bagian_judul,
    baku,
    cocokkan,
    kunci_baris,
)

DISDIK = "Dinas Pendidikan dan Kebudayaan"
DINKES = "Dinas Kesehatan"


def berkas(*baris: tuple[str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "_baris": range(2, len(baris) + 2),
            "nama_inovasi": [b[0] for b in baris],
            "nama_perangkat_daerah": [b[1] for b in baris],
        }
    )


def ada(*baris: tuple[str, int, str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=["id_inovasi", "tahun", "nama_inovasi", "nama_perangkat_daerah"])


def keputusan(*baris: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=["kunci_baris", "id_inovasi", "keputusan"])


def daftar(nilai: pd.Series | pd.DataFrame) -> list:
    """Values with pandas' missing marker as None, for plain comparisons."""
    if isinstance(nilai, pd.DataFrame):
        return [daftar(r) for _, r in nilai.iterrows()]
    return [None if pd.isna(x) else x for x in nilai]


def test_normalised_text_and_title_parts() -> None:
    assert baku("  SIPINTAR  (Sistem-Informasi.)  Café ") == "sipintar sistem informasi cafe"
    assert bagian_judul("SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)") == {
        "sipintar",
        "sistem informasi pendidikan terintegrasi",
    }
    assert bagian_judul("SIPINTAR - Sistem Informasi Pintar") == {"sipintar", "sistem informasi pintar"}
    assert bagian_judul("Layanan (2023)") == {"layanan"}  # a year in parentheses stands for nothing
    assert bagian_judul("SIPINTAR") == set()
    assert kunci_baris("SIPINTAR  (Sistem)", "DINAS  PENDIDIKAN") == "sipintar sistem | dinas pendidikan"


def test_same_title_after_case_spacing_and_punctuation_is_certain() -> None:
    hasil = cocokkan(
        berkas(("sipintar  (SISTEM INFORMASI pendidikan, terintegrasi)", "DINAS PENDIDIKAN DAN KEBUDAYAAN")),
        ada(
            ("A", 2024, "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", DISDIK),
            ("B", 2024, "SIHATI (Sistem Informasi Kesehatan Ibu)", DINKES),
        ),
    )
    # title and perangkat daerah equal once normalised, no dates on either side: identical
    assert hasil.baris[["id_inovasi", "dasar"]].values.tolist() == [["A", "identik"]]
    assert hasil.ragu.empty


def test_acronym_written_out_or_the_expansion_alone_is_certain() -> None:
    lama = ada(("A", 2023, "SIPINTAR", DISDIK), ("B", 2023, "SEHATI (Sehat Hati Ibu)", DINKES))
    hasil = cocokkan(
        berkas(("SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", DISDIK), ("Sehat Hati Ibu", DINKES)), lama
    )
    assert hasil.baris[["id_inovasi", "dasar"]].values.tolist() == [["A", "akronim"], ["B", "akronim"]]


def test_an_edited_title_is_uncertain_with_its_evidence() -> None:
    hasil = cocokkan(
        berkas(("SIPINTAR (Sistem Informasi Pendidikan Terpadu)", DISDIK)),
        ada(("A", 2024, "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", DISDIK)),
    )
    assert hasil.baris["id_inovasi"].isna().all()
    [r] = hasil.ragu.to_dict("records")
    assert (r["id_inovasi"], r["jenis_judul"], r["_baris"], r["tahun_ada"]) == ("A", "mirip", 2, 2024)
    assert 0.75 <= r["skor_judul"] < 1 and r["skor_perangkat_daerah"] == 1.0
    assert "judul berbeda (kemiripan 0," in r["beda"] and r["alasan"] == "judul mirip tetapi tidak sama"


def test_another_perangkat_daerah_is_uncertain() -> None:
    hasil = cocokkan(
        berkas(("SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", "Dinas Komunikasi dan Informatika")),
        ada(("A", 2024, "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", DISDIK)),
    )
    assert hasil.baris["id_inovasi"].isna().all()
    [r] = hasil.ragu.to_dict("records")
    assert r["jenis_judul"] == "sama" and r["skor_perangkat_daerah"] < 0.85
    assert r["alasan"] == "judul sama tetapi perangkat daerah lain" and "perangkat daerah lain" in r["beda"]


def test_a_perangkat_daerah_name_inside_the_other_or_its_singkatan_is_the_same() -> None:
    lama = ada(("A", 2024, "SIPINTAR", DISDIK), ("B", 2024, "SEHATI", DINKES)).assign(singkatan=["Disdikbud", "Dinkes"])
    hasil = cocokkan(berkas(("SIPINTAR", "DISDIKBUD"), ("SEHATI", "DINAS KESEHATAN KAB. TANAH LAUT")), lama)
    assert hasil.baris["id_inovasi"].tolist() == ["A", "B"]


def test_two_perangkat_daerah_with_one_title_are_two_innovations_flagged_as_duplicates() -> None:
    judul = "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)"
    rows = berkas((judul, DISDIK), ("SEHATI", DINKES), (judul.upper(), DINKES))
    # Both known: each row keeps its own id.
    hasil = cocokkan(rows, ada(("A", 2024, judul, DISDIK), ("B", 2024, judul, DINKES)))
    assert daftar(hasil.baris["id_inovasi"]) == ["A", None, "B"]
    assert daftar(hasil.baris["kelompok_kembar"]) == [1, None, 1]
    # Only one known: the other perangkat daerah's row is not silently merged into it.
    hasil = cocokkan(rows, ada(("A", 2024, judul, DISDIK)))
    assert daftar(hasil.baris["id_inovasi"]) == ["A", None, None]
    assert hasil.ragu[["posisi", "id_inovasi", "alasan"]].values.tolist() == [
        [2, "A", "judul sama tetapi perangkat daerah lain"]
    ]


def test_two_rows_never_take_one_innovation_and_one_row_never_takes_two() -> None:
    judul = "SIPINTAR"
    hasil = cocokkan(berkas((judul, DISDIK), (judul, DISDIK)), ada(("A", 2024, judul, DISDIK)))
    assert hasil.baris["id_inovasi"].isna().all()
    assert hasil.ragu["id_inovasi"].tolist() == ["A", "A"]
    assert hasil.ragu["alasan"].str.startswith("bentrok: 2 baris berkas dan 1 inovasi").all()
    hasil = cocokkan(berkas((judul, DISDIK)), ada(("A", 2024, judul, DISDIK), ("B", 2024, "sipintar.", DISDIK)))
    assert hasil.baris["id_inovasi"].isna().all()
    assert sorted(hasil.ragu["id_inovasi"]) == ["A", "B"]


def test_a_title_entered_twice_by_one_account_keeps_its_ids_on_reimport() -> None:
    judul = "SIPINTAR"
    lama = ada(("A1", 2025, judul, DISDIK), ("A2", 2025, judul, DISDIK))
    hasil = cocokkan(berkas((judul, DISDIK), (judul.lower(), DISDIK)), lama)
    assert hasil.baris["id_inovasi"].tolist() == ["A1", "A2"]
    assert hasil.baris["kelompok_kembar"].tolist() == [1, 1]


def test_earlier_years_and_titles_changed_between_years() -> None:
    lama = ada(
        ("A", 2022, "SIPINTAR", DISDIK),
        ("A", 2023, "SIPINTAR (Sistem Informasi Pendidikan)", DISDIK),
        ("A", 2024, "SIPINTAR 2.0", DISDIK),
        ("B", 2021, "SEHATI", DINKES),
    )
    hasil = cocokkan(berkas(("Sistem Informasi Pendidikan", DISDIK), ("SEHATI", DINKES)), lama)
    assert hasil.baris["id_inovasi"].tolist() == ["A", "B"]


def test_decisions_make_a_pair_certain_or_exclude_it() -> None:
    rows = berkas(("SIPINTAR (Sistem Informasi Pendidikan Terpadu)", DISDIK), ("SEHATI", "Dinas Sosial"))
    lama = ada(
        ("A", 2024, "SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", DISDIK), ("B", 2024, "SEHATI", DINKES)
    )
    tanpa = cocokkan(rows, lama)
    assert tanpa.baris["id_inovasi"].isna().all() and tanpa.ragu["id_inovasi"].tolist() == ["A", "B"]
    k0, k1 = tanpa.baris["kunci_baris"]
    hasil = cocokkan(rows, lama, keputusan((k0, "A", "sama"), (k1, "B", "beda")))
    assert daftar(hasil.baris[["id_inovasi", "dasar"]]) == [["A", "keputusan"], [None, None]]
    assert hasil.ragu.empty
    # A decision about an innovation that no longer exists changes nothing.
    assert pd.isna(cocokkan(rows, lama, keputusan((k1, "Z", "sama"))).baris["id_inovasi"].iat[1])


def test_an_innovation_the_user_gave_to_one_row_is_not_taken_by_another() -> None:
    rows = berkas(("SEHATI", DINKES), ("SEHATI Ibu", DINKES))
    lama = ada(("B", 2024, "SEHATI", DINKES))
    k1 = kunci_baris("SEHATI Ibu", DINKES)
    hasil = cocokkan(rows, lama, keputusan((k1, "B", "sama")))
    assert daftar(hasil.baris["id_inovasi"]) == [None, "B"]
    assert hasil.ragu[["posisi", "alasan"]].values.tolist() == [[0, "dipilih pengguna untuk baris lain"]]


def test_a_quirky_portal_export_of_known_innovations_matches_them_all() -> None:
    n = 80
    lama = pd.DataFrame(
        {
            "id_inovasi": [f"63.01-2024-{i:04d}" for i in range(n)],
            "tahun": 2024,
            "nama_inovasi": [f"INOVASI{i} (Inovasi Nomor {i} Kabupaten)" for i in range(n)],
            "nama_perangkat_daerah": [f"Dinas Urusan {i % 20}" for i in range(n)],
            "akun_portal": [f"urusan{i % 20}.tala" for i in range(n)],
            "lintang": -3.8,
            "bujur": 114.8,
        }
    )
    buku = read_portal(tulis_portal(beri_keanehan(lama, seed=5), "Kabupaten Tanah Laut"))
    assert buku.masalah == []
    hasil = cocokkan(buku.baris, lama)
    tunggal = hasil.baris["kelompok_kembar"].isna()
    judul_id = dict(zip(lama["nama_inovasi"].map(baku), lama["id_inovasi"], strict=True))
    harapan = buku.baris["nama_inovasi"].map(baku).map(judul_id)
    assert (hasil.baris.loc[tunggal, "id_inovasi"] == harapan[tunggal]).all()
    assert (~tunggal).sum() >= 4  # the copies entered by a second account, and their originals
    certain = hasil.baris["id_inovasi"].dropna()
    assert certain.is_unique


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["SIPINTAR", "sipintar.", "SEHATI", "Sehat Hati"]), st.sampled_from("AB")), max_size=6
    ),
    st.lists(
        st.tuples(st.sampled_from(["SIPINTAR", "SEHATI (Sehat Hati)", "SEHAT"]), st.sampled_from("AB")), max_size=6
    ),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["sama", "beda"])), max_size=4),
)
def test_no_silent_merge_and_decisions_hold(file_rows, known, decided) -> None:
    rows = berkas(*file_rows)
    lama = ada(*[(f"id{i}", 2024, j, o) for i, (j, o) in enumerate(known)])
    kunci = [kunci_baris(j, o) for j, o in file_rows]
    # one word per pair, the last given, as the table's primary key keeps it
    terakhir = {(kunci[b], f"id{i}"): k for b, i, k in decided if b < len(kunci) and i < len(known)}
    kep = keputusan(*[(k, i, x) for (k, i), x in terakhir.items()])
    hasil = cocokkan(rows, lama, kep)
    certain = hasil.baris["id_inovasi"].dropna()
    assert certain.is_unique  # never two rows onto one innovation
    beda = {(k, i) for k, i, x in kep.itertuples(index=False) if x == "beda"}
    pairs = set(zip(hasil.baris["kunci_baris"], hasil.baris["id_inovasi"], strict=True))
    pairs |= set(zip(hasil.ragu["kunci_baris"], hasil.ragu["id_inovasi"], strict=True))
    assert not pairs & beda
    sama = {(k, i) for k, i, x in kep.itertuples(index=False) if x == "sama"}
    ragu = set(zip(hasil.ragu["kunci_baris"], hasil.ragu["id_inovasi"], strict=True))
    for posisi, k in enumerate(hasil.baris["kunci_baris"]):  # a 'sama' is certain, or shown as a conflict
        dikatakan = {i for kk, i in sama if kk == k}
        if dikatakan:
            assert hasil.baris["id_inovasi"].iat[posisi] in dikatakan or {(k, i) for i in dikatakan} <= ragu
    assert not set(hasil.ragu["posisi"]) & set(hasil.baris.index[hasil.baris["id_inovasi"].notna()])


def test_an_exact_title_wins_over_an_acronym_and_the_other_row_is_asked() -> None:
    rows = berkas(("SIPINTAR (Sistem Informasi Pendidikan Terintegrasi)", DISDIK), ("SIPINTAR", DISDIK))
    hasil = cocokkan(rows, ada(("A", 2024, "SIPINTAR", DISDIK)))
    assert daftar(hasil.baris[["id_inovasi", "dasar"]]) == [[None, None], ["A", "identik"]]
    assert hasil.ragu[["posisi", "id_inovasi", "alasan"]].values.tolist() == [
        [0, "A", "inovasi ini sudah dipasangkan dengan baris 3, yang lebih cocok"]
    ]


def test_importing_the_same_file_again_keeps_the_ids_the_first_import_gave() -> None:
    """The first import of 2025 met a conflict (two rows, one 2024 innovation) and, without a decision, gave
    both rows new ids; the second import finds those 2025 ids and keeps them, each row its own."""
    rows = berkas(("SIPINTAR", DISDIK), ("sipintar", DISDIK), ("SIPINTAR (Sistem Informasi Pendidikan)", DISDIK))
    lama = ada(("A", 2024, "SIPINTAR", DISDIK))
    pertama = cocokkan(rows, lama, tahun=2025)
    assert pertama.baris["id_inovasi"].isna().all()
    assert pertama.ragu["alasan"].str.startswith("bentrok").tolist() == [True, True, False]
    assert pertama.ragu["alasan"].iat[2].startswith("inovasi ini bentrok dengan baris lain")
    baru = [f"B{p}" for p in range(len(rows))]
    kedua_ada = pd.concat(
        [
            lama,
            ada(
                *[
                    (i, 2025, n, o)
                    for i, n, o in zip(baru, rows["nama_inovasi"], rows["nama_perangkat_daerah"], strict=True)
                ]
            ),
        ]
    )
    kedua = cocokkan(rows, kedua_ada, tahun=2025)
    assert kedua.baris["id_inovasi"].tolist() == baru
    assert kedua.ragu.empty
    # Without the year, the 2024 innovation joins the conflict again: asked, never merged.
    assert cocokkan(rows, kedua_ada).baris["id_inovasi"].iloc[:2].isna().all()


SMAN = "SMAN 1 PULUNG"


def test_a_reimport_keeps_both_ids_of_a_title_entered_with_and_without_its_kabupaten() -> None:
    """The real export's pairs: one title under 'SMAN 1 X, KAB. Y' and 'SMAN 1 X'. Each row is identical to the
    innovation its first import stored, so neither is a conflict, whatever the id order."""
    rows = berkas(("SMART  SCHOOL", f"{SMAN}, KAB. PONOROGO"), ("Smart School", SMAN))
    lama = ada(("Z9", 2025, "SMART SCHOOL", f"{SMAN}, KAB. PONOROGO"), ("A1", 2025, "Smart School", SMAN))
    for tahun in (2025, None):
        hasil = cocokkan(rows, lama, tahun=tahun)
        assert daftar(hasil.baris[["id_inovasi", "dasar"]]) == [["Z9", "identik"], ["A1", "identik"]]
        assert hasil.ragu.empty
    # Against last year's list (not yet identical to anything this year), the same pair is asked, never merged.
    pertama = cocokkan(rows, lama.assign(tahun=2024, nama_perangkat_daerah=SMAN), tahun=2025)
    assert pertama.baris["id_inovasi"].isna().all()


def test_identical_candidates_are_told_apart_by_dates_then_detail_then_order() -> None:
    rows = berkas(("SEHATI", DINKES), ("SEHATI", DINKES), ("SEHATI", DINKES)).assign(
        tanggal_penerapan=[date(2022, 7, 5), date(2023, 1, 2), date(2023, 1, 2)],
        tanggal_pengembangan=None,
        kematangan=[50.0, 80.0, 20.0],
        akun_portal=["dinkes.a", "dinkes.b", "dinkes.b"],
    )
    # Stored as a database gives them back: timestamps, and ids in an order unlike the rows'.
    lama = ada(("C", 2025, "SEHATI", DINKES), ("B", 2025, "sehati", DINKES), ("A", 2025, "Sehati", DINKES)).assign(
        tanggal_penerapan=pd.to_datetime(["2023-01-02", "2022-07-05", "2023-01-02"]),
        tanggal_pengembangan=pd.NaT,
        kematangan=[20.0, 50.0, 80.0],
        akun_portal=["dinkes.b", "dinkes.a", "dinkes.b"],
    )
    hasil = cocokkan(rows, lama, tahun=2025)
    assert hasil.baris["id_inovasi"].tolist() == ["B", "A", "C"]
    assert set(hasil.baris["dasar"]) == {"identik"} and hasil.ragu.empty
    # Nothing but order tells two rows apart: row order with id order, the same every time.
    sama_semua = cocokkan(rows.iloc[1:].assign(kematangan=1.0), lama.iloc[[0, 2]].assign(kematangan=1.0), tahun=2025)
    assert sama_semua.baris["id_inovasi"].tolist() == ["A", "C"]


def test_a_title_repeated_hundreds_of_times_is_refused_with_what_to_do() -> None:
    rows = berkas(*[("Inovasi Desa", f"Desa {i}") for i in range(120)])
    lama = ada(*[(f"id{i:03d}", 2024, "INOVASI DESA", f"Kelurahan {i}") for i in range(60)])
    with pytest.raises(TerlaluBanyakRaguError) as galat:
        cocokkan(rows, lama, tahun=2025)
    pesan = str(galat.value)
    assert f"lebih dari {MAKS_RAGU}" in pesan and "'Inovasi Desa' (120 baris di berkas, 60 inovasi tersimpan" in pesan
    assert "Beri setiap inovasi judul yang membedakannya di portal" in pesan


def test_a_widely_shared_title_compares_a_bounded_number_and_still_finds_its_own() -> None:
    lama = ada(*[(f"id{i:03d}", 2024, "Inovasi Desa", f"Desa {i}") for i in range(200)])
    hasil = cocokkan(berkas(("INOVASI DESA", "Desa 137"), ("Inovasi Desa", "Kecamatan Baru")), lama, tahun=2025)
    assert daftar(hasil.baris["id_inovasi"]) == ["id137", None]
    assert len(hasil.ragu) <= RAGU_PER_BARIS


def test_a_pair_under_its_two_perangkat_daerah_spellings_keeps_its_ids_when_a_date_changed() -> None:
    """Not identical any more (a development date added in the portal since the last download), so the equal-title
    tier decides: each row is strictly nearest its own innovation, and each innovation its own row."""
    rows = berkas(("Smart School", f"{SMAN}, KAB. PONOROGO"), ("SMART SCHOOL", SMAN)).assign(
        tanggal_penerapan=date(2023, 1, 2), tanggal_pengembangan=date(2024, 5, 6)
    )
    lama = ada(("Z9", 2025, "Smart School", SMAN), ("A1", 2025, "Smart School", f"{SMAN}, KAB. PONOROGO")).assign(
        tanggal_penerapan=pd.Timestamp("2023-01-02"), tanggal_pengembangan=pd.NaT
    )
    hasil = cocokkan(rows, lama, tahun=2025)
    assert daftar(hasil.baris[["id_inovasi", "dasar"]]) == [["A1", "sama"], ["Z9", "sama"]]
    assert hasil.ragu.empty
    # Two rows equally near both innovations: no preference, so asked, never guessed.
    dua = berkas(("Smart School", f"{SMAN} PONOROGO"), ("SMART SCHOOL", f"{SMAN} KAB")).assign(
        tanggal_penerapan=date(2023, 1, 2), tanggal_pengembangan=None
    )
    seri = cocokkan(dua, lama, tahun=2025)
    assert seri.baris["id_inovasi"].isna().all() and set(seri.ragu["id_inovasi"]) == {"Z9", "A1"}
    assert seri.ragu["alasan"].str.startswith("bentrok: 2 baris berkas dan 2 inovasi").all()
