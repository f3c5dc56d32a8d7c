"""Builders for tiny DataPenilaian frames and a hypothesis strategy for random ones (shared by tests/scoring)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from hypothesis import strategies as st

from scoring import KOLOM_INOVASI, KOLOM_SID, KOLOM_SPD, DataPenilaian, Metodologi
from scoring.model import STATUS_BUKTI, STATUS_INOVASI

URUSAN_LAIN = ("pertanian", "pariwisata")


def _frame(rows: Iterable[Sequence[Any]], kolom: tuple[str, ...], bawaan: tuple[Any, ...]) -> pd.DataFrame:
    """Rows may omit trailing columns; they then take `bawaan` (the defaults for the last columns)."""
    lengkap = [tuple(r) + bawaan[len(bawaan) - (len(kolom) - len(r)) :] for r in rows]
    frame = pd.DataFrame(lengkap, columns=list(kolom))
    for k in ("level_klaim", "level_verifikasi"):
        if k in frame:
            frame[k] = frame[k].astype(float)
    return frame


def buat_data(
    inovasi: Iterable[Sequence[Any]] = (),
    sid: Iterable[Sequence[Any]] = (),
    spd: Iterable[Sequence[Any]] = (),
) -> DataPenilaian:
    """Tuples in column order (KOLOM_*); trailing columns default to status 'dikirim' / no urusan for inovasi,
    and to status_bukti 'ada' / no level_verifikasi for answers."""
    return DataPenilaian(
        inovasi=_frame(inovasi, KOLOM_INOVASI, ("dikirim", None)),
        jawaban_sid=_frame(sid, KOLOM_SID, ("ada", None)),
        jawaban_spd=_frame(spd, KOLOM_SPD, ("ada", None)),
    )


def jawaban_untuk_kematangan(id_inovasi: str, kematangan: int, m: Metodologi) -> list[tuple[str, str, int]]:
    """SID answer rows (evidence 'ada') whose Σ bobot × level is exactly `kematangan`, heaviest indicators first;
    any whole number 0–111 works because eight indicators weigh 1."""
    rows = []
    sisa = kematangan
    for i in sorted(m.indikator_aspek("SID"), key=lambda i: -i.bobot):
        level = min(3, int(sisa // i.bobot))
        if level:
            rows.append((id_inovasi, i.kode, level))
            sisa -= level * i.bobot
    if sisa:
        raise ValueError(f"kematangan {kematangan} tidak dapat disusun dari bobot SID")
    return rows


def inovasi_seragam(
    kode_wilayah: str,
    banyak: int,
    kematangan: int,
    m: Metodologi,
    status: str = "dikirim",
    urusan: Sequence[str | None] = (None,),
    awalan: str = "",
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, int]]]:
    """`banyak` innovations of one wilayah, each at `kematangan`; urusan cycles through `urusan`."""
    inovasi = []
    sid: list[tuple[str, str, int]] = []
    for j in range(banyak):
        id_inovasi = f"{kode_wilayah}-{awalan}{status}-{j}"
        inovasi.append((kode_wilayah, id_inovasi, status, urusan[j % len(urusan)]))
        sid += jawaban_untuk_kematangan(id_inovasi, kematangan, m)
    return inovasi, sid


def gabung(*bagian: tuple[list[Any], list[Any]]) -> tuple[list[Any], list[Any]]:
    return [r for b in bagian for r in b[0]], [r for b in bagian for r in b[1]]


LEVEL = st.one_of(st.none(), st.integers(0, 3))
LEVEL_VERIFIKASI = st.one_of(st.none(), st.none(), st.integers(0, 3))  # mostly unverified, as in real data


@st.composite
def data_acak(draw: st.DrawFn, m: Metodologi, maks_wilayah: int = 3, maks_inovasi: int = 14) -> DataPenilaian:
    """Random assessment data: a few wilayah, up to `maks_inovasi` innovations each (so n crosses 10 and 12),
    every status, partial answers, missing levels, verified and unverified evidence."""
    kode_sid = [i.kode for i in m.indikator_aspek("SID")]
    kode_spd = [i.kode for i in m.indikator_aspek("SPD")]
    urusan = st.sampled_from((*(m.syarat_yandas.urusan if m.syarat_yandas else ()), *URUSAN_LAIN, None))
    status = st.sampled_from(STATUS_INOVASI)

    def jawaban(kode: list[str]) -> st.SearchStrategy[list[tuple[Any, ...]]]:
        baris = st.tuples(st.sampled_from(kode), LEVEL, st.sampled_from(STATUS_BUKTI), LEVEL_VERIFIKASI)
        return st.lists(baris, max_size=8, unique_by=lambda r: r[0])

    wilayah = draw(
        st.lists(st.sampled_from([f"63.{w:02d}" for w in range(1, 14)]), min_size=1, max_size=maks_wilayah, unique=True)
    )
    inovasi, sid, spd = [], [], []
    for kode_wilayah in wilayah:
        spd += [(kode_wilayah, *r) for r in draw(jawaban(kode_spd))]
        for j in range(draw(st.integers(0, maks_inovasi))):
            id_inovasi = f"{kode_wilayah}-{j}"
            inovasi.append((kode_wilayah, id_inovasi, draw(status), draw(urusan)))
            sid += [(id_inovasi, *r) for r in draw(jawaban(kode_sid))]
    return buat_data(inovasi, sid, spd)
