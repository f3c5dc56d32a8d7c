"""Frozen objects for one methodology version, and every table or answer derived from a version alone.

A version is one file in scoring/metodologi/ resolved against the indicator catalogue it names (see loader.py).
Whatever the pages, services and bimtek show about bands, indicators or a year's provenance comes from the
methods here, so that each is computed once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.anggota import ada_di

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
class PenilaianUsia:
    """Whether the age rule admits one innovation in one assessment year, and why, in words for a bimtek."""

    memenuhi: bool
    alasan: str


@dataclass(frozen=True)
class AturanUsia:
    """Which innovations an assessment year scores: in year Y those applied (tanggal_penerapan) in the window
    [Y − umur_maks_tahun, Y − 1]; when `pengembangan_dihitung`, also those developed (tanggal_pengembangan) in
    that window. Older ones may still be entered but are archived; one applied in Y itself is too new."""

    umur_maks_tahun: int
    pengembangan_dihitung: bool
    asal: Asal

    def tahun_penerapan_min(self, tahun_penilaian: int) -> int:
        return tahun_penilaian - self.umur_maks_tahun

    def jendela(self, tahun_penilaian: int) -> tuple[int, int]:
        """First and last application year the assessment year admits."""
        return self.tahun_penerapan_min(tahun_penilaian), tahun_penilaian - 1

    def _teks_jendela(self, tahun_penilaian: int) -> str:
        awal, akhir = self.jendela(tahun_penilaian)
        return str(awal) if awal == akhir else f"{awal}–{akhir}"

    def nilai(
        self, tahun_penerapan: int | None, tahun_penilaian: int, tahun_pengembangan: int | None = None
    ) -> PenilaianUsia:
        """The verdict with its reason, e.g. 'terlalu lama: diterapkan 2021, tanpa pengembangan 2023–2024'. An
        innovation without an application year (still in trial) is not judged too old or too new."""
        awal, akhir = self.jendela(tahun_penilaian)
        jendela = self._teks_jendela(tahun_penilaian)
        if tahun_penerapan is None:
            return PenilaianUsia(True, "tanpa tanggal penerapan (belum diterapkan): dianggap memenuhi")
        if awal <= tahun_penerapan <= akhir:
            return PenilaianUsia(True, f"diterapkan {tahun_penerapan}, dalam jendela {jendela}")
        dikembangkan = (
            self.pengembangan_dihitung and tahun_pengembangan is not None and awal <= tahun_pengembangan <= akhir
        )
        if dikembangkan:
            return PenilaianUsia(True, f"diterapkan {tahun_penerapan}, dikembangkan {tahun_pengembangan}")
        if tahun_penerapan > akhir:
            return PenilaianUsia(False, f"terlalu baru: diterapkan {tahun_penerapan}")
        if not self.pengembangan_dihitung:
            return PenilaianUsia(False, f"terlalu lama: diterapkan {tahun_penerapan} (jendela {jendela})")
        return PenilaianUsia(False, f"terlalu lama: diterapkan {tahun_penerapan}, tanpa pengembangan {jendela}")

    def layak(self, tahun_penerapan: int | None, tahun_penilaian: int, tahun_pengembangan: int | None = None) -> bool:
        return self.nilai(tahun_penerapan, tahun_penilaian, tahun_pengembangan).memenuhi


@dataclass(frozen=True)
class KematanganPortal:
    """The national portal's per-innovation kematangan (the SID sum the pemda entered before verification): its
    scale, and whether it stands in on the verified basis, where the export carries no verification."""

    maks: float
    asal: Asal
    basis_terverifikasi: bool
    basis_terverifikasi_asal: Asal


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
    kematangan_portal: KematanganPortal

    @property
    def skala_kematangan_portal(self) -> float:
        """Factor from the portal's kematangan scale to this version's SID maximum per innovation (1 when equal)."""
        return self.maks_sid_per_inovasi / self.kematangan_portal.maks

    def asumsi_kematangan_portal(self, basis: str) -> list[tuple[str, Asal]]:
        """What a score from portal kematangan rests on beyond the answers path: (what, provenance) pairs."""
        kp = self.kematangan_portal
        hasil = [(f"kematangan portal maks. {kp.maks:g}", kp.asal)]
        if self.skala_kematangan_portal != 1:
            hasil.append(
                (
                    f"kematangan portal diskalakan × {self.skala_kematangan_portal:.4g} ke SID maks. "
                    f"{self.maks_sid_per_inovasi:g} per inovasi",
                    Asal("asumsi", kp.asal.sumber, "skala portal berbeda dengan skala versi ini"),
                )
            )
        if basis == "terverifikasi":
            hasil.append(("kematangan portal dipakai pada basis terverifikasi", kp.basis_terverifikasi_asal))
        return hasil

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
        return self._bagian(lambda kode: kode == kode_wilayah)

    def bagian_provinsi(self, kode_provinsi: str) -> DataPenilaian:
        """One province's pemda (the province and its kab/kota: a Kemendagri code's first part is its province's);
        every IID in it is the one the whole data gives, since a region's IID depends on its own rows only."""
        return self._bagian(lambda kode: kode.str.split(".").str[0] == kode_provinsi)

    def _bagian(self, dalam: Callable[[pd.Series], pd.Series]) -> DataPenilaian:
        """The rows of the regions whose kode_wilayah `dalam` marks, with their innovations' answers."""
        inovasi = self.inovasi[dalam(self.inovasi["kode_wilayah"])]
        return DataPenilaian(
            inovasi=inovasi,
            jawaban_sid=self.jawaban_sid[ada_di(self.jawaban_sid["id_inovasi"], inovasi["id_inovasi"])],
            jawaban_spd=self.jawaban_spd[dalam(self.jawaban_spd["kode_wilayah"])],
        )
