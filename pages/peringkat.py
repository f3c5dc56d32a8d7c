"""Peringkat: one year's kab/kota ranked among their province's, or nationally one IGA cluster; the province apart;
the published values beside ours."""

import pandas as pd
import streamlit as st

from dasbor.lingkup import NASIONAL, provinsi_kolom
from dasbor.services import hasil
from dasbor.ui import data, navigasi, sumber
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur
from dasbor.ui.unduh import tampilkan_grafik, tampilkan_tabel
from dasbor.visual import charts
from dasbor.visual.format import angka, angka_bertanda, bilangan, bulat_bertanda, tanpa_markdown, tautan

wajib_masuk()

JENIS = {"semua": "Kabupaten dan kota", "kabupaten": "Kabupaten saja", "kota": "Kota saja"}
KLASTER = {"kabupaten": "Klaster kabupaten", "kota": "Klaster kota", "provinsi": "Klaster provinsi"}

tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
st.title(f"Peringkat IID {tahun}")
sumber.banner_sintetis(tahun)
catatan = sumber.catatan_skor(tahun, basis)
label = sumber.label_grafik(tahun, basis)
st.caption(tanpa_markdown(catatan))

hasil_tahun = data.peringkat(tahun, basis)
provinsi_ada = hasil.provinsi_dinilai(hasil_tahun)
# With one province's pemda there is one view, its kab/kota; with several, the national IGA clusters or one province.
di = next(iter(provinsi_ada), NASIONAL)
if len(provinsi_ada) > 1:
    di = st.selectbox(
        "Peringkat di antara",
        [NASIONAL, *provinsi_ada],
        format_func=lambda k: "Seluruh Indonesia (klaster IGA)" if k == NASIONAL else f"Provinsi {provinsi_ada[k]}",
        key="di",
        bind="query-params",
    )
if di == NASIONAL:
    jenis = st.radio(
        "Klaster", list(KLASTER), format_func=KLASTER.get, horizontal=True, key="klaster", bind="query-params"
    )
    nama_jenis = KLASTER[jenis].removeprefix("Klaster ")
else:
    jenis = st.radio("Tampilkan", list(JENIS), format_func=JENIS.get, horizontal=True, key="jenis", bind="query-params")
    nama_jenis = JENIS[jenis].lower().removesuffix(" saja")
kabkota = hasil.peringkat_di(hasil_tahun, di, jenis)
m = data.metodologi(tahun)

if di == NASIONAL:
    judul = f"IID {tahun}, klaster {nama_jenis} nasional"
elif len(provinsi_ada) > 1:
    judul = f"IID {nama_jenis} {tahun} (peringkat di antara {bilangan(data.jumlah_sejawat(di))} kab/kota di {provinsi_ada[di]})"
else:
    judul = f"IID {nama_jenis} {tahun} (peringkat di antara {data.sejawat_peringkat()})"
nasional = data.rata_rata_iid().set_index("tahun")
fig = figur(
    charts.batang_peringkat,
    kabkota,
    m.pita(),
    judul,
    rata_nasional=nasional["rata_rata_iid"].get(tahun),
    catatan=label,
)
# Several provinces: the view's province (or 'nasional') names the file too, so two views never share a name.
berkas = "-".join(["peringkat-iid", str(tahun), basis, *([di] if len(provinsi_ada) > 1 else []), jenis])
klik = tampilkan_grafik(fig, berkas, "grafik", klik=True)
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
# Nationally the rank is the cluster's and the province says where a region is; in a province's view the rank is
# among its kab/kota and the cluster rank stands beside it.
tabel = pd.DataFrame(
    {
        "kode_wilayah": kabkota["kode_wilayah"],
        "Peringkat": kabkota["peringkat"],
        **({} if di == NASIONAL else {"Peringkat klaster": kabkota["peringkat_klaster"]}),
        "Δ peringkat": kabkota["perubahan_peringkat"],
        "Wilayah": kabkota["nama_wilayah"],
        **(
            {"Provinsi": provinsi_kolom(kabkota["kode_wilayah"]).map(provinsi_ada)}
            if di == NASIONAL and jenis != "provinsi"
            else {}
        ),
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
    berkas,
    "tabel",
    format_kolom={
        "Δ peringkat": bulat_bertanda,
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

provinsi = hasil_tahun[(hasil_tahun["jenis"] == "provinsi") & (hasil_tahun["kode_wilayah"] == di)]
if provinsi.empty:
    # Nationally the provinces are a cluster of the chart above; in a province's view, its own data is not in yet
    # (a new deployment imports pemda one by one).
    st.stop()
prov = provinsi.iloc[0]
st.subheader(prov["nama_wilayah"])
st.caption(
    "Provinsi diperingkat di antara provinsi se-Indonesia, bukan di antara kab/kotanya; karena itu tampil terpisah."
    + (
        f" Klaster provinsi: peringkat {prov['peringkat_klaster']} dari "
        f"{bilangan((hasil_tahun['jenis'] == 'provinsi').sum())} provinsi yang dinilai."
        if len(provinsi_ada) > 1
        else ""
    )
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
