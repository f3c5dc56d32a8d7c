"""Links: a copied URL reopens the same view; unknown or hostile values fall back to the default with a notice,
never an exception; and a configured boundary file turns the tile map into a real choropleth."""

import json
import re
from pathlib import Path

import pytest

from dasbor.halaman import HASIL
from dasbor.services import skor
from tests.pages.apptest_bantu import buka, grafik

pytestmark = pytest.mark.usefixtures("demo_env")

JAHAT = [
    "abc",
    "<script>alert(1)</script>",
    "2099",
    "../../etc/passwd",
    "' OR 1=1 --",
    "![x](http://contoh.invalid/a.png)",
    "\u202e2024",
    "9" * 5000,
]


@pytest.mark.parametrize("nilai", JAHAT)
@pytest.mark.parametrize("kunci", ["tahun", "basis", "wilayah"])
def test_hostile_link_values_fall_back_with_a_notice(kunci: str, nilai: str) -> None:
    at = buka("profil", **{kunci: nilai})
    terbaru = max(skor.daftar_tahun())
    assert at.title[0].value == f"Profil Provinsi Kalimantan Selatan, {terbaru}"
    pesan = [i.value for i in at.sidebar.info]
    assert len(pesan) == 1 and "tidak dikenal; memakai nilai bawaan" in pesan[0]
    assert "<script>" not in pesan[0] and "](http" not in pesan[0]  # shown inert, never as markup
    assert len(pesan[0]) < 200


def test_repeated_parameter_the_last_value_decides_as_in_streamlit() -> None:
    at = buka("peringkat", tahun=["xx", "2022"])
    assert at.title[0].value == "Peringkat IID 2022"
    assert not at.sidebar.info
    at = buka("peringkat", tahun=["2022", "xx"])
    assert at.title[0].value == f"Peringkat IID {max(skor.daftar_tahun())}"
    assert len(at.sidebar.info) == 1


def test_a_copied_link_reopens_the_same_view() -> None:
    """The values a link carries are the labels the filters show; no notice for them."""
    at = buka(
        "tren",
        tahun="2023",
        basis="Klaim (semua klaim diterima)",
        wilayah_tren=["Kota Banjarbaru", "Kabupaten Tapin"],
        versi="Semua tahun: aturan 2023",
    )
    assert not at.sidebar.info
    garis = [t for t in grafik(at)[0]["data"] if t.get("mode") == "lines+markers"]
    assert [t["name"] for t in garis] == ["Kota Banjarbaru", "Kabupaten Tapin"]
    assert {c[1] for t in garis for c in t["customdata"]} == {"2023"}
    iid = skor.skor_tahun(2021, "klaim", "2023").set_index("kode_wilayah")["iid"]
    assert garis[0]["y"][0] == pytest.approx(iid["63.72"])


def _kotak(lat: float, lng: float, r: float = 0.12) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [
            [[lng - r, lat - r], [lng + r, lat - r], [lng + r, lat + r], [lng - r, lat + r], [lng - r, lat - r]]
        ],
    }


@pytest.fixture
def geojson(tmp_path: Path) -> Path:
    """A synthetic boundary file: a small square around each region's approximate centre."""
    wilayah = skor.daftar_wilayah().dropna(subset=["lat"])
    fitur = [
        {
            "type": "Feature",
            "properties": {"kode": w.kode_wilayah, "nama": w.nama_wilayah},
            "geometry": _kotak(w.lat, w.lng),
        }
        for w in wilayah.itertuples()
    ]
    path = tmp_path / "batas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": fitur}), encoding="utf-8")
    return path


def test_configured_geojson_draws_an_offline_choropleth(geojson: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_GEOJSON", str(geojson))
    at = buka("ringkasan", tahun="2024")
    peta = grafik(at)[0]
    kabkota = skor.daftar_wilayah().dropna(subset=["lat"])
    isi = {t["name"]: t for t in peta["data"] if t.get("fill") == "toself"}
    assert sorted(isi) == sorted(kabkota["nama_wilayah"]), "every region of the configured file is drawn"
    # the square drawn for Tabalong in the fixture, not the shipped boundary
    tabalong = isi["Kabupaten Tabalong"]
    assert len(tabalong["x"]) == 5 and tabalong["x"][0] == tabalong["x"][-1]
    # every region has a point a click selects: its label, or (a square too small for it) a point of its own
    titik = [c[0] for t in peta["data"] if t.get("customdata") for c in t["customdata"]]
    assert sorted(titik) == sorted(kabkota["kode_wilayah"])
    # plain SVG traces: no MapLibre (fetches glyphs) and no geo subplot (fetches topojson from a CDN)
    assert {t["type"] for t in peta["data"]} == {"scatter"} and "map" not in peta["layout"]


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("{bukan json", "bukan GeoJSON yang sah"),
        ('{"type": "Feature"}', "bukan FeatureCollection"),
        ("[1, 2]", "bukan FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [{"properties": {"kode": "99.99"}}]}', "tidak memuat kode wilayah"),
    ],
)
def test_unusable_geojson_falls_back_to_the_tile_map_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isi: str, pesan: str
) -> None:
    path = tmp_path / "rusak.geojson"
    path.write_text(isi, encoding="utf-8")
    monkeypatch.setenv("DASBOR_GEOJSON", str(path))
    at = buka("ringkasan")
    assert any(pesan in i.value for i in at.info)
    assert grafik(at)[0]["data"][0]["type"] == "scatter"  # the tile map


def test_missing_geojson_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_GEOJSON", str(tmp_path / "tidak-ada.geojson"))
    at = buka("ringkasan")
    assert any("tidak ditemukan" in i.value for i in at.info)


SEMUA_KUNCI = ("tahun", "basis", "wilayah", "pembanding", "wilayah_tren", "versi", "jenis", "aturan")


@pytest.mark.parametrize("halaman", HASIL)
def test_every_page_survives_garbage_in_every_link_parameter(halaman: str) -> None:
    at = buka(halaman, **dict.fromkeys(SEMUA_KUNCI, "<img src=x onerror=alert(1)>"))
    assert at.title, "halaman tetap tampil"
    # every "<" of a link value shown back is escaped, so markdown renders it as text, never as an element
    assert all(not re.search(r"(?<!\\)<", i.value) for i in at.sidebar.info)
    assert grafik(at)
