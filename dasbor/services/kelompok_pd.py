"""Perangkat daerah accounts grouped for charts at real scale (issue 23 §6). A Pemprov's portal list holds hundreds
of accounts because every SMA, SMK and SLB is one (a real 2025 file: 292 `Admin OPD` values); a kab/kota adds every
puskesmas, kecamatan and kelurahan. One bar per account is several screens tall, so a chart may show groups.

The heuristic reads only the account's name, as the portal writes it (`NAMA OPD` before the portal user in
brackets; case, spacing and punctuation vary). In order, the first rule that applies:
1. A Cabang Dinas account (`CABANG DINAS …`, `CABDIN …`) is its own group, under its name.
2. An SMA/SMK/SLB (`SMA`, `SMAN`, `SMA NEGERI`, `SMK…`, `SLB…`, `SEKOLAH MENENGAH ATAS/KEJURUAN`, `SEKOLAH LUAR
   BIASA`): the Cabang Dinas its name names (`… CABANG DINAS PENDIDIKAN WILAYAH X`), else the kabupaten/kota its
   name names after a comma (`SMAN 1 PULUNG, KAB. PONOROGO`): a Cabang Dinas covers whole kabupaten/kota, so the
   schools of one kabupaten/kota always share one; else "SMA/SMK/SLB (wilayah tidak disebut)".
3. Other schools (SD, SMP, TK, PAUD and their negeri forms): "SD/SMP/TK/PAUD".
4. Puskesmas, kecamatan, kelurahan/desa, UPT/UPTD: one group per kind (the parent OPD word of the name).
5. Anything else (a dinas, badan, sekretariat, RSUD) is its own group.
Which Cabang Dinas covers which kabupaten/kota is not in any file we hold, so rule 2 never guesses it.
"""

from __future__ import annotations

import re

import pandas as pd

KOLOM = "kelompok_perangkat_daerah"

_SMA = re.compile(
    r"^(SMA|SMAN|SMALB|SMK|SMKN|SLB|SLBN)\b|^(SMA|SMK|SLB) NEGERI\b|SEKOLAH MENENGAH (ATAS|KEJURUAN)|SEKOLAH LUAR BIASA"
)
_CABDIN = re.compile(r"\b(CABANG DINAS|CABDIN)\b.*")
_WILAYAH = re.compile(r",\s*((KAB\.?|KABUPATEN|KOTA)\s+.+)$")
_SEKOLAH_DASAR = re.compile(r"^(SD|SDN|SMP|SMPN|TK|TKN|PAUD|MI|MTS)\b|^(SD|SMP|TK) NEGERI\b")
# rule 4: (pattern, group); the group is named by the parent OPD word
_JENIS = (
    (re.compile(r"\bPUSKESMAS\b"), "Puskesmas"),
    (re.compile(r"^KECAMATAN\b"), "Kecamatan"),
    (re.compile(r"^(KELURAHAN|DESA)\b"), "Kelurahan/desa"),
    (re.compile(r"^UPTD?\b"), "UPT/UPTD"),
)


def _baku(nama: str) -> str:
    return re.sub(r"\s+", " ", nama.upper().replace("KAB ", "KAB. ")).strip(" ,.")


def _judul(teks: str) -> str:
    """A group label in the case people write: words capitalised, abbreviations like KAB. kept readable."""
    return " ".join(w.capitalize() for w in teks.split())


def kelompok(nama: str | None) -> str | None:
    """The group of one perangkat daerah account name (None stays None: no perangkat daerah)."""
    if nama is None or pd.isna(nama):
        return None
    baku = _baku(str(nama))
    if baku.startswith(("CABANG DINAS", "CABDIN")):
        return _judul(baku)
    if _SMA.search(baku):
        if cabdin := _CABDIN.search(baku):
            return _judul(cabdin.group(0).strip(" ,()"))
        if wilayah := _WILAYAH.search(baku):
            return f"SMA/SMK/SLB {_judul(wilayah.group(1))}"
        return "SMA/SMK/SLB (wilayah tidak disebut)"
    if _SEKOLAH_DASAR.search(baku):
        return "SD/SMP/TK/PAUD"
    for pola, nama_kelompok in _JENIS:
        if pola.search(baku):
            return nama_kelompok
    return str(nama).strip()


def dengan_kelompok(inovasi: pd.DataFrame) -> pd.DataFrame:
    """`inovasi` with KOLOM: the group of its nama_perangkat_daerah."""
    nama = inovasi["nama_perangkat_daerah"]
    peta = {n: kelompok(n) for n in nama.dropna().unique()}
    return inovasi.assign(**{KOLOM: nama.map(peta)})


def mengelompokkan(nama: pd.Series) -> bool:
    """Whether grouping these account names makes fewer groups than accounts (else a grouped view adds nothing)."""
    unik = nama.dropna().unique()
    return len({kelompok(n) for n in unik}) < len(unik)
