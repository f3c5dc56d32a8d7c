"""File names for downloads and exports."""

from __future__ import annotations

import re
import unicodedata


def slug(teks: str, panjang: int = 60, cadangan: str = "berkas") -> str:
    """'Bimtek IID — Banjarbaru' -> 'bimtek-iid-banjarbaru': ASCII, lower case, safe in any file system."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:panjang].strip("-") or cadangan


def nama_berkas(*bagian: object, ekstensi: str) -> str:
    """('Peringkat IID', 2024, 'Hulu Sungai Selatan'), 'csv' -> 'peringkat-iid-2024-hulu-sungai-selatan.csv'."""
    teks = "-".join(str(b) for b in bagian if b not in (None, ""))
    return f"{slug(teks, panjang=150, cadangan='unduhan')}.{ekstensi}"
