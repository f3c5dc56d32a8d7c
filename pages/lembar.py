import pandas as pd
import streamlit as st

from dasbor.services import akun as layanan_akun
from dasbor.services import impor
from dasbor.services import kelengkapan as layanan
from dasbor.services import lembar_indikator as lembar
from dasbor.services.db import DatabaseSibukError, database, stempel
from dasbor.ui import akun, data, drill, sumber
from dasbor.ui import filter as saringan
from dasbor.visual.format import angka, tanpa_markdown

akun.wajib_masuk()

BELUM = "— belum diisi —"
LEBAR = [3, 2, 4, 1, 3, 3, 2]  # the seven portal columns


def _simpan(stempel_dilihat: tuple[int, ...]) -> None:
    """The save button carries the data it was drawn from: a write by anyone since then is refused."""
    st.session_state["lembar_simpan"] = stempel_dilihat


def _batalkan(id_impor: int) -> None:
    st.session_state["lembar_batal"] = id_impor


st.title("Lembar indikator inovasi")
st.markdown(
    "Isi parameter (level) setiap indikator SID satu inovasi dan centang bukti dukung yang sudah dipegang, seperti "
    "lembar indikator di portal IID. Estimasi kematangan berubah saat Anda mengisi; setelah disimpan, jawaban ini "
    "dipakai skor dan **menggantikan kematangan dari ekspor portal** untuk inovasi ini. Untuk bimtek: isi inovasi "
    "andalan perangkat daerah di sini, lalu masukkan yang sama di portal."
)
tahun = saringan.pilih_tahun()
basis = saringan.pilih_basis()
wilayah = saringan.pilih_wilayah()
masuk = akun.wajib_pengimpor()
pengguna = masuk["nama"]
wilayah_boleh = layanan_akun.wilayah_boleh(masuk)
sumber.banner_sintetis(tahun)
if pesan := st.session_state.pop("lembar_pesan", None):
    st.success(pesan)
if wilayah_boleh is not None and wilayah not in wilayah_boleh:
    st.warning(
        f"Anda masuk sebagai operator wilayah {', '.join(wilayah_boleh)}: lembar indikator hanya dapat diisi untuk "
        "inovasi pemda Anda. Pilih wilayah Anda di bilah samping."
    )
    st.stop()

db = database()
m = data.metodologi(tahun)
usia = data.inovasi_usia(tahun)
semua = data.inovasi_tahun(tahun)
semua = semua[semua["kode_wilayah"] == wilayah].join(usia, on="id_inovasi")
if semua.empty:
    st.info("Wilayah ini belum punya inovasi pada tahun ini.")
    st.stop()
# The strongest first: the bimtek fills each OPD's top innovations.
semua = semua.sort_values(["kematangan_kirim", "nama_inovasi"], ascending=[False, True])
nama_pd = semua["nama_perangkat_daerah"].fillna(layanan.NAMA_PD_TANPA)
label = dict(
    zip(
        semua["id_inovasi"],
        [
            f"{n} — {p} ({angka(k, 0)})"
            for n, p, k in zip(semua["nama_inovasi"], nama_pd, semua["kematangan_kirim"], strict=True)
        ],
        strict=True,
    )
)
dari_tautan = drill.parameter("inovasi", set(label), "Inovasi")
pilihan = list(label)
id_inovasi = st.selectbox(
    "Inovasi (ketik untuk mencari; urut dari kematangan tertinggi)",
    pilihan,
    index=pilihan.index(dari_tautan) if dari_tautan else 0,
    format_func=label.get,
    key="lembar_inovasi",
)
drill.atur(inovasi=id_inovasi)
baris = semua.set_index("id_inovasi").loc[id_inovasi]
st.caption(lembar.asal_teks(m, tahun))

jawaban = data.jawaban_inovasi(tahun, id_inovasi)
isi = lembar.lembar(m, jawaban)

# --- the header: filled count and the live estimate, as the portal shows them ----------------------------------
kepala = st.container()

judul = st.columns(LEBAR)
for kolom, teks in zip(judul, lembar.KOLOM_LEMBAR, strict=True):
    kolom.markdown(f"**{teks}**")
isian = []
for r in isi.to_dict("records"):
    kunci = f"lembar_{id_inovasi}_{r['kode_indikator']}"
    k = st.columns(LEBAR, border=True)
    k[0].markdown(tanpa_markdown(r["indikator"]))
    k[1].markdown(tanpa_markdown(r["keterangan"]))
    k[2].markdown("  \n".join(f"{n}: {tanpa_markdown(r[f'level_{n}'])}" for n in (1, 2, 3)))
    k[3].markdown(angka(r["bobot"], 0))
    opsi = [BELUM, 0, 1, 2, 3]
    sekarang = r["level_klaim"]
    level = k[4].selectbox(
        f"Parameter {r['kode_indikator']}",
        opsi,
        index=0 if pd.isna(sekarang) else opsi.index(int(sekarang)),
        format_func=lambda v, r=r: v if v == BELUM else ("0: tidak ada" if v == 0 else f"{v}: {r[f'level_{v}']}"),
        key=f"{kunci}_level",
        label_visibility="collapsed",
    )
    nilai = None if level == BELUM else int(level)
    if nilai:
        k[5].caption(tanpa_markdown(r[f"bukti_{nilai}"]))
    centang = {
        b: k[5].checkbox(b.capitalize(), value=bool(r["bukti_ada"]), key=f"{kunci}_{b}", disabled=nilai is None)
        for b in lembar.BUKTI
    }
    k[6].markdown(r["jenis_file"], help="Jenis berkas disimpulkan dari teks bukti katalog (tidak ada sumber resmi).")
    isian.append({"kode_indikator": r["kode_indikator"], "level_klaim": nilai, **centang})
