"""Plotly figures for the dashboard and the bimtek slides: DataFrames in, go.Figure out, no Streamlit.

Every figure uses TEMPLATE (Indonesian separators 67,04 and 1.234; projector-sized type), the predikat palette
from dasbor.ui.palette, and carries its own title, so a PNG exported from it stands on its own. Put the source of
the numbers under a figure with tambah_catatan(). Column contracts are stated per function.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dasbor.ui.format import angka, angka_bertanda
from dasbor.ui.palette import (
    GARIS_BANTU,
    RESMI,
    SERI,
    TEKS,
    URUTAN_PREDIKAT,
    teks_predikat,
    transparan,
    warna_predikat,
    warna_seri,
)

TEMPLATE = go.layout.Template(
    layout={
        # Plotly's separators: decimal first, then thousands, so hover and axes read 67,04 and 1.234.
        "separators": ",.",
        "font": {"family": "Source Sans Pro, Arial, sans-serif", "size": 15, "color": TEKS},
        "title": {"font": {"size": 19}, "x": 0, "xanchor": "left"},
        "colorway": list(SERI),
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"font": {"size": 14}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": {"text": ""}},
        "xaxis": {"gridcolor": "#E3E3E3", "zerolinecolor": "#9E9E9E", "linecolor": "#9E9E9E", "automargin": True},
        "yaxis": {"gridcolor": "#E3E3E3", "zerolinecolor": "#9E9E9E", "linecolor": "#9E9E9E", "automargin": True},
        "margin": {"l": 10, "r": 10, "t": 70, "b": 40},
    }
)
# Extra height under a figure for the source note added by tambah_catatan.
RUANG_CATATAN = 50


def _figur(judul: str, tinggi: int) -> go.Figure:
    return go.Figure(layout={"template": TEMPLATE, "title": {"text": judul}, "height": tinggi})


def tambah_catatan(fig: go.Figure, teks: str) -> go.Figure:
    """Write where the numbers come from under the plot, so the note travels with an exported PNG."""
    if not teks:
        return fig
    baris = "<br>".join(textwrap.wrap(teks, 150))
    bawah = fig.layout.margin.b or 40
    fig.update_layout(
        height=(fig.layout.height or 450) + RUANG_CATATAN,
        margin={"b": bawah + RUANG_CATATAN},
    )
    fig.add_annotation(
        text=baris,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-(bawah + 8),
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 12, "color": GARIS_BANTU},
    )
    return fig


def nama_pendek(nama: str) -> str:
    """'Kabupaten Hulu Sungai Selatan' -> 'HSS', 'Kota Banjarbaru' -> 'Banjarbaru': the tile and axis label."""
    for awalan in ("Kabupaten ", "Kota ", "Provinsi "):
        if nama.startswith(awalan):
            nama = nama[len(awalan) :]
            break
    kata = nama.split()
    # Names of three words and more are known by their initials in Kalsel (HSS, HST, HSU).
    return "".join(k[0].upper() for k in kata) if len(kata) >= 3 else nama


# ----- maps -----------------------------------------------------------------------------------------------------

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


def _legenda_predikat(fig: go.Figure, predikat: pd.Series, simbol: str = "square") -> None:
    """Legend entries for the bands present (shapes and per-point colours have no legend of their own)."""
    for nama in [p for p in URUTAN_PREDIKAT if p in set(predikat)] + sorted(set(predikat) - set(URUTAN_PREDIKAT)):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": simbol,
                    "size": 14,
                    "color": warna_predikat(nama),
                    "line": {"color": TEKS, "width": 1},
                },
                name=nama,
                hoverinfo="skip",
            )
        )


def peta_ubin(data: pd.DataFrame, judul: str) -> go.Figure:
    """Tile map of the kab/kota coloured by predikat, laid out like the real geography; needs no download.

    Columns: kode_wilayah, nama_wilayah, lat, lng, iid, predikat. Each tile's point carries kode_wilayah as
    customdata, so a click can open that region.
    """
    letak = tata_letak_ubin(data)
    d = data.merge(letak, on="kode_wilayah")
    fig = _figur(judul, 560)
    for r in d.itertuples():
        fig.add_shape(
            type="rect",
            x0=r.kolom - 0.47,
            x1=r.kolom + 0.47,
            y0=r.baris - 0.47,
            y1=r.baris + 0.47,
            fillcolor=warna_predikat(r.predikat),
            line={"color": "white", "width": 2},
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
            textfont={"size": 13, "color": [teks_predikat(p) for p in d["predikat"]]},
            marker={"symbol": "square", "size": 60, "opacity": 0},
            customdata=np.c_[d["kode_wilayah"], d["nama_wilayah"], d["predikat"], [angka(v) for v in d["iid"]]],
            hovertemplate="<b>%{customdata[1]}</b><br>IID %{customdata[3]}<br>%{customdata[2]}<extra></extra>",
            showlegend=False,
        )
    )
    _legenda_predikat(fig, d["predikat"])
    fig.update_xaxes(visible=False, range=[-0.6, d["kolom"].max() + 0.6])
    fig.update_yaxes(visible=False, range=[d["baris"].max() + 0.6, -0.6], scaleanchor="x", scaleratio=1)
    fig.update_layout(dragmode=False)
    return fig


def peta_batas(data: pd.DataFrame, geojson: dict, kunci_fitur: str, judul: str) -> go.Figure:
    """Choropleth on real boundaries (MapLibre with map_style='white-bg': no tiles, so it works offline).

    Columns: kode_wilayah, nama_wilayah, lat, lng, iid, predikat; `kunci_fitur` is the GeoJSON property holding
    kode_wilayah (e.g. 'kode').
    """
    d = data.assign(iid_teks=[angka(v) for v in data["iid"]])
    fig = px.choropleth_map(
        d,
        geojson=geojson,
        locations="kode_wilayah",
        featureidkey=f"properties.{kunci_fitur}",
        color="predikat",
        color_discrete_map={p: warna_predikat(p) for p in d["predikat"]},
        category_orders={"predikat": [p for p in URUTAN_PREDIKAT if p in set(d["predikat"])]},
        hover_name="nama_wilayah",
        hover_data={"iid_teks": True, "kode_wilayah": False, "predikat": True},
        labels={"iid_teks": "IID", "predikat": "Predikat"},
        map_style="white-bg",
        center={"lat": float(d["lat"].mean()), "lon": float(d["lng"].mean())},
        zoom=6.6,
        opacity=0.9,
    )
    fig.update_traces(marker_line_color="white", marker_line_width=1.5)
    fig.update_layout(template=TEMPLATE, title={"text": judul}, height=560)
    return fig


# ----- ranking and distribution ---------------------------------------------------------------------------------


def _garis_pita(fig: go.Figure, pita: pd.DataFrame, sumbu: str) -> None:
    """Dashed lines at each band's lower edge (except the bottom band, whose edge is 0,01)."""
    for p in pita.iloc[:-1].itertuples():
        posisi = {"x": p.bawah} if sumbu == "x" else {"y": p.bawah}
        (fig.add_vline if sumbu == "x" else fig.add_hline)(
            **posisi,
            line={"color": GARIS_BANTU, "dash": "dash", "width": 1.5},
            annotation={"text": f"{p.predikat} ≥ {angka(p.bawah)}", "font": {"size": 12, "color": GARIS_BANTU}},
            annotation_position="top" if sumbu == "x" else "top left",
        )


