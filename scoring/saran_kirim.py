"""Which of a region's eligible innovations to send so that its SID, and so its IID, is highest (issue 18 §5).

Only sent innovations are scored, so a pemda holds back those that would lower its score (Tanah Laut 2022 entered
28 and sent 10). With every candidate sent as 'dikirim', the SID of a subset S is

    Σ_{i∈S} kematangan_i ÷ MAX(k, |S|) + [yandas covered by S] × poin_per_inovasi × MIN(|S|, batas_inovasi)

and SPD does not depend on S. For a fixed size n the best S is either the n highest kematangan, or, where the
yandas gate matters, a set covering some `minimum_urusan` yandas urusan U: by exchange, it holds the highest
kematangan innovation of each urusan in U (swapping any other innovation of that urusan for it keeps the
coverage and raises the sum) and the highest of the rest. Evaluating every n for the plain prefix and for each U
(at most C(6, 5) = 6 sets) is therefore exact; tests/scoring/test_saran_kirim.py checks it against every subset
of small cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from scoring.model import Metodologi

TOLERANSI_SKOR = 1e-9


@dataclass(frozen=True)
class SaranKirim:
    """The advice for one region: `dikirim` and `alasan` per candidate (input order), the size sent and its SID."""

    dikirim: np.ndarray
    alasan: tuple[str, ...]
    n: int
    skor_sid: float
    urusan_yandas_dipaksa: tuple[str, ...]  # yandas urusan whose best innovation is sent although not in the top n


def _yandas_terpenuhi(urusan: set[object], m: Metodologi) -> bool:
    syarat = m.syarat_yandas
    return syarat is None or len(urusan & set(syarat.urusan)) >= syarat.minimum_urusan


def skor_sid_kiriman(kematangan: Sequence[float], urusan: Sequence[object], m: Metodologi) -> float:
    """SID when exactly these innovations are sent (all 'dikirim'): the formula above, written out."""
    n = len(kematangan)
    jumlah = m.poin_per_inovasi * min(n, m.batas_inovasi) if _yandas_terpenuhi(set(urusan), m) else 0.0
    return float(sum(kematangan)) / max(m.pembagi_minimum, n) + jumlah


def _skor_prefiks(jumlah_prefiks: np.ndarray, n: np.ndarray, terpenuhi: np.ndarray, m: Metodologi) -> np.ndarray:
    return jumlah_prefiks / np.maximum(m.pembagi_minimum, n) + np.where(
        terpenuhi, m.poin_per_inovasi * np.minimum(n, m.batas_inovasi), 0.0
    )


def pilih_kiriman(kematangan: Sequence[float], urusan: Sequence[object], m: Metodologi) -> SaranKirim:
    """The subset of candidates maximising SID under `m` (see the module docstring). Ties go to the plain
    highest-kematangan-first choice, then to sending more."""
    k = np.asarray(kematangan, dtype=float)
    urusan = list(urusan)
    total = len(k)
    urutan = np.argsort(-k, kind="stable")  # highest first; equal kematangan keep their input order
    ukuran = np.arange(total + 1)
    prefiks = np.concatenate([[0.0], np.cumsum(k[urutan])])
    # coverage of each prefix of `urutan`: the distinct yandas urusan among its first n
    tercakup: set[object] = set()
    terpenuhi = np.zeros(total + 1, dtype=bool)
    terpenuhi[0] = _yandas_terpenuhi(tercakup, m)
    for j, i in enumerate(urutan, start=1):
        tercakup.add(urusan[i])
        terpenuhi[j] = _yandas_terpenuhi(tercakup, m)
    skor = _skor_prefiks(prefiks, ukuran, terpenuhi, m)
    # candidates: (score, is the plain prefix, n, chosen set)
    n_terbaik = int(max(ukuran, key=lambda n: (round(skor[n] / TOLERANSI_SKOR), n)))
    terbaik = (skor[n_terbaik], True, n_terbaik, set(urutan[:n_terbaik].tolist()), ())
    if m.syarat_yandas is not None:
        pertama: dict[object, int] = {}
        for i in urutan:
            if urusan[i] in m.syarat_yandas.urusan:
                pertama.setdefault(urusan[i], int(i))
        for pilihan in combinations(sorted(pertama, key=str), m.syarat_yandas.minimum_urusan):
            paksa = [pertama[u] for u in pilihan]
            sisa = [int(i) for i in urutan if int(i) not in set(paksa)]
            dasar = float(k[paksa].sum())
            sisa_prefiks = np.concatenate([[0.0], np.cumsum(k[sisa])])
            for n in range(len(paksa), total + 1):
                nilai = (dasar + sisa_prefiks[n - len(paksa)]) / max(m.pembagi_minimum, n) + m.poin_per_inovasi * min(
                    n, m.batas_inovasi
                )
                if nilai > terbaik[0] + TOLERANSI_SKOR or (
                    not terbaik[1] and abs(nilai - terbaik[0]) <= TOLERANSI_SKOR and n > terbaik[2]
                ):
                    himpunan = set(paksa) | set(sisa[: n - len(paksa)])
                    diluar_prefiks = tuple(u for u, i in zip(pilihan, paksa, strict=True) if i not in set(urutan[:n]))
                    terbaik = (nilai, False, n, himpunan, diluar_prefiks)
    skor_sid, _, n, himpunan, dipaksa = terbaik
    dikirim = np.zeros(total, dtype=bool)
    dikirim[list(himpunan)] = True
    return SaranKirim(dikirim, _alasan(urutan, dikirim, n, urusan, dipaksa, m), n, float(skor_sid), dipaksa)


def _alasan(
    urutan: np.ndarray, dikirim: np.ndarray, n: int, urusan: list[object], dipaksa: tuple[str, ...], m: Metodologi
) -> tuple[str, ...]:
    """Why each candidate is sent or held, above all where the advice departs from highest kematangan first."""
    peringkat = np.empty(len(urutan), dtype=int)
    peringkat[urutan] = np.arange(len(urutan))
    alasan = []
    for i, kirim in enumerate(dikirim):
        teratas = peringkat[i] < n
        if kirim and teratas:
            alasan.append(f"termasuk {n} kematangan tertinggi")
        elif kirim:
            alasan.append(
                f"dikirim untuk menutup urusan pelayanan dasar '{urusan[i]}' (syarat skor jumlah inovasi: "
                f"{m.syarat_yandas.minimum_urusan if m.syarat_yandas else 0} urusan), walau kematangannya di luar "
                f"{n} tertinggi"
            )
        elif teratas:
            alasan.append(
                "ditahan walau kematangannya termasuk "
                f"{n} tertinggi: tempatnya dipakai inovasi urusan pelayanan dasar ({', '.join(map(str, dipaksa))})"
            )
        else:
            alasan.append(
                f"ditahan: mengirimnya menurunkan rata-rata kematangan (pembagi MAX({m.pembagi_minimum}, n)) lebih "
                "dari tambahan skor jumlah inovasi"
            )
    return tuple(alasan)
