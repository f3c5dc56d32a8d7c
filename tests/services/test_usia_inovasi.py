"""services.usia: the age verdict per innovation, next year's age-outs (under next year's rule version), and the
scenario for a pemda-year with nothing marked."""

from __future__ import annotations

import pandas as pd

import scoring
from dasbor.services.usia import keluar_tahun_depan, nilai_usia, skenario_semua_layak


def _inovasi(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=[
            "kode_wilayah",
            "nama_perangkat_daerah",
            "id_inovasi",
            "nama_inovasi",
            "status_inovasi",
            "tanggal_penerapan",
            "tanggal_pengembangan",
        ],
    ).astype({"tanggal_penerapan": "datetime64[ns]", "tanggal_pengembangan": "datetime64[ns]"})


INOVASI = _inovasi(
    [
        ("63.01", "Dinas B", "a", "A", "draft", "2022-05-01", None),  # 2024: in; 2025 needs a 2023–2024 development
        ("63.01", "Dinas A", "b", "B", "draft", "2023-05-01", None),  # in both years
        ("63.01", "Dinas A", "c", "C", "draft", "2021-05-01", None),  # too old already
        ("63.02", "Dinas A", "d", "D", "dikirim", "2022-01-01", "2023-01-01"),  # developed 2023: counts in 2025
        ("63.02", "Dinas A", "e", "E", "draft", None, None),  # no application date yet
    ]
)


def test_nilai_dan_alasan_2024_dengan_aturan_2025_untuk_tahun_depan() -> None:
    m = scoring.metodologi_untuk_tahun(2024)
    usia = nilai_usia(INOVASI, m, 2024).set_index(INOVASI["id_inovasi"])
    assert usia["memenuhi_usia"].tolist() == [True, True, False, True, True]
    assert usia.at["a", "alasan_usia"] == (
        "diterapkan 2022, dalam jendela 2022–2023; tidak lagi dinilai 2025 kecuali dikembangkan 2023–2024"
    )
    assert usia.at["c", "alasan_usia"] == "terlalu lama: diterapkan 2021 (jendela 2022–2023)"
    # the 2025 rule counts d's 2023 development, so d does not age out
    assert usia["keluar_tahun_depan"].tolist() == [True, False, False, False, False]
    daftar = keluar_tahun_depan(INOVASI, m, 2024)
    assert daftar["id_inovasi"].tolist() == ["a"] and daftar["tahun_penerapan"].tolist() == [2022]


def test_tahun_tanpa_versi_berikutnya_memakai_aturan_tahun_ini() -> None:
    m = scoring.metodologi_untuk_tahun(2026)
    usia = nilai_usia(INOVASI, m, 2026).set_index(INOVASI["id_inovasi"])
    # 2026 admits 2024–2025 applications or developments: only e (no date) counts
    assert usia["memenuhi_usia"].tolist() == [False, False, False, False, True]
    assert not usia["keluar_tahun_depan"].any()


def test_skenario_hanya_pemda_tanpa_tanda() -> None:
    m = scoring.metodologi_untuk_tahun(2024)
    inovasi, belum = skenario_semua_layak(INOVASI, m, 2024)
    assert belum == {"63.01"}  # 63.02 has a 'dikirim'
    assert inovasi["status_inovasi"].tolist() == ["dikirim", "dikirim", "draft", "dikirim", "draft"]
