"""How long does a bimtek deck take? Run: .venv/bin/python benchmarks/bimtek.py [--tahun 2024]

On the demo database ($DASBOR_DB or data/iid.duckdb, built if absent) prints from one run:
- gathering a year's data (queries, scores of every year, gaps, re-score; once per published copy in the app) and
  building the slides from it (per filter change);
- chart rendering with one kaleido/Chromium per deck: total, and per chart after the first;
- each writer (PPTX, PDF, XLSX) on the rendered charts, and the file sizes.
Targets are printed next to the figures, not asserted: machines differ.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from dasbor.bimtek import gambar as gambar_mod  # noqa: E402
from dasbor.bimtek.bahan import kumpulkan  # noqa: E402
from dasbor.bimtek.ekspor_pdf import tulis_pdf  # noqa: E402
from dasbor.bimtek.ekspor_pptx import tulis_pptx  # noqa: E402
from dasbor.bimtek.ekspor_xlsx import tulis_xlsx  # noqa: E402
from dasbor.bimtek.susun import susun_deck  # noqa: E402

TARGET_SIAP = 15.0  # seconds from 'Siapkan berkas' to three files on a 2-core laptop


def _waktu(fungsi):
    mulai = time.perf_counter()
    hasil = fungsi()
    return hasil, time.perf_counter() - mulai


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tahun", type=int, default=2024)
    tahun = parser.parse_args().tahun

    bahan, kumpul = _waktu(lambda: kumpulkan(tahun, "terverifikasi"))
    deck, susun = _waktu(lambda: susun_deck(bahan))
    grafik = sum(s.figur is not None for s in deck.slides)
    print(f"Deck {tahun}: {len(deck.slides)} slide, {grafik} grafik")
    print(f"kumpulkan data {kumpul:.2f} s (sekali per terbitan), susun slide dari data itu {susun:.2f} s")

    gambar, render = _waktu(lambda: gambar_mod.render_gambar(deck))
    satu, render_satu = _waktu(lambda: gambar_mod.render_gambar(_satu_grafik(deck)))
    per_grafik = (render - render_satu) / max(grafik - 1, 1)
    print(
        f"render {len(gambar)} grafik {render:.2f} s (satu grafik termasuk start Chromium {render_satu:.2f} s; "
        f"tiap grafik berikutnya ≈ {per_grafik:.2f} s)"
    )

    total = render
    for nama, tulis in (
        ("PPTX", lambda: tulis_pptx(deck, gambar)),
        ("PDF", lambda: tulis_pdf(deck, gambar)),
        ("XLSX", lambda: tulis_xlsx(deck)),
    ):
        data, detik = _waktu(tulis)
        total += detik
        print(f"{nama}: {detik:.2f} s, {len(data) / 1024:.0f} KB")
    print(
        f"Siapkan berkas (render + tiga penulis): {total:.2f} s; target ≤ {TARGET_SIAP:.0f} s "
        f"({'tercapai' if total <= TARGET_SIAP else 'TIDAK tercapai'})"
    )


def _satu_grafik(deck):
    """The same deck cut to its first chart slide: what one Chromium start plus one chart costs."""
    pertama = next(s for s in deck.slides if s.figur is not None)
    return replace(deck, slides=[pertama])


if __name__ == "__main__":
    main()
