"""The demo's answers as a function of one quality knob q per region-year, and the bisection of q per region.

Every level, evidence status and verdict is a monotone function of q over fixed random draws, so IID(q) is
non-decreasing and a bisection finds the target. The bisection of one region-year takes 23 scorings; the regions of
one year are independent of each other, so they are bisected in lockstep and each step scores every region of the
year in ONE scoring.hitung_skor call. Scoring a region alone cost ~9 ms, nearly all pandas' fixed cost, and 70
region-years × 23 steps made the demo build take ~12 s; the lockstep does 5 years × 23 calls instead.

hitung_skor sums per region with np.bincount, which adds each region's rows in their order, so a region's score in
the combined call is bit-identical to its score alone: every region follows exactly the path (q values and
comparisons) it would alone, and the generated data does not depend on the batching
(tests/demo/test_kalibrasi.py checks both).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import scoring

# How often evidence for an SID indicator is missing or weak; video, replikasi and regulasi most often.
RAWAN_SID = {"16": 0.55, "18": 0.35, "31": 0.7, "34": 0.4, "35": 0.6}
RAWAN_BAWAAN = 0.22
SULIT_SID = {"31": 1.0, "15": 0.5}  # replication is rarely achieved at all, so its claims run lower
STATUS_BUKTI = np.array(["ada", "kosong", "perlu_perbaikan", "ditolak"], dtype=object)
LANGKAH_BISEKSI = 22  # after q = 1: q is known to 1/2**22, far finer than the IID's ±0,3 allows


@dataclass(frozen=True)
class Draws:
    """Fixed uniform draws of one region-year; answers are monotone functions of q over these."""

    sid_level: np.ndarray  # (n, 20)
    sid_bukti: np.ndarray
    sid_jenis: np.ndarray
    sid_turun: np.ndarray
    inovasi_mutu: np.ndarray  # (n,) per-innovation quality offset
    inovasi_tolak: np.ndarray
    inovasi_verif: np.ndarray
    spd_level: np.ndarray  # (m,)
    spd_bukti: np.ndarray
    spd_turun: np.ndarray


def draws(rng: np.random.Generator, n: int, n_sid: int, n_spd: int) -> Draws:
    u = rng.random
    return Draws(
        sid_level=u((n, n_sid)),
        sid_bukti=u((n, n_sid)),
        sid_jenis=u((n, n_sid)),
        sid_turun=u((n, n_sid)),
        inovasi_mutu=rng.normal(0, 0.6, n),
        inovasi_tolak=u(n),
        inovasi_verif=u(n),
        spd_level=u(n_spd),
        spd_bukti=u(n_spd),
        spd_turun=u(n_spd),
    )


def level_klaim(q: float, u: np.ndarray, offset: np.ndarray | float) -> np.ndarray:
    # Offsets fade as q nears 1 so that a top region can reach near-perfect answers (Balangan 97,60).
    return np.clip(np.floor(5 * q - 0.6 + (1 - q) * offset + 1.8 * (u - 0.5)), 0, 3)


def status_bukti(
    klaim: np.ndarray, u: np.ndarray, jenis: np.ndarray, rawan: np.ndarray | float, q: float
) -> np.ndarray:
    hilang = u < np.clip(1.3 * rawan * (1 - q), 0, 0.95)
    kurang = np.where(jenis < 0.55, 1, np.where(jenis < 0.8, 2, 3))
    # by index into the four names: no string array built per answer (the national rehearsal has four million)
    return STATUS_BUKTI[np.where((klaim == 0) | hilang, kurang, 0)]


def level_verifikasi(klaim: np.ndarray, bukti: np.ndarray, turun: np.ndarray, q: float) -> np.ndarray:
    # A verifier accepts the claim, or one level less when the document supports less; no evidence gives 0.
    kurang = (turun < 0.3 * (1 - q)).astype(float)
    return np.where(bukti == "ada", np.maximum(klaim - kurang, 0), 0.0)


@dataclass(frozen=True)
class Salinan:
    """Answers an operator re-entered unchanged from last year: per row of this year (mask), the claims and
    evidence statuses to keep whatever the quality knob says."""

    baris: np.ndarray  # (n,) bool
    klaim: np.ndarray  # (n, 20); rows outside the mask are ignored
    bukti: np.ndarray


@dataclass(frozen=True)
class TahunWilayah:
    """Everything the answers of one region-year depend on besides q; the last n_draft innovations are drafts."""

    kode: str
    d: Draws
    urusan: list[str]
    sid_kode: list[str]
    spd_kode: list[str]
    sementara: bool
    n_draft: int
    salinan: Salinan | None


@dataclass(frozen=True)
class Jawaban:
    """Innovation statuses and the SID (n, 20) and SPD answer arrays of one region-year at one q."""

    status: np.ndarray
    klaim: np.ndarray
    bukti: np.ndarray
    verif: np.ndarray
    spd_klaim: np.ndarray
    spd_bukti: np.ndarray
    spd_verif: np.ndarray


def hitung_jawaban(t: TahunWilayah, q: float) -> Jawaban:
    """The answers at quality q. Copied rows keep last year's claims and evidence (so IID(q) stays monotone: they
    do not move with q)."""
    d = t.d
    offset = np.array([-SULIT_SID.get(k, 0.0) for k in t.sid_kode])[None, :] + d.inovasi_mutu[:, None]
    klaim = level_klaim(q, d.sid_level, offset)
    rawan = np.array([RAWAN_SID.get(k, RAWAN_BAWAAN) for k in t.sid_kode])[None, :]
    bukti = status_bukti(klaim, d.sid_bukti, d.sid_jenis, rawan, q)
    if t.salinan is not None:
        klaim = np.where(t.salinan.baris[:, None], t.salinan.klaim, klaim)
        bukti = np.where(t.salinan.baris[:, None], t.salinan.bukti, bukti)
    terverifikasi = d.inovasi_verif < (0.6 if t.sementara else 1.0)
    tolak = d.inovasi_tolak < 0.1 * (1 - q)
    status = np.where(terverifikasi, np.where(tolak, "ditolak", "diterima"), "dikirim").astype(object)
    if t.n_draft:
        status[-t.n_draft :] = "draft"
        terverifikasi[-t.n_draft :] = False
    verif = np.where(terverifikasi[:, None], level_verifikasi(klaim, bukti, d.sid_turun, q), np.nan)
    spd_klaim = level_klaim(q, d.spd_level, 0.3)
    spd_bukti = status_bukti(spd_klaim, d.spd_bukti, d.spd_level, 0.12, q)
    spd_verif = (
        np.full(len(t.spd_kode), np.nan) if t.sementara else level_verifikasi(spd_klaim, spd_bukti, d.spd_turun, q)
    )
    return Jawaban(status, klaim, bukti, verif, spd_klaim, spd_bukti, spd_verif)


def jawaban(t: TahunWilayah, q: float) -> tuple[np.ndarray, pd.DataFrame, pd.DataFrame]:
    """Innovation statuses and the SID/SPD answer frames of one region-year at quality q (SID rows by `baris`,
    the innovation's row number)."""
    j = hitung_jawaban(t, q)
    sid = pd.DataFrame(
        {
            "baris": np.repeat(np.arange(len(j.status)), len(t.sid_kode)),
            "kode_indikator": np.tile(t.sid_kode, len(j.status)),
            "level_klaim": j.klaim.ravel(),
            "status_bukti": j.bukti.ravel(),
            "level_verifikasi": j.verif.ravel(),
        }
    )
    spd = pd.DataFrame(
        {
            "kode_indikator": t.spd_kode,
            "level_klaim": j.spd_klaim,
            "status_bukti": j.spd_bukti,
            "level_verifikasi": j.spd_verif,
        }
    )
    return j.status, sid, spd


class SkorSerentak:
    """Scores many region-years of one year at their own q in one hitung_skor call. The columns that do not move
    with q (regions, ids, indicator codes, urusan) are built once here as Series, not at every bisection step:
    turning strings into pandas' string columns was a good part of each step's cost."""

    def __init__(self, daftar: list[TahunWilayah], m: scoring.Metodologi) -> None:
        if len({t.kode for t in daftar}) != len(daftar):
            raise ValueError("satu wilayah hanya sekali per kalibrasi serentak")
        self.daftar = daftar
        self.m = m
        n = [len(t.urusan) for t in daftar]
        # ids unique over the whole batch: the innovation's row number in it (integers factorize fastest)
        ids = np.arange(sum(n))
        self.inovasi = {
            "kode_wilayah": pd.Series(np.repeat([t.kode for t in daftar], n)),
            "id_inovasi": pd.Series(ids),
            "urusan_utama": pd.Series([u for t in daftar for u in t.urusan]),
        }
        self.sid = {
            "id_inovasi": pd.Series(np.repeat(ids, np.repeat([len(t.sid_kode) for t in daftar], n))),
            "kode_indikator": pd.Series(
                np.concatenate([np.tile(t.sid_kode, k) for t, k in zip(daftar, n, strict=True)])
            ),
        }
        self.spd = {
            "kode_wilayah": pd.Series(np.repeat([t.kode for t in daftar], [len(t.spd_kode) for t in daftar])),
            "kode_indikator": pd.Series(np.concatenate([t.spd_kode for t in daftar])),
        }

    def iid(self, qs: list[float]) -> np.ndarray:
        """Unrounded IID of every region-year (in the order given) at its own q."""
        js = [hitung_jawaban(t, q) for t, q in zip(self.daftar, qs, strict=True)]
        data = scoring.DataPenilaian(
            inovasi=pd.DataFrame(self.inovasi | {"status_inovasi": np.concatenate([j.status for j in js])}),
            jawaban_sid=pd.DataFrame(
                self.sid
                | {
                    "level_klaim": np.concatenate([j.klaim.ravel() for j in js]),
                    "status_bukti": np.concatenate([j.bukti.ravel() for j in js]),
                    "level_verifikasi": np.concatenate([j.verif.ravel() for j in js]),
                }
            ),
            jawaban_spd=pd.DataFrame(
                self.spd
                | {
                    "level_klaim": np.concatenate([j.spd_klaim for j in js]),
                    "status_bukti": np.concatenate([j.spd_bukti for j in js]),
                    "level_verifikasi": np.concatenate([j.spd_verif for j in js]),
                }
            ),
        )
        skor = scoring.hitung_skor(data, self.m)
        iid = dict(zip(skor["kode_wilayah"], skor["iid_mentah"].to_numpy(), strict=True))
        return np.array([iid[t.kode] for t in self.daftar])


def calibrate(daftar: list[TahunWilayah], target: list[float], m: scoring.Metodologi) -> list[float]:
    """Per region-year of one year, bisect q so that its IID lands as close to its target as the draws allow.
    All of them in lockstep: each step scores every region once, in one call (see the module docstring)."""
    if not daftar:
        return []
    serentak = SkorSerentak(daftar, m)
    sasaran = np.asarray(target, dtype=float)
    lo, hi = np.zeros(len(daftar)), np.ones(len(daftar))
    best = [(abs(v - s), 1.0) for v, s in zip(serentak.iid([1.0] * len(daftar)), sasaran, strict=True)]
    for _ in range(LANGKAH_BISEKSI):
        # float64 arrays do the same IEEE arithmetic as one region's Python floats did: same q, same comparisons
        mid = (lo + hi) / 2
        value = serentak.iid(mid.tolist())
        best = [min(b, (abs(v - s), q)) for b, v, s, q in zip(best, value, sasaran, mid.tolist(), strict=True)]
        naik = value < sasaran
        lo, hi = np.where(naik, mid, lo), np.where(naik, hi, mid)
    return [q for _, q in best]
