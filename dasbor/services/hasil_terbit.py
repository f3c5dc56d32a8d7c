"""Results computed when data is published (issue 25 §4): each publish stores in the published copy the scores it
serves, every year × basis × rule version (services.skor.skor_semua_aturan, by the one rule), and the per-region
indicator breakdown the pages start from (services.hasil.rincian_indikator), so that a server worker reads them
instead of scoring every year itself.

A year's stored results carry two fingerprints: of the data they were computed from (queries/hasil_terbit_sidik.sql)
and of the code that computed them (versi_hitung). They are read only while both match the copy and the code reading
it; otherwise the reader computes, as before, and the next publish stores them again. So a stale result is never
shown: not after an import, not from a copy published by other code, not when a publish could not compute them.
A publish recomputes only the years whose data fingerprint changed.
"""

from __future__ import annotations

import hashlib
import time
import weakref
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

import dasbor
import scoring
from dasbor.db.connection import Database, statements
from dasbor.db.write import insert_frame

# Where the code that computes a stored result lives, all of it: a narrower list would be one more thing to keep
# right by hand, and a stale IID is the failure this must never have. A new version of the code recomputes once.
KODE = (Path(scoring.__file__).parent, Path(dasbor.__file__).parent)
BERKAS_KODE = (".py", ".sql", ".toml")
PERINGKAT = ("peringkat", "peringkat_sid_saja", "peringkat_klaster")


@cache
def versi_hitung() -> str:
    """Fingerprint of the code and rule files in this process (read once per process)."""
    h = hashlib.sha256()
    for folder in KODE:
        for berkas in sorted(p for p in folder.rglob("*") if p.suffix in BERKAS_KODE and p.is_file()):
            h.update(f"{folder.name}/{berkas.relative_to(folder).as_posix()}\0".encode())
            h.update(berkas.read_bytes())
    return h.hexdigest()[:20]


def _sidik(db: Database) -> dict[int, str]:
    return {int(t): s for t, s in db.query("hasil_terbit_sidik").itertuples(index=False)}


def _tersimpan(db: Database) -> dict[int, tuple[str, str]]:
    simpan = db.query("hasil_terbit_tahun")
    return {int(r.tahun): (r.sidik, r.versi_hitung) for r in simpan.itertuples(index=False)}


def _segar(sidik: dict[int, str], tersimpan: dict[int, tuple[str, str]]) -> frozenset[int]:
    versi = versi_hitung()
    return frozenset(t for t, s in sidik.items() if tersimpan.get(t) == (s, versi))


# A published copy never changes while open, so which of its years are fresh is found once per copy and process.
_segar_per_salinan: weakref.WeakKeyDictionary[Database, frozenset[int]] = weakref.WeakKeyDictionary()


def tahun_segar(db: Database) -> frozenset[int]:
    """The years whose stored results match the data of `db` and this code."""
    if db.read_only and (segar := _segar_per_salinan.get(db)) is not None:
        return segar
    segar = _segar(_sidik(db), _tersimpan(db))
    if db.read_only:
        _segar_per_salinan[db] = segar
    return segar


def _baca(db: Database, tabel: str, tahun: int, basis: str, versi_metodologi: str) -> pd.DataFrame | None:
    if tahun not in tahun_segar(db):
        return None
    baris = db.query(tabel, {"tahun": tahun, "basis": basis, "versi": versi_metodologi})
    # None for a key not stored (a breakdown under another year's rule) or without rows (a year without scored
    # regions, which costs nothing to compute).
    return None if baris.empty else baris


def skor(db: Database, tahun: int, basis: str, versi_metodologi: str) -> pd.DataFrame | None:
    """The stored nilai_wilayah rows of a year, basis and rule version, or None when `db` holds none that are
    fresh (then the caller computes them)."""
    baris = _baca(db, "skor_terbit", tahun, basis, versi_metodologi)
    # DuckDB hands an integer column without NULLs back as int64; nilai_wilayah's ranks are always nullable.
    return None if baris is None else baris.astype(dict.fromkeys(PERINGKAT, "Int64"))


def rincian(db: Database, tahun: int, basis: str, versi_metodologi: str) -> pd.DataFrame | None:
    """The stored rincian_indikator rows of a year and basis (under the year's own rule only), or None."""
    return _baca(db, "rincian_terbit", tahun, basis, versi_metodologi)


def usang(db: Database) -> bool:
    """Whether a publish of `db` now would store anything new (a year to compute, or one gone from periode)."""
    sidik, tersimpan = _sidik(db), _tersimpan(db)
    return _segar(sidik, tersimpan) != set(sidik) or not set(tersimpan) <= set(sidik)


HitungTahun = Callable[[Database, int], dict[str, pd.DataFrame]]


def perbarui(db: Database, hitung: HitungTahun) -> list[int]:
    """Store `hitung`'s results (services.hasil.hasil_tahun_terbit: rows per table) for every year of the writer
    database `db` whose stored ones are missing or stale, in one transaction, and forget the years gone from
    periode; returns the years computed. The caller holds the writer lock, so the fingerprints and the results see
    one state."""
    sidik, tersimpan = _sidik(db), _tersimpan(db)
    segar = _segar(sidik, tersimpan)
    hitung_ulang = [t for t in sidik if t not in segar]
    buang = [t for t in tersimpan if t not in sidik]
    if not hitung_ulang and not buang:
        return []
    hasil = {}
    for tahun in hitung_ulang:
        mulai = time.perf_counter()
        tabel = hitung(db, tahun)
        hasil[tahun] = (tabel, time.perf_counter() - mulai)
    with db.transaction() as cur:
        for tahun in [*hitung_ulang, *buang]:
            for perintah in statements("hasil_terbit_hapus"):
                cur.execute(perintah, {"tahun": tahun})
        for tahun, (tabel, detik) in hasil.items():
            for nama, frame in tabel.items():
                # `baris` keeps each key's row order, which the readers give back
                insert_frame(cur, nama, frame.assign(baris=frame.groupby(["basis", "versi_metodologi"]).cumcount()))
            satu = {"tahun": [tahun], "sidik": [sidik[tahun]], "versi_hitung": [versi_hitung()], "detik": [detik]}
            insert_frame(cur, "hasil_terbit_tahun", pd.DataFrame(satu))
    return hitung_ulang
