"""Match the rows of a portal export to a pemda's existing innovations (issue 18 §2). The export has no lasting id
(`No` is a row number), so one innovation across years is recognised by its normalised title and perangkat
daerah. Pure: frames in, frames out, no database.

Public API (stable):
    cocokkan(baris, ada, keputusan=None, tahun=None) -> HasilCocok
    baku(teks), kunci_baris(nama_inovasi, nama_perangkat_daerah), bagian_judul(judul)

`baris`: the file's rows (as `dasbor.excel.portal.read_portal` gives them): `nama_inovasi`,
`nama_perangkat_daerah` (may be empty) and, passed through when present, `_baris` (Excel row).
`ada`: the pemda's existing innovations, one row per (id_inovasi, tahun) for the import year (a re-import) and
earlier years: `id_inovasi`, `tahun`, `nama_inovasi`, `nama_perangkat_daerah` (may be empty) and optionally
`singkatan` (of the perangkat daerah). An id's best-matching year counts; ties go to the latest year.
Optional columns of both frames sharpen the match: `KOLOM_IDENTITAS` (the dates) are part of a row's identity,
`KOLOM_RINCI` (kematangan, account, …) only order identical candidates.
`keputusan`: the user's earlier word (table cocok_keputusan): `kunci_baris`, `id_inovasi`, `keputusan`
('sama' | 'beda'). 'sama' makes the pair certain; 'beda' removes it from the candidates for good.
`tahun`: the import year. Pass it: when a row matches for certain both ids of that year and ids known only
from earlier years, that year's win, so importing the same file again keeps the ids the first import gave.

`HasilCocok.baris`, one row per file row in input order:
    posisi (0-based position in `baris`), _baris (when given), kunci_baris, id_inovasi (the certain match or
    None), dasar ('identik': title, perangkat daerah and dates equal once normalised; 'sama': title and
    perangkat daerah close enough; 'akronim': one title is the other's acronym or its expansion alone, same
    perangkat daerah; 'keputusan': the user said so; None), kelompok_kembar
    (rows of the file sharing a normalised title get the same number, 1, 2, … by first row; None when unique).
`HasilCocok.ragu`, the uncertain pairs for the user to confirm or reject, each with its evidence:
    posisi, _baris, kunci_baris, id_inovasi, tahun_ada, nama_inovasi_berkas, nama_inovasi_ada,
    perangkat_daerah_berkas, perangkat_daerah_ada, skor_judul (0–1), skor_perangkat_daerah (0–1, None when a side
    has none), jenis_judul ('sama' | 'akronim' | 'mirip'), beda (what differs, in Indonesian), alasan (why it is
    not certain).

Rules. Case, spacing, punctuation and accents never matter; an acronym written out ("SIPINTAR" vs "SIPINTAR
(Sistem Informasi Pendidikan Terintegrasi)", or the expansion alone) counts as the same title. A certain match
needs such a title and the same perangkat daerah (equal once normalised, one name inside the other, its
singkatan, or difflib ≥ 0,85; a side without a perangkat daerah does not contradict). Everything else that looks
close (another perangkat daerah, an edited title with difflib ≥ 0,75) is uncertain. Certain pairs are settled
in tiers: the user's 'sama', then identical rows (a re-import: normalised title, perangkat daerah and dates
equal, before any fuzzy comparison), then equal titles, then acronyms; an exact title thus wins over an
acronym, and the row that lost is asked about. Never a silent merge or split: when, within a tier, two file
rows would take one innovation, or one row two innovations, all those pairs become uncertain (and are not
offered to a weaker tier); the exception is k rows with one kunci_baris facing exactly k innovations that each
match all of them (a title entered twice, imported before): they are paired stably, the closest in
`KOLOM_RINCI` first, then in row order with id order, so importing the same file again gives the same ids; and,
for equal titles and acronyms, k rows facing k ids where each row's strictly nearest id has that row as its
strictly nearest (one title under 'SMAN 1 X, KAB. Y' and under 'SMAN 1 X', each nearest its own).

Bounds (a title repeated hundreds of times must not make matching quadratic): at most CALON_SAMA_PER_BARIS
records sharing a title are compared per row (same perangkat daerah, then the latest year, first), at most
RAGU_WAJIB_PER_BARIS conflict pairs are listed per row, and past MAKS_RAGU uncertain pairs `cocokkan` raises
TerlaluBanyakRaguError, whose message says what to do.

`kunci_baris` = normalised title + " | " + normalised perangkat daerah: what a decision is remembered by.
"""

