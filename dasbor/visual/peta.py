"""The map of the 13 kab/kota by predikat: real boundaries when a boundary file is usable, else tiles.

The boundary map is drawn as plain Plotly polygons on cartesian axes (see peta_batas for why not MapLibre), so
it needs nothing from the network in the browser, in kaleido (PNG export, slides) and on the slides. Names and
IID are written on the map; predikat and rank show on hover; every region's label point carries
[kode_wilayah, ...] as customdata so a click opens its profile. No Streamlit here.
"""

from __future__ import annotations

import math
import re
import textwrap
from typing import Protocol

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dasbor.visual.charts import figur_dasar, legenda_predikat
from dasbor.visual.format import angka, nama_pendek
from dasbor.visual.gaya import LAYAR, Gaya
from dasbor.visual.palette import TEKS, teks_predikat, warna_predikat


class Batas(Protocol):
    """What the map needs of a boundary file (services.peta.Batas provides it): described here rather than
    imported, since the services import the exports, which draw with this package."""

    geojson: dict | None
    kunci_fitur: str | None


SID_SAJA = "SPD belum diisi"  # a pemda without SPD: no IID, predikat or rank among the others (services.skor)


def _data_klik(d: pd.DataFrame) -> np.ndarray:
    """customdata of every map mark: kode, nama, predikat, IID as text, 'n dari N' (or SID_SAJA)."""
    n = int(d["peringkat"].notna().sum())
    peringkat = [f"{int(p)} dari {n}" if pd.notna(p) else SID_SAJA for p in d["peringkat"]]
    predikat = d["predikat"].astype(object).where(d["predikat"].notna(), SID_SAJA)
    return np.c_[d["kode_wilayah"], d["nama_wilayah"], predikat, [angka(v) for v in d["iid"]], peringkat]


def _teks_hover(klik: np.ndarray) -> list[str]:
    """Hover text per region from its customdata row: written out, because a hover over a filled polygon shows
    a trace's text and cannot run a hovertemplate."""
    return [
        f"<b>{nama}</b><br>IID {iid}<br>{predikat}<br>peringkat {urutan}" for _, nama, predikat, iid, urutan in klik
    ]


def _titik_klik(x, y, klik: np.ndarray, **tampilan) -> go.Scatter:
    """Points a click selects (Streamlit selects points, never areas), each carrying its region's customdata
    (_data_klik) and hover text, so a click opens the profile and a hover names predikat and rank. The hover box
    takes the band colour, as over a filled region (else it would take the trace's series colour)."""
    predikat = klik[:, 2]
    return go.Scatter(
        x=x,
        y=y,
        customdata=klik,
        hovertext=_teks_hover(klik),
        hoverinfo="text",
        hoverlabel={
            "bgcolor": [warna_predikat(p) for p in predikat],
            "font": {"color": [teks_predikat(p) for p in predikat]},
        },
        showlegend=False,
        **tampilan,
    )


def _label(nama: str, iid: float) -> str:
    """The text written on a region: its short name, wrapped so a label stays narrow, and its IID in bold."""
    return "<br>".join(textwrap.wrap(nama_pendek(nama), 11)) + f"<br><b>{angka(iid)}</b>"


# Grid step in degrees for the tile map: 0.4° keeps the 13 kab/kota on a 5 × 6 grid with every tile next to
# where the region lies (Tabalong at the top, Tanah Laut bottom left, Kotabaru on the east).
LANGKAH_UBIN = 0.4


def tata_letak_ubin(wilayah: pd.DataFrame, langkah: float = LANGKAH_UBIN) -> pd.DataFrame:
    """Place each region on a square grid cell near its approximate centre, one region per cell.

    Input columns: kode_wilayah, lat, lng (rows without coordinates are left out). Output: kode_wilayah,
    kolom (0 = west), baris (0 = north). Regions closest to a cell centre are placed first; each takes the free
    cell nearest its true position, so crowded areas (Banjarmasin, Banjarbaru, Banjar) spread to neighbours.
    """
    w = wilayah.dropna(subset=["lat", "lng"]).sort_values("kode_wilayah").reset_index(drop=True)
    ideal = np.c_[(w["lng"] - w["lng"].min()) / langkah, (w["lat"].max() - w["lat"]) / langkah]
    terpakai: dict[tuple[int, int], int] = {}
    sel: dict[int, tuple[int, int]] = {}
    for i in np.argsort(np.abs(ideal - np.round(ideal)).sum(axis=1), kind="stable"):
        x, y = ideal[i]
        jari = 0
        while i not in sel:
            jari += 1
            calon = [
                (cx, cy)
                for cx in range(math.floor(x) - jari, math.ceil(x) + jari + 1)
                for cy in range(math.floor(y) - jari, math.ceil(y) + jari + 1)
                if (cx, cy) not in terpakai
            ]
            if calon:
                terbaik = min(calon, key=lambda c: ((c[0] - x) ** 2 + (c[1] - y) ** 2, c[1], c[0]))
                sel[i] = terbaik
                terpakai[terbaik] = i
    kolom = np.array([sel[i][0] for i in range(len(w))])
    baris = np.array([sel[i][1] for i in range(len(w))])
    return pd.DataFrame({"kode_wilayah": w["kode_wilayah"], "kolom": kolom - kolom.min(), "baris": baris - baris.min()})


