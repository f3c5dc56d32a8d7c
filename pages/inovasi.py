import hashlib

import pandas as pd
import streamlit as st

from dasbor.services import akun as layanan_akun
from dasbor.services import cocok_tertunda, lintas_tahun
from dasbor.services import inovasi as layanan_inovasi
from dasbor.services import kelengkapan as layanan
from dasbor.services import kiriman as layanan_kiriman
from dasbor.services import telusur_celah as telusur
from dasbor.services.db import DatabaseSibukError
from dasbor.services.kelompok_pd import mengelompokkan
from dasbor.ui import data, drill, sumber, unduh
from dasbor.ui import filter as saringan
from dasbor.ui import kelengkapan_tabel as tabel
from dasbor.ui.akun import pengguna, wajib_masuk
from dasbor.visual.charts import TEPI, batang_kematangan_opd
from dasbor.visual.format import angka, bilangan, tanpa_markdown
from dasbor.visual.palette import transparan, warna_seri

wajib_masuk()

SOROT = transparan(warna_seri(5), 0.35)  # a level that changed from the year before

st.title("Penjelajah inovasi")
tahun = saringan.pilih_tahun()
wilayah = saringan.pilih_wilayah()
kel = data.kelengkapan(tahun, wilayah)
kematangan_maks = data.metodologi(tahun).maks_sid_per_inovasi
sumber.banner_sintetis(tahun)
st.caption(
    f"Kematangan = Σ bobot × level diakui indikator 16–35 (0–{angka(kematangan_maks, 0)}), {kel.aturan}. Nilai celah: poin IID bagi wilayah."
)
# Every per-view step on the region's rows is computed once per publish and filter state (data.olahan): a warm view
# of this page spent half its server time redoing them.
semua = data.olahan(
    layanan_inovasi.inovasi_wilayah, kel.inovasi, data.inovasi_usia(tahun), wilayah, sidik=(tahun, wilayah)
)


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
    baris3 = st.columns([2, 2])
    usia = baris3[0].selectbox(
        "Aturan usia", list(layanan_inovasi.USIA), format_func=layanan_inovasi.USIA.get, key="saring_usia"
    )
    kematangan_minimum = baris3[1].number_input(
        "Kematangan minimum bila dikirim (klaim atau portal)",
        min_value=0.0,
        max_value=float(kematangan_maks),
        value=0.0,
        step=1.0,
        # Whole points: Streamlit formats with a C printf, so "%.2f" showed "0.00", a dot no Indonesian reads as a
        # decimal comma.
        format="%.0f",
        key="saring_kematangan_minimum",
    )

saringan_ini = {
    "teks": teks,
    "perangkat_daerah": tuple(perangkat),
    "urusan": tuple(urusan),
    "tahapan": tuple(tahapan),
    "jenis": tuple(jenis),
    "status": tuple(status),
    "kematangan": tuple(kematangan),
    "celah": celah,
    "usia": usia,
    "kematangan_minimum": kematangan_minimum,
}
hasil = data.olahan(layanan_inovasi.saring, semua, sidik=(tahun, wilayah), **saringan_ini).reset_index(drop=True)

# The table's key follows its rows, so a selection always refers to the rows on screen.
kunci = "hasil_inovasi_" + hashlib.sha1("|".join(hasil["id_inovasi"]).encode()).hexdigest()[:12]
dipilih = drill.baris(drill.pilihan_baru(kunci))
if dipilih is not None:
    drill.atur(inovasi=hasil["id_inovasi"].iat[dipilih], riwayat=None)
# Last year's innovations not entered again this year: picked from their own table to open their history.
belum = kel.celah[(kel.celah["kode_wilayah"] == wilayah) & (kel.celah["jenis_celah"] == "belum_diinput_ulang")]
belum = belum.sort_values(["nilai_perbaikan", "id_inovasi"], ascending=[False, True]).reset_index(drop=True)
kunci_belum = "belum_input_" + hashlib.sha1("|".join(belum["id_inovasi"]).encode()).hexdigest()[:12]
dipilih_belum = drill.baris(drill.pilihan_baru(kunci_belum))
if dipilih_belum is not None:
    drill.atur(riwayat=belum["id_inovasi"].iat[dipilih_belum], inovasi=None)
