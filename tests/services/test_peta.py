"""Which boundaries the map uses: the shipped file by default, $DASBOR_GEOJSON when set, and the tile map with a
notice naming the file and the reason when the file is missing or unusable."""

from pathlib import Path

import pytest

from dasbor.services import peta

KODE = frozenset({"63.01", "63.09"})


def test_shipped_file_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASBOR_GEOJSON", raising=False)
    batas = peta.batas_wilayah(KODE)
    assert batas.pesan is None and batas.kunci_fitur == "kode"
    # the regions the map draws, not the file's other 11
    assert {f["properties"]["kode"] for f in batas.geojson["features"]} == KODE
    assert "MIT" in batas.asal


def test_missing_shipped_file_falls_back_with_its_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DASBOR_GEOJSON", raising=False)
    monkeypatch.setattr(peta, "berkas_bawaan", lambda: tmp_path / "batas-kabkota-kalsel.geojson")
    batas = peta.batas_wilayah(KODE)
    assert batas.geojson is None
    assert "batas-kabkota-kalsel.geojson (bawaan data/referensi) tidak ditemukan" in batas.pesan
    assert "peta ubin" in batas.pesan


def test_environment_overrides_the_shipped_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rusak = tmp_path / "lain.geojson"
    rusak.write_text("{bukan json", encoding="utf-8")
    monkeypatch.setenv("DASBOR_GEOJSON", str(rusak))
    batas = peta.batas_wilayah(KODE)
    assert batas.geojson is None and "lain.geojson (DASBOR_GEOJSON) bukan GeoJSON yang sah" in batas.pesan
