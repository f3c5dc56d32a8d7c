"""What a selectable table or chart costs to build, kept per content (dasbor/ui/widget_sekali.py): in place where
st.dataframe and st.plotly_chart call it on the pinned Streamlit and Plotly, byte for byte what they build, never
another table's or figure's."""

from __future__ import annotations

import json
import uuid

import pandas as pd
import plotly.graph_objects as go
import plotly.tools
import pyarrow as pa
from streamlit.elements import arrow
from streamlit.elements.lib import pandas_styler_utils
from streamlit.proto.ArrowData_pb2 import ArrowData
from streamlit.testing.v1 import AppTest

import dasbor.ui.unduh  # noqa: F401  (installs the wrapper)
from dasbor.ui import rekaman, widget_sekali
from dasbor.visual.format import angka, angka_bertanda
from tests.pages.apptest_bantu import _urai


def _tabel(nilai: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Peringkat": [1, 2, 3],
            "Wilayah": ["Kabupaten Tabalong", "Kota Banjarbaru", "Kabupaten Hulu Sungai Selatan"],
            "IID": [nilai, 61.5, None],
            "Δ IID": [1.25, -0.5, 0.0],
        }
    )


def _gaya(tabel: pd.DataFrame) -> pd.io.formats.style.Styler:
    gaya = tabel.style.format({"IID": angka, "Δ IID": angka_bertanda}, na_rep="–")
    gaya.set_uuid("uji")  # pandas gives every Styler a random uuid; fixed here so two marshals can be compared
    return gaya


def _tampilan(proto: ArrowData) -> list[list[str]]:
    return pa.ipc.open_stream(proto.styler.display_values).read_all().to_pandas().astype(str).values.tolist()


def test_st_dataframe_and_st_plotly_chart_call_the_wrappers() -> None:
    # If an upgrade moves a call, this fails instead of every selectable table or chart quietly paying again.
    assert arrow.marshall_styler is widget_sekali._marshall_styler
    assert plotly.tools.return_figure_from_figure_or_data is widget_sekali._figur_dict


def test_a_kept_display_is_byte_for_byte_streamlits_own() -> None:
    kunci = uuid.uuid4().hex
    sendiri = ArrowData()
    pandas_styler_utils.marshall_styler(sendiri, _gaya(_tabel(67.04)), "x")
    pertama, kedua = ArrowData(), ArrowData()
    widget_sekali._marshall_styler(pertama, widget_sekali.dengan_kunci(_gaya(_tabel(67.04)), kunci), "x")
    widget_sekali._marshall_styler(kedua, widget_sekali.dengan_kunci(_gaya(_tabel(67.04)), kunci), "x")
    assert pertama.styler.SerializeToString() == sendiri.styler.SerializeToString()
    assert kedua.styler.SerializeToString() == sendiri.styler.SerializeToString()
    assert _tampilan(kedua)[0][2] == "67,04" and _tampilan(kedua)[2][2] == "–"


def test_a_styler_without_a_key_is_never_kept() -> None:
    sebelum = len(widget_sekali._tampilan._isi)
    for nilai in (10.0, 20.0):
        proto = ArrowData()
        widget_sekali._marshall_styler(proto, _gaya(_tabel(nilai)), "x")
        assert _tampilan(proto)[0][2] == angka(nilai)
    assert len(widget_sekali._tampilan._isi) == sebelum


def _halaman() -> None:
    import pandas as pd
    import streamlit as st

    from dasbor.ui import unduh
    from dasbor.visual.format import angka

    iid = float(st.query_params.get("iid", "67.04"))
    tabel = pd.DataFrame({"Wilayah": ["Kabupaten Tabalong", "Kota Banjarbaru"], "IID": [iid, 50.0]})
    unduh.tampilkan_tabel(tabel, "uji", "tabel", format_kolom={"IID": angka}, klik=True)


def test_a_selectable_table_shows_its_own_numbers_run_after_run() -> None:
    at = AppTest.from_function(_halaman)
    for iid, tampil in (("67.04", "67,04"), ("67.04", "67,04"), ("12.5", "12,50"), ("67.04", "67,04")):
        at.query_params["iid"] = iid
        at.run()
        assert not at.exception
        assert _tampilan(at.dataframe[0].proto.arrow_data)[0][1] == tampil


def _halaman_grafik() -> None:
    """A selectable bar chart of a shared figure (data.figur marks it; one per value here), and an unmarked one."""
    import plotly.graph_objects as go
    import streamlit as st

    from dasbor.ui import rekaman, unduh

    iid = float(st.query_params.get("iid", "67.04"))
    bersama = st.session_state.setdefault("figur_bersama", {})
    if iid not in bersama:
        bersama[iid] = rekaman.tandai(go.Figure(go.Bar(x=["Tabalong", "Banjarbaru"], y=[iid, 50.0])))
    unduh.tampilkan_grafik(bersama[iid], "grafik", "bersama", klik=True)
    unduh.tampilkan_grafik(go.Figure(go.Bar(x=["Tabalong"], y=[iid + 1])), "grafik", "halaman", klik=True)


def _spek(at: AppTest, nomor: int) -> dict:
    return json.loads(at.get("plotly_chart")[nomor].proto.spec)


def test_a_selectable_chart_of_a_shared_figure_sends_that_figure_run_after_run() -> None:
    at = AppTest.from_function(_halaman_grafik)
    spek = {}
    for iid in ("67.04", "67.04", "12.5", "67.04"):
        at.query_params["iid"] = iid
        at.run()
        assert not at.exception
        assert at.get("plotly_chart")[0].proto.id  # still a widget
        spek.setdefault(iid, _spek(at, 0))
        assert _spek(at, 0) == spek[iid]
        assert _urai(_spek(at, 0)["data"][0]["y"])[0] == float(iid)
        assert _urai(_spek(at, 1)["data"][0]["y"])[0] == float(iid) + 1  # the page's own figure, drawn as it is
    assert spek["67.04"] != spek["12.5"]


def test_a_kept_figure_dict_is_plotlys_own_and_an_unmarked_figure_is_never_kept() -> None:
    fig = go.Figure(go.Bar(x=["Tabalong"], y=[67.04]))
    sendiri = fig.to_dict()
    tanpa_tanda = widget_sekali._figur_dict(fig, True)
    assert tanpa_tanda == sendiri and tanpa_tanda is not widget_sekali._figur_dict(fig, True)
    rekaman.tandai(fig)
    pertama = widget_sekali._figur_dict(fig, True)
    assert pertama == sendiri and widget_sekali._figur_dict(fig, True) is pertama
