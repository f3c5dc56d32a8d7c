"""`akun keluarkan EMAIL` ends an OIDC login too. A password session ends by its generation; an OIDC login lives in
the provider's cookie, which the browser brings to every new session. So `keluarkan` records its time, and a login
the provider issued before it (the ID token's iat) is signed out wherever it shows up; a login issued after it
stands, and so does every other identity."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.services import akun
from dasbor.visual.format import tanpa_markdown
from tests.impor.bantu import salin_akun, templat_akun

ROOT = Path(__file__).resolve().parents[2]
KEPALA = "kepala@kalselprov.go.id"
DIAKHIRI = f"Sesi {tanpa_markdown(KEPALA)} diakhiri oleh admin"  # as markdown shows it: kepala@kalselprov.go.id
MASUK = f"Anda masuk sebagai {KEPALA} dengan peran admin"


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return templat_akun(
        tmp_path_factory.mktemp("templat"),
        (KEPALA, None, "admin", {"oidc": True}),
        ("staf@kalselprov.go.id", None, "operator", {"oidc": True, "wilayah": ["63.09"]}),
    )


@pytest.fixture
def berkas_akun(templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for nama in ("DASBOR_WAJIB_MASUK", "DASBOR_SESI_MENIT", "DASBOR_OIDC_DOMAIN"):
        monkeypatch.delenv(nama, raising=False)
    return salin_akun(templat, tmp_path, monkeypatch)


def _klaim(email: str = KEPALA, **lain: object) -> dict:
    return {"email": email, "email_verified": True, **lain}


def test_keluarkan_dates_itself_and_refuses_only_logins_issued_before(berkas_akun: Path) -> None:
    sebelum = time.time() - 100
    assert not akun.oidc_dikeluarkan(_klaim(iat=sebelum))  # never ended: every login stands
    akun.keluarkan(KEPALA)
    sejak = akun.load_akun()[KEPALA]["keluar_sejak"]
    assert sebelum < sejak <= time.time()
    assert akun.oidc_dikeluarkan(_klaim(iat=sebelum))
    assert akun.oidc_dikeluarkan(_klaim(iat=str(int(sebelum))))  # a claim read back as text
    assert not akun.oidc_dikeluarkan(_klaim(iat=sejak + 1))  # signed in again after it
    assert not akun.oidc_dikeluarkan(_klaim("staf@kalselprov.go.id", iat=sebelum))  # another account
    assert not akun.oidc_dikeluarkan(_klaim("tamu@lain.go.id", iat=sebelum))  # no account at all
    assert not akun.oidc_dikeluarkan(_klaim())  # no iat: dated by the session's generation instead (below)


def _sesi(klaim: dict) -> AppTest:
    """A browser session of the Akun page, signed in at the provider with these claims."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "uji"}
    at.user = {"is_logged_in": True, **klaim}
    at.switch_page("pages/akun.py")
    return at.run()


def _teks(at: AppTest) -> str:
    return " ".join(str(e.value) for e in [*at.success, *at.sidebar.caption, *at.warning, *at.sidebar.warning])


def test_an_oidc_login_from_before_keluarkan_is_signed_out_in_the_open_session_and_in_a_new_one(
    berkas_akun: Path,
) -> None:
    login_lama = _klaim(iat=time.time() - 100)
    terbuka = _sesi(login_lama)
    assert MASUK in _teks(terbuka)
    akun.keluarkan(KEPALA)
    terbuka.run()
    assert not terbuka.exception
    assert DIAKHIRI in _teks(terbuka)
    assert terbuka.user == {"is_logged_in": False}  # st.logout: the provider's cookie is cleared
    baru = _sesi(login_lama)  # the cookie from before, brought to a new session
    assert DIAKHIRI in _teks(baru) and baru.user == {"is_logged_in": False}
    masuk_lagi = _sesi(_klaim(iat=time.time() + 1))
    assert MASUK in _teks(masuk_lagi)
    assert DIAKHIRI not in _teks(masuk_lagi)


def test_a_login_without_iat_ends_with_its_sessions_generation(berkas_akun: Path) -> None:
    terbuka = _sesi(_klaim())
    assert MASUK in _teks(terbuka)
    akun.keluarkan("staf@kalselprov.go.id")  # another account's change ends nothing here
    terbuka.run()
    assert DIAKHIRI not in _teks(terbuka)
    akun.keluarkan(KEPALA)
    terbuka.run()
    assert DIAKHIRI in _teks(terbuka) and terbuka.user == {"is_logged_in": False}
