"""Profil Wilayah: one region's headline numbers, distance to the next band, strengths and weaknesses against
the kab/kota median, its innovations by OPD, tahapan and urusan, and its coverage of the urusan wajib
pelayanan dasar."""

import pandas as pd
import streamlit as st

from dasbor.halaman import halaman
from dasbor.services import hasil, skor
from dasbor.ui import data, sumber
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur, olahan
from dasbor.ui.peta import tampilkan_peta
from dasbor.ui.unduh import tampilkan_grafik, tampilkan_tabel
from dasbor.visual import charts
from dasbor.visual.format import angka, angka_bertanda, bilangan, nama_pendek, tanpa_markdown, tautan

wajib_masuk()

tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
kode = saringan.pilih_wilayah()
hasil_tahun = data.peringkat(tahun, basis).set_index("kode_wilayah")
w = hasil_tahun.loc[kode]
nama, pendek = w["nama_wilayah"], nama_pendek(w["nama_wilayah"])
st.title(f"Profil {nama}, {tahun}")
sumber.banner_sintetis(tahun)
catatan = sumber.catatan_skor(tahun, basis)
label = sumber.label_grafik(tahun, basis)
st.caption(tanpa_markdown(catatan))
m = data.metodologi(tahun)

# A pemda without SPD has SID alone (services.skor.nilai_wilayah): no IID, predikat, band or rank among the others.
lengkap = bool(w["ada_spd"])
if lengkap:
    st.markdown(f"Predikat **{w['predikat']}** menurut aturan {m.versi}")
else:
    st.warning(f"{skor.TEKS_SID_SAJA}. IID memerlukan SPD: isi di {halaman('spd').tempat}.")
k1, k3, k4, k5, k6 = st.columns(5)
k1.metric(
    "IID",
    angka(w["iid"]),
    delta=angka_bertanda(w["perubahan_iid"], minus="-") if pd.notna(w["perubahan_iid"]) else None,
    help="Dihitung dasbor; perubahan terhadap tahun sebelumnya",
    border=True,
)
if w["jenis"] == "provinsi":
    k3.metric(
        "Peringkat", "–", help="Provinsi diperingkat di antara provinsi, bukan di antara kab/kotanya", border=True
    )
elif not lengkap:
    k3.metric(
        "Peringkat SID (tanpa SPD)",
        str(w["peringkat_sid_saja"]),
        help="Di antara kab/kota yang SPD-nya belum diisi, menurut SID; tidak di antara yang lengkap.",
        border=True,
    )
else:
    k3.metric(
        f"Peringkat dari {data.jumlah_sejawat(kode)} kab/kota",
        str(w["peringkat"]),
        delta=angka_bertanda(w["perubahan_peringkat"], 0, minus="-") if pd.notna(w["perubahan_peringkat"]) else None,
        help=hasil.teks_peringkat(kode, hasil_tahun.reset_index()).capitalize() + ".",
        border=True,
    )
k4.metric("Inovasi dihitung", bilangan(w["n_inovasi"]), help=f"Pembagi SID = MAX({m.pembagi_minimum}, n)", border=True)
k5.metric("Skor SPD", angka(w["skor_spd"]), help=f"Maksimum {angka(m.maks_spd, 0)}", border=True)
k6.metric(
    "Skor SID",
    angka(w["skor_sid"]),
    help=f"Maksimum {angka(m.maks_sid_per_inovasi + m.maks_jumlah, 0)} ({angka(m.maks_sid_per_inovasi, 0)} kematangan + {angka(m.maks_jumlah, 0)} jumlah inovasi)",
    border=True,
)
if pd.notna(w["nilai_resmi"]):
    st.caption(
        f"Nilai resmi {tahun}: **{angka(w['nilai_resmi'])}** ({tanpa_markdown(w['status_resmi'])}, keyakinan "
        f"{tanpa_markdown(w['keyakinan_resmi'])}; selisih hitungan {angka_bertanda(w['selisih_resmi'])}) — "
        + tautan(w["sumber_resmi"])
    )
