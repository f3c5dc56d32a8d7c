"""A plotly Figure as PNG: kaleido 1.x drives the Debian Chromium (/usr/bin/chromium; BROWSER_PATH overrides).

Every render starts a Chromium of a few hundred MB for about 3 s, on behalf of any anonymous visitor who clicks
"PNG". A process renders at most MAKS_SERENTAK at once; further clicks wait their turn (the page says "sedang
antre" while the slots are taken), so a room clicking together cannot exhaust memory or starve page visits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import plotly.graph_objects as go
import plotly.io as pio

# Offline: without this kaleido tries to load MathJax from a CDN for every image (it renders anyway, slower).
pio.defaults.mathjax = None

# Two Chromium renders per process: one per core of the 2-core machine, each about 300 MB.
MAKS_SERENTAK = 2
TUNGGU_GILIRAN_DETIK = 120.0
_slot = threading.BoundedSemaphore(MAKS_SERENTAK)
_hitung = threading.Lock()
_keadaan = {"dibuat": 0, "menunggu": 0}


class AntreanPenuhError(RuntimeError):
    """No render slot came free within TUNGGU_GILIRAN_DETIK."""


def antrean() -> tuple[int, int]:
    """(renders running, renders waiting) in this process right now."""
    with _hitung:
        return _keadaan["dibuat"], _keadaan["menunggu"]


@contextmanager
def giliran() -> Iterator[None]:
    """Hold one of the MAKS_SERENTAK render slots for the block, waiting for one when all are taken."""
    with _hitung:
        _keadaan["menunggu"] += 1
    try:
        dapat = _slot.acquire(timeout=TUNGGU_GILIRAN_DETIK)
    finally:
        with _hitung:
            _keadaan["menunggu"] -= 1
    if not dapat:
        raise AntreanPenuhError(f"antrean gambar PNG tidak bergerak dalam {TUNGGU_GILIRAN_DETIK:.0f} detik")
    with _hitung:
        _keadaan["dibuat"] += 1
    try:
        yield
    finally:
        with _hitung:
            _keadaan["dibuat"] -= 1
        _slot.release()


def grafik_png(fig: go.Figure, lebar: int = 1400, tinggi: int | None = None, skala: float = 2) -> bytes:
    """The figure as PNG at slide resolution (about 3 s: kaleido starts Chromium for every call), in turn."""
    with giliran():
        return fig.to_image(format="png", width=lebar, height=tinggi or fig.layout.height or 600, scale=skala)
