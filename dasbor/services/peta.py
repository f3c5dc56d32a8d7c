"""Kab/kota boundaries for the choropleth: the file shipped in data/referensi/, or one named by $DASBOR_GEOJSON.

The scope's file (data/lingkup.toml `batas`, else the national batas-kabkota-indonesia.geojson; MIT, notices beside
them) holds the kab/kota boundaries; only the features of the regions drawn are used. A file that is missing or unusable yields a clear Indonesian message
naming it, and the pages and slides draw the tile map instead of a broken map. No Streamlit here: the bimtek
slides use the same boundaries.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dasbor.lingkup import lingkup

# Properties that may hold the Kemendagri code ("63.03"): ours, and the spellings of common public files.
KUNCI_KODE = ("kode_wilayah", "kode", "code", "kode_kab", "KODE")
UKURAN_MAKS = 50 * 1024 * 1024  # the national file of 514 kab/kota is 3 MB; refuse anything absurd
CADANGAN = "memakai peta ubin (letak kira-kira)"
ASAL_BAWAAN = (
    "Batas wilayah: Kepmendagri 300.2.2-2138/2025 melalui cahyadsn/wilayah_boundaries (lisensi MIT), disederhanakan;"
    " bukan batas hukum."
)


# eq=False: a Batas is hashed and compared by identity (its geojson dict is not hashable), and batas_wilayah hands
# out the same object until the file changes, so it can key a cached figure.
@dataclass(frozen=True, eq=False)
class Batas:
    geojson: dict | None
    kunci_fitur: str | None
    pesan: str | None  # why the boundary file is not used; None when it is
    asal: str = ""  # where the boundaries come from, for the caption under the map


def berkas_bawaan() -> Path:
    """The scope's boundary file (data/lingkup.toml `batas`, else the national file)."""
    return lingkup().batas


def _tidak_dipakai(path: Path, alasan: str, asal: str) -> Batas:
    return Batas(None, None, f"Berkas batas wilayah {path.name} ({asal}) {alasan}; {CADANGAN}.")


def _baca(path: Path, kode_dikenal: frozenset[str], asal: str) -> Batas:
    if not path.is_file():
        return _tidak_dipakai(path, "tidak ditemukan", asal)
    if path.stat().st_size > UKURAN_MAKS:
        return _tidak_dipakai(path, "lebih dari 50 MB", asal)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _tidak_dipakai(path, f"bukan GeoJSON yang sah ({exc.__class__.__name__})", asal)
    fitur = data.get("features") if isinstance(data, dict) else None
    if not isinstance(fitur, list) or data.get("type") != "FeatureCollection":
        return _tidak_dipakai(path, "bukan FeatureCollection GeoJSON", asal)
    for kunci in KUNCI_KODE:
        kode = {str((f.get("properties") or {}).get(kunci)) for f in fitur if isinstance(f, dict)}
        if kode & kode_dikenal:
            # The national file holds every kab/kota: only those of the scope are kept (hashed, drawn and sent).
            lingkup_ini = lingkup()
            dalam = [
                f
                for f in fitur
                if isinstance(f, dict) and lingkup_ini.memuat(str((f.get("properties") or {}).get(kunci)))
            ]
            data = {**data, "features": dalam}
            keterangan = ASAL_BAWAAN if path == berkas_bawaan() else f"Batas wilayah: {path.name} (DASBOR_GEOJSON)."
            return Batas(data, kunci, None, keterangan)
    contoh = min(kode_dikenal, default="")
    alasan = f"tidak memuat kode wilayah {lingkup().nama} (misalnya {contoh}) pada properti {', '.join(KUNCI_KODE)}"
    return _tidak_dipakai(path, alasan, asal)


# Keyed on the file's mtime, so an edited file is read again; a file, not the database, so not per terbitan.
@lru_cache(maxsize=4)
def _baca_cached(path: str, mtime_ns: int, kode_dikenal: frozenset[str], asal: str) -> Batas:
    return _baca(Path(path), kode_dikenal, asal)


def batas_wilayah(kode_dikenal: frozenset[str]) -> Batas:
    """The boundaries to draw, re-read when the file changes: $DASBOR_GEOJSON when set, else the shipped file."""
    nilai = os.environ.get("DASBOR_GEOJSON", "").strip()
    path, asal = (Path(nilai), "DASBOR_GEOJSON") if nilai else (berkas_bawaan(), "bawaan data/referensi")
    mtime = path.stat().st_mtime_ns if path.is_file() else 0
    return _baca_cached(str(path), mtime, kode_dikenal, asal)
