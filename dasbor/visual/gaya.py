"""The two styles every figure is drawn in: LAYAR for a page on a screen or a phone, PROYEKTOR for a slide.

Both share the palette (dasbor.visual.palette), the Indonesian separators (67,04 and 1.234) and the layout rules
(title top left, legend under the plot so it never covers the title or the bars); they differ only in type sizes
and the font family, so a chart looks the same on the page, in its PNG and on the slide, only larger.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from dasbor.visual.palette import SERI, TEKS


@dataclass(frozen=True)
class Gaya:
    nama: str
    huruf: str
    ukuran: int  # body text, axis ticks
    ukuran_judul: int
    ukuran_kecil: int  # subtitles, annotations: never below 11 px, the floor for a phone
    ukuran_label: int  # numbers on bars and tiles
    nama_singkat: bool  # region names on axes shortened (nama_pendek): a slide has no hover to show the full name


LAYAR = Gaya("layar", "Source Sans Pro, Arial, sans-serif", 14, 18, 12, 13, nama_singkat=False)
# ≥ 20 px reads from the back of a hall at 1280 px slide width.
PROYEKTOR = Gaya("proyektor", "DejaVu Sans, Verdana, Arial, sans-serif", 20, 26, 16, 20, nama_singkat=True)


def template(gaya: Gaya) -> go.layout.Template:
    sumbu = {"gridcolor": "#E3E3E3", "zerolinecolor": "#9E9E9E", "linecolor": "#9E9E9E", "automargin": True}
    return go.layout.Template(
        layout={
            # Plotly's separators: decimal first, then thousands, so hover and axes read 67,04 and 1.234.
            "separators": ",.",
            "font": {"family": gaya.huruf, "size": gaya.ukuran, "color": TEKS},
            # Title and subtitle hang from the top edge of the figure.
            "title": {
                "font": {"size": gaya.ukuran_judul},
                "x": 0,
                "xanchor": "left",
                "y": 1,
                "yref": "container",
                "yanchor": "top",
                "pad": {"t": 12, "l": 8},
            },
            "colorway": list(SERI),
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "hoverlabel": {"font": {"size": gaya.ukuran}},
            # Under the plot: on a 390 px phone a legend above the plot wraps into the title and the bars.
            "legend": {
                "orientation": "h",
                "yref": "container",
                "yanchor": "bottom",
                "y": 0,
                "x": 0,
                "title": {"text": ""},
                "font": {"size": gaya.ukuran_kecil + 1},
            },
            "xaxis": {**sumbu, "tickfont": {"size": gaya.ukuran}},
            "yaxis": {**sumbu, "tickfont": {"size": gaya.ukuran}},
            "annotationdefaults": {"font": {"size": gaya.ukuran_kecil, "color": TEKS}},
            "margin": {"l": 10, "r": 10, "t": 70, "b": 40},
        }
    )
