"""Static elements recorded once and replayed: a table or a chart that nobody selects in is the same element for
every visitor of the same data, so Streamlit builds it once and later visits send the recorded element.

Building one is most of a warm page view's server time (issue 25 §5): a pandas Styler renders each cell's display
value and Streamlit turns both frames into Arrow (10–30 ms a table on the 2-core machine), and st.plotly_chart
copies a figure deep and dumps it to JSON (the boundary map: 17 ms). Streamlit's own cache_data replays the st.*
elements a cached function drew; here it keys them by what determines the element: the table's content and its
display strings, or the figure's mark (each figure data.figur builds has its own), with the element's arguments.

Only elements without selection are recorded: a selectable table or chart registers a widget on every run (what it
costs to build, a table's number display and a shared figure's dict, is kept by dasbor.ui.widget_sekali instead)."""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
import uuid
from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

# Recorded elements kept per worker, the least recently used going first: every table and chart of every page
# and filter state a room visits; a large worklist's element is a few hundred kB.
MAKS_REKAMAN = 400


def _rekam(kunci: str, _gambar: Callable[[], object]) -> None:
    """Draw once per key; on a later call Streamlit replays the recorded elements (the leading underscore keeps the
    drawing function out of the key)."""
    _gambar()


@functools.cache
def _perekam() -> Callable[[str, Callable[[], object]], None]:
    """_rekam under st.cache_data, decorated at the first drawing: decorated at import (a worker imports the pages'
    modules before Streamlit's runtime exists) Streamlit logs a warning that it has no runtime yet."""
    return st.cache_data(max_entries=MAKS_REKAMAN, show_spinner=False)(_rekam)


def gambar(kunci: tuple, gambar: Callable[[], object]) -> None:
    """`gambar()` drawn for the first visitor of `kunci` and replayed for the next; `gambar` draws static elements
    only (no widget: Streamlit would warn that it is not replayed). The key goes to Streamlit as one digest of its
    text: Streamlit hashes a nested tuple item by item."""
    _perekam()(ringkas(kunci), gambar)


def ringkas(kunci: tuple) -> str:
    """One digest of a key's text."""
    return _ringkas(repr(kunci).encode())


def _ringkas(isi: bytes) -> str:
    return hashlib.blake2b(isi, digest_size=16).hexdigest()


def kunci_tabel(
    tampil: pd.DataFrame, format_kolom: Mapping[str, Callable[[object], str]] | None, argumen: dict
) -> tuple:
    """What determines a table element: the rows drawn, whether a Styler shows them and each formatted column's
    display (its formatter when the dashboard defines it at module level, else its display strings: a page's lambda
    is a new function on every run, its strings are not), and st.dataframe's arguments."""
    tampilan = None
    if format_kolom is not None:
        tampilan = tuple((k, _tampilan(tampil[k], f)) for k, f in format_kolom.items() if k in tampil)
    # The frame's pickle holds its values, index, columns and dtypes; equal bytes are an equal table (a frame that
    # pickles differently but looks the same is only drawn once more).
    isi = _ringkas(pickle.dumps(tampil, protocol=pickle.HIGHEST_PROTOCOL))
    return ("tabel", isi, tampilan, json.dumps(argumen, sort_keys=True, default=repr))


def _tampilan(kolom: pd.Series, f: Callable[[object], str]) -> str:
    """What a formatted column looks like, for a key. The dashboard's own formatters (dasbor.visual.format's angka,
    persen and the like, module-level functions of the value alone) are the same object on every run and stand for
    their strings: formatting every cell to key a 400-row table cost more than drawing it from the record."""
    if getattr(f, "__module__", "").startswith("dasbor.") and "<" not in getattr(f, "__qualname__", "<"):
        return f"{f.__module__}.{f.__qualname__}"
    return _ringkas("\x1f".join("" if pd.isna(v) else f(v) for v in kolom).encode())


def tandai(fig: go.Figure) -> go.Figure:
    """Give a shared, never changed figure (data.figur) its own mark: the key of its recorded chart element."""
    fig._tanda_rekaman = uuid.uuid4().hex
    return fig


def tanda(fig: go.Figure) -> str | None:
    """The figure's mark, None for a figure built on the page (not recorded: it may be changed after drawing)."""
    return getattr(fig, "_tanda_rekaman", None)
