"""A pemda whose only marks are `ditolak` has marked its list: the verifier's refusal is a status set on purpose,
so its drafts are not assumed sent (issue 23 §6). Statuses are spelled out here, not taken from the service."""

from __future__ import annotations

import pandas as pd

import scoring
from dasbor.services.usia import skenario_semua_layak


def test_a_pemda_marked_only_ditolak_is_not_treated_as_unmarked() -> None:
    inovasi = pd.DataFrame(
        {
            "kode_wilayah": ["63.01", "63.01", "63.01", "63.02", "63.02"],
            "id_inovasi": ["a", "b", "c", "d", "e"],
            "status_inovasi": ["ditolak", "draft", "draft", "draft", "draft"],
            "tanggal_penerapan": pd.to_datetime(["2023-05-01", "2023-06-01", "2024-02-01", "2023-05-01", "2024-01-01"]),
            "tanggal_pengembangan": pd.NaT,
        }
    )
    m = scoring.metodologi_untuk_tahun(2025)
    skenario, belum = skenario_semua_layak(inovasi, m, 2025)
    assert belum == {"63.02"}
    # 63.01's drafts stay drafts and its refused one stays refused; only the unmarked 63.02 is assumed sent.
    assert skenario["status_inovasi"].tolist() == ["ditolak", "draft", "draft", "dikirim", "dikirim"]
