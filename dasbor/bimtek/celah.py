"""The gaps the bimtek slides show: the kelengkapan worklist's level gaps, in the slides' column terms.

Gaps are priced once, by the kelengkapan service (scoring.kontribusi under the year's rule), so a slide, the
Kelengkapan page and the exported worklist always give the same worth for the same gap.
"""

from __future__ import annotations

import pandas as pd

import scoring
from dasbor.services import kelengkapan


def hitung_celah_bukti(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """Every answer whose fix raises IID, with that worth in IID points, most valuable first.

    These are the worklist's additive gaps (evidence kosong/ditolak/perlu_perbaikan, verified below the claim,
    an empty wajib indicator); fixes that change an innovation's status move the divisor and are left to the
    Kelengkapan page. `level_sasaran` is the level the fix reaches and `level` the one that counts now.
    `data.inovasi` must also carry nama_inovasi and nama_perangkat_daerah (query inovasi_tahun does).
    """
    celah = kelengkapan.hitung_celah(kelengkapan.lengkapi_wajib(data, m), m)
    celah = celah[celah["aditif"] & (celah["nilai_perbaikan"] > 1e-12)]
    hasil = pd.DataFrame(
        {
            "aspek": celah["aspek"],
            "kode_wilayah": celah["kode_wilayah"],
            "id_inovasi": celah["id_inovasi"],
            "nama_inovasi": celah["nama_inovasi"],
            "nama_perangkat_daerah": celah["nama_perangkat_daerah"],
            "kode_indikator": celah["kode_indikator"],
            "nama_indikator": celah["nama_indikator"],
            "level_sasaran": celah["level_sasaran"].astype(int),
            "level": celah["level_diakui"],
            "status_bukti": celah["status_bukti"],
            "masalah": celah["yang_kurang"],
            "bukti_dibutuhkan": celah["bukti_sasaran"],
            "nilai_iid": celah["nilai_perbaikan"],
        }
    )
    return hasil.reset_index(drop=True)
