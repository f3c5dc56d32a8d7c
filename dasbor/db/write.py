"""Bulk writes of whole DataFrames into the known tables, inside the caller's transaction."""

from __future__ import annotations

import duckdb
import pandas as pd

# Table names are fixed by the schema; anything else is refused rather than spliced into SQL.
TABEL = (
    "sumber_data",
    "wilayah",
    "periode",
    "perangkat_daerah",
    "inovasi",
    "jawaban_sid",
    "jawaban_spd",
    "hasil_resmi",
    "impor_cakupan",
    "skor_terbit",
    "rincian_terbit",
    "hasil_terbit_tahun",
)
INSERT = {t: f"INSERT INTO {t} BY NAME SELECT * FROM frame_baru" for t in TABEL}


def insert_frame(cur: duckdb.DuckDBPyConnection, tabel: str, frame: pd.DataFrame) -> None:
    """Insert a frame whose columns are named as the table's (by name, so column order does not matter)."""
    cur.register("frame_baru", frame)
    try:
        cur.execute(INSERT[tabel])
    finally:
        cur.unregister("frame_baru")
