"""Indonesian number formatting, applied only at display time (stored values stay numbers)."""

from __future__ import annotations

import math
from datetime import date


def angka(nilai: float | None, digit: int = 2) -> str:
    """67.04 -> '67,04'; 1234.5 -> '1.234,50'; missing -> '–'."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return "–"
    teks = f"{nilai:,.{digit}f}"
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def bilangan(nilai: int | float | None) -> str:
    """Whole numbers with a dot as thousands separator: 36742 -> '36.742'."""
    return angka(nilai, 0)


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal(nilai: date) -> str:
    """date(2025, 5, 27) -> '27 Mei 2025' (month names in Indonesian, whatever the server locale)."""
    return f"{nilai.day} {BULAN[nilai.month - 1]} {nilai.year}"
