"""The map of the 13 kab/kota by predikat: real boundaries when a boundary file is usable, else tiles.

The boundary map is MapLibre with map_style="white-bg": no tiles are fetched, so it works offline, in the browser
and in kaleido (PNG export, slides). Names and IID are written on the map; predikat and rank show on hover; every
region carries [kode_wilayah, ...] as customdata so a click opens its profile. No Streamlit here.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dasbor.visual.charts import figur_dasar, legenda_predikat
from dasbor.visual.format import angka, nama_pendek
from dasbor.visual.gaya import LAYAR, Gaya, template
from dasbor.visual.palette import TEKS, URUTAN_PREDIKAT, teks_predikat, warna_predikat

HOVER = (
    "<b>%{customdata[1]}</b><br>IID %{customdata[3]}<br>%{customdata[2]}<br>peringkat %{customdata[4]}<extra></extra>"
)
# Zoom that shows the Kalsel mainland (about 3,3° north–south, 2,3° west–east) on a 390 px phone as well as in
# the 760 px column of a desktop page (the zoom cannot follow the screen width; the phone decides).
ZOOM = 6.6


def _data_klik(d: pd.DataFrame) -> np.ndarray:
    """customdata of every map mark: kode, nama, predikat, IID as text, 'n dari N'."""
    peringkat = [f"{int(p)} dari {len(d)}" for p in d["peringkat"]]
    return np.c_[d["kode_wilayah"], d["nama_wilayah"], d["predikat"], [angka(v) for v in d["iid"]], peringkat]


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
    label = [
        "<br>".join(textwrap.wrap(nama_pendek(n), 11)) + f"<br><b>{angka(v)}</b>"
        for n, v in zip(d["nama_wilayah"], d["iid"], strict=True)
    ]
    fig.add_trace(
        go.Scatter(
            x=d["kolom"],
            y=d["baris"],
            mode="markers+text",
            text=label,
            textfont={"size": gaya.ukuran_label, "color": [teks_predikat(p) for p in d["predikat"]]},
            marker={"symbol": "square", "size": 60, "opacity": 0},
            customdata=_data_klik(d),
            hovertemplate=HOVER,
            showlegend=False,
        )
    )
    legenda_predikat(fig, d["predikat"])
    fig.update_xaxes(visible=False, range=[-0.6, d["kolom"].max() + 0.6])
    fig.update_yaxes(visible=False, range=[d["baris"].max() + 0.6, -0.6], scaleanchor="x", scaleratio=1)
    fig.update_layout(dragmode=False, margin={"l": 0, "r": 0, "b": 0})
    return fig


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


def peta_batas(
    data: pd.DataFrame, geojson: dict, kunci_fitur: str, judul: str, sorot: str | None = None, gaya: Gaya = LAYAR
) -> go.Figure:
    """Choropleth on real boundaries, one trace per predikat (so the legend names the bands), labels on top.

    Columns: kode_wilayah, nama_wilayah, lat, lng, iid, predikat, peringkat; `kunci_fitur` is the GeoJSON
    property holding kode_wilayah (e.g. 'kode'). `sorot` (a kode_wilayah) is drawn with a thick black outline
    and the other regions paler: the region of a profile page.
    """
    d = _pusat_label(geojson, kunci_fitur, data.reset_index(drop=True))
    fig = go.Figure(layout={"template": template(gaya), "title": {"text": judul}, "height": 660})
    urutan = [p for p in URUTAN_PREDIKAT if p in set(d["predikat"])] + sorted(set(d["predikat"]) - set(URUTAN_PREDIKAT))
    for nama in urutan:
        bagian = d[d["predikat"] == nama]
        disorot = bagian["kode_wilayah"].eq(sorot).to_numpy()
        fig.add_trace(
            go.Choroplethmap(
                geojson=geojson,
                featureidkey=f"properties.{kunci_fitur}",
                locations=bagian["kode_wilayah"],
                z=[1] * len(bagian),
                colorscale=[[0, warna_predikat(nama)], [1, warna_predikat(nama)]],
                showscale=False,
                name=nama,
                showlegend=True,
                marker={
                    "line": {"color": np.where(disorot, TEKS, "white"), "width": np.where(disorot, 4, 1.5)},
                    "opacity": 0.95 if sorot is None else np.where(disorot, 1.0, 0.45),
                },
                customdata=_data_klik(d)[bagian.index],
                hovertemplate=HOVER,
            )
        )
    # No text layer on the map: MapLibre fetches glyphs for map text from fonts.openmaptiles.org, which an
    # offline workshop cannot reach (the Chromium test catches the request). Names and IID are in the hover.
    # Centred on the label points: the small islands far south of Kotabaru would otherwise push the mainland up.
    pusat = {
        "lat": float(d["lat_label"].min() + d["lat_label"].max()) / 2,
        "lon": float(d["lng_label"].min() + d["lng_label"].max()) / 2,
    }
    fig.update_layout(
        map={"style": "white-bg", "center": pusat, "zoom": ZOOM},
        margin={"l": 0, "r": 0, "b": 40},
        dragmode=False,
    )
    return fig
