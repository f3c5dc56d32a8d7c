"""Figures only the slides draw (published vs computed, one IID on the band scale, the trend with its thresholds),
in the shared projector style: palette, fonts and separators come from dasbor.visual, like every page chart.

Every builder takes plain frames and returns a Figure sized for its box on the slide (tata_letak), so the page
and the PNG export draw the same picture. No Streamlit here. The ranking and the map on slides are the page
figures themselves (dasbor.visual.charts / peta with gaya=PROYEKTOR).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import scoring
from dasbor.visual.format import angka
from dasbor.visual.gaya import PROYEKTOR, template
from dasbor.visual.palette import GARIS_BANTU, TEKS, warna_predikat, warna_seri

UKURAN_HURUF = PROYEKTOR.ukuran


def _gaya(fig: go.Figure, lebar: int, tinggi: int, legenda: bool = False) -> go.Figure:
    """The projector style at the slide box's pixel size; the legend, when shown, sits under the plot as on pages."""
    fig.update_layout(
        width=lebar,
        height=tinggi,
        template=template(PROYEKTOR),
        margin={"l": 10, "r": 30, "t": 20, "b": 10},
        showlegend=legenda,
    )
    fig.update_xaxes(showline=True, linecolor=GARIS_BANTU)
    fig.update_yaxes(showline=True, linecolor=GARIS_BANTU)
    return fig


def figur_resmi(resmi: pd.DataFrame, label_hitung: str, lebar: int, tinggi: int) -> go.Figure:
    """Published IID values next to the dashboard's own computation for the same regions.

    `resmi` columns: nama, nilai_resmi, iid_hitung.
    """
    urut = resmi.sort_values("nilai_resmi", ascending=True)
    fig = go.Figure()
    fig.add_bar(
        x=urut["nilai_resmi"],
        y=urut["nama"],
        orientation="h",
        name="Nilai resmi (dipublikasikan)",
        marker_color=TEKS,
        text=[angka(v) for v in urut["nilai_resmi"]],
        textposition="outside",
        cliponaxis=False,
    )
    fig.add_bar(
        x=urut["iid_hitung"],
        y=urut["nama"],
        orientation="h",
        name=label_hitung,
        marker={"color": "#FFFFFF", "line": {"color": TEKS, "width": 2}, "pattern": {"shape": "/", "fgcolor": TEKS}},
        text=[angka(v) for v in urut["iid_hitung"]],
        textposition="outside",
        cliponaxis=False,
    )
    fig.update_xaxes(range=[0, 100], title_text="IID")
    _gaya(fig, lebar, tinggi, legenda=True)
    fig.update_layout(barmode="group", bargap=0.3)
    return fig


def figur_tren(tren: pd.DataFrame, resmi: pd.DataFrame, ambang: pd.DataFrame, lebar: int, tinggi: int) -> go.Figure:
    """IID per year, one line per region; published values as open diamonds; the top band's threshold per year.

    `tren` columns: tahun, nama, iid. `resmi` columns: tahun, nama, nilai_resmi, sumber.
    `ambang` columns: tahun, batas (lower bound of the highest band under that year's rule version), predikat.
    """
    fig = go.Figure()
    fig.add_scatter(
        x=ambang["tahun"],
        y=ambang["batas"],
        mode="lines",
        line={"shape": "hvh", "dash": "dot", "color": GARIS_BANTU, "width": 2},
        name=f"Ambang {ambang['predikat'].iat[0]}" if not ambang.empty else "Ambang",
    )
    # Per year, the highest line is labelled above its point and the others below, so labels do not collide.
    teratas = tren.groupby("tahun")["iid"].transform("max").eq(tren["iid"])
    for i, (nama, seri) in enumerate(tren.groupby("nama", sort=False)):
        warna = warna_seri(i)
        fig.add_scatter(
            x=seri["tahun"],
            y=seri["iid"],
            mode="lines+markers+text",
            name=nama,
            line={"color": warna, "width": 5},
            marker={"size": 14, "color": warna},
            text=[angka(v) for v in seri["iid"]],
            textposition=["top center" if t else "bottom center" for t in teratas[seri.index]],
            textfont={"size": UKURAN_HURUF - 2, "color": warna},
        )
        pub = resmi[resmi["nama"] == nama]
        if not pub.empty:
            fig.add_scatter(
                x=pub["tahun"],
                y=pub["nilai_resmi"],
                mode="markers",
                name=f"{nama} (resmi)",
                showlegend=False,
                marker={"symbol": "diamond-open", "size": 26, "color": warna, "line": {"width": 4}},
                customdata=pub[["sumber"]],
                hovertemplate="%{y:.2f} (nilai resmi)<br>%{customdata[0]}<extra></extra>",
            )
    if not resmi.empty:  # one legend entry explains every diamond
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name="Nilai resmi",
            marker={"symbol": "diamond-open", "size": 18, "color": TEKS, "line": {"width": 3}},
        )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(range=[0, 100])
    return _gaya(fig, lebar, tinggi, legenda=True)


def figur_posisi(iid: float, m: scoring.Metodologi, lebar: int, tinggi: int) -> go.Figure:
    """Where one IID sits on the version's predikat scale, with the step to the next band marked."""
    fig = go.Figure()
    batas = sorted((p.batas_bawah, p.nama) for p in m.predikat)
    for i, (bawah, nama) in enumerate(batas):
        atas = batas[i + 1][0] if i + 1 < len(batas) else 100.0
        mulai = 0.0 if i == 0 else bawah
        fig.add_bar(
            x=[atas - mulai],
            base=[mulai],
            y=[0],
            width=0.8,
            orientation="h",
            marker={"color": warna_predikat(nama), "opacity": 0.22},
            text=[nama],
            textposition="inside",
            insidetextanchor="middle",
            constraintext="none",  # keep the band names at full size inside the thin strip
            # Band names in text colour: an amber name on pale amber would vanish on a projector.
            textfont={"size": UKURAN_HURUF, "color": TEKS},
            hoverinfo="skip",
        )
    # A pointer above the strip rather than a line through it, so the band names stay readable.
    fig.add_scatter(
        x=[iid],
        y=[0.62],
        mode="markers",
        marker={"symbol": "triangle-down", "size": 26, "color": TEKS},
        hoverinfo="skip",
    )
    fig.add_annotation(
        x=iid, y=0.8, text=f"<b>IID {angka(iid)}</b>", showarrow=False, yanchor="bottom", font={"size": 24}
    )
    berikut = m.predikat_berikutnya(iid)
    if berikut is not None:
        fig.add_annotation(
            x=berikut.batas_bawah,
            y=-0.62,
            ax=iid,
            ay=-0.62,
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowsize=1,
            arrowwidth=4,
            arrowcolor=TEKS,
            text="",
        )
        fig.add_annotation(
            x=berikut.batas_bawah,
            y=-0.62,
            xanchor="left",
            yanchor="middle",
            text=f" +{angka(berikut.jarak)} poin ke {berikut.nama}",
            showarrow=False,
            font={"size": UKURAN_HURUF},
        )
    fig.update_xaxes(range=[0, 100], showgrid=False, dtick=10)
    fig.update_yaxes(visible=False, range=[-1.2, 1.6])
    _gaya(fig, lebar, tinggi)
    fig.update_layout(barmode="overlay", showlegend=False)
    return fig
