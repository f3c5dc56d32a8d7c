import hashlib

import streamlit as st

from dasbor.services import inovasi as layanan_inovasi
from dasbor.services import kelengkapan as layanan
from dasbor.ui import drill, filter, sumber, unduh
from dasbor.ui import kelengkapan_tabel as tabel
from dasbor.visual.format import angka, bilangan, tanpa_markdown

st.title("Penjelajah inovasi")
tahun = filter.pilih_tahun()
wilayah = filter.pilih_wilayah()
kel = layanan.kelengkapan(tahun)
kematangan_maks = layanan.metodologi(kel).maks_sid_per_inovasi
sumber.banner_sintetis(tahun)
st.caption(
    f"Kematangan = Σ bobot × level diakui indikator 16–35 (0–{angka(kematangan_maks, 0)}), {kel.aturan}. Nilai celah: poin IID bagi wilayah."
)
semua = kel.inovasi[kel.inovasi["kode_wilayah"] == wilayah].sort_values("nama_inovasi")


def opsi(kolom: str) -> list[str]:
    return sorted(semua[kolom].dropna().unique())


with st.container(border=True):
    baris1 = st.columns([2, 2, 2])
    teks = baris1[0].text_input("Cari nama inovasi atau perangkat daerah", key="cari_inovasi", max_chars=80)
    nama_pd = dict(
        zip(
            semua["id_perangkat_daerah"].fillna(layanan.PD_TANPA),
            semua["nama_perangkat_daerah"].fillna(layanan.NAMA_PD_TANPA),
            strict=True,
        )
    )
    perangkat = baris1[1].multiselect(
        "Perangkat daerah",
        sorted(nama_pd, key=nama_pd.get),
        format_func=nama_pd.get,
        key="saring_pd",
        placeholder="Semua",
    )
    urusan = baris1[2].multiselect("Urusan", opsi("urusan_utama"), key="saring_urusan", placeholder="Semua")
    baris2 = st.columns([1, 1, 1, 2, 1])
    tahapan = baris2[0].multiselect("Tahapan", opsi("tahapan"), key="saring_tahapan", placeholder="Semua")
    jenis = baris2[1].multiselect("Jenis", opsi("jenis"), key="saring_jenis", placeholder="Semua")
    status = baris2[2].multiselect("Status", opsi("status_inovasi"), key="saring_status", placeholder="Semua")
    kematangan = baris2[3].slider(
        "Kematangan",
        0.0,
        kematangan_maks,
        (0.0, kematangan_maks),
        step=1.0,
        format="%d",
        key="saring_kematangan",
    )
    celah = baris2[4].radio(
        "Celah", list(layanan_inovasi.CELAH), format_func=layanan_inovasi.CELAH.get, key="saring_celah"
    )

hasil = layanan_inovasi.saring(
    semua,
    teks=teks,
    perangkat_daerah=perangkat,
    urusan=urusan,
    tahapan=tahapan,
    jenis=jenis,
    status=status,
    kematangan=kematangan,
    celah=celah,
).reset_index(drop=True)

# The table's key follows its rows, so a selection always refers to the rows on screen.
kunci = "hasil_inovasi_" + hashlib.sha1("|".join(hasil["id_inovasi"]).encode()).hexdigest()[:12]
dipilih = drill.baris(drill.pilihan_baru(kunci))
if dipilih is not None:
    drill.atur(inovasi=hasil["id_inovasi"].iat[dipilih])
st.markdown(f"**{bilangan(len(hasil))} dari {bilangan(len(semua))} inovasi** (pilih baris untuk melihat rinciannya)")
unduh.dataframe(
    tabel.daftar_inovasi(hasil),
    nama=f"inovasi-{tahun}-{wilayah}",
    key=kunci,
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
)

inovasi = drill.parameter("inovasi", set(semua["id_inovasi"]), "Inovasi")
if inovasi:
    baris = semua.set_index("id_inovasi").loc[inovasi]
    st.subheader(tanpa_markdown(baris["nama_inovasi"]))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Kematangan (diakui)", f"{angka(baris['kematangan'], 0)} / {angka(kematangan_maks, 0)}", help=kel.aturan)
    m2.metric(
        "Kematangan klaim",
        f"{angka(baris['kematangan_klaim'], 0)} / {angka(kematangan_maks, 0)}",
        help="Bila semua klaim diterima verifikator.",
    )
    m3.metric("Celah", bilangan(baris["jumlah_celah"]))
    m4.metric("Nilai semua perbaikan (poin IID)", angka(baris["poin_celah"], 3))
    st.caption("Tautan ke inovasi ini:")
    st.code(drill.tautan({"tahun": tahun}), language=None, wrap_lines=True)
    profil, indikator = st.columns([2, 3])
    with profil:
        st.markdown("**Profil**")
        st.table(layanan_inovasi.profil(baris).map(tanpa_markdown))
        # The file holds the text as typed; only the page needs it escaped.
        unduh.tombol_unduh_tabel(layanan_inovasi.profil(baris), f"profil-inovasi-{inovasi}", "profil_inovasi")
    with indikator:
        st.markdown("**Indikator SID: level klaim, terverifikasi dan diakui**")
        unduh.dataframe(
            tabel.indikator_inovasi(layanan.jawaban_inovasi(kel, inovasi)),
            nama=f"indikator-inovasi-{inovasi}",
            key="detail_indikator",
            hide_index=True,
        )
    st.markdown("**Celah inovasi ini dan nilainya**")
    milik = kel.celah[kel.celah["id_inovasi"] == inovasi]
    if milik.empty:
        st.success("Tidak ada celah.")
    else:
        unduh.dataframe(tabel.daftar(milik), nama=f"celah-inovasi-{inovasi}", key="detail_celah", hide_index=True)