elif pd.notna(w["predikat_resmi"]):
    st.caption(f"Predikat resmi {tahun}: **{tanpa_markdown(w['predikat_resmi'])}** — " + tautan(w["sumber_resmi"]))

if lengkap:  # without SPD there is no band to climb (said above)
    berikut = m.predikat_berikutnya(float(w["iid"]))
    di_atas = m.di_atas_batas(float(w["iid"]))
    if berikut is None:
        st.success(
            f"Sudah di pita tertinggi ({w['predikat']}); {angka(di_atas)} poin IID di atas batas bawahnya "
            f"menurut aturan {m.versi}."
        )
    else:
        st.info(
            f"Butuh **{angka(berikut.jarak)} poin IID** lagi untuk naik ke **{berikut.nama}** menurut aturan "
            f"{m.versi}"
            + (f"; saat ini {angka(di_atas)} poin di atas batas bawah {w['predikat']}." if di_atas else ".")
        )
if w["jenis"] != "provinsi":
    # The region among its province's kab/kota, whom its rank is among: nationally not a map of 514.
    tampilkan_peta(
        hasil.se_provinsi(data.peringkat_kabkota_berlokasi(tahun, basis), kode, provinsi=False),
        f"{pendek} di antara {data.jumlah_sejawat(kode)} kab/kota, IID {tahun}",
        label,
        f"peta-{pendek}-{tahun}-{basis}",
        "peta",
        sorot=kode,
        klik=False,
    )
if w["n_inovasi"] < w["pembagi"]:
    st.warning(
        f"Baru {bilangan(w['n_inovasi'])} inovasi yang dihitung, sehingga kematangan dibagi {w['pembagi']} "
        f"(MAX({m.pembagi_minimum}, n)): setiap inovasi lengkap tambahan menaikkan skor SID."
    )

st.subheader("Kekuatan dan kelemahan")
rincian = data.rincian_indikator(tahun, basis)
kk = olahan(hasil.kekuatan_kelemahan, rincian, kode, sidik=(tahun, basis, kode))
st.caption(
    f"Dibanding median kab/kota (yang punya level) pada indikator yang sama; 'jauh' = selisih level ≥ {angka(hasil.AMBANG_JAUH, 1)} "
    "(level SPD, atau rata-rata level SID pada inovasi yang dinilai). Diurutkan menurut selisih poin IID."
)
# An indicator without a level is not a weakness: SPD not entered, or SID known only as the portal's kematangan.
tanpa_level = kk.loc[kk["level_rata"].isna(), "aspek"].value_counts()
if tanpa_level.get("SPD", 0):
    st.info(
        f"SPD belum diisi: {bilangan(tanpa_level['SPD'])} indikator SPD tidak dibandingkan (bukan kelemahan). "
        f"Isi SPD di {halaman('spd').tempat}."
    )
if tanpa_level.get("SID", 0):
    st.info(
        f"SID dari kematangan ekspor portal: level {bilangan(tanpa_level['SID'])} indikator SID belum diketahui, jadi "
        f"tidak dibandingkan. Isi lembar indikator inovasinya di {halaman('lembar').tempat}."
    )
