"""The Metodologi tables: every value keeps its provenance, and version differences are complete."""

from dataclasses import replace

import pytest

from dasbor.services import metodologi as mt
from scoring.model import KEYAKINAN


@pytest.mark.parametrize("versi", mt.daftar_versi())
def test_every_shown_value_carries_keyakinan_and_source(versi: str) -> None:
    m = mt.load(versi)
    for tabel in (mt.unsur_aturan(m), m.pita(), m.katalog(), mt.tabel_berlaku(m)):
        assert set(tabel["keyakinan"]) <= set(KEYAKINAN)
        assert tabel["sumber"].str.len().gt(0).all()
    assert set(mt.KETERANGAN_KEYAKINAN) == set(KEYAKINAN)
    indikator = m.katalog()
    assert indikator.loc[indikator["aspek"] == "SPD", "skor_maks"].sum() == m.maks_spd
    assert indikator.loc[indikator["aspek"] == "SID", "skor_maks"].sum() == m.maks_sid_per_inovasi


def test_bands_of_every_version_for_one_chart() -> None:
    pita = mt.pita_semua_versi()
    assert list(pita["versi"].unique()) == list(mt.daftar_versi())
    for versi, p in pita.groupby("versi"):
        assert p.drop(columns="versi").reset_index(drop=True).equals(mt.load(versi).pita())


def test_changes_between_consecutive_versions() -> None:
    ubah = mt.perubahan_versi(mt.load("2022"), mt.load("2023"))
    assert ubah[["unsur", "sebelum", "sesudah"]].values.tolist() == [
        ["batas bawah Sangat Inovatif", 60.0, 60.01],
        ["batas bawah Inovatif", 30.0, 35.0],
    ]
    ubah = mt.perubahan_versi(mt.load("2025"), mt.load("2026")).set_index("unsur")
    assert (ubah.at["pembagi minimum", "sebelum"], ubah.at["pembagi minimum", "sesudah"]) == (10, 12)
    assert ubah.at["syarat urusan wajib pelayanan dasar", "sebelum"] == "tidak ada"
    assert ubah.at["syarat urusan wajib pelayanan dasar", "keyakinan"] == "kode-pihak-ketiga"
    assert mt.perubahan_versi(mt.load("2023"), mt.load("2023")).empty


def test_indicator_changes_are_listed_field_by_field() -> None:
    lama = mt.load("2023")
    i16 = lama.indikator_kode("16")
    ubah_16 = replace(i16, bobot=4.0, level=(i16.level[0], "Perkada baru", i16.level[2]))
    baru = replace(
        lama,
        indikator=tuple(ubah_16 if i.kode == "16" else i for i in lama.indikator if i.kode != "15"),
    )
    ubah = mt.perubahan_versi(lama, baru)
    assert ubah["unsur"].tolist() == [f"15 {lama.indikator_kode('15').nama}", "16 bobot", "16 level 2"]
    assert ubah["sesudah"].tolist() == ["dihapus", 4.0, "Perkada baru"]
