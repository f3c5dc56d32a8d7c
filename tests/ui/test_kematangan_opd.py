"""The kematangan-per-perangkat-daerah chart of the Inovasi page, as a plain function on a hand-made table."""

from __future__ import annotations

import pandas as pd

from dasbor.services.kiriman import kematangan_per_opd
from dasbor.visual.charts import batang_kematangan_opd


def test_rata_rata_per_opd_dan_urutan() -> None:
    inovasi = pd.DataFrame(
        {
            "nama_perangkat_daerah": ["Dinas A", "Dinas A", "Dinas B", None],
            "kematangan_kirim": [100.0, 50.0, 90.0, 10.0],
        }
    )
    per_opd = kematangan_per_opd(inovasi, "Tanpa perangkat daerah").set_index("perangkat_daerah")
    assert per_opd.loc["Dinas A"].tolist() == [75.0, 2]
    assert per_opd.loc["Tanpa perangkat daerah"].tolist() == [10.0, 1]
    fig = batang_kematangan_opd(per_opd.reset_index(), "Rata-rata kematangan", 111.0)
    [batang] = fig.data
    assert list(batang.y) == ["Tanpa perangkat daerah", "Dinas A", "Dinas B"]  # highest drawn on top
    assert list(batang.text) == ["10,0 (1)", "75,0 (2)", "90,0 (1)"]
    assert fig.layout.xaxis.range == (0, 111.0 * 1.15)
