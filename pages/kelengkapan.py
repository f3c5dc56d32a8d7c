from datetime import date

import pandas as pd
import streamlit as st

from dasbor.halaman import halaman
from dasbor.services import asal as asal_data
from dasbor.services import daftar_kerja, lintas_tahun
from dasbor.services import kelengkapan as layanan
from dasbor.services import skor as skor_tahun
from dasbor.services import telusur_celah as telusur
from dasbor.services.hasil import se_provinsi
from dasbor.ui import data, drill, sumber, unduh
from dasbor.ui import filter as saringan
from dasbor.ui import kelengkapan_tabel as tabel
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur, olahan
from dasbor.visual import kelengkapan_charts as grafik
from dasbor.visual.format import angka, bilangan, nama_pendek, tanpa_markdown

wajib_masuk()
GRAFIK_PD, GRAFIK_PD_BAWAH = 15, 5  # bars per perangkat daerah: the largest and the smallest; the rest in the table
# Rows of the worklist drawn on the page, the largest worth first; the downloads and the workbook hold every gap.
BARIS_DAFTAR = 100

st.title("Kelengkapan bukti dukung")
tahun = saringan.pilih_tahun()
# A click on the matrix picks the wilayah, so it is read before the wilayah widget is drawn.
klik = drill.titik(drill.pilihan_baru(f"matriks_{tahun}"))
if klik:
    st.session_state["wilayah"] = klik[0]
    st.session_state["_kelengkapan_wilayah"] = klik[0]
    drill.atur(perangkat_daerah=None, inovasi=None, indikator=klik[1])
wilayah = saringan.pilih_wilayah()
if st.session_state.get("_kelengkapan_wilayah") not in (None, wilayah):
    # Another wilayah was picked in the sidebar: the deeper levels belonged to the previous one.
    drill.atur(perangkat_daerah=None, inovasi=None, indikator=None)
st.session_state["_kelengkapan_wilayah"] = wilayah
kel = data.kelengkapan(tahun, wilayah)
sumber.banner_sintetis(tahun)
st.caption(
    f"{kel.aturan}. Nilai perbaikan = selisih IID (poin, sebelum pembulatan) wilayah itu bila hanya celah itu "
    "yang diperbaiki, dihitung oleh modul skor bersama: pembagi MAX(k, n), skor jumlah inovasi dan syarat yandas "
    "aturan tahun ini ikut diperhitungkan."
)
arti = st.expander(
    "Apa arti «memperbaiki» setiap jenis celah, dan apa yang dikerjakan di portal?", key="arti_celah", on_change="rerun"
)
if arti.open:  # drawn when opened: most visits never open it
    with arti:
        st.table(tabel.arti_celah())

katalog = data.katalog_indikator(kel.versi).set_index("kode_indikator")
nama_wilayah = kel.skor.set_index("kode_wilayah")["nama_wilayah"]
# Where the numbers of a downloaded table come from (its Excel 'Keterangan' sheet and the footer of a print).
asal = f"Kelengkapan {tahun}, {nama_wilayah[wilayah]}: {kel.aturan}" + (
    "; data inovasi SINTETIS (demo)"
    if olahan(
        asal_data.wilayah_sintetis,
        kel.data.inovasi,
        wilayah,
        bool(kel.keterangan_sintetis),
        sidik=(tahun, kel.provinsi, wilayah),
    )
    else ""
)

st.subheader("Matriks celah: wilayah × indikator")
kiri, kanan = st.columns([1, 3])
nilai = kiri.radio(
    "Tampilkan",
    ["poin", "jumlah"],
    format_func={"poin": "Poin IID yang hilang", "jumlah": "Jumlah celah"}.get,
    key="matriks_nilai",
    horizontal=True,
)
jenis = kanan.multiselect(
    "Jenis celah",
    list(layanan.JENIS_MATRIKS),
    default=list(layanan.JENIS_MATRIKS),
    format_func=layanan.JENIS_CELAH.get,
    key="matriks_jenis",
)
with st.container(key="gulir_matriks"):
    unduh.plotly_chart(
        figur(
            grafik.matriks_celah,
            olahan(telusur.matriks_celah, kel.celah, tuple(jenis), sidik=(tahun, kel.provinsi, tuple(jenis))),
            # the province of the region in focus (every region in a province's deployment)
            se_provinsi(kel.skor, wilayah).sort_values("kode_wilayah")[["kode_wilayah", "nama_wilayah"]],
            [(aspek, kode, nama) for kode, aspek, nama in katalog[["aspek", "nama_indikator"]].itertuples(name=None)],
            nilai,
            wilayah,
            sidik=(tahun, tuple(jenis), nilai, wilayah),
        ),
        nama=f"matriks-celah-{tahun}-{nilai}",
        key=f"matriks_{tahun}",
        on_select="rerun",
        selection_mode="points",
        config={"displayModeBar": False},
    )
