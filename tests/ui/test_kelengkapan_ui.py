"""Figures and display tables of the Kelengkapan pages, checked as plain objects (no Streamlit)."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from dasbor.ekspor.tabel import ke_csv, tabel_excel
from dasbor.ui import kelengkapan_tabel
from dasbor.visual import kelengkapan_charts as grafik
from dasbor.visual.charts import TEMPLATE, batang_jumlah
from dasbor.visual.format import tanpa_html, tanpa_markdown
from dasbor.visual.gaya import LAYAR
from dasbor.visual.palette import SERI, TEKS

WILAYAH = pd.DataFrame(
    {
        "kode_wilayah": ["63", "63.01", "63.02"],
        "nama_wilayah": ["Provinsi Kalimantan Selatan", "Kabupaten Tanah Laut", "Kabupaten Kotabaru"],
    }
)
INDIKATOR = [("SPD", "1", "Visi"), ("SPD", "8", "Opini BPK"), ("SID", "16", "Regulasi"), ("SID", "35", "Video")]
MATRIKS = pd.DataFrame(
    {
        "kode_wilayah": ["63", "63.01", "63.01", "63.02"],
        "aspek": ["SPD", "SPD", "SID", "SID"],
        "kode_indikator": ["8", "1", "35", "16"],
        "jumlah": [1, 2, 5, 3],
        "poin": [1.8, 0.8, 0.25, 0.012],
    }
)


def test_a_kabupaten_and_a_kota_of_one_name_are_two_rows_and_the_chosen_one_is_outlined() -> None:
    """Jawa Timur has seven such pairs (Kabupaten and Kota Malang are both 'Malang' when shortened): on a category
    axis they became one row, the rows below moved up and the outline marked the wrong region."""
    wilayah = pd.DataFrame(
        {
            "kode_wilayah": ["35", "35.07", "35.15", "35.73"],
            "nama_wilayah": ["Provinsi Jawa Timur", "Kabupaten Malang", "Kabupaten Sidoarjo", "Kota Malang"],
        }
    )
    matriks = MATRIKS.assign(kode_wilayah=["35.07", "35.73", "35.15", "35.15"])
    fig = grafik.matriks_celah(matriks, wilayah, INDIKATOR, "poin", terpilih="35.15")
    assert list(fig.layout.yaxis.categoryarray) == ["Kota Malang", "Sidoarjo", "Kabupaten Malang", "Jawa Timur"]
    assert list(fig.data[0].y) == ["Kabupaten Malang", "Kota Malang", "Sidoarjo", "Sidoarjo"]
    [sorot] = [s for s in fig.layout.shapes if s.type == "rect"]
    assert (sorot.y0, sorot.y1) == (0.5, 1.5)  # Sidoarjo, the second row from the bottom


def test_gap_matrix_has_one_clickable_tile_per_cell_with_its_keys() -> None:
    fig = grafik.matriks_celah(MATRIKS, WILAYAH, INDIKATOR, "poin", terpilih="63.01")
    titik = fig.data[0]
    assert list(titik.x) == ["8", "1", "35", "16"]
    assert [list(c) for c in titik.customdata] == MATRIKS[["kode_wilayah", "kode_indikator"]].to_numpy().tolist()
    assert list(titik.marker.color) == [1.8, 0.8, 0.25, 0.012]
    assert list(fig.layout.xaxis.categoryarray) == ["1", "8", "16", "35"]
    assert list(fig.layout.yaxis.categoryarray) == ["Kotabaru", "Tanah Laut", "Kalimantan Selatan"]  # first on top
    assert fig.layout.template.layout.separators == ",."
    assert "0,250 poin IID hilang" in titik.hovertext[2]
    sorot = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(sorot) == 1 and (sorot[0].y0, sorot[0].y1) == (0.5, 1.5)  # Tanah Laut is the middle row
    jumlah = grafik.matriks_celah(MATRIKS, WILAYAH, INDIKATOR, "jumlah")
    assert list(jumlah.data[0].marker.color) == [1, 2, 5, 3]
    assert not [s for s in jumlah.layout.shapes if s.type == "rect"]


def test_points_per_perangkat_daerah_puts_the_largest_on_top_and_keeps_ids() -> None:
    ringkas = pd.DataFrame(
        {
            "id_perangkat_daerah": ["a", "b", "c"],
            "nama_perangkat_daerah": ["A", "B", "C"],
            "jumlah": [3, 2, 1],
            "poin": [0.9, 0.5, 0.1],
        }
    )
    fig = grafik.poin_per_perangkat_daerah(ringkas, maks=2)
    bar = fig.data[0]
    assert list(bar.y) == ["B", "A"] and [c[0] for c in bar.customdata] == ["b", "a"]
    assert list(bar.text) == ["0,500", "0,900"]


def test_rank_range_draws_an_interval_and_both_ends_per_region() -> None:
    rentang = pd.DataFrame(
        {
            "kode_wilayah": ["63.01", "63.02"],
            "nama_wilayah": ["Kabupaten Tanah Laut", "Kabupaten Kotabaru"],
            "peringkat_terverifikasi": [1, 2],
            "peringkat_klaim": [2, 1],
        }
    )
    fig = grafik.rentang_peringkat(rentang)
    [garis] = [t for t in fig.data if t.mode == "lines"]  # one trace, a gap between the regions' ranges
    assert list(garis.x) == [1, 2, None, 1, 2]
    assert list(garis.y) == ["Tanah Laut", "Tanah Laut", None, "Kotabaru", "Kotabaru"]
    ujung = {t.name: list(t.x) for t in fig.data if t.mode == "markers"}
    assert ujung == {"Hanya level terverifikasi": [1, 2], "Semua klaim diterima": [2, 1]}
    assert tuple(fig.layout.xaxis.range) == (2.5, 0.5)  # rank 1 on the right


def test_simulation_chart_keeps_the_real_bars_and_labels_the_simulated_value_apart() -> None:
    skor = pd.DataFrame(
        {
            "kode_wilayah": ["63.01", "63.02"],
            "nama_wilayah": ["Kabupaten Tanah Laut", "Kabupaten Kotabaru"],
            "iid": [47.0, 40.0],
        }
    )
    fig = grafik.banding_simulasi(skor, "63.02", 61.5, [35.0, 60.01])
    bar, sim = fig.data
    assert list(bar.x) == [47.0, 40.0] and bar.name == "IID nyata (hitungan)"
    assert sim.name == "SIMULASI" and list(sim.x) == [61.5] and list(sim.y) == ["Kotabaru"]
    assert sim.text[0] == "SIMULASI 61,50" and sim.marker.color != bar.marker.color[0]


def test_data_in_markdown_is_shown_literally() -> None:
    assert (
        tanpa_markdown("**tebal** [klik](javascript:alert(1))") == r"\*\*tebal\*\* \[klik\]\(javascript\:alert\(1\)\)"
    )
    # \& renders as a plain ampersand; unescaped, "&lt;" in a name would render as "<"
    assert tanpa_markdown("Dinas PU & Tata Ruang") == r"Dinas PU \& Tata Ruang"


def _semua_figur() -> list:
    ringkas = pd.DataFrame({"id_perangkat_daerah": ["a"], "nama_perangkat_daerah": ["A"], "jumlah": [1], "poin": [0.5]})
    rentang = pd.DataFrame(
        {"kode_wilayah": ["63.01"], "nama_wilayah": ["Kabupaten Tanah Laut"], "peringkat_terverifikasi": [1]}
    ).assign(peringkat_klaim=2)
    skor = pd.DataFrame({"kode_wilayah": ["63.01"], "nama_wilayah": ["Kabupaten Tanah Laut"], "iid": [47.0]})
    return [
        grafik.matriks_celah(MATRIKS, WILAYAH, INDIKATOR, "poin"),
        grafik.poin_per_perangkat_daerah(ringkas),
        grafik.rentang_peringkat(rentang),
        grafik.banding_simulasi(skor, "63.01", 50.0, [35.0]),
    ]


def test_kelengkapan_figures_are_drawn_in_the_house_style_and_palette() -> None:
    for fig in _semua_figur():
        # the shared template (font family, size and colour, separators, background) and no private font
        assert fig.layout.template == TEMPLATE
        assert fig.layout.font.family is None and fig.layout.font.color is None
        assert fig.layout.template.layout.font.family == LAYAR.huruf
        warna = {t.marker.color for t in fig.data if isinstance(t.marker.color, str)}
        assert warna <= {*SERI, TEKS}, warna


def test_operator_typed_names_cannot_become_markup_in_a_chart() -> None:
    jahat = '<a href="http://contoh.invalid">Dinas</a><br><b>PU</b> & Tata Ruang'
    aman = '&lt;a href="http://contoh.invalid"&gt;Dinas&lt;/a&gt;&lt;br&gt;&lt;b&gt;PU&lt;/b&gt; &amp; Tata Ruang'
    assert tanpa_html(jahat) == aman
    ringkas = pd.DataFrame(
        {"id_perangkat_daerah": ["a"], "nama_perangkat_daerah": [jahat], "jumlah": [1], "poin": [0.5]}
    )
    bar = grafik.poin_per_perangkat_daerah(ringkas).data[0]
    assert list(bar.y) == [aman] and bar.customdata[0][0] == "a"  # the click still carries the id
    assert bar.hovertext[0].startswith(f"<b>{aman}</b>")  # our own markup stays, the name's is inert
    nama_indikator = [("SPD", "1", "<img src=x>"), *INDIKATOR[1:]]
    titik = grafik.matriks_celah(MATRIKS, WILAYAH, nama_indikator, "poin").data[0]
    assert not [h for h in titik.hovertext if "<img" in h]


def test_counts_per_perangkat_daerah_show_a_typed_name_literally() -> None:
    jumlah = pd.DataFrame({"nama_perangkat_daerah": ["<a href='x'>Dinas</a>", "Dinas PU"], "jumlah": [2, 1]})
    bar = batang_jumlah(jumlah, "nama_perangkat_daerah", "Inovasi menurut perangkat daerah").data[0]
    assert list(bar.y) == ["Dinas PU", "&lt;a href='x'&gt;Dinas&lt;/a&gt;"]


def test_display_tables_keep_numbers_and_say_how_to_show_them() -> None:
    ringkas = pd.DataFrame(
        {
            "id_perangkat_daerah": ["a", "b", "c"],
            "nama_perangkat_daerah": ["A", "B", "C"],
            "jumlah": [3, 12, 1],
            "poin": [0.9, 10.5, 2.25],
            "status": [0, 1, 0],
        }
    )
    tampil = kelengkapan_tabel.perangkat_daerah(ringkas)
    # numbers sort as numbers (10,5 after 2,25, not before it as text would)
    assert list(tampil.sort_values("Poin IID")["Poin IID"]) == [0.9, 2.25, 10.5]
    format_kolom = kelengkapan_tabel.format_kolom(tampil)
    assert set(format_kolom) == {"Poin IID"} and format_kolom["Poin IID"](10.5) == "10,500"
    html = tampil.style.format(format_kolom, na_rep="–").to_html()
    assert "10,500" in html and "0,900" in html
    # the downloads hold the numbers: CSV with decimal comma, Excel number cells
    assert "10,5" in ke_csv(tampil).decode("utf-8-sig")
    ws = openpyxl.load_workbook(io.BytesIO(tabel_excel(tampil)))["Data"]
    assert [c.value for c in ws["C"]][1:] == [0.9, 10.5, 2.25]


def test_every_number_column_of_the_kelengkapan_tables_has_a_display_format() -> None:
    jalan = pd.DataFrame(
        {
            "nama_wilayah": ["Kabupaten Tabalong"],
            "iid": [61.234],
            "predikat": ["Sangat Inovatif"],
            "predikat_berikut": [None],
            "kurang_poin": [float("nan")],
            "tercapai": [False],
            "jumlah_perbaikan": [0],
            "iid_sesudah": [float("nan")],
            "poin_semua_perbaikan": [0.0],
            "kursi_kosong": [0],
            "urusan_yandas_kurang": [()],
        }
    )
    tampil = kelengkapan_tabel.jalan_tercepat(jalan)
    pecahan = [k for k in tampil.columns if pd.api.types.is_float_dtype(tampil[k])]
    assert pecahan == ["IID", "Kurang (poin)"] and set(pecahan) <= set(kelengkapan_tabel.format_kolom(tampil))
    assert "61,23" in tampil.style.format(kelengkapan_tabel.format_kolom(tampil), na_rep="–").to_html()
