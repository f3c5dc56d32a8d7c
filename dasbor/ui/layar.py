"""Fixed CSS (no data in it) that makes every page usable on a 390 px phone and a 1280×720 projector.

Streamlit already stacks columns on narrow screens; what it does not do: keep a row of headline numbers on one
swipeable line (so the map of Ringkasan is on the first screen), shrink the page title, keep the synthetic-data
notice to one line, and let a chart wider than the screen (the 35-column Kelengkapan matrix) scroll inside its
own box instead of squeezing it or scrolling the page.
"""

from __future__ import annotations

import streamlit as st

CSS = """
<style>
[class*="st-key-gulir_"] { overflow-x: auto; }
.st-key-banner_sintetis [data-testid="stAlert"] { margin-bottom: 0; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 3.5rem 0.75rem 2rem 0.75rem !important; }
  h1 { font-size: 1.55rem !important; line-height: 1.2 !important; padding-bottom: 0.25rem !important; }
  .st-key-banner_sintetis { flex-wrap: nowrap !important; }
  .st-key-banner_sintetis [data-testid="stAlertContainer"] { padding: 0.4rem 0.6rem !important; }
  .st-key-banner_sintetis [data-testid="stAlert"] p { font-size: 0.8rem !important; }
  .st-key-kpi [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; overflow-x: auto; }
  .st-key-kpi [data-testid="stColumn"] { min-width: 11rem !important; flex: 0 0 11rem !important; }
  /* a container keyed gulir_… holds a chart that needs its width (35 indicator columns): it scrolls itself */
  /* Streamlit sizes a chart from its element box, so the box gets the width (not the chart element) */
  [class*="st-key-gulir_"] > [data-testid="stElementContainer"] { min-width: 56rem; }
}
</style>
"""


def pasang_gaya() -> None:
    st.html(CSS)
