"""A selectable table's number display kept per content (dasbor/ui/styler_sekali.py): in place where st.dataframe
marshals a Styler on the pinned Streamlit, byte for byte Streamlit's own display, never another table's."""

from __future__ import annotations

import uuid

import pandas as pd
import pyarrow as pa
from streamlit.elements import arrow
from streamlit.elements.lib import pandas_styler_utils
from streamlit.proto.ArrowData_pb2 import ArrowData
from streamlit.testing.v1 import AppTest

import dasbor.ui.unduh  # noqa: F401  (installs the wrapper)
from dasbor.ui import styler_sekali
from dasbor.visual.format import angka, angka_bertanda


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


def test_st_dataframe_marshals_stylers_through_the_wrapper() -> None:
    # If a Streamlit upgrade moves the call, this fails instead of every selectable table quietly paying again.
    assert arrow.marshall_styler is styler_sekali._marshall_styler


def test_a_kept_display_is_byte_for_byte_streamlits_own() -> None:
    kunci = uuid.uuid4().hex
    sendiri = ArrowData()
    pandas_styler_utils.marshall_styler(sendiri, _gaya(_tabel(67.04)), "x")
    pertama, kedua = ArrowData(), ArrowData()
    styler_sekali._marshall_styler(pertama, styler_sekali.dengan_kunci(_gaya(_tabel(67.04)), kunci), "x")
    styler_sekali._marshall_styler(kedua, styler_sekali.dengan_kunci(_gaya(_tabel(67.04)), kunci), "x")
    assert pertama.styler.SerializeToString() == sendiri.styler.SerializeToString()
    assert kedua.styler.SerializeToString() == sendiri.styler.SerializeToString()
    assert _tampilan(kedua)[0][2] == "67,04" and _tampilan(kedua)[2][2] == "–"


def test_a_styler_without_a_key_is_never_kept() -> None:
    sebelum = len(styler_sekali._simpanan)
    for nilai in (10.0, 20.0):
        proto = ArrowData()
        styler_sekali._marshall_styler(proto, _gaya(_tabel(nilai)), "x")
        assert _tampilan(proto)[0][2] == angka(nilai)
    assert len(styler_sekali._simpanan) == sebelum


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
