"""Optional kab/kota boundaries for a real choropleth: a GeoJSON file named by $DASBOR_GEOJSON.

No package ships Indonesian level-2 boundaries and none can be downloaded here (shared/reference/ekosistem.md §6),
so the project carries none; without the file the pages draw the tile map. A file that is configured but unusable
yields a clear Indonesian message instead of a broken map.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Properties that may hold the Kemendagri code ("63.03"): ours, and the spellings of common public files.
KUNCI_KODE = ("kode_wilayah", "kode", "code", "kode_kab", "KODE")
UKURAN_MAKS = 50 * 1024 * 1024  # a simplified 13-region file is a few hundred KB; refuse anything absurd


@dataclass(frozen=True)
class Batas:
    geojson: dict | None
    kunci_fitur: str | None
    pesan: str | None  # why a configured file is not used; None when all is well or nothing is configured


def _baca(path: Path, kode_dikenal: frozenset[str]) -> Batas:
    if not path.is_file():
        return Batas(
            None, None, f"Berkas batas wilayah {path.name} (DASBOR_GEOJSON) tidak ditemukan; memakai peta ubin."
        )
    if path.stat().st_size > UKURAN_MAKS:
        return Batas(None, None, f"Berkas batas wilayah {path.name} lebih dari 50 MB; memakai peta ubin.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Batas(
            None,
            None,
            f"Berkas batas wilayah {path.name} bukan GeoJSON yang sah ({exc.__class__.__name__}); memakai peta ubin.",
        )
    fitur = data.get("features") if isinstance(data, dict) else None
    if not isinstance(fitur, list) or data.get("type") != "FeatureCollection":
        return Batas(
            None, None, f"Berkas batas wilayah {path.name} bukan FeatureCollection GeoJSON; memakai peta ubin."
        )
    for kunci in KUNCI_KODE:
        kode = {str((f.get("properties") or {}).get(kunci)) for f in fitur if isinstance(f, dict)}
        if kode & kode_dikenal:
            return Batas(data, kunci, None)
    return Batas(
        None,
        None,
        f"Berkas batas wilayah {path.name} tidak memuat kode wilayah Kalsel (misalnya 63.03) pada properti "
        f"{', '.join(KUNCI_KODE)}; memakai peta ubin.",
    )


# Keyed on the file's mtime, so an edited file is read again; a file, not the database, so not per snapshot.
@lru_cache(maxsize=4)
def _baca_cached(path: str, mtime_ns: int, kode_dikenal: frozenset[str]) -> Batas:
    return _baca(Path(path), kode_dikenal)


def batas_wilayah(kode_dikenal: frozenset[str]) -> Batas:
    """The configured boundary file, re-read when it changes; Batas(None, None, None) when none is configured."""
    nilai = os.environ.get("DASBOR_GEOJSON", "").strip()
    if not nilai:
        return Batas(None, None, None)
    path = Path(nilai)
    mtime = path.stat().st_mtime_ns if path.is_file() else 0
    return _baca_cached(str(path), mtime, kode_dikenal)
