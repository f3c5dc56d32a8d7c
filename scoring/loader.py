"""Reading methodology versions from scoring/metodologi/*.toml and the indicator catalogues they name
(scoring/metodologi/katalog/*.toml); the only module here that touches files."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from scoring.katalog import urai
from scoring.model import (
    Asal,
    AturanUsia,
    Berlaku,
    Indikator,
    KematanganPortal,
    Metodologi,
    Predikat,
    SyaratYandas,
)
from scoring.validate import MetodologiTidakSahError, validate_katalog_raw, validate_metodologi_raw

KATALOG = "katalog"  # sub-folder of scoring/metodologi/ holding the indicator catalogues


class VersiTidakDikenalError(KeyError):
    def __str__(self) -> str:
        return f"versi metodologi tidak dikenal: {self.args[0]!r}; tersedia: {', '.join(daftar_versi())}"


class TahunTidakDikenalError(KeyError):
    def __str__(self) -> str:
        return f"tidak ada versi metodologi untuk tahun {self.args[0]}"


def _folder() -> Any:
    return resources.files("scoring") / "metodologi"


def daftar_versi() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".toml")))


def daftar_katalog() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-5] for p in (_folder() / KATALOG).iterdir() if p.name.endswith(".toml")))


def _baca(path: Any, berkas: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:  # its message names the line and column
        raise MetodologiTidakSahError(berkas, [f"bukan TOML yang sah: {e}"]) from None


@cache
def load_katalog(nama: str) -> dict[str, Any]:
    """One indicator catalogue as parsed TOML, validated; an invalid file raises MetodologiTidakSahError."""
    berkas = f"{KATALOG}/{nama}.toml"
    path = _folder() / KATALOG / f"{nama}.toml"
    if not path.is_file():
        raise MetodologiTidakSahError(berkas, [f"katalog tidak ada; tersedia: {', '.join(daftar_katalog())}"])
    raw = _baca(path, berkas)
    problems = validate_katalog_raw(raw, nama)
    if problems:
        raise MetodologiTidakSahError(berkas, problems, path.read_text(encoding="utf-8"))
    return raw


def baca_versi(versi: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A version file as parsed TOML (not validated yet) and the validated catalogue it names."""
    path = _folder() / f"{versi}.toml"
    if not path.is_file():
        raise VersiTidakDikenalError(versi)
    raw = _baca(path, f"{versi}.toml")
    pakai = raw.get("katalog")
    if not isinstance(pakai, dict) or not isinstance(pakai.get("berkas"), str):
        raise MetodologiTidakSahError(f"{versi}.toml", ["[katalog] wajib ada dan menyebut 'berkas' katalog indikator"])
    return raw, load_katalog(pakai["berkas"])


@cache
def load_metodologi(versi: str) -> Metodologi:
    """Load and validate one version with its catalogue; an invalid file raises MetodologiTidakSahError naming
    the file (the version's or the catalogue's) the problem is in."""
    raw, katalog = baca_versi(versi)
    problems = validate_metodologi_raw(raw, versi, katalog)
    if problems:
        teks = (_folder() / f"{versi}.toml").read_text(encoding="utf-8")
        raise MetodologiTidakSahError(f"{versi}.toml", problems, teks)
    return parse_metodologi(urai(raw, katalog))


def semua_metodologi() -> tuple[Metodologi, ...]:
    return tuple(load_metodologi(v) for v in daftar_versi())


def metodologi_untuk_tahun(tahun: int) -> Metodologi:
    for m in semua_metodologi():
        if tahun in m.tahun:
            return m
    raise TahunTidakDikenalError(tahun)


def berlaku_untuk_tahun(tahun: int) -> Berlaku:
    """How (and how surely) a year's rule is known: a borrowed version says so here."""
    berlaku = metodologi_untuk_tahun(tahun).berlaku_tahun(tahun)
    assert berlaku is not None  # metodologi_untuk_tahun chose the version because it lists the year
    return berlaku


