"""Drill-down state kept in the URL, and chart/table selections read once.

The URL is the state: every level of a drill-down is a query parameter, so the address bar (or the link this
module builds) reopens exactly that level. Selections on charts and tables persist in Streamlit across reruns;
reading each one only when it changed lets the user move on (e.g. pick another wilayah in the sidebar) without
an old click pulling the view back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import urlencode

import streamlit as st


def pilihan_baru(kunci: str) -> dict[str, Any] | None:
    """The selection state of widget `kunci` if it changed since it was last read here, else None."""
    state = st.session_state.get(kunci)
    if state is None:
        return None
    pilihan = dict(state["selection"])
    tanda = repr(sorted(pilihan.items()))
    penanda = f"_dibaca_{kunci}"
    if st.session_state.get(penanda) == tanda:
        return None
    st.session_state[penanda] = tanda
    return pilihan


def titik(pilihan: Mapping[str, Any] | None) -> list[Any] | None:
    """customdata of the first selected chart point, if any."""
    points = (pilihan or {}).get("points") or []
    return list(points[0]["customdata"]) if points else None


def baris(pilihan: Mapping[str, Any] | None) -> int | None:
    """Position of the first selected table row, if any."""
    rows = (pilihan or {}).get("rows") or []
    return int(rows[0]) if rows else None


def atur(**nilai: str | None) -> None:
    """Set drill-down parameters in the URL; None removes one."""
    for kunci, v in nilai.items():
        if v is None:
            if kunci in st.query_params:
                del st.query_params[kunci]
        else:
            st.query_params[kunci] = v


def parameter(kunci: str, sah: Collection[str], label: str) -> str | None:
    """A drill-down level from the URL when it is valid here; an unknown one is dropped with a notice."""
    nilai = st.query_params.get(kunci)
    if nilai is None or nilai == "":
        return None
    if nilai in sah:
        return nilai
    st.info(f"{label} dari tautan tidak dikenal pada pilihan ini; tampilan dibuka satu tingkat di atasnya.")
    atur(**{kunci: None})
    return None


def tautan(tetap: Mapping[str, object]) -> str:
    """A link that reopens this view: the page address, the URL's current parameters, and `tetap`.

    Bound sidebar widgets write their own URL form (a selectbox writes its label) and leave a default out, so
    their values are taken from the URL as Streamlit wrote them; `tetap` pins what must not follow a default
    that may change later (e.g. the tahun, whose default is the newest year).
    """
    dasar = (st.context.url or "").split("?")[0]
    return f"{dasar}?{urlencode({**st.query_params.to_dict(), **{k: str(v) for k, v in tetap.items()}})}"


def tombol_tautan(label: str, keterangan: str, tetap: Mapping[str, object]) -> None:
    """The link to this view (tautan) behind a button, drawn with its copy button when opened: st.code's syntax
    highlighter is the largest script a Kelengkapan visit would otherwise load, for a link few visits copy."""
    kotak = st.popover(f"🔗 {label}", key="tautan_tampilan", on_change="rerun")
    if kotak.open:
        with kotak:
            st.caption(keterangan)
            st.code(tautan(tetap), language=None, wrap_lines=True)
