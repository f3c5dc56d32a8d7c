"""Accounts for the pages that change data: a YAML file kept outside git (config/akun.yaml, or $DASBOR_AKUN) that
holds bcrypt hashes, never passwords. Accounts are made on the server with `python -m dasbor akun tambah NAMA`;
there is no default account and no default password."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import bcrypt
import yaml

ROOT = Path(__file__).resolve().parents[2]
AKUN_BAWAAN = ROOT / "config" / "akun.yaml"
PERAN = ("admin", "pembaca")
SANDI_MIN = 10
SANDI_MAKS_BYTE = 72  # bcrypt looks at the first 72 bytes only; longer passwords are refused, not truncated
NAMA_SAH = re.compile(r"[A-Za-z0-9._@+-]{2,64}")


@cache
def _hash_tiruan() -> str:
    """Checked against when the account does not exist, so a wrong name costs as long as a wrong password."""
    return bcrypt.hashpw(b"tidak-ada-akun-ini", bcrypt.gensalt(rounds=12)).decode("ascii")


class AkunError(ValueError):
    """A request about accounts that cannot be honoured; the message is for the person at the keyboard."""


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


def tambah_akun(nama: str, sandi: str | None, peran: str = "admin", timpa: bool = False) -> Path:
    """Add (or with timpa, replace) an account. sandi None makes an account that can only sign in through the
    configured OIDC provider, identified by the e-mail address used as its name."""
    periksa_nama(nama)
    if peran not in PERAN:
        raise AkunError(f"peran '{peran}' tidak dikenal; pilihan: {', '.join(PERAN)}")
    path = akun_path()
    akun = load_akun(path)
    if nama in akun and not timpa:
        raise AkunError(f"akun '{nama}' sudah ada; pakai --timpa untuk mengganti kata sandi atau perannya")
    data: dict[str, Any] = {"peran": peran, "dibuat": datetime.now().isoformat(timespec="seconds")}
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


def masuk(nama: str, sandi: str) -> dict[str, str] | None:
    """The account (nama, peran) when name and password match, else None; same cost either way."""
    data = load_akun().get(nama.strip())
    hash_ = (data or {}).get("sandi_bcrypt")
    cocok = bcrypt.checkpw(sandi.encode("utf-8")[:SANDI_MAKS_BYTE], (hash_ or _hash_tiruan()).encode("ascii"))
    if not (data and hash_ and cocok):
        return None
    return {"nama": nama.strip(), "peran": str(data.get("peran", "pembaca"))}


def peran_oidc(email: str) -> str:
    """Role of someone signed in through OIDC: what the accounts file says for that e-mail, else viewer."""
    data = load_akun().get(email)
    return str(data["peran"]) if data and data.get("oidc") else "pembaca"


def ada_admin() -> bool:
    return any(d.get("peran") == "admin" for d in load_akun().values())
