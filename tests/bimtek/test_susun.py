"""The deck built from the demo database: which slides, which numbers, and where each says they come from."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

import scoring
from dasbor.bimtek import susun, tata_letak
from dasbor.bimtek.bahan import Bahan
from dasbor.bimtek.celah import hitung_celah_bukti
from dasbor.bimtek.model import LABEL_SINTETIS, Acara, Deck
from dasbor.bimtek.susun import BimtekError, build_deck, susun_deck, urutan_bawaan
from dasbor.services import db as layanan_db
from dasbor.services import skor
from dasbor.services.db import database
from dasbor.visual import peta
from dasbor.visual.format import angka, nama_pendek
from dasbor.visual.gaya import PROYEKTOR
from tests.bimtek.conftest import ACARA
from tests.conftest import bersihkan_cache


@pytest.fixture(scope="module")
def deck(demo_env_modul: Path, deck_2024: Deck) -> Deck:
    return deck_2024


def _slide(deck: Deck, kunci: str):
    return next(s for s in deck.slides if s.kunci == kunci)


def test_default_deck_has_fixed_slides_around_one_per_kabupaten_kota(deck: Deck) -> None:
    kab_kota = skor.daftar_wilayah().query("jenis != 'provinsi'")["kode_wilayah"].sort_values()
    assert [s.kunci for s in deck.slides] == [
        "judul",
        "peta",
        "peringkat",
        "nasional",
        "tren",
        *(f"wilayah:{k}" for k in kab_kota),
        "penutup",
    ]
    assert (deck.tahun, deck.versi_metodologi, deck.basis) == (2024, "2023", "terverifikasi")
    assert deck.sintetis and deck.label_sintetis == LABEL_SINTETIS
    for slide in deck.slides:
        assert slide.sumber and slide.catatan, slide.kunci
        assert "SINTETIS" in slide.sumber, slide.kunci  # every computed number says it comes from demo data
        assert slide.data, slide.kunci


def test_title_slide_carries_the_event(deck: Deck) -> None:
    judul = deck.slides[0]
    assert judul.judul == "Bimtek IID Hulu Sungai"
    assert judul.isi[0].baris == (
        "Kandangan",
        "27 Mei 2025",
        "Tahun penilaian 2024",
        "Aturan IID versi 2023 · basis terverifikasi",
    )


def test_ranking_slide_shows_the_services_scores(deck: Deck) -> None:
    slide = _slide(deck, "peringkat")
    harapan = skor.skor_tahun(2024).query("jenis != 'provinsi'").set_index("kode_wilayah")["iid"]
    data = slide.data["peringkat"].dropna(subset=["peringkat"]).set_index("kode_wilayah")["iid"]
    assert data.sort_index().tolist() == harapan.sort_index().tolist()
    assert len(slide.figur.data[0].x) == 13  # one bar per kab/kota (the other traces are legend entries)
    kab_kota = skor.skor_tahun(2024).query("jenis != 'provinsi'")
    terbaik = kab_kota.loc[kab_kota["iid"].idxmax()]
    assert f"Tertinggi: {nama_pendek(terbaik['nama_wilayah'])} {angka(terbaik['iid'])}" in slide.isi[0].baris


def test_map_slide_is_the_pages_map_in_projector_style(deck: Deck) -> None:
    slide = _slide(deck, "peta")
    assert [s.kunci for s in deck.slides].index("peta") == 1  # the overview right after the title
    kab_kota = skor.skor_tahun(2024).query("jenis != 'provinsi'").set_index("kode_wilayah")
    assert (
        slide.data["peta"].set_index("kode_wilayah")["iid"].sort_index().tolist()
        == kab_kota["iid"].sort_index().tolist()
    )
    fig = slide.figur
    assert (fig.layout.width, fig.layout.height) == tata_letak.FIGUR_KIRI.piksel()
    # the boundary map of the pages (peta_batas): a filled polygon per region, name and IID written on it
    assert sorted(t.name for t in fig.data if t.fill == "toself") == sorted(kab_kota["nama_wilayah"])
    label = next(t for t in fig.data if t.mode == "markers+text")
    assert label.textfont.size == min(PROYEKTOR.ukuran_kecil, peta.UKURAN_LABEL_MAKS)
    teks = dict(zip(label.customdata[:, 0], label.text, strict=True))
    assert f"<b>{angka(kab_kota.at['63.06', 'iid'])}</b>" in teks["63.06"] and "HSS" in teks["63.06"]
    assert fig.layout.legend.orientation == "v" and fig.layout.legend.x > 1  # beside the map, not under it
    assert slide.isi[0].baris[0].startswith("13 kabupaten/kota: ")
    assert any("Kepmendagri" in c for c in slide.catatan)  # where the boundaries come from


def test_region_slide_prices_its_three_gaps_and_rescores_them(deck: Deck) -> None:
    slide = _slide(deck, "wilayah:63.08")  # Hulu Sungai Utara: one step below Sangat Inovatif in the demo
    ringkasan = slide.data["ringkasan"].iloc[0]
    db = database()
    data, m = skor.data_penilaian(db, 2024), skor.metodologi_tahun(db, 2024)
    iid = skor.skor_tahun(2024).set_index("kode_wilayah").at["63.08", "iid"]
    berikut = m.predikat_berikutnya(iid)
    assert ringkasan["iid"] == iid
    assert (ringkasan["predikat_berikutnya"], ringkasan["jarak_ke_predikat_berikutnya"]) == (
        berikut.nama,
        berikut.jarak,
    )
    harapan = hitung_celah_bukti(data, m, 2024).query("kode_wilayah == '63.08'").head(3)
    assert slide.data["celah"]["nilai_iid"].tolist() == pytest.approx(harapan["nilai_iid"].tolist())
    iid_mentah = skor.skor_tahun(2024).set_index("kode_wilayah").at["63.08", "iid_mentah"]
    assert ringkasan["iid_terverifikasi_sesudah_3_perbaikan"] == pytest.approx(
        float(scoring.bulatkan(iid_mentah + harapan["nilai_iid"].sum(), 2))
    )
    assert ringkasan["predikat_sesudah_3_perbaikan"] == "Sangat Inovatif"
    assert any("naik predikat" in b for b in slide.isi[1].baris)
    terkuat = slide.data["inovasi_terkuat"]["kematangan"]
    assert terkuat.is_monotonic_decreasing and len(terkuat) == 3


def test_national_slide_sets_published_values_beside_computed_ones(deck: Deck) -> None:
    slide = _slide(deck, "nasional")
    resmi = slide.data["nilai_resmi"].set_index("kode_wilayah")
    assert resmi.loc["63", "nilai_iid"] == 51.71  # published, with its source
    assert resmi.loc["63", "sumber"].startswith("https://")
    assert set(resmi.index) == {"63", "63.05", "63.71"}
    assert slide.data["nasional"]["pemda_melapor"].tolist() == [529]
    assert slide.figur is not None


def test_trend_follows_the_chosen_regions_up_to_the_year(deck: Deck) -> None:
    tren = _slide(deck, "tren").data["tren"]
    assert sorted(tren["kode_wilayah"].unique()) == ["63.06", "63.09"]
    assert sorted(tren["tahun"].unique()) == [2021, 2022, 2023, 2024]
    resmi = _slide(deck, "tren").data["nilai_resmi"]
    assert sorted(resmi["nilai_iid"]) == [67.04, 79.37]


def test_closing_slide_lists_one_action_per_region(deck: Deck) -> None:
    penutup = deck.slides[-1]
    assert len(penutup.tabel) == 13
    tindakan = penutup.data["tindakan"].set_index("kode_wilayah")
    assert tindakan.loc["63.08", "predikat_sesudah"] == "Sangat Inovatif"
    assert "↑ Sangat Inovatif" in penutup.tabel.set_index("Wilayah").at["HSU", "Setelah 3 perbaikan (terverifikasi)"]


def test_facilitators_order_and_choice_are_kept(bahan_2024: Bahan) -> None:
    deck = susun_deck(bahan_2024, urutan=["penutup", "wilayah:63.06", "judul"], acara=ACARA)
    assert [s.kunci for s in deck.slides] == ["penutup", "wilayah:63.06", "judul"]
    assert deck.slides[0].data["tindakan"]["kode_wilayah"].tolist() == ["63.06"]


def test_regions_narrow_the_default_order(demo_env_modul: Path) -> None:
    urutan = urutan_bawaan(skor.daftar_wilayah(), ["63.09", "63.06"])
    assert urutan == ["judul", "peta", "peringkat", "nasional", "tren", "wilayah:63.06", "wilayah:63.09", "penutup"]


@pytest.mark.parametrize(
    ("kwargs", "pesan"),
    [
        ({"tahun": 2019}, "Tahun 2019 tidak ada"),
        ({"tahun": 2024, "basis": "semua"}, "Basis skor «semua» tidak dikenal"),
        ({"tahun": 2024, "wilayah_pilihan": ["99"]}, "Kode wilayah tidak dikenal: 99"),
        ({"tahun": 2024, "urutan": ["judul", "grafik-lain"]}, "Slide tidak dikenal: grafik-lain"),
        ({"tahun": 2024, "urutan": []}, "Pilih sedikitnya satu slide"),
        ({"tahun": 2024, "urutan": ["tren"], "wilayah_pilihan": []}, "sedikitnya satu wilayah"),
        ({"tahun": 2024, "acara": Acara("  ", "Banjarbaru", date(2025, 5, 27))}, "Nama acara tidak boleh kosong"),
    ],
)
def test_bad_input_gets_an_indonesian_message(demo_env_modul: Path, kwargs: dict, pesan: str) -> None:
    with pytest.raises(BimtekError, match=pesan):
        build_deck(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "pesan"),
    [
        ({"wilayah_pilihan": ["99"]}, "Kode wilayah tidak dikenal"),
        ({"urutan": ["grafik-lain"]}, "Slide tidak dikenal"),
        ({"urutan": ["tren"], "wilayah_pilihan": []}, "sedikitnya satu wilayah"),
    ],
)
def test_bad_choices_are_refused_before_the_years_data_is_gathered(
    demo_env_modul: Path, monkeypatch: pytest.MonkeyPatch, kwargs: dict, pesan: str
) -> None:
    monkeypatch.setattr(susun, "kumpulkan", lambda *_: pytest.fail("data dikumpulkan sebelum pilihan diperiksa"))
    with pytest.raises(BimtekError, match=pesan):
        build_deck(2024, **kwargs)


@pytest.fixture
def data_nyata(salinan_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the demo database whose data is marked as imported (not synthetic)."""
    with duckdb.connect(str(salinan_db)) as con:
        con.execute("UPDATE sumber_data SET sintetis = false, jenis = 'impor'")
    monkeypatch.setenv("DASBOR_DB", str(salinan_db))
    bersihkan_cache()
    yield salinan_db
    bersihkan_cache()


def test_a_deck_from_imported_data_carries_no_synthetic_label(data_nyata: Path) -> None:
    deck = build_deck(2024, urutan=["judul", "peringkat"])
    assert not deck.sintetis and deck.label_sintetis == ""
    assert all("SINTETIS" not in s.sumber for s in deck.slides)


def test_slides_are_built_from_the_gathered_data_alone(
    deck: Deck, bahan_2024: Bahan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bahan.kumpulkan reads the database once; susun_deck is a pure function of what it gathered."""
    bahan = bahan_2024
    for modul in (layanan_db, skor):
        monkeypatch.setattr(modul, "database", lambda: pytest.fail("susun_deck membaca basis data"))
    dari_bahan = susun_deck(bahan, acara=ACARA)
    assert [(s.kunci, s.judul, s.isi, s.sumber, s.catatan) for s in dari_bahan.slides] == [
        (s.kunci, s.judul, s.isi, s.sumber, s.catatan) for s in deck.slides
    ]
