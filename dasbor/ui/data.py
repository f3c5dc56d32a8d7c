"""The app's one cache: what the services compute from a published copy (terbitan), computed once per terbitan and
process and then shared by every session.

Every service result a page may read from the cache is a function of this module, declared in one line where it is
defined: `peringkat = sekali(hasil.peringkat)`. So a call `data.peringkat(tahun, basis)` is cached and a call
`hasil.kekuatan_kelemahan(...)` (the services module imported as itself) is not; a new cached function is one
line here. `figur` and `olahan` cache what a page derives from those results (a chart, a display table).

A published copy never changes, so its results never go stale: a new one (an import) is a new key, noticed at the
next run with a stat of the pointer file (segarkan), never with a query. A page visit on a warm cache therefore
runs no query and no scoring, and a cold one reads the scores the copy stores (computed when it was published,
services.hasil_terbit) instead of scoring each year again.

Cached values are shared between sessions, so they are handed out as they are: DataFrames as shallow copies,
which pandas' copy-on-write keeps from writing through to the cached frame; dataclasses are frozen.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import pickle
import threading
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import Any, ParamSpec, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import scoring
from dasbor.bimtek import bahan, susun
from dasbor.bimtek import ekspor as bimtek_ekspor
from dasbor.bimtek.model import Deck, PilihanDeck
from dasbor.lingkup import provinsi_dari
from dasbor.services import asal as _asal
from dasbor.services import cocok_tertunda as _cocok_tertunda
from dasbor.services import daftar_kerja as _daftar_kerja
from dasbor.services import hasil as _hasil
from dasbor.services import hasil_terbit as _hasil_terbit
from dasbor.services import inovasi as _inovasi
from dasbor.services import kelengkapan as _kelengkapan
from dasbor.services import kiriman as _kiriman
from dasbor.services import lembar_indikator as _lembar
from dasbor.services import nasional as _nasional
from dasbor.services import simulasi as _simulasi
from dasbor.services import skor as _skor
from dasbor.services import telusur_celah as _telusur
from dasbor.services.db import Terbitan, berlaku, database, dipakai, terbitan_kini
from dasbor.ui import giliran
from dasbor.ui.rekaman import tandai
from dasbor.visual.charts import LEBAR_SUBJUDUL, tambah_catatan

P = ParamSpec("P")
R = TypeVar("R")

_lokal = threading.local()


def segarkan() -> Terbitan:
    """Called by app.py at the top of every run: one stat of the pointer file, and the run then answers from
    that published copy throughout (a page never mixes two)."""
    t = terbitan_kini()
    _lokal.terbitan = t
    return t


def _terbitan() -> Terbitan:
    t = getattr(_lokal, "terbitan", None)
    if t is None or not berlaku(t):
        t = terbitan_kini()
    return t


class _Simpanan:
    """Values per fingerprint of their inputs (`sidik`, whose first item is the terbitan), each computed once even
    when many sessions ask at the same moment (the others wait for the first); only the latest few terbitan and at
    most `maks` values are kept, the oldest going first."""

    def __init__(self, maks: int, simpan: int = 4) -> None:
        self._maks = maks
        self._nilai: dict[tuple, Any] = {}
        self._gembok_nilai: dict[tuple, threading.Lock] = {}
        self._gembok = threading.Lock()
        self._terbitan: deque = deque(maxlen=simpan)

    def __len__(self) -> int:
        return len(self._nilai)

    def ambil(self, sidik: tuple, hitung: Callable[[], Any]) -> Any:
        try:
            return self._nilai[sidik]
        except KeyError:
            pass
        with self._gembok:
            if sidik[0] not in self._terbitan:
                self._terbitan.append(sidik[0])
                hidup = set(self._terbitan)
                for lama in [s for s in self._nilai if s[0] not in hidup]:
                    del self._nilai[lama]
                for lama in [s for s in self._gembok_nilai if s[0] not in hidup]:
                    del self._gembok_nilai[lama]
            gembok_ini = self._gembok_nilai.setdefault(sidik, threading.Lock())
        # Computing a missing value, or waiting for the session computing it, is done outside the run's turn
        # (dasbor/ui/giliran.py): it may take seconds, and other visitors' warm views need none of it.
        with giliran.di_luar(), gembok_ini:
            if sidik not in self._nilai:
                nilai = hitung()
                with self._gembok:
                    self._nilai[sidik] = nilai
                    # Beyond `maks` values the oldest go first (dicts keep insertion order).
                    while len(self._nilai) > self._maks:
                        lama = next(iter(self._nilai))
                        del self._nilai[lama]
                        self._gembok_nilai.pop(lama, None)
                return nilai
            return self._nilai[sidik]

    def kosongkan(self) -> None:
        with self._gembok:
            self._nilai.clear()
            self._gembok_nilai.clear()
            self._terbitan.clear()


_semua_simpanan: list[_Simpanan] = []


def _simpanan_baru(maks: int, simpan: int = 4) -> _Simpanan:
    s = _Simpanan(maks, simpan)
    _semua_simpanan.append(s)
    return s


# What pages derive from cached results (figures, display tables) is keyed by the contents of its inputs, so one
# terbitan can hold many entries (every region pair of Bandingkan, every drill-down level): the count is bounded.
_olahan_simpanan = _simpanan_baru(maks=3000, simpan=2)


def kosongkan() -> None:
    """Forget every cached result (tests that rebuild a database in place)."""
    for s in _semua_simpanan:
        s.kosongkan()


def _sidik(nilai: object) -> object:
    """A hashable fingerprint of a cached function's inputs: DataFrames and Series by content (values, index, column
    names and dtypes), containers element by element, anything else as itself (it must be hashable)."""
    if isinstance(nilai, pd.DataFrame | pd.Series):
        # The pickle holds values, index, names and dtypes, so equal bytes are equal inputs; it costs a tenth of
        # hashing each row (a frame equal in content but laid out differently is only computed once more).
        return (type(nilai).__name__, hashlib.blake2b(pickle.dumps(nilai, protocol=5), digest_size=16).hexdigest())
    if isinstance(nilai, list | tuple):
        return tuple(_sidik(x) for x in nilai)
    if isinstance(nilai, dict):
        return tuple(sorted((k, _sidik(v)) for k, v in nilai.items()))
    return nilai


def olahan(buat: Callable[..., R], *args: Any, sidik: tuple | None = None, **kwargs: Any) -> R:
    """`buat(*args, **kwargs)` computed once for the same inputs and shared by every session: for the work a page
    does on cached results (a chart, a display table, a summary of one region's gaps), which every visit would
    otherwise redo. The inputs are fingerprinted by content; a page that filtered a large frame passes `sidik`
    instead of having its positional inputs hashed: the filter values that determine them within the terbitan
    (hashing thousands of rows costs as much as the work saved). `buat` and the keyword arguments are always part
    of the key. DataFrames come back as shallow copies; other results are shared, never changed."""
    # The function itself is in the key, not its name: two lambdas or closures share a name, never an identity.
    masukan = ("halaman", sidik) if sidik is not None else _sidik(args)
    return _bagikan(
        _olahan_simpanan.ambil((_terbitan().identitas, buat, masukan, _sidik(kwargs)), lambda: buat(*args, **kwargs))
    )


def _dengan_catatan(buat: Callable[..., go.Figure], catatan: str, lebar: int, *args: Any, **kwargs: Any) -> go.Figure:
    return tandai(tambah_catatan(buat(*args, **kwargs), catatan, lebar))


def figur(
    buat: Callable[..., go.Figure],
    *args: Any,
    catatan: str = "",
    lebar: int = LEBAR_SUBJUDUL,
    sidik: tuple | None = None,
    **kwargs: Any,
) -> go.Figure:
    """`buat(*args, **kwargs)` with `catatan` under its title (charts.tambah_catatan), built once for the same
    inputs (olahan, `sidik` as there): building a Plotly figure (validating every property) is most of a chart's
    cost, drawing a built one is a copy and a JSON dump, which its mark (rekaman.tandai) lets the page do once. The
    figure is shared, so callers only draw it or export it (st.plotly_chart and the PNG button copy it), never
    change it."""
    # With a page's `sidik` the positional inputs are not fingerprinted, so the builder, the source line and its
    # width go into it: two charts of one filter state are two entries.
    sidik = None if sidik is None else (buat, catatan, lebar, *sidik)
    return olahan(_dengan_catatan, buat, catatan, lebar, *args, sidik=sidik, **kwargs)


def _bagikan(nilai: Any) -> Any:
    return nilai.copy(deep=False) if isinstance(nilai, pd.DataFrame | pd.Series) else nilai


def _dengan_pesan(pesan: str | None, hitung: Callable[[], Any]) -> Callable[[], Any]:
    """A spinner while a visitor waits for a long computation; none outside a server."""
    if pesan is None:
        return hitung

    def dengan_pesan() -> Any:
        if not st.runtime.exists():
            return hitung()
        with st.spinner(pesan):
            return hitung()

    return dengan_pesan


def sekali(fungsi: Callable[P, R], *, pesan: str | None = None, maks: int = 256) -> Callable[P, R]:
    """`fungsi` answered from the cache, with its own signature: computed once per terbitan and argument values
    (defaults filled in, so f(2024) and f(2024, "terverifikasi") share one entry), reading the published copy the run is
    pinned to; `pesan` is shown while a visitor waits for it to be computed. Each cached function keeps at most
    `maks` values (its own store, so a function asked with many arguments never pushes out another's results)."""
    tanda = inspect.signature(fungsi)
    simpanan = _simpanan_baru(maks)

    @functools.wraps(fungsi)
    def tersimpan(*args: P.args, **kwargs: P.kwargs) -> R:
        t = _terbitan()
        terikat = tanda.bind(*args, **kwargs)
        terikat.apply_defaults()

        def hitung() -> R:
            with dipakai(t):
                return fungsi(*args, **kwargs)

        return _bagikan(simpanan.ambil((t.identitas, _sidik(terikat.arguments)), _dengan_pesan(pesan, hitung)))

    tersimpan.simpanan = simpanan  # type: ignore[attr-defined]  # how many it holds, for tests and benchmarks
    return tersimpan


def _metodologi(tahun: int, versi: str | None = None) -> scoring.Metodologi:
    """The rule a year was scored under (skor.metodologi_tahun, the one place that decides it) or `versi`."""
    return _skor.metodologi_tahun(database(), tahun, versi)


# Skor and Hasil: per year, basis and rule version, or per region of a year.
metodologi = sekali(_metodologi)
skor_tahun = sekali(_skor.skor_tahun)
daftar_tahun = sekali(_skor.daftar_tahun)
daftar_wilayah = sekali(_skor.daftar_wilayah)
asal_tahun = sekali(_asal.asal_tahun)  # per region: which are synthetic (issue 23 §5)
hasil_resmi = sekali(_hasil.hasil_resmi)
jumlah_kabkota = sekali(_hasil.jumlah_kabkota)
jumlah_sejawat = sekali(_hasil.jumlah_sejawat)
sejawat_peringkat = sekali(_hasil.sejawat_peringkat)
cakupan_pemda = sekali(_hasil.cakupan_pemda)
pembanding_bawaan = sekali(_hasil.pembanding_bawaan)
wilayah_berdata = sekali(_hasil.wilayah_berdata)
status_periode = sekali(_hasil.status_periode)
peringkat = sekali(_hasil.peringkat)
peringkat_kabkota_berlokasi = sekali(_hasil.peringkat_kabkota_berlokasi)
ringkasan = sekali(_hasil.ringkasan)
tren = sekali(_hasil.tren)
pita_tren = sekali(_hasil.pita_tren)
rincian_indikator = sekali(_hasil.rincian_indikator)
inovasi_tahun = sekali(_hasil.inovasi_tahun)
jumlah_inovasi = sekali(_hasil.jumlah_inovasi, maks=1024)  # per region set and category
cakupan_yandas = sekali(_hasil.cakupan_yandas)
aturan_yandas = sekali(_hasil.aturan_yandas)
rata_rata_iid = sekali(_nasional.rata_rata_iid)  # published, not computed: a shared copy instead of a new frame

# Kelengkapan, Simulasi, Inovasi.
_kelengkapan_bagian = sekali(_kelengkapan.kelengkapan, pesan="Menghitung celah dan nilai perbaikan…", maks=32)


def kelengkapan(tahun: int, kode_wilayah: str) -> _kelengkapan.Kelengkapan:
    """The Kelengkapan a page about one region reads (Kelengkapan, Simulasi, Inovasi, the region's worklist): the
    year's when the database holds one province; else the region's province's part, since nationally a year of 552
    pemda took a minute to compute on a first visit and a page shows one region and its province."""
    satu = daftar_wilayah()["kode_provinsi"].nunique() <= 1
    return _kelengkapan_bagian(tahun, None if satu else provinsi_dari(kode_wilayah))


katalog_indikator = sekali(_telusur.katalog_indikator)
rentang_peringkat = sekali(_simulasi.rentang_peringkat)
riwayat_inovasi = sekali(_inovasi.riwayat, maks=1024)  # per innovation a visitor opens
inovasi_usia = sekali(_kiriman.inovasi_usia)
menua = sekali(_kiriman.menua)
selisih = sekali(_kiriman.selisih)
saran = sekali(_kiriman.saran)  # per year and wilayah
cocok_tertunda = sekali(_cocok_tertunda.tertunda)  # uncertain pairs an import left open, per year and wilayah
jawaban_inovasi = sekali(_lembar.jawaban_inovasi, maks=1024)  # per innovation a worksheet opens


def _berkas_ekspor(tahun: int, kode_wilayah: str, dibuat: date, jenis: str) -> bytes:
    """The region's worklist as 'xlsx' or 'csv' bytes (download buttons would otherwise rebuild the workbook on
    every rerun)."""
    kel = kelengkapan(tahun, kode_wilayah)
    if jenis == "xlsx":
        return _daftar_kerja.ekspor_xlsx(kel, kode_wilayah, dibuat)
    return _daftar_kerja.ekspor_csv(kel, kode_wilayah)


berkas_ekspor = sekali(_berkas_ekspor, maks=64)

# Presentasi. A deck is keyed by the event a visitor types (Acara), so few are kept: a room uses one or two, a deck
# is a few hundred kB and its files (PPTX, PDF, XLSX with drawn charts) a few MB.
bahan_bimtek = sekali(bahan.kumpulkan, maks=32)


def _deck(pilihan: PilihanDeck) -> Deck:
    """The deck for the Presentasi filters, built from the year's gathered data of the province (gathered once per
    terbitan); raises BimtekError with a message for the facilitator."""
    p = pilihan
    urutan = None if p.urutan is None else list(p.urutan)
    return susun.susun_deck(bahan_bimtek(p.tahun, p.basis, p.provinsi), list(p.wilayah), urutan, p.acara)


deck = sekali(_deck, maks=8)


def _berkas_deck(pilihan: PilihanDeck) -> dict[str, bytes]:
    """PPTX, PDF and XLSX bytes of the same deck (drawn with Chromium: seconds, so only on request)."""
    return bimtek_ekspor.siapkan_berkas(deck(pilihan))


berkas_deck = sekali(_berkas_deck, maks=8)


def siapkan() -> Terbitan:
    """What a worker does before its first visitor (dasbor.serve, on a thread while Streamlit starts): import the
    services and open the current published copy, finding which of its stored results are fresh. Nothing is
    computed and no list of results is kept here: the scores of every year, basis and rule version were computed
    once, when the copy was published (hasil_terbit), and each page reads what it shows. What is not stored (the
    kelengkapan worklists, a deck) is computed when a visitor first asks for it."""
    t = terbitan_kini()
    _hasil_terbit.tahun_segar(t.db)
    return t
