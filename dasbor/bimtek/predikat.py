"""Distance to the next predikat band under a rule version's own thresholds."""

from __future__ import annotations

import scoring


def predikat_berikutnya(iid: float, m: scoring.Metodologi) -> tuple[str, float] | None:
    """The next band up and its lower bound, or None when the (rounded) IID is already in the highest band."""
    for p in reversed(m.predikat):  # lowest band first
        if p.batas_bawah > iid + 1e-9:
            return p.nama, p.batas_bawah
    return None


def jarak_predikat_berikutnya(iid: float, m: scoring.Metodologi) -> float | None:
    """IID points still needed to reach the next band, rounded like the IID itself; None in the highest band."""
    berikut = predikat_berikutnya(iid, m)
    if berikut is None:
        return None
    return float(scoring.bulatkan(berikut[1] - iid, m.digit_iid))
