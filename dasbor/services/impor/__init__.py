"""Excel import officials can trust, one module per job: `periksa` reads and checks a workbook, `pratinjau` shows
what it would change, `tulis` commits it as one transaction (and undoes the last import), `perangkat_daerah` checks
new offices against known ones, `riwayat` is the import history, `templat` writes the template and exports. Used by
the Impor page and by `python -m dasbor impor`; the names below are what they call."""

from dasbor.excel.read import MasalahBerkas
from dasbor.services.impor.pemeriksaan import Konfirmasi, Pemeriksaan
from dasbor.services.impor.periksa import check_import, tahun_impor
from dasbor.services.impor.portal import KOLOM_KEPUTUSAN
from dasbor.services.impor.pratinjau import Pratinjau, preview
from dasbor.services.impor.riwayat import (
    akhiran_arsip,
    alasan_tolak_batal,
    arsip_boleh,
    berkas_impor,
    dengan_akhiran,
    impor_terakhir,
    nama_unduhan,
    riwayat,
    sumber_wilayah,
    tahun_bawaan,
)
from dasbor.services.impor.templat import ekspor, referensi, templat
from dasbor.services.impor.tulis import (
    TITIK_UJI,
    BerkasBerbedaError,
    DataBerubahError,
    ImporDitolakError,
    batalkan,
    commit_import,
    simpan,
    undo_last_import,
)

__all__ = [
    "TITIK_UJI",
    "BerkasBerbedaError",
    "DataBerubahError",
    "KOLOM_KEPUTUSAN",
    "Konfirmasi",
    "ImporDitolakError",
    "MasalahBerkas",
    "Pemeriksaan",
    "Pratinjau",
    "akhiran_arsip",
    "alasan_tolak_batal",
    "arsip_boleh",
    "batalkan",
    "berkas_impor",
    "check_import",
    "commit_import",
    "dengan_akhiran",
    "ekspor",
    "impor_terakhir",
    "nama_unduhan",
    "preview",
    "referensi",
    "riwayat",
    "simpan",
    "sumber_wilayah",
    "tahun_bawaan",
    "tahun_impor",
    "templat",
    "undo_last_import",
]
