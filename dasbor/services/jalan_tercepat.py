"""The fastest path: per region the smallest set of fixes from the worklist (services/celah.py) that lifts it
into the next band, checked by re-scoring in full."""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring
from dasbor.services.celah import terapkan_celah
from dasbor.services.lintas_tahun import BASIS

KOLOM_JALAN = (
    "kode_wilayah",
    "iid",
    "iid_mentah",
    "predikat",
    "predikat_berikut",
    "batas_berikut",
    "kurang_poin",
    "jumlah_perbaikan",
    "tercapai",
    "iid_sesudah",
    "predikat_sesudah",
    "poin_semua_perbaikan",
    "n_inovasi",
    "pembagi_minimum",
    "kursi_kosong",
    "n_urusan_yandas",
    "urusan_yandas_kurang",
    "syarat_yandas_berlaku",
    "minimum_urusan_yandas",
)


def jalan_tercepat(
    data: scoring.DataPenilaian, celah: pd.DataFrame, m: scoring.Metodologi
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per region the smallest set of fixes from the worklist that lifts it into the next band.

    Candidates are the additive fixes (one answer row, or one portal-only innovation's kematangan, each with a
    positive worth). Why greedy by worth is a smallest set: fixing a set S raises the region's unrounded IID by
    exactly Σ_{i∈S} w_i, because each fix changes one answer's level or one innovation's kematangan, and neither
    moves n, the divisor or the jumlah term; rounding and banding happen
    only on the final sum and are both non-decreasing. With the worths sorted w_1 ≥ w_2 ≥ …, any k fixes add at
    most w_1 + … + w_k. So if the best k (the greedy prefix of length k) do not reach the band, no k fixes do, and
    the first prefix that reaches it is a smallest set. Status fixes (sending a draft, an accepted rejection) move
    the divisor and interact with every other fix, so they are not candidates here; the worklist prices them.
    The chosen set is re-scored in full as a check, and extended in the rare case float noise at a band edge
    makes the prefix sum and the full score disagree.

    Returns (per region summary, rincian: kode_wilayah, urutan, id_celah of the chosen fixes).
    """
    skor = scoring.hitung_skor(data, m, BASIS).set_index("kode_wilayah")
    urutan = [m.predikat_nol, *(p.nama for p in reversed(m.predikat))]  # lowest band first
    yandas = scoring.aturan_yandas(m).syarat_yandas.urusan
    per_inovasi = scoring.hitung_kematangan(data, m, BASIS)
    tercakup = per_inovasi[per_inovasi["dihitung_jumlah"]].groupby("kode_wilayah")["urusan_utama"].agg(set)
    ringkas, rincian = [], []
    for kode, baris in skor.iterrows():
        peringkat_kini = urutan.index(baris["predikat"])
        # A pemda without SPD has no IID and no predikat under the one rule (skor.nilai_wilayah): no band to reach.
        lengkap = bool(baris["ada_spd"])
        berikut = m.predikat_berikutnya(baris["iid"]) if lengkap else None
        kandidat = celah[(celah["kode_wilayah"] == kode) & celah["aditif"] & (celah["nilai_perbaikan"] > 0)]
        kandidat = kandidat.sort_values(["nilai_perbaikan", "id_celah"], ascending=[False, True])
        k, sesudah = 0, baris
        if berikut is not None and not kandidat.empty:
            kumulatif = baris["iid_mentah"] + kandidat["nilai_perbaikan"].cumsum().to_numpy()
            band = scoring.predikat_untuk(scoring.bulatkan(kumulatif, m.digit_iid), m)
            cukup = np.flatnonzero([urutan.index(b) > peringkat_kini for b in band])
            k = int(cukup[0]) + 1 if cukup.size else 0
            wilayah = data.bagian_wilayah(str(kode))
            while k:
                sesudah = scoring.hitung_skor(terapkan_celah(wilayah, kandidat.iloc[:k]), m, BASIS).iloc[0]
                if urutan.index(sesudah["predikat"]) > peringkat_kini or k == len(kandidat):
                    break
                k += 1
        tercapai = berikut is not None and urutan.index(sesudah["predikat"]) > peringkat_kini
        rincian.append(
            pd.DataFrame(
                {
                    "kode_wilayah": kode,
                    "urutan": np.arange(1, k + 1),
                    "id_celah": kandidat["id_celah"].iloc[:k].to_numpy(),
                }
            )
        )
        kurang = sorted(set(yandas) - tercakup.get(kode, set()))
        ringkas.append(
            {
                "kode_wilayah": kode,
                "iid": baris["iid"] if lengkap else np.nan,
                "iid_mentah": baris["iid_mentah"] if lengkap else np.nan,
                "predikat": baris["predikat"] if lengkap else None,
                "predikat_berikut": berikut.nama if berikut else None,
                "batas_berikut": berikut.batas_bawah if berikut else np.nan,
                "kurang_poin": berikut.jarak if berikut else 0.0,
                "jumlah_perbaikan": k if tercapai else 0,
                "tercapai": tercapai,
                "iid_sesudah": sesudah["iid"] if tercapai else np.nan,
                "predikat_sesudah": sesudah["predikat"] if tercapai else None,
                "poin_semua_perbaikan": float(kandidat["nilai_perbaikan"].sum()),
                "n_inovasi": int(baris["n_inovasi"]),
                "pembagi_minimum": m.pembagi_minimum,
                "kursi_kosong": max(0, m.pembagi_minimum - int(baris["n_inovasi"])),
                "n_urusan_yandas": len(set(yandas) & tercakup.get(kode, set())),
                "urusan_yandas_kurang": kurang,
                "syarat_yandas_berlaku": m.syarat_yandas is not None,
                "minimum_urusan_yandas": m.syarat_yandas.minimum_urusan if m.syarat_yandas else None,
            }
        )
    kolom_rincian = ["kode_wilayah", "urutan", "id_celah"]
    return (
        pd.DataFrame(ringkas, columns=KOLOM_JALAN),
        pd.concat([pd.DataFrame(columns=kolom_rincian), *rincian], ignore_index=True),
    )
