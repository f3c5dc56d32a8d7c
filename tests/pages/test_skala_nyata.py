"""Real scale on the pages (issue 23 §6), AppTest on a region of 300 perangkat daerah accounts: the Inovasi page's
kematangan chart draws the top and bottom few, the table under it holds every account and is searched, the accounts
group (schools under their kabupaten, puskesmas, kecamatan), and the Profil page's chart per perangkat daerah is
bounded the same way."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dasbor.db import terbitan
from dasbor.db.write import insert_frame
from dasbor.visual.charts import TEPI, teks_sisa
from tests.conftest import bersihkan_cache
from tests.pages.apptest_bantu import buka, grafik
from tests.ui.test_kelompok_pd import wilayah_300

TAHUN = 2025
WILAYAH = "63.09"  # Kabupaten Tabalong's 2025 list replaced by 300 accounts, one innovation each


@pytest.fixture(scope="module")
def db_300(tmp_path_factory: pytest.TempPathFactory, demo_db: Path) -> Path:
    path = tmp_path_factory.mktemp("skala") / "iid.duckdb"
    shutil.copy(demo_db, path)
    contoh = wilayah_300()
    pd_baru = pd.DataFrame(
        {
            "id_perangkat_daerah": [f"{WILAYAH}-pd{i:03d}" for i in range(300)],
            "kode_wilayah": WILAYAH,
            "nama_perangkat_daerah": contoh["nama_perangkat_daerah"],
            "singkatan": None,
        }
    )
    with terbitan.penulis(path, paksa=True) as db, db.transaction() as cur:
        param = {"t": TAHUN, "w": WILAYAH}
        cur.execute(
            "DELETE FROM jawaban_sid WHERE tahun = $t AND id_inovasi IN "
            "(SELECT id_inovasi FROM inovasi WHERE tahun = $t AND kode_wilayah = $w)",
            param,
        )
        [(sumber,)] = cur.execute("SELECT min(id_sumber_data) FROM sumber_data").fetchall()
        cur.execute("DELETE FROM inovasi WHERE tahun = $t AND kode_wilayah = $w", param)
        insert_frame(cur, "perangkat_daerah", pd_baru)
        inovasi = pd.DataFrame(
            {
                "id_inovasi": [f"{WILAYAH}-{TAHUN}-s{i:03d}" for i in range(300)],
                "tahun": TAHUN,
                "kode_wilayah": WILAYAH,
                "id_perangkat_daerah": pd_baru["id_perangkat_daerah"],
                "nama_inovasi": [f"Inovasi skala {i:03d}" for i in range(300)],
                "tahapan": "penerapan",
                "status_inovasi": "dikirim",
                "urusan_utama": "pendidikan",
                "tanggal_penerapan": pd.Timestamp("2024-03-01"),
                "id_sumber_data": sumber,
                "kematangan": contoh["kematangan_kirim"].round(0),
                "sumber": "portal",
            }
        )
        insert_frame(cur, "inovasi", inovasi)
    return path


@pytest.fixture
def env_300(db_300: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DASBOR_DB", str(db_300))
    bersihkan_cache()
    yield db_300
    bersihkan_cache()


def _y(at, judul: str) -> list[str]:
    [fig] = [g for g in grafik(at) if judul in json.dumps(g["layout"]["title"], ensure_ascii=False)]
    return fig["data"][0]["y"]


def _tabel(at) -> pd.DataFrame:
    """The table of every perangkat daerah under the kematangan chart."""
    [tabel] = [d.value for d in at.dataframe if "Rata-rata kematangan" in d.value.columns]
    return tabel


@pytest.mark.usefixtures("env_300")
def test_inovasi_300_perangkat_daerah() -> None:
    at = buka("inovasi", tahun=str(TAHUN), wilayah="Kabupaten Tabalong")
    y = _y(at, "tertinggi dan")
    assert len(y) == 2 * TEPI + 1 and y[TEPI] == teks_sisa(300 - 2 * TEPI, "perangkat daerah")
    assert y[-1] == "KECAMATAN 49" and y[0] == "Dinas Urusan 00"
    tabel = _tabel(at)
    assert len(tabel) == 300 and tabel.columns[0] == "Perangkat daerah"
    at.text_input(key="cari_kematangan_opd").input("puskesmas 4").run()
    tabel = _tabel(at)
    assert sorted(tabel["Perangkat daerah"]) == sorted(f"UPT PUSKESMAS {i}" for i in [4, *range(40, 50)])
    # grouped: 40 dinas, 5 kabupaten of schools, 10 cabang dinas, puskesmas, kecamatan = 57 groups
    at.text_input(key="cari_kematangan_opd").input("").run()
    at.toggle(key="kelompok_opd").set_value(True).run()
    assert not at.exception
    y = _y(at, "tertinggi dan")
    assert len(y) == 2 * TEPI + 1 and y[TEPI] == teks_sisa(57 - 2 * TEPI, "kelompok")
    tabel = _tabel(at)
    assert len(tabel) == 57 and tabel.set_index("Kelompok").at["SMA/SMK/SLB Kab. Tabalong", "Inovasi"] == 30


@pytest.mark.usefixtures("env_300")
def test_profil_300_perangkat_daerah() -> None:
    at = buka("profil", tahun=str(TAHUN), wilayah="Kabupaten Tabalong")
    y = _y(at, "Inovasi Tabalong menurut perangkat")
    assert len(y) == 2 * TEPI + 1 and y[TEPI] == teks_sisa(300 - 2 * TEPI, "lainnya")
