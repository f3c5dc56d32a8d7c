"""Categorical keys (how services.skor.data_penilaian reads the SID answers' id_inovasi, kode_indikator and
status_bukti) score exactly as their text does: hitung_skor, kontribusi, poin_kematangan, iid_ubah_status,
selisih_kematangan_portal, a region's part and the naive reference give identical frames whether the categories are
the innovation ids in order (codes taken as positions), in another order, a superset, or not the innovations at all,
with the rows shuffled; keys that do not match are refused with today's messages."""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import (
    BASIS,
    DataPenilaian,
    DataTidakSahError,
    daftar_versi,
    hitung_skor,
    iid_ubah_status,
    kontribusi,
    load_metodologi,
    poin_kematangan,
    selisih_iid,
    selisih_kematangan_portal,
)
from scoring.anggota import ada_di, kategori, posisi_di
from scoring.model import STATUS_INOVASI
from scoring.reference import hitung_skor_referensi
from tests.scoring.data_uji import buat_data, data_acak

TEKS = pd.StringDtype("pyarrow", na_value=np.nan)  # what DuckDB gives a text column under pandas 3
M = load_metodologi("2023")


def _kat(nilai: pd.Series, kategori_: list[object]) -> pd.Series:
    return pd.Series(pd.Categorical(nilai, categories=kategori_), index=nilai.index)


def _ganti_sid(data: DataPenilaian, **kolom: Callable[[pd.Series], pd.Series]) -> DataPenilaian:
    sid = data.jawaban_sid.assign(**{k: f(data.jawaban_sid[k]) for k, f in kolom.items()})
    return DataPenilaian(data.inovasi, sid, data.jawaban_spd)


def _lain(nilai: pd.Series) -> list[object]:
    """The distinct values in reverse order: categories whose codes are not positions."""
    return sorted(set(nilai.dropna()), reverse=True)


def _varian(data: DataPenilaian, acak: random.Random) -> dict[str, DataPenilaian]:
    """The same answers keyed as text (pyarrow) and as categoricals of every shape scoring may meet."""
    id_inovasi = data.inovasi["id_inovasi"].tolist()
    lebih = [*id_inovasi, "zz-tanpa-inovasi", "00-lain"]
    acak.shuffle(lebih)
    urut = data.jawaban_sid.sample(frac=1, random_state=acak.randrange(2**32))
    return {
        "teks": _ganti_sid(data, **{k: (lambda s: s.astype(TEKS)) for k in ("id_inovasi", "kode_indikator")}),
        # codes are the innovations' rows: the fast path
        "kode_posisi": _ganti_sid(
            data,
            id_inovasi=lambda s: _kat(s, id_inovasi),
            kode_indikator=kategori,
            status_bukti=kategori,
        ),
        "urutan_lain": _ganti_sid(
            data,
            id_inovasi=lambda s: _kat(s, id_inovasi[::-1]),
            kode_indikator=lambda s: _kat(s, _lain(s)),
            status_bukti=lambda s: _kat(s, _lain(s)),
        ),
        "lebih": _ganti_sid(
            data,
            id_inovasi=lambda s: _kat(s, lebih),
            kode_indikator=lambda s: _kat(s, [*_lain(s), "99"]),
            status_bukti=lambda s: _kat(s, ["zzz", *_lain(s)]),
        ),
        "jawaban_saja": _ganti_sid(data, id_inovasi=lambda s: s.astype("category")),
        "seperti_pembaca": _ganti_sid(
            data,
            id_inovasi=lambda s: kategori(s, data.inovasi["id_inovasi"]),
            kode_indikator=kategori,
            status_bukti=kategori,
        ),
        "baris_diacak": _ganti_sid(
            DataPenilaian(data.inovasi, urut, data.jawaban_spd),
            id_inovasi=lambda s: _kat(s, id_inovasi),
            kode_indikator=kategori,
        ),
    }


def _urut(frame: pd.DataFrame) -> pd.DataFrame:
    """kontribusi in a row order that does not depend on the answers' (one row per answer key)."""
    return frame.sort_values(["aspek", "kode_wilayah", "id_inovasi", "kode_indikator"]).reset_index(drop=True)


