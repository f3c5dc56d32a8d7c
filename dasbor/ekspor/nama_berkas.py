"""File names for downloads and exports."""

from __future__ import annotations

import re
import unicodedata


def slug(teks: str, panjang: int = 60, cadangan: str = "berkas") -> str:
    """'Bimtek IID — Banjarbaru' -> 'bimtek-iid-banjarbaru': ASCII, lower case, safe in any file system."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:panjang].strip("-") or cadangan
