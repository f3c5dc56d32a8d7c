"""The database the services read: the current published copy, opened read-only (any number of processes
may share it). The read path never builds the demo: `python -m dasbor demo` (scripts/app.sh on first start) does,
and a missing database is reported, never quietly filled. No caching here: the UI layer caches per terbitan
(dasbor/ui/data.py)."""

from __future__ import annotations

from contextlib import AbstractContextManager

from dasbor.db import terbitan
from dasbor.db.connection import Database, DatabaseSibukError, db_path
from dasbor.db.terbitan import BelumDiterbitkanError, Terbitan, dipakai

# What the UI layer needs of the published copies, so that it never imports dasbor.db itself.
__all__ = [
    "BelumDiterbitkanError",
    "DatabaseSibukError",
    "Terbitan",
    "berlaku",
    "database",
    "dipakai",
    "penulis",
    "stempel",
    "terbitan_kini",
]


def terbitan_kini() -> Terbitan:
    """The current published copy of $DASBOR_DB (a stat of the pointer when nothing changed); a database that does
    not exist is an error (terbitan.BasisDataTidakAdaError), never quietly filled with synthetic data."""
    return terbitan.kini(db_path())


def berlaku(t: Terbitan) -> bool:
    """Whether a published copy a run pinned may still be used: of the current $DASBOR_DB (tests switch it) and
    not retired."""
    return terbitan.terbuka(t) and t.path.parent == terbitan.letak().folder


def database() -> Database:
    """The published copy pinned for the running computation (terbitan.dipakai), else the current one."""
    t = terbitan.dipasang()
    return t.db if t is not None else terbitan_kini().db


def penulis() -> AbstractContextManager[Database]:
    """The writer database of $DASBOR_DB under the writer lock (a second writer waits); the block's committed
    changes are published as a new copy when it ends, so running servers switch to them."""
    return terbitan.penulis(db_path())


def stempel(db: Database) -> tuple[int, ...]:
    """Fingerprint of the data: an import checks that nothing changed between its check and its commit."""
    return tuple(int(x) for x in db.query("stempel_data").iloc[0])
