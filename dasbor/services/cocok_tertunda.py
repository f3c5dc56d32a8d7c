"""Uncertain matches an import left open (issue 23 §6): a portal row that resembled an existing innovation came in
as a new one because nobody decided. Each waits (table cocok_tertunda) until an admin or an operator of that pemda
merges the two (one id survives: the existing one, which takes the row's year with its status and answers) or
confirms they are two. Either answer is remembered in cocok_keputusan, so importing the same file again agrees.
One transaction per answer, recorded in the import history (hasil 'cocok') and published like an import."""

from __future__ import annotations

import re
from collections.abc import Collection

import duckdb
import pandas as pd

from dasbor.db.connection import Database, sql, statements
from dasbor.services.db import database, penulis


class CocokDitolakError(ValueError):
    """An answer that cannot be given: the pair is no longer open, a region outside the account's, or a merge
    that would give one id two rows of a year."""


def daftar_tertunda(db: Database, tahun: int, kode_wilayah: str) -> pd.DataFrame:
    """The wilayah-year's open pairs with the import's evidence, and `ada_tahun_ini` (the existing innovation
    already has a row that year, so the two can only be told apart, not merged)."""
    return db.query("cocok_tertunda", {"tahun": tahun, "kode_wilayah": kode_wilayah})


def tertunda(tahun: int, kode_wilayah: str) -> pd.DataFrame:
    """daftar_tertunda on the published copy the run reads (for the page, through the cache)."""
    return daftar_tertunda(database(), tahun, kode_wilayah)


def _pasangan(cur: duckdb.DuckDBPyConnection, tahun: int, kode_wilayah: str, id_baru: str, id_ada: str) -> pd.Series:
    """The open pair as the transaction sees it."""
    terbuka = cur.execute(sql("cocok_tertunda"), {"tahun": tahun, "kode_wilayah": kode_wilayah}).df()
    cocok = terbuka[(terbuka["id_inovasi_baru"] == id_baru) & (terbuka["id_inovasi_ada"] == id_ada)]
    if cocok.empty:
        raise CocokDitolakError(
            f"Pasangan {id_baru} ↔ {id_ada} ({kode_wilayah}, {tahun}) tidak lagi menunggu keputusan: sudah diputuskan, "
            "atau impor yang membuatnya telah dibatalkan atau diganti. Tidak ada yang diubah."
        )
    return cocok.iloc[0]


def _hak(kode_wilayah: str, wilayah_boleh: Collection[str] | None) -> None:
    if wilayah_boleh is not None and kode_wilayah not in set(wilayah_boleh):
        raise CocokDitolakError(
            f"Wilayah {kode_wilayah} di luar wilayah akun Anda ({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}); "
            "operator hanya boleh memutuskan pasangan ragu pemdanya sendiri."
        )


def putuskan(
    db: Database,
    tahun: int,
    kode_wilayah: str,
    id_baru: str,
    id_ada: str,
    keputusan: str,
    pengguna: str,
    wilayah_boleh: Collection[str] | None = None,
) -> str:
    """Answer one open pair: 'sama' merges the row's id `id_baru` into `id_ada` (the year's submission, its status,
    answers and twin marks move to `id_ada`), 'beda' confirms two innovations. Returns what was done, in
    Indonesian; CocokDitolakError says why nothing was."""
    _hak(kode_wilayah, wilayah_boleh)
    if keputusan not in ("sama", "beda"):
        raise CocokDitolakError(f"Keputusan '{keputusan}' tidak dikenal; pilihan: sama, beda.")
    with db.transaction() as cur:
        pasangan = _pasangan(cur, tahun, kode_wilayah, id_baru, id_ada)
        if keputusan == "sama" and bool(pasangan["ada_tahun_ini"]):
            raise CocokDitolakError(
                f"{id_ada} sudah tercatat di daftar {tahun}, sehingga {id_baru} tidak dapat digabung ke dalamnya (satu "
                f"inovasi satu baris per tahun). Bila keduanya memang sama, hapus salah satunya di portal lalu impor "
                "ulang; bila berbeda, tandai berbeda."
            )
        params = {"tahun": tahun, "kode_wilayah": kode_wilayah, "id_baru": id_baru, "id_ada": id_ada}
        if keputusan == "sama":
            for statement in statements("cocok_gabung"):
                # DuckDB binds exactly the parameters a statement names
                cur.execute(statement, {k: v for k, v in params.items() if re.search(rf"\${k}\b", statement)})
            hasil = f"{id_baru} digabung ke {id_ada} ('{pasangan['nama_inovasi_ada']}')"
        else:
            hasil = f"{id_baru} dan {id_ada} ditandai dua inovasi berbeda"
        # Remembered under the row's key, so the next import of the same file gives the same answer.
        cur.execute(
            sql("cocok_keputusan_simpan"),
            {
                "kode_wilayah": kode_wilayah,
                "kunci_baris": pasangan["kunci_baris"],
                "id_inovasi": id_ada,
                "keputusan": keputusan,
                "pengguna": pengguna,
            },
        )
        cur.execute(
            sql("cocok_catat"), {"pengguna": pengguna, "tahun": tahun, "pesan": f"{kode_wilayah} {tahun}: {hasil}"}
        )
    return hasil


def simpan_keputusan(
    tahun: int,
    kode_wilayah: str,
    id_baru: str,
    id_ada: str,
    keputusan: str,
    pengguna: str,
    wilayah_boleh: Collection[str] | None = None,
) -> str:
    """putuskan under the writer lock, published as a new copy: the one write of the Inovasi page."""
    with penulis() as db:
        return putuskan(db, tahun, kode_wilayah, id_baru, id_ada, keputusan, pengguna, wilayah_boleh)