from __future__ import annotations

import difflib
import heapq
import numbers
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import pandas as pd

MIRIP_JUDUL = 0.75  # difflib ratio from which an edited title is shown as a candidate
MIRIP_PERANGKAT_DAERAH = 0.85  # as the template import's near-name warning (services/impor.py)
CALON_PER_BARIS = 8  # titles compared by difflib per row, picked by shared words: keeps 700 × 3.500 fast
KATA_PER_BARIS = 4  # a row's rarest words used to find those titles
MAKS_KATA_UMUM = 150  # a word in more titles than this finds nothing
RAGU_PER_BARIS = 3  # uncertain candidates shown per row, best first
MIN_BAGIAN = 4  # shortest acronym or expansion that may stand for a whole title
CALON_SAMA_PER_BARIS = 12  # records sharing a row's title or identity compared with it
RAGU_WAJIB_PER_BARIS = 10  # conflict pairs listed per row
MAKS_RAGU = 300  # uncertain pairs one review can hold: past it the file is refused with what to do
KOLOM_IDENTITAS = ("tanggal_penerapan", "tanggal_pengembangan")
KOLOM_RINCI = ("kematangan", "akun_portal", "tahapan", "jenis", "tautan_video", "tanggal_uji_coba")

KOLOM_BARIS = ("posisi", "_baris", "kunci_baris", "id_inovasi", "dasar", "kelompok_kembar")
KOLOM_RAGU = (
    "posisi",
    "_baris",
    "kunci_baris",
    "id_inovasi",
    "tahun_ada",
    "nama_inovasi_berkas",
    "nama_inovasi_ada",
    "perangkat_daerah_berkas",
    "perangkat_daerah_ada",
    "skor_judul",
    "skor_perangkat_daerah",
    "jenis_judul",
    "beda",
    "alasan",
)
PERINGKAT_JUDUL = {"sama": 2, "akronim": 1, "mirip": 0}


@dataclass
class HasilCocok:
    """See the module docstring for the columns."""

    baris: pd.DataFrame
    ragu: pd.DataFrame


class TerlaluBanyakRaguError(ValueError):
    """More uncertain pairs than one review can hold (MAKS_RAGU); the message says why and what to do."""


def baku(teks: Any) -> str:
    """Text without case, accents, punctuation and spacing differences: 'SIPINTAR  (Sistem-Info.)' ->
    'sipintar sistem info'. Empty for a missing value."""
    if teks is None or (not isinstance(teks, str) and pd.isna(teks)):
        return ""
    return _baku(str(teks))


