"""The app's one cache: what the services compute from a published snapshot, computed once per snapshot and
process and then shared by every session.

Pages import the services through this module (`from dasbor.ui.data import hasil, skor`) and call them by
their usual names; the functions listed below answer from the cache, everything else passes through to the
services module. A snapshot never changes, so its results never go stale: a new snapshot (an import) is a new
key, noticed at the next run with a stat of the pointer file (segarkan), never with a query. A page visit on a
warm cache therefore runs no query and no scoring.

Cached values are shared between sessions, so they are handed out as they are: DataFrames as shallow copies,
which pandas' copy-on-write keeps from writing through to the cached frame; dataclasses are frozen.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import threading
from collections import deque
from collections.abc import Callable, Sequence
from datetime import date
from types import ModuleType
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import scoring
from dasbor.bimtek import bahan, susun
from dasbor.bimtek import ekspor as bimtek_ekspor
from dasbor.bimtek.model import Acara, Deck
from dasbor.services import daftar_kerja as _daftar_kerja
from dasbor.services import hasil as _hasil
from dasbor.services import inovasi as _inovasi
from dasbor.services import kelengkapan as _kelengkapan
from dasbor.services import kiriman as _kiriman
from dasbor.services import lintas_tahun as _lintas_tahun
from dasbor.services import simulasi as _simulasi
from dasbor.services import skor as _skor
from dasbor.services import telusur_celah as _telusur
from dasbor.services.db import Terbitan, berlaku, dipakai, terbitan_kini
from dasbor.visual.charts import LEBAR_SUBJUDUL, tambah_catatan

BASIS = ("terverifikasi", "klaim")

_lokal = threading.local()


def segarkan() -> Terbitan:
    """Called by app.py at the top of every run: one stat of the pointer file, and the run then answers from
    that snapshot throughout (a page never mixes two snapshots)."""
    t = terbitan_kini()
    _lokal.terbitan = t
    return t


def _terbitan() -> Terbitan:
    t = getattr(_lokal, "terbitan", None)
    if t is None or not berlaku(t):
        t = terbitan_kini()
    return t


class _Simpanan:
    """Values per key, each computed once even when many sessions ask at the same moment (the others wait for
    the first); only the latest few snapshots are kept."""

    def __init__(self, simpan: int = 4, maks: int | None = None) -> None:
        self._maks = maks
        self._nilai: dict[tuple, Any] = {}
        self._kunci_nilai: dict[tuple, threading.Lock] = {}
        self._kunci = threading.Lock()
        self._terbitan: deque = deque(maxlen=simpan)

    def ambil(self, kunci: tuple, hitung: Callable[[], Any]) -> Any:
        try:
            return self._nilai[kunci]
        except KeyError:
            pass
        with self._kunci:
            if kunci[0] not in self._terbitan:
                self._terbitan.append(kunci[0])
                hidup = set(self._terbitan)
                for lama in [k for k in self._nilai if k[0] not in hidup]:
                    del self._nilai[lama]
                for lama in [k for k in self._kunci_nilai if k[0] not in hidup]:
                    del self._kunci_nilai[lama]
            kunci_ini = self._kunci_nilai.setdefault(kunci, threading.Lock())
        with kunci_ini:
            if kunci not in self._nilai:
                nilai = hitung()
                with self._kunci:
                    self._nilai[kunci] = nilai
                    # Beyond `maks` values the oldest go first (dicts keep insertion order).
                    while self._maks is not None and len(self._nilai) > self._maks:
                        lama = next(iter(self._nilai))
                        del self._nilai[lama]
                        self._kunci_nilai.pop(lama, None)
                return nilai
            return self._nilai[kunci]

    def kosongkan(self) -> None:
        with self._kunci:
            self._nilai.clear()
            self._kunci_nilai.clear()
            self._terbitan.clear()


_simpanan = _Simpanan()
# What pages derive from cached results (figures, display tables) is keyed by the contents of its inputs, so one
# snapshot can hold many entries (every region pair of Bandingkan, every drill-down level): the count is bounded.
_olahan_simpanan = _Simpanan(simpan=2, maks=3000)


def kosongkan() -> None:
    """Forget every cached result (tests that rebuild a database in place)."""
    _simpanan.kosongkan()
    _olahan_simpanan.kosongkan()


def _sidik(nilai: object) -> object:
    """A hashable fingerprint of a cached function's inputs: DataFrames and Series by content (values, index, column names
    and dtypes), containers element by element, anything else as itself (it must be hashable)."""
    if isinstance(nilai, pd.DataFrame | pd.Series):
        h = hashlib.blake2b(digest_size=16)
        try:
            baris = pd.util.hash_pandas_object(nilai, index=True)
        except TypeError:  # cells holding lists (e.g. the urusan of an innovation): hashed by their exact text
            baris = pd.util.hash_pandas_object(nilai.map(repr), index=True)
        h.update(baris.to_numpy().tobytes())
        kolom = nilai.dtypes.items() if isinstance(nilai, pd.DataFrame) else [(nilai.name, nilai.dtype)]
        h.update(repr([(k, str(t)) for k, t in kolom]).encode())
        return (type(nilai).__name__, h.hexdigest())
    if isinstance(nilai, list | tuple):
        return tuple(_sidik(x) for x in nilai)
    if isinstance(nilai, dict):
        return tuple(sorted((k, _sidik(v)) for k, v in nilai.items()))
    return nilai


def olahan(buat: Callable[..., Any], *args: Any, kunci: tuple | None = None, **kwargs: Any) -> Any:
    """`buat(*args, **kwargs)` computed once for the same inputs and shared by every session: for the work a page
    does on cached results (a chart, a display table, a summary of one region's gaps), which every visit would
    otherwise redo. The inputs are fingerprinted by content; a page that filtered a large frame passes `kunci`
    instead, the filter values that determine the inputs within the snapshot (hashing thousands of rows costs
    as much as the work saved). DataFrames come back as shallow copies; other results are shared, never changed."""
    # The function itself is in the key, not its name: two lambdas or closures share a name, never an identity.
    isi = ("kunci", kunci) if kunci is not None else (_sidik(args), _sidik(kwargs))
    return _bagikan(_olahan_simpanan.ambil((_terbitan().kunci, buat, *isi), lambda: buat(*args, **kwargs)))


def _dengan_catatan(buat: Callable[..., go.Figure], catatan: str, lebar: int, *args: Any, **kwargs: Any) -> go.Figure:
    return tambah_catatan(buat(*args, **kwargs), catatan, lebar)


def figur(
    buat: Callable[..., go.Figure],
    *args: Any,
    catatan: str = "",
    lebar: int = LEBAR_SUBJUDUL,
    kunci: tuple | None = None,
    **kwargs: Any,
) -> go.Figure:
    """`buat(*args, **kwargs)` with `catatan` under its title (charts.tambah_catatan), built once for the same
    inputs (olahan, `kunci` as there): building a Plotly figure (validating every property) is most of a chart's
    cost, drawing a built one is a copy and a JSON dump. The figure is shared, so callers only draw it or export it
    (st.plotly_chart and the PNG button copy it), never change it."""
    kunci = None if kunci is None else (catatan, lebar, *kunci)
    return olahan(_dengan_catatan, buat, catatan, lebar, *args, kunci=kunci, **kwargs)


def _bagikan(nilai: Any) -> Any:
    return nilai.copy(deep=False) if isinstance(nilai, pd.DataFrame | pd.Series) else nilai


def _dengan_pesan(pesan: str | None, hitung: Callable[[], Any]) -> Callable[[], Any]:
    """A spinner while a visitor waits for a long computation; none on siapkan's thread or outside a server."""
    if pesan is None:
        return hitung

    def dengan_pesan() -> Any:
        if getattr(_lokal, "diam", False) or not st.runtime.exists():
            return hitung()
        with st.spinner(pesan):
            return hitung()

    return dengan_pesan


def sekali(fungsi: Callable, pesan: str | None = None) -> Callable:
    """`fungsi` answered from the cache: computed once per snapshot and argument values (defaults filled in,
    so f(2024) and f(2024, "terverifikasi") share one entry), reading the snapshot the run is pinned to;
    `pesan` is shown while a visitor waits for it to be computed."""
    tanda = inspect.signature(fungsi)
    nama = f"{fungsi.__module__}.{fungsi.__qualname__}"

    @functools.wraps(fungsi)
    def tersimpan(*args: Any, **kwargs: Any) -> Any:
        t = _terbitan()
        terikat = tanda.bind(*args, **kwargs)
        terikat.apply_defaults()

        def hitung() -> Any:
            with dipakai(t):
                return fungsi(*args, **kwargs)

        return _bagikan(_simpanan.ambil((t.kunci, nama, _sidik(terikat.arguments)), _dengan_pesan(pesan, hitung)))

    return tersimpan


class _Layanan:
    """Services modules seen through the cache: the given functions cached, every other name looked up in the
    modules in order (constants, pure helpers that only pick rows)."""

    def __init__(self, modul: Sequence[ModuleType], tersimpan: dict[str, Callable]) -> None:
        self._modul = tuple(modul)
        self._tersimpan = tersimpan

    def __getattr__(self, nama: str) -> Any:
        if nama in self._tersimpan:
            return self._tersimpan[nama]
        for m in self._modul:
            if hasattr(m, nama):
                return getattr(m, nama)
        raise AttributeError(nama)


def _cache(modul: ModuleType, *nama: str) -> dict[str, Callable]:
    return {n: sekali(getattr(modul, n)) for n in nama}


skor = _Layanan([_skor], _cache(_skor, "skor_tahun", "daftar_tahun", "daftar_wilayah", "data_sintetis"))
hasil = _Layanan(
    [_hasil],
    _cache(
        _hasil,
        "hasil_resmi",
        "jumlah_kabkota",
        "status_periode",
        "metodologi",
        "tahun_sebelumnya",
        "peringkat",
        "peringkat_kabkota_berlokasi",
        "ringkasan",
        "tren",
        "pita_tren",
        "rincian_indikator",
        "inovasi_tahun",
        "jumlah_inovasi",
        "kematangan",
        "cakupan_yandas",
        "aturan_yandas",
    ),
)


def _berkas_ekspor(tahun: int, kode_wilayah: str, dibuat: date, jenis: str) -> bytes:
    """The region's worklist as 'xlsx' or 'csv' bytes (download buttons would otherwise rebuild the workbook on
    every rerun)."""
    kel = kelengkapan.kelengkapan(tahun)
    if jenis == "xlsx":
        return _daftar_kerja.ekspor_xlsx(kel, kode_wilayah, dibuat)
    return _daftar_kerja.ekspor_csv(kel, kode_wilayah)


kelengkapan = _Layanan(
    [_kelengkapan, _daftar_kerja, _telusur, _lintas_tahun],
    {
        "kelengkapan": sekali(_kelengkapan.kelengkapan, "Menghitung celah dan nilai perbaikan…"),
        **_cache(_telusur, "katalog_indikator"),
        "berkas_ekspor": sekali(_berkas_ekspor),
    },
)
simulasi = _Layanan([_simulasi], _cache(_simulasi, "rentang_peringkat"))
inovasi = _Layanan([_inovasi], _cache(_inovasi, "riwayat"))
kiriman = _Layanan([_kiriman], _cache(_kiriman, "inovasi_usia", "menua", "selisih", "saran"))


def _deck(tahun: int, basis: str, wilayah: Sequence[str], urutan: Sequence[str] | None, acara: Acara) -> Deck:
    """The deck for the Presentasi filters, built from the year's gathered data (gathered once per snapshot);
    raises BimtekError with a message for the facilitator."""
    return susun.susun_deck(bimtek.bahan(tahun, basis), list(wilayah), None if urutan is None else list(urutan), acara)


def _berkas_deck(
    tahun: int, basis: str, wilayah: Sequence[str], urutan: Sequence[str] | None, acara: Acara
) -> dict[str, bytes]:
    """PPTX, PDF and XLSX bytes of the same deck (drawn with Chromium: seconds, so only on request)."""
    return bimtek_ekspor.siapkan_berkas(bimtek.deck(tahun, basis, wilayah, urutan, acara))


bimtek = _Layanan([], {"bahan": sekali(bahan.kumpulkan), "deck": sekali(_deck), "berkas": sekali(_berkas_deck)})


def siapkan(t: Terbitan | None = None) -> Terbitan:
    """Compute what the pages show for every year, both bases and every rule version, so that the first
    visitor of a snapshot finds a warm cache; the latest year on the verified basis first, as most visitors
    open it. A server can call this at start, on a thread; it takes minutes on a busy 2-core machine."""
    t = t or terbitan_kini()
    _lokal.terbitan, _lokal.diam = t, True
    try:
        tahun_ada = sorted(skor.daftar_tahun(), reverse=True)
        skor.daftar_wilayah()
        hasil.hasil_resmi()
        versi_semua = [None, *(m.versi for m in scoring.semua_metodologi())]
        for basis in BASIS:
            for tahun in tahun_ada:
                for fungsi in (skor.data_sintetis, hasil.status_periode, hasil.metodologi, hasil.inovasi_tahun):
                    fungsi(tahun)
                for fungsi in (hasil.peringkat, hasil.peringkat_kabkota_berlokasi, hasil.ringkasan):
                    fungsi(tahun, basis)
                hasil.rincian_indikator(tahun, basis)
            hasil.tren(basis)
        hasil.pita_tren()
        for tahun in tahun_ada:
            kelengkapan.kelengkapan(tahun)
            simulasi.rentang_peringkat(tahun)
            for fungsi in (kiriman.inovasi_usia, kiriman.menua, kiriman.selisih):
                fungsi(tahun)
        urutan = susun.urutan_bawaan(skor.daftar_wilayah())
        bimtek.deck(tahun_ada[0], BASIS[0], list(susun.WILAYAH_BAWAAN), urutan, susun.acara_bawaan())
        for versi in versi_semua[1:]:
            hasil.pita_tren(versi)
            for basis in BASIS:
                hasil.tren(basis, versi)
    finally:
        _lokal.terbitan, _lokal.diam = None, False
    return t
