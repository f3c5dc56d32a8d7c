"""Every Hasil and Metodologi page in AppTest against the demo database: it renders, says the data is synthetic,
and the filters change what the charts draw (asserted on the figure data, compared with the services)."""

import pytest

from dasbor.halaman import HASIL
from dasbor.services import hasil, skor
from dasbor.services.db import database
from tests.pages.apptest_bantu import buka, grafik

HALAMAN = list(HASIL)
pytestmark = pytest.mark.usefixtures("demo_env")


def jejak(spec: dict, nama: str | None = None, jenis: str | None = None) -> list[dict]:
    return [
        t for t in spec["data"] if (nama is None or t.get("name") == nama) and (jenis is None or t["type"] == jenis)
    ]


def judul(spec: dict) -> str:
    return spec["layout"]["title"]["text"]


@pytest.mark.parametrize("halaman", HALAMAN)
def test_every_page_renders_with_charts_and_provenance(halaman: str) -> None:
    at = buka(halaman)
    assert grafik(at), "setiap halaman menampilkan paling sedikit satu grafik"
    if halaman != "metodologi":  # the rule catalogue holds no innovation data
        assert any("SINTETIS" in w.value for w in at.warning)
        # every chart says under its title how its numbers were made and that the data is synthetic
        subjudul = [s["layout"]["title"].get("subtitle", {}).get("text", "") for s in grafik(at)]
        assert all("Hitungan dasbor" in t and "SINTETIS" in t for t in subjudul), subjudul


def _iid_tile(spec: dict) -> dict[str, str]:
    """IID text per region of the map, from the points a click selects (boundary or tile map alike)."""
    return {c[0]: c[3] for t in spec["data"] if "customdata" in t for c in t["customdata"]}


def test_ringkasan_map_follows_the_year_and_basis() -> None:
    at = buka("ringkasan")
    assert judul(grafik(at)[0]).startswith(f"Predikat 13 kab/kota, IID {max(skor.daftar_tahun())}")
    at.sidebar.selectbox(key="tahun").select(2022).run()
    peta = grafik(at)[0]
    harapan = hasil.peringkat(2022, "terverifikasi").set_index("kode_wilayah")["iid"]
    ubin = _iid_tile(peta)
    assert len(ubin) == 13
    assert ubin["63.09"] == f"{harapan['63.09']:.2f}".replace(".", ",")
    sebaran = grafik(at)[1]["data"][0]
    assert sum(sebaran["x"]) == 13
    at.sidebar.selectbox(key="basis").select("klaim").run()
    klaim = hasil.peringkat(2022, "klaim").set_index("kode_wilayah")["iid"]
    assert _iid_tile(grafik(at)[0])["63.09"] == f"{klaim['63.09']:.2f}".replace(".", ",")
    assert klaim["63.09"] > harapan["63.09"]  # every claim accepted scores higher


def test_peringkat_bars_are_the_years_scores_and_kota_can_be_separated() -> None:
    at = buka("peringkat", tahun="2023")
    batang = grafik(at)[0]["data"][0]
    p = hasil.peringkat(2023, "terverifikasi")
    kabkota = p[p["jenis"] != "provinsi"].sort_values("peringkat", ascending=False)
    assert batang["x"] == pytest.approx(kabkota["iid"].tolist())
    assert [c[0] for c in batang["customdata"]] == kabkota["kode_wilayah"].tolist()
    resmi = jejak(grafik(at)[0], "Nilai resmi dipublikasikan")[0]
    assert resmi["x"] == [57.64, 60.72]  # Banjar and Banjarmasin 2023, published
    assert at.dataframe[0].value["Sumber resmi"].notna().sum() == 2
    at.radio(key="jenis").set_value("kota").run()
    assert sorted(grafik(at)[0]["data"][0]["y"]) == ["Kota Banjarbaru", "Kota Banjarmasin"]
    assert set(at.dataframe[0].value["Wilayah"]) == {"Kota Banjarbaru", "Kota Banjarmasin"}


