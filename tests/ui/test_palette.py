"""The predikat palette stays readable where it will be seen: on a projector, in greyscale print, and by the
one in twelve men with red-green colour blindness. Simulation: Machado, Oliveira & Fernandes (2009), severity 1."""

from itertools import combinations

import numpy as np
import pytest

import scoring
from dasbor.visual.palette import PREDIKAT_TEKS, PREDIKAT_WARNA, URUTAN_PREDIKAT, transparan, warna_predikat

MACHADO = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def linear(warna: str) -> np.ndarray:
    c = np.array([int(warna[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminans(rgb: np.ndarray) -> float:
    return float(0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2])


def lab(rgb: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ rgb
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 0.008856, np.cbrt(t), 7.787 * t + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def kontras(a: str, b: str) -> float:
    la, lb = sorted([luminans(linear(a)), luminans(linear(b))], reverse=True)
    return (la + 0.05) / (lb + 0.05)


PASANGAN = list(combinations(URUTAN_PREDIKAT, 2))


@pytest.mark.parametrize("penglihatan", [None, *MACHADO])
def test_band_colours_stay_apart_for_colour_blind_viewers(penglihatan: str | None) -> None:
    for a, b in PASANGAN:
        ra, rb = linear(PREDIKAT_WARNA[a]), linear(PREDIKAT_WARNA[b])
        if penglihatan:
            m = np.array(MACHADO[penglihatan])
            ra, rb = np.clip(m @ ra, 0, 1), np.clip(m @ rb, 0, 1)
        # ΔE*ab ≥ 30 is far beyond "just noticeable" (≈2.3): the bands are told apart at a glance.
        assert np.linalg.norm(lab(ra) - lab(rb)) >= 30, (penglihatan, a, b)


def test_band_colours_differ_in_lightness_for_greyscale_and_washed_out_projectors() -> None:
    for a, b in PASANGAN:
        la, lb = lab(linear(PREDIKAT_WARNA[a]))[0], lab(linear(PREDIKAT_WARNA[b]))[0]
        assert abs(la - lb) >= 10, (a, b, la, lb)


@pytest.mark.parametrize("predikat", URUTAN_PREDIKAT)
def test_label_text_on_each_band_meets_wcag_contrast(predikat: str) -> None:
    assert kontras(PREDIKAT_WARNA[predikat], PREDIKAT_TEKS[predikat]) >= 4.5


def test_every_band_of_every_rule_version_has_a_colour() -> None:
    for m in scoring.semua_metodologi():
        for nama in [p.nama for p in m.predikat] + [m.predikat_nol]:
            assert nama in PREDIKAT_WARNA, (m.versi, nama)


def test_unknown_band_is_drawn_grey_not_dropped_and_alpha_helper() -> None:
    assert warna_predikat("Predikat Baru") == "#9E9E9E"
    assert transparan("#0B4F6C", 0.15) == "rgba(11,79,108,0.15)"
