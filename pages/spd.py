import pandas as pd
import streamlit as st

from dasbor.services import akun as layanan_akun
from dasbor.services import impor, penghitung, skor
from dasbor.services.db import DatabaseSibukError, database
from dasbor.services.impor.spd import lembar_spd, periksa_spd
from dasbor.ui import akun, data
from dasbor.visual.format import angka, bilangan, tanpa_markdown

akun.wajib_masuk()

st.title("SPD dan penghitung portal")
st.markdown(
    "Ekspor daftar inovasi portal **tidak memuat SPD** (indikator tingkat pemda). Sampai SPD diisi di sini, pemda itu "
    "hanya mendapat SID: tanpa IID dan predikat, dan diperingkat terpisah. Isian disimpan seperti impor: tercatat di "
    "riwayat, dapat dibatalkan di **Impor › Riwayat**, dan langsung dipakai semua halaman."
)
masuk = akun.wajib_pengimpor()
boleh = layanan_akun.wilayah_boleh(masuk)
db = database()
wilayah = skor.daftar_wilayah()
nama = dict(zip(wilayah["kode_wilayah"], wilayah["nama_wilayah"], strict=True))
pilihan_wilayah = [k for k in wilayah["kode_wilayah"] if boleh is None or k in boleh]
if not pilihan_wilayah:
    st.warning("Akun operator ini belum terikat ke wilayah mana pun; minta admin menambahkannya.")
    st.stop()
tahun_ada = sorted(skor.daftar_tahun(), reverse=True)
kiri, kanan = st.columns(2)
tahun = kiri.selectbox("Tahun penilaian", tahun_ada, key="spd_tahun")
kode = kanan.selectbox("Pemda", pilihan_wilayah, format_func=nama.get, key="spd_wilayah")

if pesan := st.session_state.pop("spd_pesan", None):
    st.success(pesan)
skor_kini = data.skor_tahun(tahun, "terverifikasi").set_index("kode_wilayah")
if kode in skor_kini.index:
    r = skor_kini.loc[kode]
    if r["ada_spd"]:
        st.info(
            f"Sekarang: IID {angka(r['iid'])} ({r['predikat']}), SPD {angka(r['skor_spd'])}, SID {angka(r['skor_sid'])}; {skor.dasar_teks(r)}."
        )
    else:
        st.warning(f"Sekarang: SID {angka(r['skor_sid'])} saja; {skor.dasar_teks(r)}.")

st.subheader("Lembar SPD")
st.caption(
    "Seperti lembar indikator SPD di portal: pilih parameter (level) setiap indikator dan centang bila data "
    "pendukungnya sudah di tangan. Teks dari katalog indikator versi aturan tahun ini. Level tanpa bukti di tangan "
    "dihitung 0 pada basis terverifikasi; indikator yang dibiarkan «–» tidak diubah."
)
lembar = lembar_spd(db, tahun, kode)
LEBAR = [1.6, 1.3, 1.1, 0.5, 2.6, 2.2, 1.1]
KOSONG = "–"
with st.form(f"lembar_spd_{tahun}_{kode}"):
    for kolom, judul in zip(
        st.columns(LEBAR),
        ["Indikator", "Keterangan", "Informasi", "Bobot", "Parameter", "Data Pendukung", "Jenis File"],
        strict=True,
    ):
        kolom.markdown(f"**{judul}**")
    for r in lembar.to_dict("records"):
        k = st.columns(LEBAR)
        k[0].markdown(tanpa_markdown(r["Indikator"]))
        k[1].caption(tanpa_markdown(r["Keterangan"]))
        k[2].caption(tanpa_markdown(r["Informasi"]))
        k[3].markdown(angka(r["Bobot"], 0))
        tingkat = [KOSONG, "0: tidak ada", *r["Parameter"].split(" | ")]
        k[4].selectbox(
            f"Parameter indikator {r['kode_indikator']}",
            tingkat,
            index=0 if pd.isna(r["level"]) else int(r["level"]) + 1,
            key=f"spd_level_{tahun}_{kode}_{r['kode_indikator']}",
            label_visibility="collapsed",
        )
        k[4].checkbox(
            "Bukti di tangan", value=bool(r["bukti_ada"]), key=f"spd_bukti_{tahun}_{kode}_{r['kode_indikator']}"
        )
        k[5].caption(tanpa_markdown(r["Data Pendukung"]))
        k[6].caption(tanpa_markdown(r["Jenis File"]))
    st.form_submit_button("Periksa isian", type="primary")

isian = pd.DataFrame(
    [
        {
            "kode_indikator": r.kode_indikator,
            "level": str(st.session_state[f"spd_level_{tahun}_{kode}_{r.kode_indikator}"]).split(":")[0],
            "bukti_ada": "ya" if st.session_state[f"spd_bukti_{tahun}_{kode}_{r.kode_indikator}"] else "tidak",
        }
        for r in lembar.itertuples()
        if st.session_state.get(f"spd_level_{tahun}_{kode}_{r.kode_indikator}", KOSONG) != KOSONG
    ],
    columns=["kode_indikator", "level", "bukti_ada"],
)
if isian.empty:
    st.info("Pilih parameter sekurang-kurangnya satu indikator, lalu «Periksa isian».")
