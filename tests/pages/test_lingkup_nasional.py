"""A national deployment (issue 25 §3, §5): with DASBOR_LINGKUP=nasional and a database of several provinces (here
two small ones of the synthetic country, dasbor/demo/nasional.py, standing in for all 38), every count a page gives
is the real one: a kab/kota is ranked among its own province's, the headline card names the province it shows, and
the best kab/kota is the one with the highest IID, not the first province's rank 1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dasbor.bimtek import susun
from dasbor.demo import nasional
from dasbor.demo.generator import SEED
from dasbor.demo.lewat_portal import bangun_demo
from dasbor.services import hasil, kelengkapan
from dasbor.services.db import database
from dasbor.ui import data
from tests.conftest import bersihkan_cache
from tests.impor.bantu import dasbor
from tests.pages.apptest_bantu import ROOT, buka, grafik

TAHUN = 2025
GORONTALO, SULBAR = "75", "76"  # 6 and 6 kab/kota
KABKOTA_SULBAR = "76.02"


@pytest.fixture(scope="module")
def negara(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("nasional") / "iid.duckdb"
    w = nasional.wilayah_nasional()
    frames = nasional.bangun_wilayah(SEED, w[w["kode_provinsi"].isin([GORONTALO, SULBAR])].reset_index(drop=True))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASBOR_LINGKUP", "nasional")
        bangun_demo(path, SEED, frames, kode_lingkup="nasional")
    bersihkan_cache()
    yield path
    bersihkan_cache()


@pytest.fixture
def negara_env(negara: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DASBOR_LINGKUP", "nasional")
    monkeypatch.setenv("DASBOR_DB", str(negara))
    return negara


def _metrik(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.help or "") for m in at.metric}


def test_counts_are_the_provinces_own(negara_env: Path) -> None:
    assert hasil.jumlah_kabkota() == 12 and hasil.jumlah_sejawat(KABKOTA_SULBAR) == 6
    assert hasil.sejawat_peringkat() == "kab/kota se-provinsi, 12 kab/kota di 2 provinsi"
    assert hasil.cakupan_pemda() == "2 provinsi dan 12 kab/kota"

    profil = buka("profil", tahun=str(TAHUN), wilayah="Kabupaten Mamuju")
    assert "Peringkat dari 6 kab/kota" in _metrik(profil)


def test_ranking_is_by_iga_cluster_nationally_and_among_its_kab_kota_in_a_province(negara_env: Path) -> None:
    skor = hasil.peringkat(TAHUN, "terverifikasi")
    # nationally the page opens on the kabupaten cluster: every kabupaten of both provinces, ranked in the cluster
    at = buka("peringkat", tahun=str(TAHUN))
    [batang] = grafik(at)
    assert "(peringkat di antara klaster kabupaten nasional)" in batang["layout"]["title"]["text"].replace("<br>", " ")
    kabupaten = skor[skor["jenis"] == "kabupaten"]
    assert sorted(c[0] for c in batang["data"][0]["customdata"]) == sorted(kabupaten["kode_wilayah"])
    tabel = at.dataframe[0].value.set_index("kode_wilayah")
    assert len(tabel) == len(kabupaten) == 11
    assert tabel["Peringkat"].to_dict() == kabupaten.set_index("kode_wilayah")["peringkat_klaster"].to_dict()
    assert set(tabel["Provinsi"]) == {"Gorontalo", "Sulawesi Barat"} and "Peringkat klaster" not in tabel
    assert at.selectbox(key="di").options == [
        "Seluruh Indonesia (klaster IGA)",
        "Provinsi Gorontalo",
        "Provinsi Sulawesi Barat",
    ]
    # the province cluster ranks the two provinces against each other
    at.radio(key="klaster").set_value("provinsi").run()
    tabel = at.dataframe[0].value
    assert list(tabel["Wilayah"]) == list(
        skor[skor["jenis"] == "provinsi"].sort_values("peringkat_klaster")["nama_wilayah"]
    )
    # one province: its 6 kab/kota ranked among themselves, the national cluster rank beside, the province's card
    at.selectbox(key="di").set_value(SULBAR).run()
    [batang] = grafik(at)
    assert "(peringkat di antara 6 kab/kota di Sulawesi Barat)" in batang["layout"]["title"]["text"].replace(
        "<br>", " "
    )
    tabel = at.dataframe[0].value.set_index("kode_wilayah")
    sulbar = skor[skor["kode_wilayah"].str.startswith(SULBAR + ".") & (skor["jenis"] != "provinsi")]
    assert tabel["Peringkat"].to_dict() == sulbar.set_index("kode_wilayah")["peringkat"].to_dict()
    assert tabel["Peringkat klaster"].to_dict() == sulbar.set_index("kode_wilayah")["peringkat_klaster"].to_dict()
    assert [s.value for s in at.subheader][-1] == "Provinsi Sulawesi Barat"
    prov = skor[skor["kode_wilayah"] == SULBAR].iloc[0]
    assert any(
        f"Klaster provinsi: peringkat {prov['peringkat_klaster']} dari 2 provinsi" in c.value for c in at.caption
    )


def test_the_headline_shows_the_best_kab_kota_and_names_the_province(negara_env: Path) -> None:
    at = buka("ringkasan", tahun=str(TAHUN))
    metrik = _metrik(at)
    assert "IID provinsi tertinggi" in metrik and "IID Provinsi" not in metrik
    assert "2 provinsi dan 12 kab/kota" in metrik["Inovasi dilaporkan"][1]
    skor = hasil.peringkat(TAHUN, "terverifikasi")
    kabkota = skor[skor["jenis"].isin(hasil.KAB_KOTA) & skor["ada_spd"]]
    assert metrik["Tertinggi (kab/kota)"][0] == f"{kabkota['iid'].max():.2f}".replace(".", ",")
    assert "IID tertinggi di antara 12 kab/kota" in metrik["Tertinggi (kab/kota)"][1]
    provinsi = skor[skor["jenis"] == "provinsi"].sort_values("iid", ascending=False).iloc[0]
    assert any(provinsi["nama_wilayah"] in str(m.value) for m in at.markdown)
    tren = next(str(c.value) for c in at.caption if str(c.value).startswith("Tren IID: "))
    assert tren.count("·") == len(nasional.TAHUN) - 1  # one province's years, not every province's


def test_a_compared_and_a_simulated_rank_are_among_the_province_and_so_are_the_charts(negara_env: Path) -> None:
    bandingkan = buka("bandingkan", tahun=str(TAHUN), wilayah="Kabupaten Mamuju", pembanding="Kota Gorontalo")
    assert sum("Di antara 6 kab/kota" in m.help for m in bandingkan.metric if m.label == "Peringkat") == 2
    simulasi = buka("simulasi", tahun=str(TAHUN), wilayah="Kabupaten Mamuju")
    assert _metrik(simulasi)["Peringkat"][0].endswith(" dari 6")
    # its charts show the province's kab/kota, whom the rank is among, not the whole database
    banding, rentang = grafik(simulasi)
    assert len(banding["data"][0]["y"]) == 6
    [garis] = [t for t in rentang["data"] if t["mode"] == "lines"]
    assert garis["x"].count(None) == 5
    # and the gap matrix of Kelengkapan shows the province of the region in focus: the province and its 6 kab/kota
    matriks = grafik(buka("kelengkapan", tahun=str(TAHUN), wilayah="Kabupaten Mamuju"))[0]
    assert len(matriks["layout"]["yaxis"]["categoryarray"]) == 7


def test_a_bimtek_deck_is_one_provinces_and_a_national_database_asks_which(negara_env: Path) -> None:
    # a deck of every pemda in the country would be 520 slides: the CLI asks for the province and writes nothing
    keluar = dasbor(negara_env, "bimtek", "--tahun", str(TAHUN), "--xlsx", str(negara_env.parent / "deck.xlsx"))
    assert (
        keluar.returncode == 2
        and "Basis data memuat 2 provinsi" in keluar.stderr
        and "75 untuk Gorontalo" in keluar.stderr
    )
    assert not (negara_env.parent / "deck.xlsx").exists()
    asing = dasbor(
        negara_env, "bimtek", "--tahun", str(TAHUN), "--provinsi", "63", "--xlsx", str(negara_env.parent / "x.xlsx")
    )
    assert asing.returncode == 2 and "Provinsi «63» tidak ada di basis data; tersedia: 75, 76" in asing.stderr

    deck = susun.build_deck(TAHUN, provinsi=SULBAR)
    skor = hasil.peringkat(TAHUN, "terverifikasi")
    sulbar = skor[skor["kode_wilayah"].str.startswith(SULBAR + ".")]
    per_wilayah = [s for s in deck.slides if s.jenis == "wilayah"]
    assert len(per_wilayah) == 6 and deck.daerah == "Sulawesi Barat"
    judul = {s.kunci: s.judul for s in deck.slides}
    assert judul["peringkat"] == f"Peringkat IID {TAHUN}: kabupaten/kota di Sulawesi Barat"
    assert judul["nasional"] == f"Sulawesi Barat dalam konteks nasional ({TAHUN})"
    peringkat = next(s for s in deck.slides if s.kunci == "peringkat").data["peringkat"].dropna(subset=["peringkat"])
    harapan = sulbar[sulbar["jenis"] != "provinsi"].set_index("kode_wilayah")
    assert peringkat.set_index("kode_wilayah")["iid"].to_dict() == harapan["iid"].to_dict()  # the one IID
    assert peringkat.set_index("kode_wilayah")["peringkat"].to_dict() == harapan["peringkat"].to_dict()

    # Presentasi opens on the province of the comparison pair and starts anew for another province
    at = AppTest.from_file(str(ROOT / "pages" / "presentasi.py"), default_timeout=120)
    at.query_params["tahun"] = str(TAHUN)
    at.run()
    assert not at.exception and at.selectbox(key="provinsi_bimtek").value == GORONTALO
    assert all(k.startswith(GORONTALO + ".") for k in at.multiselect(key="wilayah_tren").value)
    assert at.text_input(key="acara_tempat").value == "Gorontalo"
    at.selectbox(key="provinsi_bimtek").set_value(SULBAR).run()
    assert not at.exception
    slide = [k for k in at.multiselect(key="urutan_slide").value if k.startswith("wilayah:")]
    assert slide == [f"wilayah:{k}" for k in sorted(harapan.index)]
    assert at.text_input(key="acara_tempat").value == "Sulawesi Barat"


def test_a_regions_kelengkapan_is_its_provinces_part_with_the_same_numbers(negara_env: Path) -> None:
    """Nationally a page about one region computes its province's gaps (a national year took a minute), and every
    gap, price and fastest path is the one the whole year gives."""
    db = database()
    utuh = kelengkapan.hitung_kelengkapan(db, TAHUN)
    bagian = data.kelengkapan(TAHUN, KABKOTA_SULBAR)
    assert bagian.provinsi == SULBAR and bagian.cakupan == "semua wilayah Provinsi Sulawesi Barat"
    assert set(bagian.celah["kode_wilayah"].str[:2]) == {SULBAR}
    dari_utuh = utuh.celah[utuh.celah["kode_wilayah"].str.split(".").str[0] == SULBAR]  # the province's own too
    kunci = ["id_celah", "nilai_perbaikan"]
    pd.testing.assert_frame_equal(
        bagian.celah[kunci].sort_values("id_celah", ignore_index=True),
        dari_utuh[kunci].sort_values("id_celah", ignore_index=True),
    )
    jalan = utuh.jalan[utuh.jalan["kode_wilayah"].str.split(".").str[0] == SULBAR].reset_index(drop=True)
    pd.testing.assert_frame_equal(bagian.jalan.reset_index(drop=True), jalan)
    assert set(bagian.komitmen["kode_wilayah"].str[:2]) == {SULBAR}
