import hashlib
from collections import Counter

import pandas as pd
import streamlit as st

from dasbor.services import akun as layanan_akun
from dasbor.services import impor, skor, status_inovasi
from dasbor.services.db import BelumDiterbitkanError, DatabaseSibukError, database, stempel
from dasbor.ui import akun, giliran
from dasbor.ui.unduh import MIME_EXCEL
from dasbor.visual.format import angka, bilangan, tanpa_markdown

akun.wajib_masuk()


def tabel_lokasi(daftar: list[impor.MasalahBerkas], judul: str, key: str) -> None:
    """Problems or notices with their sheet, Excel row and column."""
    st.dataframe(
        pd.DataFrame(
            {
                "Lembar": [m.lembar or "–" for m in daftar],
                "Baris": [m.baris for m in daftar],
                "Kolom": [" ".join(x for x in (m.huruf, m.kolom) if x) or "–" for m in daftar],
                judul: [m.pesan for m in daftar],
            }
        ),
        hide_index=True,
        key=key,
    )


def tabel_isi(frame: pd.DataFrame, key: str | None = None) -> None:
    """A preview table with every empty cell shown as "–": Streamlit writes None and NaN as the words."""
    st.dataframe(frame.astype(object).where(frame.notna(), "–"), hide_index=True, key=key)


def _konfirmasi(konfirmasi: impor.Konfirmasi) -> None:
    """The confirm button names the preview that was on screen when it was pressed: file, year, decisions, data."""
    st.session_state["impor_dikonfirmasi"] = konfirmasi


def _kunci_ragu(periksa: impor.Pemeriksaan, i: int) -> str:
    return f"ragu_{periksa.sha256[:12]}_{i}"


def keputusan_layar(periksa: impor.Pemeriksaan | None) -> pd.DataFrame | None:
    """The decisions taken so far in the review of this file's uncertain pairs (widget states of the last run)."""
    if periksa is None or periksa.ragu.empty:
        return None
    pilih = [
        (r["kunci_baris"], r["id_inovasi"], st.session_state.get(_kunci_ragu(periksa, i)))
        for i, r in enumerate(periksa.ragu.to_dict("records"))
    ]
    return pd.DataFrame(
        [(k, i, KEPUTUSAN[p]) for k, i, p in pilih if p in KEPUTUSAN], columns=list(impor.KOLOM_KEPUTUSAN)
    )


KEPUTUSAN = {"Inovasi yang sama": "sama", "Inovasi berbeda": "beda"}
BELUM = "Belum diputuskan (diimpor sebagai inovasi baru)"


def tinjau_ragu(periksa: impor.Pemeriksaan) -> None:
    """The review of uncertain matches: evidence per pair and the user's word on each."""
    st.subheader(f"{bilangan(len(periksa.ragu))} pasangan ragu")
    st.markdown(
        "Baris berkas ini mirip inovasi yang sudah ada tetapi tidak pasti sama. Putuskan setiap pasangan: **sama** "
        "menjaga id, riwayat, status dan jawaban indikatornya; **berbeda** atau belum diputuskan mengimpor baris itu "
        "sebagai inovasi baru. Keputusan disimpan bersama impor dan diingat untuk impor berikutnya."
    )
    for i, r in enumerate(periksa.ragu.to_dict("records")):
        st.selectbox(
            f"Baris {r['_baris']}: {tanpa_markdown(r['nama_inovasi_berkas'])} "
            f"({tanpa_markdown(r['perangkat_daerah_berkas'] or '–')}) ↔ {tanpa_markdown(r['id_inovasi'])} "
            f"{tanpa_markdown(r['nama_inovasi_ada'])} ({tanpa_markdown(r['perangkat_daerah_ada'] or '–')}, "
            f"{r['tahun_ada']})",
            [BELUM, *KEPUTUSAN],
            key=_kunci_ragu(periksa, i),
            help=r["beda"],
        )
    # What the preview was computed with, which is what a confirm writes: a choice made a moment ago shows
    # here only once the page has been redrawn with it.
    dipakai = Counter(k for _, _, k in periksa.keputusan)
    st.caption(
        f"Pratinjau dan konfirmasi memakai keputusan: {bilangan(dipakai['sama'])} sama, {bilangan(dipakai['beda'])} "
        f"berbeda, {bilangan(len(periksa.ragu) - dipakai.total())} belum diputuskan."
    )


