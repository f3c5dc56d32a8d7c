"""Tren: IID per year for chosen regions (HSS and Tabalong by default), published values beside the lines,
each year's bands shaded, and the option to score every year under one rule so the trend compares like with like."""

import pandas as pd
import streamlit as st

from dasbor.services import hasil
from dasbor.ui import data, sumber
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur, olahan
from dasbor.ui.unduh import tampilkan_grafik, tampilkan_tabel
from dasbor.visual import charts
from dasbor.visual.format import angka, angka_bertanda, bilangan, nama_pendek, persen, tanpa_markdown

wajib_masuk()


tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
pilihan = saringan.pilih_banyak_wilayah("Wilayah", "wilayah_tren", data.pembanding_bawaan())
versi = saringan.pilih_versi()
st.title("Tren IID")
semua_tahun = data.daftar_tahun()
sumber.banner_sintetis(*semua_tahun)
if not pilihan:
    st.info("Pilih satu wilayah atau lebih pada bilah samping untuk melihat trennya.")
    st.stop()

catatan = sumber.catatan_tren(basis, versi)
label = sumber.label_grafik_tren(basis, versi)
if versi:
    st.caption(
        f"Semua tahun dinilai ulang dengan aturan {versi}: ambang predikat dan rumus sama untuk setiap tahun, "
        "sehingga naik-turunnya garis membandingkan yang setara. Nilai resmi tetap nilai yang dipublikasikan."
    )
else:
    pita = data.pita_tren()
    versi_tahun = pita.drop_duplicates("tahun").set_index("tahun")["versi"]
    ganti = [f"{a}→{b}" for a, b in zip(semua_tahun, semua_tahun[1:], strict=False) if versi_tahun[a] != versi_tahun[b]]
    if ganti:
        st.info(
            f"Tiap tahun dinilai dengan aturannya sendiri, dan aturan berganti pada {', '.join(ganti)} (garis "
            "titik-titik). Untuk membandingkan yang setara, pilih satu aturan untuk semua tahun di bilah samping."
        )

tren = data.tren(basis, versi)
urutan = {k: i for i, k in enumerate(pilihan)}
tren = tren[tren["kode_wilayah"].isin(pilihan)].assign(urut=lambda d: d["kode_wilayah"].map(urutan))
tren = tren.sort_values(["urut", "tahun"])
resmi = data.hasil_resmi()
resmi = resmi[resmi["kode_wilayah"].isin(pilihan)]
nama = ", ".join(nama_pendek(n) for n in tren.drop_duplicates("kode_wilayah")["nama_wilayah"])
judul = f"IID {nama} per tahun" + (f" (semua tahun dengan aturan {versi})" if versi else "")
fig = figur(
    charts.garis_tren,
    tren,
    resmi.dropna(subset=["nilai_iid"]),
    data.pita_tren(versi),
    judul,
    tahun_fokus=tahun,
    nasional=data.rata_rata_iid(),
    catatan=label,
)
tampilkan_grafik(fig, f"tren-iid-{nama}-{basis}-{versi or 'per-tahun'}", "tren")
st.caption(
    "Garis = IID hitungan dasbor; belah ketupat = nilai resmi yang dipublikasikan (arahkan kursor untuk sumbernya); "
    "latar berwarna = pita predikat tiap tahun; bingkai = tahun yang dipilih; garis ungu putus-putus = rata-rata IID "
    "nasional yang dipublikasikan (sumber pada kursor)."
)

st.subheader("Perubahan per tahun dan pertumbuhan rata-rata")
tumbuh = olahan(hasil.pertumbuhan, tren)
kolom_delta = [k for k in tumbuh.columns if k.startswith("Δ ")]
tabel = tumbuh.rename(
    columns={
        "nama_wilayah": "Wilayah",
        "rata_rata_perubahan": "Rata-rata perubahan (poin/tahun)",
        "pertumbuhan_tahunan": "Pertumbuhan rata-rata (%/tahun)",
    }
).drop(columns="kode_wilayah")
iid_fokus = tren[tren["tahun"] == tahun].set_index("nama_wilayah")["iid"]
tabel.insert(1, f"IID {tahun}", tabel["Wilayah"].map(iid_fokus))
tampilkan_tabel(
    tabel,
    f"pertumbuhan-iid-{nama}-{basis}-{versi or 'per-tahun'}",
    "tabel_tumbuh",
    format_kolom={
        f"IID {tahun}": angka,
        **dict.fromkeys(kolom_delta, angka_bertanda),
        "Rata-rata perubahan (poin/tahun)": angka_bertanda,
        "Pertumbuhan rata-rata (%/tahun)": persen,
    },
    catatan=catatan,
)
st.caption(
    "Pertumbuhan rata-rata = (IID tahun terakhir ÷ IID tahun pertama)^(1 ÷ jumlah tahun) − 1. "
    + ("" if versi else "Tanpa satu aturan, angka ini ikut memuat efek pergantian aturan.")
)

st.subheader("Nilai resmi yang dipublikasikan")
if resmi.empty:
    st.caption("Belum ada nilai resmi yang ditemukan untuk wilayah terpilih.")
else:
    tabel_resmi = pd.DataFrame(
        {
            "Tahun": resmi["tahun"],
            "Wilayah": resmi["nama_wilayah"],
            "IID resmi": resmi["nilai_iid"],
            "Predikat": resmi["predikat"],
            "Peringkat": resmi["peringkat"],
            "Lingkup peringkat": resmi["lingkup_peringkat"],
            "Status": resmi["status"],
            "Keyakinan": resmi["keyakinan"],
            "Keterangan": resmi["catatan"],
            "Sumber": resmi["sumber"],
        }
    ).sort_values(["Wilayah", "Tahun"])
    tampilkan_tabel(
        tabel_resmi,
        f"nilai-resmi-{nama}",
        "tabel_resmi",
        format_kolom={"IID resmi": angka, "Peringkat": bilangan},
        catatan="Nilai resmi dari pemberitaan dan situs pemerintah; lihat kolom Sumber dan Keyakinan.",
        column_config={"Tahun": st.column_config.NumberColumn(format="%d"), "Sumber": st.column_config.LinkColumn()},
    )
st.caption(tanpa_markdown(catatan))
