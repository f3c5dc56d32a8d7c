"""Metodologi: each rule version's formula, indicators, weights, levels and bands, with the source and keyakinan
of every value, and what changed between versions."""

import pandas as pd
import streamlit as st

from dasbor.services import metodologi as mt
from dasbor.ui import data
from dasbor.ui import filter as saringan
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur, olahan
from dasbor.ui.unduh import tampilkan_grafik, tampilkan_tabel
from dasbor.visual import charts
from dasbor.visual.format import angka, tanpa_markdown

wajib_masuk()

tahun = saringan.pilih_tahun()
versi_semua = list(mt.daftar_versi())
versi_bawaan = data.metodologi(tahun).versi
st.title("Metodologi Indeks Inovasi Daerah")
st.caption(
    "Aturan penilaian sebagai data: satu berkas per versi (scoring/metodologi/*.toml) yang memakai satu katalog "
    "indikator bersama (scoring/metodologi/katalog/). Setiap nilai membawa "
    "sumber dan tingkat keyakinannya; hanya sebagian yang terkonfirmasi dari dokumen resmi."
)
with st.expander("Arti tingkat keyakinan", expanded=False):
    st.table(
        pd.DataFrame({"Keyakinan": list(mt.KETERANGAN_KEYAKINAN), "Artinya": list(mt.KETERANGAN_KEYAKINAN.values())})
    )

versi = st.selectbox(
    "Versi aturan",
    versi_semua,
    index=versi_semua.index(versi_bawaan) if versi_bawaan in versi_semua else len(versi_semua) - 1,
    key="aturan",
    bind="query-params",
    format_func=lambda v: f"Aturan {v}" + (f" (berlaku tahun {tahun})" if v == versi_bawaan else ""),
)
m = mt.load(versi)
st.header(tanpa_markdown(m.nama))
st.markdown(f"**Dasar hukum:** {tanpa_markdown(m.dasar_hukum)}")

st.subheader("Berlaku untuk tahun penilaian")
tampilkan_tabel(
    mt.tabel_berlaku(m).rename(columns=str.capitalize),
    f"metodologi-{versi}-berlaku",
    "berlaku",
    column_config={"Tahun": st.column_config.NumberColumn(format="%d")},
)

st.subheader("Rumus dan aturan hitung")
st.markdown(f"> {tanpa_markdown(m.rumus)}")
tampilkan_tabel(mt.unsur_aturan(m).rename(columns=str.capitalize), f"metodologi-{versi}-aturan", "aturan_hitung")

st.subheader("Predikat")
predikat = m.pita()[["predikat", "bawah", "atas_inklusif", "keyakinan", "catatan", "sumber"]]
tampilkan_tabel(
    predikat.rename(columns={"bawah": "Dari", "atas_inklusif": "Sampai"}).rename(columns=str.capitalize),
    f"metodologi-{versi}-predikat",
    "predikat",
    format_kolom={"Dari": angka, "Sampai": angka},
)
st.caption(f"IID 0 (tidak melapor, atau tidak ada yang dapat diverifikasi): {tanpa_markdown(m.predikat_nol)}.")

st.subheader("Indikator, bobot, level, dan bukti dukung")
indikator = m.katalog()
aspek = st.radio(
    "Aspek",
    ["SPD", "SID"],
    horizontal=True,
    key="aspek",
    format_func=lambda a: {"SPD": "SPD (indikator 1–15, per pemda)", "SID": "SID (indikator 16–35, per inovasi)"}[a],
)
pilihan = indikator[indikator["aspek"] == aspek]
st.caption(
    f"{len(pilihan)} baris skor, bobot total {angka(pilihan['bobot'].sum())}, skor maksimum "
    f"{angka(pilihan['skor_maks'].sum())}. Skor = bobot × level (1, 2, atau 3); 0 bila kosong atau tanpa bukti."
)
tampilkan_tabel(
    pilihan.rename(
        columns={
            "kode_indikator": "Kode",
            "aspek": "Aspek",
            "variabel": "Variabel",
            "nama_indikator": "Indikator",
            "bobot": "Bobot",
            "skor_maks": "Skor maks",
            "wajib": "Wajib",
            "level_1": "Level 1",
            "level_2": "Level 2",
            "level_3": "Level 3",
            "bukti_1": "Bukti level 1",
            "bukti_2": "Bukti level 2",
            "bukti_3": "Bukti level 3",
            "keyakinan": "Keyakinan",
            "catatan": "Catatan",
            "sumber": "Sumber",
        }
    ),
    f"metodologi-{versi}-indikator-{aspek}",
    "indikator",
    format_kolom={"Bobot": angka, "Skor maks": angka},
)

st.header("Perubahan antarversi")
fig = figur(charts.pita_versi, olahan(mt.pita_semua_versi), "Ambang predikat setiap versi aturan")
tampilkan_grafik(fig, "ambang-predikat-semua-versi", "pita_versi")
for lama, baru in zip(versi_semua, versi_semua[1:], strict=False):
    ubah = olahan(mt.perubahan_versi, mt.load(lama), mt.load(baru), sidik=(lama, baru))
    st.markdown(f"**Aturan {lama} → {baru}**: {len(ubah)} perubahan")
    if not ubah.empty:
        # Rule values of mixed kinds (numbers, text, yes/no) shown as text, numbers the Indonesian way.
        sebagai_teks = {
            k: ubah[k].map(lambda v: angka(v) if isinstance(v, float) else str(v)) for k in ("sebelum", "sesudah")
        }
        tampilkan_tabel(
            ubah.assign(**sebagai_teks).rename(columns=str.capitalize),
            f"perubahan-aturan-{lama}-{baru}",
            f"ubah_{lama}_{baru}",
        )
