"""What a methodology version answers about itself: its bands as ranges, the next band and the distance to it, the
room above a band's lower edge, its indicator table and the provenance of a year. Hand-computed values on the band
edges of the real versions and of a made-up one with other rounding."""

from __future__ import annotations

from dataclasses import replace

import pytest

import scoring
from scoring.model import LEVEL_MAKS, Asal, Metodologi, Predikat, PredikatBerikutnya

M2022 = scoring.load_metodologi("2022")  # Inovatif from 30,00, Sangat Inovatif from 60,00
M2023 = scoring.load_metodologi("2023")  # Inovatif from 35,00, Sangat Inovatif from 60,01
M2025 = scoring.load_metodologi("2025")  # Inovatif from 40,01, Sangat Inovatif from 65,01
UJI = Asal("asumsi", "uji")
# One decimal and four bands: A from 75,0, B from 50,5, C from 20,0, D from 0,1.
M_SATU_DESIMAL = replace(
    M2023,
    digit_iid=1,
    predikat=tuple(Predikat(n, b, UJI) for n, b in (("A", 75.0), ("B", 50.5), ("C", 20.0), ("D", 0.1))),
)


@pytest.mark.parametrize(
    ("m", "bawah", "atas", "atas_inklusif"),
    [
        (M2022, [60.0, 30.0, 0.01], [100.0, 60.0, 30.0], [100.0, 59.99, 29.99]),
        (M2023, [60.01, 35.0, 0.01], [100.0, 60.01, 35.0], [100.0, 60.0, 34.99]),
        (M2025, [65.01, 40.01, 0.01], [100.0, 65.01, 40.01], [100.0, 65.0, 40.0]),
        (M_SATU_DESIMAL, [75.0, 50.5, 20.0, 0.1], [100.0, 75.0, 50.5, 20.0], [100.0, 74.9, 50.4, 19.9]),
    ],
)
def test_pita_sebagai_rentang(m: Metodologi, bawah: list[float], atas: list[float], atas_inklusif: list[float]) -> None:
    pita = m.pita()
    assert list(pita.columns) == ["predikat", "bawah", "atas", "atas_inklusif", "keyakinan", "catatan", "sumber"]
    assert pita["predikat"].tolist() == [p.nama for p in m.predikat]  # highest band first
    assert (pita["bawah"].tolist(), pita["atas"].tolist(), pita["atas_inklusif"].tolist()) == (
        bawah,
        atas,
        atas_inklusif,
    )
    assert pita["keyakinan"].tolist() == [p.asal.keyakinan for p in m.predikat]
    assert pita["sumber"].tolist() == [p.asal.sumber for p in m.predikat]


@pytest.mark.parametrize(
    ("m", "iid", "harapan"),
    [
        (M2023, 59.00, PredikatBerikutnya("Sangat Inovatif", 60.01, 1.01)),
        (M2023, 60.00, PredikatBerikutnya("Sangat Inovatif", 60.01, 0.01)),  # the last IID of Inovatif
        (M2023, 58.41, PredikatBerikutnya("Sangat Inovatif", 60.01, 1.60)),
        (M2023, 34.99, PredikatBerikutnya("Inovatif", 35.0, 0.01)),
        (M2023, 35.00, PredikatBerikutnya("Sangat Inovatif", 60.01, 25.01)),  # 35,00 is already Inovatif
        (M2023, 0.01, PredikatBerikutnya("Inovatif", 35.0, 34.99)),
        (M2023, 0.0, PredikatBerikutnya("Kurang Inovatif", 0.01, 0.01)),  # Tidak Dapat Dinilai → lowest band
        (M2022, 59.99, PredikatBerikutnya("Sangat Inovatif", 60.0, 0.01)),
        (M2022, 29.99, PredikatBerikutnya("Inovatif", 30.0, 0.01)),
        (M2025, 40.00, PredikatBerikutnya("Inovatif", 40.01, 0.01)),
        (M2025, 46.99, PredikatBerikutnya("Sangat Inovatif", 65.01, 18.02)),
        (M2025, 65.00, PredikatBerikutnya("Sangat Inovatif", 65.01, 0.01)),
        (M2023, 60.0099999999, None),  # binary noise just below an edge counts as the edge (60,01)
        (M_SATU_DESIMAL, 50.4, PredikatBerikutnya("B", 50.5, 0.1)),
        (M_SATU_DESIMAL, 50.5, PredikatBerikutnya("A", 75.0, 24.5)),
        (M_SATU_DESIMAL, 0.0, PredikatBerikutnya("D", 0.1, 0.1)),
        (M_SATU_DESIMAL, 19.9, PredikatBerikutnya("C", 20.0, 0.1)),
    ],
)
def test_predikat_berikutnya(m: Metodologi, iid: float, harapan: PredikatBerikutnya | None) -> None:
    assert m.predikat_berikutnya(iid) == harapan


@pytest.mark.parametrize(
    ("m", "iid"), [(M2023, 60.01), (M2023, 100.0), (M2022, 60.0), (M2025, 65.01), (M_SATU_DESIMAL, 75.0)]
)
def test_pita_tertinggi_tanpa_berikutnya(m: Metodologi, iid: float) -> None:
    assert m.predikat_berikutnya(iid) is None


