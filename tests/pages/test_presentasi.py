"""AppTest of the Presentasi page on the demo database: navigation, slide choice and order, mode, files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
HALAMAN = str(ROOT / "pages" / "presentasi.py")


def _buka(**query: str) -> AppTest:
    at = AppTest.from_file(HALAMAN, default_timeout=120)
    for kunci, nilai in {"tahun": "2024", **query}.items():
        at.query_params[kunci] = nilai
    return at.run()


def _nomor(at: AppTest) -> str:
    return next(m.value for m in at.markdown if re.fullmatch(r"\d+ / \d+", m.value))


def _judul(at: AppTest) -> str:
    """The slide's title as shown (Markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", at.title[-1].value)


def test_opens_on_the_title_slide_with_the_synthetic_label(demo_env: Path) -> None:
    at = _buka()
    assert not at.exception
    assert _nomor(at) == "1 / 19"
    assert _judul(at) == "Bimtek Indeks Inovasi Daerah"
    assert any("Data inovasi SINTETIS" in m.value for m in at.markdown)
    assert at.query_params["slide"] == "1"
    assert at.button(key="slide_sebelum").disabled


def test_next_and_previous_buttons_move_the_slide_and_the_url(demo_env: Path) -> None:
    at = _buka()
    at.button(key="slide_berikut").click().run()
    at.button(key="slide_berikut").click().run()
    assert _nomor(at) == "3 / 19"
    assert _judul(at) == "Peringkat IID 2024: kabupaten/kota di Kalimantan Selatan"
    at.button(key="slide_sebelum").click().run()
    assert _nomor(at) == "2 / 19"
    assert _judul(at) == "Peta predikat IID 2024 di Kalimantan Selatan"
    assert at.query_params["slide"] == "2"
    assert len(at.get("plotly_chart")) == 1


def test_a_link_opens_its_slide_and_is_clamped_to_the_deck(demo_env: Path) -> None:
    at = _buka(slide="6")
    assert _nomor(at) == "6 / 19" and _judul(at) == "Kabupaten Tanah Laut"
    at = _buka(slide="99")
    assert _nomor(at) == "19 / 19" and _judul(at) == "Daftar tindakan per wilayah"
    assert at.button(key="slide_berikut").disabled
    assert len(at.table) == 1 and len(at.table[0].value) == 13


@pytest.mark.parametrize("nilai", ["<script>", "²", "٣", "9" * 5000])
def test_a_malformed_slide_number_in_the_link_starts_at_one(demo_env: Path, nilai: str) -> None:
    """Superscript and other-script digits pass str.isdigit() but not int(), and 5 000 digits pass neither int()'s
    limit: each crashed the page (issue 24 L6)."""
    at = _buka(slide=nilai)
    assert not at.exception, at.exception
    assert _nomor(at) == "1 / 19"
    assert "Nomor slide pada tautan tidak sah" in at.info[0].value


def test_the_facilitator_chooses_and_orders_slides(demo_env: Path) -> None:
    at = _buka()
    at.multiselect(key="urutan_slide").set_value(["penutup", "wilayah:63.06", "judul"]).run()
    assert _nomor(at) == "1 / 3"
    assert _judul(at) == "Daftar tindakan per wilayah"
    assert len(at.table[0].value) == 1  # the closing list follows the regions in the deck
    at.selectbox(key="slide_dipindah").set_value("judul").run()
    at.button(key="slide_naik").click().run()
    assert at.multiselect(key="urutan_slide").value == ["penutup", "judul", "wilayah:63.06"]
    at.button(key="slide_berikut").click().run()
    assert _judul(at) == "Bimtek Indeks Inovasi Daerah"
    at.button(key="urutan_bawaan").click().run()
    assert len(at.multiselect(key="urutan_slide").value) == 19


def test_no_slide_chosen_gets_a_message(demo_env: Path) -> None:
    at = _buka()
    at.multiselect(key="urutan_slide").set_value([]).run()
    assert not at.exception
    assert "Pilih sedikitnya satu slide" in at.info[0].value


def test_title_slide_fields_are_editable_and_checked(demo_env: Path) -> None:
    at = _buka()
    at.text_input(key="acara_nama").set_value("Bimtek IID Tabalong").run()
    at.text_input(key="acara_tempat").set_value("Tanjung").run()
    assert _judul(at) == "Bimtek IID Tabalong"
    assert any("Tanjung" in m.value for m in at.markdown)
    at.text_input(key="acara_nama").set_value("   ").run()
    assert "Nama acara tidak boleh kosong" in at.error[0].value


def test_presentation_mode_hides_the_chrome_and_starts_at_slide_one(demo_env: Path) -> None:
    at = _buka(slide="4")
    assert not any("stSidebar" in h.proto.body for h in at.get("html"))
    at.button(key="mulai_presentasi").click().run()
    assert at.session_state["presentasi_aktif"]
    assert _nomor(at) == "1 / 19"
    assert any('[data-testid="stSidebar"]' in h.proto.body for h in at.get("html"))
    at.button(key="keluar_presentasi").click().run()
    assert not at.session_state["presentasi_aktif"]
    assert at.button(key="mulai_presentasi")


def test_files_are_prepared_on_request_for_the_current_deck(demo_env: Path) -> None:
    at = _buka()
    at.multiselect(key="urutan_slide").set_value(["judul", "peringkat"]).run()
    assert not at.get("download_button")  # nothing is rendered until asked: it takes seconds
    at.button(key="siapkan_berkas").click().run()
    unduh = at.get("download_button")
    assert [u.proto.label for u in unduh] == ["Unduh PPTX", "Unduh PDF", "Unduh XLSX"]
    assert [u.proto.url.rsplit(".", 1)[1] for u in unduh] == ["pptx", "pdf", "xlsx"]
    at.multiselect(key="urutan_slide").set_value(["judul"]).run()
    assert not at.get("download_button")
    assert any("siapkan lagi" in c.value for c in at.caption)