def peta_ubin(data: pd.DataFrame, judul: str, sorot: str | None = None, gaya: Gaya = LAYAR) -> go.Figure:
    """Tile map of the kab/kota coloured by predikat, laid out like the real geography; needs no download.

    Columns: kode_wilayah, nama_wilayah, lat, lng, iid, predikat, peringkat. Each tile's point carries
    kode_wilayah as customdata, so a click can open that region; `sorot` (a kode_wilayah) gets a black frame.
    """
    letak = tata_letak_ubin(data)
    d = data.merge(letak, on="kode_wilayah")
    fig = figur_dasar(judul, 640, gaya)
    for r in d.itertuples():
        fig.add_shape(
            type="rect",
            x0=r.kolom - 0.47,
            x1=r.kolom + 0.47,
            y0=r.baris - 0.47,
            y1=r.baris + 0.47,
            fillcolor=warna_predikat(r.predikat),
            line={"color": TEKS if r.kode_wilayah == sorot else "white", "width": 5 if r.kode_wilayah == sorot else 2},
            layer="below",
        )
    label = [_label(n, v) for n, v in zip(d["nama_wilayah"], d["iid"], strict=True)]
    klik = _data_klik(d)
    fig.add_trace(
        _titik_klik(
            d["kolom"],
            d["baris"],
            klik,
            mode="markers+text",
            text=label,
            textfont={"size": gaya.ukuran_label, "color": [teks_predikat(p) for p in d["predikat"]]},
            marker={"symbol": "square", "size": 60, "opacity": 0},
        )
    )
    legenda_predikat(fig, pd.Series(klik[:, 2]))  # a pemda without SPD named SID_SAJA, as on hover
    fig.update_xaxes(visible=False, range=[-0.6, d["kolom"].max() + 0.6])
    fig.update_yaxes(visible=False, range=[d["baris"].max() + 0.6, -0.6], scaleanchor="x", scaleratio=1)
    fig.update_layout(dragmode=False, margin={"l": 0, "r": 0, "b": 0})
    return fig


def _luas(cincin: list[tuple[float, float]]) -> float:
    """Signed area in square degrees (shoelace): positive when the ring runs counter-clockwise."""
    x, y = np.array(cincin).T
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2


def _tertutup(cincin: list, berlawanan: bool) -> list[tuple[float, float]]:
    """A ring as (lng, lat) pairs, closed (first point repeated last), counter-clockwise unless `berlawanan`.

    Plotly fills one trace's rings as one SVG path under the nonzero rule, so a hole is left empty only when it
    turns the other way round from its outer ring; GeoJSON files do not all follow the winding rule."""
    titik = [(float(p[0]), float(p[1])) for p in cincin]
    if titik[0] != titik[-1]:
        titik.append(titik[0])
    return titik[::-1] if (_luas(titik) < 0) != berlawanan else titik


def poligon_wilayah(geometri: dict) -> list[list[list[tuple[float, float]]]]:
    """The polygons of a Polygon or MultiPolygon geometry: per polygon its outer ring, then its holes."""
    bagian = {"Polygon": [geometri.get("coordinates")], "MultiPolygon": geometri.get("coordinates")}.get(
        geometri.get("type"), []
    )
    return [
        [_tertutup(cincin, berlawanan=i > 0) for i, cincin in enumerate(poligon) if len(cincin) >= 3]
        for poligon in bagian or []
        if poligon
    ]