@pytest.mark.parametrize(
    ("m", "iid", "di_atas"),
    [
        (M2023, 58.41, 23.41),  # Inovatif from 35,00
        (M2023, 60.01, 0.0),
        (M2023, 34.99, 34.98),  # Kurang Inovatif from 0,01
        (M2023, 0.0, 0.0),  # Tidak Dapat Dinilai is no band
        (M2025, 65.00, 24.99),
        (M2022, 60.00, 0.0),
        (M2022, 100.0, 40.0),
        (M_SATU_DESIMAL, 50.4, 30.4),
    ],
)
def test_di_atas_batas_pitanya(m: Metodologi, iid: float, di_atas: float) -> None:
    assert m.di_atas_batas(iid) == di_atas


@pytest.mark.parametrize("m", [M2023, M2025, M_SATU_DESIMAL])
def test_berikutnya_cocok_dengan_predikat_untuk(m: Metodologi) -> None:
    # property over a grid at the version's rounding: the next band is one above the IID's own band, and
    # reaching its lower edge moves the IID into it
    langkah = 10.0**-m.digit_iid
    nama = [p.nama for p in m.predikat]
    for n in range(0, int(100 / langkah) + 1, 7):
        iid = round(n * langkah, m.digit_iid)
        kini = scoring.predikat_untuk(iid, m)[0]
        berikut = m.predikat_berikutnya(iid)
        if kini == nama[0]:
            assert berikut is None
            continue
        assert berikut is not None
        harapan = nama[-1] if kini == m.predikat_nol else nama[nama.index(kini) - 1]
        assert berikut.nama == harapan
        assert berikut.jarak > 0
        assert scoring.predikat_untuk(round(iid + berikut.jarak, m.digit_iid), m)[0] == harapan
        assert scoring.predikat_untuk(round(iid + berikut.jarak - langkah, m.digit_iid), m)[0] == kini


@pytest.mark.parametrize("versi", scoring.daftar_versi())
def test_katalog_satu_baris_per_indikator(versi: str) -> None:
    m = scoring.load_metodologi(versi)
    k = m.katalog()
    assert list(k.columns) == [
        "kode_indikator",
        "aspek",
        "variabel",
        "nama_indikator",
        "bobot",
        "skor_maks",
        "wajib",
        "level_1",
        "level_2",
        "level_3",
        "bukti_1",
        "bukti_2",
        "bukti_3",
        "keyakinan",
        "catatan",
        "sumber",
    ]
    assert k["kode_indikator"].tolist() == [i.kode for i in m.indikator]
    assert (k["skor_maks"] == k["bobot"] * LEVEL_MAKS).all()
    assert k.loc[k["aspek"] == "SPD", "skor_maks"].sum() == m.maks_spd
    assert k.loc[k["aspek"] == "SID", "skor_maks"].sum() == m.maks_sid_per_inovasi
    i16 = k.set_index("kode_indikator").loc["16"]
    asli = m.indikator_kode("16")
    assert (i16["nama_indikator"], i16["level_2"], i16["bukti_3"], i16["wajib"]) == (
        asli.nama,
        asli.level[1],
        asli.bukti[2],
        True,
    )


@pytest.mark.parametrize(
    ("versi", "kode", "bobot", "wajib", "keyakinan"),
    [
        ("2023", "1", 1.0, True, "asumsi"),
        ("2023", "2a", 1.0, False, "asumsi"),
        ("2023", "12", 2.0, False, "asumsi"),
        ("2023", "35", 4.0, True, "asumsi"),
        ("2026", "16", 3.0, True, "kode-pihak-ketiga"),
        ("2026", "34", 2.0, False, "kode-pihak-ketiga"),
    ],
)
def test_katalog_nilai_per_versi(versi: str, kode: str, bobot: float, wajib: bool, keyakinan: str) -> None:
    baris = scoring.load_metodologi(versi).katalog().set_index("kode_indikator").loc[kode]
    assert (baris["bobot"], bool(baris["wajib"]), baris["keyakinan"]) == (bobot, wajib, keyakinan)


def test_catatan_versi_per_indikator() -> None:
    k = scoring.load_metodologi("2025").katalog().set_index("kode_indikator")["catatan"]
    assert (
        k["1"]
        == "Perubahan 2025 (regulasi, pelaksana, pengaduan, kemanfaatan) cocok dengan rumusan 2026; katalog 2026 dipakai."
    )
    assert k["16"] == k["1"] + " Status wajib: Lima indikator wajib 2022 dan 2026 sama; 2025 diasumsikan sama"


@pytest.mark.parametrize(
    ("m", "tahun", "keyakinan", "diterapkan_ulang"),
    [
        (M2023, 2023, "terkonfirmasi", False),
        (M2023, 2024, "satu-sumber", False),  # 2024 borrows 2023 and says how surely
        (M2022, 2021, "asumsi", False),
        (M2023, 2025, "terkonfirmasi", True),  # 2025 re-scored under 2023: the formula's provenance
        (M2025, 2022, "asumsi", True),
    ],
)
def test_asal_tahun(m: Metodologi, tahun: int, keyakinan: str, diterapkan_ulang: bool) -> None:
    berlaku = m.berlaku_tahun(tahun)
    assert (berlaku is None) is diterapkan_ulang
    assert m.asal_tahun(tahun) == (m.rumus_asal if diterapkan_ulang else berlaku.asal)
    assert m.asal_tahun(tahun).keyakinan == keyakinan
    if not diterapkan_ulang:
        assert scoring.berlaku_untuk_tahun(tahun) == berlaku


def test_aturan_yandas_versi_sendiri_atau_terbaru() -> None:
    m2026 = scoring.load_metodologi("2026")
    assert scoring.aturan_yandas(m2026) is m2026
    for m in (M2022, M2023, M2025):  # no rule of their own: the newest that has one, for information
        assert scoring.aturan_yandas(m) is m2026
    assert len(m2026.syarat_yandas.urusan) == 6
