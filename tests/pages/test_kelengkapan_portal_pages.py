"""AppTest of the Kelengkapan page on a region known only from its portal export at Pemprov scale (penguji/
wilayah_portal.py: 300 rows over 150 perangkat daerah, no answers, no SPD): priced gaps per perangkat daerah, a
bounded chart, every perangkat daerah in a searchable table, and a portal innovation's gaps with what to do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from penguji.wilayah_portal import baris_portal, tulis_wilayah_portal
from tests.conftest import bersihkan_cache

ROOT = Path(__file__).resolve().parents[2]
KODE, N, N_PD = "63.09", 300, 150


@pytest.fixture(scope="module")
def portal_env(tmp_path_factory: pytest.TempPathFactory, demo_db: Path) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("portal_halaman") / "iid.duckdb"
    path.write_bytes(demo_db.read_bytes())
    tulis_wilayah_portal(path, KODE, 2025, N, N_PD)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_DB", str(path))
        bersihkan_cache()
        yield path
    bersihkan_cache()


def buka(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "kelengkapan.py"), default_timeout=300)
    for k, v in {"tahun": "2025", "wilayah": "Kabupaten Tabalong", **query}.items():
        at.query_params[k] = v
    return at.run()


def test_priced_gaps_per_perangkat_daerah_bounded_chart_and_search(portal_env: Path) -> None:
    at = buka()
    assert not at.exception
    tabel = next(d.value for d in at.dataframe if d.key and d.key.startswith("pd_tabel_"))
    assert len(tabel) > 100 and tabel["Poin IID"].gt(0).sum() > 100  # priced, not "N celah, 0 poin"
    batang = json.loads(at.get("plotly_chart")[1].proto.spec)["data"][0]
    assert len(batang["y"]) == 15  # the 10 largest and the 5 smallest, never one bar per perangkat daerah
    assert any("10 teratas dan 5 terbawah" in c.value for c in at.caption)
    at.text_input(key="cari_pd_2025_63.09").input("SLB NEGERI 3 ").run()
    tabel = next(d.value for d in at.dataframe if d.key and d.key.startswith("pd_tabel_"))
    assert 0 < len(tabel) < 10 and tabel["Perangkat daerah"].str.contains("SLB NEGERI 3 ").all()


def test_a_portal_innovation_shows_its_gaps_and_what_to_do_in_the_portal(portal_env: Path) -> None:
    _, inovasi = baris_portal(KODE, 2025, N, N_PD)
    satu = inovasi[(inovasi["kematangan"] < 111) & inovasi["tanggal_penerapan"].dt.year.between(2023, 2024)].iloc[0]
    at = buka(perangkat_daerah=satu["id_perangkat_daerah"], inovasi=satu["id_inovasi"])
    assert not at.exception
    teks = " ".join(w.value for w in at.warning)
    assert "Kematangan" in teks and "Di portal:" in teks and "poin IID" in teks
