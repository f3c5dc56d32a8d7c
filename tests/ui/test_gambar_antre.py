"""Anonymous visitors cannot exhaust the server through PNG renders or uploads: a process renders at most
MAKS_SERENTAK charts with Chromium at once, a further click waits its turn while the page says "sedang antre",
and Streamlit's upload limit is set well below its 200 MB default."""

from __future__ import annotations

import threading
import time
import tomllib
from contextlib import ExitStack
from pathlib import Path

import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from dasbor.ekspor import gambar

ROOT = Path(__file__).resolve().parents[2]


def _halaman_dengan_tombol_png() -> None:
    import plotly.graph_objects as go

    from dasbor.ui.unduh import tombol_unduh_grafik

    tombol_unduh_grafik(go.Figure(go.Bar(x=["a"], y=[1])), "grafik uji", "uji")


def _teks(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_a_render_waits_for_a_free_slot_and_the_page_says_it_is_queued() -> None:
    hasil: list[bytes] = []
    with ExitStack() as semua_slot:
        for _ in range(gambar.MAKS_SERENTAK):
            semua_slot.enter_context(gambar.giliran())
        assert gambar.antrean() == (gambar.MAKS_SERENTAK, 0)
        utas = threading.Thread(
            target=lambda: hasil.append(gambar.grafik_png(go.Figure(go.Bar(x=["a"], y=[1])), 300, 200, 1))
        )
        utas.start()
        batas = time.monotonic() + 30
        while gambar.antrean()[1] != 1 and time.monotonic() < batas:
            time.sleep(0.05)
        assert gambar.antrean() == (gambar.MAKS_SERENTAK, 1)
        time.sleep(1)
        assert utas.is_alive() and not hasil, "the render must wait while every slot is taken"
        at = AppTest.from_function(_halaman_dengan_tombol_png).run(timeout=60)
        assert "sedang antre" in _teks(at) and "1 menunggu" in _teks(at)
    utas.join(timeout=180)
    assert hasil and hasil[0].startswith(b"\x89PNG")
    assert gambar.antrean() == (0, 0)
    at = AppTest.from_function(_halaman_dengan_tombol_png).run(timeout=60)
    assert "sedang antre" not in _teks(at)


def test_uploads_are_capped_well_below_streamlits_default() -> None:
    konfig = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert 0 < konfig["server"]["maxUploadSize"] <= 50
