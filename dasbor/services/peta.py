"""Kab/kota boundaries for the choropleth: the file shipped in data/referensi/, or one named by $DASBOR_GEOJSON.

The scope's file (data/lingkup.toml `batas`, else the national batas-kabkota-indonesia.geojson; MIT, notices beside
them) holds the kab/kota boundaries; only the features of the regions drawn are used. A file that is missing or unusable yields a clear Indonesian message
naming it, and the pages and slides draw the tile map instead of a broken map. No Streamlit here: the bimtek
slides use the same boundaries.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from dasbor.lingkup import lingkup

# Properties that may hold the Kemendagri code ("63.03"): ours, and the spellings of common public files.
KUNCI_KODE = ("kode_wilayah", "kode", "code", "kode_kab", "KODE")
UKURAN_MAKS = 50 * 1024 * 1024  # the national file of 514 kab/kota is 3 MB; refuse anything absurd
CADANGAN = "memakai peta ubin (letak kira-kira)"
ASAL_BAWAAN = (
    "Batas wilayah: Kepmendagri 300.2.2-2138/2025 melalui cahyadsn/wilayah_boundaries (lisensi MIT), disederhanakan;"
    " bukan batas hukum."
)


# A map of at most this many vertices draws in well under a second and sends well under a megabyte. A scope with
# more (the whole country: 160 000 vertices in 19 744 rings, most of them small islands) is snapped to a grid of
# SEL_PER_RENTANG cells across its extent, a pixel or two of a desktop map: consecutive vertices in one cell merge
# and rings that shrink to a line are dropped (a region keeps at least its largest polygon, unsnapped). Measured
# for the country: 29 000 vertices in 1 100 rings, 0,5 MB of figure JSON built in 0,3 s (3,2 MB and 8 s before).
TITIK_MAKS = 20_000
SEL_PER_RENTANG = 700


def _jumlah_titik(fitur: list[dict]) -> int:
    return sum(len(c) for f in fitur for p in _poligon(f) for c in p)


def _poligon(fitur: dict) -> list:
    g = fitur.get("geometry") or {}
    return {"Polygon": [g.get("coordinates")], "MultiPolygon": g.get("coordinates")}.get(g.get("type"), []) or []


def _jepret(cincin: list, langkah: float, desimal: int) -> list | None:
    """A ring snapped to the grid, consecutive repeats merged and closed; None when it shrank to a line or a point."""
    sel = np.round(np.asarray(cincin, dtype=float)[:, :2] / langkah).astype(np.int64)
    sel = sel[np.r_[True, (np.diff(sel, axis=0) != 0).any(axis=1)]]
    if len(sel) > 1 and (sel[0] == sel[-1]).all():
        sel = sel[:-1]
    x, y = sel.T
    if len(sel) < 3 or np.dot(x, np.roll(y, -1)) == np.dot(np.roll(x, -1), y):  # no area left (shoelace)
        return None
    titik = np.round(np.vstack([sel, sel[:1]]) * langkah, desimal)
    return titik.tolist()


def sederhanakan(fitur: list[dict]) -> list[dict]:
    """The features as drawn: unchanged up to TITIK_MAKS vertices, else snapped to a grid of 1/SEL_PER_RENTANG of
    their extent (see TITIK_MAKS), coordinates rounded to the grid's decimals."""
    if _jumlah_titik(fitur) <= TITIK_MAKS:
        return fitur
    semua = np.array([t[:2] for f in fitur for p in _poligon(f) for c in p for t in c], dtype=float)
    langkah = float(np.ptp(semua, axis=0).max()) / SEL_PER_RENTANG
    desimal = max(0, math.ceil(-math.log10(langkah / 4)))  # rounding moves a vertex by at most an eighth of a cell
    hasil = []
    for f in fitur:
        asli = [p for p in _poligon(f) if p]
        baru = []
        for p in asli:
            luar = _jepret(p[0], langkah, desimal)
            if luar is not None:
                baru.append([luar, *(c for c in (_jepret(h, langkah, desimal) for h in p[1:]) if c is not None)])
        if not baru and asli:  # a region smaller than a cell stays on the map, its largest polygon as it is
            baru = [[max(asli, key=lambda p: np.ptp(np.asarray(p[0], dtype=float)[:, :2], axis=0).prod())[0]]]
        hasil.append({**f, "geometry": {"type": "MultiPolygon", "coordinates": baru}})
    return hasil


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
        data = _json(str(path), path.stat().st_mtime_ns)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _tidak_dipakai(path, f"bukan GeoJSON yang sah ({exc.__class__.__name__})", asal)
    fitur = data.get("features") if isinstance(data, dict) else None
    if not isinstance(fitur, list) or data.get("type") != "FeatureCollection":
        return _tidak_dipakai(path, "bukan FeatureCollection GeoJSON", asal)
    for kunci in KUNCI_KODE:
        kode = {str((f.get("properties") or {}).get(kunci)) for f in fitur if isinstance(f, dict)}
        if kode & kode_dikenal:
            # The national file holds every kab/kota: only those of the scope the map draws are kept (hashed, drawn
            # and sent), and simplified over their own extent: one province's map of a national deployment keeps
            # its detail instead of the grid the whole country's map needs.
            lingkup_ini = lingkup()
            dalam = [
                f
                for f in fitur
                if isinstance(f, dict)
                and lingkup_ini.memuat(k := str((f.get("properties") or {}).get(kunci)))
                and k in kode_dikenal
            ]
            data = {**data, "features": sederhanakan(dalam)}
            keterangan = ASAL_BAWAAN if path == berkas_bawaan() else f"Batas wilayah: {path.name} (DASBOR_GEOJSON)."
            return Batas(data, kunci, None, keterangan)
    contoh = min(kode_dikenal, default="")
    alasan = f"tidak memuat kode wilayah {lingkup().nama} (misalnya {contoh}) pada properti {', '.join(KUNCI_KODE)}"
    return _tidak_dipakai(path, alasan, asal)


@lru_cache(maxsize=2)
def _json(path: str, mtime_ns: int) -> object:
    """The boundary file parsed once per version (the national file is 3 MB), shared by every map drawn from it;
    callers build new dicts and lists from it and never change it."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


# Keyed on the file's mtime, so an edited file is read again, on the regions drawn and on the scope, which filter
# it (a national deployment draws the country and each province); a file, not the database, so not per terbitan.
@lru_cache(maxsize=64)
def _baca_cached(path: str, mtime_ns: int, kode_dikenal: frozenset[str], asal: str, kode_lingkup: str) -> Batas:
    return _baca(Path(path), kode_dikenal, asal)


def batas_wilayah(kode_dikenal: frozenset[str]) -> Batas:
    """The boundaries to draw, re-read when the file changes: $DASBOR_GEOJSON when set, else the shipped file."""
    nilai = os.environ.get("DASBOR_GEOJSON", "").strip()
    path, asal = (Path(nilai), "DASBOR_GEOJSON") if nilai else (berkas_bawaan(), "bawaan data/referensi")
    mtime = path.stat().st_mtime_ns if path.is_file() else 0
    return _baca_cached(str(path), mtime, kode_dikenal, asal, lingkup().kode)