st.caption("Klik sebuah sel untuk membuka rincian wilayah itu pada indikator itu. Sel kosong: tidak ada celah.")
lintas = olahan(lintas_tahun.ringkasan_wilayah, kel.celah, sidik=(tahun, kel.provinsi))
if not lintas.empty:
    st.caption(
        f"Cek ulang lintas tahun: {bilangan(lintas['belum_diinput_ulang'].sum())} inovasi {tahun - 1} belum diinput "
        f"ulang dan {bilangan(lintas['belum_diperbarui'].sum())} diinput ulang tanpa pembaruan di {kel.cakupan}; "
        "rinciannya di tab «Lintas tahun» dan di daftar kerja."
    )

# --- drill-down: wilayah → perangkat daerah → inovasi → indikator, every level a URL parameter ----------------
celah_wilayah = olahan(telusur.celah_wilayah, kel, wilayah, sidik=(tahun, kel.provinsi, wilayah))
indikator = drill.parameter("indikator", katalog.index, "Indikator")
celah = olahan(telusur.celah_wilayah, kel, wilayah, indikator, sidik=(tahun, kel.provinsi, wilayah, indikator))
ringkas = olahan(daftar_kerja.ringkasan_perangkat_daerah, celah, sidik=(tahun, wilayah, indikator))
komitmen = kel.komitmen[kel.komitmen["kode_wilayah"] == wilayah]
nama_pd = {
    **dict(zip(celah_wilayah["id_perangkat_daerah"], celah_wilayah["nama_perangkat_daerah"], strict=True)),
    **dict(zip(komitmen["id_perangkat_daerah"], komitmen["nama_perangkat_daerah"], strict=True)),
}
perangkat = drill.parameter("perangkat_daerah", nama_pd, "Perangkat daerah")
inovasi_wilayah = kel.inovasi[kel.inovasi["kode_wilayah"] == wilayah].set_index("id_inovasi")
milik_pd = inovasi_wilayah["id_perangkat_daerah"].fillna(layanan.PD_TANPA) == perangkat
inovasi = drill.parameter("inovasi", set(inovasi_wilayah.index[milik_pd]), "Inovasi")


def turun(**nilai: str | None) -> None:
    drill.atur(**nilai)
    st.rerun()


def pilih_tabel(frame: pd.DataFrame, kunci: str) -> None:
    tabel.tampilkan(
        frame,
        catatan=asal,
        nama=f"kelengkapan-{kunci}",
        key=kunci,
        on_select="rerun",
        selection_mode="single-row",
    )


def detail_indikator(kode: str, baris: pd.DataFrame) -> None:
    """The rubric of one indicator in this year's rule version, next to the answer's gap."""
    rubrik = katalog.loc[kode]
    st.markdown(
        f"**Indikator {kode}: {rubrik['nama_indikator']}** — bobot {angka(rubrik['bobot'])}, "
        f"{'wajib' if rubrik['wajib'] else 'tidak wajib'}; katalog aturan {kel.versi} (keyakinan {rubrik['keyakinan']})"
    )
    unduh.table(tabel.rubrik(rubrik), nama=f"rubrik-indikator-{kode}-{kel.versi}", key=f"rubrik_{kode}", catatan=asal)
    if baris.empty:
        st.success("Tidak ada celah pada indikator ini.")
    for b in baris.itertuples():
        st.warning(
            f"{layanan.JENIS_CELAH[b.jenis_celah]}: {b.yang_kurang}. {b.perbaikan} "
            f"Nilai perbaikan: {angka(b.nilai_perbaikan, 3)} poin IID."
        )
        if isinstance(b.catatan_verifikasi, str) and b.catatan_verifikasi:
            st.caption(f"Catatan verifikator: {tanpa_markdown(b.catatan_verifikasi)}")


