"""Quiet Streamlit's cache warnings on the command line."""

from __future__ import annotations

import logging


def diamkan_peringatan_cache() -> None:
    """Services declare Streamlit caches at import; outside a server Streamlit logs a "No runtime found" warning
    for each one, which is only noise on a command line."""
    import streamlit  # noqa: F401  (importing it sets up its loggers, which the next line then quiets)

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
