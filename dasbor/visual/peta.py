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


# Grid step of the tile map, as a share of the side of the square each region would get if the regions' centres
# shared their bounding box evenly: 0,8 keeps Kalimantan Selatan's 13 kab/kota on a 5 × 6 grid (a 0,4° step) with
# every tile next to where the region lies, and gives the whole country a step of about one degree.
LANGKAH_PER_SISI = 0.8


def langkah_ubin(wilayah: pd.DataFrame) -> float:
    """The tile map's grid step in degrees for regions with centres (lat, lng), to a hundredth of a degree."""
    w = wilayah.dropna(subset=["lat", "lng"])
    kotak = float(np.ptp(w["lat"]) * np.ptp(w["lng"])) if len(w) > 1 else 0.0
    return max(round(LANGKAH_PER_SISI * math.sqrt(kotak / max(len(w), 1)), 2), 0.01)


def tata_letak_ubin(wilayah: pd.DataFrame, langkah: float | None = None) -> pd.DataFrame:
    """Place each region on a square grid cell near its approximate centre, one region per cell (step: langkah_ubin
    unless given).

    Input columns: kode_wilayah, lat, lng (rows without coordinates are left out). Output: kode_wilayah,
    kolom (0 = west), baris (0 = north). Regions closest to a cell centre are placed first; each takes the free
    cell nearest its true position, so crowded areas (Banjarmasin, Banjarbaru, Banjar) spread to neighbours.
    """
    langkah = langkah_ubin(wilayah) if langkah is None else langkah
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
    # All tiles in one layout update: add_shape copies the layout's shapes each time, which took 86 s for the
    # country's 514 tiles.
    fig.update_layout(
        shapes=[
            {
                "type": "rect",
                "x0": r.kolom - 0.47,
                "x1": r.kolom + 0.47,
                "y0": r.baris - 0.47,
                "y1": r.baris + 0.47,
                "fillcolor": warna_predikat(r.predikat),
                "line": {
                    "color": TEKS if r.kode_wilayah == sorot else "white",
                    "width": 5 if r.kode_wilayah == sorot else 2,
                },
                "layer": "below",
            }
            for r in d.itertuples()
        ]
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


def _di_dalam(cincin: list[tuple[float, float]], x: float, y: float) -> bool:
    """Whether (x, y) lies inside a closed ring (even–odd ray casting)."""
    px, py = np.asarray(cincin, dtype=float).T
    x1, y1, x2, y2 = px[:-1], py[:-1], px[1:], py[1:]
    silang = (y1 > y) != (y2 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xs = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    return bool(np.count_nonzero(silang & (xs > x)) % 2)


def _dalam_wilayah(poligon: list, x: float, y: float) -> bool:
    return any(_di_dalam(p[0], x, y) and not any(_di_dalam(h, x, y) for h in p[1:]) for p in poligon)


# Scan lines tried across a polygon for its label point, as shares of its height from the middle outwards.
GARIS_PINDAI = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)


def titik_wakil(poligon: list) -> tuple[float, float]:
    """A point inside a region for its label: on the largest of its polygons, the middle of the widest stretch
    inside it along a few horizontal scan lines (the middle one first). Unlike the centroid, it never falls
    outside a crescent or a bay, nor in a hole."""
    p = max(poligon, key=lambda b: abs(_luas(b[0])))
    ys = np.asarray(p[0], dtype=float)[:, 1]
    y0, y1 = ys.min(), ys.max()
    terbaik = (-1.0, (float(np.mean(np.asarray(p[0])[:, 0])), float((y0 + y1) / 2)))
    for bagian in GARIS_PINDAI:
        y = y0 + bagian * (y1 - y0)
        xs = []
        for cincin in p:
            cx, cy = np.asarray(cincin, dtype=float).T
            a, b = cy[:-1], cy[1:]
            silang = (a > y) != (b > y)
            xs.extend(cx[:-1][silang] + (y - a[silang]) * (cx[1:][silang] - cx[:-1][silang]) / (b[silang] - a[silang]))
        xs = np.sort(xs)
        if len(xs) >= 2:
            lebar = xs[1::2] - xs[0::2][: len(xs[1::2])]
            i = int(np.argmax(lebar))
            if lebar[i] > terbaik[0]:
                terbaik = (float(lebar[i]), (float((xs[2 * i] + xs[2 * i + 1]) / 2), float(y)))
    return terbaik[1]


def _pusat_label(
    geojson: dict, kunci_fitur: str, d: pd.DataFrame, poligon: dict[str, list] | None = None
) -> pd.DataFrame:
    """Where each label goes: the file's own label point (lat_pusat/lng_pusat) when it lies inside the region,
    else a point inside it (titik_wakil), else the region's approximate centre from the database."""
    poligon = _wilayah_peta(geojson, kunci_fitur, d["kode_wilayah"]) if poligon is None else poligon
    titik = {
        str(f["properties"][kunci_fitur]): (f["properties"].get("lat_pusat"), f["properties"].get("lng_pusat"))
        for f in geojson["features"]
        if isinstance(f, dict) and kunci_fitur in (f.get("properties") or {})
    }
    lat, lng = [], []
    for k, a, b in zip(d["kode_wilayah"], d["lat"], d["lng"], strict=True):
        y, x = titik.get(k, (None, None))
        bagian = poligon.get(k)
        if bagian and (y is None or x is None or not _dalam_wilayah(bagian, x, y)):
            x, y = titik_wakil(bagian)
        lat.append(a if y is None else y)
        lng.append(b if x is None else x)
    return d.assign(lat_label=lat, lng_label=lng)


# The map's scale for sizing labels, which are set in pixels while the map is in degrees: the fewest pixels the
# longer side of its view gets (a 390 px phone's map, a slide's 430 px high map, less their margins). Labels that
# do not overlap at that scale do not overlap on a larger screen either. Kalimantan Selatan's 2,9° get 110 px per
# degree; the whole country's 46° get 7, where no kab/kota can hold a label.
PIKSEL_PETA = 315
# A region smaller than this on the map (px²) cannot hold its label: in Kalimantan Selatan Banjarmasin and Banjarbaru
# get theirs beside the map with a leader line, while the smallest kabupaten, HSU (880 px²), keeps its own.
LUAS_KECIL_PIKSEL = 600
# A label is written on a region only when its box is at most this many times the region's area: the smallest
# labelled region of Kalimantan Selatan, HSU, has a box twice its size; at a country's scale a name would cover a
# dozen regions, so the map shows none and names each region on hover.
KOTAK_PER_LUAS = 4.0
# Gaps in pixels: between the map and the labels beside it, and the margin around the view.
JARAK_PIKSEL = 5.5
# Islands under this share of their region's area may fall outside the view: Kotabaru's small outer islands
# would otherwise stretch the map a degree south and east and shrink the mainland on a phone.
BAGIAN_TAMPAK = 0.02
HALO = ", ".join(f"{x}px {y}px 2px white" for x in (-1, 1) for y in (-1, 1))
LEBAR_HURUF = 0.65  # average glyph width as a share of the font size (Source Sans Pro, DejaVu Sans)
TINGGI_BARIS = 1.2  # line height as a share of the font size
# Label type on the map is capped below the projector style's 16 px: the Hulu Sungai valley holds five two-line
# labels in about 0,6 degree, and a slide's map gets only about 125 px per degree.
UKURAN_LABEL_MAKS = 14
# Above this many regions the map draws one filled trace per predikat band instead of one per region: the
# country's 514 traces took seconds to draw in the browser. Hover and click then come from a point per region.
WILAYAH_PER_JEJAK = 60
TINGGI_PETA, TINGGI_PETA_MIN = 660, 400  # px, before the title's extra lines


def piksel_per_derajat(lebar: float, tinggi: float) -> float:
    """The map's scale (PIKSEL_PETA across the longer side of a view `lebar` × `tinggi` degrees)."""
    return PIKSEL_PETA / max(lebar, tinggi, 1e-9)


def _wilayah_peta(geojson: dict, kunci_fitur: str, kode: pd.Series) -> dict[str, list]:
    """kode_wilayah -> polygons (poligon_wilayah) of the regions in `kode`."""
    hasil: dict[str, list] = {}
    dicari = set(kode)
    for f in geojson["features"]:
        k = str((f.get("properties") or {}).get(kunci_fitur)) if isinstance(f, dict) else None
        if k in dicari and isinstance(f.get("geometry"), dict):
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


def _ukuran_label(teks: str, ukuran: int, piksel_per_derajat: float) -> tuple[float, float]:
    """Width and height in degrees of a label (_label) at `ukuran` px, at the map's scale."""
    baris = [re.sub(r"<[^>]+>", "", b) for b in teks.split("<br>")]
    lebar = max(len(b) for b in baris) * ukuran * LEBAR_HURUF
    return lebar / piksel_per_derajat, len(baris) * ukuran * TINGGI_BARIS / piksel_per_derajat


def pisahkan_label(
    xy: np.ndarray, kotak: list[tuple[float, float]], geser_maks: np.ndarray, langkah: float = 0.02
) -> tuple[np.ndarray, np.ndarray]:
    """Label positions (rows of x, y) moved, in the order given, each by the least that keeps its box (width,
    height around x, y) clear of the labels placed before it, and by at most its `geser_maks` (dx, dy) degrees;
    and whether each found such a place (one that did not stays where it was, and is left clear of by the
    labels after it only when placed). The regions of the Hulu Sungai valley lie so close that their labels would
    print over each other. Callers pass the smallest regions first, as they have the least room to move in."""
    baru = np.array(xy, dtype=float)
    ukuran = np.array(kotak, dtype=float)
    bebas_semua = np.zeros(len(baru), dtype=bool)
    for i in range(len(baru)):
        dx, dy = (np.arange(-n, n + 1) * langkah for n in np.floor(geser_maks[i] / langkah + 1e-9).astype(int))
        calon = baru[i] + np.array([(a, b) for a in dx for b in dy])
        calon = calon[np.argsort(np.hypot(*(calon - baru[i]).T), kind="stable")]
        # a candidate is free when, against every label placed before, it is apart in x or apart in y
        lain = np.flatnonzero(bebas_semua[:i])
        jarak = np.abs(calon[:, None, :] - baru[None, lain, :]) >= (ukuran[i] + ukuran[lain]) / 2
        bebas = jarak.any(axis=2).all(axis=1)
        if bebas.any():
            baru[i] = calon[bebas.argmax()]
            bebas_semua[i] = True
    return baru, bebas_semua


def _label_luar(kecil: pd.DataFrame, x: float, jarak: float) -> pd.DataFrame:
    """Labels written beside the province at `x`, in north-to-south order, at least `jarak` degrees apart and
    centred on the regions they name."""
    urut = kecil.sort_values("lat_label", ascending=False)
    y = urut["lat_label"].to_numpy(dtype=float, copy=True)
    for i in range(1, len(y)):
        y[i] = min(y[i], y[i - 1] - jarak)
    y += (urut["lat_label"].mean() - y.mean()) if len(y) else 0
    return urut.assign(x_teks=x, y_teks=y)


def _isian(fig: go.Figure, d: pd.DataFrame, poligon: dict[str, list], hover: list[str], sorot: str | None) -> None:
    """The filled regions: one trace per region (hover anywhere inside shows its text), or beyond
    WILAYAH_PER_JEJAK regions one per predikat band and highlight, thinner lines, hover from the points."""
    disorot = d["kode_wilayah"].eq(sorot).to_numpy()
    per_wilayah = len(d) <= WILAYAH_PER_JEJAK
    kelompok = (
        [[i] for i in sorted(d.index, key=lambda i: disorot[i])]
        if per_wilayah
        else [list(g.index) for _, g in d.assign(_s=disorot).groupby(["_s", "predikat"], dropna=False, sort=True)]
    )
    # The highlighted region last, so its thick outline is not hidden under a neighbour's.
    for baris in kelompok:
        r = d.loc[baris[0]]
        sendiri = bool(disorot[baris[0]])
        x, y = _garis([c for i in baris for p in poligon[d.at[i, "kode_wilayah"]] for c in p])
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                fill="toself",
                fillcolor=warna_predikat(r["predikat"]),
                line={"color": TEKS if sendiri else "white", "width": 4 if sendiri else (1.5 if per_wilayah else 0.5)},
                opacity=1.0 if sorot is None or sendiri else 0.45,
                name=r["nama_wilayah"] if per_wilayah else str(r["predikat"]),
                showlegend=False,
                hoveron="fills",
                text=hover[baris[0]] if per_wilayah else None,
                hoverinfo="text" if per_wilayah else "skip",
            )
        )


