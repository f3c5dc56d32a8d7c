import hashlib

import pandas as pd
import streamlit as st

from dasbor.halaman import halaman
from dasbor.services import hasil as layanan_hasil
from dasbor.services import simulasi
from dasbor.ui import data, drill, sumber, unduh
from dasbor.ui import filter as saringan
from dasbor.ui import kelengkapan_tabel as tabel
from dasbor.ui.akun import wajib_masuk
from dasbor.ui.data import figur, olahan
from dasbor.visual import kelengkapan_charts as grafik
from dasbor.visual.format import angka, bilangan, tanpa_markdown

wajib_masuk()

st.title("Simulasi: bagaimana jika …")
st.error(
    "SIMULASI — angka berlabel «simulasi» di halaman ini adalah hasil skenario, bukan angka resmi dan bukan "
    "hasil hitungan data. Skenario tidak mengubah data apa pun."
)
tahun = saringan.pilih_tahun()
wilayah = saringan.pilih_wilayah()
kel = data.kelengkapan(tahun, wilayah)
sumber.banner_sintetis(tahun)
st.caption(
    f"Dihitung dengan modul skor bersama: {kel.aturan}. Peringkat: di antara {data.sejawat_peringkat()} menurut IID; "
    "yang SPD-nya belum diisi diperingkat terpisah menurut SID."
)

skenario, pesan = simulasi.baca(st.query_params.get("skenario"), kel, wilayah)
for p in pesan:
    st.info(tanpa_markdown(p))


def simpan(baru: simulasi.Skenario) -> None:
    """The scenario lives in the URL: write it there and draw the page again from it."""
    drill.atur(skenario=simulasi.tulis(baru) or None)
    st.rerun()


kiri, kanan = st.columns([3, 1])
kanan.button("Atur ulang skenario", key="atur_ulang", on_click=drill.atur, kwargs={"skenario": None})
# Shared by every visitor of the same region and scenario (the default one most of all): one rescoring each.
hasil = olahan(
    simulasi.simulasikan,
    kel,
    wilayah,
    skenario,
    data.skor_tahun(tahun, "terverifikasi"),
    sidik=(tahun, wilayah, skenario),
)
nama = hasil.nyata["nama_wilayah"]
provinsi = hasil.nyata["jenis"] == "provinsi"
# A pemda without SPD has SID alone (services.skor.nilai_wilayah): the scenario moves its SID, never an IID.
lengkap = bool(hasil.nyata["ada_spd"])
ukuran = "IID" if lengkap else "SID"
kolom_nilai = "iid" if lengkap else "skor_sid"
kolom_peringkat = "peringkat" if lengkap else "peringkat_sid_saja"
# among the province's kab/kota, whom the rank is among; the province among itself and its kab/kota
kelompok = layanan_hasil.se_provinsi(hasil.peringkat, wilayah, provinsi=provinsi)
sebaya = kelompok[kelompok["ada_spd"].astype(bool) == lengkap]
jumlah_sebaya = int((sebaya["jenis"] != "provinsi").sum())
if not lengkap:
    st.warning(
        f"{tanpa_markdown(nama)}: SPD belum diisi, jadi belum ada IID dan predikat. Simulasi ini hanya untuk SID "
        "(nilai inovasi)"
        + ("" if provinsi else f", diperingkat di antara {bilangan(jumlah_sebaya)} kabupaten/kota yang juga tanpa SPD")
        + f". IID memerlukan SPD: isi di {halaman('spd').tempat}."
    )


def peringkat(baris: pd.Series) -> str:
    if provinsi:
        return "— (dinilai di antara provinsi)"
    return f"{bilangan(baris[kolom_peringkat])} dari {bilangan(jumlah_sebaya)}" + ("" if lengkap else " tanpa SPD")