def _pusat_label(geojson: dict, kunci_fitur: str, d: pd.DataFrame) -> pd.DataFrame:
    """Where each label goes: the file's own label point (lat_pusat/lng_pusat) when it has one, else the
    region's approximate centre from wilayah-kalsel.csv."""
    titik = {
        str(f["properties"][kunci_fitur]): (f["properties"].get("lat_pusat"), f["properties"].get("lng_pusat"))
        for f in geojson["features"]
        if isinstance(f, dict) and kunci_fitur in (f.get("properties") or {})
    }
    lat = [titik.get(k, (None, None))[0] or a for k, a in zip(d["kode_wilayah"], d["lat"], strict=True)]
    lng = [titik.get(k, (None, None))[1] or b for k, b in zip(d["kode_wilayah"], d["lng"], strict=True)]
    return d.assign(lat_label=lat, lng_label=lng)


# A region smaller than this (square degrees) cannot hold its label: Banjarmasin (0,008) and Banjarbaru (0,025)
# get theirs beside the province with a leader line; the smallest kabupaten, HSU (0,073), keeps its own.
LUAS_KECIL = 0.05
# Islands under this share of their region's area may fall outside the view: Kotabaru's small outer islands
# would otherwise stretch the map a degree south and east and shrink the mainland on a phone.
BAGIAN_TAMPAK = 0.02
# The fewest pixels one degree gets (a 390 px phone shows about 3 degrees, so does a slide's 430 px high map):
# the size in degrees of a label, which is set in pixels, is reckoned at this scale, so labels that do not
# overlap there do not overlap on a larger screen either.
PIKSEL_PER_DERAJAT = 110
HALO = ", ".join(f"{x}px {y}px 2px white" for x in (-1, 1) for y in (-1, 1))
LEBAR_HURUF = 0.65  # average glyph width as a share of the font size (Source Sans Pro, DejaVu Sans)
TINGGI_BARIS = 1.2  # line height as a share of the font size
# Label type on the map is capped below the projector style's 16 px: the Hulu Sungai valley holds five two-line
# labels in about 0,6 degree, and a slide's map gets only about 125 px per degree.
UKURAN_LABEL_MAKS = 14


def _wilayah_peta(geojson: dict, kunci_fitur: str, kode: pd.Series) -> dict[str, list]:
    """kode_wilayah -> polygons (poligon_wilayah) of the regions in `kode`."""
    hasil: dict[str, list] = {}
    for f in geojson["features"]:
        k = str((f.get("properties") or {}).get(kunci_fitur)) if isinstance(f, dict) else None
        if k in set(kode) and isinstance(f.get("geometry"), dict):
            hasil.setdefault(k, []).extend(poligon_wilayah(f["geometry"]))
    return hasil


def _garis(cincin: list[list[tuple[float, float]]]) -> tuple[list, list]:
    """x and y of rings drawn by one trace, a None between rings so Plotly does not join them."""
    x: list = []
    y: list = []
    for c in cincin:
        x += [p[0] for p in c] + [None]
        y += [p[1] for p in c] + [None]
    return x[:-1], y[:-1]


def _ukuran_label(teks: str, ukuran: int) -> tuple[float, float]:
    """Width and height in degrees of a label (_label) at `ukuran` px, at the scale PIKSEL_PER_DERAJAT."""
    baris = [re.sub(r"<[^>]+>", "", b) for b in teks.split("<br>")]
    lebar = max(len(b) for b in baris) * ukuran * LEBAR_HURUF
    return lebar / PIKSEL_PER_DERAJAT, len(baris) * ukuran * TINGGI_BARIS / PIKSEL_PER_DERAJAT


def pisahkan_label(
    xy: np.ndarray, kotak: list[tuple[float, float]], geser_maks: np.ndarray, langkah: float = 0.02
) -> np.ndarray:
    """Label positions (rows of x, y) moved, in the order given, each by the least that keeps its box (width,
    height around x, y) clear of the labels placed before it, and by at most its `geser_maks` (dx, dy) degrees
    (else it stays where it was): the regions of the Hulu Sungai valley lie so close that their labels would
    print over each other. Callers pass the smallest regions first, as they have the least room to move in."""
    baru = np.array(xy, dtype=float)
    ukuran = np.array(kotak, dtype=float)
    for i in range(len(baru)):
        dx, dy = (np.arange(-n, n + 1) * langkah for n in np.floor(geser_maks[i] / langkah + 1e-9).astype(int))
        calon = baru[i] + np.array([(a, b) for a in dx for b in dy])
        calon = calon[np.argsort(np.hypot(*(calon - baru[i]).T), kind="stable")]
        # a candidate is free when, against every label placed before, it is apart in x or apart in y
        jarak = np.abs(calon[:, None, :] - baru[None, :i, :]) >= (ukuran[i] + ukuran[:i]) / 2
        bebas = jarak.any(axis=2).all(axis=1)
        if bebas.any():
            baru[i] = calon[bebas.argmax()]
    return baru


