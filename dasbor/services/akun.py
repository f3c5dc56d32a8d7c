"""Accounts for the pages that change data: a YAML file kept outside git (config/akun.yaml, or $DASBOR_AKUN) that
holds bcrypt hashes, never passwords. Accounts are made on the server with `python -m dasbor akun tambah NAMA`;
there is no default account and no default password.

Roles: `admin` may do everything; `operator` imports and undoes only for the kode_wilayah listed in its account;
`pembaca` only views (when viewing needs an account at all). Failed sign-ins lock an account for a while
(`dasbor.services.kunci_masuk`)."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import bcrypt
import pandas as pd
import yaml

from dasbor.services import kunci_masuk

ROOT = Path(__file__).resolve().parents[2]
AKUN_BAWAAN = ROOT / "config" / "akun.yaml"
REFERENSI_WILAYAH = ROOT / "data" / "referensi" / "wilayah-kalsel.csv"
PERAN = ("admin", "operator", "pembaca")
SANDI_MIN = 10
SANDI_MAKS_BYTE = 72  # bcrypt looks at the first 72 bytes only; longer passwords are refused, not truncated
NAMA_SAH = re.compile(r"[A-Za-z0-9._@+-]{2,64}")


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
            f"masuk berturut-turut. Coba lagi setelah itu, atau minta admin memeriksa log masuk."
        )


def akun_path() -> Path:
    return Path(os.environ.get("DASBOR_AKUN", AKUN_BAWAAN))


def wajib_masuk() -> bool:
    """Whether every page needs a login ($DASBOR_WAJIB_MASUK=1); by default viewing is open to all."""
    return os.environ.get("DASBOR_WAJIB_MASUK", "").strip().lower() in ("1", "ya", "true", "yes")


def load_akun(path: Path | None = None) -> dict[str, dict[str, Any]]:
    path = path or akun_path()
    if not path.exists():
        return {}
    isi = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    akun = isi.get("akun") or {}
    if not isinstance(akun, dict):
        raise AkunError(f"berkas akun {path} tidak sah: bagian 'akun' harus berupa pemetaan nama → data akun")
    return akun


def _simpan(akun: dict[str, dict[str, Any]], path: Path) -> None:
    """Write beside the target and rename, so a crash never leaves a half-written accounts file; owner-only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".akun-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("# Akun Dasbor IID Kalsel. Dibuat oleh `python -m dasbor akun`; jangan dimasukkan ke git.\n")
            yaml.safe_dump({"akun": akun}, f, allow_unicode=True, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def periksa_nama(nama: str) -> None:
    if not NAMA_SAH.fullmatch(nama):
        raise AkunError("nama akun harus 2–64 karakter: huruf, angka, titik, garis bawah, @, + atau tanda hubung")


def periksa_sandi(sandi: str) -> None:
    if len(sandi) < SANDI_MIN:
        raise AkunError(f"kata sandi terlalu pendek: minimal {SANDI_MIN} karakter")
    if len(sandi.encode("utf-8")) > SANDI_MAKS_BYTE:
        raise AkunError(f"kata sandi terlalu panjang: maksimal {SANDI_MAKS_BYTE} byte")


@cache
def kode_wilayah_sah() -> tuple[str, ...]:
    """The kode_wilayah an operator can be bound to: those of the province's reference list."""
    return tuple(pd.read_csv(REFERENSI_WILAYAH, dtype=str)["kode_wilayah"])


def periksa_wilayah(peran: str, wilayah: list[str] | None) -> list[str]:
    """The operator's regions, checked; other roles take none (an admin already covers every region)."""
    wilayah = sorted(set(wilayah or []))
    if peran != "operator":
        if wilayah:
            raise AkunError(f"--wilayah hanya untuk peran operator; peran {peran} tidak dibatasi wilayah")
        return []
    if not wilayah:
        raise AkunError("akun operator wajib punya --wilayah (satu atau lebih kode wilayah, mis. 63.09)")
    asing = [k for k in wilayah if k not in kode_wilayah_sah()]
    if asing:
        raise AkunError(
            f"kode wilayah tidak dikenal: {', '.join(asing)}; kode yang sah: {', '.join(kode_wilayah_sah())}"
        )
    return wilayah


def tambah_akun(
    nama: str, sandi: str | None, peran: str = "admin", timpa: bool = False, wilayah: list[str] | None = None
) -> Path:
    """Add (or with timpa, replace) an account. sandi None makes an account that can only sign in through the
    configured OIDC provider, identified by the e-mail address used as its name. An operator needs `wilayah`."""
    periksa_nama(nama)
    if peran not in PERAN:
        raise AkunError(f"peran '{peran}' tidak dikenal; pilihan: {', '.join(PERAN)}")
    wilayah = periksa_wilayah(peran, wilayah)
    path = akun_path()
    akun = load_akun(path)
    if nama in akun and not timpa:
        raise AkunError(f"akun '{nama}' sudah ada; pakai --timpa untuk mengganti kata sandi atau perannya")
    data: dict[str, Any] = {"peran": peran, "dibuat": datetime.now().isoformat(timespec="seconds")}
    if wilayah:
        data["wilayah"] = wilayah
    if sandi is None:
        data["oidc"] = True
    else:
        periksa_sandi(sandi)
        data["sandi_bcrypt"] = bcrypt.hashpw(sandi.encode("utf-8"), bcrypt.gensalt(rounds=12)).decode("ascii")
    akun[nama] = data
    _simpan(akun, path)
    return path


def hapus_akun(nama: str) -> None:
    path = akun_path()
    akun = load_akun(path)
    if nama not in akun:
        raise AkunError(f"akun '{nama}' tidak ada")
    del akun[nama]
    _simpan(akun, path)


def _pengguna(nama: str, data: dict[str, Any]) -> dict[str, Any]:
    """The signed-in account as the pages see it: nama, peran, and for an operator its kode_wilayah."""
    hasil: dict[str, Any] = {"nama": nama, "peran": str(data.get("peran", "pembaca"))}
    if hasil["peran"] == "operator":
        hasil["wilayah"] = [str(k) for k in data.get("wilayah") or []]
    return hasil


def masuk(nama: str, sandi: str, sekarang: datetime | None = None) -> dict[str, Any] | None:
    """The account when name and password match, else None; same cost either way. Raises AkunTerkunciError
    while the name is locked, and on the failure that locks it. `sekarang` (aware) replaces the clock in tests."""
    nama = nama.strip()
    sekarang = sekarang or kunci_masuk.sekarang_utc()
    path = akun_path()
    if sampai := kunci_masuk.terkunci_sampai(path, nama, sekarang):
        raise AkunTerkunciError(nama, sampai)
    data = load_akun(path).get(nama)
    hash_ = (data or {}).get("sandi_bcrypt")
    cocok = bcrypt.checkpw(sandi.encode("utf-8")[:SANDI_MAKS_BYTE], (hash_ or _hash_tiruan()).encode("ascii"))
    if not (data and hash_ and cocok):
        if sampai := kunci_masuk.catat_gagal(path, nama, sekarang):
            raise AkunTerkunciError(nama, sampai)
        return None
    kunci_masuk.catat_berhasil(path, nama)
    return _pengguna(nama, data)


def pengguna_oidc(email: str) -> dict[str, Any]:
    """Someone signed in through OIDC: the role (and regions) the accounts file gives that e-mail, else viewer."""
    data = load_akun().get(email)
    return _pengguna(email, data if data and data.get("oidc") else {"peran": "pembaca"})


def wilayah_boleh(pengguna: dict[str, Any] | None) -> list[str] | None:
    """The kode_wilayah a signed-in account may import and undo for: None means every region (admin); an empty
    list means none (viewer, or nobody signed in)."""
    if pengguna and pengguna["peran"] == "admin":
        return None
    if pengguna and pengguna["peran"] == "operator":
        return list(pengguna.get("wilayah") or [])
    return []


def ada_admin() -> bool:
    return any(d.get("peran") == "admin" for d in load_akun().values())
