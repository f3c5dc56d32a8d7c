"""Accounts for the pages that change data: a YAML file kept outside git (config/akun.yaml, or $DASBOR_AKUN) that
holds bcrypt hashes, never passwords. Accounts are made on the server with `python -m dasbor akun tambah NAMA`;
there is no default account and no default password.

Roles: `admin` may do everything; `operator` imports and undoes only for the kode_wilayah listed in its account;
`pembaca` only views (when viewing needs an account at all). Failed sign-ins lock an account for a while
(`dasbor.services.kunci_masuk`).

A name is normalised (NFKC, lower case) and checked against a short character set before it is looked up, counted
or logged, so a visitor's free text never becomes a lockout key or a log line. A signed-in session keeps only the
name and the account's generation (`generasi`, a random token in the accounts file): `pengguna_terkini` re-reads
role and regions from the accounts file (cached by the file's mtime) on every run, so removing an account or
narrowing an operator takes effect at that session's next rerun, and the session ends when the generation changed:
`akun sandi`, `akun tambah --timpa`, `akun keluarkan` draw a new one, and an account deleted and made again under
the same name has a new one, so no old browser session follows the name into it.

Every change of the accounts file holds an exclusive lock on `.akun.lock` beside it, so two admins running `akun`
at once never lose each other's change."""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import bcrypt
import yaml

from dasbor.berkas_atomik import tulis_atomik
from dasbor.db.connection import db_path
from dasbor.lingkup import lingkup
from dasbor.services import kunci_masuk
from dasbor.services.db import database

ROOT = Path(__file__).resolve().parents[2]
AKUN_BAWAAN = ROOT / "config" / "akun.yaml"
PERAN = ("admin", "operator", "pembaca")
PERAN_BAWAAN = "pembaca"  # a new account sees only; admin and operator rights are given explicitly
SANDI_MIN = 10
SANDI_MAKS_BYTE = 72  # bcrypt looks at the first 72 bytes only; longer passwords are refused, not truncated
NAMA_MAKS = 100  # room for an institutional e-mail address (OIDC accounts are named by it)
NAMA_SAH = re.compile(rf"[a-z0-9._@+-]{{2,{NAMA_MAKS}}}")
# Per process, at most this many bcrypt checks run at once (each takes ~0.3 s of one core): a burst of sign-ins
# queues here instead of starving the pages of the same worker. A check that waits longer is refused.
BCRYPT_SERENTAK = 2
BCRYPT_TUNGGU_DETIK = 10.0
_BCRYPT = threading.BoundedSemaphore(BCRYPT_SERENTAK)
NILAI_YA = ("1", "ya", "true", "yes", "on")
NILAI_TIDAK = ("", "0", "tidak", "false", "no", "off")
TIDAK_TERCATAT = (
    "Percobaan masuk tidak dapat dicatat di server (berkas status atau log masuk tidak dapat ditulis), sehingga "
    "masuk ditolak. Minta admin memeriksa ruang disk dan folder berkas akun."
)


@cache
def _hash_tiruan() -> str:
    """Checked against when the account does not exist, so a wrong name costs as long as a wrong password."""
    return bcrypt.hashpw(b"tidak-ada-akun-ini", bcrypt.gensalt(rounds=12)).decode("ascii")


class AkunError(ValueError):
    """A request about accounts that cannot be honoured; the message is for the person at the keyboard."""


class AkunTerkunciError(AkunError):
    """Too many failed sign-ins: the account refuses every password until `sampai`."""

    def __init__(self, nama: str, sampai: datetime) -> None:
        self.sampai = sampai
        atur = kunci_masuk.aturan()
        lokal = sampai.astimezone()
        super().__init__(
            f"Akun {nama} dikunci sampai pukul {lokal:%H:%M} ({lokal:%d-%m-%Y}) karena {atur.batas} kali gagal "
            f"masuk berturut-turut. Coba lagi setelah itu, atau minta admin membukanya (akun buka)."
        )


def akun_path() -> Path:
    return Path(os.environ.get("DASBOR_AKUN", AKUN_BAWAAN))


