"""Files made from tables and charts: what an official downloads must open cleanly and never run a formula."""

import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from dasbor.ekspor.gambar import grafik_png
from dasbor.ekspor.nama_berkas import nama_berkas
from dasbor.ekspor.tabel import ke_csv, netralkan, tabel_excel

TABEL = pd.DataFrame(
    {
        "Wilayah": ["Kabupaten Tapin", '=HYPERLINK("http://contoh.invalid")', "+62 811", "@SUM(A1)", "-1+1", "\tx"],
        "IID": [68.68, 58.41, 1234.5, None, -1.5, 0.0],
    }
)


def test_netralkan_prefixes_formula_text_and_leaves_numbers() -> None:
    aman = TABEL.map(netralkan)
    assert aman["Wilayah"].tolist() == [
        "Kabupaten Tapin",
        '\'=HYPERLINK("http://contoh.invalid")',
        "'+62 811",
        "'@SUM(A1)",
        "'-1+1",
        "'\tx",
    ]
    assert aman["IID"].iloc[4] == -1.5
    assert TABEL["Wilayah"].iloc[1].startswith("=")  # the original is not modified


def test_csv_is_what_indonesian_excel_expects() -> None:
    data = ke_csv(TABEL)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel detects UTF-8
    kembali = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert kembali["IID"].iloc[0] == pytest.approx(68.68)
    assert kembali["IID"].iloc[2] == pytest.approx(1234.5)
    assert "68,68" in data.decode("utf-8-sig")
    assert not any(v.startswith(("=", "+", "-", "@")) for v in kembali["Wilayah"].astype(str))


def test_excel_has_frozen_filtered_header_keterangan_and_no_formulas() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(tabel_excel(TABEL, "Peringkat", catatan="IID 2024 dihitung dasbor")))
    ws = wb["Peringkat"]
    assert [c.value for c in ws[1]] == ["Wilayah", "IID"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:B7"
    assert ws["B2"].value == pytest.approx(68.68)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["A3"].value.startswith("'=")
    assert wb["Keterangan"]["A2"].value == "IID 2024 dihitung dasbor"


def test_png_export_through_kaleido_and_debian_chromium() -> None:
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"height": 300})
    png = grafik_png(fig, lebar=400, skala=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    lebar, tinggi = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (lebar, tinggi) == (400, 300)


@pytest.mark.parametrize(
    ("bagian", "nama"),
    [
        (("Peringkat IID", 2024, "Hulu Sungai Selatan"), "peringkat-iid-2024-hulu-sungai-selatan.csv"),
        (("Tren", None, "Ketenteraman, ketertiban umum"), "tren-ketenteraman-ketertiban-umum.csv"),
        (("../../etc/passwd",), "etc-passwd.csv"),
        (("",), "unduhan.csv"),
    ],
)
def test_nama_berkas_is_a_safe_slug(bagian, nama) -> None:
    assert nama_berkas(*bagian, ekstensi="csv") == nama
