"""Invariants of hitung_skor / kontribusi / selisih_iid on random data, every version and both bases."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scoring import (
    BASIS,
    DataPenilaian,
    Metodologi,
    bulatkan,
    daftar_versi,
    hitung_skor,
    kontribusi,
    load_metodologi,
    selisih_iid,
)
from tests.scoring.data_uji import data_acak

PROPERTI = settings(max_examples=60, deadline=None)
LEVEL_KOLOM = ["level_klaim", "level_verifikasi"]


@dataclasses.dataclass(frozen=True)
class Kasus:
    versi: str  # not the Metodologi itself, so that a falsifying example prints short
    basis: str
    data: DataPenilaian

    def __iter__(self) -> Iterator[Any]:
        return iter((load_metodologi(self.versi), self.basis, self.data))


@st.composite
def kasus(draw: st.DrawFn) -> Kasus:
    versi = draw(st.sampled_from(daftar_versi()))
    return Kasus(versi, draw(st.sampled_from(BASIS)), draw(data_acak(load_metodologi(versi))))


def skor(data: DataPenilaian, m: Metodologi, basis: str) -> pd.DataFrame:
    return hitung_skor(data, m, basis).set_index("kode_wilayah")


@PROPERTI
@given(kasus())
def test_skor_dalam_rentang_dan_konsisten(k: Kasus) -> None:
    m, basis, data = k
    s = skor(data, m, basis)
    assert s["iid_mentah"].between(0, 100).all() and s["iid"].between(0, 100).all()
    assert (s["skor_spd"] <= m.maks_spd + 1e-9).all()
    assert (s["skor_kematangan"] <= m.maks_sid_per_inovasi + 1e-9).all()  # an average of at most 111 each
    assert (s["skor_jumlah_inovasi"] <= m.maks_jumlah + 1e-9).all()
    assert (s["pembagi"] == np.maximum(m.pembagi_minimum, s["n_inovasi"])).all()
    assert (s["iid"] == bulatkan(s["iid_mentah"], m.digit_iid)).all()
    assert ((s["iid"] == 0) == (s["predikat"] == m.predikat_nol)).all()


@PROPERTI
@given(kasus(), st.data())
def test_menaikkan_satu_level_tidak_menurunkan_iid(k: Kasus, d: st.DataObject) -> None:
    m, basis, data = k
    tabel = d.draw(st.sampled_from(["jawaban_sid", "jawaban_spd"]))
    frame = getattr(data, tabel)
    assume(len(frame) > 0)
    i = d.draw(st.integers(0, len(frame) - 1))
    # An empty claim is level 0; an empty verification is not a level (filling it may lower the count).
    kolom = "level_klaim" if pd.isna(frame["level_verifikasi"].iat[i]) else d.draw(st.sampled_from(LEVEL_KOLOM))
    lama = frame[kolom].iat[i]
    baru = frame.copy()
    baru.iloc[i, baru.columns.get_loc(kolom)] = d.draw(st.integers(0 if pd.isna(lama) else int(lama), 3))
    sebelum = skor(data, m, basis)
    sesudah = skor(dataclasses.replace(data, **{tabel: baru}), m, basis)
    assert (sesudah["iid_mentah"] >= sebelum["iid_mentah"] - 1e-12).all()
    assert (sesudah["iid"] >= sebelum["iid"]).all()


@PROPERTI
@given(kasus(), st.randoms(use_true_random=False))
def test_urutan_baris_tidak_berpengaruh(k: Kasus, acak: random.Random) -> None:
    m, basis, data = k

    def kocok(frame: pd.DataFrame) -> pd.DataFrame:  # keeps the shuffled index on purpose: no label alignment
        return frame.sample(frac=1, random_state=acak.randrange(2**32))

    teracak = DataPenilaian(*(kocok(getattr(data, f.name)) for f in dataclasses.fields(data)))
    pd.testing.assert_frame_equal(skor(teracak, m, basis), skor(data, m, basis), rtol=1e-12)


@PROPERTI
@given(kasus(), st.data())
def test_inovasi_tanpa_jawaban_hanya_menggeser_pembagi(k: Kasus, d: st.DataObject) -> None:
    """MAX(k, n): while n < k an empty seat is already counted, so one more zero innovation changes nothing in
    skor_kematangan; from n ≥ k on it dilutes the average. Σ kematangan itself never moves."""
    m, basis, data = k
    sebelum = skor(data, m, basis)
    assume(not sebelum.empty)
    w = d.draw(st.sampled_from(sorted(sebelum.index)))
    tambahan = pd.DataFrame(
        [{"kode_wilayah": w, "id_inovasi": "baru", "status_inovasi": "dikirim", "urusan_utama": None}]
    )
    sesudah = skor(dataclasses.replace(data, inovasi=pd.concat([data.inovasi, tambahan], ignore_index=True)), m, basis)
    a, b = sebelum.loc[w], sesudah.loc[w]
    assert b["n_inovasi"] == a["n_inovasi"] + 1
    assert b["pembagi"] == max(m.pembagi_minimum, a["n_inovasi"] + 1)
    assert b["skor_kematangan"] * b["pembagi"] == pytest.approx(a["skor_kematangan"] * a["pembagi"], abs=1e-9)
    if a["n_inovasi"] < m.pembagi_minimum:
        assert b["skor_kematangan"] == a["skor_kematangan"]
    assert b["skor_jumlah_inovasi"] >= a["skor_jumlah_inovasi"]
    pd.testing.assert_frame_equal(sesudah.drop(index=w), sebelum.drop(index=w))


@PROPERTI
@given(kasus())
def test_wilayah_saling_bebas(k: Kasus) -> None:
    m, basis, data = k
    semua = skor(data, m, basis)
    for w in semua.index:
        inovasi = data.inovasi[data.inovasi["kode_wilayah"] == w]
        sendiri = DataPenilaian(
            inovasi=inovasi,
            jawaban_sid=data.jawaban_sid[data.jawaban_sid["id_inovasi"].isin(inovasi["id_inovasi"])],
            jawaban_spd=data.jawaban_spd[data.jawaban_spd["kode_wilayah"] == w],
        )
        pd.testing.assert_series_equal(skor(sendiri, m, basis).loc[w], semua.loc[w], rtol=1e-12)


@PROPERTI
@given(kasus())
def test_bagian_provinsi_menilai_wilayahnya_seperti_data_utuh(k: Kasus) -> None:
    """A deck of one province scores its part of a national year (DataPenilaian.bagian_provinsi): every region
    of the province, and no other, with the IID the whole year gives it."""
    m, basis, data = k
    kode = sorted(set(data.inovasi["kode_wilayah"]) | set(data.jawaban_spd["kode_wilayah"]))
    pindah = {w: "64" + w[2:] for w in kode[::2]}  # every other region moves to a second province
    dua = DataPenilaian(
        inovasi=data.inovasi.assign(kode_wilayah=data.inovasi["kode_wilayah"].replace(pindah)),
        jawaban_sid=data.jawaban_sid,
        jawaban_spd=data.jawaban_spd.assign(kode_wilayah=data.jawaban_spd["kode_wilayah"].replace(pindah)),
    )
    semua = skor(dua, m, basis)
    for provinsi in ("63", "64"):
        bagian = dua.bagian_provinsi(provinsi)
        sendiri = skor(bagian, m, basis) if len(bagian.inovasi) or len(bagian.jawaban_spd) else semua.iloc[:0]
        assert set(sendiri.index) == {w for w in semua.index if w.split(".")[0] == provinsi}
        assert set(bagian.jawaban_sid["id_inovasi"]) <= set(bagian.inovasi["id_inovasi"])
        pd.testing.assert_frame_equal(sendiri, semua.loc[sendiri.index], rtol=1e-12)


@PROPERTI
@given(kasus())
def test_kontribusi_menjumlah_ke_iid_mentah(k: Kasus) -> None:
    m, basis, data = k
    s = skor(data, m, basis)
    per_wilayah = kontribusi(data, m, basis).groupby("kode_wilayah")["kontribusi_iid"].sum()
    jumlah = s["skor_jumlah_inovasi"] / m.maks_total * 100
    np.testing.assert_allclose(per_wilayah.reindex(s.index, fill_value=0) + jumlah, s["iid_mentah"], atol=1e-9)


@PROPERTI
@given(kasus(), st.data())
def test_selisih_iid_sama_dengan_poin_per_level(k: Kasus, d: st.DataObject) -> None:
    m, basis, data = k
    rincian = kontribusi(data, m, basis)
    assume(len(rincian) > 0)
    baris = rincian.iloc[d.draw(st.integers(0, len(rincian) - 1))]
    level_baru = d.draw(st.integers(0, 3))
    perubahan = pd.DataFrame(
        [{**baris[["aspek", "kode_wilayah", "id_inovasi", "kode_indikator"]].to_dict(), "level_baru": level_baru}]
    )
    selisih = selisih_iid(data, m, perubahan, basis).set_index("kode_wilayah")["selisih_iid"]
    harapan = pd.Series(0.0, index=selisih.index)
    harapan[baris["kode_wilayah"]] = baris["poin_per_level"] * (level_baru - baris["level"])
    np.testing.assert_allclose(selisih, harapan, atol=1e-9)


@PROPERTI
@given(kasus())
def test_jenis_kolom_teks_tidak_berpengaruh(k: Kasus) -> None:
    """pyarrow-backed strings (DuckDB, read_csv) and plain Python objects score the same."""
    m, basis, data = k

    def objek(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.astype({c: object for c in frame.columns if pd.api.types.is_string_dtype(frame[c])})

    sebagai_objek = DataPenilaian(*(objek(getattr(data, f.name)) for f in dataclasses.fields(data)))
    pd.testing.assert_frame_equal(skor(sebagai_objek, m, basis), skor(data, m, basis), check_dtype=False)
