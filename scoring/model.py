"""Frozen objects for one methodology version, and every table or answer derived from a version alone.

A version is one file in scoring/metodologi/ resolved against the indicator catalogue it names (see loader.py).
Whatever the pages, services and bimtek show about bands, indicators or a year's provenance comes from the
methods here, so that each is computed once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

KEYAKINAN = ("terkonfirmasi", "satu-sumber", "kode-pihak-ketiga", "asumsi")
STATUS_BUKTI = ("ada", "kosong", "ditolak", "perlu_perbaikan")
STATUS_INOVASI = ("draft", "dikirim", "diterima", "ditolak")
STATUS_DINILAI = ("dikirim", "diterima")  # innovations whose answers are scored
BASIS = ("terverifikasi", "klaim")
ASPEK = ("SPD", "SID")
LEVEL_MAKS = 3
# Absorbs binary noise at band edges and when rounding half up, such as 60.00999999 or 60.00499999.
TOLERANSI = 1e-9

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


def bulatkan(nilai: np.ndarray | float, digit: int) -> np.ndarray:
    """Round half up at `digit` decimals (the published IID's rounding)."""
    faktor = 10.0**digit
    return np.floor(np.asarray(nilai, dtype=float) * faktor + 0.5 + TOLERANSI) / faktor


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
class PredikatBerikutnya:
    """The band above an IID under one version, and how far away it is."""

    nama: str
    batas_bawah: float
    jarak: float  # IID points still needed, rounded like the IID itself


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

    def berlaku_tahun(self, tahun: int) -> Berlaku | None:
        """How (and how surely) this version is known to be the rule of `tahun`; None when it is not that
        year's rule but is applied to it again (a comparison under one rule)."""
        return next((b for b in self.berlaku if b.tahun == tahun), None)

    def asal_tahun(self, tahun: int) -> Asal:
        """The provenance of the numbers of `tahun` scored under this version: the year's own entry, or the
        formula's when the version is applied to a year it was not made for."""
        berlaku = self.berlaku_tahun(tahun)
        return self.rumus_asal if berlaku is None else berlaku.asal

    def pita(self) -> pd.DataFrame:
        """The bands as ranges, highest first: predikat, bawah, atas (the next band's lower edge; 100 at the
        top), atas_inklusif (the highest IID still in the band at the version's rounding, e.g. 60,00 below
        60,01), keyakinan, catatan, sumber."""
        batas = [p.batas_bawah for p in self.predikat]
        langkah = 10.0**-self.digit_iid
        return pd.DataFrame(
            {
                "predikat": [p.nama for p in self.predikat],
                "bawah": batas,
                "atas": [100.0, *batas[:-1]],
                "atas_inklusif": [100.0, *(round(b - langkah, self.digit_iid) for b in batas[:-1])],
                "keyakinan": [p.asal.keyakinan for p in self.predikat],
                "catatan": [p.asal.catatan for p in self.predikat],
                "sumber": [p.asal.sumber for p in self.predikat],
            }
        )

    def _pita_iid(self, iid: float) -> int | None:
        """Position in `predikat` of the band a (rounded) IID is in; None below the lowest band (IID 0)."""
        return next((n for n, p in enumerate(self.predikat) if iid >= p.batas_bawah - TOLERANSI), None)

    def predikat_berikutnya(self, iid: float) -> PredikatBerikutnya | None:
        """The next band up from a (rounded) IID and the distance to it; None in the highest band. From IID 0
        (predikat_nol) the next band is the lowest one."""
        posisi = self._pita_iid(iid)
        berikut = len(self.predikat) - 1 if posisi is None else posisi - 1
        if berikut < 0:
            return None
        p = self.predikat[berikut]
        return PredikatBerikutnya(p.nama, p.batas_bawah, float(bulatkan(p.batas_bawah - iid, self.digit_iid)))

    def di_atas_batas(self, iid: float) -> float:
        """IID points above the lower edge of the IID's own band (the room before falling out of it); 0 for
        IID 0, which is in no band."""
        posisi = self._pita_iid(iid)
        return 0.0 if posisi is None else float(bulatkan(iid - self.predikat[posisi].batas_bawah, self.digit_iid))

    def katalog(self) -> pd.DataFrame:
        """One row per indicator in rule-file order: kode_indikator, aspek, variabel, nama_indikator, bobot,
        skor_maks, wajib, level_1..3 and bukti_1..3 (what proves each level), keyakinan, catatan, sumber."""
        return pd.DataFrame(
            [
                {
                    "kode_indikator": i.kode,
                    "aspek": i.aspek,
                    "variabel": i.variabel,
                    "nama_indikator": i.nama,
                    "bobot": i.bobot,
                    "skor_maks": i.bobot * LEVEL_MAKS,
                    "wajib": i.wajib,
                    **{f"level_{n}": teks for n, teks in enumerate(i.level, start=1)},
                    **{f"bukti_{n}": teks for n, teks in enumerate(i.bukti, start=1)},
                    "keyakinan": i.asal.keyakinan,
                    "catatan": i.asal.catatan,
                    "sumber": i.asal.sumber,
                }
                for i in self.indikator
            ]
        )


@dataclass(frozen=True)
class DataPenilaian:
    """Everything the index needs for one assessment year (column contracts: KOLOM_*)."""

    inovasi: pd.DataFrame
    jawaban_sid: pd.DataFrame
    jawaban_spd: pd.DataFrame

    def bagian_wilayah(self, kode_wilayah: str) -> DataPenilaian:
        """One region's part of the data; its IID depends on nothing else."""
        inovasi = self.inovasi[self.inovasi["kode_wilayah"] == kode_wilayah]
        return DataPenilaian(
            inovasi=inovasi,
            jawaban_sid=self.jawaban_sid[self.jawaban_sid["id_inovasi"].isin(inovasi["id_inovasi"])],
            jawaban_spd=self.jawaban_spd[self.jawaban_spd["kode_wilayah"] == kode_wilayah],
        )
