"""A selectable table's number display built once per content, not on every run.

Tables show their numbers the Indonesian way (67,04) through a pandas Styler (dasbor.ui.unduh), and Streamlit renders
a Styler's display values on every run: pandas' _translate of every cell, then a string copy of the whole frame filled
column by column (8 ms for the 14-row ranking, 15 ms for a 100-row list, on the 2-core machine). Static tables are
recorded once and replayed (dasbor.ui.rekaman); a selectable table is a widget and runs every time, so its display
was the largest single cost of a warm Peringkat, Inovasi or Kelengkapan view (issue 25 §5). Its display part (the
display values and the Styler's uuid: our Stylers carry no styles and no caption) depends only on the table's rows and
formats, which rekaman.kunci_tabel fingerprints, so the first run's is kept and copied into the later ones.

Streamlit has no hook for this: `pasang` wraps its marshall_styler where st.dataframe calls it, and only a Styler marked
by `dengan_kunci` is kept; any other goes Streamlit's way. tests/ui/test_styler_sekali.py checks that the wrapper is
in place on the pinned Streamlit and that a kept display is byte for byte the one Streamlit builds.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from pandas.io.formats.style import Styler
from streamlit.elements import arrow
from streamlit.elements.lib import pandas_styler_utils

# Display parts kept per worker, the least recently used going first: a 500-row list's is about 50 kB.
MAKS = 200
_KUNCI = "_kunci_tampilan_dasbor"
_asli = pandas_styler_utils.marshall_styler
_simpanan: OrderedDict[str, bytes] = OrderedDict()
_gembok = threading.Lock()


def dengan_kunci(gaya: Styler, kunci: str) -> Styler:
    """Mark a Styler whose display is determined by `kunci` (its rows and formats, nothing else) as one to keep."""
    setattr(gaya, _KUNCI, kunci)
    return gaya


def _marshall_styler(proto, styler: Styler, default_uuid: str) -> None:
    """Streamlit's marshall_styler (it fills proto.styler only), answered from the kept display of a marked Styler."""
    kunci = getattr(styler, _KUNCI, None)
    if kunci is None:
        _asli(proto, styler, default_uuid)
        return
    with _gembok:
        tersimpan = _simpanan.get(kunci)
        if tersimpan is not None:
            _simpanan.move_to_end(kunci)
    if tersimpan is not None:
        proto.styler.ParseFromString(tersimpan)
        return
    _asli(proto, styler, default_uuid)
    with _gembok:
        _simpanan[kunci] = proto.styler.SerializeToString()
        while len(_simpanan) > MAKS:
            _simpanan.popitem(last=False)


def pasang() -> None:
    """Have st.dataframe marshal Stylers through the kept displays (once per process)."""
    arrow.marshall_styler = _marshall_styler
