import streamlit as st

from dasbor.services import skor
from dasbor.ui import filter
from dasbor.ui.format import angka

st.title("Indeks Inovasi Daerah — Kalimantan Selatan")
tahun = filter.pilih_tahun()
basis = filter.pilih_basis()
sintetis = skor.data_sintetis(tahun)
if not sintetis.empty:
    st.warning("Data inovasi pada dasbor ini SINTETIS (data demo), bukan data resmi. " + sintetis["keterangan"].iat[0])
hasil = skor.skor_tahun(tahun, basis)
tabel = hasil[["peringkat", "nama_wilayah", "iid", "predikat", "n_inovasi"]].assign(iid=hasil["iid"].map(angka))
st.subheader(f"Peringkat IID {tahun}")
st.dataframe(tabel, hide_index=True)
