"""What a selectable table or chart needs is built once per content, not on every run.

Static tables and charts are recorded once and replayed (dasbor.ui.rekaman). A selectable one is a widget: Streamlit
draws it on every run, and two of its steps cost more than the rest of a warm view (issue 25 §5):
- a table's number display (our Stylers show 67,04): pandas' _translate of every cell, then a string copy of the
  whole frame filled column by column (8 ms for the 14-row ranking, 15 ms for a 100-row list, on the 2-core machine);
- a chart's figure turned into a plain dict (plotly.tools.return_figure_from_figure_or_data: a deep copy that walks
  every coordinate of a map): a few ms in Kalsel, about 30 ms for the national map of 514 kab/kota.
Both depend only on what is drawn: a table's display on the rows and formats rekaman.kunci_tabel fingerprints, a
shared figure's dict on the figure, which never changes once data.figur marked it (rekaman.tandai). So the first run's
result is kept and used by the later ones.

Streamlit has no hook for either: `pasang` wraps the two functions where st.dataframe and st.plotly_chart call them,
and only a Styler marked by `dengan_kunci` or a figure marked by rekaman.tandai takes the kept path; anything else
goes Streamlit's way. tests/ui/test_widget_sekali.py checks that both wrappers are in place on the pinned Streamlit and
Plotly, and that what is kept is byte for byte what they build.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import plotly.tools
from pandas.io.formats.style import Styler
from plotly.basedatatypes import BaseFigure
from streamlit.elements import arrow
from streamlit.elements.lib import pandas_styler_utils

from dasbor.ui import rekaman

# Kept per worker, the least recently used going first: a 500-row list's display is about 50 kB, the national map's
# dict a few MB (one per filter state of a selectable chart).
MAKS_TAMPILAN = 200
MAKS_GRAFIK = 32
_KUNCI = "_kunci_tampilan_dasbor"
_styler_asli = pandas_styler_utils.marshall_styler
_grafik_asli = plotly.tools.return_figure_from_figure_or_data


class _Simpanan:
    """The kept results, bounded, shared by the worker's threads."""

    def __init__(self, maks: int) -> None:
        self._maks = maks
        self._isi: OrderedDict[str, Any] = OrderedDict()
        self._gembok = threading.Lock()

    def ambil(self, kunci: str, buat: Callable[[], Any]) -> Any:
        with self._gembok:
            if kunci in self._isi:
                self._isi.move_to_end(kunci)
                return self._isi[kunci]
        nilai = buat()  # outside the lock: two first runs may both build, and keep the same
        with self._gembok:
            self._isi[kunci] = nilai
            while len(self._isi) > self._maks:
                self._isi.popitem(last=False)
        return nilai


_tampilan = _Simpanan(MAKS_TAMPILAN)
_grafik = _Simpanan(MAKS_GRAFIK)


def dengan_kunci(gaya: Styler, kunci: str) -> Styler:
    """Mark a Styler whose display is determined by `kunci` (its rows and formats, nothing else) as one to keep."""
    setattr(gaya, _KUNCI, kunci)
    return gaya


def _marshall_styler(proto, styler: Styler, default_uuid: str) -> None:
    """Streamlit's marshall_styler (it fills proto.styler only), from the kept display of a marked Styler."""
    kunci = getattr(styler, _KUNCI, None)
    if kunci is None:
        _styler_asli(proto, styler, default_uuid)
        return

    def buat() -> bytes:
        _styler_asli(proto, styler, default_uuid)
        return proto.styler.SerializeToString()

    proto.styler.ParseFromString(_tampilan.ambil(kunci, buat))


def _figur_dict(figure_or_data, validate_figure: bool):
    """Plotly's return_figure_from_figure_or_data, from the kept dict of a marked figure. Streamlit only reads the
    dict (to JSON, and its width and height), so one dict serves every run."""
    tanda = rekaman.tanda(figure_or_data) if isinstance(figure_or_data, BaseFigure) else None
    if tanda is None:
        return _grafik_asli(figure_or_data, validate_figure)
    return _grafik.ambil(tanda, lambda: _grafik_asli(figure_or_data, validate_figure))


def pasang() -> None:
    """Have st.dataframe and st.plotly_chart take the kept results (once per process)."""
    arrow.marshall_styler = _marshall_styler
    plotly.tools.return_figure_from_figure_or_data = _figur_dict
