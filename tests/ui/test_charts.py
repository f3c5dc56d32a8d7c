"""Figures as plain objects: what is drawn, in which colour, in what order; and the tile-map layout."""

import math
import textwrap
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dasbor.visual import charts, peta
from dasbor.visual.format import angka, nama_pendek, nama_pendek_unik
from dasbor.visual.gaya import LAYAR, PROYEKTOR, Gaya
from dasbor.visual.palette import PREDIKAT_WARNA, RESMI, TEKS

ROOT = Path(__file__).resolve().parents[2]
WILAYAH = pd.read_csv(ROOT / "data" / "referensi" / "wilayah-kalsel.csv", dtype={"kode_wilayah": str}).rename(
    columns={"perkiraan_pusat_lat": "lat", "perkiraan_pusat_lng": "lng"}
)
KABKOTA = WILAYAH.dropna(subset=["lat"])
PITA_2023 = pd.DataFrame({"predikat": ["Sangat Inovatif", "Inovatif", "Kurang Inovatif"], "bawah": [60.01, 35.0, 0.01]})


@pytest.fixture(scope="module")
def letak() -> pd.DataFrame:
    return peta.tata_letak_ubin(WILAYAH).merge(KABKOTA, on="kode_wilayah")


def test_tile_layout_gives_every_kab_kota_its_own_cell(letak: pd.DataFrame) -> None:
    assert len(letak) == 13  # the province (no coordinates) is not a tile
    assert not letak.duplicated(["kolom", "baris"]).any()
    assert letak["kolom"].min() == 0 and letak["baris"].min() == 0


def test_tile_layout_keeps_the_geography(letak: pd.DataFrame) -> None:
    per_nama = letak.set_index("nama_wilayah")
    assert per_nama.at["Kabupaten Tabalong", "baris"] == 0  # northernmost
    assert per_nama.at["Kabupaten Kotabaru", "kolom"] == letak["kolom"].max()  # easternmost
    assert per_nama.at["Kabupaten Tanah Laut", "baris"] == letak["baris"].max()  # southernmost
    # Any two regions more than two grid steps apart north–south (or west–east) keep their order.
    langkah = peta.langkah_ubin(WILAYAH)
    assert langkah == 0.4  # 13 kab/kota on a 5 × 6 grid
    for a, b in combinations(letak.itertuples(), 2):
        if a.lat - b.lat > 2 * langkah:
            assert a.baris < b.baris, (a.nama_wilayah, b.nama_wilayah)
        if a.lng - b.lng > 2 * langkah:
            assert a.kolom > b.kolom, (a.nama_wilayah, b.nama_wilayah)
    # and no tile lands more than 1.6 grid steps from where its region really is
    ideal_x = (letak["lng"] - letak["lng"].min()) / langkah
    ideal_y = (letak["lat"].max() - letak["lat"]) / langkah
    assert ((letak["kolom"] - ideal_x).abs().max(), (letak["baris"] - ideal_y).abs().max()) < (1.6, 1.6)


def test_short_names_stay_apart_where_two_regions_share_one() -> None:
    nama = pd.Series(["Kabupaten Malang", "Kota Malang", "Kabupaten Hulu Sungai Selatan", "Kabupaten Malang"])
    # a region repeated (a trend's years) is no collision; Malang's two pemda keep their full names
    assert nama_pendek_unik(nama).tolist() == ["Kabupaten Malang", "Kota Malang", "HSS", "Kabupaten Malang"]
    assert nama_pendek_unik(pd.Series(["Kota Banjarbaru", "Kota Banjarbaru"])).tolist() == ["Banjarbaru"] * 2


def test_nama_pendek() -> None:
    assert nama_pendek("Kabupaten Hulu Sungai Selatan") == "HSS"
    assert nama_pendek("Kota Banjarbaru") == "Banjarbaru"
    assert nama_pendek("Kabupaten Barito Kuala") == "Barito Kuala"
    assert nama_pendek("Provinsi Kalimantan Selatan") == "Kalimantan Selatan"


def _skor(n: int = 13) -> pd.DataFrame:
    d = KABKOTA.head(n).copy()
    d["iid"] = [81.0, 71.0, 58.41, 40.0, 20.0, 0.0, 65.0, 55.0, 45.0, 35.0, 30.0, 25.0, 61.0][:n]
    d["predikat"] = [
        "Sangat Inovatif"
        if v >= 60.01
        else "Inovatif"
        if v >= 35
        else "Kurang Inovatif"
        if v > 0
        else "Tidak Dapat Dinilai"
        for v in d["iid"]
    ]
    d["peringkat"] = d["iid"].rank(ascending=False, method="min").astype(int)
    return d


