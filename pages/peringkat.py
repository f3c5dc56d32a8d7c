"""Peringkat: the 13 kab/kota ranked for one year, the province apart, the published values beside ours."""

import pandas as pd
import streamlit as st

from dasbor.services import hasil
from dasbor.services import nasional as nasional_iid
from dasbor.ui import data, navigasi, sumber
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur
from dasbor.ui.unduh import tampilkan_grafik, tampilkan_tabel
from dasbor.visual import charts
from dasbor.visual.format import angka, angka_bertanda, bilangan, tanpa_markdown, tautan

wajib_masuk()

JENIS = {"semua": "Kabupaten dan kota", "kabupaten": "Kabupaten saja", "kota": "Kota saja"}

tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
st.title(f"Peringkat IID {tahun}")
sumber.banner_sintetis(tahun)
catatan = sumber.catatan_skor(tahun, basis)
label = sumber.label_grafik(tahun, basis)
st.caption(tanpa_markdown(catatan))

jenis = st.radio("Tampilkan", list(JENIS), format_func=JENIS.get, horizontal=True, key="jenis", bind="query-params")
hasil_tahun = data.peringkat(tahun, basis)
kabkota = hasil_tahun[hasil_tahun["jenis"].isin(hasil.KAB_KOTA if jenis == "semua" else (jenis,))]
m = data.metodologi(tahun)

nasional = nasional_iid.rata_rata_iid().set_index("tahun")
fig = figur(
    charts.batang_peringkat,
    kabkota,
    m.pita(),
    f"IID {JENIS[jenis].lower()} {tahun} (peringkat di antara {data.sejawat_peringkat()})",
    rata_nasional=nasional["rata_rata_iid"].get(tahun),
    catatan=label,
)
klik = tampilkan_grafik(fig, f"peringkat-iid-{tahun}-{basis}-{jenis}", "grafik", klik=True)
if tahun in nasional.index:
    st.caption(
        f"Garis ungu = rata-rata IID nasional {tahun} yang dipublikasikan ({angka(nasional.at[tahun, 'rata_rata_iid'])}, "
        f"keyakinan {tanpa_markdown(nasional.at[tahun, 'keyakinan'])}) — " + tautan(nasional.at[tahun, "sumber"])
    )
navigasi.buka_profil(navigasi.kode_dari_grafik(klik))

st.subheader("Tabel peringkat")
st.caption(
    "Klik sebuah baris (atau batang) untuk membuka profil wilayah. Δ peringkat positif = naik dibanding tahun "
    "sebelumnya; tiap tahun dinilai dengan aturannya sendiri. Nilai resmi hanya ada bila dipublikasikan. "
    + hasil.keterangan_klaster(hasil_tahun)
)
tabel = pd.DataFrame(
    {
        "kode_wilayah": kabkota["kode_wilayah"],
        "Peringkat": kabkota["peringkat"],
        "Peringkat klaster": kabkota["peringkat_klaster"],
        "Δ peringkat": kabkota["perubahan_peringkat"],
        "Wilayah": kabkota["nama_wilayah"],
        "IID": kabkota["iid"],
        "Δ IID": kabkota["perubahan_iid"],
        "Predikat": kabkota["predikat"],
        "Inovasi": kabkota["n_inovasi"],
        "Skor SPD": kabkota["skor_spd"],
        "Skor SID": kabkota["skor_sid"],
        "Nilai resmi": kabkota["nilai_resmi"],
        "Predikat resmi": kabkota["predikat_resmi"],
        "Keterangan resmi": kabkota["catatan_resmi"],
        "Sumber resmi": kabkota["sumber_resmi"],
    }
)
pilih = tampilkan_tabel(
    tabel,
    f"peringkat-iid-{tahun}-{basis}-{jenis}",
    "tabel",
    format_kolom={
        "Δ peringkat": lambda v: angka_bertanda(v, 0),
        "IID": angka,
        "Δ IID": angka_bertanda,
        "Skor SPD": angka,
        "Skor SID": angka,
        "Nilai resmi": angka,
    },
    catatan=catatan,
    klik=True,
    column_config={
        "kode_wilayah": None,
        "Sumber resmi": st.column_config.LinkColumn("Sumber resmi", display_text="buka sumber"),
    },
)
navigasi.buka_profil(navigasi.kode_dari_tabel(pilih, tabel))

provinsi = hasil_tahun[hasil_tahun["jenis"] == "provinsi"]
if provinsi.empty:
    st.stop()  # the province's own data is not in yet (a new deployment imports pemda one by one)
prov = provinsi.iloc[0]
st.subheader(prov["nama_wilayah"])
st.caption(
    "Provinsi diperingkat di antara provinsi se-Indonesia, bukan di antara kab/kotanya; karena itu tampil terpisah."
)
p1, p2, p3, p4 = st.columns(4)
p1.metric(
    "IID hitungan",
    angka(prov["iid"]),
    delta=angka_bertanda(prov["perubahan_iid"], minus="-") if pd.notna(prov["perubahan_iid"]) else None,
    border=True,
)
p2.metric("Predikat", prov["predikat"], border=True)
p3.metric("Inovasi dihitung", bilangan(prov["n_inovasi"]), border=True)
if pd.notna(prov["nilai_resmi"]):
    p4.metric("Nilai resmi", angka(prov["nilai_resmi"]), border=True)
    p4.caption(
        f"{tanpa_markdown(prov['status_resmi'])}, keyakinan {tanpa_markdown(prov['keyakinan_resmi'])} — {tautan(prov['sumber_resmi'])}"
    )
else:
    p4.metric(
        "Nilai resmi", "–", help="Tidak ada nilai resmi provinsi yang dipublikasikan untuk tahun ini", border=True
    )
