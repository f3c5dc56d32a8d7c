"""Bandingkan: two regions in one year at every level of the index, the indicators that explain the gap, and
their innovations by urusan and tahapan."""

import pandas as pd
import streamlit as st

from dasbor.services import hasil
from dasbor.ui import data, sumber
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur, olahan
from dasbor.ui.unduh import tampilkan_grafik, tampilkan_tabel
from dasbor.visual import charts
from dasbor.visual.format import angka, angka_bertanda, bilangan, nama_pendek, tanpa_markdown

wajib_masuk()

tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
# The first region is the region in focus on every page (same filter, same default); the second defaults to the
# first of the comparison pair (data/lingkup.toml, where the data holds it), the province's most-cited kabupaten.
kode_a = saringan.pilih_wilayah()
kode_b = saringan.pilih_wilayah("Dibandingkan dengan", "pembanding", bawaan=data.pembanding_bawaan()[0])
st.title(f"Bandingkan dua wilayah, {tahun}")
sumber.banner_sintetis(tahun)
if kode_a == kode_b:
    st.info("Pilih dua wilayah yang berbeda pada bilah samping.")
    st.stop()

catatan = sumber.catatan_skor(tahun, basis)
label = sumber.label_grafik(tahun, basis)
st.caption(tanpa_markdown(catatan))
hasil_tahun = data.peringkat(tahun, basis).set_index("kode_wilayah")
maks_spd = data.metodologi(tahun).maks_spd
a, b = hasil_tahun.loc[kode_a], hasil_tahun.loc[kode_b]
nama_a, nama_b = a["nama_wilayah"], b["nama_wilayah"]
pendek_a, pendek_b = nama_pendek(nama_a), nama_pendek(nama_b)


def _kartu(kolom, baris: pd.Series) -> None:
    kolom.markdown(f"#### {tanpa_markdown(baris['nama_wilayah'])}")
    kolom.markdown(f"Predikat **{baris['predikat']}**")
    c1, c2, c3 = kolom.columns(3)
    c1.metric("IID", angka(baris["iid"]), border=True)
    if baris["jenis"] == "provinsi":
        c2.metric("Peringkat", "–", help="Provinsi diperingkat di antara provinsi", border=True)
    else:
        c2.metric(
            "Peringkat",
            str(baris["peringkat"]),
            help=f"Di antara {data.jumlah_sejawat(str(baris.name))} kab/kota",
            border=True,
        )
    c3.metric("Inovasi", bilangan(baris["n_inovasi"]), help=f"Dihitung; pembagi SID {baris['pembagi']}", border=True)
    c4, c5 = kolom.columns(2)
    c4.metric("Skor SPD", angka(baris["skor_spd"]), help=f"Maksimum {angka(maks_spd, 0)}", border=True)
    c5.metric("Skor SID", angka(baris["skor_sid"]), help="Kematangan ÷ MAX(k, n) + skor jumlah inovasi", border=True)


kiri, kanan = st.columns(2)
_kartu(kiri, a)
_kartu(kanan, b)
if "provinsi" in (a["jenis"], b["jenis"]):
    st.caption("Provinsi dan kab/kota dinilai dengan rumus yang sama tetapi diperingkat dalam kelompok berbeda.")

rincian = data.rincian_indikator(tahun, basis)
selisih = olahan(hasil.selisih_indikator, rincian, kode_a, kode_b, sidik=(tahun, basis, kode_a, kode_b))
fig = figur(
    charts.air_terjun_selisih,
    selisih,
    float(a["iid_mentah"]),
    float(b["iid_mentah"]),
    nama_a,
    nama_b,
    f"Dari IID {pendek_b} ke IID {pendek_a}: indikator yang menjelaskan selisihnya ({tahun})",
    catatan=label,
)
tampilkan_grafik(fig, f"selisih-{pendek_a}-{pendek_b}-{tahun}-{basis}", "air_terjun")
st.caption(
    "Setiap batang = poin IID yang diperoleh wilayah pertama lebih banyak (biru) atau lebih sedikit (oranye) dari "
    "wilayah kedua pada satu indikator; poin SID sudah dibagi MAX(k, n) masing-masing wilayah."
)