def test_tile_map_colours_each_tile_by_its_band_and_labels_it_in_indonesian() -> None:
    d = _skor()
    fig = peta.peta_ubin(d, "Peta")
    warna = {s.fillcolor for s in fig.layout.shapes}
    assert warna == {PREDIKAT_WARNA[p] for p in d["predikat"]}
    titik = fig.data[0]
    assert sorted(titik.customdata[:, 0]) == sorted(d["kode_wilayah"])
    assert any("58,41" in t for t in titik.text)
    assert {t.name for t in fig.data[1:]} == set(d["predikat"])  # legend entries


def _peta_bawaan(sorot: str | None = None) -> tuple[pd.DataFrame, go.Figure]:
    from dasbor.services.peta import batas_wilayah, berkas_bawaan

    d = _skor()
    batas = batas_wilayah(frozenset(d["kode_wilayah"]))
    assert batas.pesan is None and batas.geojson is not None, "the shipped boundary file is used by default"
    assert (berkas_bawaan().parent / "batas-kabkota-kalsel.LISENSI.md").read_text(encoding="utf-8").count("MIT License")
    return d, peta.peta_batas(d, batas.geojson, batas.kunci_fitur, "Peta", sorot=sorot)


def _label_peta(fig: go.Figure) -> go.Scatter:
    return next(t for t in fig.data if t.mode == "markers+text")


def test_boundary_map_is_offline_and_writes_every_name_and_iid_on_the_map() -> None:
    d, fig = _peta_bawaan()
    # Plain cartesian traces only: no MapLibre (its text fetches glyphs) and no geo subplot (fetches topojson).
    assert {t.type for t in fig.data} == {"scatter"} and "map" not in fig.to_plotly_json()["layout"]
    label = _label_peta(fig)
    teks = dict(zip(label.customdata[:, 0], label.text, strict=True))
    assert sorted(teks) == sorted(d["kode_wilayah"])
    for r in d.itertuples():
        assert nama_pendek(r.nama_wilayah).split()[0] in teks[r.kode_wilayah]
        assert f"<b>{angka(r.iid)}</b>" in teks[r.kode_wilayah]
    assert "HSS" in teks["63.06"] and "<b>58,41</b>" in teks[d.loc[d["iid"] == 58.41, "kode_wilayah"].iat[0]]
    assert label.textfont.size >= 11  # readable on a phone


def test_boundary_map_points_carry_the_click_data_and_the_hover() -> None:
    d, fig = _peta_bawaan()
    titik = [t for t in fig.data if t.customdata is not None]
    per_kode = {c[0]: list(c) for t in titik for c in t.customdata}
    assert sorted(per_kode) == sorted(d["kode_wilayah"])  # every region has a point a click can select
    r = d.set_index("kode_wilayah").loc["63.09"]
    assert per_kode["63.09"] == [
        "63.09",
        r["nama_wilayah"],
        r["predikat"],
        angka(r["iid"]),
        f"{r['peringkat']} dari 13",
    ]
    for t in titik:
        assert all("peringkat" in h and "IID" in h for h in t.hovertext)  # predikat and rank on hover
        assert list(t.hoverlabel.bgcolor) == [PREDIKAT_WARNA[p] for p in t.customdata[:, 2]]
    # the filled regions show the same text when hovered anywhere inside
    isi = {t.name: t for t in fig.data if t.fill == "toself"}
    assert set(isi) == set(d["nama_wilayah"])
    assert isi["Kabupaten Tabalong"].hoveron == "fills" and f"IID {angka(r['iid'])}" in isi["Kabupaten Tabalong"].text


def test_a_pemda_without_spd_is_named_sid_only_in_the_map_legend_never_nan() -> None:
    from dasbor.services.peta import batas_wilayah

    d = _skor()
    d.loc[d.index[:2], ["iid", "predikat", "peringkat"]] = [np.nan, None, pd.NA]  # no SPD: SID only (services.skor)
    batas = batas_wilayah(frozenset(d["kode_wilayah"]))
    for fig in (peta.peta_ubin(d, "Peta"), peta.peta_batas(d, batas.geojson, batas.kunci_fitur, "Peta")):
        legenda = [t.name for t in fig.data if t.showlegend is not False and t.x == (None,)]
        assert sorted(legenda) == sorted({*d["predikat"].dropna(), peta.SID_SAJA}), legenda
        assert "nan" not in " ".join(map(str, legenda))