def portal(periksa: impor.Pemeriksaan, pratinjau: impor.Pratinjau) -> None:
    """What a portal import decides that the user should see before confirming."""
    st.info(
        "Berkas dikenali sebagai **ekspor daftar inovasi portal IID nasional**. Ekspor tidak memuat status kirim, "
        "jawaban per indikator, bukti dukung maupun SPD: inovasi yang dikenali mempertahankan id, status dan jawaban "
        "indikatornya; inovasi baru masuk sebagai draft; jawaban SPD tetap seperti sebelumnya."
    )
    keluar = pratinjau.rincian[pratinjau.rincian["perubahan"] == "dihapus"]
    if not keluar.empty:
        st.warning(
            f"{bilangan(len(keluar))} inovasi tahun {periksa.tahun} tidak ada di berkas ini dan akan keluar dari daftar "
            "tahun itu (data tahun sebelumnya tidak berubah):"
        )
        tabel_isi(keluar[["id_inovasi", "nama_inovasi"]], key="tabel_keluar")
    inovasi = periksa.data["inovasi"]
    kembar = inovasi[inovasi["kembar_dengan"].notna()]
    if not kembar.empty:
        st.warning(
            f"{bilangan(len(kembar))} baris berjudul kembar (diinput akun OPD berbeda). Semua diimpor dan saling "
            "ditandai; selesaikan di portal."
        )
        tabel_isi(kembar[["id_inovasi", "nama_inovasi", "akun_portal", "kembar_dengan"]], key="tabel_kembar")
    if not periksa.ragu.empty:
        tinjau_ragu(periksa)


def _batalkan(id_impor: int) -> None:
    """The undo button names the import it was drawn for."""
    st.session_state["impor_batal_id"] = id_impor


st.title("Impor data Excel")
masuk = akun.wajib_pengimpor()
pengimpor = masuk["nama"]
wilayah_boleh = layanan_akun.wilayah_boleh(masuk)
db = database()
if wilayah_boleh is not None:
    st.info(
        f"Anda masuk sebagai operator wilayah {', '.join(wilayah_boleh)}: berkas hanya boleh berisi data wilayah itu, "
        "dan impor terakhir hanya dapat dibatalkan bila tidak menyentuh wilayah lain."
    )

if pesan := st.session_state.pop("impor_pesan", None):
    st.success(pesan)

tab_impor, tab_status, tab_templat, tab_riwayat = st.tabs(
    ["Impor berkas", "Status kirim", "Templat & ekspor", "Riwayat & pembatalan"]
)