def batang_peringkat(data: pd.DataFrame, pita: pd.DataFrame, judul: str) -> go.Figure:
    """Ranked horizontal bars coloured by the year's own bands, published values as black diamonds.

    Columns: kode_wilayah, nama_wilayah, iid, predikat, peringkat; optional nilai_resmi and sumber_resmi.
    `pita`: predikat, bawah (highest band first) for the threshold lines. customdata[0] is kode_wilayah.
    """
    d = data.sort_values("peringkat", ascending=False)
    fig = _figur(judul, max(360, 42 * len(d) + 140))
    fig.add_trace(
        go.Bar(
            x=d["iid"],
            y=d["nama_wilayah"],
            orientation="h",
            marker={"color": [warna_predikat(p) for p in d["predikat"]], "line": {"color": "white", "width": 1}},
            text=[angka(v) for v in d["iid"]],
            textposition="inside",
            insidetextanchor="end",
            textfont={"color": [teks_predikat(p) for p in d["predikat"]], "size": 14},
            customdata=np.c_[d["kode_wilayah"], d["predikat"], d["peringkat"]],
            hovertemplate="<b>%{y}</b><br>IID hitungan %{x:.2f}<br>%{customdata[1]} · peringkat %{customdata[2]}"
            "<extra></extra>",
            showlegend=False,
        )
    )
    _legenda_predikat(fig, d["predikat"])
    if "nilai_resmi" in d and d["nilai_resmi"].notna().any():
        resmi = d.dropna(subset=["nilai_resmi"])
        fig.add_trace(
            go.Scatter(
                x=resmi["nilai_resmi"],
                y=resmi["nama_wilayah"],
                mode="markers",
                marker={"symbol": "diamond", "size": 13, "color": RESMI, "line": {"color": "white", "width": 1.5}},
                name="Nilai resmi dipublikasikan",
                customdata=np.c_[resmi["kode_wilayah"], resmi["sumber_resmi"]],
                hovertemplate="<b>%{y}</b><br>Nilai resmi %{x:.2f}<br>Sumber: %{customdata[1]}<extra></extra>",
            )
        )
    _garis_pita(fig, pita, "x")
    fig.update_xaxes(range=[0, 100], title_text="IID")
    fig.update_yaxes(title_text="")
    fig.update_layout(bargap=0.25)
    return fig