st.subheader(f"Rincian: {nama_wilayah[wilayah]}")
posisi = [nama_pendek(nama_wilayah[wilayah])]
posisi += [nama_pd[perangkat]] if perangkat else []
posisi += [inovasi_wilayah.at[inovasi, "nama_inovasi"]] if inovasi else []
posisi += [f"indikator {indikator}"] if indikator else []
st.markdown("**Posisi:** " + " › ".join(tanpa_markdown(p) for p in posisi))
naik = st.columns(4)
if perangkat and naik[0].button("↑ Semua perangkat daerah", key="naik_wilayah"):
    turun(perangkat_daerah=None, inovasi=None)
if inovasi and naik[1].button("↑ Semua inovasi perangkat daerah ini", key="naik_pd"):
    turun(inovasi=None, indikator=None)
if indikator and naik[2].button(
    "↑ Semua indikator inovasi ini" if inovasi else "Hapus filter indikator", key="naik_indikator"
):
    turun(indikator=None)
drill.tombol_tautan(
    "Tautan ke tampilan ini", "Salin dan kirim ke perangkat daerah yang bertanggung jawab:", {"tahun": tahun}
)

# The headline is the region-year's one IID (services.skor.nilai_wilayah), the number every other page shows.
skor_wilayah = data.skor_tahun(tahun, "terverifikasi").set_index("kode_wilayah").loc[wilayah]
dasar = skor_tahun.dasar_teks(skor_wilayah)
m1, m2, m3, m4 = st.columns([1, 1.5, 0.8, 1.7])
if skor_wilayah["ada_spd"]:
    m1.metric(f"IID {tahun} (hitungan)", angka(skor_wilayah["iid"]), help=f"{kel.aturan}; {dasar}")
    m2.metric("Predikat", skor_wilayah["predikat"])
else:
    m1.metric(f"SID {tahun} (tanpa SPD)", angka(skor_wilayah["skor_sid"]), help=f"{kel.aturan}; {dasar}")
    m2.metric("Predikat", "– (SPD belum diisi)")
m3.metric("Celah", bilangan(len(celah_wilayah)))
m4.metric(
    "Poin IID dari semua perbaikan bukti/level",
    angka(celah_wilayah.loc[celah_wilayah["aditif"], "nilai_perbaikan"].sum(), 3),
    help="Jumlah nilai perbaikan bukti dan level wilayah ini (nilainya dapat dijumlahkan); draft dan inovasi "
    "ditolak dinilai terpisah.",
)
st.caption(f"Dasar nilai: {dasar}.")
if indikator and not inovasi:
    st.info(f"Hanya celah pada indikator {indikator}: {katalog.at[indikator, 'nama_indikator']}.")

if perangkat is None:
    # Clicks of the previous run (bar or row) open a perangkat daerah.
    # The table lists every perangkat daerah (a Pemprov has hundreds), narrowed by a search; a picked row is read
    # by its position in what was shown, so the search is known before the selection is.
    kunci_cari = f"cari_pd_{tahun}_{wilayah}"
    cari = str(st.session_state.get(kunci_cari) or "")
    daftar_pd = (
        ringkas[ringkas["nama_perangkat_daerah"].str.contains(cari, case=False, regex=False)] if cari else ringkas
    )
    daftar_pd = daftar_pd.reset_index(drop=True)
    kunci_grafik = f"pd_grafik_{tahun}_{wilayah}_{indikator}"
    kunci_tabel = f"pd_tabel_{tahun}_{wilayah}_{indikator}" + (f"_{cari}" if cari else "")
    dari_grafik = drill.titik(drill.pilihan_baru(kunci_grafik))
    dari_tabel = drill.baris(drill.pilihan_baru(kunci_tabel))
    if dari_grafik or dari_tabel is not None:
        turun(perangkat_daerah=dari_grafik[0] if dari_grafik else daftar_pd["id_perangkat_daerah"].iat[dari_tabel])
    kiri, kanan = st.columns(2)
    with kiri:
        st.markdown("**Poin IID per perangkat daerah** (klik batang untuk membuka)")
        if ringkas.empty:
            st.success("Tidak ada celah pada pilihan ini.")
        else:
            if len(ringkas) > GRAFIK_PD:
                st.caption(
                    f"{GRAFIK_PD - GRAFIK_PD_BAWAH} teratas dan {GRAFIK_PD_BAWAH} terbawah dari "
                    f"{bilangan(len(ringkas))} perangkat daerah; semuanya di tabel (cari dengan nama)."
                )
            unduh.plotly_chart(
                figur(grafik.poin_per_perangkat_daerah, ringkas, GRAFIK_PD, GRAFIK_PD_BAWAH),
                nama=f"poin-iid-per-perangkat-daerah-{tahun}-{wilayah}",
                key=kunci_grafik,
                on_select="rerun",
                selection_mode="points",
                config={"displayModeBar": False},
            )
    with kanan:
        st.markdown("**Perangkat daerah** (pilih baris untuk membuka)")
        st.text_input("Cari perangkat daerah", key=kunci_cari, placeholder="mis. SMA Negeri 1")
        pilih_tabel(tabel.perangkat_daerah(daftar_pd), kunci_tabel)
