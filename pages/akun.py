import streamlit as st

from dasbor.services import akun as layanan_akun
from dasbor.ui import akun

st.title("Akun")
masuk = akun.pengguna()
if masuk:
    st.success(f"Anda masuk sebagai {masuk['nama']} dengan peran {masuk['peran']}.")
    st.button("Keluar", on_click=akun.keluar, key="keluar_halaman")
elif not layanan_akun.ada_admin() and not akun.oidc_tersedia():
    akun.petunjuk_admin_pertama()
else:
    akun.form_masuk()

st.subheader("Peran")
st.markdown(
    "- **Tanpa akun**: melihat semua halaman hasil (kecuali dasbor diatur agar setiap halaman memerlukan akun, "
    "dengan `DASBOR_WAJIB_MASUK=1`).\n"
    "- **pembaca**: melihat halaman ketika akun diwajibkan.\n"
    "- **admin**: juga mengimpor berkas Excel dan membatalkan impor terakhir."
)
st.markdown("Akun dibuat, diganti dan dihapus di komputer server (tidak lewat peramban):")
st.code(
    ".venv/bin/python -m dasbor akun tambah NAMA [--peran admin|pembaca]\n"
    ".venv/bin/python -m dasbor akun tambah NAMA --timpa   # ganti kata sandi\n"
    ".venv/bin/python -m dasbor akun hapus NAMA\n"
    ".venv/bin/python -m dasbor akun daftar",
    language="bash",
)
