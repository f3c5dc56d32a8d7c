"""The process-wide database handle for the app: built from the demo generator on first start when absent."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dasbor.db.connection import Database, db_path
from dasbor.demo.build import ensure_demo_db


@st.cache_resource(show_spinner="Menyiapkan basis data demo (sekali saja)…")
def _database(path: str) -> Database:
    ensure_demo_db(Path(path))
    return Database(path)


def database() -> Database:
    """One read-write connection per server process; every query takes its own cursor."""
    return _database(str(db_path()))


def stempel(db: Database) -> tuple[int, ...]:
    """Fingerprint of the data, part of every cache key so that an import invalidates cached results."""
    return tuple(int(x) for x in db.query("stempel_data").iloc[0])
