"""A deliberately naive second implementation of hitung_skor: plain Python loops over dict rows.

Why it exists:
- cross-check: tests compare it with the vectorised scoring.compute on random data, so a slip in the numpy
  indexing there (a misaligned bincount, a wrong mask) shows up as a disagreement instead of a plausible number;
- benchmark baseline: benchmarks/skor.py times it to show what the vectorisation buys.

It reads the same Metodologi object but shares no code with compute.py: the rules are written out once more,
one row at a time, in the order the methodology states them. Rounding is done with Decimal, as on paper.
Keep it slow and obvious; do not optimise it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from scoring.model import BASIS, KOLOM_RINGKAS, STATUS_DINILAI, DataPenilaian, Metodologi


def _level(jawaban: dict[str, Any], basis: str) -> float:
    """Verified level when set, else the claim when its evidence is 'ada', else 0; basis 'klaim': the claim."""
    if basis == "klaim":
        return 0.0 if pd.isna(jawaban["level_klaim"]) else float(jawaban["level_klaim"])
    if not pd.isna(jawaban["level_verifikasi"]):
        return float(jawaban["level_verifikasi"])
    if jawaban["status_bukti"] == "ada" and not pd.isna(jawaban["level_klaim"]):
        return float(jawaban["level_klaim"])
    return 0.0


def _bulatkan(nilai: float, digit: int) -> Decimal:
    # Nine decimals first so that binary noise (60.004999999999995 for 60.005) does not decide the half.
    return Decimal(f"{nilai:.9f}").quantize(Decimal(1).scaleb(-digit), rounding=ROUND_HALF_UP)


def _predikat(iid: Decimal, m: Metodologi) -> str:
    for p in sorted(m.predikat, key=lambda p: p.batas_bawah, reverse=True):
        if iid >= Decimal(str(p.batas_bawah)):
            return p.nama
    return m.predikat_nol


def hitung_skor_referensi(data: DataPenilaian, m: Metodologi, basis: str = "terverifikasi") -> pd.DataFrame:
    """Same per-wilayah numbers as compute.hitung_skor, columns KOLOM_RINGKAS, sorted by kode_wilayah."""
    if basis not in BASIS:
        raise ValueError(f"basis '{basis}' tidak dikenal")
    bobot_spd = {i.kode: i.bobot for i in m.indikator_aspek("SPD")}
    bobot_sid = {i.kode: i.bobot for i in m.indikator_aspek("SID")}
    wilayah: dict[str, dict[str, Any]] = {}

    def tally(kode_wilayah: Any) -> dict[str, Any]:
        return wilayah.setdefault(
            str(kode_wilayah), {"spd": 0.0, "kematangan": 0.0, "n": 0, "n_jumlah": 0, "urusan": set()}
        )

    inovasi: dict[Any, tuple[str, dict[str, Any]]] = {}
    portal: dict[Any, float] = {}  # the portal's kematangan of each innovation that has one
    for row in data.inovasi.to_dict("records"):
        if not pd.isna(row.get("kematangan_portal")):
            portal[row["id_inovasi"]] = float(row["kematangan_portal"])
        status = row["status_inovasi"]
        if basis == "klaim" and status == "ditolak":
            status = "diterima"
        t = tally(row["kode_wilayah"])
        inovasi[row["id_inovasi"]] = (status, t)
        if status in STATUS_DINILAI or (status == "ditolak" and m.ditolak_dihitung):
            t["n"] += 1
        if status in m.status_jumlah:
            t["n_jumlah"] += 1
            t["urusan"].add(row["urusan_utama"])
    dijawab = set()
    for row in data.jawaban_sid.to_dict("records"):
        dijawab.add(row["id_inovasi"])
        status, t = inovasi[row["id_inovasi"]]
        if status in STATUS_DINILAI:  # a rejected innovation keeps its seat in n but scores nothing
            t["kematangan"] += bobot_sid[row["kode_indikator"]] * _level(row, basis)
    # Without a single answer, the portal's kematangan stands in, on the portal's scale turned into this version's.
    if basis == "klaim" or m.kematangan_portal.basis_terverifikasi:
        for id_inovasi, nilai in portal.items():
            status, t = inovasi[id_inovasi]
            if id_inovasi not in dijawab and status in STATUS_DINILAI:
                t["kematangan"] += nilai / m.kematangan_portal.maks * m.maks_sid_per_inovasi
    for row in data.jawaban_spd.to_dict("records"):
        tally(row["kode_wilayah"])["spd"] += bobot_spd[row["kode_indikator"]] * _level(row, basis)

    rows = []
    for kode in sorted(wilayah):
        t = wilayah[kode]
        jumlah = m.poin_per_inovasi * min(t["n_jumlah"], m.batas_inovasi)
        yandas = m.syarat_yandas
        if yandas is not None and len(t["urusan"] & set(yandas.urusan)) < yandas.minimum_urusan:
            jumlah = 0.0
        sid = t["kematangan"] / max(m.pembagi_minimum, t["n"]) + jumlah
        total = t["spd"] + sid
        iid = _bulatkan(total / m.maks_total * 100, m.digit_iid)
        rows.append(
            {
                "kode_wilayah": kode,
                "n_inovasi": t["n"],
                "skor_spd": t["spd"],
                "skor_sid": sid,
                "skor_jumlah_inovasi": jumlah,
                "skor_total": total,
                "iid": float(iid),
                "predikat": _predikat(iid, m),
            }
        )
    return pd.DataFrame(rows, columns=list(KOLOM_RINGKAS))
