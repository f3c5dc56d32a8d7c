"""Dasbor IID Kalsel: entry point declaring the pages (st.navigation)."""

import streamlit as st

from dasbor.ui import akun

st.set_page_config(page_title="Dasbor IID Kalsel", page_icon="📊", layout="wide")

halaman = {
    "Hasil": [st.Page("pages/ringkasan.py", title="Ringkasan", icon="🏠", default=True)],
    "Data": [
        st.Page("pages/impor.py", title="Impor", icon="📥"),
        st.Page("pages/akun.py", title="Akun", icon="🔑"),
    ],
}
navigasi = st.navigation(halaman)
akun.gerbang()
navigasi.run()