st.subheader("Berdampingan di setiap tingkat")
nama_kolom = {"poin_a": f"Poin {pendek_a}", "poin_b": f"Poin {pendek_b}", "selisih": "Selisih"}
format_poin = {nama_kolom["poin_a"]: angka, nama_kolom["poin_b"]: angka, "Selisih": angka_bertanda}
tab_aspek, tab_variabel, tab_indikator = st.tabs(["Aspek (SPD, SID)", "Variabel", "Indikator"])
with tab_aspek:
    aspek = olahan(hasil.selisih_per, selisih, "aspek", sidik=(tahun, basis, kode_a, kode_b, "aspek")).rename(
        columns={"aspek": "Aspek", **nama_kolom}
    )
    tampilkan_tabel(aspek, f"banding-aspek-{pendek_a}-{pendek_b}-{tahun}", "tabel_aspek", format_poin, catatan)
    st.caption("Poin IID: skor aspek ÷ skor total maksimum × 100, sehingga SPD + SID = IID (belum dibulatkan).")
with tab_variabel:
    variabel = olahan(hasil.selisih_per, selisih, "variabel", sidik=(tahun, basis, kode_a, kode_b, "variabel"))
    fig = figur(
        charts.batang_banding,
        variabel,
        "variabel",
        ["poin_a", "poin_b"],
        [nama_a, nama_b],
        f"Poin IID per variabel, {tahun}",
        "Poin IID",
        catatan=label,
    )
    tampilkan_grafik(fig, f"banding-variabel-{pendek_a}-{pendek_b}-{tahun}", "variabel")
    tampilkan_tabel(
        variabel.rename(columns={"aspek": "Aspek", "variabel": "Variabel", **nama_kolom}),
        f"banding-variabel-{pendek_a}-{pendek_b}-{tahun}",
        "tabel_variabel",
        format_poin,
        catatan,
    )
with tab_indikator:
    indikator = selisih.rename(
        columns={
            "kode_indikator": "Kode",
            "aspek": "Aspek",
            "variabel": "Variabel",
            "nama_indikator": "Indikator",
            "level_a": f"Level {pendek_a}",
            "level_b": f"Level {pendek_b}",
            **nama_kolom,
        }
    ).drop(columns="urutan")
    tampilkan_tabel(
        indikator,
        f"banding-indikator-{pendek_a}-{pendek_b}-{tahun}",
        "tabel_indikator",
        {**format_poin, f"Level {pendek_a}": angka, f"Level {pendek_b}": angka},
        catatan,
    )
    st.caption("Level SPD = level yang diakui (0–3); level SID = rata-rata level pada inovasi yang dinilai.")

st.subheader("Inovasi menurut urusan dan tahapan")
kode = [kode_a, kode_b]
nama_wilayah = {kode_a: nama_a, kode_b: nama_b}
for kolom, kategori, key in (("urusan_utama", "urusan utama", "urusan"), ("tahapan", "tahapan", "tahapan")):
    jumlah = data.jumlah_inovasi(tahun, kode, kolom).assign(wilayah=lambda d: d["kode_wilayah"].map(nama_wilayah))
    fig = figur(
        charts.batang_jumlah,
        jumlah,
        kolom,
        f"Inovasi dilaporkan menurut {kategori}, {tahun}",
        seri="wilayah",
        catatan=label,
    )
    tampilkan_grafik(fig, f"inovasi-{key}-{pendek_a}-{pendek_b}-{tahun}", f"jumlah_{key}")
    tampilkan_tabel(
        olahan(hasil.jumlah_berdampingan, jumlah, kolom).rename(columns={kolom: kategori.capitalize()}),
        f"inovasi-{key}-{pendek_a}-{pendek_b}-{tahun}",
        f"tabel_{key}",
        catatan=catatan,
    )