elif perangkat == layanan.PD_PEMDA:
    spd = celah_wilayah[celah_wilayah["aspek"] == "SPD"].reset_index(drop=True)
    if indikator:
        detail_indikator(indikator, spd[spd["kode_indikator"] == indikator])
    else:
        kunci = f"spd_tabel_{tahun}_{wilayah}"
        dipilih = drill.baris(drill.pilihan_baru(kunci))
        if dipilih is not None:
            turun(indikator=spd["kode_indikator"].iat[dipilih])
        st.markdown("**Indikator SPD dengan celah** (pilih baris untuk membuka rubriknya)")
        pilih_tabel(tabel.indikator_spd(spd), kunci)
elif inovasi is None:
    daftar = telusur.inovasi_bercelah(celah, perangkat)
    kunci = f"inovasi_tabel_{tahun}_{perangkat}_{indikator}"
    dipilih = drill.baris(drill.pilihan_baru(kunci))
    if dipilih is not None:
        turun(inovasi=daftar["id_inovasi"].iat[dipilih])
    st.markdown(f"**Inovasi {tanpa_markdown(nama_pd[perangkat])} yang bercelah** (pilih baris untuk membuka)")
    pilih_tabel(tabel.inovasi_bercelah(daftar), kunci)
else:
    profil = inovasi_wilayah.loc[inovasi]
    st.markdown(
        f"**{tanpa_markdown(profil['nama_inovasi'])}** · status {profil['status_inovasi']} · tahapan {profil['tahapan']} · "
        f"kematangan {angka(profil['kematangan'], 0)} dari {angka(data.metodologi(tahun).maks_sid_per_inovasi, 0)} (bila semua klaim diterima "
        f"{angka(profil['kematangan_klaim'], 0)})"
    )
    milik = celah_wilayah[celah_wilayah["id_inovasi"] == inovasi]
    # Whole-innovation gaps, and those a portal export row proves (its kematangan, its video).
    for b in milik[(milik["aspek"] == "INOVASI") | milik["kematangan_sasaran"].notna()].itertuples():
        st.warning(
            f"{layanan.JENIS_CELAH[b.jenis_celah]}: {b.yang_kurang}. Nilai: {angka(b.nilai_perbaikan, 3)} poin IID. "
            f"{b.perbaikan} Di portal: {b.di_portal}"
        )
    if indikator:
        detail_indikator(indikator, milik[milik["kode_indikator"] == indikator])
    else:
        jawaban = telusur.jawaban_inovasi(kel, inovasi)
        kunci = f"indikator_tabel_{tahun}_{inovasi}"
        dipilih = drill.baris(drill.pilihan_baru(kunci))
        if dipilih is not None:
            turun(indikator=jawaban["kode_indikator"].iat[dipilih])
        st.markdown("**Indikator SID inovasi ini** (pilih baris untuk membuka rubriknya)")
        pilih_tabel(tabel.indikator_inovasi(jawaban), kunci)