def _semua(data: DataPenilaian, versi: str, basis: str) -> dict[str, object]:
    m = load_metodologi(versi)
    id_inovasi = data.inovasi["id_inovasi"].tolist()
    status = [STATUS_INOVASI[i % len(STATUS_INOVASI)] for i in range(len(id_inovasi))]
    hasil: dict[str, object] = {
        "hitung_skor": hitung_skor(data, m, basis),
        "kontribusi": _urut(kontribusi(data, m, basis)),
        "poin_kematangan": poin_kematangan(data, m, basis),
        "selisih_kematangan_portal": selisih_kematangan_portal(data, m),
        "referensi": hitung_skor_referensi(data, m, basis),
        "iid_ubah_status": iid_ubah_status(data, m, id_inovasi, status, basis),
    }
    if len(data.inovasi):
        hasil["bagian_wilayah"] = hitung_skor(data.bagian_wilayah(data.inovasi["kode_wilayah"].iat[0]), m, basis)
    return hasil


def _sama_persis(kini: dict[str, object], harap: dict[str, object], nama: str) -> None:
    assert kini.keys() == harap.keys()
    for fungsi, nilai in harap.items():
        if isinstance(nilai, pd.DataFrame):
            pd.testing.assert_frame_equal(kini[fungsi], nilai, obj=f"{nama}: {fungsi}")
        else:
            np.testing.assert_array_equal(kini[fungsi], nilai, err_msg=f"{nama}: {fungsi}")


@st.composite
def _kasus(draw: st.DrawFn) -> tuple[str, str, DataPenilaian, int]:
    versi = draw(st.sampled_from(daftar_versi()))
    data = draw(data_acak(load_metodologi(versi)))
    # some innovations carry the portal's kematangan: the no-answer path and selisih_kematangan_portal
    portal = draw(
        st.lists(st.one_of(st.none(), st.floats(0, 111)), min_size=len(data.inovasi), max_size=len(data.inovasi))
    )
    inovasi = data.inovasi.assign(kematangan_portal=pd.Series(portal, dtype=float))
    return (
        versi,
        draw(st.sampled_from(BASIS)),
        DataPenilaian(inovasi, data.jawaban_sid, data.jawaban_spd),
        draw(st.integers(0, 2**32)),
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_kasus())
def test_every_keying_scores_identically_to_the_text(kasus: tuple[str, str, DataPenilaian, int]) -> None:
    versi, basis, data, benih = kasus
    harap = _semua(data, versi, basis)
    for nama, varian in _varian(data, random.Random(benih)).items():
        _sama_persis(_semua(varian, versi, basis), harap, nama)


def _dua_wilayah() -> DataPenilaian:
    """Two regions, one innovation each; only the first has answers (kematangan 16 + 3 × 2)."""
    return buat_data([("63.01", "a"), ("63.02", "b")], [("a", "16", 1), ("a", "17", 1)], [("63.01", "1", 1)])


def test_codes_are_not_positions_when_the_categories_are_in_another_order() -> None:
    data = _dua_wilayah()
    harap = hitung_skor(data, M)
    assert harap["skor_kematangan"].tolist()[0] > 0 and harap["skor_kematangan"].tolist()[1] == 0
    terbalik = _ganti_sid(data, id_inovasi=lambda s: _kat(s, ["b", "a"]))
    pd.testing.assert_frame_equal(hitung_skor(terbalik, M), harap)
    # The positions themselves: categories b, a over innovations a, b, and a category not among them.
    assert posisi_di(_kat(pd.Series(["a", "b", "a"]), ["b", "a"]), pd.Series(["a", "b"])).tolist() == [0, 1, 0]
    assert posisi_di(_kat(pd.Series(["a", "c", None]), ["c", "a"]), pd.Series(["a", "b"])).tolist() == [0, -1, -1]
    assert posisi_di(_kat(pd.Series(["b", "a", None]), ["a", "b"]), pd.Series(["a", "b"])).tolist() == [1, 0, -1]


def test_categories_equal_as_text_whatever_their_dtype() -> None:
    assert posisi_di(_kat(pd.Series([17, 16]), [16, 17]), pd.Series(["16", "17"])).tolist() == [1, 0]
    assert posisi_di(_kat(pd.Series([17, 16]), [16, 17]), pd.Series(["16.0", "17.0"])).tolist() == [-1, -1]


