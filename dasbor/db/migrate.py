"""Numbered SQL migrations, applied in order, each once and each in its own transaction. A database created here
(the first migration applied now) is given the regions of the deployment's scope (dasbor.lingkup) from the national
reference in the same run, so that every reader finds its regions in `wilayah`, the one list of regions."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict
from importlib import resources

import duckdb
import pandas as pd

from dasbor.db.write import insert_frame
from dasbor.lingkup import lingkup

SKEMA_AWAL = "001_skema.sql"


def migration_files() -> list[tuple[str, str]]:
    folder = resources.files("dasbor.db") / "migrations"
    files = sorted(p for p in folder.iterdir() if p.name.endswith(".sql"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def migrate(con: duckdb.DuckDBPyConnection, hanya: Collection[str] | None = None) -> list[str]:
    """Apply the migrations not yet recorded in schema_migrations (of those named in `hanya`, when given: the
    schema an older backup was written with); return the names applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in migration_files():
        if name in done or (hanya is not None and name not in hanya):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, current_timestamp)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    # Only a database made whole now gets its regions: one given only an older backup's migrations (`hanya`, the
    # reference a restore compares its catalog with) has neither the rows' columns nor any use for rows.
    if SKEMA_AWAL in applied and hanya is None:
        isi_wilayah_lingkup(con)
    return applied


def isi_wilayah_lingkup(con: duckdb.DuckDBPyConnection) -> None:
    """Give a new database the scope's province and kab/kota (the demo replaces them with its own rows, which
    carry approximate centres and areas)."""
    baris = pd.DataFrame([asdict(w) for w in lingkup().wilayah()])
    con.execute("BEGIN TRANSACTION")
    try:
        insert_frame(con, "wilayah", baris)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
