"""Slide charts as PNG through kaleido and Debian's Chromium, at the size of their box on the slide."""

from __future__ import annotations

import threading
import warnings

import kaleido
import plotly.io as pio

from dasbor.bimtek import tata_letak
from dasbor.bimtek.model import Deck

# kaleido's sync server is one per process; two Streamlit sessions exporting at once would stop it under each
# other, so a whole deck renders while holding this lock.
_GEMBOK_KALEIDO = threading.Lock()


def render_gambar(deck: Deck) -> dict[int, bytes]:
    """PNG of every slide that has a figure, keyed by slide index.

    One Chromium is started per deck: a cold start costs seconds, every further chart a fraction of one.
    """
    # Without this kaleido asks a CDN for MathJax, which an offline workshop laptop cannot reach.
    pio.defaults.mathjax = None
    bertugas = [(i, s) for i, s in enumerate(deck.slides) if s.figur is not None]
    if not bertugas:
        return {}
    gambar: dict[int, bytes] = {}
    with _GEMBOK_KALEIDO:
        kaleido.start_sync_server(silence_warnings=True)
        try:
            for i, slide in bertugas:
                lebar, tinggi = tata_letak.kotak_figur(slide.jenis).piksel()
                with warnings.catch_warnings():
                    # plotly passes launch options the running server no longer needs; the warning says only that.
                    warnings.filterwarnings("ignore", "The kopts argument is ignored", UserWarning)
                    gambar[i] = pio.to_image(
                        slide.figur, format="png", width=lebar, height=tinggi, scale=tata_letak.SKALA_GAMBAR
                    )
        finally:
            kaleido.stop_sync_server(silence_warnings=True)
    return gambar