@pytest.mark.parametrize(
    ("sid", "kategori_", "kolom", "pesan"),
    [
        ([("b", "16", 2)], ["a", "b"], "id_inovasi", "jawaban_sid memuat id_inovasi yang tidak ada"),
        ([("b", "16", 2)], ["b"], "id_inovasi", "jawaban_sid memuat id_inovasi yang tidak ada"),
        ([(None, "16", 2)], ["a"], "id_inovasi", "jawaban_sid memuat id_inovasi yang tidak ada"),
        ([("a", "99", 2)], ["16", "99"], "kode_indikator", "kode indikator SID tidak dikenal: 99"),
        ([("a", None, 2)], ["16"], "kode_indikator", "kode indikator SID tidak dikenal: nan"),
    ],
)
def test_keys_that_do_not_match_are_refused_as_text_is(sid: list, kategori_: list, kolom: str, pesan: str) -> None:
    data = buat_data([("63.01", "a")], sid)
    for varian in (
        _ganti_sid(data, **{kolom: lambda s: s.astype(TEKS)}),
        _ganti_sid(data, **{kolom: lambda s: _kat(s, kategori_)}),
    ):
        with pytest.raises(DataTidakSahError, match=pesan):
            hitung_skor(varian, M)


def test_repeated_innovation_ids_are_refused_with_categorical_answers() -> None:
    data = buat_data([("63.01", "a"), ("63.02", "a")], [("a", "16", 1)])
    with pytest.raises(DataTidakSahError, match="id_inovasi ganda"):
        hitung_skor(_ganti_sid(data, id_inovasi=lambda s: _kat(s, ["a"])), M)


@pytest.mark.parametrize(
    ("nilai", "daftar", "kategori_harap"),
    [
        (["b", "a", "b"], ["a", "b", "c"], ["a", "b", "c"]),  # sorted and holding every value: the list itself
        (["b", "a", None], ["a", "b", "c"], ["a", "b", "c"]),
        (["b", "a"], ["c", "a", "b"], ["a", "b"]),  # not sorted: the distinct values
        (["b", "x"], ["a", "b", "c"], ["b", "x"]),  # a value not in the list
        (["b", "a"], ["a", "b", "b"], ["a", "b"]),  # a repeat in the list
        (["b", "a"], None, ["a", "b"]),
    ],
)
def test_kategori_keeps_the_values_and_sorts_the_categories(
    nilai: list, daftar: list | None, kategori_harap: list
) -> None:
    seri = pd.Series(nilai, dtype=TEKS, index=[5, 3, 1][: len(nilai)], name="kunci")
    hasil = kategori(seri, None if daftar is None else pd.Series(daftar, dtype=TEKS))
    assert hasil.cat.categories.tolist() == kategori_harap
    pd.testing.assert_series_equal(hasil.astype(TEKS), seri)


@given(st.lists(st.one_of(st.none(), st.sampled_from(["b", "a", "c", "a2", "B", ""])), max_size=20))
def test_a_kategori_sorts_and_compares_as_its_text(nilai: list) -> None:
    seri = pd.Series(nilai, dtype=TEKS)
    kat = kategori(seri)
    pd.testing.assert_series_equal(
        kat.sort_values().astype(TEKS).reset_index(drop=True), seri.sort_values().reset_index(drop=True)
    )
    assert (kat == "a").tolist() == (seri == "a").tolist()
    daftar = pd.Series(["a", "c", None], dtype=TEKS)
    assert ada_di(kat, daftar).tolist() == seri.isin(daftar).tolist()
    assert ada_di(seri, _kat(daftar, ["c", "a", "zz"])).tolist() == seri.isin(daftar).tolist()


@pytest.mark.parametrize(
    "perubahan",
    [
        [("SID", "63.01", "a", "18", 3.0)],  # a new answer row, its evidence 'ada'
        [("SID", "63.01", "a", "16", 3.0), ("SPD", "63.01", None, "1", 2.0)],
    ],
)
def test_level_changes_on_categoricals_whose_statuses_lack_ada(perubahan: list[tuple]) -> None:
    data = buat_data(
        [("63.01", "a"), ("63.02", "b")], [("a", "16", 2, "kosong"), ("b", "17", 1, None)], [("63.01", "1", 1)]
    )
    kat = _ganti_sid(data, **dict.fromkeys(("id_inovasi", "kode_indikator", "status_bukti"), kategori))
    assert "ada" not in kat.jawaban_sid["status_bukti"].cat.categories
    ubah = pd.DataFrame(perubahan, columns=["aspek", "kode_wilayah", "id_inovasi", "kode_indikator", "level_baru"])
    harap = selisih_iid(data, M, ubah)
    assert (harap["selisih_iid"] > 0).any()
    pd.testing.assert_frame_equal(selisih_iid(kat, M, ubah), harap)
