"""Evidence gaps priced in IID points, for the per-region slides.

Kept as ONE function on purpose: the kelengkapan service (issue #4) computes the full worklist, and at merge
`hitung_celah_bukti` is the single call to swap for it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring

MASALAH = {
    "kosong": "bukti dukung kosong",
    "ditolak": "bukti dukung ditolak",
    "perlu_perbaikan": "bukti dukung perlu perbaikan",
}
KOLOM_CELAH = (
    "aspek",
    "kode_wilayah",
    "id_inovasi",
    "nama_inovasi",
    "nama_perangkat_daerah",
    "kode_indikator",
    "nama_indikator",
    "level_klaim",
    "level",
    "status_bukti",
    "masalah",
    "bukti_dibutuhkan",
    "nilai_iid",
)


def hitung_celah_bukti(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """Every answer whose claimed level does not count in full, with what fixing it is worth in IID points.

    A gap is an answer whose evidence is kosong, ditolak or perlu_perbaikan, or that was verified below the claim,
    judged on basis 'terverifikasi' (on basis 'klaim' every claim counts, so nothing is missing). Its worth is
    poin_per_level × (level_klaim − level that counts), both from scoring.kontribusi; this is exact because a level
    change never moves the number of innovations, the divisor or the jumlah term. Answers of innovations that do
    not score (rejected, draft) are worth 0 and left out.

    `data.inovasi` must also carry nama_inovasi and nama_perangkat_daerah (query inovasi_tahun does).
    Columns: KOLOM_CELAH, sorted by nilai_iid, most valuable first.
    """
    poin = scoring.kontribusi(data, m, "terverifikasi")
    kolom = ["kode_indikator", "level_klaim", "status_bukti"]
    sid = poin[poin["aspek"] == "SID"].merge(
        data.jawaban_sid[["id_inovasi", *kolom]], on=["id_inovasi", "kode_indikator"], validate="one_to_one"
    )
    spd = poin[poin["aspek"] == "SPD"].merge(
        data.jawaban_spd[["kode_wilayah", *kolom]], on=["kode_wilayah", "kode_indikator"], validate="one_to_one"
    )
    jawaban = pd.concat([sid, spd], ignore_index=True)
    klaim = jawaban["level_klaim"].to_numpy(dtype=float, na_value=0.0)
    jawaban["level_klaim"] = klaim.astype(int)
    jawaban["nilai_iid"] = jawaban["poin_per_level"] * (klaim - jawaban["level"])
    celah = jawaban[jawaban["nilai_iid"] > 1e-12].copy()

    indikator = {i.kode: i for i in m.indikator}
    celah["nama_indikator"] = [indikator[k].nama for k in celah["kode_indikator"]]
    celah["bukti_dibutuhkan"] = [
        indikator[k].bukti[lv - 1] for k, lv in zip(celah["kode_indikator"], celah["level_klaim"], strict=True)
    ]
    turun = [
        f"diakui level {int(lv)} dari klaim {kl}" for lv, kl in zip(celah["level"], celah["level_klaim"], strict=True)
    ]
    celah["masalah"] = np.where(
        celah["status_bukti"].isin(list(MASALAH)), celah["status_bukti"].map(MASALAH), np.array(turun, dtype=object)
    )
    profil = data.inovasi[["id_inovasi", "nama_inovasi", "nama_perangkat_daerah"]]
    celah = celah.merge(profil, on="id_inovasi", how="left")
    celah = celah.sort_values(["nilai_iid", "kode_wilayah", "kode_indikator"], ascending=[False, True, True])
    return celah[list(KOLOM_CELAH)].reset_index(drop=True)
