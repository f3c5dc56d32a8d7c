"""One way to replace a small file safely: written beside the target, flushed to disk, renamed into place, and the
folder flushed too, so that after a crash or a power cut the file holds the old content or the new, never half of
either, and the rename itself is on disk (the accounts file, the sign-in status). The new file keeps the owner of
the file it replaces (samakan_pemilik)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def tulis_atomik(path: Path, isi: str | bytes, mode: int = 0o600) -> None:
    """Replace `path` with `isi` (text is written as UTF-8); the new file gets `mode` (owner-only by default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi.encode("utf-8") if isinstance(isi, str) else isi)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        samakan_pemilik(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def samakan_pemilik(berkas: int | str | Path, acuan: Path) -> None:
    """Give `berkas` (a descriptor or path) the owner of `acuan`, or of its folder when `acuan` does not exist yet.
    `akun` run as root (against the README's advice) then still leaves the accounts, state and log files to the
    service user that owns them, instead of root-owned 0600 files the server can no longer read (issue 24 L4).
    Only root can give a file away; anyone else's files are theirs already."""
    if os.geteuid() != 0:
        return
    try:
        st = acuan.stat()
    except FileNotFoundError:
        st = acuan.parent.stat()
    if isinstance(berkas, int):
        os.fchown(berkas, st.st_uid, st.st_gid)
    else:
        os.chown(berkas, st.st_uid, st.st_gid)
