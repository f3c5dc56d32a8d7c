"""Presentasi: the bimtek deck on the projector, built from the current filters, and its files to hand out."""

from datetime import date

import streamlit as st

from dasbor.bimtek.ekspor import FORMAT, MIME, nama_berkas
from dasbor.bimtek.model import Acara, PilihanDeck
from dasbor.bimtek.susun import BimtekError, acara_bawaan, pilihan_slide, urutan_bawaan
from dasbor.lingkup import lingkup_wilayah, provinsi_dari
from dasbor.ui import data
from dasbor.ui import filter as saringan
from dasbor.ui import presentasi as tampil
from dasbor.ui.akun import wajib_masuk

wajib_masuk()

tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
aktif = tampil.presentasi_aktif()
tampil.pasang_gaya(aktif)

# Hidden, not removed, in presentation mode: widgets that are not drawn lose their values.
with st.container(key="persiapan"):
    st.title("Presentasi bimtek", anchor=False)
    st.caption(
        "Slide disusun dari data terkini dengan filter tahun dan basis di samping. Saat presentasi: → atau PageDown "
        "maju, ← atau PageUp mundur, Esc keluar; F11 membuat browser layar penuh."
    )
    pembanding = data.pembanding_bawaan()
    provinsi, wilayah = tampil.pilih_provinsi(data.daftar_wilayah(), provinsi_dari(pembanding[0]))
    nama_wilayah = dict(zip(wilayah["kode_wilayah"], wilayah["nama_wilayah"], strict=True))
    daerah = lingkup_wilayah(nama_wilayah)
    bawaan = acara_bawaan(daerah)
    with st.expander("Persiapan: acara, wilayah, dan urutan slide"):
        kolom = st.columns([3, 2, 1.4])
        nama = kolom[0].text_input("Nama acara", value=bawaan.nama, max_chars=120, key="acara_nama")
        tempat = kolom[1].text_input("Tempat", value=bawaan.tempat, max_chars=120, key=tampil.KUNCI_TEMPAT)
        tanggal = kolom[2].date_input("Tanggal", value=bawaan.tanggal, format="DD/MM/YYYY", key="acara_tanggal")
        wilayah_tren = st.multiselect(
            "Wilayah pada slide tren",
            list(nama_wilayah),
            default=[k for k in pembanding if k in nama_wilayah] or list(daerah.pembanding),
            format_func=nama_wilayah.__getitem__,
            key=tampil.KUNCI_TREN,
        )
        urutan = tampil.atur_urutan(pilihan_slide(wilayah), urutan_bawaan(wilayah))

    if not urutan:
        st.info("Pilih sedikitnya satu slide pada bagian Persiapan.")
        st.stop()
    acara = Acara(nama, tempat, tanggal or date.today())
    pilihan = PilihanDeck(tahun, basis, tuple(wilayah_tren), tuple(urutan), acara, provinsi)
    try:
        deck = data.deck(pilihan)
    except BimtekError as exc:
        st.error(str(exc))
        st.stop()

    with st.container(horizontal=True, vertical_alignment="center"):
        if st.button("Siapkan berkas PPTX, PDF dan Excel", key="siapkan_berkas"):
            st.session_state["berkas_siap"] = pilihan
        if st.session_state.get("berkas_siap") == pilihan:
            berkas = data.berkas_deck(pilihan)
            for format_ in FORMAT:
                st.download_button(
                    f"Unduh {format_.upper()}",
                    berkas[format_],
                    file_name=nama_berkas(deck, format_),
                    mime=MIME[format_],
                    on_click="ignore",
                    key=f"unduh_{format_}",
                )
        elif "berkas_siap" in st.session_state:
            st.caption("Pengaturan berubah sejak berkas terakhir disiapkan; siapkan lagi.")

nomor = tampil.nomor_slide(len(deck.slides))
tampil.tampilkan_slide(deck, nomor)
tampil.navigasi(nomor, len(deck.slides))
if not aktif:
    with st.expander("Catatan pembicara (angka dan sumbernya)"):
        st.dataframe(tampil.tabel_catatan(deck.slides[nomor - 1]), hide_index=True)
