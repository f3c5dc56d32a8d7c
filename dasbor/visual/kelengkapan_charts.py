"""Plotly figures of the Kelengkapan, Simulasi and Inovasi pages; DataFrames in, Figures out (no Streamlit).

Drawn in the house screen style (dasbor.visual.gaya.LAYAR through charts.TEMPLATE: font, Indonesian separators
67,04, white background, legend under the plot) with the shared palette; the pages give them their headings, so
they carry no title of their own. Every clickable mark carries its key in customdata[0] (and [1]) so a page can
turn a selection into a drill-down. Names typed by operators (perangkat daerah) pass through tanpa_html before
they reach a label, since Plotly draws pseudo-HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dasbor.visual.charts import TEMPLATE
from dasbor.visual.format import angka, bilangan, nama_pendek_unik, tanpa_html
from dasbor.visual.palette import GARIS_BANTU, SERI, SKALA_CELAH, TEKS

WARNA_NYATA = SERI[0]  # real (computed) figures
WARNA_SIMULASI = SERI[1]  # simulated figures: the warm series colour, never the real one
WARNA_SOROT = TEKS  # the chosen region
WARNA_RENTANG = "#BFC8D2"  # the interval behind two markers: lighter than any mark drawn on it


def _dasar(fig: go.Figure, tinggi: int, legenda: bool = False) -> go.Figure:
    """The house template; no title, so only a small top margin (a legend under the plot needs its room)."""
    fig.update_layout(
        template=TEMPLATE,
        height=tinggi,
        margin={"l": 10, "r": 10, "t": 30, "b": 70 if legenda else 10},
        dragmode=False,
        showlegend=legenda,
    )
    return fig


def matriks_celah(
    matriks: pd.DataFrame,
    wilayah: pd.DataFrame,
    indikator: Sequence[tuple[str, str, str]],
    nilai: str,
    terpilih: str | None = None,
) -> go.Figure:
    """Region × indicator tiles coloured by `nilai` ('poin' IID points lost or 'jumlah' gaps).

    matriks: kode_wilayah, aspek, kode_indikator, jumlah, poin (one row per cell with gaps).
    wilayah: kode_wilayah, nama_wilayah in display order (top to bottom). indikator: (aspek, kode, nama) in order.
    customdata of each tile: [kode_wilayah, kode_indikator].
    """
    nama = dict(zip(wilayah["kode_wilayah"], nama_pendek_unik(wilayah["nama_wilayah"]).map(tanpa_html), strict=True))
    urut_y = [nama[k] for k in wilayah["kode_wilayah"]]
    urut_x = [kode for _, kode, _ in indikator]
    nama_indikator = {kode: tanpa_html(n) for _, kode, n in indikator}
    sel = matriks[matriks["kode_wilayah"].isin(nama) & matriks["kode_indikator"].isin(urut_x)]
    hover = [
        f"<b>{nama[w]}</b><br>Indikator {k}: {nama_indikator[k]}<br>{bilangan(j)} celah, {angka(p, 3)} poin IID hilang"
        for w, k, j, p in zip(sel["kode_wilayah"], sel["kode_indikator"], sel["jumlah"], sel["poin"], strict=True)
    ]
    judul = "Poin IID hilang" if nilai == "poin" else "Jumlah celah"
    fig = go.Figure(
        go.Scatter(
            x=sel["kode_indikator"],
            y=sel["kode_wilayah"].map(nama),
            mode="markers",
            marker={
                "symbol": "square",
                "size": 22,
                "color": sel[nilai],
                "colorscale": SKALA_CELAH,
                "cmin": 0,
                "colorbar": {"title": {"text": judul}, "thickness": 14},
                "line": {"width": 0.5, "color": GARIS_BANTU},
            },
            customdata=sel[["kode_wilayah", "kode_indikator"]].to_numpy(),
            hovertext=hover,
            hoverinfo="text",
            name=judul,
        )
    )
    n_spd = sum(1 for aspek, _, _ in indikator if aspek == "SPD")
    if 0 < n_spd < len(urut_x):
        fig.add_vline(x=n_spd - 0.5, line_width=2, line_color=GARIS_BANTU)
        for teks, posisi in (
            ("SPD (pemda)", (n_spd - 1) / 2),
            ("SID (per inovasi)", n_spd + (len(urut_x) - n_spd - 1) / 2),
        ):
            fig.add_annotation(x=posisi, y=1.0, yref="paper", yanchor="bottom", text=f"<b>{teks}</b>", showarrow=False)
    if terpilih in nama:
        posisi = urut_y[::-1].index(nama[terpilih])  # the y axis lists the first region at the top
        fig.add_hrect(
            y0=posisi - 0.5,
            y1=posisi + 0.5,
            line_width=2,
            line_color=WARNA_SOROT,
            fillcolor="rgba(0,0,0,0)",
        )
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=urut_x,
        range=[-0.5, len(urut_x) - 0.5],
        tickangle=-90,
        title_text="Kode indikator",
    )
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=urut_y[::-1], range=[-0.5, len(urut_y) - 0.5]
    )
    return _dasar(fig, 90 + 34 * len(urut_y))


def poin_per_perangkat_daerah(ringkas: pd.DataFrame, maks: int = 15, bawah: int = 0) -> go.Figure:
    """Horizontal bars of IID points per perangkat daerah (largest on top); customdata [id_perangkat_daerah].

    ringkas: id_perangkat_daerah, nama_perangkat_daerah, jumlah, poin (services.daftar_kerja.ringkasan_perangkat_daerah),
    largest first. Bounded whatever the region's size (a Pemprov has hundreds of accounts): the `maks` largest,
    and with `bawah` the last that many of them are the smallest instead; the rest are for the table beside it.
    """
    atas = (
        pd.concat([ringkas.head(maks - bawah), ringkas.tail(bawah)])
        if bawah and len(ringkas) > maks
        else ringkas.head(maks)
    ).iloc[::-1]
    nama = atas["nama_perangkat_daerah"].map(tanpa_html)
    fig = go.Figure(
        go.Bar(
            x=atas["poin"],
            y=nama,
            orientation="h",
            marker_color=WARNA_NYATA,
            customdata=atas[["id_perangkat_daerah"]].to_numpy(),
            text=[angka(p, 3) for p in atas["poin"]],
            textposition="outside",
            hovertext=[
                f"<b>{n}</b><br>{bilangan(j)} celah, {angka(p, 3)} poin IID"
                for n, j, p in zip(nama, atas["jumlah"], atas["poin"], strict=True)
            ],
            hoverinfo="text",
            cliponaxis=False,
        )
    )
    # Headroom on the right so the value labels outside the bars are not cut off.
    fig.update_xaxes(title_text="Poin IID", range=[0, max(float(atas["poin"].max()), 0.001) * 1.3])
    fig.update_yaxes(type="category", automargin=True)
    return _dasar(fig, 90 + 30 * len(atas))


def rentang_peringkat(rentang: pd.DataFrame) -> go.Figure:
    """Per region its rank if only verified levels count and if every claim were accepted, as an interval.

    rentang: kode_wilayah, nama_wilayah, peringkat_terverifikasi, peringkat_klaim (rank 1 = best), ordered.
    """
    y = nama_pendek_unik(rentang["nama_wilayah"])
    fig = go.Figure()
    # Every range in one trace, a gap between them: a trace per region made a chart of many regions slow to draw.
    x_garis, y_garis = [], []
    for baris, label in zip(rentang.itertuples(), y, strict=True):
        x_garis += [*sorted((baris.peringkat_terverifikasi, baris.peringkat_klaim)), None]
        y_garis += [label, label, None]
    fig.add_trace(
        go.Scatter(
            x=x_garis[:-1],
            y=y_garis[:-1],
            mode="lines",
            line={"color": WARNA_RENTANG, "width": 8},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for kolom, nama, simbol, warna in (
        ("peringkat_terverifikasi", "Hanya level terverifikasi", "circle", WARNA_NYATA),
        ("peringkat_klaim", "Semua klaim diterima", "diamond-open", WARNA_SIMULASI),
    ):
        fig.add_trace(
            go.Scatter(
                x=rentang[kolom],
                y=y,
                mode="markers",
                name=nama,
                marker={"symbol": simbol, "size": 14, "color": warna, "line": {"width": 2, "color": warna}},
                customdata=rentang[["kode_wilayah"]].to_numpy(),
                hovertemplate=f"<b>%{{y}}</b><br>{nama}: peringkat %{{x}}<extra></extra>",
            )
        )
    n = len(rentang)
    # a tick per rank while they fit (a province's kab/kota), else plotly's own
    fig.update_xaxes(title_text="Peringkat (1 = terbaik)", range=[n + 0.5, 0.5], dtick=1 if n <= 40 else None)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(y[::-1]))
    return _dasar(fig, 150 + 32 * n, legenda=True)


def banding_simulasi(
    skor: pd.DataFrame, kode_wilayah: str, nilai_simulasi: float, batas: Sequence[float], kolom: str = "iid"
) -> go.Figure:
    """Every region's real IID as bars, the chosen region's simulated IID as a separate, labelled marker.

    skor: kode_wilayah, nama_wilayah and `kolom` (real, computed), ordered. batas: band lower bounds to draw as
    lines. kolom "skor_sid": the SID of pemda without SPD (no IID, no bands; the axis follows the values).
    """
    ukuran = "SID" if kolom == "skor_sid" else "IID"
    y = nama_pendek_unik(skor["nama_wilayah"])
    fig = go.Figure(
        go.Bar(
            x=skor[kolom],
            y=y,
            orientation="h",
            name=f"{ukuran} nyata (hitungan)",
            marker_color=[WARNA_SOROT if k == kode_wilayah else WARNA_NYATA for k in skor["kode_wilayah"]],
            text=[angka(v) for v in skor[kolom]],
            textposition="inside",
            hovertemplate=f"<b>%{{y}}</b><br>{ukuran} nyata: %{{x:.2f}}<extra></extra>",
        )
    )
    pilih = skor["kode_wilayah"] == kode_wilayah
    fig.add_trace(
        go.Scatter(
            x=[nilai_simulasi],
            y=list(y[pilih]),
            mode="markers+text",
            name="SIMULASI",
            marker={"symbol": "diamond", "size": 18, "color": WARNA_SIMULASI, "line": {"width": 2, "color": "white"}},
            text=[f"SIMULASI {angka(nilai_simulasi)}"],
            textposition="middle right",
            textfont={"color": WARNA_SIMULASI},
            hovertemplate="<b>%{y}</b><br>SIMULASI: %{x:.2f}<extra></extra>",
        )
    )
    for b in batas:
        fig.add_vline(x=b, line_dash="dot", line_color=GARIS_BANTU, annotation_text=angka(b), annotation_position="top")
    fig.update_xaxes(title_text=ukuran, range=[0, 100] if ukuran == "IID" else None)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(y[::-1]))
    fig.update_layout(bargap=0.25)
    return _dasar(fig, 160 + 30 * len(skor), legenda=True)