def test_peringkat_row_click_opens_that_regions_profile() -> None:
    at = buka("peringkat", tahun="2024")
    pertama = at.dataframe[0].value.iloc[0]
    at.session_state["tabel"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.title[0].value == f"Profil {pertama['Wilayah']}, 2024"
    assert at.query_params["wilayah"] == pertama["Wilayah"]  # links carry the name the filter shows


def test_province_is_shown_apart_from_the_kab_kota_ranking() -> None:
    at = buka("peringkat", tahun="2024")
    assert "Provinsi Kalimantan Selatan" not in grafik(at)[0]["data"][0]["y"]
    assert [h.value for h in at.subheader][-1] == "Provinsi Kalimantan Selatan"
    nilai = {m.label: m.value for m in at.metric}
    assert nilai["Nilai resmi"] == "51,71"


def test_tren_defaults_to_hss_and_tabalong_and_rescoring_changes_bands() -> None:
    at = buka("tren")
    spec = grafik(at)[0]
    garis = jejak(spec, jenis="scatter")
    nama = [t["name"] for t in garis if t["mode"] == "lines+markers"]
    assert nama == ["Kabupaten Hulu Sungai Selatan", "Kabupaten Tabalong"]
    resmi = jejak(spec, "Nilai resmi dipublikasikan")[0]
    assert 67.04 in resmi["y"] and 79.37 in resmi["y"]
    assert all(c[1].startswith("https://") for c in resmi["customdata"])
    garis_versi = [s for s in spec["layout"]["shapes"] if s["type"] == "line"]
    assert len(garis_versi) == 2  # 2022→2023 and 2024→2025
    at.sidebar.selectbox(key="versi").select("2025").run()
    spec = grafik(at)[0]
    assert not [s for s in spec["layout"]["shapes"] if s["type"] == "line"]
    pita = [s for s in spec["layout"]["shapes"] if s["type"] == "rect" and s["line"]["width"] == 0]
    assert {s["y0"] for s in pita if s["y1"] == 100} == {65.01}
    tabalong = next(t for t in jejak(spec, "Kabupaten Tabalong"))
    assert {c[1] for c in tabalong["customdata"]} == {"2025"}
    seragam = hasil.tren("terverifikasi", "2025")
    harapan = seragam[seragam["kode_wilayah"] == "63.09"].sort_values("tahun")["iid"].tolist()
    assert tabalong["y"] == pytest.approx(harapan)


def test_tren_region_choice_and_growth_table() -> None:
    at = buka("tren")
    at.sidebar.multiselect(key="wilayah_tren").set_value(["63.72"]).run()
    garis = [t for t in grafik(at)[0]["data"] if t.get("mode") == "lines+markers"]
    assert [t["name"] for t in garis] == ["Kota Banjarbaru"]
    tabel = at.dataframe[0].value
    assert tabel["Wilayah"].tolist() == ["Kota Banjarbaru"]
    iid = hasil.tren("terverifikasi")
    bb = iid[iid["kode_wilayah"] == "63.72"].sort_values("tahun")["iid"].tolist()
    assert tabel["Rata-rata perubahan (poin/tahun)"].iloc[0] == pytest.approx((bb[-1] - bb[0]) / (len(bb) - 1))
    at.sidebar.multiselect(key="wilayah_tren").set_value([]).run()
    assert any("Pilih satu wilayah" in i.value for i in at.info)


def test_bandingkan_waterfall_runs_from_b_to_a_and_follows_the_choice() -> None:
    at = buka("bandingkan", tahun="2024", wilayah="Kabupaten Tabalong")
    air = grafik(at)[0]["data"][0]
    iid = skor.skor_tahun(2024, "terverifikasi").set_index("kode_wilayah")["iid_mentah"]
    assert air["type"] == "waterfall"
    assert air["x"][0] == pytest.approx(iid["63.06"]) and air["x"][-1] == pytest.approx(iid["63.09"])
    assert sum(air["x"][:-1]) == pytest.approx(iid["63.09"])
    at.sidebar.selectbox(key="pembanding").select("63.72").run()
    air = grafik(at)[0]["data"][0]
    assert air["x"][0] == pytest.approx(iid["63.72"])
    aspek = at.dataframe[0].value.set_index("Aspek")
    assert aspek["Selisih"].sum() == pytest.approx(iid["63.09"] - iid["63.72"])
    at.sidebar.selectbox(key="pembanding").select("63.09").run()
    assert any("dua wilayah yang berbeda" in i.value for i in at.info)


def test_profil_headline_band_distance_and_yandas() -> None:
    at = buka("profil", tahun="2024", wilayah="Kota Banjarmasin")
    assert at.title[0].value == "Profil Kota Banjarmasin, 2024"
    p = hasil.peringkat(2024, "terverifikasi").set_index("kode_wilayah").loc["63.71"]
    nilai = {m.label: m.value for m in at.metric}
    assert nilai["IID"] == f"{p['iid']:.2f}".replace(".", ",")
    berikut = skor.metodologi_tahun(database(), 2024).predikat_berikutnya(p["iid"])
    assert any(f"{berikut.jarak:.2f}".replace(".", ",") in i.value and berikut.nama in i.value for i in at.info)
    assert any("Nilai resmi 2024" in c.value and "58,41" in c.value for c in at.caption)
    yandas = at.dataframe[-1].value
    assert len(yandas) == 6 and set(yandas.columns) == {"Urusan", "Inovasi", "Tercakup"}
    peta, median = grafik(at)[:2]
    sorot = next(t for t in peta["data"] if t.get("name") == "Kota Banjarmasin" and t.get("fill") == "toself")
    assert sorot["line"]["width"] > 1.5 and sorot["opacity"] == 1  # the region highlighted, the others paler
    assert all(t["opacity"] < 1 for t in peta["data"] if t.get("fill") == "toself" and t is not sorot)
    assert median["data"][0]["orientation"] == "h"
    at.sidebar.selectbox(key="wilayah").select("63.02").run()
    assert at.title[0].value == "Profil Kabupaten Kotabaru, 2024"


def test_profil_of_a_pemda_without_spd_shows_sid_alone_and_no_spd_weakness() -> None:
    # Barito Kuala 2025 comes from its portal export alone: no SPD, no indicator answers, nothing marked sent.
    at = buka("profil", tahun="2025", wilayah="Kabupaten Barito Kuala")
    assert not at.exception
    p = hasil.peringkat(2025, "terverifikasi").set_index("kode_wilayah").loc["63.04"]
    assert any("SPD belum diisi" in w.value and "SPD dan penghitung portal" in w.value for w in at.warning)
    nilai = {m.label: m.value for m in at.metric}
    assert nilai["IID"] == "–" and nilai["Peringkat SID (tanpa SPD)"] == str(p["peringkat_sid_saja"])
    teks = " ".join(e.value for e in [*at.markdown, *at.info, *at.success, *at.caption])
    assert "nan" not in teks.split() and "**nan**" not in teks and "Butuh" not in teks  # no band, no "Predikat nan"
    assert any("20 indikator SPD tidak dibandingkan" in i.value for i in at.info)
    assert any("level 20 indikator SID belum diketahui" in i.value for i in at.info)
    assert [c.value for c in at.caption].count("Tidak ada indikator yang jauh di bawah median.") == 1
    # Its innovations are counted as its IID is: every one the age rule admits, though all are marked draft.
    per_tahapan = next(d.value for d in at.dataframe if "Tahapan" in d.value.columns)
    assert per_tahapan["Inovasi"].sum() == p["n_inovasi"]


def test_metodologi_follows_the_year_and_lists_changes() -> None:
    at = buka("metodologi", tahun="2022")
    assert at.selectbox(key="aturan").value == "2022"
    predikat = at.dataframe[2].value
    assert predikat["Dari"].tolist() == [60.0, 30.0, 0.01]
    assert predikat["Sampai"].tolist() == [100.0, 59.99, 29.99]  # the last IID still in the band
    indikator = at.dataframe[3].value
    assert indikator["Kode"].tolist()[:3] == ["1", "2a", "2b"] and "Bukti level 3" in indikator.columns
    at.selectbox(key="aturan").select("2026").run()
    predikat = at.dataframe[2].value
    assert predikat["Dari"].tolist() == [65.01, 40.01, 0.01]
    aturan = at.dataframe[1].value.set_index("Unsur")
    assert aturan.at["Pembagi SID", "Nilai"] == "MAX(12, n)"
    assert "urusan" in aturan.at["Syarat urusan wajib pelayanan dasar", "Nilai"]
    pita = grafik(at)[0]
    assert {t["name"] for t in pita["data"]} == {"Sangat Inovatif", "Inovatif", "Kurang Inovatif"}
    judul_perubahan = [m.value for m in at.markdown if m.value.startswith("**Aturan ")]
    assert judul_perubahan[0] == "**Aturan 2022 → 2023**: 2 perubahan"
