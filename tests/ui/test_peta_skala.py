"""Maps at any scale (issue 25 §3): the national boundaries filtered to a scope, simplified when large, labels
placed by the same rules for a province and for the country, every region hoverable and clickable."""

from __future__ import annotations

import json
from itertools import combinations

import numpy as np
import pandas as pd
import pytest

from dasbor.lingkup import referensi
from dasbor.services import peta as batas_peta
from dasbor.visual import peta


def _data(kode_provinsi: str | None) -> pd.DataFrame:
    """Every kab/kota of a province (or of the country) with a made-up IID and band."""
    kode = [w.kode_wilayah for w in referensi() if w.jenis != "provinsi" and kode_provinsi in (None, w.kode_provinsi)]
    nama = {w.kode_wilayah: w.nama_wilayah for w in referensi()}
    iid = np.linspace(20, 90, len(kode))
    return pd.DataFrame(
        {
            "kode_wilayah": kode,
            "nama_wilayah": [nama[k] for k in kode],
            "lat": np.nan,
            "lng": np.nan,
            "iid": iid,
            "predikat": np.where(iid >= 60.01, "Sangat Inovatif", np.where(iid >= 35, "Inovatif", "Kurang Inovatif")),
            "peringkat": np.arange(1, len(kode) + 1),
        }
    )


def _batas(monkeypatch: pytest.MonkeyPatch, kode_lingkup: str, d: pd.DataFrame) -> batas_peta.Batas:
    monkeypatch.setenv("DASBOR_LINGKUP", kode_lingkup)
    monkeypatch.delenv("DASBOR_GEOJSON", raising=False)
    batas = batas_peta.batas_wilayah(frozenset(d["kode_wilayah"]))
    assert batas.pesan is None and batas.geojson is not None
    return batas


@pytest.fixture(scope="module")
def nasional() -> tuple[pd.DataFrame, batas_peta.Batas]:
    with pytest.MonkeyPatch.context() as mp:
        d = _data(None)
        return d, _batas(mp, "nasional", d)


def test_the_national_map_is_simplified_light_and_keeps_every_region(
    nasional: tuple[pd.DataFrame, batas_peta.Batas],
) -> None:
    d, batas = nasional
    fitur = batas.geojson["features"]
    assert len(fitur) == 514 and batas_peta._jumlah_titik(fitur) <= 2 * batas_peta.TITIK_MAKS  # from 160 000
    for f in fitur:
        poligon = batas_peta._poligon(f)
        assert poligon, f["properties"]["kode"]  # even the smallest city keeps a polygon
        assert all(len(c) >= 4 and c[0] == c[-1] for p in poligon for c in p)
    fig = peta.peta_batas(d, batas.geojson, batas.kunci_fitur, "Peta", sorot="35.07")
    assert len(fig.to_json()) < 1_000_000
    isian = [t for t in fig.data if t.fill == "toself"]
    assert len(isian) <= 4  # one per band and the highlighted region, not one per region
    assert isian[-1].line.width == 4 and isian[-1].opacity == 1.0  # the highlighted one, drawn last
    # every region answers a hover and a click at a point of its own
    titik = {c[0] for t in fig.data if t.customdata is not None for c in t.customdata}
    assert titik == set(d["kode_wilayah"])
    # at the country's scale a kab/kota cannot hold its name: none is written, all are named on hover
    assert fig.layout.meta["wilayah_bernama"] == 0 and not [t for t in fig.data if t.mode == "markers+text"]


def test_a_small_scope_is_drawn_as_the_file_has_it() -> None:
    kalsel = json.loads(batas_peta.berkas_bawaan().read_text(encoding="utf-8"))["features"]
    assert batas_peta.sederhanakan(kalsel) is kalsel


def test_every_label_point_lies_inside_its_region(nasional: tuple[pd.DataFrame, batas_peta.Batas]) -> None:
    d, batas = nasional
    poligon = peta._wilayah_peta(batas.geojson, batas.kunci_fitur, d["kode_wilayah"])
    titik = peta._pusat_label(batas.geojson, batas.kunci_fitur, d, poligon)
    luar = [
        r.kode_wilayah
        for r in titik.itertuples()
        if not peta._dalam_wilayah(poligon[r.kode_wilayah], r.lng_label, r.lat_label)
    ]
    assert luar == []


def test_a_crescent_gets_its_label_point_inside_not_at_its_centre() -> None:
    # a C open to the east: its centroid and its box's centre lie in the opening
    sabit = [(0, 0), (3, 0), (3, 1), (1, 1), (1, 2), (3, 2), (3, 3), (0, 3), (0, 0)]
    poligon = peta.poligon_wilayah({"type": "Polygon", "coordinates": [sabit]})
    x, y = peta.titik_wakil(poligon)
    assert peta._dalam_wilayah(poligon, x, y) and not peta._dalam_wilayah(poligon, 2.0, 1.5)


def test_a_province_of_the_national_file_gets_labels_that_do_not_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    d = _data("35")  # Jawa Timur: 38 kab/kota, no tuning of its own
    batas = _batas(monkeypatch, "35", d)
    fig = peta.peta_batas(d, batas.geojson, batas.kunci_fitur, "Peta")
    ppd = fig.layout.meta["piksel_per_derajat"]
    label = next(t for t in fig.data if t.mode == "markers+text")
    assert 0 < len(label.text) == fig.layout.meta["wilayah_bernama"] < len(d)
    kotak = [peta._ukuran_label(t, label.textfont.size, ppd) for t in label.text]
    for (i, (xi, yi)), (j, (xj, yj)) in combinations(enumerate(zip(label.x, label.y, strict=True)), 2):
        apart = (
            abs(xi - xj) >= (kotak[i][0] + kotak[j][0]) / 2 - 1e-9
            or abs(yi - yj) >= (kotak[i][1] + kotak[j][1]) / 2 - 1e-9
        )
        assert apart, (label.customdata[i][1], label.customdata[j][1])
    assert {c[0] for t in fig.data if t.customdata is not None for c in t.customdata} == set(d["kode_wilayah"])
    assert len([t for t in fig.data if t.fill == "toself"]) == len(d)  # few regions: one trace each, hover inside


def test_one_provinces_map_in_a_national_deployment_keeps_its_detail(
    monkeypatch: pytest.MonkeyPatch, nasional: tuple[pd.DataFrame, batas_peta.Batas]
) -> None:
    """Profil draws a region among its province's kab/kota: those are simplified over their own extent (here under
    the threshold: not at all), not snapped to the grid the whole country's map needs."""
    jatim = _data("35")
    batas = _batas(monkeypatch, "nasional", jatim)
    fitur = batas.geojson["features"]
    assert {f["properties"]["kode"] for f in fitur} == set(jatim["kode_wilayah"])
    di_negara = [f for f in nasional[1].geojson["features"] if f["properties"]["kode"] in set(jatim["kode_wilayah"])]
    assert batas_peta._jumlah_titik(fitur) > 3 * batas_peta._jumlah_titik(di_negara)
