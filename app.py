"""Dasbor IID Kalsel: entry point declaring the pages (st.navigation)."""

import streamlit as st

st.set_page_config(page_title="Dasbor IID Kalsel", page_icon="📊", layout="wide")

halaman = {
    "Hasil": [st.Page("pages/ringkasan.py", title="Ringkasan", icon="🏠", default=True)],
}
st.navigation(halaman).run()
