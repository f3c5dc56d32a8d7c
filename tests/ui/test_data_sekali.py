"""ui.data.sekali: a cached service function keeps its signature, shares one entry for equal arguments (defaults
filled in), and holds at most its bound, so a visitor typing new arguments (an event name on Presentasi) cannot grow
the process without limit."""

from __future__ import annotations

import inspect
from datetime import date
from pathlib import Path

import pytest

from dasbor.bimtek import susun
from dasbor.bimtek.model import Acara, PilihanDeck
from dasbor.services import hasil
from dasbor.ui import data


def test_a_cached_function_keeps_the_signature_of_the_service() -> None:
    assert inspect.signature(data.peringkat) == inspect.signature(hasil.peringkat)
    assert data.peringkat.__doc__ == hasil.peringkat.__doc__


def test_equal_arguments_share_one_entry_and_the_bound_drops_the_oldest(demo_env: Path) -> None:
    hitung: list[tuple[int, str]] = []

    def skor_contoh(tahun: int, basis: str = "terverifikasi") -> str:
        hitung.append((tahun, basis))
        return f"{tahun}-{basis}"

    tersimpan = data.sekali(skor_contoh, maks=3)
    assert tersimpan(2024) == tersimpan(2024, "terverifikasi") == tersimpan(tahun=2024) == "2024-terverifikasi"
    assert hitung == [(2024, "terverifikasi")]
    for tahun in (2021, 2022, 2023):
        tersimpan(tahun)
    assert len(tersimpan.simpanan) == 3
    tersimpan(2024)  # the oldest entry was dropped: computed again
    assert hitung == [(2024, "terverifikasi"), (2021, "terverifikasi"), (2022, "terverifikasi")] + [
        (2023, "terverifikasi"),
        (2024, "terverifikasi"),
    ]


def test_decks_per_typed_event_name_are_bounded(demo_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new event name is a new deck; past the bound the oldest go, and the deck asked for is still right.
    The deck store's bound is lowered to two for the test: past any bound the store drops its oldest alike (the
    test above), and each deck built to pass the real bound of eight cost about a second."""
    monkeypatch.setattr(data.deck.simpanan, "_maks", 2)
    batas = data.deck.simpanan._maks
    wilayah = data.daftar_wilayah()
    urutan = susun.urutan_bawaan(wilayah)
    for i in range(batas + 1):
        deck = data.deck(
            PilihanDeck(
                2024,
                "terverifikasi",
                data.pembanding_bawaan(),
                tuple(urutan),
                Acara(f"Bimtek {i}", "Banjarbaru", date(2026, 3, 2)),
            )
        )
        assert deck.acara.nama == f"Bimtek {i}"
    assert len(data.deck.simpanan) == batas
    assert len(data.bahan_bimtek.simpanan) == 1  # the year's data is gathered once for all of them
