"""The gaps the bimtek slides show: the kelengkapan worklist's additive gaps (evidence and levels, and for an
innovation known only from the portal its kematangan), in the slides' column terms, and the score once a region's
top gaps are fixed.

Gaps are priced once, by the kelengkapan service on the set the region's IID is computed on (the marked status,
else every eligible innovation), so a slide, the Kelengkapan page and the exported worklist always give the same
worth for the same gap, and the deck's "sesudah" starts from the IID the deck shows.
"""

from __future__ import annotations

import pandas as pd

import scoring
from dasbor.services import kelengkapan, skor


def hitung_celah_bukti(data: scoring.DataPenilaian, m: scoring.Metodologi, tahun: int) -> pd.DataFrame:
    """Every fix that raises IID on its own and adds up with the others, with that worth in IID points, most
    valuable first.

    These are the worklist's additive gaps (evidence kosong/ditolak/perlu_perbaikan, verified below the claim,
    an empty wajib indicator, a portal kematangan below the maximum); fixes that change an innovation's status
    move the divisor and are left to the Kelengkapan page. `level_sasaran` is the level the fix reaches and
    `level` the one that counts now (both empty for a kematangan gap, which has `kematangan` and
    `kematangan_sasaran`). `data` is the year as read (query inovasi_tahun, with nama_inovasi and
    nama_perangkat_daerah); the set it is priced on is taken here.
    """
    celah = kelengkapan.hitung_celah(kelengkapan.lengkapi_wajib(skor.data_dinilai(data, m, tahun)[0], m), m, tahun)
    celah = celah[celah["aditif"] & (celah["nilai_perbaikan"] > 1e-12)]
    hasil = pd.DataFrame(
        {
            "id_celah": celah["id_celah"],
            "jenis_celah": celah["jenis_celah"],
            "aspek": celah["aspek"],
            "kode_wilayah": celah["kode_wilayah"],
            "id_inovasi": celah["id_inovasi"],
            "nama_inovasi": celah["nama_inovasi"],
            "nama_perangkat_daerah": celah["nama_perangkat_daerah"],
            "kode_indikator": celah["kode_indikator"],
            "nama_indikator": celah["nama_indikator"].where(
                celah["nama_indikator"].fillna("") != "", "Kematangan inovasi (ekspor portal)"
            ),
            "level_sasaran": celah["level_sasaran"].astype("Int64"),
            "level": celah["level_diakui"],
            "kematangan": celah["kematangan"],
            "kematangan_sasaran": celah["kematangan_sasaran"],
            "status_sasaran": celah["status_sasaran"],
            "status_bukti": celah["status_bukti"],
            "masalah": celah["yang_kurang"],
            "bukti_dibutuhkan": celah["bukti_sasaran"].where(
                celah["bukti_sasaran"].fillna("") != "", celah["di_portal"]
            ),
            "nilai_iid": celah["nilai_perbaikan"],
        }
    )
    return hasil.reset_index(drop=True)


def sesudah_perbaikan(
    data: scoring.DataPenilaian,
    m: scoring.Metodologi,
    tahun: int,
    celah: pd.DataFrame,
    jumlah: int,
    wilayah: pd.DataFrame,
) -> pd.DataFrame:
    """Re-score with every region's top `jumlah` gaps fixed, all regions in one pass, on the set the IID is
    computed on and by the one rule (skor.nilai_wilayah): a region's IID depends only on its own data, so the fixes
    of one never move another, and fixes only add, so no region comes out lower than it went in. Per
    kode_wilayah: iid_sesudah and predikat_sesudah (empty without SPD), sid_sesudah."""
    teratas = celah.groupby("kode_wilayah", sort=False).head(jumlah)
    dasar, _ = skor.data_dinilai(data, m, tahun)
    baru = kelengkapan.terapkan_celah(dasar, teratas.assign(level_sasaran=teratas["level_sasaran"].astype(float)))
    hasil = skor.nilai_wilayah(baru, m, tahun, wilayah, "terverifikasi").set_index("kode_wilayah")
    return hasil.rename(columns={"iid": "iid_sesudah", "predikat": "predikat_sesudah", "skor_sid": "sid_sesudah"})[
        ["iid_sesudah", "predikat_sesudah", "sid_sesudah"]
    ]
