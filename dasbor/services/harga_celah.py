"""Pricing a gap whose fix changes an innovation's status (send, hold, remove, accept): a status change moves n,
the divisor MAX(k, n), the jumlah term and the yandas gate, so the region's IID is computed again with the change
(scoring.iid_ubah_status, checked against a full re-score); and which innovations are known only from the
portal's export. Shared by the gap finders (services/celah.py,
services/celah_portal.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring
from dasbor.services.lintas_tahun import BASIS
from scoring.anggota import ada_di


def hanya_portal(data: scoring.DataPenilaian) -> pd.Series:
    """Per innovation (same index as data.inovasi): known only from the portal's export, i.e. it has a kematangan
    and not one indicator answer, so the scoring module scores its kematangan (scoring.compute)."""
    inovasi = data.inovasi
    if "kematangan_portal" not in inovasi:
        return pd.Series(False, index=inovasi.index)
    return inovasi["kematangan_portal"].notna() & ~ada_di(inovasi["id_inovasi"], data.jawaban_sid["id_inovasi"])


def kosong(nilai: pd.Series) -> pd.Series:
    """Null, NaT or only whitespace."""
    if pd.api.types.is_numeric_dtype(nilai) or pd.api.types.is_datetime64_any_dtype(nilai):
        return nilai.isna()  # no text to be blank
    return nilai.isna() | nilai.astype(str).str.strip().eq("")


def daftar_kosong(kosong_kolom: pd.DataFrame) -> pd.Series:
    """Per row, the names of its True columns joined by ', ' ('' when none): which profile fields are empty."""
    label = np.array(kosong_kolom.columns, dtype=object)
    tanda = kosong_kolom.to_numpy(bool)
    ada = tanda.any(axis=1)
    teks = np.full(len(kosong_kolom), "", dtype=object)
    teks[ada] = [", ".join(label[baris]) for baris in tanda[ada]]
    return pd.Series(teks, index=kosong_kolom.index, dtype=object)


def nilai_ubah_status(data: scoring.DataPenilaian, m: scoring.Metodologi, ubah: pd.DataFrame) -> np.ndarray:
    """Worth of changing each listed innovation's status (columns kode_wilayah, id_inovasi, status_sasaran) on its
    own: its region's IID with that one change (scoring.iid_ubah_status, exact) minus the IID now."""
    if ubah.empty:
        return np.zeros(0)
    kini = scoring.hitung_skor(data, m, BASIS).set_index("kode_wilayah")["iid_mentah"]
    sesudah = scoring.iid_ubah_status(data, m, ubah["id_inovasi"].tolist(), ubah["status_sasaran"].tolist(), BASIS)
    return sesudah - ubah["kode_wilayah"].astype(str).map(kini).to_numpy(float)
