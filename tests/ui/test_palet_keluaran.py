"""One predikat palette everywhere: the colours each output actually carries (a page figure's JSON, a slide
figure, the boundary map, the PPTX XML, the Excel fills) are read back from the output and compared with
dasbor.visual.palette, so a second palette anywhere fails here."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd

import scoring
from dasbor.bimtek import figur
from dasbor.bimtek.ekspor_pptx import tulis_pptx
from dasbor.bimtek.model import Acara, Deck, Slide
from dasbor.ekspor.tabel import ke_xlsx
from dasbor.services.peta import batas_wilayah
from dasbor.visual import charts, peta
from dasbor.visual.gaya import PROYEKTOR
from dasbor.visual.palette import PREDIKAT_TEKS, PREDIKAT_WARNA

ROOT = Path(__file__).resolve().parents[2]
KABKOTA = (
    pd.read_csv(ROOT / "data" / "referensi" / "wilayah-kalsel.csv", dtype={"kode_wilayah": str})
    .rename(columns={"perkiraan_pusat_lat": "lat", "perkiraan_pusat_lng": "lng"})
    .dropna(subset=["lat"])
    .reset_index(drop=True)
)
PREDIKAT = list(PREDIKAT_WARNA)
PITA = pd.DataFrame({"predikat": PREDIKAT[:3], "bawah": [60.01, 35.0, 0.01]})


def _skor() -> pd.DataFrame:
    d = KABKOTA.copy()
    d["iid"] = [81.0, 71.0, 58.41, 40.0, 20.0, 0.0, 65.0, 55.0, 45.0, 35.0, 30.0, 25.0, 61.0]
    d["predikat"] = [PREDIKAT[i % 4] for i in range(len(d))]
    d["peringkat"] = range(1, len(d) + 1)
    return d


def _hex(warna: str) -> str:
    return warna.upper().lstrip("#")


def test_page_and_slide_ranking_bars_use_the_palette() -> None:
    d = _skor()
    for gaya_fig in (charts.batang_peringkat(d, PITA, "x"), charts.batang_peringkat(d, PITA, "", gaya=PROYEKTOR)):
        batang = gaya_fig.to_plotly_json()["data"][0]
        urut = d.sort_values("peringkat", ascending=False)["predikat"]
        assert list(batang["marker"]["color"]) == [PREDIKAT_WARNA[p] for p in urut]
        legenda = {t["name"]: t["marker"]["color"] for t in gaya_fig.to_plotly_json()["data"][1:] if "name" in t}
        assert {k: v for k, v in legenda.items() if k in PREDIKAT_WARNA} == PREDIKAT_WARNA


def test_boundary_map_and_slide_band_strip_use_the_palette() -> None:
    d = _skor()
    batas = batas_wilayah(frozenset(d["kode_wilayah"]))
    fig = peta.peta_batas(d, batas.geojson, batas.kunci_fitur, "Peta").to_plotly_json()
    isi = {t["name"]: t["fillcolor"] for t in fig["data"] if t.get("fill") == "toself"}
    assert {isi[n]: p for n, p in zip(d["nama_wilayah"], d["predikat"], strict=True)} == {
        PREDIKAT_WARNA[p]: p for p in PREDIKAT
    }
    legenda = {t["name"]: t["marker"]["color"] for t in fig["data"] if t.get("name") in PREDIKAT_WARNA}
    assert legenda == PREDIKAT_WARNA
    m = scoring.load_metodologi("2023")
    strip = figur.figur_posisi(50.0, m, 1200, 300).to_plotly_json()
    warna = {t["text"][0]: t["marker"]["color"] for t in strip["data"] if t["type"] == "bar"}
    assert warna and all(warna[n] == PREDIKAT_WARNA[n] for n in warna)


def test_excel_fills_use_the_palette() -> None:
    tabel = pd.DataFrame({"Wilayah": [f"W{i}" for i in range(4)], "Predikat": PREDIKAT})
    ws = openpyxl.load_workbook(io.BytesIO(ke_xlsx({"Data": tabel})))["Data"]
    for baris in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        sel = baris[0]
        assert _hex(sel.fill.fgColor.rgb)[-6:] == _hex(PREDIKAT_WARNA[sel.value])
        assert _hex(sel.font.color.rgb)[-6:] == _hex(PREDIKAT_TEKS[sel.value])


def test_pptx_table_cells_use_the_palette() -> None:
    tabel = pd.DataFrame({"Wilayah": [f"W{i}" for i in range(4)], "Predikat": PREDIKAT})
    deck = Deck(
        Acara("Uji", "Banjarbaru", date(2026, 1, 1)),
        2024,
        "terverifikasi",
        "2023",
        "asumsi",
        False,
        [Slide("penutup", "penutup", "Penutup", tabel=tabel)],
    )
    with zipfile.ZipFile(io.BytesIO(tulis_pptx(deck, {}))) as z:
        xml = z.read("ppt/slides/slide1.xml").decode()
    sel = re.findall(r"<a:tc>.*?</a:tc>", xml, flags=re.S)
    dipakai = {}
    for s in sel:
        teks = "".join(re.findall(r"<a:t>(.*?)</a:t>", s))
        isi = re.search(r'<a:tcPr.*?<a:srgbClr val="([0-9A-F]{6})"', s, flags=re.S)
        if teks in PREDIKAT_WARNA and isi:
            dipakai[teks] = isi.group(1)
    assert dipakai == {p: _hex(w) for p, w in PREDIKAT_WARNA.items()}
