"""The age rule applied to a year's innovations (scoring.AturanUsia, confirmed in issue 18 §4): whether each
still counts, why, and which of this year's will age out next year unless they are developed, the re-check a
bimtek can act on."""

from __future__ import annotations

import pandas as pd

import scoring

DITANDAI = ("dikirim", "diterima", "ditolak")  # statuses a pemda (or the verifier) has set on purpose


def _tahun(inovasi: pd.DataFrame, kolom: str) -> pd.Series:
    """Year of a date column (missing when empty, or when the frame has no such column)."""
    if kolom not in inovasi.columns:
        return pd.Series(pd.NA, index=inovasi.index, dtype="Int64")
    return pd.to_datetime(inovasi[kolom]).dt.year.astype("Int64")


def tahun_penerapan(inovasi: pd.DataFrame) -> pd.Series:
    """Year of each innovation's tanggal_penerapan (missing when it has none, e.g. still in trial)."""
    return _tahun(inovasi, "tanggal_penerapan")


def _daftar_tahun(tahun: pd.Series) -> list[int | None]:
    """The years as Python ints, None where missing."""
    return [None if pd.isna(t) else int(t) for t in tahun.tolist()]


def metodologi_tahun_depan(m: scoring.Metodologi, tahun: int) -> scoring.Metodologi:
    """The rule of the next assessment year when a version covers it, else this year's (the rule has been the same
    every year since it was confirmed)."""
    try:
        return scoring.metodologi_untuk_tahun(tahun + 1)
    except scoring.TahunTidakDikenalError:
        return m


def nilai_usia(inovasi: pd.DataFrame, m: scoring.Metodologi, tahun: int) -> pd.DataFrame:
    """Per innovation (same index): memenuhi_usia, alasan_usia, and keluar_tahun_depan (it counts this year but
    the next year's rule will not admit it without a pengembangan in that year's window; the reason then says
    which years)."""
    depan = metodologi_tahun_depan(m, tahun)
    awal, akhir = depan.usia.jendela(tahun + 1)

    def satu(terap: int | None, kembang: int | None) -> tuple[bool, str, bool]:
        kini = m.usia.nilai(terap, tahun, kembang)
        keluar = kini.memenuhi and not depan.usia.layak(terap, tahun + 1, kembang)
        alasan = kini.alasan
        if keluar:
            alasan += f"; tidak lagi dinilai {tahun + 1} kecuali dikembangkan {awal}–{akhir}"
        return kini.memenuhi, alasan, keluar

    # The verdict depends on the two years only: judged once per pair (a region's hundreds of rows share a few).
    putusan: dict[tuple[int | None, int | None], tuple[bool, str, bool]] = {}
    baris = []
    for pasangan in zip(
        _daftar_tahun(tahun_penerapan(inovasi)), _daftar_tahun(_tahun(inovasi, "tanggal_pengembangan")), strict=True
    ):
        if pasangan not in putusan:
            putusan[pasangan] = satu(*pasangan)
        baris.append(putusan[pasangan])
    return pd.DataFrame(baris, index=inovasi.index, columns=["memenuhi_usia", "alasan_usia", "keluar_tahun_depan"])


def layak_usia(inovasi: pd.DataFrame, m: scoring.Metodologi, tahun: int) -> pd.Series:
    """Whether the year's age rule still admits each innovation."""
    return nilai_usia(inovasi, m, tahun)["memenuhi_usia"].astype(bool)


def keluar_tahun_depan(inovasi: pd.DataFrame, m: scoring.Metodologi, tahun: int) -> pd.DataFrame:
    """This year's innovations that will age out next year unless developed, per pemda and perangkat daerah
    (sorted so), with the reason; drafts included, since a draft can still be sent or developed."""
    usia = nilai_usia(inovasi, m, tahun)
    kolom = [
        k
        for k in ("kode_wilayah", "nama_perangkat_daerah", "id_inovasi", "nama_inovasi", "status_inovasi")
        if k in inovasi.columns
    ]
    hasil = inovasi.loc[usia["keluar_tahun_depan"].astype(bool), kolom].assign(
        alasan_usia=usia["alasan_usia"], tahun_penerapan=tahun_penerapan(inovasi)
    )
    return hasil.sort_values(kolom[:3], na_position="last").reset_index(drop=True)


def skenario_semua_layak(inovasi: pd.DataFrame, m: scoring.Metodologi, tahun: int) -> tuple[pd.DataFrame, set[str]]:
    """The year's innovations with, in every pemda where nothing is marked (the portal export carries no status,
    so an imported pemda-year arrives all draft), each eligible one set to 'dikirim'; and the kode_wilayah so
    treated, whose numbers must be labelled "bila setiap inovasi yang memenuhi aturan usia dikirim"."""
    inovasi = inovasi.reset_index(drop=True)
    ditandai = inovasi["status_inovasi"].isin(DITANDAI).groupby(inovasi["kode_wilayah"]).any()
    belum = {str(k) for k in ditandai.index[~ditandai.to_numpy(bool)]}
    if not belum:
        return inovasi, belum
    # The age rule only for those pemda's innovations: it is a loop over rows, and a national year holds 36 000.
    di_belum = inovasi["kode_wilayah"].isin(belum)
    ubah = pd.Series(False, index=inovasi.index)
    ubah[di_belum] = nilai_usia(inovasi[di_belum], m, tahun)["memenuhi_usia"].astype(bool)
    return inovasi.assign(status_inovasi=inovasi["status_inovasi"].where(~ubah, "dikirim")), belum
