"""Pricing a gap whose fix changes an innovation's status (send, hold, remove, accept): re-scored in full with
scoring.hitung_skor, because a status change moves n, the divisor MAX(k, n), the jumlah term and the yandas gate;
and which innovations are known only from the portal's export. Shared by the gap finders (services/celah.py,
services/celah_portal.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring
from dasbor.services.lintas_tahun import BASIS


def hanya_portal(data: scoring.DataPenilaian) -> pd.Series:
    """Per innovation (same index as data.inovasi): known only from the portal's export, i.e. it has a kematangan
    and not one indicator answer, so the scoring module scores its kematangan (scoring.compute)."""
    inovasi = data.inovasi
    if "kematangan_portal" not in inovasi:
        return pd.Series(False, index=inovasi.index)
    return inovasi["kematangan_portal"].notna() & ~inovasi["id_inovasi"].isin(data.jawaban_sid["id_inovasi"])


def kosong(nilai: pd.Series) -> pd.Series:
    """Null, NaT or only whitespace."""
    return nilai.isna() | nilai.astype(str).str.strip().eq("")


def iid_per_status(wilayah: scoring.DataPenilaian, m: scoring.Metodologi, ubah: list[tuple[str, str]]) -> np.ndarray:
    """Unrounded IID of one region with nothing changed (first value) and with each (id_inovasi, new status).

    Every scenario becomes its own pseudo-region holding a full copy of the region's data, scored in a single
    scoring.hitung_skor call. Regions are scored independently, so this equals scoring each scenario alone
    (one vectorised pass instead of one call per innovation).
    """
    n, s = len(wilayah.inovasi), len(ubah) + 1
    inovasi = wilayah.inovasi.reset_index(drop=True)
    status = np.tile(inovasi["status_inovasi"].to_numpy(dtype=object), s)
    posisi = pd.Series(np.arange(n), index=inovasi["id_inovasi"])
    for j, (id_inovasi, baru) in enumerate(ubah, start=1):
        status[j * n + posisi[id_inovasi]] = baru
    kode = np.arange(s).astype(str)
    sid, spd = wilayah.jawaban_sid, wilayah.jawaban_spd
    pemilik = np.repeat(kode, n)
    pemilik_sid = np.repeat(kode, len(sid))
    data = scoring.DataPenilaian(
        inovasi=pd.DataFrame(
            {
                "kode_wilayah": pemilik,
                "id_inovasi": pemilik + "|" + np.tile(inovasi["id_inovasi"].to_numpy(dtype=str), s),
                "status_inovasi": status,
                "urusan_utama": np.tile(inovasi["urusan_utama"].to_numpy(dtype=object), s),
                # innovations without answers score the portal's kematangan (scoring.compute)
                **(
                    {"kematangan_portal": np.tile(inovasi["kematangan_portal"].to_numpy(dtype=float), s)}
                    if "kematangan_portal" in inovasi
                    else {}
                ),
            }
        ),
        jawaban_sid=pd.concat([sid] * s, ignore_index=True).assign(
            id_inovasi=pemilik_sid + "|" + np.tile(sid["id_inovasi"].to_numpy(dtype=str), s)
        ),
        jawaban_spd=pd.concat([spd] * s, ignore_index=True).assign(kode_wilayah=np.repeat(kode, len(spd))),
    )
    return scoring.hitung_skor(data, m, BASIS).set_index("kode_wilayah").loc[kode, "iid_mentah"].to_numpy()


def nilai_ubah_status(data: scoring.DataPenilaian, m: scoring.Metodologi, ubah: pd.DataFrame) -> np.ndarray:
    """Worth of changing each listed innovation's status (columns id_inovasi, status_sasaran) on its own.

    A status change moves n, the divisor, the jumlah term and possibly the yandas gate, so each one is
    re-scored in full on its region's data (a region's IID depends on nothing else).
    """
    nilai = pd.Series(0.0, index=ubah.index)
    for kode, grup in ubah.groupby("kode_wilayah"):
        iid = iid_per_status(
            data.bagian_wilayah(str(kode)), m, list(zip(grup["id_inovasi"], grup["status_sasaran"], strict=True))
        )
        nilai[grup.index] = iid[1:] - iid[0]
    return nilai.to_numpy()