def distribusi_predikat(jumlah: dict[str, int], judul: str) -> go.Figure:
    """Number of regions per band, every band of the version shown (also the empty ones)."""
    nama = list(jumlah)
    fig = _figur(judul, 340)
    fig.add_trace(
        go.Bar(
            x=nama,
            y=[jumlah[n] for n in nama],
            marker={"color": [warna_predikat(n) for n in nama], "line": {"color": TEKS, "width": 1}},
            text=[str(jumlah[n]) for n in nama],
            textposition="outside",
            hovertemplate="%{x}: %{y} kab/kota<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_yaxes(title_text="Kab/kota", dtick=1, range=[0, max(jumlah.values(), default=0) + 1.5])
    return fig


# ----- trend ------------------------------------------------------------------------------------------------------


def garis_tren(tren: pd.DataFrame, resmi: pd.DataFrame, pita: pd.DataFrame, judul: str) -> go.Figure:
    """IID per year per region as lines over each year's shaded bands, with published values and rule changes.

    tren: tahun, kode_wilayah, nama_wilayah, iid, predikat, versi_metodologi (one row per region-year).
    resmi: tahun, nama_wilayah, nilai_iid, sumber, keyakinan, status (published values; may be empty).
    pita: tahun, predikat, bawah, atas, versi (bands per year). A dotted vertical line marks every year whose
    rule version differs from the year before.
    """
    fig = _figur(judul, 560)
    tahun = sorted(pita["tahun"].unique())
    for p in pita.itertuples():
        fig.add_shape(
            type="rect",
            x0=p.tahun - 0.5,
            x1=p.tahun + 0.5,
            y0=p.bawah,
            y1=p.atas,
            fillcolor=transparan(warna_predikat(p.predikat), 0.13),
            line={"width": 0},
            layer="below",
        )
    versi = pita.drop_duplicates("tahun").set_index("tahun")["versi"]
    for sebelum, sesudah in zip(tahun, tahun[1:], strict=False):
        if versi[sesudah] != versi[sebelum]:
            fig.add_vline(
                x=sesudah - 0.5,
                line={"color": GARIS_BANTU, "dash": "dot", "width": 2},
                annotation={"text": f"aturan {versi[sesudah]}", "font": {"size": 12, "color": GARIS_BANTU}},
                annotation_position="top right",
            )
    for i, (nama, grup) in enumerate(tren.sort_values("tahun").groupby("nama_wilayah", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=grup["tahun"],
                y=grup["iid"],
                mode="lines+markers",
                name=nama,
                line={"color": warna_seri(i), "width": 3},
                marker={"size": 9},
                customdata=np.c_[grup["predikat"], grup["versi_metodologi"], grup["kode_wilayah"]],
                hovertemplate=f"<b>{nama}</b> %{{x}}<br>IID hitungan %{{y:.2f}}<br>%{{customdata[0]}}"
                " · aturan %{customdata[1]}<extra></extra>",
            )
        )
    if not resmi.empty:
        fig.add_trace(
            go.Scatter(
                x=resmi["tahun"],
                y=resmi["nilai_iid"],
                mode="markers",
                name="Nilai resmi dipublikasikan",
                marker={"symbol": "diamond-open", "size": 16, "color": RESMI, "line": {"width": 3}},
                customdata=np.c_[resmi["nama_wilayah"], resmi["sumber"], resmi["keyakinan"], resmi["status"]],
                hovertemplate="<b>%{customdata[0]}</b> %{x}<br>Nilai resmi %{y:.2f} (%{customdata[3]}, "
                "keyakinan %{customdata[2]})<br>Sumber: %{customdata[1]}<extra></extra>",
            )
        )
    fig.update_xaxes(tickmode="array", tickvals=tahun, range=[tahun[0] - 0.5, tahun[-1] + 0.5], title_text="Tahun")
    fig.update_yaxes(range=[0, 100], title_text="IID")
    return fig


# ----- comparison and profile -------------------------------------------------------------------------------------


def air_terjun_selisih(
    selisih: pd.DataFrame, iid_a: float, iid_b: float, nama_a: str, nama_b: str, judul: str
) -> go.Figure:
    """Waterfall from B's IID to A's: the indicators that explain the gap, largest first.

    selisih: kode_indikator, nama_indikator, selisih (A − B in IID points, summing to iid_a − iid_b). The ten
    largest moves are shown one by one and the rest summed, so the bars still add up exactly.
    """
    urut = selisih.reindex(selisih["selisih"].abs().sort_values(ascending=False).index)
    utama, sisa = urut.iloc[:10], urut.iloc[10:]
    label = [
        f"{k} {textwrap.shorten(n, 28, placeholder='…')}"
        for k, n in zip(utama["kode_indikator"], utama["nama_indikator"], strict=True)
    ]
    nilai = list(utama["selisih"])
    if not sisa.empty:
        label.append(f"{len(sisa)} indikator lain")
        nilai.append(float(sisa["selisih"].sum()))
    fig = _figur(judul, 540)
    fig.add_trace(
        go.Waterfall(
            x=[f"IID {nama_pendek(nama_b)}", *label, f"IID {nama_pendek(nama_a)}"],
            y=[iid_b, *nilai, iid_a],
            measure=["absolute", *["relative"] * len(nilai), "total"],
            text=[angka(iid_b), *[angka_bertanda(v) for v in nilai], angka(iid_a)],
            textposition="outside",
            increasing={"marker": {"color": SERI[0]}},
            decreasing={"marker": {"color": SERI[1]}},
            totals={"marker": {"color": GARIS_BANTU}},
            connector={"line": {"color": "#BDBDBD"}},
            hovertemplate="%{x}<br>%{y:.2f}<extra></extra>",
        )
    )
    fig.update_yaxes(title_text="IID (belum dibulatkan)")
    fig.update_xaxes(tickangle=-35)
    fig.update_layout(showlegend=False)
    return fig


def batang_banding(
    tabel: pd.DataFrame, label: str, nilai: list[str], nama: list[str], judul: str, sumbu: str
) -> go.Figure:
    """Grouped horizontal bars: one group per row of `tabel[label]`, one bar per column in `nilai`."""
    fig = _figur(judul, max(320, 34 * len(tabel) * len(nilai) + 140))
    urut = tabel.iloc[::-1]
    for i, (kolom, n) in enumerate(zip(nilai, nama, strict=True)):
        fig.add_trace(
            go.Bar(
                x=urut[kolom],
                y=urut[label],
                orientation="h",
                name=n,
                marker={"color": warna_seri(i)},
                text=[angka(v) for v in urut[kolom]],
                textposition="outside",
                hovertemplate=f"{n}<br>%{{y}}: %{{x:.2f}}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title_text=sumbu)
    return fig


def batang_jumlah(data: pd.DataFrame, kategori: str, judul: str, seri: str | None = None) -> go.Figure:
    """Counts per category as horizontal bars (largest on top); with `seri`, one colour per series value.

    Columns: <kategori>, jumlah, and <seri> when given.
    """
    urutan = data.groupby(kategori)["jumlah"].sum().sort_values().index.tolist()
    kelompok = [(None, data)] if seri is None else list(data.groupby(seri, sort=False))
    fig = _figur(judul, max(300, 26 * len(urutan) * len(kelompok) + 140))
    for i, (nama, grup) in enumerate(kelompok):
        g = grup.set_index(kategori).reindex(urutan).fillna({"jumlah": 0})
        fig.add_trace(
            go.Bar(
                x=g["jumlah"],
                y=g.index,
                orientation="h",
                name=str(nama) if nama is not None else "Inovasi",
                marker={"color": warna_seri(i)},
                text=[str(int(v)) for v in g["jumlah"]],
                textposition="outside",
                hovertemplate="%{y}: %{x} inovasi<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", showlegend=seri is not None, bargap=0.2)
    fig.update_xaxes(title_text="Inovasi")
    return fig


def batang_selisih_median(data: pd.DataFrame, judul: str) -> go.Figure:
    """Diverging bars of an indicator's level against the kab/kota median (strengths right, weaknesses left).

    Columns: kode_indikator, nama_indikator, selisih_level, level_rata, level_median, posisi.
    """
    d = data.sort_values("selisih_level")
    warna = np.where(d["selisih_level"] >= 0, SERI[0], SERI[1])
    label = [
        f"{k} {textwrap.shorten(n, 34, placeholder='…')}"
        for k, n in zip(d["kode_indikator"], d["nama_indikator"], strict=True)
    ]
    fig = _figur(judul, max(360, 24 * len(d) + 140))
    fig.add_trace(
        go.Bar(
            x=d["selisih_level"],
            y=label,
            orientation="h",
            marker={"color": warna, "opacity": np.where(d["posisi"] == "", 0.45, 1.0)},
            customdata=np.c_[[angka(v) for v in d["level_rata"]], [angka(v) for v in d["level_median"]]],
            hovertemplate="%{y}<br>level %{customdata[0]} · median %{customdata[1]}<br>selisih %{x:.2f}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_xaxes(title_text="Selisih level terhadap median kab/kota (0–3)", zeroline=True, zerolinewidth=2)
    return fig


def pita_versi(pita: pd.DataFrame, judul: str) -> go.Figure:
    """The predikat bands of every rule version side by side. Columns: versi, predikat, bawah, atas."""
    fig = _figur(judul, 120 + 60 * pita["versi"].nunique())
    for nama in URUTAN_PREDIKAT:
        p = pita[pita["predikat"] == nama]
        if p.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=p["atas"] - p["bawah"],
                base=p["bawah"],
                y=[f"Aturan {v}" for v in p["versi"]],
                orientation="h",
                name=nama,
                marker={"color": warna_predikat(nama), "line": {"color": "white", "width": 1}},
                text=[angka(b) for b in p["bawah"]],
                textposition="inside",
                insidetextanchor="start",
                textfont={"color": teks_predikat(nama)},
                hovertemplate=f"{nama}<br>%{{y}}: mulai %{{base:.2f}}<extra></extra>",
            )
        )
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(range=[0, 100], title_text="IID")
    fig.update_yaxes(autorange="reversed")
    return fig