tabel_kk = pd.DataFrame(
    {
        "Kode": kk["kode_indikator"],
        "Indikator": kk["nama_indikator"],
        "Level": kk["level_rata"],
        "Median kab/kota": kk["level_median"],
        "Selisih level": kk["selisih_level"],
        "Selisih poin IID": kk["selisih_poin"],
        "Posisi": kk["posisi"],
    }
)
format_kk = {
    "Level": angka,
    "Median kab/kota": angka,
    "Selisih level": angka_bertanda,
    "Selisih poin IID": angka_bertanda,
}
for judul, posisi, urut, kosong in (
    ("Kekuatan: jauh di atas median", "kekuatan", 1, "Tidak ada indikator yang jauh di atas median."),
    ("Kelemahan: jauh di bawah median", "kelemahan", -1, "Tidak ada indikator yang jauh di bawah median."),
):
    st.markdown(f"**{judul}**")
    bagian = tabel_kk[tabel_kk["Posisi"] == posisi].drop(columns="Posisi").iloc[::urut]
    if bagian.empty:
        st.caption(kosong)
    else:
        tampilkan_tabel(
            bagian, f"{posisi}-{pendek}-{tahun}-{basis}", f"tabel_{posisi}", format_kk, catatan, baris_maks=10
        )
if kk["level_rata"].notna().any():
    fig = figur(
        charts.batang_selisih_median,
        kk[kk["level_rata"].notna()],
        f"{pendek}: level tiap indikator dibanding median kab/kota, {tahun}",
        catatan=label,
    )
    tampilkan_grafik(fig, f"selisih-median-{pendek}-{tahun}-{basis}", "median")

st.subheader("Inovasi")
tab_opd, tab_tahapan, tab_urusan = st.tabs(["Per perangkat daerah", "Per tahapan", "Per urusan"])
for tab, kolom, kategori in (
    (tab_opd, "nama_perangkat_daerah", "perangkat daerah"),
    (tab_tahapan, "tahapan", "tahapan"),
    (tab_urusan, "urusan_utama", "urusan utama"),
):
    with tab:
        jumlah = data.jumlah_inovasi(tahun, [kode], kolom).drop(columns="kode_wilayah")
        # Perangkat daerah are unbounded (~300 accounts in a Pemprov): the largest and smallest few, the rest in the table.
        tepi = charts.TEPI if kolom == "nama_perangkat_daerah" else None
        fig = figur(
            charts.batang_jumlah,
            jumlah,
            kolom,
            f"Inovasi {pendek} menurut {kategori}, {tahun}",
            catatan=label,
            tepi=tepi,
        )
        tampilkan_grafik(fig, f"inovasi-{kategori}-{pendek}-{tahun}", f"jumlah_{kolom}")
        tampilkan_tabel(
            jumlah.rename(columns={kolom: kategori.capitalize(), "jumlah": "Inovasi"}),
            f"inovasi-{kategori}-{pendek}-{tahun}",
            f"tabel_{kolom}",
            catatan=catatan,
        )
        st.caption(
            "Inovasi berstatus dikirim, diterima, atau ditolak; draf tidak dihitung. Pemda yang belum menandai "
            "apa pun: setiap inovasi yang memenuhi aturan usia, seperti IID-nya dihitung."
        )

aturan_yandas = data.aturan_yandas(tahun)
syarat, versi_syarat = aturan_yandas.syarat_yandas, aturan_yandas.versi
st.subheader(f"Cakupan {len(syarat.urusan)} urusan wajib pelayanan dasar")
cakupan = data.cakupan_yandas(tahun, basis, kode)
tercakup = int(cakupan["tercakup"].sum())
pesan = (
    f"{tercakup} dari {len(cakupan)} urusan tercakup. Aturan {versi_syarat} mensyaratkan minimal "
    f"{syarat.minimum_urusan} agar skor jumlah inovasi dihitung (keyakinan: {syarat.asal.keyakinan})"
)
if m.syarat_yandas is None:
    pesan += f"; aturan {m.versi} yang berlaku tahun {tahun} belum memuat syarat ini."
(st.success if tercakup >= syarat.minimum_urusan else st.warning)(pesan)
tampilkan_tabel(
    cakupan.rename(columns={"urusan": "Urusan", "jumlah": "Inovasi", "tercakup": "Tercakup"}),
    f"cakupan-yandas-{pendek}-{tahun}",
    "tabel_yandas",
    format_kolom={"Tercakup": lambda v: "✅ ya" if v else "❌ belum"},
    catatan=catatan,
)