with tab_impor:
    st.markdown(
        "Impor **mengganti seluruh data wilayah-tahun** yang ada di berkas (inovasi, jawaban SID, jawaban SPD). "
        "Berkas diperiksa lebih dulu; bila ada satu saja masalah, tidak ada yang ditulis."
    )
    pilihan_tahun = impor.tahun_impor(db)
    terakhir = impor.tahun_bawaan(db)
    tahun = st.selectbox(
        "Tahun penilaian data di berkas", pilihan_tahun, index=pilihan_tahun.index(terakhir), key="impor_tahun"
    )
    dikonfirmasi = st.session_state.pop("impor_dikonfirmasi", None)  # the preview confirmed (impor.Konfirmasi)
    berkas = st.file_uploader(
        "Berkas .xlsx: ekspor daftar inovasi dari portal IID nasional, atau templat dasbor (dikenali otomatis)",
        type=["xlsx"],
        key="impor_berkas",
    )
    if berkas is not None:
        isi = berkas.getvalue()
        sha256 = hashlib.sha256(isi).hexdigest()
        lalu = st.session_state.get("impor_periksa")
        keputusan = keputusan_layar(lalu if lalu is not None and lalu.sha256 == sha256 else None)
        tanda = () if keputusan is None else tuple(map(tuple, keputusan.to_numpy()))
        kunci = (berkas.name, sha256, tahun, stempel(db), pengimpor, tanda)
        if st.session_state.get("impor_kunci") != kunci:
            # the check runs in a child process: this run waits without its turn (dasbor/ui/giliran.py)
            with st.spinner("Memeriksa berkas…"), giliran.di_luar():
                st.session_state["impor_periksa"] = impor.check_import(
                    db, isi, tahun, berkas.name, wilayah_boleh=wilayah_boleh, keputusan=keputusan
                )
            st.session_state["impor_kunci"] = kunci
        periksa = st.session_state["impor_periksa"]
        nama_file = tanpa_markdown(periksa.nama_file)
        if not periksa.sah:
            st.error(
                f"Berkas {nama_file} tidak dapat diimpor: {bilangan(periksa.jumlah_masalah)} masalah. "
                "Tidak ada yang ditulis. Perbaiki berkas lalu unggah lagi."
            )
            tabel_lokasi(periksa.masalah, "Masalah", "tabel_masalah")
        if periksa.peringatan:
            st.warning(
                f"{bilangan(len(periksa.peringatan))} catatan: sel yang dibersihkan dan nama perangkat daerah baru "
                "yang mirip nama yang sudah ada. Periksa sebelum mengonfirmasi."
            )
            tabel_lokasi(periksa.peringatan, "Catatan", "tabel_peringatan")
        if periksa.sah:
            pratinjau = impor.preview(db, periksa)
            st.success(
                f"Berkas {nama_file} sah: {bilangan(periksa.baris)} baris untuk tahun {periksa.tahun}. "
                "Periksa pratinjau di bawah, lalu konfirmasi."
            )
            st.subheader("Pratinjau perubahan")
            r = pratinjau.ringkasan
            st.dataframe(
                pd.DataFrame(
                    {
                        "Wilayah": r["nama_wilayah"],
                        "Data sebelum": r["data_sebelum"],
                        "Inovasi baru": r["inovasi_baru"],
                        "Berubah": r["inovasi_berubah"],
                        "Dihapus": r["inovasi_dihapus"],
                        "Tetap": r["inovasi_tetap"],
                        "Jawaban SPD berubah": r["jawaban_spd_berubah"],
                        "IID sebelum": r["iid_sebelum"].map(angka),
                        "Predikat sebelum": r["predikat_sebelum"].astype(object).fillna("–"),
                        "IID sesudah": r["iid_sesudah"].map(angka),
                        "Predikat sesudah": r["predikat_sesudah"].astype(object).fillna("–"),
                        "SID sesudah": r["sid_sesudah"].map(angka),
                        "Dasar nilai sesudah": r["dasar_sesudah"],
                    }
                ),
                hide_index=True,
                key="tabel_pratinjau",
            )
            st.caption(
                f"IID dihitung modul skor bersama dengan aturan versi {pratinjau.versi_metodologi} (keyakinan rumus: "
                f"{pratinjau.keyakinan_rumus}), basis {pratinjau.basis}. Nilai sebelum berasal dari data yang kini "
                "tersimpan (lihat kolom 'Data sebelum'); nilai sesudah dari berkas ini, dengan aturan yang sama seperti halaman "
                "lain sesudah konfirmasi. Pemda tanpa jawaban SPD tidak mendapat IID (hanya SID)."
            )
            if periksa.format == "portal":
                portal(periksa, pratinjau)
            if not periksa.perangkat_daerah_baru.empty:
                st.markdown(
                    f"**{bilangan(len(periksa.perangkat_daerah_baru))} perangkat daerah baru** akan ditambahkan:"
                )
                tabel_isi(periksa.perangkat_daerah_baru, key="tabel_pd_baru")
            if not pratinjau.rincian.empty:
                with st.expander(f"Rincian {bilangan(len(pratinjau.rincian))} inovasi yang baru, berubah atau dihapus"):
                    tabel_isi(pratinjau.rincian)
            st.button(
                "Konfirmasi impor",
                type="primary",
                key="konfirmasi_impor",
                on_click=_konfirmasi,
                args=(periksa.konfirmasi,),
            )
        # Pressed for the preview on screen; the service refuses any other check: another file, a year or decisions
        # changed in the same run as the click, or data of these wilayah-years changed since the preview was drawn.
        if dikonfirmasi is not None:
            try:
                # Rights as they are now, not as when the preview was drawn (an admin may have narrowed them).
                boleh_kini = layanan_akun.pastikan_hak_wilayah(pengimpor, periksa.wilayah)
                id_impor = impor.simpan(periksa, pengimpor, dikonfirmasi, boleh_kini)
            except BelumDiterbitkanError as exc:  # committed; only the servers' copy is behind (full disk)
                st.session_state.pop("impor_kunci", None)
                st.error(str(exc))
            except (
                layanan_akun.AkunError,
                impor.DataBerubahError,
                impor.ImporDitolakError,
                DatabaseSibukError,
                ValueError,
            ) as exc:
                st.warning(str(exc))
            else:
                st.session_state["impor_pesan"] = (
                    f"Impor #{id_impor} selesai: {', '.join(periksa.wilayah)} tahun {periksa.tahun} diganti dengan "
                    f"isi {nama_file}. Tercatat di riwayat impor; dapat dibatalkan."
                )
                st.session_state.pop("impor_kunci", None)
                st.rerun()

