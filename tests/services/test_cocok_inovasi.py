"""Matching portal rows to existing innovations: certain only for small edits with the same perangkat daerah,
uncertain with evidence otherwise, the user's decisions remembered, never a silent merge or split."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dasbor.demo.portal_tulis import beri_keanehan, tulis_portal
from dasbor.excel.portal import read_portal
from dasbor.services.cocok_inovasi import bagian_judul, baku, cocokkan, kunci_baris

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
    assert hasil.baris[["id_inovasi", "dasar"]].values.tolist() == [["A", "sama"]]
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
    assert daftar(hasil.baris[["id_inovasi", "dasar"]]) == [[None, None], ["A", "sama"]]
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
