"""Pure computation of the Indeks Inovasi Daerah (IID); no Streamlit, no DuckDB.

Methodology versions are data (scoring/metodologi/*.toml, each naming an indicator catalogue in
scoring/metodologi/katalog/); everything here is a function of those files
and of pandas tables of answers.
"""

from scoring.compute import (
    SUMBER_SID,
    DataTidakSahError,
    hitung_kematangan,
    hitung_skor,
    iid_ubah_status,
    kontribusi,
    level_efektif,
    poin_kematangan,
    predikat_untuk,
    selisih_iid,
    selisih_kematangan_portal,
    terapkan_perubahan_level,
)
from scoring.loader import (
    TahunTidakDikenalError,
    VersiTidakDikenalError,
    aturan_yandas,
    berlaku_untuk_tahun,
    daftar_versi,
    load_metodologi,
    metodologi_untuk_tahun,
    semua_metodologi,
)
from scoring.model import (
    BASIS,
    KOLOM_INOVASI,
    KOLOM_SID,
    KOLOM_SPD,
    STATUS_DINILAI,
    DataPenilaian,
    Metodologi,
    PredikatBerikutnya,
    bulatkan,
)
from scoring.validate import Masalah, MetodologiTidakSahError, validate_data

__all__ = [
    "BASIS",
    "KOLOM_INOVASI",
    "KOLOM_SID",
    "KOLOM_SPD",
    "STATUS_DINILAI",
    "DataPenilaian",
    "DataTidakSahError",
    "Masalah",
    "Metodologi",
    "MetodologiTidakSahError",
    "PredikatBerikutnya",
    "SUMBER_SID",
    "TahunTidakDikenalError",
    "VersiTidakDikenalError",
    "aturan_yandas",
    "berlaku_untuk_tahun",
    "bulatkan",
    "daftar_versi",
    "hitung_kematangan",
    "hitung_skor",
    "iid_ubah_status",
    "kontribusi",
    "level_efektif",
    "load_metodologi",
    "metodologi_untuk_tahun",
    "poin_kematangan",
    "predikat_untuk",
    "selisih_iid",
    "selisih_kematangan_portal",
    "semua_metodologi",
    "terapkan_perubahan_level",
    "validate_data",
]