isian = pd.DataFrame(isian).astype({"level_klaim": "Int64"})
est = lembar.estimasi(m, isian)
tersimpan = float(baris["kematangan_kirim"])
with kepala:
    h1, h2, h3, h4 = st.columns(4)
    h1.metric("Terisi", f"{est.terisi}/{est.jumlah} SID")
    h2.metric(
        "Estimasi kematangan",
        f"{angka(est.klaim, 0)} / {angka(est.maks, 0)}",
        delta=f"{angka(est.klaim - tersimpan, 0)} dari tersimpan" if est.klaim != tersimpan else None,
        help="Σ bobot × level yang dipilih (klaim), dihitung modul skor.",
    )
    h3.metric(
        "Bila hanya bukti lengkap diakui",
        f"{angka(est.bukti_lengkap, 0)} / {angka(est.maks, 0)}",
        help="Level dengan nomor, tanggal dan tentang dokumen tercentang; yang lain dinilai 0 oleh verifikator.",
    )
    asal = "dari kematangan portal" if bool(baris["dari_kematangan_portal"]) else "dari jawaban indikator"
    h4.metric("Kematangan tersimpan", f"{angka(tersimpan, 0)} / {angka(est.maks, 0)}", help=asal)
    st.caption(f"Kematangan tersimpan {asal}. Inovasi: {tanpa_markdown(baris['nama_inovasi'])} ({id_inovasi}).")
    if bool(baris["dari_kematangan_portal"]) and est.terisi and est.klaim < tersimpan:
        st.warning(
            f"Bila disimpan, jawaban ini menggantikan kematangan portal {angka(tersimpan, 0)} dengan "
            f"{angka(est.klaim, 0)}: isi semua indikator yang sudah diisi di portal."
        )

skor = data.skor_tahun(tahun, basis)
skor = skor[skor["kode_wilayah"] == wilayah]
if not skor.empty and bool(skor["ada_spd"].iat[0]):
    st.metric(f"IID {tahun} wilayah ini (basis {basis}, data tersimpan)", angka(skor["iid"].iat[0]))
elif not skor.empty:  # never an IID with SPD silently 0
    st.metric(f"SID {tahun} wilayah ini (basis {basis}, data tersimpan)", angka(skor["skor_sid"].iat[0]))
    st.caption("Belum ada jawaban SPD untuk wilayah ini: hanya SID yang dihitung, IID belum utuh.")

st.button(
    "Simpan lembar indikator",
    type="primary",
    key="simpan_lembar",
    on_click=_simpan,
    args=(stempel(db),),
)
if (dilihat := st.session_state.pop("lembar_simpan", None)) is not None:
    try:
        boleh_kini = layanan_akun.pastikan_hak_wilayah(pengguna, (wilayah,))
        id_impor = lembar.simpan_lembar(tahun, wilayah, id_inovasi, isian, pengguna, dilihat, boleh_kini)
    except (
        layanan_akun.AkunError,
        impor.ImporDitolakError,
        impor.DataBerubahError,
        lembar.LembarDitolakError,
        DatabaseSibukError,
    ) as exc:
        st.warning(str(exc))
    else:
        st.session_state["lembar_terakhir"] = id_impor
        st.session_state["lembar_pesan"] = (
            f"Lembar indikator {id_inovasi} disimpan sebagai impor #{id_impor}: kematangan klaim "
            f"{angka(est.klaim, 0)}. Tercatat di riwayat impor; dapat dibatalkan."
        )
        st.rerun()

if (terakhir := st.session_state.get("lembar_terakhir")) is not None:
    st.button(f"Batalkan simpanan #{terakhir}", key="batalkan_lembar", on_click=_batalkan, args=(int(terakhir),))
if (id_batal := st.session_state.pop("lembar_batal", None)) is not None:
    try:
        boleh_kini = layanan_akun.pastikan_hak_wilayah(pengguna, ())
        dibatalkan = impor.batalkan(pengguna, boleh_kini, id_batal)
    except (layanan_akun.AkunError, impor.ImporDitolakError, impor.DataBerubahError, DatabaseSibukError) as exc:
        st.warning(str(exc))
    else:
        st.session_state.pop("lembar_terakhir", None)
        st.session_state["lembar_pesan"] = f"Simpanan #{dibatalkan} dibatalkan; jawaban sebelumnya dipulihkan."
        # The widgets show what is stored again.
        for kunci in [k for k in st.session_state if str(k).startswith(f"lembar_{id_inovasi}_")]:
            del st.session_state[kunci]
        st.rerun()
