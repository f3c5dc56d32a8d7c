"""A DuckDB connection and a cursor per query (DuckDB refuses concurrent use of one connection). Who opens which
file, and when, is dasbor.db.terbitan's business: readers a published copy (terbitan), writers the writer file."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dasbor.db.berkas_pribadi import pribadi, tanpa_akses_lain
from dasbor.db.migrate import migrate

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "data" / "iid.duckdb"


# Every connection we open, reader or writer: no query may read or write a file (read_text, read_csv, read_blob,
# glob, COPY, ATTACH, INSTALL/LOAD) and none may switch that back on with SET (issue 24 M2: a restored backup's
# view over read_text('akun.yaml') served the accounts file on a public page). The product never needs DuckDB to
# touch a file other than the database itself: copies, backups and restores copy the file's bytes in Python.
AMAN = {"enable_external_access": False, "lock_configuration": True}


class DatabaseSibukError(RuntimeError):
    """The file is held by another process, or another writer did not finish in time."""


def db_path() -> Path:
    """The database file: $DASBOR_DB when set (tests, deployments), else data/iid.duckdb."""
    return Path(os.environ.get("DASBOR_DB", DEFAULT_DB))


@cache
def sql(name: str) -> str:
    """The text of dasbor/db/queries/<name>.sql; queries take DuckDB $named parameters, never string building."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"nama query tidak sah: {name!r}")
    return (resources.files("dasbor.db") / "queries" / f"{name}.sql").read_text(encoding="utf-8")


def statements(name: str) -> list[str]:
    """The statements of a query file that holds several, in order (DuckDB binds $params only for a single
    statement). Our files end each statement with ';' at the end of a line and keep ';' out of strings."""
    parts = re.split(r";[ \t]*(?:\n|$)", sql(name))
    code = [p.strip() for p in parts]
    return [p for p in code if any(line.strip() and not line.strip().startswith("--") for line in p.splitlines())]


Bacaan = Callable[..., pd.DataFrame]


def _run(cur: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None) -> pd.DataFrame:
    return cur.execute(sql(name), dict(params or {})).df()


def buka(path: Path | str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to a database file, with external access off and the configuration locked (AMAN).
    read_only never creates a missing file (DuckDB refuses to open it)."""
    return duckdb.connect(str(path), read_only=read_only, config=dict(AMAN))


class Database:
    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only  # a published copy: what it holds never changes while it is open
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not read_only:
            tanpa_akses_lain()
        try:
            self._con = buka(self.path, read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise DatabaseSibukError(
                    f"Basis data {self.path} sedang dipakai proses lain yang membukanya langsung (bukan lewat "
                    "dasbor: server dan perintah dasbor membaca terbitan dan menulis bergiliran). Tutup program "
                    "itu, lalu coba lagi."
                ) from exc
            raise
        if not read_only:
            pribadi(self.path)
        # Names of the migrations this open applied: a writer that migrated has something new to publish.
        self.migrasi_baru = [] if read_only else migrate(self._con)

    def close(self) -> None:
        self._con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self._con.cursor()

    def query(self, name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
        """Run a named query file and return a DataFrame."""
        with self.cursor() as cur:
            return _run(cur, name, params)

    @contextmanager
    def transaksi_baca(self) -> Iterator[Bacaan]:
        """Several named queries that see one state of the data: a read-only transaction on one cursor.
        DuckDB's MVCC then shows a concurrent import's commit entirely or not at all, never half of it."""
        cur = self.cursor()
        cur.execute("BEGIN TRANSACTION READ ONLY")
        try:
            yield lambda name, params=None: _run(cur, name, params)
        finally:
            cur.execute("ROLLBACK")
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: the block's statements commit together or not at all."""
        cur = self.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()
