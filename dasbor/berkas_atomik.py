"""One way to replace a small file safely: written beside the target, flushed to disk, renamed into place, and the
folder flushed too, so that after a crash or a power cut the file holds the old content or the new, never half of
either, and the rename itself is on disk (the accounts file, the sign-in status)."""

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
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
