"""Test and benchmark machinery beside the product: a local server with Debian Chromium's launch settings, and a
websocket visitor built on Streamlit's wire protocol. The product package `dasbor` never imports it
(tests/test_lapisan.py)."""
