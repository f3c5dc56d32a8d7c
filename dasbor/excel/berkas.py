"""Recognise an uploaded workbook (the national portal's export or the dasbor template) and read it, all in one
forked child under the memory and time limits of terbatas.py (issue 24 H1): the XML checks, the decision which
format it is, and the parse. Nothing of an untrusted file is decompressed or parsed in the server process, so a
file that passes the checks and still costs gigabytes costs the child, not the room. What comes back is plain
data: a BukuPortal or a BukuKerja, their frames and problems."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dasbor.excel.portal import BukuPortal, baca_portal, portal_menurut
from dasbor.excel.read import BukuKerja, MasalahBerkas, baca_templat, periksa_berkas
from dasbor.excel.terbatas import BatasTerlampaui, jalankan_terbatas


def baca_berkas(data: bytes, hari_ini: date, wilayah: pd.DataFrame | None = None) -> BukuKerja | BukuPortal:
    """The file read as the format its sheets say (a sheet `Data`, or a first sheet headed like the older export, and no `inovasi`: the portal's export), in a
    limited child. A file refused by the checks, or whose reading passed a limit, comes back as a BukuKerja with
    its problems and no frames. `wilayah` as for read_portal."""
    try:
        return jalankan_terbatas(_baca, data, hari_ini, wilayah)
    except BatasTerlampaui as exc:
        return BukuKerja(masalah=[MasalahBerkas(f"pembacaan berkas {exc}; berkas ditolak. Pecah berkas per wilayah.")])


def _baca(data: bytes, hari_ini: date, wilayah: pd.DataFrame | None) -> BukuKerja | BukuPortal:
    pra = periksa_berkas(data)
    if pra.masalah:
        return BukuKerja(masalah=pra.masalah)
    if portal_menurut(data, pra.lembar):
        return baca_portal(data, wilayah)
    return baca_templat(data, pra.lembar, hari_ini)
