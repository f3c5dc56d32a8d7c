"""Real scale (issue 23 §6): the grouping heuristic for perangkat daerah accounts, table-driven on names written as
the portal writes them, and the per-perangkat-daerah charts bounded to the top and bottom few on a 300-account
region."""

from __future__ import annotations

import pandas as pd
import pytest

from dasbor.services.kelompok_pd import dengan_kelompok, kelompok, mengelompokkan
from dasbor.services.kiriman import kematangan_per_opd
from dasbor.visual.charts import TEPI, batang_jumlah, batang_kematangan_opd, teks_sisa

KASUS = [
    ("CABANG DINAS PENDIDIKAN WILAYAH MADIUN", "Cabang Dinas Pendidikan Wilayah Madiun"),
    ("Cabdin Pendidikan Wilayah I", "Cabdin Pendidikan Wilayah I"),
    ("SMAN 1 PULUNG, KAB. PONOROGO", "SMA/SMK/SLB Kab. Ponorogo"),
    ("SMAN 1  PULUNG,  KAB PONOROGO ", "SMA/SMK/SLB Kab. Ponorogo"),  # double spaces, no dot
    ("SMK NEGERI 2 BANJARMASIN, KOTA BANJARMASIN", "SMA/SMK/SLB Kota Banjarmasin"),
    ("SLB NEGERI PELAIHARI, KABUPATEN TANAH LAUT", "SMA/SMK/SLB Kabupaten Tanah Laut"),
    ("SMA NEGERI 3 MADIUN CABANG DINAS PENDIDIKAN WILAYAH MADIUN", "Cabang Dinas Pendidikan Wilayah Madiun"),
    ("Sekolah Luar Biasa Negeri 1 Martapura", "SMA/SMK/SLB (wilayah tidak disebut)"),
    ("SMAN 1 MARTAPURA", "SMA/SMK/SLB (wilayah tidak disebut)"),
    ("SDN 2 Landasan Ulin", "SD/SMP/TK/PAUD"),
    ("SMP NEGERI 1 TANJUNG", "SD/SMP/TK/PAUD"),
    ("UPT PUSKESMAS MARTAPURA 1", "Puskesmas"),
    ("Puskesmas Pekauman", "Puskesmas"),
    ("KECAMATAN BANJARMASIN TENGAH", "Kecamatan"),
    ("Kelurahan Sungai Ulin", "Kelurahan/desa"),
    ("UPTD Pengelolaan Pendapatan Daerah Wilayah Banjarbaru", "UPT/UPTD"),
    ("Dinas Kesehatan", "Dinas Kesehatan"),
    ("RSUD Ulin", "RSUD Ulin"),
    ("SMART CITY CENTER", "SMART CITY CENTER"),  # a word that starts like SMA is not a school
]


@pytest.mark.parametrize(("nama", "harap"), KASUS)
def test_kelompok(nama: str, harap: str) -> None:
    assert kelompok(nama) == harap


def test_kelompok_kosong_tetap_kosong() -> None:
    assert kelompok(None) is None
    assert not mengelompokkan(pd.Series(["Dinas A", "Dinas B", None]))


def wilayah_300() -> pd.DataFrame:
    """300 accounts of one Pemprov, one innovation each: 40 dinas, 150 SMA/SMK/SLB across 5 kabupaten, 10 Cabang
    Dinas, 50 puskesmas, 50 kecamatan; kematangan 0–111 spread so the ends are known."""
    kab = ["KAB. TABALONG", "KAB. BALANGAN", "KOTA BANJARBARU", "KAB. TANAH LAUT", "KAB. BARITO KUALA"]
    nama = (
        [f"Dinas Urusan {i:02d}" for i in range(40)]
        + [f"SMAN {i} SEKOLAH, {kab[i % 5]}" for i in range(150)]
        + [f"CABANG DINAS PENDIDIKAN WILAYAH {i}" for i in range(10)]
        + [f"UPT PUSKESMAS {i}" for i in range(50)]
        + [f"KECAMATAN {i}" for i in range(50)]
    )
    return pd.DataFrame({"nama_perangkat_daerah": nama, "kematangan_kirim": [i * 111 / 299 for i in range(300)]})


def test_grafik_300_perangkat_daerah_dibatasi() -> None:
    inovasi = wilayah_300()
    per_opd = kematangan_per_opd(inovasi, "Tanpa perangkat daerah")
    assert len(per_opd) == 300
    fig = batang_kematangan_opd(per_opd, "Rata-rata kematangan", 111.0)
    [batang] = fig.data
    y = list(batang.y)
    assert len(y) == 2 * TEPI + 1 and y[TEPI] == teks_sisa(300 - 2 * TEPI, "perangkat daerah")
    # the lowest at the bottom, the highest on top, nothing drawn in the gap row
    assert y[0] == "Dinas Urusan 00" and y[-1] == "KECAMATAN 49"
    assert pd.isna(batang.x[TEPI]) and batang.text[TEPI] == ""
    assert fig.layout.height <= 26 * (2 * TEPI + 1) + 140 + 60  # bounded, whatever the number of accounts
    # grouped: 40 dinas + 5 kabupaten + 10 cabang dinas + puskesmas + kecamatan
    grup = dengan_kelompok(inovasi)
    assert mengelompokkan(inovasi["nama_perangkat_daerah"])
    assert grup["kelompok_perangkat_daerah"].nunique() == 40 + 5 + 10 + 1 + 1
    per_grup = kematangan_per_opd(grup.assign(nama_perangkat_daerah=grup["kelompok_perangkat_daerah"]), "-")
    assert per_grup.set_index("perangkat_daerah").at["SMA/SMK/SLB Kab. Tabalong", "jumlah"] == 30


def test_batang_jumlah_dibatasi_hanya_bila_diminta() -> None:
    jumlah = pd.DataFrame({"nama_perangkat_daerah": [f"PD {i:03d}" for i in range(300)], "jumlah": range(1, 301)})
    [penuh] = batang_jumlah(jumlah, "nama_perangkat_daerah", "Inovasi").data
    assert len(penuh.y) == 300
    [batas] = batang_jumlah(jumlah, "nama_perangkat_daerah", "Inovasi", tepi=TEPI).data
    assert len(batas.y) == 2 * TEPI + 1 and list(batas.y[:2]) == ["PD 000", "PD 001"] and batas.y[-1] == "PD 299"
    assert batas.y[TEPI] == teks_sisa(300 - 2 * TEPI, "lainnya") and batas.text[TEPI] == ""
    # a short list is drawn whole
    [pendek] = batang_jumlah(jumlah.head(5), "nama_perangkat_daerah", "Inovasi", tepi=TEPI).data
    assert list(pendek.y) == ["PD 000", "PD 001", "PD 002", "PD 003", "PD 004"]
