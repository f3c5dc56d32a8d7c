"""What the Kelengkapan, Simulasi and Inovasi pages pick out of a year's Kelengkapan for a drill-down: the
region × indicator matrix, one region's or one perangkat daerah's gaps, a region's fastest path, one innovation's
answers, and the indicator catalogue of a rule version."""

from __future__ import annotations

import pandas as pd

import scoring
from dasbor.services.kelengkapan import BASIS, JENIS_CELAH, JENIS_MATRIKS, Kelengkapan


def matriks_celah(celah: pd.DataFrame, jenis: tuple[str, ...] = JENIS_MATRIKS) -> pd.DataFrame:
    """Gaps counted and IID points at stake per region × indicator (worths add up: all are level fixes)."""
    pilih = celah[celah["jenis_celah"].isin(jenis) & celah["kode_indikator"].notna()]
    return (
        pilih.groupby(["kode_wilayah", "aspek", "kode_indikator"], as_index=False)
        .agg(jumlah=("id_celah", "size"), poin=("nilai_perbaikan", "sum"))
        .astype({"jumlah": int})
    )


def katalog_indikator(versi: str) -> pd.DataFrame:
    """The indicator catalogue of a rule version (scoring.Metodologi.katalog), by version so that the UI cache
    builds it once."""
    return scoring.load_metodologi(versi).katalog()


def jawaban_inovasi(kel: Kelengkapan, id_inovasi: str) -> pd.DataFrame:
    """All SID indicators of one innovation: claimed, verified and counted level, evidence, its gap and worth."""
    katalog = katalog_indikator(kel.versi)
    katalog = katalog[katalog["aspek"] == "SID"]
    jawaban = kel.data.jawaban_sid[kel.data.jawaban_sid["id_inovasi"] == id_inovasi]
    # one gap per indicator; the whole-innovation gaps (a portal kematangan, the age rule, …) have none
    celah = kel.celah[(kel.celah["id_inovasi"] == id_inovasi) & kel.celah["kode_indikator"].notna()]
    celah = celah.drop_duplicates("kode_indikator").set_index("kode_indikator")
    hasil = katalog[["kode_indikator", "nama_indikator", "bobot", "wajib"]].merge(
        jawaban[["kode_indikator", "level_klaim", "status_bukti", "level_verifikasi", "catatan_verifikasi"]].assign(
            level_diakui=scoring.level_efektif(jawaban, BASIS),
            status_bukti=jawaban["status_bukti"].astype(str),  # shown: text, not the reader's categorical
        ),
        on="kode_indikator",
        how="left",
    )
    hasil["skor"] = hasil["bobot"] * hasil["level_diakui"].fillna(0.0)
    hasil["jenis_celah"] = hasil["kode_indikator"].map(celah["jenis_celah"].map(JENIS_CELAH)).astype(object).fillna("")
    hasil["nilai_perbaikan"] = hasil["kode_indikator"].map(celah["nilai_perbaikan"])
    return hasil


def celah_wilayah(kel: Kelengkapan, kode_wilayah: str, kode_indikator: str | None = None) -> pd.DataFrame:
    """A region's gaps, optionally only those on one indicator."""
    celah = kel.celah[kel.celah["kode_wilayah"] == kode_wilayah]
    return celah if kode_indikator is None else celah[celah["kode_indikator"] == kode_indikator]


def jalan_wilayah(kel: Kelengkapan, kode_wilayah: str) -> pd.DataFrame:
    """The fixes of a region's fastest path to the next band, in order, each with its gap's columns."""
    rincian = kel.jalan_rincian[kel.jalan_rincian["kode_wilayah"] == kode_wilayah]
    return rincian.merge(kel.celah, on=["kode_wilayah", "id_celah"])


def inovasi_bercelah(celah: pd.DataFrame, id_perangkat_daerah: str) -> pd.DataFrame:
    """Innovations of one perangkat daerah that have gaps: their count and the worth of the level fixes."""
    milik = celah[(celah["id_perangkat_daerah"] == id_perangkat_daerah) & celah["id_inovasi"].notna()]
    return (
        milik.assign(poin=milik["nilai_perbaikan"].where(milik["aditif"], 0.0))
        .groupby(["id_inovasi", "nama_inovasi", "status_inovasi"], as_index=False, dropna=False)
        .agg(jumlah=("id_celah", "size"), poin=("poin", "sum"))
        .sort_values(["poin", "jumlah", "id_inovasi"], ascending=[False, False, True], ignore_index=True)
    )
