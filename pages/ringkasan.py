import streamlit as st

from dasbor.services import skor
from dasbor.ui.format import angka

st.title("Indeks Inovasi Daerah — Kalimantan Selatan")
tahun_list = skor.daftar_tahun()
tahun = st.sidebar.selectbox("Tahun penilaian", tahun_list, index=len(tahun_list) - 1, key="tahun")
sintetis = skor.data_sintetis(tahun)
if not sintetis.empty:
    st.warning("Data inovasi pada dasbor ini SINTETIS (data demo), bukan data resmi. " + sintetis["keterangan"].iat[0])
hasil = skor.skor_tahun(tahun)
tabel = hasil[["peringkat", "nama_wilayah", "iid", "predikat", "n_inovasi"]].assign(iid=hasil["iid"].map(angka))
st.subheader(f"Peringkat IID {tahun}")
st.dataframe(tabel, hide_index=True)
