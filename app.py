"""Dasbor IID Kalsel: entry point declaring the pages (st.navigation) of the one page registry (dasbor/halaman.py)."""

import streamlit as st

from dasbor.db.terbitan import hanya_baca
from dasbor.halaman import HALAMAN, per_bagian
from dasbor.lingkup import lingkup
from dasbor.ui import akun, data, layar
from dasbor.ui.giliran import giliran

st.set_page_config(page_title=lingkup().judul_aplikasi, page_icon="📊", layout="wide")
# One stat of the published pointer per run: a new published copy (an import) is picked up here, and the whole run
# answers from the published copy it saw.
data.segarkan()

halaman = {
    bagian: [st.Page(h.berkas, title=h.judul, icon=h.ikon, default=h.bawaan) for h in daftar]
    for bagian, daftar in per_bagian().items()
}
# Expanded: with the Lembar indikator and SPD pages the registry passed twelve entries, and Streamlit then folds the
# menu after ten behind "View more", hiding Presentasi and Impor from the officials who look for them.
navigasi = st.navigation(halaman, expanded=True)
layar.pasang_gaya()
akun.gerbang()
if hanya_baca() and any(h.menulis and h.jalur == navigasi.url_path for h in HALAMAN):
    # A worker group of a multi-machine deployment: the page still reads (estimates, archive, counters), and says
    # before anything is typed that saving happens on the writer machine, not after.
    st.info(
        "Dasbor ini hanya membaca data yang diterbitkan (DASBOR_HANYA_BACA=1). Perhitungan di halaman ini tetap "
        "berjalan, tetapi menyimpan (impor, SPD, lembar indikator) dikerjakan di dasbor mesin penulis."
    )
# The page itself runs in a turn (dasbor/ui/giliran.py): a room's visitors share a worker's one core better in turns.
with giliran():
    navigasi.run()