def test_small_cities_are_labelled_beside_the_province_with_a_leader_line() -> None:
    d, fig = _peta_bawaan()
    label = _label_peta(fig)
    posisi = dict(zip(label.customdata[:, 0], zip(label.x, label.y, label.textposition, strict=True), strict=True))
    barat = min(x for t in fig.data if t.fill == "toself" for x in t.x if x is not None)
    for kota in ("63.71", "63.72"):  # Banjarmasin and Banjarbaru: too small to hold their label
        x, _, letak = posisi[kota]
        assert x < barat and letak == "middle left"
    # a two-line label of 12 px apart even at the fewest pixels per degree (a phone)
    assert abs(posisi["63.71"][1] - posisi["63.72"][1]) >= 2 * 12 * 1.2 / fig.layout.meta["piksel_per_derajat"] - 1e-9
    assert fig.layout.xaxis.range[0] < barat - 0.5  # room for the text left of the anchor
    assert all(x > barat for k, (x, _, _) in posisi.items() if k not in ("63.71", "63.72"))
    garis = next(t for t in fig.data if t.mode == "lines" and t.fill != "toself")
    assert len([x for x in garis.x if x is None]) == 1  # two leader lines


@pytest.mark.parametrize("gaya", [LAYAR, PROYEKTOR], ids=lambda g: g.nama)
def test_labels_on_the_map_do_not_overlap_and_stay_near_their_region(gaya: Gaya) -> None:
    from dasbor.services.peta import batas_wilayah

    d = _skor()
    batas = batas_wilayah(frozenset(d["kode_wilayah"]))
    fig = peta.peta_batas(d, batas.geojson, batas.kunci_fitur, "Peta", gaya=gaya)
    label = _label_peta(fig)
    assert 11 <= label.textfont.size <= peta.UKURAN_LABEL_MAKS
    assert fig.layout.meta["piksel_per_derajat"] == pytest.approx(110, abs=0.5)  # 2,9 degrees on a phone's map
    kotak = [peta._ukuran_label(t, label.textfont.size, fig.layout.meta["piksel_per_derajat"]) for t in label.text]
    # box centres: a label beside the province ends at its anchor ("middle left")
    xy = [
        (x - kotak[i][0] / 2 if letak == "middle left" else x, y)
        for i, (x, y, letak) in enumerate(zip(label.x, label.y, label.textposition, strict=True))
    ]
    for (i, (xi, yi)), (j, (xj, yj)) in combinations(enumerate(xy), 2):
        terpisah_x = abs(xi - xj) >= (kotak[i][0] + kotak[j][0]) / 2 - 1e-9
        terpisah_y = abs(yi - yj) >= (kotak[i][1] + kotak[j][1]) / 2 - 1e-9
        assert terpisah_x or terpisah_y, (label.customdata[i][1], label.customdata[j][1])
    # a label moved to make room is still within a third of a degree of its region's label point
    titik = peta._pusat_label(batas.geojson, batas.kunci_fitur, d).set_index("kode_wilayah")
    for kode, x, y, letak in zip(label.customdata[:, 0], label.x, label.y, label.textposition, strict=True):
        if letak == "middle center":
            assert abs(x - titik.at[kode, "lng_label"]) < 0.34 and abs(y - titik.at[kode, "lat_label"]) < 0.34


def test_label_placement_moves_only_what_overlaps_and_only_as_far_as_allowed() -> None:
    kotak = [(1.0, 0.2)] * 3
    xy = np.array([[0.0, 0.0], [0.5, 0.05], [5.0, 0.0]])
    hasil, bebas = peta.pisahkan_label(xy, kotak, np.array([[0.5, 0.5]] * 3))
    assert bebas.all()
    assert hasil[0].tolist() == [0.0, 0.0] and hasil[2].tolist() == [5.0, 0.0]  # placed first / far away
    assert abs(hasil[1, 1] - hasil[0, 1]) >= 0.2 - 1e-9 or abs(hasil[1, 0] - hasil[0, 0]) >= 1.0 - 1e-9
    assert np.hypot(*(hasil[1] - xy[1])) == pytest.approx(0.15, abs=0.03)  # the least move that frees it
    terkunci, bebas = peta.pisahkan_label(xy, kotak, np.array([[0.5, 0.5], [0.04, 0.04], [0.5, 0.5]]))
    assert terkunci[1].tolist() == [0.5, 0.05]  # no free place within reach: left where it was, not placed
    assert bebas.tolist() == [True, False, True]


