"""Issue 9's promise for a room: once a terbitan's results are cached, a page visit runs no database query (every
query would otherwise be paid by each of 65 visitors). Each page is opened twice, the way the first visitor warms
what it needs, and the second visit must not open a single cursor on the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from dasbor.db.connection import Database
from dasbor.halaman import HALAMAN as DAFTAR_HALAMAN
from tests.pages.apptest_bantu import buka

# Impor writes by design; every other page only reads. Filters as a shared link carries them.
TAHUN = {"peringkat": "2024", "bandingkan": "2024", "profil": "2024", "kelengkapan": "2024", "simulasi": "2024"}
TAHUN |= {"inovasi": "2025", "presentasi": "2024"}
HALAMAN = [(h.nama, {"tahun": TAHUN[h.nama]} if h.nama in TAHUN else {}) for h in DAFTAR_HALAMAN if not h.menulis]


@pytest.mark.parametrize(("halaman", "query"), HALAMAN, ids=[h for h, _ in HALAMAN])
def test_a_warm_page_visit_runs_no_query(
    halaman: str, query: dict[str, str], demo_env_modul: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buka(halaman, **query)  # the first visitor of the terbitan: computes and caches
    kursor: list[str] = []
    asli = Database.cursor

    def dicatat(self: Database):  # counts, then opens the real cursor
        kursor.append(str(self.path))
        return asli(self)

    monkeypatch.setattr(Database, "cursor", dicatat)
    buka(halaman, **query)
    assert kursor == [], f"halaman {halaman}: kunjungan kedua membuka {len(kursor)} kursor basis data"
