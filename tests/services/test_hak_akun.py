"""Rights as the accounts file says now (issue 17 items 6, 8, 9): a session keeps only the name, so removing an
account or narrowing an operator's regions holds at the next rerun; the re-check at commit and undo; the idle
timeout; DASBOR_WAJIB_MASUK's values; who an OIDC identity is."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.services import akun
from tests.impor.bantu import SANDI, salin_akun, templat_akun

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The accounts hashed once; each test gets its own copy of the file to change."""
    return templat_akun(
        tmp_path_factory.mktemp("templat"),
        ("admin", SANDI, "admin"),
        ("op6309", SANDI, "operator", {"wilayah": ["63.09", "63.10"]}),
        ("kepala@kalselprov.go.id", None, "admin", {"oidc": True}),
    )


@pytest.fixture
def berkas_akun(templat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = salin_akun(templat, tmp_path, monkeypatch)
    monkeypatch.delenv("DASBOR_WAJIB_MASUK", raising=False)
    monkeypatch.delenv("DASBOR_SESI_MENIT", raising=False)
    monkeypatch.delenv("DASBOR_OIDC_DOMAIN", raising=False)
    return path


def test_rights_are_read_from_the_file_when_it_changes(berkas_akun: Path) -> None:
    assert akun.akun_terbaca() is akun.akun_terbaca()  # unchanged file: one stat, no parse
    assert akun.pengguna_terkini("op6309") == {"nama": "op6309", "peran": "operator", "wilayah": ["63.09", "63.10"]}
    akun.tambah_akun("op6309", None, timpa=True, wilayah=["63.09"])
    assert akun.pengguna_terkini("op6309") == {"nama": "op6309", "peran": "operator", "wilayah": ["63.09"]}
    akun.hapus_akun("op6309")
    assert akun.pengguna_terkini("op6309") is None


@pytest.mark.parametrize(
    ("rantai", "langsung", "hasil"),
    [
        ("203.0.113.7", "127.0.0.1", "203.0.113.7, 127.0.0.1"),
        ("10.1.1.1, 203.0.113.7", "127.0.0.1", "10.1.1.1, 203.0.113.7, 127.0.0.1"),
        (None, "192.0.2.4", "192.0.2.4"),
        ('"}\n{"peristiwa": "palsu", 203.0.113.7', None, "203.0.113.7"),  # text in the header is dropped
        (",".join(["198.51.100.1"] * 50), "127.0.0.1", ", ".join(["198.51.100.1"] * 5 + ["127.0.0.1"])),
        ("2001:db8::1", "::1", "2001:db8::1, ::1"),
        ("bukan-alamat", object(), None),
    ],
)
def test_the_client_address_keeps_only_ip_addresses(rantai: object, langsung: object, hasil: str | None) -> None:
    from dasbor.ui.akun import alamat_dari

    assert alamat_dari(rantai, langsung) == hasil


def test_commit_and_undo_recheck_the_regions_at_the_moment_of_writing(berkas_akun: Path) -> None:
    assert akun.pastikan_hak_wilayah("op6309", ["63.10"]) == ["63.09", "63.10"]
    assert akun.pastikan_hak_wilayah("admin", ["63.01", "63.72"]) is None
    akun.tambah_akun("op6309", None, timpa=True, wilayah=["63.09"])  # narrowed after the preview was drawn
    with pytest.raises(akun.AkunError, match=r"Wilayah 63\.10 tidak lagi termasuk wilayah akun op6309 \(63\.09\)"):
        akun.pastikan_hak_wilayah("op6309", ["63.09", "63.10"])
    akun.tambah_akun("op6309", None, "pembaca", timpa=True)
    with pytest.raises(akun.AkunError, match="tidak lagi berhak"):
        akun.pastikan_hak_wilayah("op6309", ["63.09"])
    akun.hapus_akun("op6309")
    with pytest.raises(akun.AkunError, match="tidak lagi berhak"):
        akun.pastikan_hak_wilayah("op6309", ["63.09"])


@pytest.mark.parametrize(
    ("nilai", "wajib"),
    [("", False), ("0", False), ("tidak", False), ("1", True), ("ya", True), (" TRUE ", True), ("on", True)],
)
def test_wajib_masuk_values(monkeypatch: pytest.MonkeyPatch, nilai: str, wajib: bool) -> None:
    monkeypatch.setenv("DASBOR_WAJIB_MASUK", nilai)
    assert akun.masuk_diwajibkan() is wajib


@pytest.mark.parametrize("nilai", ["wajib", "2", "y", "benar"])
def test_an_unknown_wajib_masuk_value_is_an_error_not_off(monkeypatch: pytest.MonkeyPatch, nilai: str) -> None:
    monkeypatch.setenv("DASBOR_WAJIB_MASUK", nilai)
    with pytest.raises(akun.AkunError, match="tidak dikenal"):
        akun.masuk_diwajibkan()


KEPALA = {"nama": "kepala@kalselprov.go.id", "peran": "admin"}
STAF = {"nama": "staf@kalselprov.go.id", "peran": "pembaca"}


@pytest.mark.parametrize(
    ("klaim", "domain", "hasil"),
    [
        # an OIDC account, verified: its role
        ({"email": "kepala@kalselprov.go.id", "email_verified": True}, "", KEPALA),
        ({"email": "Kepala@KalselProv.go.id", "email_verified": "true"}, "", KEPALA),
        # not verified, or the claim missing: nobody, whatever the account or domain
        ({"email": "kepala@kalselprov.go.id", "email_verified": False}, "kalselprov.go.id", None),
        ({"email": "kepala@kalselprov.go.id"}, "kalselprov.go.id", None),
        # no account: admitted as pembaca only from an allowed domain
        ({"email": "staf@kalselprov.go.id", "email_verified": True}, "", None),
        ({"email": "staf@kalselprov.go.id", "email_verified": True}, "kalselprov.go.id", STAF),
        ({"email": "staf@kalselprov.go.id", "email_verified": True}, "contoh.id, @kalselprov.go.id", STAF),
        ({"email": "staf@gmail.com", "email_verified": True}, "kalselprov.go.id", None),
        # a look-alike domain is not the allowed one
        ({"email": "staf@kalselprov.go.id.evil.test", "email_verified": True}, "kalselprov.go.id", None),
        # a password account's name is not an OIDC identity: only the domain rule applies
        ({"email": "admin", "email_verified": True}, "", None),
        # no e-mail, or one no account name can be
        ({"email_verified": True}, "kalselprov.go.id", None),
        ({"email": "a b@kalselprov.go.id", "email_verified": True}, "kalselprov.go.id", None),
    ],
)
def test_oidc_admits_only_verified_known_people(
    berkas_akun: Path, monkeypatch: pytest.MonkeyPatch, klaim: dict, domain: str, hasil: dict | None
) -> None:
    monkeypatch.setenv("DASBOR_OIDC_DOMAIN", domain)
    assert akun.pengguna_oidc(klaim) == hasil


# --- The pages: a session keeps only the name (AppTest of the Akun page, run as app.py runs it)


def _akun_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/akun.py")
    return at.run()


def _masuk(at: AppTest, nama: str) -> AppTest:
    at.text_input(key="masuk_nama").input(nama)
    at.text_input(key="masuk_sandi").input(SANDI)
    return next(b for b in at.button if b.label == "Masuk").click().run()


def _teks(at: AppTest) -> str:
    return " ".join(
        str(e.value) for e in [*at.success, *at.caption, *at.sidebar.caption, *at.warning, *at.sidebar.warning]
    )


def test_a_session_sees_narrowed_regions_and_removal_at_its_next_rerun(berkas_akun: Path) -> None:
    at = _masuk(_akun_page(), "op6309")
    assert not at.exception, at.exception
    assert "Wilayah akun ini: 63.09, 63.10" in _teks(at)
    assert at.session_state["akun_masuk"] == "op6309"  # the name only (and its generation), no role or regions
    akun.tambah_akun("op6309", None, timpa=True, wilayah=["63.09"])
    at.run()
    assert "Sesi akun op6309 diakhiri oleh admin" in _teks(at)  # a changed account starts a new generation
    at = _masuk(at, "op6309")
    assert "Wilayah akun ini: 63.09." in _teks(at) and "63.10" not in _teks(at)
    akun.hapus_akun("op6309")
    at.run()
    assert "Akun op6309 tidak ada lagi; sesi diakhiri." in _teks(at)
    assert not at.success and at.text_input(key="masuk_nama")


def test_an_idle_session_ends(berkas_akun: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_SESI_MENIT", "0.02")  # 1.2 seconds
    at = _masuk(_akun_page(), "admin")
    assert any("Anda masuk sebagai admin" in s.value for s in at.success)
    at.run()  # activity within the limit keeps the session
    assert any("Anda masuk sebagai admin" in s.value for s in at.success)
    time.sleep(1.5)
    at.run()
    assert not at.success
    assert "Sesi berakhir karena tidak ada aktivitas" in _teks(at)
    assert "akun_masuk" not in at.session_state


def test_sign_in_refused_when_the_attempt_cannot_be_recorded_shows_why(berkas_akun: Path) -> None:
    (berkas_akun.parent / "akun-status.json").mkdir()
    at = _masuk(_akun_page(), "admin")
    assert any("tidak dapat dicatat" in e.value for e in at.error)
    assert "akun_masuk" not in at.session_state
    assert os.path.isdir(berkas_akun.parent / "akun-status.json")