def test_boundary_map_keeps_true_proportions_and_closed_rings() -> None:
    _, fig = _peta_bawaan()
    assert fig.layout.yaxis.scaleanchor == "x"
    assert fig.layout.yaxis.scaleratio == pytest.approx(1 / math.cos(math.radians(-2.7)), abs=2e-3)
    for t in (t for t in fig.data if t.fill == "toself"):
        cincin = [[]]
        for x, y in zip(t.x, t.y, strict=True):
            cincin[-1].append((x, y)) if x is not None else cincin.append([])
        assert all(len(c) >= 4 and c[0] == c[-1] for c in cincin), t.name


def test_multipolygons_and_holes_are_drawn() -> None:
    kotak = [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0]]  # clockwise, not closed
    lubang = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]]  # counter-clockwise
    pulau = [[2.0, 0.0], [2.5, 0.0], [2.5, 0.5], [2.0, 0.0]]
    bagian = peta.poligon_wilayah({"type": "MultiPolygon", "coordinates": [[kotak, lubang], [pulau]]})
    assert [len(p) for p in bagian] == [2, 1]
    (luar, dalam), (pulau_,) = bagian
    assert luar[0] == luar[-1] and len(luar) == 5
    # Plotly fills one trace's rings under the nonzero rule: a hole must turn against its outer ring
    assert peta._luas(luar) > 0 and peta._luas(dalam) < 0 and peta._luas(pulau_) > 0
    assert peta.poligon_wilayah({"type": "Polygon", "coordinates": [kotak]}) == [[luar]]
    assert peta.poligon_wilayah({"type": "Point", "coordinates": [1, 2]}) == []


def test_highlighted_region_is_outlined_and_the_others_paler() -> None:
    _, fig = _peta_bawaan(sorot="63.06")
    isi = [t for t in fig.data if t.fill == "toself"]
    sorot = isi[-1]  # drawn last, so no neighbour covers its outline
    assert sorot.name == "Kabupaten Hulu Sungai Selatan"
    assert sorot.line.width > 1.5 and sorot.line.color == TEKS and sorot.opacity == 1.0
    assert all(t.opacity < 1 and t.line.width == 1.5 for t in isi[:-1])
    _, biasa = _peta_bawaan()
    assert all(t.opacity == 1.0 for t in biasa.data if t.fill == "toself")


def test_one_map_function_draws_the_tiles_when_the_boundary_file_is_unusable() -> None:
    from dasbor.services.peta import Batas, batas_wilayah

    d = _skor()
    ubin = peta.peta_predikat(d, Batas(None, None, "Berkas batas wilayah x.geojson tidak ditemukan"), "Peta 2024")
    assert ubin.layout.title.text == "Peta 2024 (peta ubin: letak kira-kira)" and ubin.layout.shapes
    assert not [t for t in ubin.data if t.fill == "toself"]
    batas = peta.peta_predikat(d, batas_wilayah(frozenset(d["kode_wilayah"])), "Peta 2024", sorot="63.06")
    assert batas.layout.title.text == "Peta 2024" and len([t for t in batas.data if t.fill == "toself"]) == 13
    assert [t for t in batas.data if t.fill == "toself"][-1].name == "Kabupaten Hulu Sungai Selatan"  # sorot passed


def test_national_average_is_a_labelled_reference_line() -> None:
    fig = charts.batang_peringkat(_skor(), PITA_2023, "Peringkat", rata_nasional=46.01)
    garis = [s for s in fig.layout.shapes if s.x0 == 46.01]
    assert len(garis) == 1 and any("Rata-rata nasional 46,01" in a.text for a in fig.layout.annotations)
    tren = pd.DataFrame(
        {
            "tahun": [2024, 2025],
            "kode_wilayah": "63.09",
            "nama_wilayah": "Kabupaten Tabalong",
            "iid": [80.0, 84.0],
            "predikat": "Sangat Inovatif",
            "versi_metodologi": ["2023", "2025"],
        }
    )
    pita = pd.DataFrame(
        {
            "tahun": [2024, 2025],
            "predikat": "Sangat Inovatif",
            "bawah": [60.01, 65.01],
            "atas": 100.0,
            "versi": ["2023", "2025"],
        }
    )
    nasional = pd.DataFrame({"tahun": [2024, 2025], "rata_rata_iid": [46.01, 49.43], "sumber": ["a", "b"]})
    fig = charts.garis_tren(tren, pd.DataFrame(columns=["tahun"]), pita, "Tren", nasional=nasional)
    [garis] = [t for t in fig.data if t.name == "Rata-rata IID nasional"]
    assert list(garis.y) == [46.01, 49.43] and list(garis.text) == ["nasional 46,01", "nasional 49,43"]


