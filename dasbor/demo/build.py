"""Write the demo database file atomically: build beside the target, then replace it in one rename and publish
it (under the writer lock, so readers switch to the new data and a concurrent import waits)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.db.write import insert_frame
from dasbor.demo.ekspor_portal import JALUR_PORTAL
from dasbor.demo.generator import SEED, build_frames

KETERANGAN = (
    "Data demo SINTETIS dibangkitkan dengan seed {seed}: inovasi, jawaban indikator, dan bukti dukung rekaan, "
    "dikalibrasi agar IID hitungan mendekati nilai resmi yang dipublikasikan. Hanya tabel hasil_resmi yang nyata."
)
URUTAN = ("wilayah", "periode", "perangkat_daerah", "inovasi", "jawaban_sid", "jawaban_spd", "hasil_resmi")


class DataNyataError(RuntimeError):
    """The database holds imported (real) data and the demo build was not told to replace it."""


def jumlah_impor(path: Path) -> int:
    """Imports and non-demo data sources in the database at `path` (0 when there is no file)."""
    if not path.exists():
        return 0
    db = Database(path)
    try:
        return int(db.query("impor_ada")["n"].iat[0])
    finally:
        db.close()


def tolak_data_nyata(path: Path, timpa: bool) -> None:
    """Raise DataNyataError when the database at `path` holds any import and `timpa` was not given."""
    if not timpa and (n := jumlah_impor(path)):
        raise DataNyataError(
            f"Basis data {path} berisi {n} catatan impor (data nyata); data demo tidak ditulis di atasnya. "
            "Cadangkan dulu (`python -m dasbor cadangan BERKAS`), lalu ulangi dengan --timpa bila memang "
            "ingin menggantinya."
        )


JalurPortal = tuple[tuple[int, str], ...]  # (tahun, kode_wilayah) pairs
# Takes the region-years of a JalurPortal into the database being built (db, frames, id_sumber_data of the demo,
# the region-years). The import path lives in dasbor.services, which builds on this package, so the caller hands
# it in (dasbor.demo.lewat_portal); without it every region-year is written from its generated answers.
LewatPortal = Callable[[Database, dict[str, pd.DataFrame], int, JalurPortal], None]


def _tanpa_jalur_portal(frames: dict[str, pd.DataFrame], tabel: str, jalur: JalurPortal) -> pd.DataFrame:
    """The rows of `tabel` outside the region-years of `jalur` (those arrive through the portal path). Year by
    year with isin, not a tuple per row: the synthetic country has four million answers."""
    df = frames[tabel]
    if tabel not in ("inovasi", "jawaban_sid", "jawaban_spd"):
        return df
    inovasi = frames["inovasi"]
    buang = np.zeros(len(df), dtype=bool)
    for tahun in {t for t, _ in jalur}:
        wilayah = [k for t, k in jalur if t == tahun]
        if tabel == "jawaban_sid":
            ini = inovasi.loc[(inovasi["tahun"] == tahun) & inovasi["kode_wilayah"].isin(wilayah), "id_inovasi"]
            buang |= (df["tahun"] == tahun).to_numpy() & df["id_inovasi"].isin(ini).to_numpy()
        else:
            buang |= (df["tahun"] == tahun).to_numpy() & df["kode_wilayah"].isin(wilayah).to_numpy()
    return df[~buang]


def build_demo_db(
    path: Path,
    seed: int = SEED,
    frames: dict[str, pd.DataFrame] | None = None,
    timpa: bool = False,
    lewat_portal: LewatPortal | None = None,
    jalur_portal: JalurPortal = JALUR_PORTAL,
    keterangan: str = KETERANGAN,
) -> dict[str, int]:
    """(Re)build the demo database at `path`; returns row counts per table as generated. A database holding any
    import is replaced only with `timpa` (checked under the writer lock, so an import cannot land in between).
    `frames` (from build_frames(seed)) saves generating them again when the caller needs them too (the portal
    exports). With `lewat_portal` the region-years of `jalur_portal` come in through it instead of their answers.
    Another demo (dasbor/demo/nasional.py) hands in its own frames, portal region-years and `keterangan`, the
    synthetic label of its source ({seed} is filled in)."""
    frames = build_frames(seed) if frames is None else frames
    with terbitan.gembok(path):
        tolak_data_nyata(path, timpa)
        tmp = path.with_name(path.name + ".baru")
        tmp.unlink(missing_ok=True)
        db = Database(tmp)
        try:
            with db.transaction() as cur:
                cur.execute(
                    "INSERT INTO sumber_data (jenis, sintetis, keterangan) VALUES ('demo', true, $k)",
                    {"k": keterangan.format(seed=seed)},
                )
                [(id_sumber,)] = cur.execute("SELECT max(id_sumber_data) FROM sumber_data").fetchall()
                frames["inovasi"]["id_sumber_data"] = id_sumber
                frames["inovasi"]["sumber"] = "demo"
                frames["jawaban_spd"]["id_sumber_data"] = id_sumber
                # The demo's own regions, with approximate centres and areas, replace those a new database is given.
                cur.execute("DELETE FROM wilayah")
                for tabel in URUTAN:
                    insert_frame(
                        cur,
                        tabel,
                        frames[tabel] if lewat_portal is None else _tanpa_jalur_portal(frames, tabel, jalur_portal),
                    )
            if lewat_portal is not None:
                lewat_portal(db, frames, int(id_sumber), jalur_portal)
            cur = db.cursor()
            cur.execute("CHECKPOINT")
            cur.close()
        finally:
            db.close()
        os.replace(tmp, path)
        with terbitan.penulis(path, paksa=True):
            pass  # publishes the new file
    return {t: len(frames[t]) for t in URUTAN}


def ensure_demo_db(path: Path, lewat_portal: LewatPortal | None = None) -> bool:
    """Build the demo database when the file is absent; True when it was built now."""
    if path.exists():
        return False
    with terbitan.gembok(path):
        if path.exists():  # another process built it while this one waited for the lock
            return False
        build_demo_db(path, lewat_portal=lewat_portal)
    return True
