"""Ringkasan: the headline numbers of one year, the map of the kab/kota by predikat, and the band counts."""

import pandas as pd
import streamlit as st

from dasbor.lingkup import lingkup
from dasbor.ui import data, navigasi, sumber
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur
from dasbor.ui.peta import tampilkan_peta
from dasbor.ui.unduh import tampilkan_grafik
from dasbor.visual import charts
from dasbor.visual.format import angka, angka_bertanda, bilangan, tanpa_markdown, tautan

wajib_masuk()

st.title(f"Indeks Inovasi Daerah — {lingkup().nama}")
tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
sumber.banner_sintetis(tahun)
catatan = sumber.catatan_skor(tahun, basis)
label = sumber.label_grafik(tahun, basis)

r = data.ringkasan(tahun, basis)
prov = r.provinsi
tren_prov = data.tren(basis)
tren_prov = tren_prov[tren_prov["kode_wilayah"] == prov.get("kode_wilayah")].sort_values("tahun")
# With several provinces in the database (the whole country) the card shows the province with the highest IID.
satu_provinsi = data.daftar_wilayah()["jenis"].eq("provinsi").sum() <= 1

# One swipeable row on a phone (ui/layar.py), so the map still starts on the first screen.
k1, k2, k3, k4, k5 = st.container(key="kpi").columns(5)
k1.metric(
    "IID Provinsi" if satu_provinsi else "IID provinsi tertinggi",
    angka(prov["iid"]),
    delta=angka_bertanda(prov["perubahan_iid"], minus="-") if pd.notna(prov["iid_lalu"]) else None,
    help="Dihitung dasbor; perubahan terhadap tahun sebelumnya (masing-masing dengan aturan tahunnya). "
    "Provinsi diperingkat di antara provinsi, bukan di antara kab/kotanya.",
    border=True,
)
k1.markdown(
    f"Predikat **{prov['predikat']}**" + ("" if satu_provinsi else f" · {tanpa_markdown(prov['nama_wilayah'])}")
)
# The trend as text, not as st.metric's sparkline: that is a picture without a name for a screen reader (axe-core
# flags its svg), and the numbers say the same.
if not tren_prov.empty:
    k1.caption(
        "Tren IID: " + " · ".join(f"{t} {angka(v)}" for t, v in zip(tren_prov["tahun"], tren_prov["iid"], strict=True))
    )
if pd.notna(prov["nilai_resmi"]):
    k1.caption(
        f"Nilai resmi {angka(prov['nilai_resmi'])} ({tanpa_markdown(prov['status_resmi'])}) — "
        + tautan(prov["sumber_resmi"])
    )
k2.metric(
    "Inovasi dilaporkan",
    bilangan(r.n_inovasi),
    help=f"Inovasi {data.cakupan_pemda()} berstatus dikirim, diterima, atau ditolak (draf tidak dihitung).",
    border=True,
)
teratas = next(iter(r.per_predikat))
k3.metric(
    teratas,
    f"{r.per_predikat[teratas]} dari {sum(r.per_predikat.values())}",
    help="Kab/kota dengan predikat ini, menurut ambang aturan tahun ini",
    border=True,
)
k3.caption(" · ".join(f"{n} {p}" for p, n in list(r.per_predikat.items())[1:] if n) or "yang lain: –")
k4.metric(
    "Tertinggi (kab/kota)",
    angka(r.terbaik["iid"]),
    help=f"IID tertinggi di antara {data.jumlah_kabkota()} kab/kota",
    border=True,
)
k4.markdown(
    f"**{tanpa_markdown(r.terbaik['nama_wilayah'])}** · terendah: {tanpa_markdown(r.terlemah['nama_wilayah'])} "
    f"({angka(r.terlemah['iid'])})"
)
if r.penggerak is None:
    k5.metric("Kenaikan terbesar", "–", help="Tahun pertama dalam data: belum ada pembanding", border=True)
else:
    k5.metric(
        "Kenaikan terbesar",
        angka_bertanda(r.penggerak["perubahan_iid"]),
        help=f"Selisih IID kab/kota {tahun} terhadap tahun sebelumnya, tiap tahun dengan aturannya sendiri",
        border=True,
    )
    k5.markdown(
        f"**{tanpa_markdown(r.penggerak['nama_wilayah'])}**: {angka(r.penggerak['iid_lalu'])} → "
        f"{angka(r.penggerak['iid'])}"
    )

kabkota = data.peringkat_kabkota_berlokasi(tahun, basis)
kiri, kanan = st.columns([3, 2])
with kiri:
    klik = tampilkan_peta(
        kabkota, f"Predikat {len(kabkota)} kab/kota, IID {tahun}", label, f"peta-predikat-{tahun}-{basis}", "peta"
    )
with kanan:
    fig = figur(
        charts.distribusi_predikat, r.per_predikat, f"Sebaran predikat kab/kota {tahun}", catatan=label, lebar=55
    )
    tampilkan_grafik(fig, f"sebaran-predikat-{tahun}-{basis}", "sebaran")
    st.caption("Klik sebuah wilayah pada peta untuk membuka profilnya. Ambang predikat mengikuti aturan tahun ini.")

st.caption(f"Ringkasan tahun penilaian {tahun} · {tanpa_markdown(catatan)}")
navigasi.buka_profil(navigasi.kode_dari_grafik(klik))
