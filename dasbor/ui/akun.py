"""Sign-in for the pages that change data, and the optional login wall for every page ($DASBOR_WAJIB_MASUK).

The password form checks bcrypt hashes from the accounts file and keeps the account's name in this browser
session only (a reload signs out, and so does $DASBOR_SESI_MENIT minutes without activity), which suits shared
laptops at a bimtek. Role and regions are re-read from the accounts file on every run, and the session ends when
the account's generation is no longer the one it signed in under (a password reset, `akun tambah --timpa`,
`akun keluarkan`, or the account deleted and made again). OIDC through st.login is
offered only when an [auth] section exists in .streamlit/secrets.toml; `akun keluarkan EMAIL` also ends an OIDC
login the provider issued before it."""

from __future__ import annotations

import ipaddress
import time
from typing import Any

import streamlit as st

from dasbor.lingkup import lingkup
from dasbor.services import akun
from dasbor.visual.format import angka, tanpa_markdown

KUNCI = "akun_masuk"  # the signed-in name, and nothing else: rights are re-read from the accounts file every run
GENERASI = "akun_generasi"  # the account's generation at sign-in: a reset, change or `akun keluarkan` ends the session
AKTIF = "akun_aktif"  # time.time() of the session's last run while signed in
PESAN = "akun_pesan"  # why the session was signed out (idle, account removed), shown once


def oidc_tersedia() -> bool:
    """Whether st.login can work: it needs [auth] in secrets, and reading st.secrets without a file raises."""
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def _oidc_masuk() -> bool:
    return oidc_tersedia() and bool(st.user.get("is_logged_in"))


def alamat_klien() -> str | None:
    """The client's address for the sign-in log (`alamat_dari` the request's headers)."""
    try:
        return alamat_dari(st.context.headers.get("X-Forwarded-For"), st.context.ip_address)
    except Exception:
        return None


def alamat_dari(rantai: object, langsung: object) -> str | None:
    """The X-Forwarded-For chain HAProxy adds (its last entry is the address the proxy saw; earlier ones are the
    client's own claim), then the socket's peer (the proxy itself when there is one). Only well-formed IP
    addresses are kept, at most six, so the header cannot smuggle text into the log."""
    alamat = []
    for bagian in [*(rantai.split(",") if isinstance(rantai, str) else []), langsung][-6:]:
        try:
            alamat.append(str(ipaddress.ip_address(str(bagian).strip())))
        except ValueError:
            continue
    return ", ".join(alamat) or None


def _sesi_habis() -> bool:
    """Whether the signed-in session was idle longer than DASBOR_SESI_MENIT; marks this run as activity."""
    sekarang = time.time()
    terakhir = st.session_state.get(AKTIF)
    st.session_state[AKTIF] = sekarang
    return terakhir is not None and sekarang - terakhir > akun.menit_sesi() * 60


def _akhiri(pesan: str) -> None:
    for kunci in (KUNCI, AKTIF, GENERASI):
        st.session_state.pop(kunci, None)
    st.session_state[PESAN] = pesan


def _oidc_diakhiri(klaim: dict[str, Any]) -> bool:
    """Whether an admin ended this OIDC login: the provider issued it before `akun keluarkan` (its iat; a browser
    keeps the login in a cookie and brings it to every new session), or the account's generation changed since this
    session first saw it (a token without iat, `akun tambah --timpa`)."""
    if akun.oidc_dikeluarkan(klaim):
        return True
    generasi = akun.generasi_oidc(klaim)
    if GENERASI not in st.session_state:
        st.session_state[GENERASI] = generasi
        return False
    return st.session_state[GENERASI] != generasi


def pengguna() -> dict[str, Any] | None:
    """The signed-in account (nama, peran, and an operator's wilayah), by password in this session or through
    the OIDC provider, with role and regions as the accounts file says now. A removed account, or a session idle
    longer than DASBOR_SESI_MENIT, is signed out here."""
    nama = st.session_state.get(KUNCI)
    oidc = not nama and _oidc_masuk()
    if not (nama or oidc):
        return None
    if _sesi_habis():
        menit = angka(akun.menit_sesi(), 0 if akun.menit_sesi().is_integer() else 1)
        _akhiri(f"Sesi berakhir karena tidak ada aktivitas selama {menit} menit. Silakan masuk lagi.")
        if oidc:
            st.logout()
        return None
    if oidc:
        klaim = st.user.to_dict()
        if _oidc_diakhiri(klaim):
            _akhiri(
                f"Sesi {tanpa_markdown(klaim.get('email', ''))} diakhiri oleh admin (akun diubah atau sesinya "
                "dikeluarkan). Silakan masuk lagi."
            )
            st.logout()
            return None
        hasil = akun.pengguna_oidc(klaim)
        if hasil is None:
            st.session_state[PESAN] = (
                f"Identitas {tanpa_markdown(st.user.get('email', ''))} dari penyedia OIDC tidak dikenal dasbor ini (bukan akun OIDC "
                "yang terdaftar, bukan domain yang diizinkan, atau e-mailnya belum terverifikasi)."
            )
        return hasil
    hasil = akun.pengguna_terkini(nama)
    if hasil is None:
        _akhiri(f"Akun {nama} tidak ada lagi; sesi diakhiri.")
    elif akun.generasi(nama) != st.session_state.get(GENERASI):
        _akhiri(
            f"Sesi akun {nama} diakhiri oleh admin (kata sandi diganti, akun diubah, atau sesinya dikeluarkan). "
            "Silakan masuk lagi."
        )
        return None
    return hasil


