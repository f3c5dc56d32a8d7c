"""Hand-computed cases for compute.hitung_skor; the arithmetic is written next to every case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pytest

from scoring import DataPenilaian, DataTidakSahError, bulatkan, hitung_skor, load_metodologi, predikat_untuk
from scoring.reference import hitung_skor_referensi
from tests.scoring.data_uji import buat_data, gabung, inovasi_seragam

M = {v: load_metodologi(v) for v in ("2022", "2023", "2025", "2026")}
W = "63.01"
YANDAS = M["2026"].syarat_yandas.urusan  # pendidikan, kesehatan, PUPR, perumahan, trantibum, sosial

# SPD 40 = ten weight-1 indicators at level 3 (30) + indicator 12 (bobot 2) at 2 (4) + 6 and 7 (bobot 1.5) at 2 (6)
SPD_40 = [(W, k, 3) for k in ("1", "2a", "2b", "3", "4", "9", "13a", "13b", "14", "15")] + [
    (W, "12", 2),
    (W, "6", 2),
    (W, "7", 2),
]


def penilaian(versi: str, *kelompok: tuple[Any, ...], spd: list[tuple[Any, ...]] | None = None) -> DataPenilaian:
    """Groups of (banyak, kematangan, status[, urusan]) innovations in wilayah W, plus SPD rows."""
    inovasi, sid = gabung(
        *(inovasi_seragam(W, k[0], k[1], M[versi], k[2], *k[3:], awalan=f"{j}-") for j, k in enumerate(kelompok))
    )
    return buat_data(inovasi, sid, spd or [])


@dataclass(frozen=True)
class Kasus:
    nama: str
    versi: str
    data: DataPenilaian
    harapan: dict[str, Any]
    basis: str = "terverifikasi"


KASUS = [
    # 4 × 50 = 200 ÷ MAX(10, 4) = 20; jumlah 4 × 0.38 = 1.52; SID 21.52; IID 21.52 ÷ 250 × 100 = 8.608 → 8.61
    Kasus(
        "max10_n_kurang_dari_10",
        "2023",
        penilaian("2023", (4, 50, "dikirim")),
        {"n_inovasi": 4, "pembagi": 10, "skor_kematangan": 20, "skor_jumlah_inovasi": 1.52, "skor_sid": 21.52}
        | {"iid": 8.61, "predikat": "Kurang Inovatif"},
    ),
    # 10 × 50 = 500 ÷ MAX(10, 10) = 50; jumlah 3.80; SID 53.80; IID 53.8 × 0.4 = 21.52
    Kasus(
        "max10_n_sama_dengan_10",
        "2023",
        penilaian("2023", (10, 50, "dikirim")),
        {"n_inovasi": 10, "pembagi": 10, "skor_kematangan": 50, "skor_jumlah_inovasi": 3.8, "iid": 21.52},
    ),
    # 12 × 50 = 600 ÷ MAX(10, 12) = 50 (a plain average now); jumlah 4.56; SID 54.56; IID 21.824 → 21.82
    Kasus(
        "max10_n_lebih_dari_10",
        "2023",
        penilaian("2023", (12, 50, "dikirim")),
        {"n_inovasi": 12, "pembagi": 12, "skor_kematangan": 50, "skor_sid": 54.56, "iid": 21.82},
    ),
    # 2026, 10 × 60 = 600 ÷ MAX(12, 10) = 50; 5 urusan → jumlah 3.80; SID 53.80; IID 21.52
    Kasus(
        "max12_2026_n_kurang_dari_12",
        "2026",
        penilaian("2026", (10, 60, "dikirim", YANDAS[:5])),
        {"pembagi": 12, "skor_kematangan": 50, "skor_jumlah_inovasi": 3.8, "iid": 21.52},
    ),
    # same answers under 2023: 600 ÷ MAX(10, 10) = 60; SID 63.80; IID 25.52
    Kasus(
        "max10_2023_data_yang_sama",
        "2023",
        penilaian("2023", (10, 60, "dikirim", YANDAS[:5])),
        {"pembagi": 10, "skor_kematangan": 60, "iid": 25.52},
    ),
    # §3.5 worked example: SPD 40; 8 × 80 = 640 ÷ 12 = 53.3333; 5 of 6 urusan → 8 × 0.38 = 3.04;
    # total 96.3733; IID 38.549 → 38.55, Kurang Inovatif under the 2026 bands (< 40.01)
    Kasus(
        "contoh_2026_delapan_inovasi",
        "2026",
        penilaian("2026", (8, 80, "dikirim", YANDAS[:5]), spd=SPD_40),
        {"skor_spd": 40, "skor_sid": 56.3733, "skor_total": 96.3733, "iid": 38.55, "predikat": "Kurang Inovatif"}
        | {"n_urusan_yandas": 5, "syarat_yandas_terpenuhi": True},
    ),
    # 12 × 80 = 960 ÷ 12 = 80; jumlah 4.56; total 124.56; IID 49.824 → 49.82 Inovatif
    Kasus(
        "contoh_2026_dua_belas_inovasi",
        "2026",
        penilaian("2026", (12, 80, "dikirim", YANDAS[:5]), spd=SPD_40),
        {"skor_sid": 84.56, "skor_total": 124.56, "iid": 49.82, "predikat": "Inovatif"},
    ),
    # only 4 of 6 urusan: jumlah 0; 53.3333 + 40 = 93.3333; IID 37.3333 → 37.33
    Kasus(
        "yandas_2026_empat_urusan",
        "2026",
        penilaian("2026", (8, 80, "dikirim", YANDAS[:4]), spd=SPD_40),
        {"skor_jumlah_inovasi": 0, "skor_sid": 53.3333, "iid": 37.33, "n_urusan_yandas": 4}
        | {"syarat_yandas_terpenuhi": False},
    ),
    # 5 innovations but all in one urusan: 1 of 6 → jumlah 0; 5 × 80 = 400 ÷ 12 = 33.3333; IID 13.3333 → 13.33
    Kasus(
        "yandas_2026_satu_urusan",
        "2026",
        penilaian("2026", (5, 80, "dikirim", YANDAS[:1])),
        {"skor_jumlah_inovasi": 0, "n_urusan_yandas": 1, "iid": 13.33},
    ),
    # the 5th urusan only through a rejected innovation does not count: 4 urusan → jumlah 0;
    # n = 8 (the rejected one stays in the divisor): 7 × 80 = 560 ÷ 12 = 46.6667; + SPD 40 = 86.6667; IID 34.67
    Kasus(
        "yandas_2026_urusan_kelima_ditolak",
        "2026",
        penilaian("2026", (7, 80, "dikirim", YANDAS[:4]), (1, 80, "ditolak", YANDAS[4:5]), spd=SPD_40),
        {"n_inovasi": 8, "skor_jumlah_inovasi": 0, "n_urusan_yandas": 4, "iid": 34.67},
    ),
    # basis klaim accepts the rejected one: 5 urusan, jumlah 8 × 0.38 = 3.04; 640 ÷ 12 + 3.04 + 40 = 96.3733 → 38.55
    Kasus(
        "yandas_2026_urusan_kelima_ditolak_klaim",
        "2026",
        penilaian("2026", (7, 80, "dikirim", YANDAS[:4]), (1, 80, "ditolak", YANDAS[4:5]), spd=SPD_40),
        {"skor_jumlah_inovasi": 3.04, "n_urusan_yandas": 5, "iid": 38.55},
        basis="klaim",
    ),
    # 199 innovations with no answers: jumlah 199 × 0.38 = 75.62; kematangan 0; IID 75.62 × 0.4 = 30.248 → 30.25
    Kasus("jumlah_199", "2023", penilaian("2023", (199, 0, "dikirim")), {"skor_jumlah_inovasi": 75.62, "iid": 30.25}),
    # 250 innovations: MIN(250, 200) × 0.38 = 76 (the cap); IID 30.40, below 35.00 → Kurang Inovatif in 2023
    Kasus(
        "jumlah_250_dibatasi_200_2023",
        "2023",
        penilaian("2023", (250, 0, "dikirim")),
        {"n_inovasi": 250, "pembagi": 250, "skor_jumlah_inovasi": 76, "iid": 30.4, "predikat": "Kurang Inovatif"},
    ),
    # same under 2022: 30.40 ≥ 30.00 → Inovatif
    Kasus(
        "jumlah_250_dibatasi_200_2022",
        "2022",
        penilaian("2022", (250, 0, "dikirim")),
        {"skor_jumlah_inovasi": 76, "iid": 30.4, "predikat": "Inovatif"},
    ),
    # 10 sent × 60 + 2 rejected (claimed 100 each): n = 12; 600 ÷ 12 = 50; jumlah 10 × 0.38 = 3.8; SID 53.8; IID 21.52
    Kasus(
        "ditolak_tetap_pembagi",
        "2023",
        penilaian("2023", (10, 60, "dikirim"), (2, 100, "ditolak")),
        {"n_inovasi": 12, "pembagi": 12, "skor_kematangan": 50, "skor_jumlah_inovasi": 3.8, "iid": 21.52},
    ),
    # basis klaim: rejected counted as accepted: (600 + 200) ÷ 12 = 66.6667; jumlah 12 × 0.38 = 4.56;
    # SID 71.2267; IID 28.4907 → 28.49
    Kasus(
        "ditolak_tetap_pembagi_klaim",
        "2023",
        penilaian("2023", (10, 60, "dikirim"), (2, 100, "ditolak")),
        {"n_inovasi": 12, "skor_kematangan": 66.6667, "skor_jumlah_inovasi": 4.56, "iid": 28.49},
        basis="klaim",
    ),
    # drafts are not submitted: n = 3; 3 × 30 = 90 ÷ 10 = 9; jumlah 1.14; SID 10.14; IID 4.056 → 4.06
    Kasus(
        "draft_diabaikan",
        "2023",
        penilaian("2023", (3, 30, "dikirim"), (5, 111, "draft")),
        {"n_inovasi": 3, "skor_kematangan": 9, "skor_jumlah_inovasi": 1.14, "iid": 4.06},
    ),
    Kasus(
        "draft_diabaikan_klaim",
        "2023",
        penilaian("2023", (3, 30, "dikirim"), (5, 111, "draft")),
        {"n_inovasi": 3, "iid": 4.06},
        basis="klaim",
    ),
    # nothing verifiable: 2 rejected innovations, SPD claim without evidence: n = 2, kematangan 0, jumlah 0
    # (rejected is not in status_dihitung), SPD 0 → IID 0 → Tidak Dapat Dinilai
    Kasus(
        "iid_nol_tidak_dapat_dinilai",
        "2023",
        penilaian("2023", (2, 20, "ditolak"), spd=[(W, "1", 3, "kosong")]),
        {"n_inovasi": 2, "skor_total": 0, "iid": 0, "predikat": "Tidak Dapat Dinilai"},
    ),
    # same data, basis klaim: SPD 1 × 3 = 3; 40 ÷ 10 = 4; jumlah 0.76; total 7.76; IID 3.104 → 3.10
    Kasus(
        "iid_nol_tidak_dapat_dinilai_klaim",
        "2023",
        penilaian("2023", (2, 20, "ditolak"), spd=[(W, "1", 3, "kosong")]),
        {"skor_total": 7.76, "iid": 3.1, "predikat": "Kurang Inovatif"},
        basis="klaim",
    ),
    # SPD 40; 80 innovations: 57 × 111 + 1 × 42 + 22 × 0 = 6369 ÷ 80 = 79.6125; jumlah 80 × 0.38 = 30.4;
    # total 150.0125; IID 60.005 → half up 60.01 (half-even and float round() would give 60.00) → Sangat Inovatif
    Kasus(
        "pembulatan_setengah_ke_atas_60_005",
        "2023",
        penilaian("2023", (57, 111, "dikirim"), (1, 42, "dikirim"), (22, 0, "dikirim"), spd=SPD_40),
        {"skor_total": 150.0125, "iid_mentah": 60.005, "iid": 60.01, "predikat": "Sangat Inovatif"},
    ),
    # SPD 40; 12 × 111 + 1 × 35 = 1367 ÷ 80 = 17.0875; + 30.4 → total 87.4875; IID 34.995 → 35.00 → Inovatif
    Kasus(
        "pembulatan_setengah_ke_atas_34_995",
        "2023",
        penilaian("2023", (12, 111, "dikirim"), (1, 35, "dikirim"), (67, 0, "dikirim"), spd=SPD_40),
        {"skor_total": 87.4875, "iid": 35.0, "predikat": "Inovatif"},
    ),
]


@pytest.mark.parametrize("hitung", [hitung_skor, hitung_skor_referensi], ids=["compute", "reference"])
@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.nama)
def test_kasus_hitung_tangan(kasus: Kasus, hitung: Callable[..., pd.DataFrame]) -> None:
    hasil = hitung(kasus.data, M[kasus.versi], kasus.basis).set_index("kode_wilayah").loc[W]
    for kolom, harapan in kasus.harapan.items():
        if kolom not in hasil:  # the reference only gives the published columns
            continue
        if isinstance(harapan, str | bool) or kolom == "iid":
            assert hasil[kolom] == harapan, kolom
        else:  # hand arithmetic above is written to 4 decimals
            assert hasil[kolom] == pytest.approx(harapan, abs=5e-5), kolom


# One answer on indicator 35 (SID, bobot 4) or 12 (SPD, bobot 2), level_klaim 3: the level that counts.
@pytest.mark.parametrize(
    ("status_bukti", "level_verifikasi", "level_terverifikasi"),
    [
        ("ada", None, 3),  # evidence present, not yet verified: the claim counts
        ("kosong", None, 0),
        ("ditolak", None, 0),
        ("perlu_perbaikan", None, 0),
        ("ada", 1, 1),  # the verifier's level wins, also when lower
        ("kosong", 2, 2),
        ("ditolak", 0, 0),
        ("perlu_perbaikan", 2, 2),
    ],
)
@pytest.mark.parametrize("basis", ["terverifikasi", "klaim"])
def test_level_yang_dihitung_per_status_bukti(
    status_bukti: str, level_verifikasi: int | None, level_terverifikasi: int, basis: str
) -> None:
    level = 3 if basis == "klaim" else level_terverifikasi  # basis klaim: the claim, whatever the evidence
    data = buat_data(
        inovasi=[(W, "A")],
        sid=[("A", "35", 3, status_bukti, level_verifikasi)],
        spd=[(W, "12", 3, status_bukti, level_verifikasi)],
    )
    hasil = hitung_skor(data, M["2023"], basis).iloc[0]
    assert hasil["skor_kematangan"] == pytest.approx(4 * level / 10)  # one innovation, divisor MAX(10, 1)
    assert hasil["skor_spd"] == pytest.approx(2 * level)


def test_jawaban_kosong_dan_tidak_ada_bernilai_nol() -> None:
    # A: 16 left empty (no level, evidence kosong) → 0, 35 at 2 → 4 × 2 = 8; B: no answer rows at all → 0.
    # SPD: 1 empty → 0, 12 at 3 → 2 × 3 = 6, every other indicator missing → 0.
    # n = 2 → 8 ÷ 10 = 0.8; jumlah 2 × 0.38 = 0.76; total 6 + 0.8 + 0.76 = 7.56; IID 3.024 → 3.02
    data = buat_data(
        inovasi=[(W, "A"), (W, "B")],
        sid=[("A", "16", None, "kosong"), ("A", "35", 2)],
        spd=[(W, "1", None, "kosong"), (W, "12", 3)],
    )
    for basis in ("terverifikasi", "klaim"):
        hasil = hitung_skor(data, M["2023"], basis).iloc[0]
        assert (hasil["skor_spd"], hasil["skor_kematangan"], hasil["iid"]) == pytest.approx((6, 0.8, 3.02))


@pytest.mark.parametrize(
    ("versi", "iid", "predikat"),
    [
        ("2023", 0.0, "Tidak Dapat Dinilai"),
        ("2023", 0.01, "Kurang Inovatif"),
        ("2023", 34.99, "Kurang Inovatif"),
        ("2023", 35.00, "Inovatif"),
        ("2023", 60.00, "Inovatif"),
        ("2023", 60.01, "Sangat Inovatif"),
        ("2023", 100.0, "Sangat Inovatif"),
        ("2025", 40.00, "Kurang Inovatif"),
        ("2025", 40.01, "Inovatif"),
        ("2025", 65.00, "Inovatif"),
        ("2025", 65.01, "Sangat Inovatif"),
        ("2026", 40.00, "Kurang Inovatif"),
        ("2026", 65.01, "Sangat Inovatif"),
        ("2022", 0.0, "Tidak Dapat Dinilai"),
        ("2022", 29.99, "Kurang Inovatif"),
        ("2022", 30.00, "Inovatif"),
        ("2022", 59.99, "Inovatif"),
        ("2022", 60.00, "Sangat Inovatif"),
    ],
)
def test_batas_predikat(versi: str, iid: float, predikat: str) -> None:
    assert predikat_untuk(iid, M[versi])[0] == predikat


@pytest.mark.parametrize(
    ("mentah", "dibulatkan"),
    [
        (60.005, 60.01),  # float round() gives 60.0 (60.005 is stored as 60.00499999…)
        (2.675, 2.68),  # likewise stored below the half
        (60.0049, 60.0),
        (34.995, 35.0),
        (0.004, 0.0),
        (0.005, 0.01),
        (100.0, 100.0),
    ],
)
def test_pembulatan_setengah_ke_atas(mentah: float, dibulatkan: float) -> None:
    assert bulatkan(mentah, 2) == dibulatkan


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (buat_data(inovasi=[(W, "A")], sid=[("A", "36", 3)]), "kode indikator SID tidak dikenal: 36"),
        (buat_data(spd=[(W, "16", 3)]), "kode indikator SPD tidak dikenal: 16"),
        (buat_data(inovasi=[(W, "A")], sid=[("B", "16", 3)]), "id_inovasi yang tidak ada di tabel inovasi"),
        (buat_data(inovasi=[(W, "A"), (W, "A")]), "id_inovasi ganda"),
    ],
    ids=["kode_sid", "kode_spd", "inovasi_asing", "inovasi_ganda"],
)
def test_data_tidak_sah_ditolak(data: DataPenilaian, pesan: str) -> None:
    with pytest.raises(DataTidakSahError, match=pesan):
        hitung_skor(data, M["2023"])
