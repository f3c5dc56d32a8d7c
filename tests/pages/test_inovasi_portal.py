"""The Inovasi page on portal-like rows (kematangan, no answers, nothing marked): age filter, kematangan per
perangkat daerah, duplicates, the age-out list and the send advice with its gain (AppTest)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import bersihkan_cache
from tests.pages.test_kelengkapan_pages import buka, tabel_berkolom, teks
from tests.services.test_kiriman import PORTAL, TAHUN, portal_db  # noqa: F401 (the fixture)


@pytest.fixture
def portal_env(portal_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:  # noqa: F811
    monkeypatch.setenv("DASBOR_DB", str(portal_db))
    bersihkan_cache()
    yield portal_db
    bersihkan_cache()


@pytest.mark.usefixtures("portal_env")
def test_halaman_inovasi_portal() -> None:
    from dasbor.ui import data

    nama = data.daftar_wilayah().set_index("kode_wilayah").at[PORTAL, "nama_wilayah"]
    at = buka("inovasi", tahun=str(TAHUN), wilayah=nama)
    assert not at.exception
    isi = teks(at)
    # the advice: four eligible, all sent below the divisor's floor; SID only, no SPD
    [saran] = tabel_berkolom(at, "Disarankan")
    assert len(saran) == 4 and set(saran["Disarankan"]) == {"ya"} and saran["Alasan"].str.len().gt(0).all()
    assert "dari kematangan portal" in isi and "hanya SID yang dihitung" in isi
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["SID bila semua 4 dikirim"] == "29,02" and metrik["Tambahan"] == "0,000 poin"
    # duplicates and next year's age-outs
    [kembar] = tabel_berkolom(at, "Kembar dengan")
    assert len(kembar) == 2 and kembar["Kembar dengan"].str.contains(r"\(p[23]\)").all()
    [menua] = [t for t in tabel_berkolom(at, "Alasan") if "Status" in t]
    assert "tidak lagi dinilai 2026" in menua["Alasan"].iat[0]
    # kematangan per perangkat daerah, with the portal's provenance under the title
    [grafik] = [json.loads(g.proto.spec) for g in at.get("plotly_chart")]
    assert "dari kematangan portal" in json.dumps(grafik["layout"], ensure_ascii=False)
    # the age filter
    at.selectbox(key="saring_usia").set_value("tidak").run()
    [hasil] = [d.value for d in at.dataframe if d.key and d.key.startswith("hasil_inovasi_")]
    assert sorted(hasil["Inovasi"]) == ["Arsip Lama", "Baru Sekali"]
    at.selectbox(key="saring_usia").set_value("semua").run()
    at.number_input(key="saring_kematangan_minimum").set_value(95.0).run()
    [hasil] = [d.value for d in at.dataframe if d.key and d.key.startswith("hasil_inovasi_")]
    assert sorted(hasil["Inovasi"]) == ["=SUM(A1) Layanan Cepat", "Arsip Lama", "Baru Sekali"]
    assert not at.exception
