"""Files that hold every import's data (the writer database and its WAL, published copies, backups, the states a
restore replaced) are readable by the service account only (issue 24 M1): made 0600, or at most 0640 where
DuckDB creates them itself."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

# The umask of a process that writes: DuckDB creates the WAL (and its temporary files) with the process's umask.
MASKER = 0o027
_POTONGAN = 1 << 20


def tanpa_akses_lain() -> None:
    """Files this process creates from now on give other accounts nothing (MASKER). The umask is process-wide and
    only ever tightened here: set to MASKER, then to its union with the old mask."""
    lama = os.umask(MASKER)
    os.umask(lama | MASKER)


def pribadi(path: Path) -> None:
    """Owner-only (0600) for a file made before this code or by another tool (DuckDB, an operator's copy)."""
    # A writer account that may write but does not own the file cannot change it: its owner chose the mode.
    with contextlib.suppress(PermissionError):
        os.chmod(path, 0o600)


def buka_baru(path: Path) -> int:
    """A descriptor of `path` emptied for writing, 0600 whether it is new or was there before."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return fd


def salin(sumber: Path, tujuan: Path) -> None:
    """Copy a file's bytes to `tujuan`, created 0600 (shutil.copyfile would give it the umask's mode)."""
    with open(sumber, "rb") as masuk, os.fdopen(buka_baru(tujuan), "wb") as keluar:
        shutil.copyfileobj(masuk, keluar, _POTONGAN)
