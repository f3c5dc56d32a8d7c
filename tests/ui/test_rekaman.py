"""ui.rekaman through unduh: a table or chart without selection is built once and replayed identically; any change in
what it shows (a value, a display string, an argument) builds another; a selectable table stays a live widget."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _halaman() -> None:
    """A page drawing one static table (its IID shown through a counting formatter), one selectable table and one
    static chart, shared between runs as data.figur shares it; the query parameters change the value and the
    format."""
    import pandas as pd
    import plotly.graph_objects as go
    import streamlit as st

    from dasbor.ui import rekaman, unduh
    from dasbor.visual.format import angka

    nilai = float(st.query_params.get("iid", "67.04"))
    digit = int(st.query_params.get("digit", "2"))

    def format_iid(v: float) -> str:
        st.session_state["format_dipanggil"] = st.session_state.get("format_dipanggil", 0) + 1
        return angka(v, digit)

    tabel = pd.DataFrame({"Wilayah": ["Tabalong", "Banjar"], "IID": [nilai, 55.5]})
    unduh.tampilkan_tabel(tabel, "iid", "statis", format_kolom={"IID": format_iid})
    st.session_state["pilihan"] = unduh.tampilkan_tabel(tabel, "iid-pilih", "pilih", klik=True)
    fig = st.session_state.setdefault("fig", rekaman.tandai(go.Figure(go.Bar(x=["Tabalong"], y=[67.04]))))
    unduh.tampilkan_grafik(fig, "grafik", "grafik")


def _buka(**query: str) -> AppTest:
    at = AppTest.from_function(_halaman, default_timeout=60)
    at.query_params.update(query)
    return at.run()


def _sel_tampil(at: AppTest, nomor: int = 0) -> tuple[bytes, bytes]:
    """The table element as sent: its Arrow data and its Styler's display values."""
    arrow = at.dataframe[nomor].proto.arrow_data
    return arrow.data, arrow.styler.display_values


def test_a_static_table_and_chart_are_replayed_as_built() -> None:
    at = _buka(iid="67.04")
    dibangun, grafik = _sel_tampil(at), at.get("plotly_chart")[0].proto
    # Building formats each of the 2 rows twice (the key and the Styler); a replay only for the key.
    assert at.session_state["format_dipanggil"] == 4
    at.session_state["format_dipanggil"] = 0
    at.run()
    assert not at.exception
    assert at.session_state["format_dipanggil"] == 2
    assert _sel_tampil(at) == dibangun
    assert at.get("plotly_chart")[0].proto == grafik
    assert b"67,04" in dibangun[1]


def test_another_value_or_display_string_builds_another_table() -> None:
    dasar = _sel_tampil(_buka(iid="67.04"))
    nilai_lain = _sel_tampil(_buka(iid="67.05"))
    digit_lain = _sel_tampil(_buka(iid="67.04", digit="3"))  # same numbers, another format
    assert b"67,05" in nilai_lain[1] and b"67,04" not in nilai_lain[1]
    assert b"67,040" in digit_lain[1]
    assert digit_lain[0] == dasar[0] and digit_lain[1] != dasar[1]


def test_a_selectable_table_stays_a_widget() -> None:
    at = _buka()
    pilih = at.dataframe[1]
    assert pilih.proto.id  # registered as a widget on this run, replayed or not
    assert at.session_state["pilihan"]["selection"]["rows"] == []


def _halaman_bertab() -> None:
    import pandas as pd
    import streamlit as st

    from dasbor.ui import unduh

    a, b = st.tabs(["A", "B"])
    with a:
        unduh.tampilkan_tabel(pd.DataFrame({"x": [1.5]}), "x", "x")
    with b:
        _, kanan = st.columns(2)
        with kanan:
            unduh.tampilkan_tabel(pd.DataFrame({"y": [2.5]}), "y", "y")


def test_a_replayed_table_lands_in_the_tab_and_column_it_was_drawn_in() -> None:
    at = AppTest.from_function(_halaman_bertab, default_timeout=60).run()
    for _ in range(2):  # built, then replayed
        assert [[d.value.columns.tolist() for d in tab.dataframe] for tab in at.tabs] == [[["x"]], [["y"]]]
        assert [len(kolom.dataframe) for kolom in at.columns] == [0, 1]
        at.run()


def test_the_dashboards_own_formatter_stands_for_its_strings_and_a_pages_function_is_keyed_by_them() -> None:
    import pandas as pd

    from dasbor.ui import rekaman
    from dasbor.visual.format import angka

    dipanggil: list[float] = []

    def milik_dasbor(v: float) -> str:
        dipanggil.append(v)
        return angka(v)

    milik_dasbor.__module__, milik_dasbor.__qualname__ = "dasbor.visual.format", "angka_uji"
    tabel = pd.DataFrame({"Wilayah": ["Tabalong", "Banjar"], "IID": [67.04, 55.5]})
    kunci = rekaman.kunci_tabel(tabel, {"IID": milik_dasbor}, {})
    assert dipanggil == []  # keyed without formatting a cell
    assert kunci[2] == (("IID", "dasbor.visual.format.angka_uji"),)
    # A page's lambda is a new function on every run: its strings are the key, equal when they are equal.
    dua = rekaman.kunci_tabel(tabel, {"IID": lambda v: angka(v)}, {})
    assert dua == rekaman.kunci_tabel(tabel, {"IID": lambda v: angka(v, 2)}, {})
    assert dua != rekaman.kunci_tabel(tabel, {"IID": lambda v: angka(v, 3)}, {})
