"""Dasbor IID Kalsel: entry point declaring the pages (st.navigation)."""

import streamlit as st

st.set_page_config(page_title="Dasbor IID Kalsel", page_icon="📊", layout="wide")

halaman = {
    "Hasil": [st.Page("pages/ringkasan.py", title="Ringkasan", icon="🏠", default=True)],
    "Kelengkapan": [
        st.Page("pages/kelengkapan.py", title="Kelengkapan", icon="🧩"),
        st.Page("pages/simulasi.py", title="Simulasi", icon="🧪"),
        st.Page("pages/inovasi.py", title="Inovasi", icon="💡"),
    ],
}
st.navigation(halaman).run()