def masuk_diwajibkan() -> bool:
    """Whether every page needs a sign-in ($DASBOR_WAJIB_MASUK). An unknown value is an error, not "off": a typo
    such as `DASBOR_WAJIB_MASUK=wajib` must not open the data to everyone."""
    nilai = os.environ.get("DASBOR_WAJIB_MASUK", "").strip().lower()
    if nilai in NILAI_YA:
        return True
    if nilai in NILAI_TIDAK:
        return False
    raise AkunError(
        f"DASBOR_WAJIB_MASUK={nilai[:20]!r} tidak dikenal; pakai 1 (wajib masuk) atau 0 (terbuka). Halaman tidak "
        "ditampilkan sampai nilainya diperbaiki."
    )


def menit_sesi() -> float:
    """Idle minutes after which a signed-in session ends ($DASBOR_SESI_MENIT, default 30)."""
    try:
        nilai = float(os.environ.get("DASBOR_SESI_MENIT", "30"))
    except ValueError:
        return 30.0
    return nilai if nilai > 0 else 30.0


def domain_oidc() -> tuple[str, ...]:
    """E-mail domains whose verified OIDC identities may view as `pembaca` without an account
    ($DASBOR_OIDC_DOMAIN, comma- or space-separated, e.g. `kalselprov.go.id`; default none)."""
    nilai = os.environ.get("DASBOR_OIDC_DOMAIN", "")
    return tuple(d.strip().lower().lstrip("@") for d in re.split(r"[,\s]+", nilai) if d.strip())


def normalkan_nama(nama: str) -> str:
    """The account name as stored and counted: NFKC, trimmed, lower case, from a short character set. Raises
    AkunError otherwise; the length is bounded before normalising, so a huge input costs nothing."""
    if len(nama) > NAMA_MAKS * 2:
        raise AkunError(f"nama akun terlalu panjang: maksimal {NAMA_MAKS} karakter")
    bersih = unicodedata.normalize("NFKC", nama).strip().lower()
    if not NAMA_SAH.fullmatch(bersih):
        raise AkunError(
            f"nama akun harus 2–{NAMA_MAKS} karakter: huruf, angka, titik, garis bawah, @, + atau tanda hubung"
        )
    return bersih


