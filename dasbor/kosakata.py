"""The domain's enumerations, declared once: what a column may hold, in the spelling of the database. The import
workbook's drop-downs, the readers, the CLI choices and the pages take them from here; tests/db/test_kosakata.py
checks every one against the CHECK constraints of the migrated database in both directions (each value is
accepted, and the database accepts no value missing here). The statuses and the scoring bases are the scoring
module's own (scoring/model.py), re-exported so that there is one place to look."""

from __future__ import annotations

from scoring.model import BASIS, STATUS_BUKTI, STATUS_INOVASI

JENIS_WILAYAH = ("provinsi", "kabupaten", "kota")
TAHAPAN = ("inisiatif", "uji coba", "penerapan")
INISIATOR = ("kepala daerah", "anggota DPRD", "perangkat daerah", "ASN", "masyarakat")
# 'teknologi' is the portal's value new in 2025 (migration 004).
JENIS = ("digital", "non digital", "teknologi")
BENTUK = ("tata kelola pemerintahan daerah", "pelayanan publik", "inovasi daerah lainnya")
SUMBER_INOVASI = ("demo", "templat", "portal")
JENIS_SUMBER_DATA = ("demo", "impor")
FORMAT_BERKAS = ("templat", "portal", "spd")
KEPUTUSAN_COCOK = ("sama", "beda")
STATUS_PERIODE = ("sementara", "final")

# (table, column) -> the enumeration its CHECK constraint spells.
KOLOM = {
    ("wilayah", "jenis"): JENIS_WILAYAH,
    ("inovasi", "tahapan"): TAHAPAN,
    ("inovasi", "inisiator"): INISIATOR,
    ("inovasi", "jenis"): JENIS,
    ("inovasi", "bentuk"): BENTUK,
    ("inovasi", "status_inovasi"): STATUS_INOVASI,
    ("inovasi", "sumber"): SUMBER_INOVASI,
    ("jawaban_sid", "status_bukti"): STATUS_BUKTI,
    ("jawaban_spd", "status_bukti"): STATUS_BUKTI,
    ("sumber_data", "jenis"): JENIS_SUMBER_DATA,
    ("impor_arsip", "format"): FORMAT_BERKAS,
    ("cocok_keputusan", "keputusan"): KEPUTUSAN_COCOK,
    ("periode", "status"): STATUS_PERIODE,
    ("hasil_resmi", "status"): STATUS_PERIODE,
}

__all__ = [
    "BASIS",
    "BENTUK",
    "FORMAT_BERKAS",
    "INISIATOR",
    "JENIS",
    "JENIS_SUMBER_DATA",
    "JENIS_WILAYAH",
    "KEPUTUSAN_COCOK",
    "KOLOM",
    "STATUS_BUKTI",
    "STATUS_INOVASI",
    "STATUS_PERIODE",
    "SUMBER_INOVASI",
    "TAHAPAN",
]