with kiri:
    st.subheader(nama)
    nyata, sim = st.columns(2)
    nyata.markdown("**Nyata** (hitungan data, basis terverifikasi)")
    nyata.metric(ukuran, angka(hasil.nyata[kolom_nilai]))
    nyata.metric("Predikat", hasil.nyata["predikat"] if lengkap else "– (SPD belum diisi)")
    nyata.metric("Peringkat", peringkat(hasil.nyata))
    sim.markdown("**SIMULASI**")
    sim.metric(
        f"{ukuran} simulasi",
        angka(hasil.simulasi[kolom_nilai]),
        delta=angka(hasil.simulasi[kolom_nilai] - hasil.nyata[kolom_nilai]),
    )
    sim.metric("Predikat simulasi", hasil.simulasi["predikat"] if lengkap else "– (SPD belum diisi)")
    selisih = int(hasil.nyata[kolom_peringkat] - hasil.simulasi[kolom_peringkat])
    sim.metric(
        "Peringkat simulasi",
        peringkat(hasil.simulasi),
        delta=None if provinsi or selisih == 0 else f"{'naik' if selisih > 0 else 'turun'} {abs(selisih)}",
        delta_color="normal" if selisih >= 0 else "inverse",
    )
st.caption(
    f"Skenario: {bilangan(len(skenario.bukti))} bukti diperbaiki, {bilangan(len(skenario.level))} level diubah, "
    f"{bilangan(len(skenario.kirim))} inovasi dikirim/ditarik, {bilangan(len(skenario.tambahan))} inovasi hipotetis. "
    f"n inovasi simulasi {bilangan(hasil.simulasi['n_inovasi'])} (nyata {bilangan(hasil.nyata['n_inovasi'])})."
)
unduh.plotly_chart(
    figur(
        grafik.banding_simulasi,
        sebaya.sort_values("peringkat_nyata"),
        wilayah,
        float(hasil.simulasi[kolom_nilai]),
        [p.batas_bawah for p in data.metodologi(tahun).predikat] if lengkap else [],
        kolom_nilai,
    ),
    nama=f"simulasi-{tahun}-{wilayah}",
    key="grafik_simulasi",
    config={"displayModeBar": False},
)
drill.tombol_tautan(
    "Tautan ke skenario ini", "Salin dan kirim: tautan ini membuka skenario yang sama.", {"tahun": tahun}
)

# Editors are keyed on the scenario: once a change is written to the URL, they start again from it.
versi_skenario = hashlib.sha1(simulasi.tulis(skenario).encode()).hexdigest()[:10]
tab_bukti, tab_level, tab_kirim, tab_tambah = st.tabs(
    ["Tandai bukti diperbaiki", "Ubah level jawaban", "Kirim / tarik inovasi", "Tambah inovasi hipotetis"]
)
with tab_bukti:
    celah = olahan(simulasi.celah_simulasi, kel, wilayah, sidik=(tahun, wilayah))
    if not lengkap:
        st.caption(
            "Poin IID = nilai perbaikan setelah SPD diisi (dapat dijumlahkan); sebelum itu yang naik adalah SID."
        )
    awal = olahan(tabel.pilihan_bukti, celah, set(skenario.bukti), sidik=(tahun, wilayah, skenario.bukti))
    ubah = st.data_editor(
        awal,
        hide_index=True,
        disabled=[k for k in awal.columns if k != "Diperbaiki"],
        key=f"edit_bukti_{wilayah}_{versi_skenario}",
    )
    dipilih = tuple(celah["id_celah"][ubah["Diperbaiki"].to_numpy(bool)])
    if set(dipilih) != set(skenario.bukti):
        simpan(simulasi.Skenario(skenario.level, dipilih, skenario.kirim, skenario.tambahan))