def peta_batas(
    data: pd.DataFrame, geojson: dict, kunci_fitur: str, judul: str, sorot: str | None = None, gaya: Gaya = LAYAR
) -> go.Figure:
    """Choropleth on real boundaries: each region a filled polygon in its predikat colour, its short name and IID
    written on it where it can hold them (a small city beside the map, with a leader line, while few), predikat and
    rank on hover.

    Columns: kode_wilayah, nama_wilayah, lat, lng, iid, predikat, peringkat; `kunci_fitur` is the GeoJSON
    property holding kode_wilayah (e.g. 'kode'). `sorot` (a kode_wilayah) is drawn with a thick black outline
    and the other regions paler: the region of a profile page.

    Labels are placed for any scope by the same rules: at the map's scale (piksel_per_derajat), a label goes on
    its region when its box is at most KOTAK_PER_LUAS times the region and clear of the labels placed before it
    (smallest regions first); a region under LUAS_KECIL_PIKSEL is labelled beside the map while those labels fit
    along its height; any other region is named on hover only. The map's layout is in layout.meta.

    Not MapLibre (go.Choroplethmap): a MapLibre text layer fetches its glyphs from fonts.openmaptiles.org, which
    an offline workshop cannot reach, so names and IID could only be shown on hover. Polygons on cartesian axes
    draw the labels as SVG text with the page's own fonts and fetch nothing. Measured on the 2-core machine with
    a warm kaleido server (13 regions, 760 px): 0,4 s per PNG instead of MapLibre's 1,85 s, and 40 KB of figure
    JSON instead of 139 KB (MapLibre carries the whole GeoJSON in every trace).
    """
    d = data.reset_index(drop=True)
    poligon = _wilayah_peta(geojson, kunci_fitur, d["kode_wilayah"])
    d = d[d["kode_wilayah"].isin(poligon)].reset_index(drop=True)
    d = _pusat_label(geojson, kunci_fitur, d, poligon)
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
    ppd = piksel_per_derajat(x1 - x0, y1 - y0)
    lintang = math.radians((y0 + y1) / 2)
    klik = _data_klik(d)
    hover = _teks_hover(klik)
    # The figure's height follows the map's shape (height over width on screen), so that a wide map (the whole
    # country) has its legend under it, not under an empty band; as tall as wide or taller: TINGGI_PETA.
    bentuk = (y1 - y0) / math.cos(lintang) / (x1 - x0)
    fig = figur_dasar(judul, round(min(TINGGI_PETA, max(TINGGI_PETA_MIN, 180 + 620 * bentuk))), gaya)
    _isian(fig, d, poligon, hover, sorot)
    # Legend entries of their own: a paler region's trace would show its band paler in the legend. A pemda
    # without SPD is drawn in the neutral colour and named so in the legend (SID_SAJA, as on hover).
    legenda_predikat(fig, pd.Series(klik[:, 2]))
    jarak = JARAK_PIKSEL / ppd
    teks = [_label(n, v) for n, v in zip(d["nama_wilayah"], d["iid"], strict=True)]
    ukuran = min(gaya.ukuran_kecil, UKURAN_LABEL_MAKS)
    kotak = [_ukuran_label(t, ukuran, ppd) for t in teks]
    luas_wilayah = d["kode_wilayah"].map(luas).to_numpy()
    kecil = luas_wilayah * ppd**2 < LUAS_KECIL_PIKSEL
    tinggi_luar = max((kotak[i][1] for i in d.index[kecil]), default=0)
    # Beside the map only while the stacked labels fit along its height; else the small regions go unnamed.
    muat_luar = kecil.sum() * tinggi_luar <= y1 - y0
    luar = _label_luar(d[kecil] if muat_luar else d.iloc[:0], x0 - jarak, tinggi_luar)
    label = d.assign(x_teks=d["lng_label"], y_teks=d["lat_label"])
    label.loc[luar.index, ["x_teks", "y_teks"]] = luar[["x_teks", "y_teks"]]
    muat = ~kecil & (np.array([w * h for w, h in kotak]) <= KOTAK_PER_LUAS * luas_wilayah)
    # Smallest regions first: they have the least room; no label moves more than a third of its region's size.
    dalam = sorted(d.index[muat], key=lambda i: luas[d.at[i, "kode_wilayah"]])
    rentang = {k: np.ptp([t for p in bagian for t in p[0]], axis=0) for k, bagian in poligon.items()}
    posisi, tertulis = pisahkan_label(
        label.loc[dalam, ["x_teks", "y_teks"]].to_numpy().reshape(-1, 2),
        [kotak[i] for i in dalam],
        np.array([rentang[d.at[i, "kode_wilayah"]] / 3 for i in dalam]).reshape(-1, 2),
        langkah=2.2 / ppd,
    )
    label.loc[dalam, ["x_teks", "y_teks"]] = posisi
    bernama = np.zeros(len(d), dtype=bool)
    bernama[np.array(dalam, dtype=int)[tertulis]] = True
    bernama[luar.index] = True
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
    if bernama.any():
        tulis = label[bernama]
        fig.add_trace(
            _titik_klik(
                tulis["x_teks"],
                tulis["y_teks"],
                klik[bernama],
                mode="markers+text",
                text=[teks[i] for i in tulis.index],
                textposition=np.where(kecil[bernama], "middle left", "middle center"),
                # Dark text in a white halo reads on every band colour, on a paler region and on the white beside
                # the province, also where a long name runs over a border.
                textfont={"size": ukuran, "color": TEKS, "shadow": HALO},
                # Invisible but large: a click anywhere on a label opens the region (a click on a filled polygon
                # gives Streamlit no point to select).
                marker={"size": 3 * ukuran, "opacity": 0},
                cliponaxis=False,
            )
        )
    if not bernama.all():
        # A region without a label is named on hover, and opened by a click, at its label point.
        tanpa = label[~bernama]
        fig.add_trace(
            _titik_klik(
                tanpa["lng_label"], tanpa["lat_label"], klik[~bernama], mode="markers", marker={"size": 8, "opacity": 0}
            )
        )
    kiri = x0 - 2 * jarak - max((kotak[i][0] for i in luar.index), default=0)
    # The map keeps its ranges and gives up plot area instead (constrain="domain"), hanging from the top: on a
    # phone, where the width decides the scale, the empty room then lies under the map, not above it.
    fig.update_xaxes(visible=False, range=[kiri, x1 + jarak], fixedrange=True, constrain="domain")
    # One degree of longitude is cos(latitude) as long as one of latitude: equal scales keep the shapes true.
    fig.update_yaxes(
        visible=False,
        range=[y0 - jarak, y1 + jarak],
        scaleanchor="x",
        scaleratio=1 / math.cos(lintang),
        fixedrange=True,
        constrain="domain",
        constraintoward="top",
    )
    fig.update_layout(
        dragmode=False,
        margin={"l": 0, "r": 0, "b": 60},
        showlegend=True,
        meta={"piksel_per_derajat": ppd, "wilayah_bernama": int(bernama.sum())},
    )
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