st.markdown(f"**{bilangan(len(hasil))} dari {bilangan(len(semua))} inovasi** (pilih baris untuk melihat rinciannya)")
daftar_tampil = data.olahan(tabel.daftar_inovasi, hasil, sidik=(tahun, wilayah, *saringan_ini.items()))
tabel.tampilkan(
    daftar_tampil,
    nama=f"inovasi-{tahun}-{wilayah}",
    key=kunci,
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
    drill.tombol_tautan(
        "Tautan ke inovasi ini", "Salin dan kirim ke perangkat daerah pemilik inovasi ini:", {"tahun": tahun}
    )
    if st.button("📝 Isi lembar indikator inovasi ini (admin, operator pemda)", key="buka_lembar"):
        # The year and the region carry over by themselves (the same bound sidebar widgets on every page).
        st.switch_page("pages/lembar.py", query_params={"inovasi": inovasi})
    profil, indikator = st.columns([2, 3])
    with profil:
        st.markdown("**Profil**")
        st.table(layanan_inovasi.profil(baris).map(tanpa_markdown))
        # The file holds the text as typed; only the page needs it escaped.
        unduh.tombol_unduh_tabel(layanan_inovasi.profil(baris), f"profil-inovasi-{inovasi}", "profil_inovasi")
    with indikator:
        st.markdown("**Indikator SID: level klaim, terverifikasi dan diakui**")
        indikator_tampil = tabel.indikator_inovasi(telusur.jawaban_inovasi(kel, inovasi))
        tabel.tampilkan(
            indikator_tampil,
            nama=f"indikator-inovasi-{inovasi}",
            key="detail_indikator",
        )
    st.markdown("**Celah inovasi ini dan nilainya**")
    milik = kel.celah[kel.celah["id_inovasi"] == inovasi]
    if milik.empty:
        st.success("Tidak ada celah.")
    else:
        celah_tampil = tabel.daftar(milik)
        tabel.tampilkan(
            celah_tampil,
            nama=f"celah-inovasi-{inovasi}",
            key="detail_celah",
        )


# --- kematangan per perangkat daerah, age-outs, duplicates, disagreements, and the send advice ----------------
st.subheader("Kematangan per perangkat daerah")
if hasil.empty:
    st.info("Tidak ada inovasi yang cocok dengan saringan.")
else:
    # Real scale: a Pemprov has ~300 accounts (every SMA, SMK and SLB is one). The chart draws the top and bottom
    # few; the rest is searched in the table under it, and accounts may be grouped (kelompok_pd's heuristic).
    pilihan_ini = (tahun, wilayah, *saringan_ini.items())
    kelompokkan = data.olahan(mengelompokkan, hasil["nama_perangkat_daerah"], sidik=pilihan_ini) and st.toggle(
        "Kelompokkan akun (sekolah per cabang dinas/kabupaten, puskesmas, kecamatan, UPT…)",
        key="kelompok_opd",
        help=(
            "Dari nama akun saja: akun cabang dinas berdiri sendiri; SMA/SMK/SLB di bawah cabang dinas yang disebut "
            "namanya, atau kabupaten/kota setelah koma; SD/SMP/TK, puskesmas, kecamatan, kelurahan/desa dan UPT per "
            "jenisnya; dinas dan badan lain masing-masing."
        ),
    )
    satuan = "kelompok" if kelompokkan else "perangkat daerah"
    per_opd = data.olahan(
        layanan_kiriman.kematangan_per_satuan,
        hasil,
        kelompokkan,
        layanan.NAMA_PD_TANPA,
        sidik=(*pilihan_ini, kelompokkan),
    )
    label_sumber = sumber.label_grafik(tahun, "klaim")
    portal = hasil["dari_kematangan_portal"].fillna(False).astype(bool)
    if portal.any():
        label_sumber += f" · {bilangan(int(portal.sum()))} inovasi {layanan_kiriman.SUMBER_PORTAL}"
    judul_grafik = f"Rata-rata kematangan bila dikirim, {tahun}"
    if len(per_opd) > 2 * TEPI + 1:
        judul_grafik += f": {TEPI} tertinggi dan {TEPI} terendah dari {bilangan(len(per_opd))} {satuan}"
    unduh.plotly_chart(
        data.figur(
            batang_kematangan_opd,
            per_opd,
            judul_grafik,
            kematangan_maks,
            catatan=label_sumber,
            satuan=satuan,
            sidik=(*pilihan_ini, kelompokkan),
        ),
        nama=f"kematangan-opd-{tahun}-{wilayah}",
        key="grafik_kematangan_opd",
    )
    cari_opd = st.text_input(f"Cari {satuan}", key="cari_kematangan_opd", max_chars=80)
    semua_opd = per_opd.sort_values(["rata_rata", "perangkat_daerah"], ascending=[False, True])
    if cari_opd.strip():
        semua_opd = semua_opd[semua_opd["perangkat_daerah"].str.contains(cari_opd.strip(), case=False, regex=False)]
    unduh.dataframe(
        pd.DataFrame(
            {
                satuan.capitalize(): semua_opd["perangkat_daerah"],
                "Rata-rata kematangan": semua_opd["rata_rata"],
                "Inovasi": semua_opd["jumlah"].astype(int),
            }
        ),
        nama=f"kematangan-opd-{tahun}-{wilayah}",
        key="tabel_kematangan_opd",
        format_kolom={"Rata-rata kematangan": lambda x: angka(x, 1)},
        hide_index=True,
    )

menua = data.menua(tahun)
menua = menua[menua["kode_wilayah"] == wilayah]
if not menua.empty:
    st.subheader(f"Tidak lagi dinilai {tahun + 1} kecuali dikembangkan")
    st.caption(lintas_tahun.teks_aturan_usia(data.metodologi(tahun), tahun))
    unduh.dataframe(
        pd.DataFrame(
            {
                "Perangkat daerah": menua["nama_perangkat_daerah"].fillna(layanan.NAMA_PD_TANPA),
                "Inovasi": menua["nama_inovasi"],
                "Status": menua["status_inovasi"],
                "Alasan": menua["alasan_usia"],
            }
        ),
        nama=f"keluar-tahun-depan-{tahun}-{wilayah}",
        key="tabel_menua",
        hide_index=True,
    )

kembar = semua[semua["kembar_dengan"].notna()]
if not kembar.empty:
    st.subheader("Judul kembar dari portal")
    st.caption(
        "Judul yang sama setelah huruf kecil dan tanda baca dibuang, diinput akun berbeda: selesaikan di portal."
    )
    nama_id = semua.set_index("id_inovasi")["nama_inovasi"]
    unduh.dataframe(
        pd.DataFrame(
            {
                "Inovasi": kembar["nama_inovasi"],
                "Perangkat daerah": kembar["nama_perangkat_daerah"].fillna(layanan.NAMA_PD_TANPA),
                "Kembar dengan": kembar["kembar_dengan"].map(lambda i: f"{nama_id.get(i, i)} ({i})"),
            }
        ),
        nama=f"judul-kembar-{tahun}-{wilayah}",
        key="tabel_kembar",
        hide_index=True,
    )


def tinjau_tertunda(tertunda: pd.DataFrame) -> None:
    """The pairs an import left open: evidence for everyone, the answer for an admin or this pemda's operator."""
    st.subheader("Pasangan ragu dari impor portal")
    st.caption(
        "Baris ekspor portal yang mirip inovasi yang sudah ada, tetapi diimpor sebagai inovasi baru karena belum "
        "diputuskan. Gabungkan bila keduanya inovasi yang sama: id lama dipakai untuk tahun ini, dengan status dan "
        "jawaban indikatornya. Tandai berbeda bila memang dua inovasi. Keputusan diingat untuk impor berikutnya."
    )
    unduh.dataframe(
        pd.DataFrame(
            {
                "Baris impor": tertunda["nama_inovasi_berkas"],
                "Id baru": tertunda["id_inovasi_baru"],
                "Mirip dengan": tertunda["nama_inovasi_ada"],
                "Id lama": tertunda["id_inovasi_ada"],
                "Tahun id lama": tertunda["tahun_ada"].map(lambda t: "–" if pd.isna(t) else str(int(t))),
                "Perangkat daerah (impor / lama)": tertunda["perangkat_daerah_berkas"].fillna("–")
                + " / "
                + tertunda["perangkat_daerah_ada"].fillna("–"),
                "Perbedaan": tertunda["beda"].fillna("–"),
            }
        ),
        nama=f"pasangan-ragu-{tahun}-{wilayah}",
        key="tabel_tertunda",
        hide_index=True,
    )
    masuk = pengguna()
    boleh = layanan_akun.wilayah_boleh(masuk)
    if not (masuk and masuk["peran"] in ("admin", "operator") and (boleh is None or wilayah in boleh)):
        st.caption("Hanya admin atau operator wilayah ini yang dapat memutuskan pasangan ini.")
        return
    baris = {f"{r.id_inovasi_baru}|{r.id_inovasi_ada}": r for r in tertunda.itertuples(index=False)}
    pilih = st.selectbox(
        "Pasangan yang diputuskan",
        list(baris),
        format_func=lambda k: (
            f"{baris[k].id_inovasi_baru} {baris[k].nama_inovasi_berkas} ↔ {baris[k].id_inovasi_ada} "
            f"{baris[k].nama_inovasi_ada} ({baris[k].tahun_ada})"
        ),
        key="tertunda_pilih",
    )
    r = baris[pilih]
    if r.ada_tahun_ini:
        st.caption(f"{r.id_inovasi_ada} sudah ada di daftar {tahun}: pasangan ini hanya dapat ditandai berbeda.")
    kiri, kanan = st.columns(2)
    gabung = kiri.button("Gabungkan: inovasi yang sama", key="tertunda_gabung", disabled=bool(r.ada_tahun_ini))
    pisah = kanan.button("Tandai dua inovasi berbeda", key="tertunda_beda")
    if gabung or pisah:
        try:
            # Rights as they are now, not as when the page was drawn.
            boleh_kini = layanan_akun.pastikan_hak_wilayah(masuk["nama"], [wilayah])
            pesan = cocok_tertunda.simpan_keputusan(
                tahun,
                wilayah,
                r.id_inovasi_baru,
                r.id_inovasi_ada,
                "sama" if gabung else "beda",
                masuk["nama"],
                boleh_kini,
            )
        except (layanan_akun.AkunError, cocok_tertunda.CocokDitolakError, DatabaseSibukError) as exc:
            st.warning(str(exc))
        else:
            st.session_state["tertunda_pesan"] = f"Tersimpan: {pesan}."
            st.rerun()


if pesan_tertunda := st.session_state.pop("tertunda_pesan", None):
    st.success(pesan_tertunda)
tertunda = data.cocok_tertunda(tahun, wilayah)
if not tertunda.empty:
    tinjau_tertunda(tertunda)

selisih = data.selisih(tahun)
selisih = selisih[selisih["kode_wilayah"] == wilayah]
if not selisih.empty:
    st.subheader("Jawaban indikator berbeda dengan kematangan portal")
    st.caption("Jawaban per indikator yang dipakai skor; kematangan portal hanya pembanding.")
    unduh.dataframe(
        pd.DataFrame(
            {
                "Inovasi": selisih["nama_inovasi"],
                "Kematangan dari jawaban (klaim)": selisih["kematangan_jawaban"].map(lambda x: angka(x, 0)),
                "Kematangan portal": selisih["kematangan_portal"].map(lambda x: angka(x, 0)),
                "Selisih": selisih["selisih"].map(lambda x: angka(x, 0)),
            }
        ),
        nama=f"selisih-kematangan-{tahun}-{wilayah}",
        key="tabel_selisih_kematangan",
        hide_index=True,
    )

st.subheader("Saran kirim")
saran = data.saran(tahun, wilayah)
if saran.n_layak == 0:
    st.info("Tidak ada inovasi yang memenuhi aturan usia tahun ini.")
else:
    satuan = "IID" if saran.ada_spd else "SID"
    s1, s2, s3 = st.columns(3)
    s1.metric(
        f"{satuan} bila semua {bilangan(saran.n_layak)} dikirim",
        angka(saran.iid_semua if saran.ada_spd else saran.sid_semua),
    )
    s2.metric(
        f"{satuan} dengan saran ({bilangan(saran.n_saran)} dikirim)",
        angka(saran.iid_saran if saran.ada_spd else saran.sid_saran),
    )
    s3.metric("Tambahan", f"{angka(saran.tambahan_poin, 3)} poin")
    if not saran.ada_spd:
        st.warning("Belum ada jawaban SPD untuk wilayah ini (ekspor portal tidak memuatnya): hanya SID yang dihitung.")
    st.caption(
        f"Basis klaim, aturan {saran.versi}"
        + (f", kematangan {layanan_kiriman.SUMBER_PORTAL}" if saran.dari_kematangan_portal else "")
        + ". Bergantung pada: "
        + "; ".join(saran.asumsi)
    )
    unduh.dataframe(
        pd.DataFrame(
            {
                "Inovasi": saran.tabel["nama_inovasi"],
                "Perangkat daerah": saran.tabel["nama_perangkat_daerah"].fillna(layanan.NAMA_PD_TANPA),
                "Kematangan": saran.tabel["kematangan"].map(lambda x: angka(x, 0)),
                "Disarankan": saran.tabel["disarankan"],
                "Alasan": saran.tabel["alasan"],
            }
        ),
        nama=f"saran-kirim-{tahun}-{wilayah}",
        key="tabel_saran_kirim",
        hide_index=True,
    )


# --- one innovation across the years ------------------------------------------------------------------------
if not belum.empty:
    st.subheader(f"Inovasi {tahun - 1} yang belum diinput ulang tahun {tahun}")
    st.caption(
        "Dilaporkan tahun lalu dan masih memenuhi aturan usia, tetapi tahun ini belum ada atau masih draft. Pilih "
        "baris untuk melihat riwayatnya. " + lintas_tahun.teks_aturan_usia(data.metodologi(tahun), tahun)
    )
    unduh.dataframe(
        pd.DataFrame(
            {
                "Inovasi": belum["nama_inovasi"],
                "Perangkat daerah": belum["nama_perangkat_daerah"],
                "Tahun ini": belum["status_inovasi"].fillna("belum ada"),
                "Nilai bila diinput ulang (poin IID)": belum["nilai_perbaikan"].map(lambda x: angka(x, 3)),
            }
        ),
        nama=f"belum-diinput-ulang-{tahun}",
        hide_index=True,
        key=kunci_belum,
        on_select="rerun",
        selection_mode="single-row",
    )

pilihan_riwayat = drill.parameter("riwayat", set(belum["id_inovasi"]) | set(semua["id_inovasi"]), "Riwayat")
id_riwayat = pilihan_riwayat or inovasi
sejarah = data.riwayat_inovasi(id_riwayat) if id_riwayat else None
if sejarah is not None:
    st.subheader(f"Riwayat lintas tahun: {tanpa_markdown(id_riwayat)}")
    unduh.dataframe(
        pd.DataFrame(
            {
                "Tahun": sejarah.tahun["tahun"].astype(str),
                "Status": sejarah.tahun["status"],
                "Kematangan": sejarah.tahun["kematangan"].map(lambda x: angka(x, 0)),
                "Bagian IID wilayah (poin)": sejarah.tahun["bagian_iid"].map(lambda x: angka(x, 3)),
                "Bagian IID wilayah (%)": sejarah.tahun["persen_iid"].map(lambda x: angka(x, 2)),
                "IID wilayah": sejarah.tahun["iid_wilayah"].map(angka),
            }
        ),
        nama=f"riwayat-{id_riwayat}",
        hide_index=True,
        key="riwayat_tahun",
    )
    st.markdown("**Level per indikator per tahun** (sel berwarna: berubah dari tahun sebelumnya)")
    level = sejarah.level.rename(columns=str).rename_axis("Indikator")
    berubah = sejarah.berubah.rename(columns=str)
    st.dataframe(
        level.style.apply(lambda _: berubah.map(lambda x: f"background-color: {SOROT}" if x else ""), axis=None),
        key="riwayat_level",
    )
    unduh.tombol_unduh_tabel(level.reset_index(), f"riwayat-level-{id_riwayat}", "riwayat_level")
    st.caption(
        "Bagian IID = Σ kontribusi jawaban inovasi ini (bobot × level diakui ÷ pembagi ÷ skor maksimum × 100), "
        f"dihitung modul skor bersama dengan aturan tiap tahun, basis {layanan.BASIS}."
    )