with tab_templat:
    tahun_templat = st.selectbox(
        "Tahun", impor.tahun_impor(db), index=pilihan_tahun.index(terakhir), key="templat_tahun"
    )
    st.download_button(
        f"Unduh templat kosong {tahun_templat}",
        data=lambda: impor.templat(db, tahun_templat),
        file_name=f"templat-iid-{tahun_templat}.xlsx",
        on_click="ignore",
        key="unduh_templat",
    )
    wilayah = skor.daftar_wilayah()
    pilih = st.multiselect(
        "Ekspor data wilayah (format yang sama dengan templat; dapat diperbaiki lalu diimpor kembali)",
        wilayah["kode_wilayah"].tolist(),
        format_func=dict(zip(wilayah["kode_wilayah"], wilayah["nama_wilayah"], strict=True)).get,
        key="ekspor_wilayah",
    )
    if pilih:
        st.download_button(
            f"Unduh ekspor {len(pilih)} wilayah tahun {tahun_templat}",
            data=lambda: impor.ekspor(db, tahun_templat, pilih),
            file_name=f"ekspor-iid-{tahun_templat}.xlsx",
            on_click="ignore",
            key="unduh_ekspor",
        )

with tab_riwayat:
    terakhir_impor = impor.impor_terakhir(db)
    if terakhir_impor is None:
        st.info("Belum ada impor yang dapat dibatalkan.")
    else:
        id_terakhir = int(terakhir_impor["id_impor"])
        st.markdown(
            f"Impor terakhir: **#{id_terakhir}** — {tanpa_markdown(terakhir_impor['nama_file'])}, tahun "
            f"{terakhir_impor['tahun']}, oleh {tanpa_markdown(terakhir_impor['pengguna'])} pada "
            f"{pd.Timestamp(terakhir_impor['waktu']):%d-%m-%Y %H:%M}."
        )
        if alasan := impor.alasan_tolak_batal(db, wilayah_boleh):
            st.warning(alasan)
        else:
            yakin = st.checkbox("Saya yakin ingin memulihkan isi sebelum impor ini", key="yakin_batal")
            st.button(
                f"Batalkan impor #{id_terakhir}",
                disabled=not yakin,
                key="batalkan_impor",
                on_click=_batalkan,
                args=(id_terakhir,),
            )
    # The id the button was drawn for: a newer import (or another undo) since then is refused by the service.
    if (id_dilihat := st.session_state.pop("impor_batal_id", None)) is not None:
        try:
            # The undone import's regions are checked against these rights inside its transaction.
            boleh_kini = layanan_akun.pastikan_hak_wilayah(pengimpor, ())
            dibatalkan = impor.batalkan(pengimpor, boleh_kini, id_dilihat)
        except (
            layanan_akun.AkunError,
            impor.ImporDitolakError,
            impor.DataBerubahError,
            BelumDiterbitkanError,
            DatabaseSibukError,
        ) as exc:
            st.warning(str(exc))
        else:
            st.session_state["impor_pesan"] = f"Impor #{dibatalkan} dibatalkan; isi sebelumnya dipulihkan."
            st.session_state.pop("yakin_batal", None)
            st.rerun()
    st.subheader("Riwayat impor")
    riwayat = impor.riwayat(db)
    st.dataframe(riwayat, hide_index=True, key="tabel_riwayat")
    # Only imports of the account's own regions: an archived file holds names and data of the pemda it came from.
    diimpor = impor.arsip_boleh(db, wilayah_boleh)
    if diimpor:
        nama_berkas = dict(zip(riwayat["id_impor"].astype(int), riwayat["nama_file"], strict=True))
        id_unduh = st.selectbox(
            "Arsip: unduh kembali berkas yang diimpor",
            diimpor,
            format_func=lambda i: f"#{i} — {nama_berkas[i]}",
            key="arsip_impor",
        )
        arsip = impor.berkas_impor(db, id_unduh, wilayah_boleh)
        if arsip is None:
            st.caption(f"Impor #{id_unduh} dari sebelum arsip berkas ada; berkasnya tidak tersimpan.")
        else:
            nama_unduhan = impor.nama_unduhan(arsip)
            st.download_button(
                f"Unduh berkas impor #{id_unduh} ({arsip['format']}): {nama_unduhan}",
                data=bytes(arsip["isi"]),
                file_name=nama_unduhan,
                mime="text/csv" if impor.akhiran_arsip(arsip) == ".csv" else MIME_EXCEL,
                on_click="ignore",
                key="unduh_arsip",
            )