def petunjuk_admin_pertama() -> None:
    st.warning("Belum ada akun admin, sehingga impor belum bisa dipakai. Tidak ada akun atau kata sandi bawaan.")
    st.markdown(
        "Buat admin pertama di komputer server, dari folder dasbor, dengan perintah berikut. Kata sandi (minimal "
        f"{akun.SANDI_MIN} karakter) ditanyakan di terminal dan hanya hash bcrypt-nya yang disimpan di "
        f"`{akun.akun_path()}` (di luar git). Setelah itu muat ulang halaman ini."
    )
    st.code(".venv/bin/python -m dasbor akun tambah NAMA_ADMIN --peran admin", language="bash")


def _coba_masuk() -> None:
    nama, sandi = st.session_state.get("masuk_nama", ""), st.session_state.get("masuk_sandi", "")
    try:
        # Read before the password is checked: a reset landing meanwhile then ends this session at its next run.
        generasi = akun.generasi(akun.normalkan_nama(nama))
    except akun.AkunError:
        generasi = None  # not a valid name: masuk() refuses it
    try:
        hasil = akun.masuk(nama, sandi, alamat=alamat_klien())
    except akun.AkunError as exc:  # locked, too many at once, or the attempt could not be recorded
        st.session_state["masuk_gagal"] = str(exc)
        return
    if hasil:
        st.session_state[KUNCI] = hasil["nama"]
        st.session_state[GENERASI] = generasi
        st.session_state[AKTIF] = time.time()
    else:
        st.session_state["masuk_gagal"] = "Nama akun atau kata sandi salah."


def form_masuk() -> None:
    with st.form("form_masuk"):
        st.text_input("Nama akun", key="masuk_nama")
        st.text_input("Kata sandi", type="password", key="masuk_sandi")
        st.form_submit_button("Masuk", type="primary", on_click=_coba_masuk)
    if gagal := st.session_state.pop("masuk_gagal", None):
        st.error(gagal)
    if pesan := st.session_state.pop(PESAN, None):
        st.warning(pesan)
    if _oidc_masuk():
        # Signed in at the provider but not admitted here: offer to leave that identity, not to sign in again.
        st.button("Keluar dari akun instansi (OIDC)", on_click=st.logout)
    elif oidc_tersedia():
        st.button("Masuk dengan akun instansi (OIDC)", on_click=st.login)


def keluar() -> None:
    for kunci in (KUNCI, AKTIF, GENERASI):
        st.session_state.pop(kunci, None)
    if _oidc_masuk():
        st.logout()


def menu_sidebar() -> None:
    if masuk := pengguna():
        st.sidebar.caption(f"Masuk sebagai **{masuk['nama']}** ({akun.peran_teks(masuk)})")
        st.sidebar.button("Keluar", on_click=keluar, key="tombol_keluar")
    elif not akun.masuk_diwajibkan() and (pesan := st.session_state.pop(PESAN, None)):
        st.sidebar.warning(pesan)


def wajib_masuk() -> None:
    """The sign-in wall, called at the top of every page file (and by app.py's `gerbang`): when
    $DASBOR_WAJIB_MASUK requires an account and nobody is signed in, the page shows the sign-in form and stops.
    Each page calls it itself, so a page reached without app.py's navigation (a first visit to a shared link on a
    plain `streamlit run app.py`, which then runs the page file alone) shows nothing either. An unknown value of
    $DASBOR_WAJIB_MASUK stops the page with the reason."""
    try:
        wajib = akun.masuk_diwajibkan()
    except akun.AkunError as exc:
        st.error(str(exc))
        st.stop()
    if wajib and pengguna() is None:
        st.title(f"Masuk ke {lingkup().judul_aplikasi}")
        st.caption("Dasbor ini dikonfigurasi agar setiap halaman memerlukan akun.")
        form_masuk()
        st.stop()


def gerbang() -> None:
    """Run by app.py before every page: the login wall when login is required, then the account menu."""
    wajib_masuk()
    menu_sidebar()


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
