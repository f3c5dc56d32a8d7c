"""The demo's 2024 deck, built once for the modules that read it (building gathers every year's scores), and the
gathered 2024 data itself, from which the tests of other slide choices arrange their decks (susun_deck, the
pure half of build_deck, with the same checks of the choices) instead of gathering every year again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dasbor.bimtek.bahan import Bahan, kumpulkan
from dasbor.bimtek.model import Acara, Deck
from dasbor.bimtek.susun import build_deck

ACARA = Acara("Bimtek IID Hulu Sungai", "Kandangan", date(2025, 5, 27))


@pytest.fixture(scope="session")
def deck_2024(demo_db: Path) -> Deck:
    """A deck is plain data once built: treat it as read-only."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_DB", str(demo_db))
        return build_deck(2024, acara=ACARA)


@pytest.fixture(scope="session")
def bahan_2024(demo_db: Path) -> Bahan:
    """The demo's 2024 data on the verified basis as build_deck gathers it: plain data, treat it as read-only."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_DB", str(demo_db))
        return kumpulkan(2024, "terverifikasi")