with tab_status:
    st.markdown(
        "Ekspor portal tidak memuat status kirim. Tandai di sini inovasi yang **dikirim** (hanya yang dikirim yang "
        "dinilai), diterima atau ditolak; inovasi baru dari portal masuk sebagai draft."
    )
    kolom_tahun, kolom_wilayah = st.columns(2)
    tahun_status = kolom_tahun.selectbox(
        "Tahun", impor.tahun_impor(db), index=pilihan_tahun.index(terakhir), key="status_tahun"
    )
    semua_wilayah = skor.daftar_wilayah()
    nama_wilayah = dict(zip(semua_wilayah["kode_wilayah"], semua_wilayah["nama_wilayah"], strict=True))
    boleh = [k for k in nama_wilayah if wilayah_boleh is None or k in wilayah_boleh]
    wilayah_status = kolom_wilayah.selectbox("Wilayah", boleh, format_func=nama_wilayah.get, key="status_wilayah")
    if wilayah_status is not None:
        daftar = status_inovasi.daftar_status(db, tahun_status, wilayah_status)
        st.dataframe(daftar, hide_index=True, key="tabel_status")
        if not daftar.empty:
            pilih_id = st.multiselect("Inovasi", daftar["id_inovasi"].tolist(), key="status_id")
            status_baru = st.selectbox("Status baru", status_inovasi.STATUS, key="status_baru")
            if st.button("Simpan status", disabled=not pilih_id, key="simpan_status"):
                perubahan = pd.DataFrame({"id_inovasi": pilih_id, "status_inovasi": status_baru})
                try:
                    n = status_inovasi.simpan_status(tahun_status, wilayah_status, perubahan, pengimpor, wilayah_boleh)
                except (status_inovasi.StatusDitolakError, DatabaseSibukError, BelumDiterbitkanError) as exc:
                    st.warning(str(exc))
                else:
                    st.session_state["impor_pesan"] = (
                        f"Status {n} inovasi {nama_wilayah[wilayah_status]} tahun {tahun_status} menjadi {status_baru}."
                    )
                    st.session_state.pop("status_id", None)
                    st.rerun()
