"""Dasbor IID Kalsel: entry point declaring the pages (st.navigation).

Page icons are emoji: a ':material/…:' page icon makes the browser fetch a favicon from the internet."""

import streamlit as st

from dasbor.lingkup import lingkup
from dasbor.ui import akun, data, layar

st.set_page_config(page_title=lingkup().judul_aplikasi, page_icon="📊", layout="wide")
# One stat of the published pointer per run: a new published copy (an import) is picked up here, and the whole run
# answers from the published copy it saw.
data.segarkan()

halaman = {
    "Hasil": [
        st.Page("pages/ringkasan.py", title="Ringkasan", icon="🏠", default=True),
        st.Page("pages/peringkat.py", title="Peringkat", icon="🏆"),
        st.Page("pages/tren.py", title="Tren", icon="📈"),
        st.Page("pages/bandingkan.py", title="Bandingkan", icon="⚖️"),
        st.Page("pages/profil.py", title="Profil Wilayah", icon="📍"),
    ],
    "Metodologi": [st.Page("pages/metodologi.py", title="Metodologi", icon="📘")],
    "Kelengkapan": [
        st.Page("pages/kelengkapan.py", title="Kelengkapan", icon="🧩"),
        st.Page("pages/simulasi.py", title="Simulasi", icon="🧪"),
        st.Page("pages/inovasi.py", title="Inovasi", icon="💡"),
    ],
    "Bimtek": [st.Page("pages/presentasi.py", title="Presentasi", icon="📽️")],
    "Data": [
        st.Page("pages/impor.py", title="Impor", icon="📥"),
        st.Page("pages/akun.py", title="Akun", icon="🔑"),
    ],
}
navigasi = st.navigation(halaman)
layar.pasang_gaya()
akun.gerbang()
navigasi.run()
