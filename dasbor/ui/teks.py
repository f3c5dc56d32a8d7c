"""Data inside Streamlit markdown (titles, captions, notices) is shown literally, never as markup."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones markdown, the
# math ($) and Streamlit's own :directive[...] syntax give a meaning.
_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def aman(teks: object) -> str:
    """'**x** [a](javascript:..)' -> shown as typed, without bold text or a link."""
    return _KHUSUS.sub(r"\\\1", str(teks))
