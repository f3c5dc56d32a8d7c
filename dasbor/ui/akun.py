"""Sign-in for the pages that change data, and the optional login wall for every page ($DASBOR_WAJIB_MASUK).

The password form checks bcrypt hashes from the accounts file and keeps the account in this browser session only
(a reload signs out), which suits shared laptops at a bimtek. OIDC through st.login is offered only when an
[auth] section exists in .streamlit/secrets.toml."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dasbor.services import akun

KUNCI = "akun_masuk"


def oidc_tersedia() -> bool:
    """Whether st.login can work: it needs [auth] in secrets, and reading st.secrets without a file raises."""
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def pengguna() -> dict[str, Any] | None:
    """The signed-in account (nama, peran, and an operator's wilayah), by password in this session or through
    the OIDC provider."""
    if masuk := st.session_state.get(KUNCI):
        return masuk
    if oidc_tersedia() and st.user.get("is_logged_in"):
        return akun.pengguna_oidc(str(st.user.get("email", "")))
    return None


def petunjuk_admin_pertama() -> None:
    st.warning("Belum ada akun admin, sehingga impor belum bisa dipakai. Tidak ada akun atau kata sandi bawaan.")
    st.markdown(
        "Buat admin pertama di komputer server, dari folder dasbor, dengan perintah berikut. Kata sandi (minimal "
        f"{akun.SANDI_MIN} karakter) ditanyakan di terminal dan hanya hash bcrypt-nya yang disimpan di "
        f"`{akun.akun_path()}` (di luar git). Setelah itu muat ulang halaman ini."
    )
    st.code(".venv/bin/python -m dasbor akun tambah NAMA_ADMIN", language="bash")


def _coba_masuk() -> None:
    try:
        hasil = akun.masuk(st.session_state.get("masuk_nama", ""), st.session_state.get("masuk_sandi", ""))
    except akun.AkunTerkunciError as exc:
        st.session_state["masuk_gagal"] = str(exc)
        return
    if hasil:
        st.session_state[KUNCI] = hasil
    else:
        st.session_state["masuk_gagal"] = "Nama akun atau kata sandi salah."


def form_masuk() -> None:
    with st.form("form_masuk"):
        st.text_input("Nama akun", key="masuk_nama")
        st.text_input("Kata sandi", type="password", key="masuk_sandi")
        st.form_submit_button("Masuk", type="primary", on_click=_coba_masuk)
    if gagal := st.session_state.pop("masuk_gagal", None):
        st.error(gagal)
    if oidc_tersedia():
        st.button("Masuk dengan akun instansi (OIDC)", on_click=st.login)


def keluar() -> None:
    st.session_state.pop(KUNCI, None)
    if oidc_tersedia() and st.user.get("is_logged_in"):
        st.logout()


def _peran_teks(masuk: dict[str, Any]) -> str:
    """The role as shown to people: an operator with its regions."""
    if masuk["peran"] == "operator":
        return f"operator wilayah {', '.join(masuk.get('wilayah') or [])}"
    return str(masuk["peran"])


def menu_sidebar() -> None:
    if masuk := pengguna():
        st.sidebar.caption(f"Masuk sebagai **{masuk['nama']}** ({_peran_teks(masuk)})")
        st.sidebar.button("Keluar", on_click=keluar, key="tombol_keluar")


def gerbang() -> None:
    """Run by app.py before every page: the account menu, and the login wall when login is required."""
    menu_sidebar()
    if akun.wajib_masuk() and pengguna() is None:
        st.title("Masuk ke Dasbor IID Kalsel")
        st.caption("Dasbor ini dikonfigurasi agar setiap halaman memerlukan akun.")
        form_masuk()
        st.stop()


def wajib_pengimpor() -> dict[str, Any]:
    """The signed-in admin or operator, or stop the page with the reason (no admin yet, not signed in, or a role
    that may not import)."""
    masuk = pengguna()
    if masuk and masuk["peran"] in ("admin", "operator"):
        return masuk
    if not akun.ada_admin() and not oidc_tersedia():
        petunjuk_admin_pertama()
    elif masuk:
        st.error(f"Akun {masuk['nama']} berperan {masuk['peran']}; halaman ini hanya untuk admin dan operator.")
    else:
        st.info("Halaman ini hanya untuk admin dan operator wilayah. Silakan masuk.")
        form_masuk()
    st.stop()