def _label_luar(kecil: pd.DataFrame, x: float, jarak: float) -> pd.DataFrame:
    """Labels written beside the province at `x`, in north-to-south order, at least `jarak` degrees apart and
    centred on the regions they name."""
    urut = kecil.sort_values("lat_label", ascending=False)
    y = urut["lat_label"].to_numpy(dtype=float, copy=True)
    for i in range(1, len(y)):
        y[i] = min(y[i], y[i - 1] - jarak)
    y += (urut["lat_label"].mean() - y.mean()) if len(y) else 0
    return urut.assign(x_teks=x, y_teks=y)


def peta_batas(
    data: pd.DataFrame, geojson: dict, kunci_fitur: str, judul: str, sorot: str | None = None, gaya: Gaya = LAYAR
) -> go.Figure:
    """Choropleth on real boundaries: each region a filled polygon in its predikat colour, its short name and IID
    written on it (or beside the province for a small city, with a leader line), predikat and rank on hover.

    Columns: kode_wilayah, nama_wilayah, lat, lng, iid, predikat, peringkat; `kunci_fitur` is the GeoJSON
    property holding kode_wilayah (e.g. 'kode'). `sorot` (a kode_wilayah) is drawn with a thick black outline
    and the other regions paler: the region of a profile page.

    Not MapLibre (go.Choroplethmap): a MapLibre text layer fetches its glyphs from fonts.openmaptiles.org, which
    an offline workshop cannot reach, so names and IID could only be shown on hover. Polygons on cartesian axes
    draw the labels as SVG text with the page's own fonts and fetch nothing. Measured on the 2-core machine with
    a warm kaleido server (13 regions, 760 px): 0,4 s per PNG instead of MapLibre's 1,85 s, and 40 KB of figure
    JSON instead of 139 KB (MapLibre carries the whole GeoJSON in every trace).
    """
    d = _pusat_label(geojson, kunci_fitur, data.reset_index(drop=True))
    poligon = _wilayah_peta(geojson, kunci_fitur, d["kode_wilayah"])
    d = d[d["kode_wilayah"].isin(poligon)].reset_index(drop=True)
    klik = _data_klik(d)
    hover = _teks_hover(klik)
    fig = figur_dasar(judul, 660, gaya)
    # The highlighted region last, so its thick outline is not hidden under a neighbour's.
    for i in sorted(d.index, key=lambda i: d.at[i, "kode_wilayah"] == sorot):
        r = d.loc[i]
        disorot = r["kode_wilayah"] == sorot
        x, y = _garis([c for p in poligon[r["kode_wilayah"]] for c in p])
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                fill="toself",
                fillcolor=warna_predikat(r["predikat"]),
                line={"color": TEKS if disorot else "white", "width": 4 if disorot else 1.5},
                opacity=1.0 if sorot is None or disorot else 0.45,
                name=r["nama_wilayah"],
                showlegend=False,
                hoveron="fills",
                text=hover[i],
                hoverinfo="text",
            )
        )
    # Legend entries of their own: a paler region's trace would show its band paler in the legend. A pemda
    # without SPD is drawn in the neutral colour and named so in the legend (SID_SAJA, as on hover).
    legenda_predikat(fig, pd.Series(klik[:, 2]))

    # The view: every region's mainland and larger islands. Each region's area is summed once: a coastal region of
    # the national file has hundreds of islands, and summing them again per island took seconds.
    luas_bagian = {k: [abs(_luas(p[0])) for p in bagian] for k, bagian in poligon.items()}
    luas = {k: sum(v) for k, v in luas_bagian.items()}
    tampak = [
        titik
        for k, bagian in poligon.items()
        for p, luas_p in zip(bagian, luas_bagian[k], strict=True)
        if luas_p >= BAGIAN_TAMPAK * luas[k]
        for titik in p[0]
    ]
    (x0, y0), (x1, y1) = np.min(tampak, axis=0), np.max(tampak, axis=0)
    kecil = d["kode_wilayah"].map(luas).lt(LUAS_KECIL)
    teks = [_label(n, v) for n, v in zip(d["nama_wilayah"], d["iid"], strict=True)]
    ukuran = min(gaya.ukuran_kecil, UKURAN_LABEL_MAKS)
    kotak = [_ukuran_label(t, ukuran) for t in teks]
    luar = _label_luar(d[kecil], x0 - 0.05, max((kotak[i][1] for i in d.index[kecil]), default=0))
    label = d.assign(x_teks=d["lng_label"], y_teks=d["lat_label"])
    label.loc[luar.index, ["x_teks", "y_teks"]] = luar[["x_teks", "y_teks"]]
    # Smallest regions first: they have the least room; no label moves more than a third of its region's size.
    dalam = sorted(d.index[~kecil], key=lambda i: luas[d.at[i, "kode_wilayah"]])
    rentang = {k: np.ptp([t for p in bagian for t in p[0]], axis=0) for k, bagian in poligon.items()}
    label.loc[dalam, ["x_teks", "y_teks"]] = pisahkan_label(
        label.loc[dalam, ["x_teks", "y_teks"]].to_numpy(),
        [kotak[i] for i in dalam],
        np.array([rentang[d.at[i, "kode_wilayah"]] / 3 for i in dalam]),
    )
    if not luar.empty:
        garis_x = [v for r in luar.itertuples() for v in (r.lng_label, r.x_teks, None)][:-1]
        garis_y = [v for r in luar.itertuples() for v in (r.lat_label, r.y_teks, None)][:-1]
        fig.add_trace(
            go.Scatter(
                x=garis_x, y=garis_y, mode="lines", line={"color": TEKS, "width": 1}, hoverinfo="skip", showlegend=False
            )
        )
        fig.add_trace(
            _titik_klik(
                luar["lng_label"],
                luar["lat_label"],
                klik[luar.index],
                mode="markers",
                marker={"size": 7, "color": TEKS, "line": {"color": "white", "width": 1}},
            )
        )
    fig.add_trace(
        _titik_klik(
            label["x_teks"],
            label["y_teks"],
            klik,
            mode="markers+text",
            text=teks,
            textposition=np.where(kecil, "middle left", "middle center"),
            # Dark text in a white halo reads on every band colour, on a paler region and on the white beside
            # the province, also where a long name runs over a border.
            textfont={"size": ukuran, "color": TEKS, "shadow": HALO},
            # Invisible but large: a click anywhere on a label opens the region (a click on a filled polygon
            # gives Streamlit no point to select).
            marker={"size": 3 * ukuran, "opacity": 0},
            cliponaxis=False,
        )
    )
    kiri = x0 - 0.1 - max((kotak[i][0] for i in luar.index), default=0)
    lintang = math.radians((y0 + y1) / 2)
    # The map keeps its ranges and gives up plot area instead (constrain="domain"), hanging from the top: on a
    # phone, where the width decides the scale, the empty room then lies under the map, not above it.
    fig.update_xaxes(visible=False, range=[kiri, x1 + 0.05], fixedrange=True, constrain="domain")
    # One degree of longitude is cos(latitude) as long as one of latitude: equal scales keep the shapes true.
    fig.update_yaxes(
        visible=False,
        range=[y0 - 0.05, y1 + 0.05],
        scaleanchor="x",
        scaleratio=1 / math.cos(lintang),
        fixedrange=True,
        constrain="domain",
        constraintoward="top",
    )
    fig.update_layout(dragmode=False, margin={"l": 0, "r": 0, "b": 60}, showlegend=True)
    return fig


def peta_predikat(
    data: pd.DataFrame, batas: Batas, judul: str, sorot: str | None = None, gaya: Gaya = LAYAR
) -> go.Figure:
    """The one map of the pages, their PNGs and the slides: the boundaries when the file was usable
    (services.peta.batas_wilayah), else the tile map, whose title says its layout is approximate."""
    if batas.geojson is not None and batas.kunci_fitur is not None:
        return peta_batas(data, batas.geojson, batas.kunci_fitur, judul, sorot=sorot, gaya=gaya)
    ubin = f"{judul} (peta ubin: letak kira-kira)" if judul else "Peta ubin: letak kira-kira"
    return peta_ubin(data, ubin, sorot=sorot, gaya=gaya)
