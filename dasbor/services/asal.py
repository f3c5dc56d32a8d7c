"""Provenance per region (issue 23 §5): a region-year is synthetic when its innovations come from the demo generator
(`inovasi.sumber` = 'demo'), and real when they came from an import (a template or the portal's export), whatever
else the year holds. A region imported for real is never labelled SINTETIS; a mixed year names its synthetic
regions. Pages, worklists, the deck and downloads all take their label from here."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dasbor.services.db import database

SUMBER_SINTETIS = "demo"  # the inovasi.sumber of rows written by the demo generator


def sintetis_per_wilayah(inovasi: pd.DataFrame) -> pd.Series:
    """Per kode_wilayah with innovations: True when every one of them is demo data."""
    return (inovasi["sumber"] == SUMBER_SINTETIS).groupby(inovasi["kode_wilayah"]).all()


def wilayah_sintetis(inovasi: pd.DataFrame, kode_wilayah: str, ada_sumber_sintetis: bool) -> bool:
    """Whether one region's innovations of the year (the year's inovasi frame) are demo data; never when none of the
    year's sources is synthetic (sumber_data says so, e.g. demo rows an admin has declared real)."""
    return ada_sumber_sintetis and bool(sintetis_per_wilayah(inovasi).get(kode_wilayah, False))


@dataclass(frozen=True)
class AsalTahun:
    """Where a year's innovation data comes from, region by region."""

    tahun: int
    sintetis: tuple[str, ...]  # nama_wilayah of the synthetic regions, in kode order
    nyata: tuple[str, ...]  # nama_wilayah of the regions imported for real
    kode_sintetis: frozenset[str]
    keterangan: str  # the demo's own description ("" when nothing is synthetic)

    @property
    def ada_sintetis(self) -> bool:
        return bool(self.sintetis)

    @property
    def campuran(self) -> bool:
        return bool(self.sintetis) and bool(self.nyata)

    def label(self, awal: str = "Data inovasi") -> str:
        """'' when all real; '… SINTETIS (data demo)' when all synthetic; naming the synthetic regions when mixed."""
        if not self.sintetis:
            return ""
        if not self.nyata:
            return f"{awal} {self.tahun} SINTETIS (data demo)"
        return (
            f"{awal} {self.tahun} SINTETIS (data demo) hanya untuk {', '.join(self.sintetis)}; wilayah lain hasil impor"
        )


def asal_dari(inovasi: pd.DataFrame, wilayah: pd.DataFrame, sumber: pd.DataFrame, tahun: int) -> AsalTahun:
    """AsalTahun from the year's inovasi frame, the wilayah table and the year's sources (sumber_data_tahun)."""
    per = sintetis_per_wilayah(inovasi) & bool(sumber["sintetis"].any())
    nama = wilayah.set_index("kode_wilayah")["nama_wilayah"]
    kode_sintetis = sorted(per.index[per.to_numpy(bool)])
    kode_nyata = sorted(per.index[~per.to_numpy(bool)])
    keterangan = (
        " ".join(dict.fromkeys(sumber.loc[sumber["sintetis"], "keterangan"].astype(str))) if kode_sintetis else ""
    )
    return AsalTahun(
        tahun=tahun,
        sintetis=tuple(str(nama.get(k, k)) for k in kode_sintetis),
        nyata=tuple(str(nama.get(k, k)) for k in kode_nyata),
        kode_sintetis=frozenset(kode_sintetis),
        keterangan=keterangan,
    )


def asal_tahun(tahun: int) -> AsalTahun:
    """AsalTahun of a year in the published copy."""
    db = database()
    return asal_dari(
        db.query("inovasi_sumber_tahun", {"tahun": tahun}),
        db.query("wilayah"),
        db.query("sumber_data_tahun", {"tahun": tahun}),
        tahun,
    )