def test_a_long_ranking_draws_its_best_bars_and_says_how_many_there_are() -> None:
    d = pd.concat([_skor()] * 4, ignore_index=True)  # 52 regions, ranks 1..52 by IID
    d["kode_wilayah"] = [f"{i:02d}.01" for i in range(len(d))]
    d["peringkat"] = d["iid"].rank(ascending=False, method="first").astype(int)
    fig = charts.batang_peringkat(d, PITA_2023, "Klaster kabupaten", maks=40)
    batang = fig.data[0]
    terbaik = d.nsmallest(40, "peringkat")
    assert sorted(c[0] for c in batang.customdata) == sorted(terbaik["kode_wilayah"])
    assert list(batang.x) == sorted(terbaik["iid"])  # still the best at the top
    assert fig.layout.title.text.replace("<br>", " ").startswith("Klaster kabupaten: 40 teratas dari 52")
    # a deck slide has no title of its own: the count alone; a short ranking is drawn whole, its title untouched
    assert charts.batang_peringkat(d, PITA_2023, "", maks=40).layout.title.text.startswith("40 teratas dari 52")
    utuh = charts.batang_peringkat(d.head(40), PITA_2023, "Klaster kabupaten", maks=40)
    assert len(utuh.data[0].x) == 40 and "teratas" not in utuh.layout.title.text


def test_ranking_bars_sorted_coloured_with_official_diamonds_and_band_lines() -> None:
    d = _skor().assign(nilai_resmi=lambda x: [58.55 if k == "63.03" else None for k in x["kode_wilayah"]])
    d["sumber_resmi"] = "https://contoh.invalid/berita"
    fig = charts.batang_peringkat(d, PITA_2023, "Peringkat")
    batang = fig.data[0]
    assert list(batang.x) == sorted(d["iid"])  # best at the top of a horizontal chart = last trace point
    assert list(batang.marker.color) == [
        PREDIKAT_WARNA[p] for p in d.sort_values("peringkat", ascending=False)["predikat"]
    ]
    resmi = next(t for t in fig.data if t.name == "Nilai resmi dipublikasikan")
    assert list(resmi.x) == [58.55] and resmi.marker.color == RESMI
    assert [s.x0 for s in fig.layout.shapes] == [60.01, 35.0]
    # the thresholds stay whole when the note wraps (no-break spaces around ≥)
    catatan = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "Sangat Inovatif\u00a0≥\u00a060,01 · Inovatif\u00a0≥\u00a035,00" in catatan


def test_predikat_distribution_keeps_empty_bands() -> None:
    fig = charts.distribusi_predikat({"Sangat Inovatif": 4, "Inovatif": 9, "Kurang Inovatif": 0}, "Sebaran")
    assert list(fig.data[0].y) == ["Kurang Inovatif", "Inovatif", "Sangat Inovatif"]  # best band on top
    assert list(fig.data[0].x) == [0, 9, 4]


