"""Fixed CSS (no data in it) that makes every page usable on a 390 px phone and a 1280×720 projector.

Streamlit already stacks columns on narrow screens; what it does not do: keep a row of headline numbers on one
swipeable line (so the map of Ringkasan is on the first screen), shrink the page title, keep the synthetic-data
notice to one line, and let a chart wider than the screen (the 35-column Kelengkapan matrix) scroll inside its
own box instead of squeezing it or scrolling the page.

It also lifts Streamlit's own faded text to WCAG 2 AA contrast (≥ 4,5 : 1, checked in Chromium by
tests/e2e/test_kontras_chromium.py): st.caption and a markdown quote are drawn at 60 % opacity (3,9 : 1 on white), and the syntax
colours of st.code (cyan, orange, grey tokens) fall to 2,8 : 1 on its light background. Captions keep their
place as secondary text through a grey that passes (GARIS_BANTU, 6,4 : 1); code is drawn in the text colour.
"""

from __future__ import annotations

import streamlit as st

from dasbor.visual.palette import GARIS_BANTU, TEKS

KONTRAS = (
    f'[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] blockquote '
    f"{{ opacity: 1 !important; color: {GARIS_BANTU} !important; }}\n"
    f'[data-testid="stCode"] code, [data-testid="stCode"] code * {{ color: {TEKS} !important; }}'
)
CSS = """
<style>
[class*="st-key-gulir_"] { overflow-x: auto; }
KONTRAS
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
""".replace("KONTRAS", KONTRAS)


def pasang_gaya() -> None:
    st.html(CSS)