@lru_cache(maxsize=65536)  # five years of one pemda repeat most titles and every perangkat daerah name
def _baku(teks: str) -> str:
    teks = teks.casefold()
    if not teks.isascii():
        teks = "".join(ch for ch in unicodedata.normalize("NFKD", teks) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", teks).split())


def _nilai(x: Any) -> Any:
    """A cell comparable whether it came from the database or from the file: dates as ISO text, numbers as
    floats, text normalised, empty as None."""
    if x is None or (not isinstance(x, str) and pd.isna(x)):
        return None
    if isinstance(x, str):
        return baku(x) or None
    if isinstance(x, numbers.Real):  # numpy's too, which pd.Timestamp would read as nanoseconds
        return round(float(x), 6)
    try:
        return pd.Timestamp(x).date().isoformat()
    except (TypeError, ValueError):
        return str(x)


def _lajur(frame: pd.DataFrame, kolom: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Per row, the normalised values of `kolom` (all present in `frame`)."""
    if not kolom:
        return [()] * len(frame)
    return list(zip(*(frame[k].map(_nilai) for k in kolom), strict=True))


def kunci_baris(nama_inovasi: Any, nama_perangkat_daerah: Any) -> str:
    return f"{baku(nama_inovasi)} | {baku(nama_perangkat_daerah)}"


def bagian_judul(judul: Any) -> frozenset[str]:
    """The parts a title may be known by: an acronym outside parentheses and its expansion inside them, or the
    two sides of 'ACRONYM - expansion' / 'ACRONYM: expansion'. Only parts of at least MIN_BAGIAN characters
    holding a letter count; the whole title is not among them."""
    if judul is None or (not isinstance(judul, str) and pd.isna(judul)):
        return frozenset()
    teks = str(judul)
    bagian = re.findall(r"\(([^()]*)\)", teks)
    luar = re.sub(r"\([^()]*\)", " ", teks)
    if bagian:
        bagian.append(luar)
    else:
        m = re.fullmatch(r"\s*(\S+)\s*(?:-|–|:)\s+(.+)", teks)
        if m:
            bagian = [m[1], m[2]]
    hasil = {baku(b) for b in bagian}
    return frozenset(b for b in hasil if len(b) >= MIN_BAGIAN and re.search(r"[^\W\d_]", b) and b != baku(teks))


@dataclass(frozen=True)
class _Judul:
    baku: str
    bagian: frozenset[str]
    kata: frozenset[str]


def _judul(nama: Any) -> _Judul:
    b = baku(nama)
    return _Judul(b, bagian_judul(nama), frozenset(b.split()))


def _banding_judul(a: _Judul, b: _Judul) -> tuple[str, float] | None:
    """How two titles relate: ('sama', 1), ('akronim', 0.95) when one is just an acronym or expansion of the
    other, ('mirip', difflib ratio) when close or sharing an acronym or expansion, else None."""
    if not a.baku or not b.baku:
        return None
    if a.baku == b.baku:
        return "sama", 1.0
    if a.baku in b.bagian or b.baku in a.bagian:
        return "akronim", 0.95
    m = difflib.SequenceMatcher(None, a.baku, b.baku, autojunk=False)
    if a.bagian & b.bagian:  # same acronym with its expansion reworded (or the reverse): worth asking
        return "mirip", round(m.ratio(), 3)
    if m.real_quick_ratio() < MIRIP_JUDUL or m.quick_ratio() < MIRIP_JUDUL:
        return None  # the cheap upper bounds already rule it out
    rasio = m.ratio()
    return ("mirip", round(rasio, 3)) if rasio >= MIRIP_JUDUL else None


def _banding_pd(a: str, b: str, singkatan: str, tepat: bool = False) -> float | None:
    """Similarity of two normalised perangkat daerah names (None when either side has none). Below the bar of
    MIRIP_PERANGKAT_DAERAH, difflib's cheap upper bound stands in for the ratio unless `tepat`: it settles that
    the names differ, and only the pairs shown to the user need the exact figure."""
    if not a or not b:
        return None
    if a == b or (singkatan and a == singkatan):
        return 1.0
    ka, kb = set(a.split()), set(b.split())
    if ka <= kb or kb <= ka:
        return 0.9
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if not tepat and (batas := m.quick_ratio()) < MIRIP_PERANGKAT_DAERAH:
        return round(batas, 3)
    return round(m.ratio(), 3)


def _pd_sama(skor: float | None) -> bool:
    return skor is None or skor >= MIRIP_PERANGKAT_DAERAH


@dataclass
class _Pasangan:
    posisi: int
    rekam: int  # row of `ada`
    id_inovasi: str
    jenis: str
    skor_judul: float
    skor_pd: float | None

    @property
    def pasti(self) -> bool:
        return self.jenis in ("sama", "akronim") and _pd_sama(self.skor_pd)

    def urutan(self) -> tuple[Any, ...]:
        return (PERINGKAT_JUDUL[self.jenis], self.skor_judul, -1 if self.skor_pd is None else self.skor_pd)


class _Indeks:
    """The existing innovations, indexed by title, title part and word."""

    def __init__(self, ada: pd.DataFrame, identitas: tuple[str, ...], rinci: tuple[str, ...]) -> None:
        # One record per id, title and perangkat daerah, from its latest year: five years of an unchanged
        # innovation compare like one.
        ada = ada.assign(_judul=ada["nama_inovasi"].map(baku), _pd=ada["nama_perangkat_daerah"].map(baku))
        ada = ada.sort_values(["tahun", "id_inovasi"], ascending=[False, True], kind="stable")
        ada = ada.drop_duplicates(["id_inovasi", "_judul", "_pd"])
        self.ada = ada.reset_index(drop=True)
        self.judul = [_judul(n) for n in self.ada["nama_inovasi"]]
        self.pd = self.ada["_pd"].tolist()
        singkatan = self.ada["singkatan"] if "singkatan" in self.ada else pd.Series([None] * len(self.ada))
        self.singkatan = [baku(s) for s in singkatan]
        self.id = [str(i) for i in self.ada["id_inovasi"]]
        self.tahun = [int(t) for t in self.ada["tahun"]]
        self.tahun_terbaru = max(self.tahun, default=0)
        # whole title or a part -> rows, in record order (latest year, then id), and the same per perangkat daerah
        self.per_bentuk: dict[str, list[int]] = defaultdict(list)
        self.per_bentuk_pd: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.per_kata: dict[str, list[int]] = defaultdict(list)
        self.per_id: dict[str, list[int]] = defaultdict(list)
        # identity: normalised title, perangkat daerah and the dates both sides carry (rows are in latest-year
        # then id order, so each list is too)
        self.identitas = [
            (j.baku, p, *t) for j, p, t in zip(self.judul, self.pd, _lajur(self.ada, identitas), strict=True)
        ]
        self.rinci = _lajur(self.ada, rinci)
        self.per_identitas: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        for r, j in enumerate(self.judul):
            for b in {j.baku, *j.bagian}:
                self.per_bentuk[b].append(r)
                self.per_bentuk_pd[(b, self.pd[r])].append(r)
            for k in j.kata:
                self.per_kata[k].append(r)
            self.per_id[self.id[r]].append(r)
            if j.baku:
                self.per_identitas[self.identitas[r]].append(r)

    def calon_sama(self, j: _Judul, pd_baku: str) -> set[int]:
        """Rows sharing the title or a part of it: the CALON_SAMA_PER_BARIS closest (same perangkat daerah, then
        the latest year, then id) when a title is shared by more."""
        bentuk = {j.baku, *j.bagian}
        semua = {r for b in bentuk for r in self.per_bentuk.get(b, ())}
        if len(semua) <= CALON_SAMA_PER_BARIS:
            return semua
        # Both lists are in record order: the same perangkat daerah's first, then the others', up to the bound.
        sama_pd = sorted({r for b in bentuk for r in self.per_bentuk_pd.get((b, pd_baku), ())})
        hasil = set(sama_pd[:CALON_SAMA_PER_BARIS])
        for r in heapq.merge(*(self.per_bentuk[b] for b in sorted(bentuk) if b in self.per_bentuk)):
            if len(hasil) >= CALON_SAMA_PER_BARIS:
                break
            hasil.add(r)
        return hasil

    def calon_identik(self, identitas: tuple[Any, ...]) -> set[str]:
        """Ids of the records identical to a row (at most CALON_SAMA_PER_BARIS, the latest first)."""
        return {self.id[r] for r in self.per_identitas.get(identitas, ())[:CALON_SAMA_PER_BARIS]}

    def kedekatan(self, rinci: tuple[Any, ...], id_inovasi: str) -> int:
        """How many of a row's KOLOM_RINCI values an id's closest record shares: orders identical candidates."""
        return max(sum(a == b for a, b in zip(rinci, self.rinci[r], strict=True)) for r in self.per_id[id_inovasi])

    def calon_mirip(self, j: _Judul) -> set[int]:
        """The few rows sharing the most of the title's rarer words."""
        hitung: dict[int, int] = defaultdict(int)
        # The rarest words say the most, and a word in hundreds of titles ('sistem', 'layanan') says nothing.
        jarang = sorted((len(self.per_kata.get(k, ())), k) for k in j.kata)[:KATA_PER_BARIS]
        for n, k in jarang:
            if 0 < n <= MAKS_KATA_UMUM:
                for r in self.per_kata[k]:
                    hitung[r] += 1
        terbanyak = sorted(hitung.items(), key=lambda x: (-x[1], x[0]))[:CALON_PER_BARIS]
        return {r for r, n in terbanyak if n * 2 >= min(len(j.kata), len(self.judul[r].kata))}


def _pasangan_baris(posisi: int, j: _Judul, pd_baku: str, indeks: _Indeks) -> dict[str, _Pasangan]:
    """Best pair per existing id for one file row. Edited titles (difflib, the slow part) are looked for only
    when nothing matches for certain: a row with a certain match shows no uncertain candidates."""
    terbaik: dict[str, _Pasangan] = {}
    sama = indeks.calon_sama(j, pd_baku)
    for cari in (lambda: sama, lambda: indeks.calon_mirip(j) - sama):
        for r in cari():
            banding = _banding_judul(j, indeks.judul[r])
            if banding is None:
                continue
            p = _Pasangan(posisi, r, indeks.id[r], *banding, _banding_pd(pd_baku, indeks.pd[r], indeks.singkatan[r]))
            lama = terbaik.get(p.id_inovasi)
            if lama is None or (p.urutan(), indeks.tahun[r]) > (lama.urutan(), indeks.tahun[lama.rekam]):
                terbaik[p.id_inovasi] = p
        if any(p.pasti for p in terbaik.values()):
            break
    return terbaik


def _pasangan_paksa(posisi: int, j: _Judul, pd_baku: str, id_inovasi: str, indeks: _Indeks) -> _Pasangan:
    """The pair of a row and an id however unlike they are (the user said they are the same)."""
    terbaik = None
    for r in indeks.per_id[id_inovasi]:
        jenis, skor = _banding_judul(j, indeks.judul[r]) or (
            "mirip",
            round(difflib.SequenceMatcher(None, j.baku, indeks.judul[r].baku, autojunk=False).ratio(), 3),
        )
        p = _Pasangan(posisi, r, id_inovasi, jenis, skor, _banding_pd(pd_baku, indeks.pd[r], indeks.singkatan[r]))
        if terbaik is None or p.urutan() > terbaik.urutan():
            terbaik = p
    assert terbaik is not None  # callers pass ids of `ada` only
    return terbaik


def _beda(p: _Pasangan, judul_berkas: str, indeks: _Indeks) -> str:
    bagian = []
    ada = indeks.ada.loc[p.rekam]
    if p.jenis == "akronim":
        bagian.append("judul yang satu adalah singkatan atau kepanjangan judul yang lain")
    elif p.jenis == "mirip":
        bagian.append(f"judul berbeda (kemiripan {p.skor_judul:.2f}".replace(".", ",") + ")")
    elif judul_berkas != ada["nama_inovasi"]:
        bagian.append("judul hanya beda huruf besar/kecil, spasi atau tanda baca")
    if p.skor_pd is None:
        bagian.append("perangkat daerah tidak tercatat di salah satu sisi")
    elif not _pd_sama(p.skor_pd):
        bagian.append(f"perangkat daerah lain (kemiripan {p.skor_pd:.2f})".replace(".", ","))
    if indeks.tahun[p.rekam] != indeks.tahun_terbaru:
        bagian.append(f"terakhir tercatat tahun {indeks.tahun[p.rekam]}")
    return "; ".join(bagian) or "tidak ada"


def _keputusan(keputusan: pd.DataFrame | None) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """The user's word as ({(kunci_baris, id) said 'beda'}, {kunci_baris: ids said 'sama'})."""
    beda: set[tuple[str, str]] = set()
    sama: dict[str, set[str]] = defaultdict(set)
    if keputusan is not None:
        for k, i, kata in zip(keputusan["kunci_baris"], keputusan["id_inovasi"], keputusan["keputusan"], strict=True):
            # the table holds one word per pair; were a frame to hold two, the later one stands
            if kata == "beda":
                beda.add((str(k), str(i)))
                sama[str(k)].discard(str(i))
            elif kata == "sama":
                sama[str(k)].add(str(i))
                beda.discard((str(k), str(i)))
    return beda, sama


def cocokkan(
    baris: pd.DataFrame, ada: pd.DataFrame, keputusan: pd.DataFrame | None = None, tahun: int | None = None
) -> HasilCocok:
    """Match every file row to the existing innovations (see the module docstring). `tahun`, the import year:
    when a row matches for certain both ids of that year and ids known only from earlier years, that year's
    win (a re-import keeps the ids its first import gave). TerlaluBanyakRaguError past MAKS_RAGU uncertain
    pairs."""
    baris = baris.reset_index(drop=True)
    kolom_identitas = tuple(k for k in KOLOM_IDENTITAS if k in baris and k in ada)
    kolom_rinci = tuple(k for k in KOLOM_RINCI if k in baris and k in ada)
    indeks = _Indeks(ada, kolom_identitas, kolom_rinci)
    judul = [_judul(n) for n in baris["nama_inovasi"]]
    pd_baris = [baku(n) for n in baris["nama_perangkat_daerah"]]
    identitas = [(j.baku, p, *t) for j, p, t in zip(judul, pd_baris, _lajur(baris, kolom_identitas), strict=True)]
    rinci = _lajur(baris, kolom_rinci)
    kunci = [kunci_baris(n, p) for n, p in zip(baris["nama_inovasi"], baris["nama_perangkat_daerah"], strict=True)]
    beda, sama = _keputusan(keputusan)
    ada_id = set(indeks.id)
    tahun_ini = set(ada.loc[ada["tahun"] == tahun, "id_inovasi"].astype(str)) if tahun is not None else set()

    pasangan: list[dict[str, _Pasangan]] = []
    for posisi, (j, p) in enumerate(zip(judul, pd_baris, strict=True)):
        semua = _pasangan_baris(posisi, j, p, indeks)
        pasangan.append({i: x for i, x in semua.items() if (kunci[posisi], i) not in beda})

    # Certain edges by tier: the user's 'sama', identical rows, then equal titles, then acronyms. Each tier settles
    # what it can one to one; rows and ids caught in a conflict stay uncertain and are not offered to a weaker
    # tier, and an id the user has given to a row is not taken automatically by another.
    diberikan = {i for k in kunci for i in sama.get(k, ()) if i in ada_id}
    tingkat: tuple[tuple[str, Callable[[int], set[str]]], ...] = (
        ("keputusan", lambda b: {i for i in sama.get(kunci[b], ()) if i in ada_id}),
        (
            "identik",
            lambda b: (
                {i for i in indeks.calon_identik(identitas[b]) if (kunci[b], i) not in beda} - diberikan
                if judul[b].baku
                else set()
            ),
        ),
        ("sama", lambda b: {i for i, x in pasangan[b].items() if x.pasti and x.jenis == "sama"} - diberikan),
        ("akronim", lambda b: {i for i, x in pasangan[b].items() if x.pasti and x.jenis == "akronim"} - diberikan),
    )
    hasil_id: dict[int, str] = {}
    dasar: dict[int, str] = {}
    alasan_ragu: dict[tuple[int, str], str] = {}
    for nama, tepi in tingkat:
        terpakai = set(hasil_id.values()) | {i for _, i in alasan_ragu}
        selesai = set(hasil_id) | {b for b, _ in alasan_ragu}
        calon: dict[int, set[str]] = {}
        for b in range(len(baris)):
            ids = tepi(b) - terpakai if b not in selesai else set()
            if ids & tahun_ini:
                ids &= tahun_ini
            if ids:
                calon[b] = ids
        ditetapkan, bentrok = _selesaikan(
            calon,
            kunci,
            lambda b, i: indeks.kedekatan(rinci[b], i),
            # equal or acronym titles: the closer pair by title, perangkat daerah, then detail
            (lambda b, i: (*pasangan[b][i].urutan(), indeks.kedekatan(rinci[b], i)))
            if nama in ("sama", "akronim")
            else None,
        )
        hasil_id |= ditetapkan
        dasar |= dict.fromkeys(ditetapkan, nama)
        alasan_ragu |= bentrok
    pemilik = {i: b for b, i in hasil_id.items()}

    # Which pairs each unsettled row shows, counted before any is built: past MAKS_RAGU the file is refused.
    bentrok_baris: dict[int, list[str]] = defaultdict(list)
    for b, i in alasan_ragu:
        bentrok_baris[b].append(i)
    tampil: dict[int, list[_Pasangan]] = {}
    for posisi in range(len(baris)):
        if posisi in hasil_id:
            continue
        # Pairs in a conflict and pairs the user called 'sama' are always shown (a bounded number of the
        # conflict's); then the closest others.
        wajib = list(
            dict.fromkeys(
                sorted(bentrok_baris.get(posisi, ()))[:RAGU_WAJIB_PER_BARIS]
                + sorted(sama.get(kunci[posisi], set()) & ada_id)
            )
        )
        for i in wajib:
            if i not in pasangan[posisi]:
                pasangan[posisi][i] = _pasangan_paksa(posisi, judul[posisi], pd_baris[posisi], i, indeks)
        lain = sorted(
            (x for i, x in pasangan[posisi].items() if i not in wajib), key=lambda x: x.urutan(), reverse=True
        )
        tampil[posisi] = ([pasangan[posisi][i] for i in wajib] + lain)[: max(RAGU_PER_BARIS, len(wajib))]
    jumlah = sum(len(x) for x in tampil.values())
    if jumlah > MAKS_RAGU:
        raise TerlaluBanyakRaguError(_pesan_terlalu_banyak(jumlah, tampil, judul, baris, indeks))

    ragu: list[dict[str, Any]] = []
    for posisi, daftar_pasangan in tampil.items():
        for kasar in daftar_pasangan:
            # the figure shown is the exact one
            skor_pd = _banding_pd(pd_baris[posisi], indeks.pd[kasar.rekam], indeks.singkatan[kasar.rekam], tepat=True)
            x = replace(kasar, skor_pd=skor_pd)
            rekam = indeks.ada.loc[x.rekam]
            ragu.append(
                {
                    "posisi": posisi,
                    "_baris": baris.at[posisi, "_baris"] if "_baris" in baris else None,
                    "kunci_baris": kunci[posisi],
                    "id_inovasi": x.id_inovasi,
                    "tahun_ada": indeks.tahun[x.rekam],
                    "nama_inovasi_berkas": baris.at[posisi, "nama_inovasi"],
                    "nama_inovasi_ada": rekam["nama_inovasi"],
                    "perangkat_daerah_berkas": baris.at[posisi, "nama_perangkat_daerah"],
                    "perangkat_daerah_ada": rekam["nama_perangkat_daerah"],
                    "skor_judul": x.skor_judul,
                    "skor_perangkat_daerah": x.skor_pd,
                    "jenis_judul": x.jenis,
                    "beda": _beda(x, str(baris.at[posisi, "nama_inovasi"]), indeks),
                    "alasan": alasan_ragu.get((posisi, x.id_inovasi)) or _alasan(x, diberikan, pemilik, baris),
                }
            )

    kembar = _kelompok_kembar([j.baku for j in judul])
    hasil = pd.DataFrame(
        {
            "posisi": range(len(baris)),
            "_baris": baris.get("_baris"),
            "kunci_baris": kunci,
            "id_inovasi": [hasil_id.get(p) for p in range(len(baris))],
            "dasar": [dasar.get(p) for p in range(len(baris))],
            "kelompok_kembar": kembar,
        },
        columns=list(KOLOM_BARIS),
    )
    return HasilCocok(hasil, pd.DataFrame(ragu, columns=list(KOLOM_RAGU)))


def _pesan_terlalu_banyak(
    jumlah: int, tampil: dict[int, list[_Pasangan]], judul: list[_Judul], baris: pd.DataFrame, indeks: _Indeks
) -> str:
    """Why a file has too many uncertain pairs (almost always one title entered over and over) and what to do."""
    per_judul: dict[str, int] = defaultdict(int)
    for posisi, daftar_pasangan in tampil.items():
        per_judul[judul[posisi].baku] += len(daftar_pasangan)
    terbanyak = max(per_judul, key=lambda j: (per_judul[j], j))
    contoh = next(n for n, j in zip(baris["nama_inovasi"], judul, strict=True) if j.baku == terbanyak)
    di_berkas = sum(j.baku == terbanyak for j in judul)
    tersimpan = len({indeks.id[r] for r in indeks.per_bentuk.get(terbanyak, ())})

    def ribuan(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return (
        f"berkas ini menghasilkan {ribuan(jumlah)} pasangan ragu, lebih dari {MAKS_RAGU} yang dapat ditinjau sekali "
        f"jalan. Penyebab terbesar: judul '{contoh}' ({ribuan(di_berkas)} baris di berkas, {ribuan(tersimpan)} inovasi "
        "tersimpan dengan judul yang sama). Beri setiap inovasi judul yang membedakannya di portal (mis. tambahkan "
        "nama lokasi atau perangkat daerahnya), unduh ulang daftarnya, lalu impor lagi; atau hapus baris ganda dari "
        "berkas sebelum mengimpor."
    )


def _alasan(x: _Pasangan, diberikan: set[str], pemilik: dict[str, int], baris: pd.DataFrame) -> str:
    """Why a pair is not certain, when no conflict of its own says it."""
    if x.id_inovasi in diberikan:
        return "dipilih pengguna untuk baris lain"
    if x.pasti and x.id_inovasi in pemilik:
        lain = pemilik[x.id_inovasi]
        nomor = baris.at[lain, "_baris"] if "_baris" in baris else lain + 1
        return f"inovasi ini sudah dipasangkan dengan baris {nomor}, yang lebih cocok"
    if x.pasti:
        return "inovasi ini bentrok dengan baris lain yang judulnya sama persis; putuskan pasangan itu dulu"
    if x.jenis == "mirip":
        return "judul mirip tetapi tidak sama"
    return "judul sama tetapi perangkat daerah lain"


def _selesaikan(
    calon: dict[int, set[str]],
    kunci: list[str],
    kedekatan: Callable[[int, str], int],
    mutu: Callable[[int, str], tuple[Any, ...]] | None = None,
) -> tuple[dict[int, str], dict[tuple[int, str], str]]:
    """One tier's certain edges settled: a row and an id that only have each other are a match; k rows of one
    kunci_baris facing exactly the same k ids are paired stably (`_pasangkan`); k rows and k ids where each row's
    strictly best id (by `mutu`) is that id's strictly best row are paired so (`_saling_terbaik`: one title under
    'SMAN 1 X, KAB. Y' and 'SMAN 1 X', each nearest its own); every other edge is a conflict."""
    per_id: dict[str, set[int]] = defaultdict(set)
    for b, ids in calon.items():
        for i in ids:
            per_id[i].add(b)
    ditetapkan: dict[int, str] = {}
    bentrok: dict[tuple[int, str], str] = {}
    for komponen_baris, komponen_id in _komponen(calon, per_id):
        setara = len(komponen_baris) == len(komponen_id) and all(
            calon[b] == komponen_id and kunci[b] == kunci[min(komponen_baris)] for b in komponen_baris
        )
        if setara:
            ditetapkan.update(_pasangkan(komponen_baris, komponen_id, kedekatan))
            continue
        if mutu is not None and (jelas := _saling_terbaik(komponen_baris, komponen_id, calon, mutu)):
            ditetapkan.update(jelas)
            continue
        for b in komponen_baris:
            for i in calon[b]:
                bentrok[(b, i)] = (
                    f"bentrok: {len(komponen_baris)} baris berkas dan {len(komponen_id)} inovasi yang ada saling cocok; "
                    "dasbor tidak menggabung atau memisah inovasi tanpa keputusan Anda"
                )
    return ditetapkan, bentrok


def _saling_terbaik(
    baris: set[int], ids: set[str], calon: dict[int, set[str]], mutu: Callable[[int, str], tuple[Any, ...]]
) -> dict[int, str]:
    """The one-to-one pairing of k rows and k ids where every row's strictly best id has that row as its strictly
    best row; empty when there is none (a tie anywhere, or two rows preferring one id)."""
    if len(baris) != len(ids):
        return {}

    def satu_terbaik(pilihan: list[tuple[tuple[Any, ...], Any]]) -> Any:
        pilihan.sort(key=lambda x: x[0], reverse=True)
        return pilihan[0][1] if len(pilihan) == 1 or pilihan[0][0] > pilihan[1][0] else None

    terbaik_id = {b: satu_terbaik([(mutu(b, i), i) for i in calon[b]]) for b in baris}
    terbaik_baris = {i: satu_terbaik([(mutu(b, i), b) for b in baris if i in calon[b]]) for i in ids}
    if any(i is None or terbaik_baris[i] != b for b, i in terbaik_id.items()):
        return {}
    return terbaik_id


def _pasangkan(baris: set[int], ids: set[str], kedekatan: Callable[[int, str], int]) -> dict[int, str]:
    """k interchangeable rows and k ids paired one to one: the pairs sharing the most detail first, then row order
    with id order. The same file against what its first import stored thus gets the same ids again."""
    urut = sorted((-kedekatan(b, i), b, i) for b in baris for i in ids)
    hasil: dict[int, str] = {}
    dipakai: set[str] = set()
    for _, b, i in urut:
        if b not in hasil and i not in dipakai:
            hasil[b] = i
            dipakai.add(i)
    return hasil


def _komponen(pasti: dict[int, set[str]], per_id: dict[str, set[int]]) -> list[tuple[set[int], set[str]]]:
    """Connected groups of rows and ids joined by certain edges."""
    dilihat: set[int] = set()
    hasil = []
    for awal in sorted(pasti):
        if awal in dilihat or not pasti[awal]:
            continue
        baris_k, id_k, antre = set(), set(), [awal]
        while antre:
            b = antre.pop()
            if b in baris_k:
                continue
            baris_k.add(b)
            for i in pasti[b]:
                if i not in id_k:
                    id_k.add(i)
                    antre.extend(per_id[i] - baris_k)
        dilihat |= baris_k
        hasil.append((baris_k, id_k))
    return hasil


def _kelompok_kembar(judul_baku: list[str]) -> list[int | None]:
    """Rows sharing a normalised title get one number (1, 2, … in order of their first row)."""
    posisi: dict[str, list[int]] = defaultdict(list)
    for p, j in enumerate(judul_baku):
        if j:
            posisi[j].append(p)
    nomor: dict[str, int] = {}
    for j, ps in sorted(posisi.items(), key=lambda x: x[1][0]):
        if len(ps) > 1:
            nomor[j] = len(nomor) + 1
    return [nomor.get(j) for j in judul_baku]