# --- worklist, fastest path, SKPD commitment ------------------------------------------------------------------
def daftar_kerja_wilayah() -> None:
    """The worklist of the view, its largest gaps drawn and every one in the downloads."""
    kerja = celah if perangkat is None else celah[celah["id_perangkat_daerah"] == perangkat]
    kerja = kerja if inovasi is None else kerja[kerja["id_inovasi"] == inovasi]
    st.markdown(
        f"**{bilangan(len(kerja))} celah**, diurutkan menurut nilai perbaikan (poin IID bagi {nama_wilayah[wilayah]})."
    )
    if len(kerja) > BARIS_DAFTAR:
        st.caption(
            f"Ditampilkan {bilangan(BARIS_DAFTAR)} celah dengan nilai terbesar; tombol CSV dan Excel di bawah tabel "
            "dan unduhan daftar kerja memuat semuanya. Pilih perangkat daerah di atas untuk melihat celahnya saja."
        )
    daftar_tampil = olahan(tabel.daftar, kerja, sidik=(tahun, wilayah, indikator, perangkat, inovasi))
    tabel.tampilkan(
        daftar_tampil,
        catatan=asal,
        nama=f"daftar-kerja-{tahun}-{wilayah}",
        key="daftar_kerja",
        teratas=BARIS_DAFTAR,
    )
    hari = date.today()
    unduh_xlsx, unduh_csv = st.columns(2)
    # The files are built when a button is clicked (a callable), not on every view of the page.
    unduh_xlsx.download_button(
        "Unduh Excel (ringkasan + satu lembar per perangkat daerah)",
        lambda: data.berkas_ekspor(tahun, wilayah, hari, "xlsx"),
        file_name=daftar_kerja.nama_berkas(kel, wilayah, hari, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )
    unduh_csv.download_button(
        "Unduh CSV (pemisah titik koma)",
        lambda: data.berkas_ekspor(tahun, wilayah, hari, "csv"),
        file_name=daftar_kerja.nama_berkas(kel, wilayah, hari, "csv"),
        mime="text/csv",
        on_click="ignore",
    )
    st.caption("Berkas berisi seluruh daftar kerja wilayah ini, tanpa filter rincian di atas.")


def jalan_tercepat_wilayah() -> None:
    """Every region's fastest path to its next band, and this region's fixes in order."""
    st.markdown(
        "Himpunan perbaikan terkecil dari daftar kerja yang menaikkan wilayah ke predikat berikutnya. Dipakai hanya "
        "perbaikan bukti dan level: masing-masing mengubah satu jawaban dan nilainya dapat dijumlahkan, sehingga "
        "mengambil yang terbesar lebih dulu menghasilkan jumlah perbaikan paling sedikit. Mengirim draft atau "
        "inovasi ditolak yang diterima mengubah pembagi, sehingga dinilai terpisah di daftar kerja."
    )
    jalan = kel.jalan.sort_values("kode_wilayah")
    jalan_tampil = olahan(tabel.jalan_tercepat, jalan, sidik=(tahun, kel.provinsi))
    tabel.tampilkan(
        jalan_tampil,
        catatan=asal,
        nama=f"jalan-tercepat-{tahun}",
        key="jalan_semua",
    )
    baris = jalan.set_index("kode_wilayah").loc[wilayah]
    syarat = (
        "menjadi syarat skor jumlah inovasi"
        if baris["syarat_yandas_berlaku"]
        else f"bukan syarat pada aturan {kel.versi} (syarat mulai aturan 2026)"
    )
    st.caption(
        f"Pembagi minimum aturan {kel.versi}: {baris['pembagi_minimum']} (Σ kematangan ÷ MAX({baris['pembagi_minimum']}, "
        f"n)). Cakupan {len(data.aturan_yandas(tahun).syarat_yandas.urusan)} urusan wajib pelayanan dasar {syarat}."
    )
    st.markdown(f"**{nama_wilayah[wilayah]}: perbaikan tercepat, berurutan**")
    if baris["tercapai"]:
        rincian = olahan(
            tabel.rincian_jalan,
            olahan(telusur.jalan_wilayah, kel, wilayah, sidik=(tahun, wilayah)),
            baris["iid_mentah"],
            sidik=(tahun, wilayah),
        )
        tabel.tampilkan(
            rincian,
            catatan=asal,
            nama=f"jalan-tercepat-{tahun}-{wilayah}",
            key="jalan_rincian",
        )
        st.caption(
            f"Dihitung ulang penuh sesudah semua perbaikan ini: IID {angka(baris['iid_sesudah'])}, "
            f"{baris['predikat_sesudah']}."
        )
    elif pd.isna(baris["iid"]):
        st.info(
            "SID saja: SPD belum diisi, jadi wilayah ini belum punya IID dan predikat. Jalan ke predikat berikutnya "
            f"dihitung setelah SPD diisi ({halaman('spd').tempat})."
        )
    elif pd.isna(baris["predikat_berikut"]):
        st.success(f"Sudah di predikat tertinggi ({baris['predikat']}).")
    else:
        st.info(
            f"Perbaikan bukti dan level saja tidak cukup untuk {baris['predikat_berikut']}: semua perbaikan itu "
            f"menambah {angka(baris['poin_semua_perbaikan'])} poin, padahal kurang {angka(baris['kurang_poin'])} poin."
        )
    teks_lintas = lintas_tahun.teks_wilayah(kel.celah, wilayah, tahun)
    if teks_lintas:
        st.markdown("**Di luar jalan tercepat: cek ulang lintas tahun**")
        st.markdown("\n".join(f"- {t}" for t in teks_lintas))


def lintas_tahun_semua() -> None:
    """Last year's innovations not entered again or entered unchanged, per region."""
    if lintas.empty:
        st.info(f"Tidak ada inovasi {tahun - 1} untuk dibandingkan, atau semuanya sudah diinput ulang dan diperbarui.")
    else:
        st.markdown(f"**Cek ulang lintas tahun: inovasi {tahun - 1} yang belum diinput ulang atau belum diperbarui**")
        lintas_tampil = pd.DataFrame(
            {
                "Wilayah": lintas["kode_wilayah"].map(nama_wilayah),
                "Belum diinput ulang": lintas["belum_diinput_ulang"],
                "Nilai input ulang terbesar (poin IID)": lintas["nilai_input_ulang_terbesar"],
                "Diinput ulang tanpa pembaruan": lintas["belum_diperbarui"],
                "Nilai celah bukti inovasi itu (poin IID)": lintas["nilai_celah_bukti"],
            }
        )
        st.dataframe(
            lintas_tampil.style.format(tabel.format_kolom(lintas_tampil), na_rep="–"),
            hide_index=True,
            key="lintas_ringkas",
        )
        st.caption(
            "Nilai input ulang dihitung ulang penuh untuk tiap inovasi sendiri-sendiri (mengubah n, pembagi MAX(k, n), "
            "skor jumlah inovasi dan syarat yandas), sehingga bisa negatif dan tidak dijumlahkan. "
            + lintas_tahun.teks_aturan_usia(data.metodologi(tahun), tahun)
        )


def komitmen_skpd_wilayah() -> None:
    """Which perangkat daerah reported an innovation this year."""
    tanpa = komitmen[~komitmen["memenuhi"]]
    st.metric(
        "SKPD yang melaporkan minimal satu inovasi",
        f"{bilangan(komitmen['memenuhi'].sum())} dari {bilangan(len(komitmen))}",
    )
    st.caption(layanan.KOMITMEN_SKPD + " Dihitung: inovasi yang dikirim tahun ini, apa pun hasil verifikasinya.")
    if tanpa.empty:
        st.success("Semua SKPD sudah melaporkan inovasi tahun ini.")
    else:
        st.markdown(f"**{bilangan(len(tanpa))} SKPD belum melaporkan inovasi:**")
        unduh.dataframe(
            tabel.komitmen(tanpa),
            nama=f"skpd-tanpa-inovasi-{tahun}-{wilayah}",
            key="skpd_tanpa",
            catatan=asal,
            hide_index=True,
        )
    # Drawn when opened, like the tabs.
    semua = st.expander("Semua SKPD", key="skpd_semua_buka", on_change="rerun")
    if semua.open:
        with semua:
            unduh.dataframe(
                tabel.komitmen(komitmen),
                nama=f"komitmen-skpd-{tahun}-{wilayah}",
                key="skpd_semua",
                catatan=asal,
                hide_index=True,
            )


# Only the open tab is drawn (a click on another reruns the page from the cache): the four tabs drawn at once sent
# every table of the page to the browser, and each visit waited for all of them.
TAB = {
    "Daftar kerja": daftar_kerja_wilayah,
    "Jalan tercepat": jalan_tercepat_wilayah,
    "Lintas tahun": lintas_tahun_semua,
    "Komitmen SKPD": komitmen_skpd_wilayah,
}
for tab, isi in zip(st.tabs(list(TAB), key="kelengkapan_tab", on_change="rerun"), TAB.values(), strict=True):
    if tab.open:
        with tab:
            isi()