else:
    periksa = periksa_spd(db, tahun, kode, isian, "isian SPD (halaman)", boleh)
    if not periksa.sah:
        for m in periksa.masalah:
            st.error(str(m))
    else:
        p = impor.preview(db, periksa).ringkasan.iloc[0]
        st.markdown(
            f"**Pratinjau:** {p['jawaban_spd_berubah']} jawaban SPD berubah; IID {angka(p['iid_sebelum'])} → "
            f"**{angka(p['iid_sesudah'])}** ({tanpa_markdown(p['predikat_sesudah'] or '–')}), SID "
            f"{angka(p['sid_sesudah'])}; {tanpa_markdown(p['dasar_sesudah'])}."
        )
        if st.button("Simpan SPD", type="primary", key="simpan_spd", disabled=p["jawaban_spd_berubah"] == 0):
            try:
                boleh_kini = layanan_akun.pastikan_hak_wilayah(masuk["nama"], [kode])
                id_impor = impor.simpan(periksa, masuk["nama"], periksa.sha256, boleh_kini)
            except (layanan_akun.AkunError, impor.DataBerubahError, impor.ImporDitolakError, DatabaseSibukError) as exc:
                st.warning(str(exc))
            else:
                st.session_state["spd_pesan"] = (
                    f"SPD {nama[kode]} {tahun} tersimpan sebagai impor #{id_impor}; dapat dibatalkan di Impor › Riwayat."
                )
                st.rerun()

st.subheader("Penghitung portal")
st.markdown(
    "Ketik angka dari halaman inovasi portal pemda ini (Dilaporkan, Dikirim, Skor Jumlah Inovasi, per tahapan, dan "
    "indeks Pengukuran Mandiri dengan tanggal pembaruannya) untuk dibandingkan dengan hitungan dasbor."
)
tersimpan = penghitung.penghitung_tersimpan(db, tahun, kode)


def _awal(kolom: str) -> float | None:
    return None if tersimpan is None or pd.isna(tersimpan[kolom]) else float(tersimpan[kolom])


with st.form(f"penghitung_{tahun}_{kode}"):
    kolom = st.columns(4)
    nilai: dict[str, object] = {}
    for i, k in enumerate(penghitung.ANGKA_BULAT):
        awal = _awal(k)
        nilai[k] = kolom[i % 4].number_input(
            penghitung.LABEL[k], min_value=0, step=1, value=None if awal is None else int(awal), key=f"hitung_{k}"
        )
    nilai["skor_jumlah_inovasi"] = kolom[1].number_input(
        penghitung.LABEL["skor_jumlah_inovasi"], min_value=0.0, value=_awal("skor_jumlah_inovasi"), format="%.2f"
    )
    nilai["indeks_mandiri"] = kolom[2].number_input(
        penghitung.LABEL["indeks_mandiri"], min_value=0.0, max_value=100.0, value=_awal("indeks_mandiri"), format="%.2f"
    )
    nilai["tanggal_indeks"] = kolom[3].date_input(
        "Tanggal pembaruan indeks", value=penghitung.tanggal_indeks(tersimpan), format="DD-MM-YYYY"
    )
    if st.form_submit_button("Simpan penghitung"):
        try:
            boleh_kini = layanan_akun.pastikan_hak_wilayah(masuk["nama"], [kode])
            penghitung.simpan_penghitung(tahun, kode, nilai, masuk["nama"], boleh_kini)
        except (layanan_akun.AkunError, penghitung.PenghitungDitolakError, DatabaseSibukError) as exc:
            st.warning(str(exc))
        else:
            st.session_state["spd_pesan"] = f"Penghitung portal {nama[kode]} {tahun} tersimpan."
            st.rerun()

banding = penghitung.bandingkan(db, tahun, kode)
st.dataframe(
    pd.DataFrame(
        {
            "Penghitung": banding["penghitung"],
            "Portal": [
                bilangan(v) if b else angka(v) for v, b in zip(banding["portal"], banding["bulat"], strict=True)
            ],
            "Dasbor": [
                bilangan(v) if b else angka(v) for v, b in zip(banding["dasbor"], banding["bulat"], strict=True)
            ],
            "Beda": banding["beda"].map({True: "⚠️ beda", False: ""}),
            "Cara dasbor menghitung": banding["catatan"],
        }
    ),
    hide_index=True,
    key="tabel_penghitung",
)
if banding["beda"].any():
    st.warning(
        "Beda: "
        + "; ".join(tanpa_markdown(p) for p in banding.loc[banding["beda"], "penghitung"])
        + ". Periksa status "
        "kirim, tahapan dan SPD di dasbor, atau angka yang diketik."
    )
