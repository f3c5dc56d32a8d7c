"""The gap catalogue (dasbor/services/celah.toml): what each kind of gap is called, what fixing it means and how it
is priced, what to do in the portal, with keyakinan and source; and the SKPD commitment rule. Versioned data, read
once per process, like the methodology."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BERKAS = Path(__file__).with_name("celah.toml")


@dataclass(frozen=True)
class JenisCelah:
    kode: str
    nama: str
    perbaikan: str  # what fixing means and how its worth is computed
    di_portal: str  # what to do in the portal, for the hand-out
    keyakinan: str
    sumber: str


@dataclass(frozen=True)
class KomitmenSkpd:
    minimum_inovasi: int
    teks: str
    pemilik: str
    keyakinan: str
    sumber: str

    @property
    def kalimat(self) -> str:
        return f"{self.teks} ({self.pemilik}; {self.sumber})."


@dataclass(frozen=True)
class KatalogCelah:
    versi: str
    jenis: dict[str, JenisCelah]
    komitmen: KomitmenSkpd

    def nama(self, *kode: str) -> dict[str, str]:
        """kode -> nama of the given kinds (every kind when none is given), in catalogue order."""
        return {k: j.nama for k, j in self.jenis.items() if not kode or k in kode}

    def perbaikan(self, *kode: str) -> dict[str, str]:
        return {k: j.perbaikan for k, j in self.jenis.items() if not kode or k in kode}

    def di_portal(self) -> dict[str, str]:
        return {k: j.di_portal for k, j in self.jenis.items()}


@cache
def katalog() -> KatalogCelah:
    isi = tomllib.loads(BERKAS.read_text(encoding="utf-8"))
    jenis = {j["kode"]: JenisCelah(**j) for j in isi["jenis"]}
    if len(jenis) != len(isi["jenis"]):
        raise ValueError(f"{BERKAS.name}: kode jenis celah ganda")
    return KatalogCelah(isi["katalog"]["versi"], jenis, KomitmenSkpd(**isi["komitmen_skpd"]))
