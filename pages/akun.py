import streamlit as st

from dasbor.lingkup import lingkup
from dasbor.services import akun as layanan_akun
from dasbor.services import kunci_masuk
from dasbor.ui import akun
from dasbor.visual.format import angka

akun.wajib_masuk()

st.title("Akun")
masuk = akun.pengguna()
if masuk:
    st.success(f"Anda masuk sebagai {masuk['nama']} dengan peran {masuk['peran']}.")
    if masuk["peran"] == "operator":
        st.caption(f"Wilayah akun ini: {', '.join(masuk.get('wilayah') or [])}.")
    st.button("Keluar", on_click=akun.keluar, key="keluar_halaman")
elif not layanan_akun.ada_admin() and not akun.oidc_tersedia():
    akun.petunjuk_admin_pertama()
else:
    akun.form_masuk()

st.subheader("Peran")
st.markdown(
    "- **Tanpa akun**: melihat semua halaman hasil (kecuali dasbor diatur agar setiap halaman memerlukan akun, "
    "dengan `DASBOR_WAJIB_MASUK=1`).\n"
    "- Akun baru berperan **pembaca** kecuali perannya disebut.\n"
    "- **pembaca**: melihat halaman ketika akun diwajibkan.\n"
    "- **operator**: mengimpor berkas Excel dan membatalkan impor terakhir, hanya untuk wilayah akunnya.\n"
    "- **admin**: mengimpor dan membatalkan impor untuk semua wilayah."
)
aturan = kunci_masuk.aturan()
menit = angka(aturan.menit, 0 if aturan.menit.is_integer() else 1)
menit_sesi = layanan_akun.menit_sesi()
st.caption(
    f"Setelah {aturan.batas} kali gagal masuk berturut-turut, akun dikunci {menit} menit "
    "(DASBOR_MASUK_BATAS, DASBOR_MASUK_KUNCI_MENIT); admin dapat membukanya lebih awal dengan `akun buka`. Setiap "
    "gagal masuk dicatat di log masuk di server beserta alamat klien. Sesi berakhir setelah "
    f"{angka(menit_sesi, 0 if menit_sesi.is_integer() else 1)} menit tanpa aktivitas (DASBOR_SESI_MENIT); peran "
    "dan wilayah akun dibaca ulang setiap kali halaman dijalankan. Mengganti kata sandi, mengubah akun (`--timpa`) "
    "atau `akun keluarkan` mengakhiri sesi akun itu yang sedang masuk."
)
st.markdown("Akun dibuat, diganti dan dihapus di komputer server (tidak lewat peramban):")
st.code(
    ".venv/bin/python -m dasbor akun tambah NAMA [--peran admin|pembaca]   # bawaan: pembaca\n"
    f".venv/bin/python -m dasbor akun tambah NAMA --peran operator --wilayah {' '.join(lingkup().pembanding)} […]\n"
    ".venv/bin/python -m dasbor akun sandi NAMA   # ganti kata sandi saja; peran dan wilayah tetap\n"
    ".venv/bin/python -m dasbor akun tambah NAMA --timpa --peran …|--wilayah …   # ubah peran atau wilayah\n"
    ".venv/bin/python -m dasbor akun buka NAMA    # buka kuncian setelah terlalu banyak gagal masuk\n"
    ".venv/bin/python -m dasbor akun keluarkan NAMA   # akhiri semua sesi akun ini yang sedang masuk\n"
    ".venv/bin/python -m dasbor akun hapus NAMA\n"
    ".venv/bin/python -m dasbor akun daftar",
    language="bash",
)
