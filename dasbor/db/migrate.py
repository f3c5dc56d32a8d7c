"""Numbered SQL migrations, applied in order, each once and each in its own transaction."""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources

import duckdb


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
    return applied