def aturan_yandas(m: Metodologi) -> Metodologi:
    """The version whose urusan wajib pelayanan dasar rule applies to `m`'s pages: `m` itself when it gates the
    jumlah term on them, else the newest version that does, so coverage can still be shown as information."""
    if m.syarat_yandas is not None:
        return m
    for lain in reversed(semua_metodologi()):
        if lain.syarat_yandas is not None:
            return lain
    raise LookupError("tidak ada versi metodologi yang memuat syarat urusan wajib pelayanan dasar")


def _asal(raw: dict[str, Any]) -> Asal:
    return Asal(keyakinan=raw["keyakinan"], sumber=raw["sumber"], catatan=raw.get("catatan", ""))


def parse_metodologi(raw: dict[str, Any]) -> Metodologi:
    meta = raw["metodologi"]
    pembagi = raw["pembagi"]
    jumlah = raw["jumlah_inovasi"]
    maks = raw["skor_maksimum"]
    yandas = jumlah.get("syarat_yandas")
    usia, portal = raw["usia_inovasi"], raw["kematangan_portal"]
    return Metodologi(
        versi=meta["versi"],
        nama=meta["nama"],
        dasar_hukum=meta["dasar_hukum"],
        berlaku=tuple(Berlaku(tahun=b["tahun"], asal=_asal(b)) for b in raw["berlaku"]),
        rumus=raw["rumus"]["keterangan"],
        rumus_asal=_asal(raw["rumus"]),
        pembagi_minimum=pembagi["minimum"],
        pembagi_asal=_asal(pembagi),
        ditolak_dihitung=pembagi["ditolak_dihitung"]["nilai"],
        ditolak_asal=_asal(pembagi["ditolak_dihitung"]),
        poin_per_inovasi=float(jumlah["poin_per_inovasi"]),
        batas_inovasi=jumlah["batas_inovasi"],
        status_jumlah=tuple(jumlah["status_dihitung"]),
        jumlah_asal=_asal(jumlah),
        syarat_yandas=None
        if yandas is None
        else SyaratYandas(minimum_urusan=yandas["minimum_urusan"], urusan=tuple(yandas["urusan"]), asal=_asal(yandas)),
        maks_spd=float(maks["spd"]),
        maks_sid_per_inovasi=float(maks["sid_per_inovasi"]),
        maks_jumlah=float(maks["jumlah_inovasi"]),
        maks_total=float(maks["total"]),
        maks_asal=_asal(maks),
        digit_iid=raw["pembulatan"]["iid_digit"],
        pembulatan_asal=_asal(raw["pembulatan"]),
        predikat_nol=raw["predikat_nol"]["nama"],
        predikat_nol_asal=_asal(raw["predikat_nol"]),
        predikat=tuple(
            sorted(
                (Predikat(nama=p["nama"], batas_bawah=float(p["batas_bawah"]), asal=_asal(p)) for p in raw["predikat"]),
                key=lambda p: -p.batas_bawah,
            )
        ),
        indikator=tuple(
            Indikator(
                kode=i["kode"],
                aspek=i["aspek"],
                nama=i["nama"],
                variabel=i["variabel"],
                bobot=float(i["bobot"]),
                wajib=i["wajib"],
                level=tuple(i["level"]),
                bukti=tuple(i["bukti"]),
                asal=_asal(i),
            )
            for i in raw["indikator"]
        ),
        usia=AturanUsia(
            umur_maks_tahun=usia["umur_maks_tahun"],
            pengembangan_dihitung=usia["pengembangan_dihitung"],
            asal=_asal(usia),
        ),
        kematangan_portal=KematanganPortal(
            maks=float(portal["maks"]),
            asal=_asal(portal),
            basis_terverifikasi=portal["basis_terverifikasi"]["dipakai"],
            basis_terverifikasi_asal=_asal(portal["basis_terverifikasi"]),
        ),
    )