with tab_level:
    pilihan = olahan(simulasi.pemilik_jawaban, kel, wilayah, sidik=(tahun, wilayah))
    if not lengkap:
        st.caption(f"SPD belum diisi, jadi levelnya tidak disimulasikan: isi SPD di {halaman('spd').tempat}.")
    if not pilihan:
        st.info(
            "Belum ada jawaban per indikator: inovasi wilayah ini hanya dikenal dari ekspor portal. Naikkan "
            "kematangannya di tab «Tandai bukti diperbaiki»."
        )
    else:
        pemilik = st.selectbox("Jawaban milik", list(pilihan), format_func=pilihan.get, key=f"level_pemilik_{wilayah}")
        awal = olahan(
            simulasi.jawaban_untuk_diubah, kel, wilayah, pemilik, skenario, sidik=(tahun, wilayah, pemilik, skenario)
        )
        ubah = st.data_editor(
            olahan(tabel.level_jawaban, awal, sidik=(tahun, wilayah, pemilik, skenario)),
            hide_index=True,
            disabled=["Indikator", "Klaim", "Diakui sekarang"],
            column_config={"Level simulasi": st.column_config.NumberColumn(min_value=0, max_value=3, step=1)},
            key=f"edit_level_{wilayah}_{pemilik}_{versi_skenario}",
        )
        baru = simulasi.level_dari_editor(skenario, awal, ubah["Level simulasi"].to_numpy())
        if baru != skenario:
            simpan(baru)
with tab_kirim:
    inovasi = olahan(simulasi.inovasi_kirim, kel, wilayah, sidik=(tahun, wilayah))
    if hasil.nyata["semua_layak_dikirim"]:
        st.caption(
            "Belum ada inovasi bertanda dikirim: dihitung seolah setiap inovasi yang memenuhi aturan usia dikirim "
            "(dicentang), meski statusnya masih draft."
        )
    awal = olahan(tabel.pilihan_kirim, inovasi, dict(skenario.kirim), sidik=(tahun, wilayah, skenario.kirim))
    ubah = st.data_editor(
        awal,
        hide_index=True,
        disabled=[k for k in awal.columns if k != "Dikirim"],
        key=f"edit_kirim_{wilayah}_{versi_skenario}",
    )
    baru = simulasi.kirim_dari_editor(skenario, inovasi, ubah["Dikirim"].to_numpy(bool))
    if baru != skenario:
        simpan(baru)
with tab_tambah:
    m = data.metodologi(tahun)
    urusan = simulasi.urusan_tambahan(m)
    yandas = data.aturan_yandas(tahun).syarat_yandas.urusan
    st.caption(
        f"Inovasi hipotetis dikirim dengan semua {len(m.indikator_aspek('SID'))} indikator SID pada level yang dipilih "
        f"(level 3 = kematangan {angka(m.maks_sid_per_inovasi, 0)}) dan urusan yang dipilih (menentukan cakupan "
        f"{len(yandas)} urusan wajib pelayanan dasar)."
    )
    # Typed columns even when empty, or the editor would read a chosen urusan as a number.
    awal = pd.DataFrame(
        {
            "Urusan": pd.Series([urusan[u] for u, _ in skenario.tambahan], dtype=object),
            "Level": pd.Series([v for _, v in skenario.tambahan], dtype="int64"),
        }
    )
    ubah = st.data_editor(
        awal,
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "Urusan": st.column_config.SelectboxColumn(options=list(urusan), required=True, default=urusan[0]),
            "Level": st.column_config.NumberColumn(min_value=0, max_value=3, step=1, required=True, default=3),
        },
        key=f"edit_tambah_{wilayah}_{versi_skenario}",
    )
    ubah = ubah.dropna()
    tambahan = tuple((urusan.index(u), int(v)) for u, v in zip(ubah["Urusan"], ubah["Level"], strict=True))
    if tambahan != skenario.tambahan:
        simpan(simulasi.Skenario(skenario.level, skenario.bukti, skenario.kirim, tambahan))

st.subheader("Rentang peringkat: seberapa aman posisi setiap kabupaten/kota")
st.caption(
    "Untuk setiap kabupaten/kota se-provinsi: peringkatnya bila hanya level terverifikasi yang dihitung, dan bila "
    f"semua klaim diterima (data {tahun}, bukan skenario di atas). Garis panjang = posisi bergantung pada bukti yang "
    "belum diterima."
)
unduh.plotly_chart(
    figur(grafik.rentang_peringkat, layanan_hasil.se_provinsi(data.rentang_peringkat(tahun), wilayah)),
    nama=f"rentang-peringkat-{tahun}",
    key="rentang",
    config={"displayModeBar": False},
)