def load_akun(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """The accounts file as written, keyed by normalised name (an older file may hold upper-case names)."""
    path = path or akun_path()
    if not path.exists():
        return {}
    isi = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    akun = isi.get("akun") or {}
    if not isinstance(akun, dict):
        raise AkunError(f"berkas akun {path} tidak sah: bagian 'akun' harus berupa pemetaan nama → data akun")
    hasil: dict[str, dict[str, Any]] = {}
    for nama, data in akun.items():
        try:
            hasil[normalkan_nama(str(nama))] = dict(data or {})
        except AkunError:
            continue  # a name no sign-in can produce cannot be signed into either
    return hasil


_terbaca: dict[Path, tuple[tuple[int, int, int], dict[str, dict[str, Any]]]] = {}
_terbaca_gembok = threading.Lock()


def akun_terbaca() -> dict[str, dict[str, Any]]:
    """The accounts file, read again only when its mtime, size or inode changed: one stat per page run, so every
    run can re-check the signed-in account's rights. Treat the result as read-only."""
    path = akun_path()
    try:
        st = path.stat()
    except FileNotFoundError:
        return {}
    tanda = (st.st_mtime_ns, st.st_size, st.st_ino)
    with _terbaca_gembok:
        if (lama := _terbaca.get(path)) and lama[0] == tanda:
            return lama[1]
    akun = load_akun(path)
    with _terbaca_gembok:
        _terbaca[path] = (tanda, akun)
    return akun


# A second admin's `akun` command waits this long for the first to finish its change of the accounts file.
TUNGGU_UBAH_DETIK = 30.0


@contextmanager
def _gembok_akun(path: Path) -> Iterator[None]:
    """Hold the accounts file's change lock (`.akun.lock` beside it) across processes: each change reads the file,
    changes one account and writes it back, and without the lock a second admin's change made meanwhile was lost."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = kunci_masuk.buka_pribadi(path.with_name(".akun.lock"), os.O_WRONLY | os.O_APPEND)
    try:
        kunci_masuk.ambil_gembok(fd, TUNGGU_UBAH_DETIK)
        yield
    finally:
        os.close(fd)  # closing releases the flock


def _generasi_baru() -> str:
    return secrets.token_hex(8)


def _simpan(akun: dict[str, dict[str, Any]], path: Path) -> None:
    """Replace the accounts file atomically and durably (a crash never leaves it half-written); owner-only."""
    kepala = f"# Akun {lingkup().judul_aplikasi}. Dibuat oleh `python -m dasbor akun`; jangan dimasukkan ke git.\n"
    tulis_atomik(path, kepala + yaml.safe_dump({"akun": akun}, allow_unicode=True, sort_keys=True))


def periksa_sandi(sandi: str) -> None:
    if len(sandi) < SANDI_MIN:
        raise AkunError(f"kata sandi terlalu pendek: minimal {SANDI_MIN} karakter")
    if len(sandi.encode("utf-8")) > SANDI_MAKS_BYTE:
        raise AkunError(f"kata sandi terlalu panjang: maksimal {SANDI_MAKS_BYTE} byte")


def _hash(sandi: str) -> str:
    periksa_sandi(sandi)
    return bcrypt.hashpw(sandi.encode("utf-8"), bcrypt.gensalt(rounds=12)).decode("ascii")


def kode_wilayah_sah() -> tuple[str, ...]:
    """The kode_wilayah an operator can be bound to: the database's regions, or, before there is a database, the
    scope's regions that a new database is given (dasbor.db.migrate)."""
    if db_path().exists():
        return tuple(database().query("wilayah")["kode_wilayah"])
    return tuple(w.kode_wilayah for w in lingkup().wilayah())


def periksa_wilayah(peran: str, wilayah: list[str] | None) -> list[str]:
    """The operator's regions, checked; other roles take none (an admin already covers every region)."""
    wilayah = sorted(set(wilayah or []))
    if peran != "operator":
        if wilayah:
            raise AkunError(f"--wilayah hanya untuk peran operator; peran {peran} tidak dibatasi wilayah")
        return []
    if not wilayah:
        raise AkunError(
            f"akun operator wajib punya --wilayah (satu atau lebih kode wilayah, mis. {lingkup().pembanding[0]})"
        )
    asing = [k for k in wilayah if k not in kode_wilayah_sah()]
    if asing:
        raise AkunError(
            f"kode wilayah tidak dikenal: {', '.join(asing)}; kode yang sah: {', '.join(kode_wilayah_sah())}"
        )
    return wilayah


def rencana_akun(
    nama: str, peran: str | None = None, timpa: bool = False, wilayah: list[str] | None = None, oidc: bool = False
) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """What `tambah_akun` would store, checked before any password is asked: (the account as it is, or None;
    the account as it will be, without its password hash). With `timpa`, the role, the regions and the OIDC flag
    are kept unless given; the regions are dropped only when the role stops being operator."""
    nama = normalkan_nama(nama)
    lama = load_akun(akun_path()).get(nama)
    if lama and not timpa:
        raise AkunError(
            f"akun '{nama}' sudah ada; ganti kata sandinya dengan `akun sandi {nama}`, atau pakai --timpa untuk "
            "mengganti peran atau wilayahnya"
        )
    if peran is not None and peran not in PERAN:
        raise AkunError(f"peran '{peran}' tidak dikenal; pilihan: {', '.join(PERAN)}")
    dasar = lama or {}
    peran_baru = peran or str(dasar.get("peran", PERAN_BAWAAN))
    if wilayah is None and peran_baru == "operator" and dasar.get("peran") == "operator":
        wilayah = list(dasar.get("wilayah") or [])
    baru: dict[str, Any] = {"peran": peran_baru}
    if wilayah_baru := periksa_wilayah(peran_baru, wilayah):
        baru["wilayah"] = wilayah_baru
    if oidc or dasar.get("oidc"):
        baru["oidc"] = True
    return lama, baru


def tambah_akun(
    nama: str,
    sandi: str | None,
    peran: str | None = None,
    timpa: bool = False,
    wilayah: list[str] | None = None,
    oidc: bool | None = None,
) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """Add (or with timpa, change) an account; returns (before, after) as `rencana_akun` describes them. A new
    account is a `pembaca` unless `peran` says otherwise. An OIDC account (oidc, or sandi None for a new account)
    has no password and signs in through the configured provider with the e-mail address that is its name. With
    timpa, a password account keeps its password hash when `sandi` is None."""
    nama = normalkan_nama(nama)
    hash_ = _hash(sandi) if sandi is not None else None  # the slow part, before the lock
    path = akun_path()
    with _gembok_akun(path):
        lama, baru = rencana_akun(nama, peran, timpa, wilayah, bool(oidc) or (sandi is None and not timpa))
        akun = load_akun(path)
        if not baru.get("oidc"):
            if hash_ is not None:
                baru["sandi_bcrypt"] = hash_
            elif lama and lama.get("sandi_bcrypt"):
                baru["sandi_bcrypt"] = lama["sandi_bcrypt"]
            else:
                raise AkunError(f"akun '{nama}' belum punya kata sandi; berikan kata sandi atau --oidc")
        baru["dibuat"] = (lama or {}).get("dibuat") or datetime.now().isoformat(timespec="seconds")
        if lama:
            baru["diubah"] = datetime.now().isoformat(timespec="seconds")
        baru["generasi"] = _generasi_baru()  # a changed account's sessions end; a new one inherits none
        akun[nama] = baru
        _simpan(akun, path)
    return lama, baru


def ganti_sandi(nama: str, baca_sandi: Callable[[], str]) -> dict[str, Any]:
    """Change only the password of a password account (`akun sandi`); role, regions and all else stay. The new
    password is asked (`baca_sandi`) only once the account is known to have one. Returns the account."""
    nama = normalkan_nama(nama)
    path = akun_path()
    data = load_akun(path).get(nama)
    if data is None:
        raise AkunError(f"akun '{nama}' tidak ada; buat dengan `akun tambah {nama}`")
    if data.get("oidc"):
        raise AkunError(f"akun '{nama}' masuk lewat OIDC dan tidak punya kata sandi di dasbor ini")
    hash_ = _hash(baca_sandi())
    # Re-read after the (slow, human) prompt so that a change made meanwhile is not overwritten.
    with _gembok_akun(path):
        akun = load_akun(path)
        if nama not in akun:
            raise AkunError(f"akun '{nama}' dihapus selagi kata sandi ditanyakan")
        data = akun[nama]
        data["sandi_bcrypt"] = hash_
        data["diubah"] = datetime.now().isoformat(timespec="seconds")
        data["generasi"] = _generasi_baru()  # a password reset ends the sessions signed in with the old one
        _simpan(akun, path)
    return data


def hapus_akun(nama: str) -> None:
    nama = normalkan_nama(nama)
    path = akun_path()
    with _gembok_akun(path):
        akun = load_akun(path)
        if nama not in akun:
            raise AkunError(f"akun '{nama}' tidak ada")
        del akun[nama]
        _simpan(akun, path)


def keluarkan(nama: str) -> None:
    """End every session of `nama` at its next page run (`akun keluarkan`): a new generation, and the time of it,
    nothing else changed. For an OIDC account the time also refuses the provider's login issued before it, which a
    browser keeps in a cookie and would bring to a new session (oidc_dikeluarkan)."""
    nama = normalkan_nama(nama)
    path = akun_path()
    with _gembok_akun(path):
        akun = load_akun(path)
        if nama not in akun:
            raise AkunError(f"akun '{nama}' tidak ada")
        akun[nama]["generasi"] = _generasi_baru()
        akun[nama]["keluar_sejak"] = int(time.time())
        _simpan(akun, path)


def oidc_dikeluarkan(klaim: Mapping[str, Any]) -> bool:
    """Whether an admin ended this OIDC login (`akun keluarkan EMAIL`) after the provider issued it: the ID token's
    `iat` (required by OpenID Connect Core) is before the account's last `keluarkan`. A token without a readable
    `iat` cannot be dated here; the page then ends the sessions in progress by the account's generation."""
    sejak = _data_oidc(klaim).get("keluar_sejak")
    try:
        return sejak is not None and float(klaim["iat"]) < float(sejak)
    except (KeyError, TypeError, ValueError):
        return False


def generasi_oidc(klaim: Mapping[str, Any]) -> str | None:
    """The generation of the account of an OIDC identity's e-mail (as `generasi`), None when it has none."""
    data = _data_oidc(klaim)
    return str(data.get("generasi", "")) if data else None


def _data_oidc(klaim: Mapping[str, Any]) -> Mapping[str, Any]:
    """The accounts file's entry of the identity's e-mail, empty when there is none or the e-mail is not valid."""
    email = _email_oidc(klaim)
    return {} if email is None else akun_terbaca().get(email, {})


def _email_oidc(klaim: Mapping[str, Any]) -> str | None:
    """The identity's e-mail as an account name (normalkan_nama), None when there is none or no name can be it."""
    try:
        return normalkan_nama(str(klaim.get("email") or ""))
    except AkunError:
        return None


def generasi(nama: str) -> str | None:
    """The generation of account `nama` now ("" for an account written before generations existed), or None
    when there is no such account. A session keeps the one it signed in under and ends when it differs."""
    data = akun_terbaca().get(nama)
    return None if data is None else str(data.get("generasi", ""))


def buka_kunci(nama: str, oleh: str) -> datetime | None:
    """Lift the sign-in lock of `nama` (`akun buka`); returns the end of the lock that was lifted, None if none."""
    return kunci_masuk.buka(akun_path(), normalkan_nama(nama), kunci_masuk.sekarang_utc(), oleh)


def _pengguna(nama: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The signed-in account as the pages see it: nama, peran, and for an operator its kode_wilayah."""
    hasil: dict[str, Any] = {"nama": nama, "peran": str(data.get("peran", PERAN_BAWAAN))}
    if hasil["peran"] == "operator":
        hasil["wilayah"] = [str(k) for k in data.get("wilayah") or []]
    return hasil


def peran_teks(data: Mapping[str, Any] | None) -> str:
    """Role and regions in words (`operator wilayah 63.09`), for the CLI and the pages."""
    if not data:
        return "(belum ada)"
    teks = str(data.get("peran", PERAN_BAWAAN))
    if data.get("wilayah"):
        teks += f" wilayah {', '.join(data['wilayah'])}"
    return teks + (" (OIDC)" if data.get("oidc") else "")


def masuk(nama: str, sandi: str, sekarang: datetime | None = None, alamat: str | None = None) -> dict[str, Any] | None:
    """The account when name and password match, else None; same cost either way. Raises AkunTerkunciError
    while the name is locked, and on the failure that locks it; AkunError when the attempt cannot be recorded or
    too many are being checked at once. `alamat` (the client address) goes to the log. `sekarang` (aware)
    replaces the clock in tests."""
    sekarang = sekarang or kunci_masuk.sekarang_utc()
    path = akun_path()
    try:
        try:
            kunci = normalkan_nama(nama)
        except AkunError:
            # Never a lockout key nor a log line: only its length is recorded.
            kunci_masuk.catat(path, "nama_tidak_sah", "", sekarang, panjang=len(nama), alamat=alamat)
            return None
        try:
            token = kunci_masuk.mulai(path, kunci, sekarang, alamat)
        except kunci_masuk.Terkunci as exc:
            raise AkunTerkunciError(kunci, exc.sampai) from None
        except kunci_masuk.Sibuk:
            raise AkunError(
                f"Terlalu banyak percobaan masuk bersamaan untuk akun {kunci}; coba lagi sebentar lagi."
            ) from None
        try:
            cocok, data = _periksa_sandi(kunci, sandi)
        except BaseException:
            kunci_masuk.batal(path, kunci, token, sekarang)
            raise
        if cocok and data is not None:
            if sampai := kunci_masuk.berhasil(path, kunci, token, sekarang, alamat):
                raise AkunTerkunciError(kunci, sampai)
            return _pengguna(kunci, data)
        if sampai := kunci_masuk.gagal(path, kunci, token, sekarang, alamat):
            raise AkunTerkunciError(kunci, sampai)
        return None
    except OSError:
        raise AkunError(TIDAK_TERCATAT) from None


def _periksa_sandi(nama: str, sandi: str) -> tuple[bool, dict[str, Any] | None]:
    """Whether `sandi` is the password of `nama`, with at most BCRYPT_SERENTAK checks at once in this process."""
    data = akun_terbaca().get(nama)
    hash_ = (data or {}).get("sandi_bcrypt")
    if not _BCRYPT.acquire(timeout=BCRYPT_TUNGGU_DETIK):
        raise AkunError("Server sedang sibuk memeriksa kata sandi lain; coba lagi sebentar lagi.")
    try:
        # Cut in characters first, so a megabyte pasted into the field is not encoded whole.
        sampel = sandi[:SANDI_MAKS_BYTE].encode("utf-8")[:SANDI_MAKS_BYTE]
        cocok = bcrypt.checkpw(sampel, (hash_ or _hash_tiruan()).encode("ascii"))
    finally:
        _BCRYPT.release()
    return bool(hash_ and cocok), data


def pengguna_terkini(nama: str) -> dict[str, Any] | None:
    """The account `nama` as it stands in the accounts file now, or None when it was removed. Pages call it on
    every run for the name the session signed in with."""
    data = akun_terbaca().get(nama)
    return _pengguna(nama, data) if data else None


def pengguna_oidc(klaim: Mapping[str, Any]) -> dict[str, Any] | None:
    """Who an OIDC identity (st.user's claims) is here, or None when it is not admitted. Admitted only with a
    verified e-mail (`email_verified`), and then either an account marked OIDC with that e-mail as its name (its
    role and regions), or an e-mail in one of the allowed domains (`pembaca`)."""
    if klaim.get("email_verified") not in (True, "true", "True"):
        return None
    email = _email_oidc(klaim)
    if email is None:
        return None
    data = akun_terbaca().get(email)
    if data and data.get("oidc"):
        return _pengguna(email, data)
    lokal, at, domain = email.rpartition("@")
    if lokal and at and domain in domain_oidc():
        return {"nama": email, "peran": "pembaca"}
    return None


def wilayah_boleh(pengguna: dict[str, Any] | None) -> list[str] | None:
    """The kode_wilayah a signed-in account may import and undo for: None means every region (admin); an empty
    list means none (viewer, or nobody signed in)."""
    if pengguna and pengguna["peran"] == "admin":
        return None
    if pengguna and pengguna["peran"] == "operator":
        return list(pengguna.get("wilayah") or [])
    return []


def pastikan_hak_wilayah(nama: str, kode_wilayah: Iterable[str]) -> list[str] | None:
    """Re-check, at the moment of writing, that `nama` may still import or undo for every region in
    `kode_wilayah` (an import's regions, or those the undone import touched). Returns the account's regions as
    `wilayah_boleh` does; raises AkunError when the account is gone, lost its role, or no longer covers a region.
    The import page calls it right before commit and before undo: the preview was checked with the rights the
    account had when it was drawn."""
    pengguna = pengguna_terkini(normalkan_nama(nama))
    if pengguna is None or pengguna["peran"] not in ("admin", "operator"):
        raise AkunError(
            f"Akun {nama} tidak lagi berhak mengimpor atau membatalkan impor (akun dihapus atau perannya diubah). "
            "Tidak ada yang ditulis."
        )
    boleh = wilayah_boleh(pengguna)
    if boleh is not None and (di_luar := sorted(set(kode_wilayah) - set(boleh))):
        raise AkunError(
            f"Wilayah {', '.join(di_luar)} tidak lagi termasuk wilayah akun {nama} ({', '.join(boleh) or '–'}); "
            "hak akun diubah sejak halaman dibuka. Tidak ada yang ditulis."
        )
    return boleh


def ada_admin() -> bool:
    return any(d.get("peran") == "admin" for d in akun_terbaca().values())
