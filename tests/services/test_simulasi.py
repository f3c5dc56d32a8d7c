"""What-if scenarios: parsed strictly from the URL, applied to a copy, scored by the scoring module."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import scoring
from dasbor.services import kelengkapan as kel
from dasbor.services import simulasi

BANJAR = "63.03"


@pytest.fixture(scope="module")
def hasil(kelengkapan_2024: kel.Kelengkapan, demo_env_modul: Path) -> kel.Kelengkapan:
    # simulasikan reads the year's real scores from the app's database (DASBOR_DB), as the page does
    return kelengkapan_2024


def iid_mentah(data: scoring.DataPenilaian, versi: str) -> float:
    return float(scoring.hitung_skor(data, scoring.load_metodologi(versi)).iloc[0]["iid_mentah"])


def test_a_scenario_survives_the_url_round_trip(hasil: kel.Kelengkapan) -> None:
    celah = hasil.celah[(hasil.celah["kode_wilayah"] == BANJAR) & hasil.celah["level_sasaran"].notna()]
    inovasi = hasil.inovasi[hasil.inovasi["kode_wilayah"] == BANJAR]["id_inovasi"]
    s = simulasi.Skenario(
        level=(("SPD", BANJAR, "2a", 3), ("SID", inovasi.iat[0], "35", 0)),
        bukti=tuple(celah["id_celah"].head(3)),
        kirim=((inovasi.iat[1], False),),
        tambahan=((0, 3), (6, 2)),
    )
    teks = simulasi.tulis(s)
    assert simulasi.baca(teks, hasil, BANJAR) == (s, [])


@pytest.mark.parametrize(
    "bagian",
    [
        "L:SPD:63.03:99:3",  # unknown indicator
        "L:SPD:63.03:2a:4",  # level outside 0–3
        "L:SID:63.09-2024-0001:35:3",  # an innovation of another region
        "B:SPD:63.09:8",  # a gap of another region
        "I:63.03-2024-9999:1",  # unknown innovation
        "T:9:3",  # unknown urusan
        "[klik](javascript:alert(1))",
    ],
)
def test_unknown_parts_are_dropped_with_a_message(hasil: kel.Kelengkapan, bagian: str) -> None:
    s, pesan = simulasi.baca(f"{bagian},L:SPD:63.03:1:3", hasil, BANJAR)
    assert s == simulasi.Skenario(level=(("SPD", BANJAR, "1", 3),))
    assert len(pesan) == 1 and "diabaikan" in pesan[0]


def test_fixing_evidence_in_a_scenario_equals_fixing_it_by_hand(hasil: kel.Kelengkapan) -> None:
    celah = hasil.celah[(hasil.celah["kode_wilayah"] == BANJAR) & (hasil.celah["aspek"] == "SPD")].head(2)
    h = simulasi.simulasikan(hasil, BANJAR, simulasi.Skenario(bukti=tuple(celah["id_celah"])))
    manual = scoring.terapkan_perubahan_level(
        hasil.data.bagian_wilayah(BANJAR),
        celah[["aspek", "kode_wilayah", "id_inovasi", "kode_indikator"]].assign(level_baru=celah["level_klaim"]),
        "terverifikasi",
    )
    assert h.simulasi["iid_mentah"] == pytest.approx(iid_mentah(manual, hasil.versi))
    assert h.simulasi["iid_mentah"] - h.nyata["iid_mentah"] == pytest.approx(celah["nilai_perbaikan"].sum())


def test_the_scenario_never_touches_the_real_figures(hasil: kel.Kelengkapan) -> None:
    sebelum = hasil.skor.copy()
    h = simulasi.simulasikan(hasil, BANJAR, simulasi.Skenario(tambahan=((0, 3),) * 5))
    pd.testing.assert_frame_equal(hasil.skor, sebelum)
    assert h.simulasi["iid"] != h.nyata["iid"]
    nyata = hasil.skor.set_index("kode_wilayah").loc[BANJAR]
    assert h.nyata["iid"] == nyata["iid"]


def test_fixing_the_fastest_path_changes_band_and_rank(hasil: kel.Kelengkapan) -> None:
    ids = hasil.jalan_rincian.loc[hasil.jalan_rincian["kode_wilayah"] == BANJAR, "id_celah"]
    h = simulasi.simulasikan(hasil, BANJAR, simulasi.Skenario(bukti=tuple(ids)))
    assert h.nyata["predikat"] == "Inovatif" and h.simulasi["predikat"] == "Sangat Inovatif"
    assert h.simulasi["peringkat"] < h.nyata["peringkat"]
    lain = h.peringkat[h.peringkat["kode_wilayah"] != BANJAR]
    # the region that was overtaken moves down by one; the province is ranked apart and never moves
    assert (lain["peringkat_simulasi"] - lain["peringkat_nyata"]).isin([0, 1]).all()
    assert h.peringkat.set_index("kode_wilayah").at["63", "peringkat_simulasi"] == 1


def test_withdrawing_and_sending_innovations_changes_the_divisor(hasil: kel.Kelengkapan) -> None:
    inovasi = hasil.inovasi[hasil.inovasi["kode_wilayah"] == BANJAR]
    draft = inovasi.loc[inovasi["status_inovasi"] == "draft", "id_inovasi"]
    dikirim = inovasi.loc[inovasi["status_inovasi"] != "draft", "id_inovasi"]
    h = simulasi.simulasikan(
        hasil, BANJAR, simulasi.Skenario(kirim=((draft.iat[0], True), (dikirim.iat[0], False), (dikirim.iat[1], False)))
    )
    assert h.simulasi["n_inovasi"] == h.nyata["n_inovasi"] - 1
    celah = hasil.celah.set_index("id_celah")
    sendiri = simulasi.simulasikan(hasil, BANJAR, simulasi.Skenario(kirim=((draft.iat[0], True),)))
    assert sendiri.simulasi["iid_mentah"] - sendiri.nyata["iid_mentah"] == pytest.approx(
        celah.at[f"INOVASI:{draft.iat[0]}:inovasi_draft", "nilai_perbaikan"]
    )


def test_hypothetical_complete_innovations_count_in_n_and_kematangan(hasil: kel.Kelengkapan) -> None:
    h = simulasi.simulasikan(hasil, BANJAR, simulasi.Skenario(tambahan=((0, 3), (1, 3))))
    assert h.simulasi["n_inovasi"] == h.nyata["n_inovasi"] + 2
    m = scoring.load_metodologi(hasil.versi)
    n = h.simulasi["n_inovasi"]
    # two more innovations at kematangan 111 and two more in the jumlah term (2023 rule has no yandas gate)
    harapan = (h.nyata["skor_kematangan"] * h.nyata["pembagi"] + 2 * 111) / max(m.pembagi_minimum, n)
    assert h.simulasi["skor_kematangan"] == pytest.approx(harapan)
    assert h.simulasi["skor_jumlah_inovasi"] == pytest.approx(h.nyata["skor_jumlah_inovasi"] + 2 * m.poin_per_inovasi)


def test_editor_helpers_turn_edits_into_scenario_parts(hasil: kel.Kelengkapan) -> None:
    awal = simulasi.jawaban_untuk_diubah(hasil, BANJAR, "SPD", simulasi.Skenario())
    assert len(awal) == 20 and (awal["level_simulasi"] == awal["level_diakui"]).all()
    baru = awal["level_simulasi"].to_numpy().copy()
    baru[0] = 3 if awal["level_diakui"].iat[0] != 3 else 0
    s = simulasi.level_dari_editor(simulasi.Skenario(), awal, baru)
    assert s.level == (("SPD", BANJAR, awal["kode_indikator"].iat[0], int(baru[0])),)
    kembali = simulasi.jawaban_untuk_diubah(hasil, BANJAR, "SPD", s)
    assert kembali["level_simulasi"].iat[0] == baru[0]
    assert simulasi.level_dari_editor(s, kembali, awal["level_diakui"].to_numpy()).level == ()
    inovasi = simulasi.inovasi_kirim(hasil, BANJAR)
    assert (inovasi["dikirim"] == (inovasi["status_inovasi"] != "draft")).all()  # marked: the marks are the set
    dikirim = inovasi["dikirim"].to_numpy().copy()
    dikirim[0] = not dikirim[0]
    s = simulasi.kirim_dari_editor(simulasi.Skenario(), inovasi, dikirim)
    assert s.kirim == ((inovasi["id_inovasi"].iat[0], bool(dikirim[0])),)


def test_rank_range_covers_the_thirteen_kabupaten_kota(demo_env: Path) -> None:
    rentang = simulasi.rentang_peringkat(2024)
    assert len(rentang) == 13 and "63" not in set(rentang["kode_wilayah"])
    assert sorted(rentang["peringkat_terverifikasi"]) == list(range(1, 14))
    assert rentang["peringkat_klaim"].between(1, 13).all()
    assert (rentang["peringkat_klaim"] != rentang["peringkat_terverifikasi"]).any()
