"""The import archive (issue 24 L1, M1): each import links to its file's normalised content (dasbor.excel.arsip),
stored once per content, within a retention and a size quota.

- $DASBOR_ARSIP_SIMPAN (default 200): the newest that many archived imports keep their file.
- $DASBOR_ARSIP_KUOTA_MB (default 256): the archive's total size. The newest files that fit stay; older ones are
  let go. A file larger than the whole quota is not archived.
What an import's archiving let go (or could not keep) is appended to its log message, which the history shows.
Files archived byte for byte before migration 008 (`mentah`, names included) are re-written by the next import.
A value that is not a positive number falls back to the default (the quota may be a fraction: 0,5)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import duckdb

from dasbor.db.connection import Database, sql
from dasbor.excel.arsip import Ringkasan, ringkas

SIMPAN_BAWAAN = 200
KUOTA_MB_BAWAAN = 256


def _angka(nama: str, bawaan: float) -> float:
    try:
        nilai = float(os.environ.get(nama, "").strip().replace(",", "."))
    except ValueError:
        return bawaan
    return nilai if nilai > 0 else bawaan


def batas() -> tuple[int, int]:
    """(imports kept, quota in bytes)."""
    simpan = int(_angka("DASBOR_ARSIP_SIMPAN", SIMPAN_BAWAAN))
    return max(simpan, 1), int(_angka("DASBOR_ARSIP_KUOTA_MB", KUOTA_MB_BAWAAN) * 2**20)


def _ukuran(n: int) -> str:
    teks = f"{n / 2**20:.1f} MB" if n >= 1 << 20 else f"{n / 2**10:.1f} kB"
    return teks.replace(".", ",")


@dataclass(frozen=True)
class Persiapan:
    arsip: Ringkasan  # the imported file's archived form
    ganti: list[tuple[str, Ringkasan]]  # (key of a raw file from before migration 008, its re-written form)


def siapkan(db: Database, isi: bytes, format: str) -> Persiapan:
    """What an import will archive, built before its transaction (each file in the limited child): its own file,
    and every archived file still raw from before migration 008."""
    ganti = []
    for kunci, format_lama, mentah in db.query("impor_arsip_mentah").itertuples(index=False):
        try:
            ganti.append((kunci, ringkas(bytes(mentah), format_lama)))
        except Exception:  # a raw file that no longer reads stays until retention lets it go
            continue
    return Persiapan(ringkas(isi, format), ganti)


def arsipkan(cur: duckdb.DuckDBPyConnection, id_impor: int, persiapan: Persiapan) -> str:
    """Archive import `id_impor`'s content inside the caller's transaction (re-writing raw old files on the way)
    and apply retention and quota. Returns the note for the import's log message ('' when there is nothing to say)."""
    for lama, baru in persiapan.ganti:
        cur.execute(sql("impor_arsip_simpan"), {"kunci": baru.kunci, "format": baru.format, "isi": baru.isi})
        cur.execute(sql("impor_arsip_ganti"), {"lama": lama, "baru": baru.kunci})
    if persiapan.ganti:
        cur.execute(sql("impor_arsip_yatim"))
    arsip = persiapan.arsip
    simpan, kuota = batas()
    if len(arsip.isi) > kuota:
        return (
            f". Berkas tidak diarsipkan: isinya {_ukuran(len(arsip.isi))} melebihi kuota arsip {_ukuran(kuota)} "
            "(DASBOR_ARSIP_KUOTA_MB)"
        )
    cur.execute(sql("impor_arsip_simpan"), {"kunci": arsip.kunci, "format": arsip.format, "isi": arsip.isi})
    cur.execute(sql("impor_arsipkan"), {"id_impor": id_impor, "kunci": arsip.kunci})
    terpakai, dilihat, lepas = 0, set(), []
    for i, (id_lama, kunci, ukuran) in enumerate(cur.execute(sql("impor_arsip_daftar")).fetchall()):
        if not lepas and kunci not in dilihat:
            terpakai += ukuran
            dilihat.add(kunci)
        if lepas or i >= simpan or terpakai > kuota:
            lepas.append(id_lama)
    if not lepas:
        return ""
    for id_lama in lepas:
        cur.execute(sql("impor_arsip_lepas"), {"id_impor": id_lama})
    cur.execute(sql("impor_arsip_yatim"))
    daftar = ", ".join(f"#{i}" for i in sorted(lepas)[:10]) + (
        f" dan {len(lepas) - 10} lainnya" if len(lepas) > 10 else ""
    )
    return (
        f". Arsip: berkas impor {daftar} dilepas (menyimpan {simpan} impor terbaru, kuota {_ukuran(kuota)}; "
        "DASBOR_ARSIP_SIMPAN, DASBOR_ARSIP_KUOTA_MB)"
    )
