"""Frozen objects for one methodology version (one TOML file in scoring/metodologi/)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

KEYAKINAN = ("terkonfirmasi", "satu-sumber", "kode-pihak-ketiga", "asumsi")
STATUS_BUKTI = ("ada", "kosong", "ditolak", "perlu_perbaikan")
STATUS_INOVASI = ("draft", "dikirim", "diterima", "ditolak")
BASIS = ("terverifikasi", "klaim")
ASPEK = ("SPD", "SID")
LEVEL_MAKS = 3

KOLOM_INOVASI = ("kode_wilayah", "id_inovasi", "status_inovasi", "urusan_utama")
KOLOM_JAWABAN = ("kode_indikator", "level_klaim", "status_bukti", "level_verifikasi")
KOLOM_SID = ("id_inovasi", *KOLOM_JAWABAN)
KOLOM_SPD = ("kode_wilayah", *KOLOM_JAWABAN)
# The headline numbers per wilayah: what the CLI prints and what the naive reference recomputes.
KOLOM_RINGKAS = (
    "kode_wilayah",
    "n_inovasi",
    "skor_spd",
    "skor_sid",
    "skor_jumlah_inovasi",
    "skor_total",
    "iid",
    "predikat",
)


@dataclass(frozen=True)
class Asal:
    """Where a rule value comes from and how sure we are of it."""

    keyakinan: str
    sumber: str
    catatan: str = ""


@dataclass(frozen=True)
class Berlaku:
    tahun: int
    asal: Asal


@dataclass(frozen=True)
class Indikator:
    kode: str
    aspek: str
    nama: str
    variabel: str
    bobot: float
    wajib: bool
    level: tuple[str, str, str]
    bukti: tuple[str, str, str]
    asal: Asal


@dataclass(frozen=True)
class Predikat:
    nama: str
    batas_bawah: float
    asal: Asal


@dataclass(frozen=True)
class SyaratYandas:
    minimum_urusan: int
    urusan: tuple[str, ...]
    asal: Asal


@dataclass(frozen=True)
class AturanUsia:
    """How old an innovation may be and still be recorded: in assessment year T only innovations whose
    application (tanggal_penerapan) dates from T − umur_maks_tahun or later count; older ones are no longer
    entered (2025: "penerapan sebelum 2023 tidak lagi dicatat")."""

    umur_maks_tahun: int
    asal: Asal

    def tahun_penerapan_min(self, tahun_penilaian: int) -> int:
        return tahun_penilaian - self.umur_maks_tahun

    def layak(self, tahun_penerapan: int | None, tahun_penilaian: int) -> bool:
        """An innovation without an application year (still in trial) is not too old."""
        return tahun_penerapan is None or tahun_penerapan >= self.tahun_penerapan_min(tahun_penilaian)


@dataclass(frozen=True)
class Metodologi:
    versi: str
    nama: str
    dasar_hukum: str
    berlaku: tuple[Berlaku, ...]
    rumus: str
    rumus_asal: Asal
    pembagi_minimum: int
    pembagi_asal: Asal
    ditolak_dihitung: bool
    ditolak_asal: Asal
    poin_per_inovasi: float
    batas_inovasi: int
    status_jumlah: tuple[str, ...]
    jumlah_asal: Asal
    syarat_yandas: SyaratYandas | None
    maks_spd: float
    maks_sid_per_inovasi: float
    maks_jumlah: float
    maks_total: float
    maks_asal: Asal
    digit_iid: int
    pembulatan_asal: Asal
    predikat_nol: str
    predikat_nol_asal: Asal
    predikat: tuple[Predikat, ...]  # highest band first
    indikator: tuple[Indikator, ...]
    usia: AturanUsia

    def indikator_aspek(self, aspek: str) -> tuple[Indikator, ...]:
        return tuple(i for i in self.indikator if i.aspek == aspek)

    def indikator_kode(self, kode: str) -> Indikator:
        for i in self.indikator:
            if i.kode == kode:
                return i
        raise KeyError(kode)

    @property
    def tahun(self) -> tuple[int, ...]:
        return tuple(b.tahun for b in self.berlaku)


@dataclass(frozen=True)
class DataPenilaian:
    """Everything the index needs for one assessment year (column contracts: KOLOM_*)."""

    inovasi: pd.DataFrame
    jawaban_sid: pd.DataFrame
    jawaban_spd: pd.DataFrame