def test_trend_draws_bands_per_year_rule_change_marker_and_official_values() -> None:
    tren = pd.DataFrame(
        {
            "tahun": [2022, 2023, 2022, 2023],
            "kode_wilayah": ["63.06", "63.06", "63.09", "63.09"],
            "nama_wilayah": ["HSS", "HSS", "Tabalong", "Tabalong"],
            "iid": [67.04, 69.0, 79.37, 80.0],
            "predikat": ["Sangat Inovatif"] * 4,
            "versi_metodologi": ["2022", "2023", "2022", "2023"],
        }
    )
    pita = pd.concat(
        [
            pd.DataFrame(
                {
                    "tahun": 2022,
                    "versi": "2022",
                    "predikat": ["Sangat Inovatif", "Inovatif", "Kurang Inovatif"],
                    "bawah": [60, 30, 0.01],
                    "atas": [100, 60, 30],
                }
            ),
            pd.DataFrame(
                {
                    "tahun": 2023,
                    "versi": "2023",
                    "predikat": ["Sangat Inovatif", "Inovatif", "Kurang Inovatif"],
                    "bawah": [60.01, 35, 0.01],
                    "atas": [100, 60.01, 35],
                }
            ),
        ]
    )
    resmi = pd.DataFrame(
        {
            "tahun": [2022],
            "nama_wilayah": ["HSS"],
            "nilai_iid": [67.04],
            "sumber": ["https://contoh.invalid"],
            "keyakinan": ["satu-sumber"],
            "status": ["final"],
        }
    )
    fig = charts.garis_tren(tren, resmi, pita, "Tren")
    garis = [t for t in fig.data if t.mode == "lines+markers"]
    assert [t.name for t in garis] == ["HSS", "Tabalong"]
    assert list(garis[1].y) == [79.37, 80.0]
    rect = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rect) == 6 and {(s.x0, s.y0) for s in rect} >= {(2022.5, 35), (2021.5, 30)}
    garis_versi = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.x0 for s in garis_versi] == [2022.5]
    official = fig.data[-1]
    assert official.name == "Nilai resmi dipublikasikan" and "contoh.invalid" in official.customdata[0][1]


def test_waterfall_adds_up_from_b_to_a() -> None:
    selisih = pd.DataFrame(
        {
            "kode_indikator": [str(i) for i in range(14)],
            "nama_indikator": ["x"] * 14,
            "selisih": [0.5, -2.0] + [0.1] * 12,
        }
    )
    iid_b = 60.0
    iid_a = iid_b + selisih["selisih"].sum()
    fig = charts.air_terjun_selisih(selisih, iid_a, iid_b, "Kabupaten A", "Kabupaten B", "Selisih")
    w = fig.data[0]
    assert w.measure[0] == "absolute" and w.measure[-1] == "total"
    assert w.x[0] + sum(w.x[1:-1]) == pytest.approx(w.x[-1])
    assert w.y[1].startswith("1 ") and w.y[-2] == "4 indikator lain"  # largest move first, the rest summed
    assert fig.layout.xaxis.range[0] > 0  # zoomed on the moves, not on 0–100


def test_a_long_title_wraps_to_fit_a_phone_and_the_figure_grows_to_match() -> None:
    pendek = charts.figur_dasar("Sebaran predikat kab/kota 2024", 400)
    assert pendek.layout.title.text == "Sebaran predikat kab/kota 2024" and pendek.layout.height == 400
    judul = "IID kabupaten dan kota 2025 (peringkat di antara kab/kota)"
    panjang = charts.figur_dasar(judul, 400)
    baris = panjang.layout.title.text.split("<br>")
    assert len(baris) == 2 and all(len(b) <= charts.LEBAR_JUDUL for b in baris) and " ".join(baris) == judul
    tambah = panjang.layout.height - 400
    assert tambah >= LAYAR.ukuran_judul and panjang.layout.margin.t == charts.TEMPLATE.layout.margin.t + tambah
    assert panjang.layout.title.pad.t == charts.TEMPLATE.layout.title.pad.t + tambah  # first line not cut off
    # a source note then goes under both title lines
    charts.tambah_catatan(panjang, "Hitungan dasbor")
    assert panjang.layout.margin.t == charts.TEMPLATE.layout.margin.t + tambah + charts.TINGGI_BARIS_SUBJUDUL


def test_source_note_travels_with_the_figure() -> None:
    fig = charts.distribusi_predikat({"Inovatif": 1}, "Sebaran")
    tinggi = fig.layout.height
    atas = fig.layout.margin.t or charts.TEMPLATE.layout.margin.t  # unset: the template default
    teks = "IID 2024 dihitung dasbor dengan aturan 2023 " * 4
    baris = len(textwrap.wrap(teks, charts.LEBAR_SUBJUDUL))
    assert baris > 1
    charts.tambah_catatan(fig, teks)
    assert fig.layout.title.subtitle.text.startswith("IID 2024 dihitung")
    assert fig.layout.title.subtitle.text.count("<br>") == baris - 1
    assert fig.layout.height == tinggi + baris * charts.TINGGI_BARIS_SUBJUDUL
    assert fig.layout.margin.t == atas + baris * charts.TINGGI_BARIS_SUBJUDUL
    charts.tambah_catatan(fig, "basis klaim")  # a second note is appended, not replacing the first
    assert fig.layout.title.subtitle.text.endswith("<br>basis klaim")


def test_indonesian_separators_in_every_figure() -> None:
    assert charts.TEMPLATE.layout.separators == ",."
