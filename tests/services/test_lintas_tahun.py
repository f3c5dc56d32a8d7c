"""The two cross-year gap kinds, priced by hand and by the naive reference, on tiny two-year data (rule 2025:
divisor MAX(10, n), 0,38 per sent innovation, skor total maksimum 250, penerapan from T − 2 on)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import scoring
from dasbor.db.connection import Database
from dasbor.demo.ekspor_portal import JALUR_PORTAL
from dasbor.services import kelengkapan as kel
from dasbor.services import lintas_tahun as lt
from scoring.reference import hitung_skor_referensi
from tests.scoring.data_uji import buat_data

M = scoring.load_metodologi("2025")


def _data(inovasi: list[tuple], penerapan: dict[str, str], sid: list[tuple], spd: list[tuple]) -> scoring.DataPenilaian:
    data = buat_data(inovasi, sid, spd)
    tanggal = pd.to_datetime(data.inovasi["id_inovasi"].map(penerapan))
    return scoring.DataPenilaian(data.inovasi.assign(tanggal_penerapan=tanggal), data.jawaban_sid, data.jawaban_spd)


# 2024. A: X (answers as in 2025), Y (applied 2023, 16 verified 2 → 6, 17 verified 3 → 6: kematangan 12),
# Z (applied 2022: too old for 2025), V (no application date, 16 verified 1 → 3), D (a draft: never submitted).
# B: W (16 claimed 1 without evidence: counts 0).
LALU = _data(
    [("A", "X", "diterima"), ("A", "Y", "diterima"), ("A", "Z", "diterima"), ("A", "V"), ("A", "D", "draft")]
    + [("B", "W")],
    {"X": "2024-02-01", "Y": "2023-05-01", "Z": "2022-03-01", "D": "2024-01-01", "W": "2024-06-01"},
    [
        ("X", "16", 3, "ada", 3),
        ("X", "17", 2, "kosong"),
        ("Y", "16", 2, "ada", 2),
        ("Y", "17", 3, "ada", 3),
        ("Z", "16", 3, "ada", 3),
        ("V", "16", 1, "ada", 1),
        ("D", "16", 3, "ada"),
        ("W", "16", 1, "kosong"),
    ],
    [("A", "1", 3, "ada", 3)],
)
# 2025. A: X again with the same claims and evidence (verified 3 on 16; 17 claimed 2 without evidence), V back
# only as a draft. B: ten innovations of kematangan 9 each (16 verified 3), W not entered again.
KINI = _data(
    [("A", "X", "diterima"), ("A", "V", "draft")] + [("B", f"B{i}", "diterima") for i in range(10)],
    {"X": "2024-02-01", **{f"B{i}": "2025-01-01" for i in range(10)}},
    [("X", "16", 3, "ada", 3), ("X", "17", 2, "kosong"), ("V", "16", 3, "ada")]
    + [(f"B{i}", "16", 3, "ada", 3) for i in range(10)],
    [("A", "1", 3, "ada", 3)],
)


@pytest.fixture(scope="module")
def lintas() -> pd.DataFrame:
    return lt.celah_lintas_tahun(KINI, LALU, M, 2025).set_index("id_inovasi")


def test_flags_exactly_the_eligible_missing_and_the_unchanged(lintas: pd.DataFrame) -> None:
    # Z is too old under the age rule, D was never submitted, X was re-entered (so it is not missing).
    assert lintas["jenis"].to_dict() == {
        "Y": "belum_diinput_ulang",
        "V": "belum_diinput_ulang",
        "W": "belum_diinput_ulang",
        "X": "belum_diperbarui",
    }
    assert lintas.at["V", "status_kini"] == "draft" and pd.isna(lintas.at["Y", "status_kini"])
    assert set(lintas["tahun_sebelumnya"]) == {2024}


def test_prices_by_hand(lintas: pd.DataFrame) -> None:
    # A now: SPD 3; X 9 ÷ MAX(10, 1) = 0,9; jumlah 1 × 0,38; total 4,28 → IID 1,712.
    # + Y: (9 + 12) ÷ 10 = 2,1; jumlah 0,76; total 5,86 → 2,344: +0,632.
    assert lintas.at["Y", "nilai_perbaikan"] == pytest.approx(0.632)
    # + V as last year (replacing the draft): (9 + 3) ÷ 10 = 1,2; jumlah 0,76; total 4,96 → 1,984: +0,272.
    assert lintas.at["V", "nilai_perbaikan"] == pytest.approx(0.272)
    # B now: 90 ÷ 10 = 9; jumlah 3,8; total 12,8. + W (kematangan 0): 90 ÷ 11 + 11 × 0,38 = 12,3618…;
    # the divisor grows more than the jumlah term adds, so re-entering W costs 0,438182 ÷ 2,5 = 0,175273 points.
    assert lintas.at["W", "nilai_perbaikan"] == pytest.approx((90 / 11 + 4.18 - 12.8) / 250 * 100)
    assert lintas.at["W", "nilai_perbaikan"] < 0
    # X unchanged: 17 claimed 2 without evidence; counted it adds 2 × bobot 2 ÷ 10 ÷ 250 × 100 = 0,16.
    assert lintas.at["X", "nilai_perbaikan"] == pytest.approx(0.16)


def _total_referensi(data: scoring.DataPenilaian, kode: str) -> float:
    skor = hitung_skor_referensi(data, M).set_index("kode_wilayah")
    return float(skor.at[kode, "skor_total"]) / M.maks_total * 100


def test_re_entry_prices_agree_with_the_naive_reference(lintas: pd.DataFrame) -> None:
    """Re-enter each innovation by hand (last year's row and answers appended, this year's draft removed) and
    re-score with the deliberately naive second implementation."""
    for id_inovasi in ("Y", "V", "W"):
        kode = LALU.inovasi.set_index("id_inovasi").at[id_inovasi, "kode_wilayah"]
        tanpa = KINI.inovasi["id_inovasi"] != id_inovasi
        sesudah = scoring.DataPenilaian(
            pd.concat([KINI.inovasi[tanpa], LALU.inovasi[LALU.inovasi["id_inovasi"] == id_inovasi]]),
            pd.concat(
                [
                    KINI.jawaban_sid[KINI.jawaban_sid["id_inovasi"] != id_inovasi],
                    LALU.jawaban_sid[LALU.jawaban_sid["id_inovasi"] == id_inovasi],
                ]
            ),
            KINI.jawaban_spd,
        )
        naif = _total_referensi(sesudah, kode) - _total_referensi(KINI, kode)
        assert lintas.at[id_inovasi, "nilai_perbaikan"] == pytest.approx(naif, abs=1e-9)


def test_unchanged_price_is_the_sum_of_its_evidence_gaps_in_the_worklist(lintas: pd.DataFrame) -> None:
    celah = kel.hitung_celah(kel.lengkapi_wajib(KINI, M), M, 2025)
    bukti = celah[(celah["id_inovasi"] == "X") & celah["jenis_celah"].str.startswith(("bukti_", "klaim_"))]
    assert lintas.at["X", "nilai_perbaikan"] == pytest.approx(bukti["nilai_perbaikan"].sum())


def test_a_changed_answer_is_not_unchanged() -> None:
    kini = scoring.DataPenilaian(
        KINI.inovasi,
        KINI.jawaban_sid.assign(status_bukti=KINI.jawaban_sid["status_bukti"].mask(KINI.jawaban_sid.index == 1, "ada")),
        KINI.jawaban_spd,
    )
    assert "X" not in set(lt.celah_lintas_tahun(kini, LALU, M, 2025)["id_inovasi"])


def test_worklist_rows_are_whole_innovation_rows_that_do_not_add_up(lintas: pd.DataFrame) -> None:
    baris = lt.baris_celah(lintas.reset_index())
    assert set(baris["jenis_celah"]) == set(lt.JENIS_LINTAS) and not baris["aditif"].any()
    assert baris.set_index("id_inovasi").at["W", "id_celah"] == "INOVASI:W:belum_diinput_ulang"
    assert "bisa negatif" in baris.set_index("id_inovasi").at["W", "perbaikan"]


def test_demo_2025_has_both_kinds_in_every_region_and_nothing_in_the_first_year(demo_db: Path) -> None:
    db = Database(demo_db, read_only=True)
    try:
        lintas = lt.lintas_tahun_db(db, 2025)
        assert lt.lintas_tahun_db(db, 2021).empty
        inovasi_2025 = db.query("inovasi_tahun", {"tahun": 2025})
    finally:
        db.close()
    per_wilayah = lintas.groupby("kode_wilayah")["jenis"].agg(set)
    # A pemda-year known only from its portal export (JALUR_PORTAL) has no answers that could equal last year's:
    # its innovations are all listed as not entered again (all drafts), none as re-entered unchanged.
    portal = {k for t, k in JALUR_PORTAL if t == 2025}
    assert len(per_wilayah) == 14 and portal
    assert all(j == ({"belum_diinput_ulang"} if k in portal else set(lt.JENIS_LINTAS)) for k, j in per_wilayah.items())
    terkirim = inovasi_2025[inovasi_2025["status_inovasi"] != "draft"]["id_inovasi"]
    belum = lintas[lintas["jenis"] == "belum_diinput_ulang"]
    assert not belum["id_inovasi"].isin(terkirim).any()
