"""The portal export's free-text cells read as a person reads them: whitespace, a pemda however it is spelled
('Kab. Tanah  Laut', 'KABUPATEN TANAH LAUT'), `Admin OPD` split into perangkat daerah and portal account, and
coordinates from decimal pairs or map links. Pure functions of a cell's text, used by the reader
(dasbor.excel.portal) and the writer of demo exports."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from dasbor.lingkup import lingkup


def rapikan(teks: str) -> str:
    """Whitespace as a person reads it: runs of spaces, tabs, no-break spaces and line breaks become one space."""
    return " ".join(teks.split())


def kunci_kosakata(teks: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", teks.lower()).split())


# ---- Pemda ---------------------------------------------------------------------------------------------------

AWALAN_PEMDA = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "pemkab": "kabupaten",
    "kota": "kota",
    "pemkot": "kota",
    "provinsi": "provinsi",
    "propinsi": "provinsi",
    "prov": "provinsi",
    "pemprov": "provinsi",
}


def _kunci_pemda(nama: str) -> tuple[str | None, str]:
    """(kind or None, the name without its kind) from 'Kab. Tanah  Laut', 'KABUPATEN TANAH LAUT', 'Kota …'."""
    kata = kunci_kosakata(nama).split()
    if kata[:1] == ["pemerintah"]:
        kata = kata[1:]
    if kata and kata[0] in AWALAN_PEMDA:
        return AWALAN_PEMDA[kata[0]], " ".join(kata[1:])
    return None, " ".join(kata)


def wilayah_bawaan() -> pd.DataFrame:
    """The regions of the deployment's scope (dasbor.lingkup), for a reader not handed the database's `wilayah`."""
    return _wilayah_lingkup(lingkup().kode)


@cache
def _wilayah_lingkup(kode: str) -> pd.DataFrame:
    return pd.DataFrame(
        [(w.kode_wilayah, w.nama_wilayah, w.jenis) for w in lingkup().wilayah()],
        columns=["kode_wilayah", "nama_wilayah", "jenis"],
    )


def kode_pemda(nama: str, wilayah: pd.DataFrame | None = None) -> str | None:
    """kode_wilayah of a pemda named as the portal (or a person) writes it, whatever the case, spacing and
    whether it reads 'Kab.'/'Kabupaten', 'Kota' or 'Provinsi'; a bare name ('Tanah Laut') when only one pemda
    has it. None for a name outside `wilayah` (bawaan: the scope's regions, dasbor.lingkup)."""
    wilayah = wilayah_bawaan() if wilayah is None else wilayah
    jenis, inti = _kunci_pemda(nama)
    calon = [
        w.kode_wilayah
        for w in wilayah.itertuples()
        if _kunci_pemda(w.nama_wilayah)[1] == inti and (jenis is None or jenis == w.jenis)
    ]
    return calon[0] if len(calon) == 1 else None


# ---- Admin OPD and coordinates -------------------------------------------------------------------------------


def pisah_admin_opd(teks: str) -> tuple[str, str | None]:
    """`NAMA OPD (nama.pengguna)` -> (perangkat daerah name, portal account). The account is the last
    parenthesised group at the end; the name before it may hold commas and parentheses of its own
    ('DINAS PENDIDIKAN (DISDIK) (disdik.tala)'). Without a trailing group: (the whole text, None)."""
    teks = rapikan(teks)
    if not teks.endswith(")"):
        return teks, None
    dalam = 0
    for i in range(len(teks) - 1, -1, -1):
        dalam += {")": 1, "(": -1}.get(teks[i], 0)
        if dalam == 0:
            nama, akun = rapikan(teks[:i]), rapikan(teks[i + 1 : -1])
            if nama and akun:
                return nama, akun
            break
    return teks, None


_ANGKA = r"-?\d{1,3}(?:\.\d+)?"
_ANGKA_KOMA = r"-?\d{1,3}(?:[.,]\d+)?"
POLA_KOORDINAT = (
    # Google Maps: …/@-7.998,111.817,17z/…, …!3d-7.998!4d111.817 or …?q=-7.998,111.817
    re.compile(rf"@({_ANGKA}),\s*({_ANGKA})"),
    re.compile(rf"!3d({_ANGKA})!4d({_ANGKA})"),
    re.compile(rf"[?&](?:q|query|ll)=({_ANGKA})(?:,|%2C)\s*({_ANGKA})", re.IGNORECASE),
    # a pair with dot decimals: "-7.607, 112.540", "(-7.607; 112.540)", "-7.607 112.540"
    re.compile(rf"\(?\s*({_ANGKA})\s*(?:[,;]\s*|\s+)({_ANGKA})\s*\)?"),
)
# a pair with comma decimals: "-7,325387, 112,731079"
POLA_KOMA = re.compile(r"\(?\s*(-?\d{1,3}),(\d+)\s*[,;]\s*(-?\d{1,3}),(\d+)\s*\)?")
# a labelled pair: "Lat -7.05° Long 112.71°", "Lintang: -3,44 Bujur: 114,83"
POLA_LABEL = re.compile(
    rf"(?:lat|lintang)\w*\s*[:=]?\s*({_ANGKA_KOMA})\s*°?\s*[,;/]?\s*(?:long|lon|lng|bujur)\w*\s*[:=]?\s*({_ANGKA_KOMA})\s*°?",
    re.IGNORECASE,
)


def baca_koordinat(teks: str) -> tuple[float, float] | None:
    """(lintang, bujur) from a portal Koordinat cell, or None when it holds no readable pair (a plus code,
    prose). Range is not checked here."""
    teks = teks.strip()
    if m := POLA_KOMA.fullmatch(teks):
        return float(f"{m[1]}.{m[2]}"), float(f"{m[3]}.{m[4]}")
    if m := POLA_LABEL.fullmatch(teks):
        return float(m[1].replace(",", ".")), float(m[2].replace(",", "."))
    for i, pola in enumerate(POLA_KOORDINAT):
        m = pola.search(teks) if i < 3 else pola.fullmatch(teks)
        if m:
            return float(m[1]), float(m[2])
    return None
