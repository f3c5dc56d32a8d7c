"""ui.data.olahan and figur: a result (a chart, a display table) is computed once for the same inputs (by content, not
by object) and shared; any change in the inputs, the source line or its width gives another one; the cache is bounded."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dasbor.ui import data, rekaman


class Pembangun:
    """A real figure builder that counts how often it runs."""

    def __init__(self) -> None:
        self.kali = 0

    def __call__(self, tabel: pd.DataFrame, judul: str, warna: str = "#0B6E4F") -> go.Figure:
        self.kali += 1
        return go.Figure(go.Bar(x=tabel["wilayah"], y=tabel["iid"], marker_color=warna), layout={"title": judul})


def _tabel(iid: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"wilayah": ["Tabalong", "Hulu Sungai Selatan"], "iid": iid})


def test_the_same_inputs_give_the_same_figure_built_once(demo_env: Path) -> None:
    buat = Pembangun()
    a = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024")
    b = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024")  # another DataFrame object, same content
    assert a is b
    assert buat.kali == 1


def test_each_built_figure_has_its_own_mark_for_its_recorded_chart(demo_env: Path) -> None:
    buat = Pembangun()
    a = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024")
    b = data.figur(buat, _tabel([81.0, 67.05]), "IID 2024")
    assert rekaman.tanda(a) == rekaman.tanda(data.figur(buat, _tabel([81.0, 67.04]), "IID 2024"))
    assert None is not rekaman.tanda(a) != rekaman.tanda(b)
    assert rekaman.tanda(go.Figure()) is None  # a figure built on the page is drawn, never replayed


def test_any_change_in_the_inputs_gives_another_figure(demo_env: Path) -> None:
    buat = Pembangun()
    dasar = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024")
    nilai_lain = data.figur(buat, _tabel([81.0, 67.05]), "IID 2024")
    judul_lain = data.figur(buat, _tabel([81.0, 67.04]), "IID 2025")
    kata_kunci = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024", warna="#C0392B")
    assert buat.kali == 4
    assert list(nilai_lain.data[0].y) == [81.0, 67.05]
    assert judul_lain.layout.title.text == "IID 2025"
    assert kata_kunci.data[0].marker.color == "#C0392B"
    assert list(dasar.data[0].y) == [81.0, 67.04]


def test_dtypes_and_column_names_are_part_of_the_key(demo_env: Path) -> None:
    buat = Pembangun()
    pecahan = data.figur(buat, pd.DataFrame({"wilayah": ["A"], "iid": [81.0]}), "x")
    bulat = data.figur(buat, pd.DataFrame({"wilayah": ["A"], "iid": [81]}), "x")
    assert pecahan is not bulat
    assert buat.kali == 2


def test_the_source_line_goes_under_the_title_without_changing_the_plain_figure(demo_env: Path) -> None:
    buat = Pembangun()
    polos = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024")
    bercatatan = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024", catatan="Data sintetis 2024, basis terverifikasi")
    assert bercatatan is not polos
    assert "Data sintetis 2024" in bercatatan.layout.title.subtitle.text
    assert not polos.layout.title.subtitle.text
    sempit = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024", catatan="satu dua tiga empat", lebar=9)
    assert sempit.layout.title.subtitle.text == "satu dua<br>tiga<br>empat"


def test_the_cache_keeps_at_most_its_bound_and_drops_the_oldest() -> None:
    simpanan = data._Simpanan(maks=3)
    hitung: list[int] = []

    def nilai(i: int) -> int:
        hitung.append(i)
        return i * 10

    for i in range(5):
        assert simpanan.ambil(("t1", i), lambda i=i: nilai(i)) == i * 10
    assert simpanan.ambil(("t1", 4), lambda: nilai(99)) == 40  # still held
    assert simpanan.ambil(("t1", 0), lambda: nilai(0)) == 0  # dropped, computed again
    assert hitung == [0, 1, 2, 3, 4, 0]


def test_cells_holding_lists_are_keyed_by_their_content(demo_env: Path) -> None:
    hitung: list[int] = []

    def jumlah_urusan(tabel: pd.DataFrame) -> int:
        hitung.append(1)
        return int(tabel["urusan"].map(len).sum())

    assert data.olahan(jumlah_urusan, pd.DataFrame({"urusan": [["pendidikan", "kesehatan"], ["sosial"]]})) == 3
    assert data.olahan(jumlah_urusan, pd.DataFrame({"urusan": [["pendidikan", "kesehatan"], ["sosial"]]})) == 3
    assert data.olahan(jumlah_urusan, pd.DataFrame({"urusan": [["pendidikan"], ["sosial"]]})) == 2
    assert len(hitung) == 2


def test_a_page_key_replaces_the_fingerprint_of_large_inputs(demo_env: Path) -> None:
    """With `sidik` (the filters that determine the inputs) the frame is not hashed: the key alone decides."""
    buat = Pembangun()
    a = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024", sidik=(2024, "63.09"))
    b = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024", sidik=(2024, "63.09"))
    lain = data.figur(buat, _tabel([70.0, 60.0]), "IID 2024", sidik=(2024, "63.06"))
    bercatatan = data.figur(buat, _tabel([81.0, 67.04]), "IID 2024", catatan="sumber", sidik=(2024, "63.09"))
    assert a is b
    assert lain is not a and list(lain.data[0].y) == [70.0, 60.0]
    assert bercatatan is not a and bercatatan.layout.title.subtitle.text == "sumber"
    assert buat.kali == 3


def test_a_page_key_never_makes_two_builders_share_a_chart(demo_env: Path) -> None:
    """Two charts drawn from one filter state (the same page key) are two figures: the builder and its keyword
    arguments stay in the key (they were left out, so the second chart showed the first in every session)."""
    batang, lain = Pembangun(), Pembangun()
    a = data.figur(batang, _tabel([81.0, 67.04]), "IID 2024", sidik=(2024, "63.09"))
    b = data.figur(lain, _tabel([81.0, 67.04]), "IID 2024", sidik=(2024, "63.09"))
    merah = data.figur(batang, _tabel([81.0, 67.04]), "IID 2024", warna="#C0392B", sidik=(2024, "63.09"))
    assert b is not a and lain.kali == 1
    assert merah is not a and merah.data[0].marker.color == "#C0392B"
    assert batang.kali == 2


def test_a_page_key_never_makes_two_derivations_share_a_result(demo_env: Path) -> None:
    def jumlah(tabel: pd.DataFrame, kolom: str = "iid") -> float:
        return float(tabel[kolom].sum())

    def terbesar(tabel: pd.DataFrame, kolom: str = "iid") -> float:
        return float(tabel[kolom].max())

    tabel = pd.DataFrame({"iid": [81.0, 67.0], "spd": [20.0, 10.0]})
    assert data.olahan(jumlah, tabel, sidik=(2024,)) == 148.0
    assert data.olahan(terbesar, tabel, sidik=(2024,)) == 81.0
    assert data.olahan(jumlah, tabel, kolom="spd", sidik=(2024,)) == 30.0
