"""Plotly figures for the pages and the bimtek slides: DataFrames in, go.Figure out, no Streamlit.

Every figure is drawn in one of the two styles of dasbor.visual.gaya (LAYAR on pages, PROYEKTOR on slides) with
the predikat palette of dasbor.visual.palette, and carries its own title, so a PNG exported from it stands on its
own. Put the source of the numbers under a figure's title with tambah_catatan(). The maps are in
dasbor.visual.peta. Column contracts are stated per function.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dasbor.visual.format import angka, angka_bertanda, bilangan, nama_pendek, nama_pendek_unik, tanpa_html
from dasbor.visual.gaya import LAYAR, Gaya, template
from dasbor.visual.palette import (
    GARIS_BANTU,
    NASIONAL,
    RESMI,
    SERI,
    TEKS,
    URUTAN_PREDIKAT,
    teks_predikat,
    transparan,
    warna_predikat,
    warna_seri,
)

TEMPLATE = template(LAYAR)
# Plotly never wraps a title or a subtitle, and a 390 px phone leaves a chart about 358 px: 38 characters of the
# 18 px title and 58 of the 12 px subtitle fit there, so longer ones are wrapped (on a wide screen as well).
LEBAR_JUDUL = 38
LEBAR_SUBJUDUL = 58
TINGGI_BARIS_SUBJUDUL = 17
TINGGI_BARIS_JUDUL = 1.3  # line height of a wrapped title, as a share of its font size
# A ranking bar is 42 px: 40 fill a projector twice over; 416 kabupaten would be a 17 000 px chart. Pages put
# every region in the table under the chart.
BATANG_MAKS = 40


def figur_dasar(judul: str, tinggi: int, gaya: Gaya = LAYAR) -> go.Figure:
    """An empty figure in the style, `tinggi` px high plus the lines a long title wraps into."""
    baris = textwrap.wrap(judul, LEBAR_JUDUL) or [judul]
    tambah = round(gaya.ukuran_judul * TINGGI_BARIS_JUDUL) * (len(baris) - 1)
    return go.Figure(
        layout={
            "template": template(gaya),
            # plotly.js hangs a multi-line title by its first line, so the extra lines go into the top padding
            # (without it the first line is cut off at the top edge; seen in Chromium and kaleido).
            "title": {"text": "<br>".join(baris), "pad": {"t": TEMPLATE.layout.title.pad.t + tambah}},
            "height": tinggi + tambah,
            "margin": {"t": TEMPLATE.layout.margin.t + tambah},
        }
    )


def tambah_catatan(fig: go.Figure, teks: str, lebar: int = LEBAR_SUBJUDUL) -> go.Figure:
    """Add lines under the title (wrapped), growing the top margin and the height to match: where the numbers
    come from travels with an exported PNG and never collides with axis labels. Narrow charts pass a smaller
    `lebar` (characters per line)."""
    if not teks:
        return fig
    baris = textwrap.wrap(teks, lebar)
    lama = fig.layout.title.subtitle.text
    gabung = "<br>".join(([lama] if lama else []) + baris)
    tambah = TINGGI_BARIS_SUBJUDUL * len(baris)
    fig.update_layout(
        title={"subtitle": {"text": gabung, "font": {"size": 12, "color": GARIS_BANTU}}},
        margin={"t": (fig.layout.margin.t or TEMPLATE.layout.margin.t) + tambah},
        height=(fig.layout.height or 450) + tambah,
    )
    return fig


def legenda_predikat(fig: go.Figure, predikat: pd.Series, simbol: str = "square") -> None:
    """Legend entries for the bands present (shapes and per-point colours have no legend of their own); a pemda
    without predikat (no SPD, services.skor) has no band, and no 'nan' entry either."""
    ada = set(predikat.dropna())
    for nama in [p for p in URUTAN_PREDIKAT if p in ada] + sorted(ada - set(URUTAN_PREDIKAT)):
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


# ----- ranking and distribution ---------------------------------------------------------------------------------


def teks_ambang(pita: pd.DataFrame) -> str:
    """'Garis putus-putus = ambang: Sangat Inovatif ≥ 60,01 · Inovatif ≥ 35,00' (the bottom band starts at 0,01).

    No-break spaces keep '≥ 60,01' with its band when the note is wrapped (textwrap breaks at ASCII spaces only)."""
    return "Garis putus-putus = ambang predikat: " + " · ".join(
        f"{p.predikat}\u00a0≥\u00a0{angka(p.bawah)}" for p in pita.iloc[:-1].itertuples()
    )


def batang_peringkat(
    data: pd.DataFrame,
    pita: pd.DataFrame,
    judul: str,
    gaya: Gaya = LAYAR,
    rata_nasional: float | None = None,
    maks: int = BATANG_MAKS,
) -> go.Figure:
    """Ranked horizontal bars coloured by the year's own bands, published values as black diamonds; the `maks`
    best only, the title saying so ('40 teratas dari 416'), when there are more.

    Columns: kode_wilayah, nama_wilayah, iid, predikat, peringkat; optional nilai_resmi and sumber_resmi.
    `pita`: predikat, bawah (highest band first) for the threshold lines. customdata[0] is kode_wilayah.
    """
    if len(data) > maks:
        judul = f"{judul}: " if judul else ""
        judul += f"{bilangan(maks)} teratas dari {bilangan(len(data))}"
    d = data.sort_values("peringkat").head(maks).sort_values("peringkat", ascending=False)
    d = d.assign(label=nama_pendek_unik(d["nama_wilayah"]) if gaya.nama_singkat else d["nama_wilayah"])
    fig = figur_dasar(judul, max(360, 42 * len(d) + 140), gaya)
    fig.add_trace(
        go.Bar(
            x=d["iid"],
            y=d["label"],
            orientation="h",
            marker={"color": [warna_predikat(p) for p in d["predikat"]], "line": {"color": "white", "width": 1}},
            # Labels sit at the start of the bar: the end is where a published value's diamond is drawn.
            text=[angka(v) for v in d["iid"]],
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": [teks_predikat(p) for p in d["predikat"]], "size": gaya.ukuran_label},
            customdata=np.c_[d["kode_wilayah"], d["predikat"], d["peringkat"], d["nama_wilayah"]],
            hovertemplate="<b>%{customdata[3]}</b><br>IID hitungan %{x:.2f}<br>%{customdata[1]} · peringkat %{customdata[2]}"
            "<extra></extra>",
            showlegend=False,
        )
    )
    legenda_predikat(fig, d["predikat"])
    if "nilai_resmi" in d and d["nilai_resmi"].notna().any():
        resmi = d.dropna(subset=["nilai_resmi"])
        fig.add_trace(
            go.Scatter(
                x=resmi["nilai_resmi"],
                y=resmi["label"],
                mode="markers",
                marker={"symbol": "diamond", "size": 13, "color": RESMI, "line": {"color": "white", "width": 1.5}},
                name="Nilai resmi dipublikasikan",
                customdata=np.c_[resmi["kode_wilayah"], resmi["sumber_resmi"]],
                hovertemplate="<b>%{y}</b><br>Nilai resmi %{x:.2f}<br>Sumber: %{customdata[1]}<extra></extra>",
            )
        )
    for p in pita.iloc[:-1].itertuples():
        fig.add_vline(x=p.bawah, line={"color": GARIS_BANTU, "dash": "dash", "width": 1.5})
    if rata_nasional is not None:
        fig.add_vline(
            x=rata_nasional,
            line={"color": NASIONAL, "width": 2.5},
            annotation={"text": f"Rata-rata nasional {angka(rata_nasional)}", "font": {"color": NASIONAL}},
            annotation_position="top",
        )
    tambah_catatan(fig, teks_ambang(pita))
    fig.update_xaxes(range=[0, 100], title_text="IID")
    fig.update_yaxes(title_text="")
    fig.update_layout(bargap=0.25)
    return fig


def distribusi_predikat(jumlah: dict[str, int], judul: str) -> go.Figure:
    """Number of regions per band as horizontal bars, best band on top, empty bands kept (a zero is news too)."""
    nama = list(jumlah)[::-1]
    fig = figur_dasar(judul, 120 + 55 * len(nama))
    fig.add_trace(
        go.Bar(
            x=[jumlah[n] for n in nama],
            y=nama,
            orientation="h",
            marker={"color": [warna_predikat(n) for n in nama], "line": {"color": TEKS, "width": 1}},
            text=[str(jumlah[n]) for n in nama],
            textposition="outside",
            hovertemplate="%{y}: %{x} kab/kota<extra></extra>",
            showlegend=False,
        )
    )
    terbanyak = max(jumlah.values(), default=0)
    # a tick per kab/kota while they fit (a province's), else plotly's own: the country's 500 would run together
    fig.update_xaxes(title_text="Kab/kota", dtick=1 if terbanyak <= 20 else None, range=[0, terbanyak + 1.5])
    return fig


# ----- trend ------------------------------------------------------------------------------------------------------


def garis_tren(
    tren: pd.DataFrame,
    resmi: pd.DataFrame,
    pita: pd.DataFrame,
    judul: str,
    tahun_fokus: int | None = None,
    nasional: pd.DataFrame | None = None,
) -> go.Figure:
    """IID per year per region as lines over each year's shaded bands, with published values and rule changes.

    tren: tahun, kode_wilayah, nama_wilayah, iid, predikat, versi_metodologi (one row per region-year).
    resmi: tahun, nama_wilayah, nilai_iid, sumber, keyakinan, status (published values; may be empty).
    pita: tahun, predikat, bawah, atas, versi (bands per year). A dotted vertical line marks every year whose
    rule version differs from the year before; `tahun_fokus` gets a frame (the year chosen in the sidebar).
    nasional: tahun, rata_rata_iid, sumber (published national averages; drawn as a labelled reference line).
    """
    fig = figur_dasar(judul, 560)
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
    if tahun_fokus in tahun:
        fig.add_shape(
            type="rect",
            x0=tahun_fokus - 0.5,
            x1=tahun_fokus + 0.5,
            y0=0,
            y1=100,
            line={"color": GARIS_BANTU, "width": 2},
            fillcolor="rgba(0,0,0,0)",
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
    for i, (nama, grup) in enumerate(tren.sort_values("tahun", kind="stable").groupby("nama_wilayah", sort=False)):
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
    if nasional is not None and not nasional.empty:
        n = nasional[nasional["tahun"].isin(tahun)]
        fig.add_trace(
            go.Scatter(
                x=n["tahun"],
                y=n["rata_rata_iid"],
                mode="lines+markers+text",
                name="Rata-rata IID nasional",
                line={"color": NASIONAL, "dash": "dash", "width": 2.5},
                marker={"symbol": "line-ew-open", "size": 18, "color": NASIONAL, "line": {"width": 3}},
                text=[f"nasional {angka(v)}" for v in n["rata_rata_iid"]],
                textposition="bottom center",
                textfont={"color": NASIONAL},
                customdata=np.c_[n["sumber"]],
                hovertemplate="Rata-rata IID nasional %{x}: %{y:.2f}<br>Sumber: %{customdata[0]}<extra></extra>",
            )
        )
    fig.update_xaxes(tickmode="array", tickvals=tahun, range=[tahun[0] - 0.5, tahun[-1] + 0.5], title_text="Tahun")
    fig.update_yaxes(range=[0, 100], title_text="IID")
    return fig


# ----- comparison and profile -------------------------------------------------------------------------------------


def air_terjun_selisih(
    selisih: pd.DataFrame, iid_a: float, iid_b: float, nama_a: str, nama_b: str, judul: str
) -> go.Figure:
    """Waterfall from B's IID (top) to A's (bottom): the indicators that explain the gap, largest first.

    selisih: kode_indikator, nama_indikator, selisih (A − B in IID points, summing to iid_a − iid_b). The ten
    largest moves are shown one by one and the rest summed, so the bars still add up exactly. The axis starts
    near the smaller IID, so the moves are visible; the two total bars are labelled with their full value.
    """
    urut = selisih.reindex(selisih["selisih"].abs().sort_values(ascending=False).index)
    utama, sisa = urut.iloc[:10], urut.iloc[10:]
    label = [
        n if k == "jumlah" else f"{k} {textwrap.shorten(n, 38, placeholder='…')}"
        for k, n in zip(utama["kode_indikator"], utama["nama_indikator"], strict=True)
    ]
    nilai = list(utama["selisih"])
    if not sisa.empty:
        label.append(f"{len(sisa)} indikator lain")
        nilai.append(float(sisa["selisih"].sum()))
    kumulatif = iid_b + np.cumsum([0.0, *nilai])
    fig = figur_dasar(judul, 140 + 36 * (len(nilai) + 2))
    fig.add_trace(
        go.Waterfall(
            orientation="h",
            y=[f"IID {nama_pendek(nama_b)}", *label, f"IID {nama_pendek(nama_a)}"],
            x=[iid_b, *nilai, iid_a],
            measure=["absolute", *["relative"] * len(nilai), "total"],
            text=[angka(iid_b), *[angka_bertanda(v) for v in nilai], angka(iid_a)],
            textposition="outside",
            increasing={"marker": {"color": SERI[0]}},
            decreasing={"marker": {"color": SERI[1]}},
            totals={"marker": {"color": GARIS_BANTU}},
            connector={"line": {"color": "#BDBDBD"}},
            hovertemplate="%{y}<br>%{x:.2f}<extra></extra>",
        )
    )
    bawah, atas = float(min(kumulatif.min(), iid_a)), float(max(kumulatif.max(), iid_a))
    rentang = max(atas - bawah, 1.0)
    fig.update_xaxes(
        title_text="IID (belum dibulatkan)", range=[max(0.0, bawah - 0.3 * rentang), atas + 0.25 * rentang]
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=False)
    return fig


def batang_banding(
    tabel: pd.DataFrame, label: str, nilai: list[str], nama: list[str], judul: str, sumbu: str
) -> go.Figure:
    """Grouped horizontal bars: one group per row of `tabel[label]`, one bar per column in `nilai`."""
    fig = figur_dasar(judul, max(320, 34 * len(tabel) * len(nilai) + 140))
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


TEPI = 8  # bars at each end of a long per-perangkat-daerah ranking; the rest is searched in the table under it


def potong_tepi(data: pd.DataFrame, nilai: str, n: int = TEPI) -> tuple[pd.DataFrame, int]:
    """`data` sorted ascending by `nilai`; when it has more than 2n + 1 rows only the n lowest and n highest, and how
    many were left out between them (a real Pemprov has ~300 perangkat daerah: one bar each is screens tall)."""
    urut = data.sort_values(nilai, kind="stable")
    if len(urut) <= 2 * n + 1:
        return urut, 0
    return pd.concat([urut.head(n), urut.tail(n)]), len(urut) - 2 * n


def teks_sisa(sisa: int, satuan: str) -> str:
    """The label of the empty row drawn between the lowest and the highest bars."""
    return f"⋯ {sisa} {satuan} lainnya: cari di tabel di bawah ⋯"


def _dengan_sela(nilai: pd.Series, n: int, sisa: int, satuan: str) -> pd.Series:
    """Values bottom to top (index = labels) with an empty row between the n lowest and the rest when `sisa`."""
    if not sisa:
        return nilai
    sela = pd.Series([np.nan], index=[teks_sisa(sisa, satuan)])
    return pd.concat([nilai.iloc[:n], sela, nilai.iloc[n:]])


def batang_jumlah(
    data: pd.DataFrame, kategori: str, judul: str, seri: str | None = None, tepi: int | None = None
) -> go.Figure:
    """Counts per category as horizontal bars (largest on top); with `seri`, one colour per series value. With
    `tepi` (for an unbounded category such as perangkat daerah) beyond 2 × tepi + 1 categories only the `tepi`
    largest and smallest are drawn, with the number left out between them.

    Columns: <kategori>, jumlah, and <seri> when given.
    """
    total = data.groupby(kategori)["jumlah"].sum().sort_values()
    sisa = 0
    if tepi is not None and len(total) > 2 * tepi + 1:
        total, sisa = pd.concat([total.head(tepi), total.tail(tepi)]), len(total) - 2 * tepi
    urutan = total.index.tolist()
    kelompok = [(None, data)] if seri is None else list(data.groupby(seri, sort=False))
    fig = figur_dasar(judul, max(300, 26 * (len(urutan) + bool(sisa)) * len(kelompok) + 140))
    for i, (nama, grup) in enumerate(kelompok):
        g = grup.set_index(kategori)["jumlah"].groupby(level=0).sum().reindex(urutan).fillna(0)
        g = _dengan_sela(g, tepi or 0, sisa, "lainnya")
        fig.add_trace(
            go.Bar(
                x=g.to_numpy(),
                y=[tanpa_html(k) for k in g.index],  # perangkat daerah and urusan names are typed by operators
                orientation="h",
                name=str(nama) if nama is not None else "Inovasi",
                marker={"color": warna_seri(i)},
                text=["" if pd.isna(v) else str(int(v)) for v in g],
                textposition="outside",
                hovertemplate="%{y}: %{x} inovasi<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", showlegend=seri is not None, bargap=0.2)
    fig.update_xaxes(title_text="Inovasi")
    return fig


def batang_kematangan_opd(
    data: pd.DataFrame, judul: str, maks: float, tepi: int = TEPI, satuan: str = "perangkat daerah"
) -> go.Figure:
    """Mean kematangan per perangkat daerah as horizontal bars (highest on top), with the count of innovations;
    beyond 2 × `tepi` + 1 rows only the `tepi` highest and lowest, with the number of `satuan` left out between them.

    Columns: perangkat_daerah, rata_rata, jumlah.
    """
    data, sisa = potong_tepi(data, "rata_rata", tepi)
    label = [tanpa_html(p) for p in data["perangkat_daerah"]]  # names typed by operators
    rata = _dengan_sela(pd.Series(data["rata_rata"].to_numpy(), index=label), tepi, sisa, satuan)
    jumlah = _dengan_sela(pd.Series(data["jumlah"].to_numpy(), index=label), tepi, sisa, satuan)
    fig = figur_dasar(judul, max(300, 26 * len(rata) + 140))
    fig.add_trace(
        go.Bar(
            x=rata.to_numpy(),
            y=rata.index.tolist(),
            orientation="h",
            marker={"color": warna_seri(0)},
            text=["" if pd.isna(v) else f"{angka(v, 1)} ({int(n)})" for v, n in zip(rata, jumlah, strict=True)],
            textposition="outside",
            customdata=jumlah.to_numpy(),
            hovertemplate="%{y}: rata-rata %{x:.1f} dari %{customdata} inovasi<extra></extra>",
        )
    )
    fig.update_layout(showlegend=False, bargap=0.2)
    fig.update_xaxes(title_text="Rata-rata kematangan (jumlah inovasi)", range=[0, maks * 1.15])
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
    fig = figur_dasar(judul, max(360, 24 * len(d) + 140))
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
    fig = figur_dasar(judul, 120 + 60 * pita["versi"].nunique())
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
