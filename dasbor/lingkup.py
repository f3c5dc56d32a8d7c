"""What a deployment covers, declared once: one province by its Kemendagri code, or the whole country.

The scope is `lingkup` in data/lingkup.toml, overridden by $DASBOR_LINGKUP (a province code such as 35, or
`nasional`). Everything that names the province (titles, captions, the deck, worklists, file names, the import's
"bukan pemda …" message, the default comparison pair, the bimtek place, the map's boundaries) derives from it, and
the regions in scope come from the national reference data/referensi/wilayah-indonesia.csv (Kepmendagri 2025, MIT).
Product code holds no province literal (tests/test_lingkup.py).
"""

from __future__ import annotations

import csv
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"
BERKAS = DATA / "lingkup.toml"
REFERENSI = DATA / "referensi" / "wilayah-indonesia.csv"
BATAS_NASIONAL = DATA / "referensi" / "batas-kabkota-indonesia.geojson"
NASIONAL = "nasional"


def provinsi_dari(kode_wilayah: str) -> str:
    """The province of a Kemendagri region code: its first part ('63.09' -> '63'; a province's code is its own)."""
    return kode_wilayah.split(".")[0]


def provinsi_kolom(kode_wilayah: pd.Series) -> pd.Series:
    """provinsi_dari of every code of a column."""
    return kode_wilayah.str.split(".").str[0]


class LingkupError(ValueError):
    """$DASBOR_LINGKUP names no province of the national reference."""


@dataclass(frozen=True)
class Wilayah:
    """One row of the national reference, named as the portal and the dashboard name it ('Provinsi …')."""

    kode_wilayah: str
    nama_wilayah: str
    jenis: str  # provinsi, kabupaten, kota
    kode_provinsi: str


@dataclass(frozen=True)
class Lingkup:
    kode: str  # a province code, or NASIONAL
    nama: str  # 'Kalimantan Selatan', or 'Indonesia'
    singkatan: str  # short form in titles: 'Kalsel'; the name itself when none is declared
    instansi: str  # the agency running the deployment
    pembanding: tuple[str, ...]  # the default comparison pair (Tren, Bandingkan, the deck)
    tempat_bimtek: str
    batas: Path  # kab/kota boundaries for the maps (filtered to the scope)

    @property
    def nasional(self) -> bool:
        return self.kode == NASIONAL

    @property
    def judul_aplikasi(self) -> str:
        return f"Dasbor IID {self.singkatan}"

    @property
    def nama_pemda(self) -> str:
        """'Provinsi Kalimantan Selatan', or 'Indonesia' nationally: the scope as a title names it."""
        return self.nama if self.nasional else f"Provinsi {self.nama}"

    @property
    def contoh_kode_nol(self) -> str:
        """A kab/kota code of the scope ending in 0 ('NN.10'), for messages about Excel dropping that zero."""
        kode = next(w.kode_provinsi for w in self.wilayah())
        return f"{kode}.10"

    def memuat(self, kode_wilayah: str) -> bool:
        return self.nasional or provinsi_dari(kode_wilayah) == self.kode

    def wilayah(self) -> tuple[Wilayah, ...]:
        """The regions in scope from the national reference: the province first, then its kab/kota by code."""
        return tuple(w for w in referensi() if self.memuat(w.kode_wilayah))


@cache
def referensi() -> tuple[Wilayah, ...]:
    """All 38 provinces and 514 kab/kota of data/referensi/wilayah-indonesia.csv; a province is named as the portal
    names its pemda ('Provinsi Jawa Timur')."""
    with REFERENSI.open(encoding="utf-8", newline="") as f:
        return tuple(
            Wilayah(
                r["kode_wilayah"],
                f"Provinsi {r['nama_wilayah']}" if r["tingkat"] == "provinsi" else r["nama_wilayah"],
                r["tingkat"],
                r["kode_provinsi"],
            )
            for r in csv.DictReader(f)
        )


def nama_provinsi(kode: str) -> str:
    for w in referensi():
        if w.kode_wilayah == kode and w.jenis == "provinsi":
            return w.nama_wilayah.removeprefix("Provinsi ")
    raise LingkupError(
        f"DASBOR_LINGKUP={kode[:20]!r} tidak dikenal: pakai kode provinsi Kemendagri (dua angka, lihat "
        f"data/referensi/wilayah-indonesia.csv) atau '{NASIONAL}'."
    )


@cache
def _baca(kode_env: str | None, berkas: Path) -> Lingkup:
    isi = tomllib.loads(berkas.read_text(encoding="utf-8"))
    kode = (kode_env or str(isi["lingkup"])).strip().lower()
    nama = "Indonesia" if kode == NASIONAL else nama_provinsi(kode)
    nyatakan = isi.get(kode, {})
    if "pembanding" in nyatakan:
        pembanding = tuple(nyatakan["pembanding"])
    else:
        kabupaten = [w.kode_wilayah for w in referensi() if w.jenis == "kabupaten"]
        pembanding = tuple(k for k in kabupaten if kode == NASIONAL or provinsi_dari(k) == kode)[:2]
    return Lingkup(
        kode=kode,
        nama=nama,
        singkatan=nyatakan.get("singkatan", nama),
        instansi=nyatakan.get("instansi", "Kementerian Dalam Negeri" if kode == NASIONAL else f"Brida Provinsi {nama}"),
        pembanding=pembanding,
        tempat_bimtek=nyatakan.get("tempat_bimtek", nama),
        batas=DATA / nyatakan["batas"] if "batas" in nyatakan else BATAS_NASIONAL,
    )


def lingkup() -> Lingkup:
    """The deployment's scope ($DASBOR_LINGKUP, else data/lingkup.toml). Read per call (cached per value), so a test
    or a worker started with another value sees its own."""
    return _baca(os.environ.get("DASBOR_LINGKUP") or None, BERKAS)


def lingkup_wilayah(kode_wilayah: Iterable[str]) -> Lingkup:
    """The narrowest scope holding these regions: their province's (as data/lingkup.toml declares it, or derived)
    when they are one province's, so a national deployment's deck for one province names that province and its
    bimtek place; else the deployment's."""
    provinsi = {provinsi_dari(k) for k in kode_wilayah}
    return _baca(provinsi.pop(), BERKAS) if len(provinsi) == 1 else lingkup()
