"""A plotly Figure as PNG: kaleido 1.x drives the Debian Chromium (/usr/bin/chromium; BROWSER_PATH overrides)."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Offline: without this kaleido tries to load MathJax from a CDN for every image (it renders anyway, slower).
pio.defaults.mathjax = None


def grafik_png(fig: go.Figure, lebar: int = 1400, tinggi: int | None = None, skala: float = 2) -> bytes:
    """The figure as PNG at slide resolution (about 3 s: kaleido starts Chromium for every call)."""
    return fig.to_image(format="png", width=lebar, height=tinggi or fig.layout.height or 600, scale=skala)
