"""The demo's 2024 deck, built once for the modules that read it (building gathers every year's scores)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dasbor.bimtek.model import Acara, Deck
from dasbor.bimtek.susun import build_deck

ACARA = Acara("Bimtek IID Hulu Sungai", "Kandangan", date(2025, 5, 27))


@pytest.fixture(scope="session")
def deck_2024(demo_db: Path) -> Deck:
    """A deck is plain data once built: treat it as read-only."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_DB", str(demo_db))
        return build_deck(2024, acara=ACARA)
