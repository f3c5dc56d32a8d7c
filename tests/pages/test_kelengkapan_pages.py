"""AppTest of the Kelengkapan, Simulasi and Inovasi pages on the demo database: what is shown, drill-down by
(simulated) chart and table selections, links that reopen a level, and a simulation that changes the rank."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import scoring
from dasbor.services.celah import JENIS_CELAH

ROOT = Path(__file__).resolve().parents[2]
TABALONG = "Kabupaten Tabalong"


def buka(halaman: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{halaman}.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def grafik(at: AppTest, i: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def larik(nilai: object) -> list:
    """A figure array from the chart JSON; plotly writes numeric arrays as base64 typed arrays."""
    if isinstance(nilai, dict) and "bdata" in nilai:
        return np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=nilai["dtype"]).tolist()
    return list(nilai)


def pilih_titik(at: AppTest, kunci: str, *customdata: str) -> AppTest:
    at.session_state[kunci] = {
        "selection": {"points": [{"customdata": list(customdata)}], "point_indices": [0], "box": [], "lasso": []}
    }
    return at.run()


def pilih_baris(at: AppTest, kunci: str, baris: int) -> AppTest:
    at.session_state[kunci] = {"selection": {"rows": [baris], "columns": [], "cells": []}}
    return at.run()


def tabel_dengan_kunci(at: AppTest, awalan: str):
    cocok = [d for d in at.dataframe if d.key and d.key.startswith(awalan)]
    assert len(cocok) == 1, [d.key for d in at.dataframe]
    return cocok[0]


def tabel_berkolom(at: AppTest, kolom: str) -> list:
    """Frames of the (non-selectable) tables that have `kolom`; only selectable tables carry their key."""
    return [d.value for d in at.dataframe if kolom in d.value.columns]


def teks(at: AppTest) -> str:
    return "\n".join(
        str(e.value) for kind in ("markdown", "caption", "info", "warning", "success") for e in getattr(at, kind)
    )


@pytest.mark.usefixtures("demo_env")
class TestKelengkapan:
    def test_matrix_shows_every_region_and_indicator_with_provenance(self) -> None:
        at = buka("kelengkapan", tahun="2024")
        assert not at.exception
        assert any("SINTETIS" in w.value for w in at.warning)
        assert any("Aturan IID 2023" in c.value for c in at.caption)
        spec = grafik(at)
        assert len(spec["layout"]["yaxis"]["categoryarray"]) == 14
        assert len(spec["layout"]["xaxis"]["categoryarray"]) == 40  # 20 SPD rows and 20 SID indicators
        assert {c[0] for c in spec["data"][0]["customdata"]} >= {"63", "63.09", "63.72"}
        # what fixing each kind of gap means: drawn when its expander is opened
        assert not at.table
        at.session_state["arti_celah"] = True
        at.run()
        [arti] = at.table
        assert "Yang dikerjakan di portal" in arti.value.columns and len(arti.value) == len(JENIS_CELAH)
        jumlah = buka("kelengkapan", tahun="2024")
        jumlah.radio(key="matriks_nilai").set_value("jumlah").run()
        warna = larik(grafik(jumlah)["data"][0]["marker"]["color"])
        assert all(float(w).is_integer() for w in warna) and max(warna) > 1

    def test_drill_from_matrix_to_one_indicator_of_one_innovation_and_the_link_reopens_it(self) -> None:
        at = buka("kelengkapan", tahun="2024")
        pilih_titik(at, "matriks_2024", "63.09", "35")
        assert not at.exception
        assert at.query_params["indikator"] == "35" and at.query_params["wilayah"] == TABALONG
        assert any(s.value == f"Rincian: {TABALONG}" for s in at.subheader)
        assert any("Hanya celah pada indikator 35" in i.value for i in at.info)
        opd = tabel_dengan_kunci(at, "pd_tabel_")
        nama_opd = opd.value["Perangkat daerah"].iat[0]
        pilih_baris(at, opd.key, 0)
        assert at.query_params["perangkat_daerah"].startswith("63.09-PD")
        inovasi = tabel_dengan_kunci(at, "inovasi_tabel_")
        nama_inovasi = inovasi.value["Inovasi"].iat[0]
        pilih_baris(at, inovasi.key, 0)
        assert not at.exception
        assert at.query_params["inovasi"].startswith("63.09-")
        posisi = next(m.value for m in at.markdown if m.value.startswith("**Posisi:**"))
        assert "indikator 35" in posisi and nama_opd in posisi.replace("\\", "")
        assert any("Bukti dukung" in w.value and "poin IID" in w.value for w in at.warning)
        rubrik = [t.value for t in at.table if "Bukti dukung yang membuktikan" in t.value.columns]
        assert len(rubrik) == 1 and rubrik[0]["Bukti dukung yang membuktikan"].str.contains("video", case=False).all()
        # the link is drawn when its button is opened (st.code's highlighter is heavy for a link few visits copy)
        assert not at.code
        at.session_state["tautan_tampilan"] = True
        at.run()
        tautan = at.code[0].value
        assert "indikator=35" in tautan and "inovasi=63.09-" in tautan and "tahun=2024" in tautan

        kembali = buka("kelengkapan", **dict(at.query_params.items()))
        assert not kembali.exception
        assert next(m.value for m in kembali.markdown if m.value.startswith("**Posisi:**")) == posisi
        assert nama_inovasi.split(" ")[0] in posisi

    def test_a_bar_click_opens_the_perangkat_daerah_and_the_buttons_go_back_up(self) -> None:
        at = buka("kelengkapan", tahun="2024", wilayah="Kabupaten Hulu Sungai Utara")
        batang = grafik(at, 1)["data"][0]
        tertinggi = batang["customdata"][-1][0]  # the top bar is the last point
        pilih_titik(at, "pd_grafik_2024_63.08_None", tertinggi)
        assert at.query_params["perangkat_daerah"] == tertinggi
        at.button(key="naik_wilayah").click().run()
        assert "perangkat_daerah" not in at.query_params

    def test_spd_gaps_open_their_rubric_and_unknown_link_levels_are_dropped_with_a_notice(self) -> None:
        at = buka("kelengkapan", tahun="2024", wilayah=TABALONG, perangkat_daerah="pemda")
        spd = tabel_dengan_kunci(at, "spd_tabel_")
        assert spd.value["Indikator"].iat[0].startswith("8 ")
        pilih_baris(at, spd.key, 0)
        assert at.query_params["indikator"] == "8"
        rubrik = [t.value for t in at.table if "Bukti dukung yang membuktikan" in t.value.columns]
        assert len(rubrik) == 1 and rubrik[0]["Bukti dukung yang membuktikan"].eq("LHP BPK").all()
        asing = buka("kelengkapan", tahun="2024", wilayah=TABALONG, perangkat_daerah="<script>", inovasi="x")
        assert not asing.exception
        assert any("Perangkat daerah dari tautan tidak dikenal" in i.value for i in asing.info)
        assert "perangkat_daerah" not in asing.query_params and "<script>" not in teks(asing)

    def test_worklist_fastest_path_and_skpd_commitment(self) -> None:
        at = buka("kelengkapan", tahun="2024", wilayah="Kabupaten Hulu Sungai Utara")
        [daftar] = tabel_berkolom(at, "ID celah")
        poin = daftar["Nilai perbaikan (poin IID)"]
        # numbers stay numbers (a column sorts as numbers, downloads hold numbers); only the display is 0,123
        assert pd.api.types.is_float_dtype(poin) and pd.api.types.is_float_dtype(daftar["Level sasaran"])
        assert poin.is_monotonic_decreasing
        # the 100 largest of the region's gaps are drawn (each row drawn is sent to the browser), and said so
        [jumlah] = [
            int(c.group(1).replace(".", "")) for m in at.markdown if (c := re.match(r"\*\*([\d.]+) celah\*\*", m.value))
        ]
        assert len(daftar) == 100 < jumlah
        assert any(c.value.startswith("Ditampilkan 100 celah dengan nilai terbesar") for c in at.caption)
        [tampil] = [d for d in at.dataframe if "ID celah" in d.value.columns]
        # shown through a Styler: the display values (0,123) travel beside the numbers
        assert re.search(rb"\d,\d{3}", tampil.proto.arrow_data.styler.display_values)
        assert {"Bukti untuk level sasaran (aturan tahun ini)", "Arti perbaikan"} <= set(daftar.columns)
        unduh = at.get("download_button")
        seluruh = [b for b in unduh if b.label.startswith("Unduh ")]
        assert len(seluruh) == 2  # the whole worklist, Excel and CSV
        # built when clicked, not on every view: the page sends a deferred id, no file
        assert all(b.proto.deferred_file_id and not b.proto.url for b in seluruh)
        # every chart and table on the page has the same PNG / CSV / Excel buttons as the Hasil pages
        assert {"png_matriks_2024", "csv_daftar_kerja", "xlsx_daftar_kerja"} <= {b.key for b in unduh}
        # only the open tab is drawn; another tab's tables come when it is clicked (a rerun from the cache)
        assert not tabel_berkolom(at, "Perbaikan tercepat") and not tabel_berkolom(at, "Memenuhi komitmen")
        at.session_state["kelengkapan_tab"] = "Jalan tercepat"
        at.run()
        assert not tabel_berkolom(at, "ID celah")
        assert {"csv_jalan_semua", "xlsx_jalan_semua", "csv_jalan_rincian", "xlsx_jalan_rincian"} <= {
            b.key for b in at.get("download_button")
        }
        [rincian] = tabel_berkolom(at, "IID sesudahnya (belum dibulatkan)")
        assert pd.api.types.is_float_dtype(rincian["IID sesudahnya (belum dibulatkan)"])
        assert len(rincian) == 2  # HSU 2024: two SPD fixes lift 59,00 past 60,01
        assert any("Sangat Inovatif" in c.value and "Dihitung ulang penuh" in c.value for c in at.caption)
        [semua] = tabel_berkolom(at, "Perbaikan tercepat")
        assert len(semua) == 14
        assert semua.set_index("Wilayah").at[TABALONG, "Predikat berikutnya"] == "— (sudah tertinggi)"
        at.session_state["kelengkapan_tab"] = "Komitmen SKPD"
        at.run()
        [tanpa] = tabel_berkolom(at, "Memenuhi komitmen")  # every SKPD: when its expander is opened
        assert not tanpa.empty and (tanpa["Memenuhi komitmen"] == "belum").all()
        assert any("SKPD yang melaporkan" in m.label for m in at.metric)
        at.session_state["skpd_semua_buka"] = True
        at.run()
        _, semua_skpd = tabel_berkolom(at, "Memenuhi komitmen")
        assert len(semua_skpd) > len(tanpa)
        kunci = {b.key for b in at.get("download_button")}
        assert {"csv_skpd_tanpa", "xlsx_skpd_tanpa", "csv_skpd_semua", "xlsx_skpd_semua"} <= kunci


@pytest.mark.usefixtures("demo_env")
class TestSimulasi:
    def test_without_a_scenario_simulated_equals_real_and_everything_is_labelled(self) -> None:
        at = buka("simulasi", tahun="2024", wilayah="Kabupaten Banjar")
        assert not at.exception
        assert any(e.value.startswith("SIMULASI") for e in at.error)
        nilai = {m.label: m.value for m in at.metric}
        assert nilai["IID"] == nilai["IID simulasi"] == "58,90"
        assert nilai["Peringkat"] == nilai["Peringkat simulasi"] == "6 dari 13"
        spec = grafik(at)
        assert [t["name"] for t in spec["data"]] == ["IID nyata (hitungan)", "SIMULASI"]
        rentang = grafik(at, 1)
        [garis] = [t for t in rentang["data"] if t["mode"] == "lines"]
        assert garis["x"].count(None) == 12  # the 13 kab/kota's ranges, one trace

    def test_marking_evidence_fixed_in_the_editor_changes_band_and_rank_and_is_shared_as_a_link(self) -> None:
        at = buka("simulasi", tahun="2024", wilayah="Kabupaten Banjar")
        kunci = "edit_bukti_63.03_" + hashlib.sha1(b"").hexdigest()[:10]
        at.session_state[kunci] = {"edited_rows": {0: {"Diperbaiki": True}}, "added_rows": [], "deleted_rows": []}
        at.run()
        assert not at.exception
        assert at.query_params["skenario"] == "B:SPD:63.03:8"
        nilai = {m.label: m.value for m in at.metric}
        assert nilai["IID"] == "58,90" and nilai["Predikat"] == "Inovatif" and nilai["Peringkat"] == "6 dari 13"
        assert nilai["IID simulasi"] == "60,10" and nilai["Predikat simulasi"] == "Sangat Inovatif"
        assert nilai["Peringkat simulasi"] == "5 dari 13"
        assert not at.code  # the link is drawn when its button is opened
        at.session_state["tautan_tampilan"] = True
        at.run()
        assert "skenario=B%3ASPD%3A63.03%3A8" in at.code[0].value
        sim = grafik(at)["data"][1]
        assert larik(sim["x"]) == [60.1] and sim["name"] == "SIMULASI"
        nyata = grafik(at)["data"][0]
        assert larik(nyata["x"])[larik(nyata["y"]).index("Banjar")] == 58.9

        dari_tautan = buka("simulasi", tahun="2024", wilayah="Kabupaten Banjar", skenario="B:SPD:63.03:8")
        assert {m.label: m.value for m in dari_tautan.metric}["Peringkat simulasi"] == "5 dari 13"
        dari_tautan.button(key="atur_ulang").click().run()
        assert "skenario" not in dari_tautan.query_params
        assert {m.label: m.value for m in dari_tautan.metric}["IID simulasi"] == "58,90"

    def test_level_hypothetical_and_send_editors_each_add_their_part_to_the_scenario(self) -> None:
        at = buka("simulasi", tahun="2024", wilayah="Kabupaten Banjar")

        def ubah(editor: str, perubahan: dict) -> None:
            versi = hashlib.sha1(at.query_params.get("skenario", "").encode()).hexdigest()[:10]
            at.session_state[f"edit_{editor}_{versi}"] = {
                "edited_rows": {},
                "added_rows": [],
                "deleted_rows": [],
                **perubahan,
            }
            at.run()
            assert not at.exception

        ubah("level_63.03_SPD", {"edited_rows": {1: {"Level simulasi": 3}}})  # indikator 2a
        assert at.query_params["skenario"] == "L:SPD:63.03:2a:3"
        ubah("tambah_63.03", {"added_rows": [{"Urusan": "kesehatan", "Level": 2}]})
        assert at.query_params["skenario"] == "L:SPD:63.03:2a:3,T:1:2"
        ubah("kirim_63.03", {"edited_rows": {0: {"Dikirim": False}}})
        # the first row of the send editor: an innovation of 63.03 by its lasting id (first entered in any year)
        assert re.fullmatch(r"L:SPD:63\.03:2a:3,I:63\.03-20\d\d-\d{4}:0,T:1:2", at.query_params["skenario"])
        assert any("1 level diubah, 1 inovasi dikirim/ditarik, 1 inovasi hipotetis" in c.value for c in at.caption)
        nilai = {m.label: m.value for m in at.metric}
        assert nilai["IID"] == "58,90" and nilai["IID simulasi"] != "58,90"

    def test_hypothetical_innovations_and_unknown_parts(self) -> None:
        at = buka("simulasi", tahun="2024", wilayah="Kabupaten Banjar", skenario="T:0:3,T:1:3,T:2:3,zzz")
        assert not at.exception
        assert any("«zzz»" in i.value and "diabaikan" in i.value for i in at.info)
        assert any(
            "3 inovasi hipotetis" in c.value and "n inovasi simulasi 93 (nyata 90)" in c.value for c in at.caption
        )

    def test_a_pemda_without_spd_simulates_its_sid_and_never_gets_an_iid(self) -> None:
        # Barito Kuala 2025 comes from its portal export alone: no answers, no SPD, nothing marked sent.
        at = buka("simulasi", tahun="2025", wilayah="Kabupaten Barito Kuala", skenario="L:SPD:63.04:1:3")
        assert not at.exception
        assert any("IID memerlukan SPD" in w.value and "SPD dan penghitung portal" in w.value for w in at.warning)
        assert any("SPD wilayah ini belum diisi" in i.value and "diabaikan" in i.value.lower() for i in at.info)
        nilai = {m.label: m.value for m in at.metric}
        assert not any("IID" in label for label in nilai)
        assert nilai["SID"] == nilai["SID simulasi"] and nilai["Predikat simulasi"] == "– (SPD belum diisi)"
        assert nilai["Peringkat"].endswith("dari 2 tanpa SPD")  # ranked among the pemda without SPD only
        spec = grafik(at)
        assert [t["name"] for t in spec["data"]] == ["SID nyata (hitungan)", "SIMULASI"]
        assert set(spec["data"][0]["y"]) == {"Barito Kuala", "HST"}
        kirim = tabel_dengan_kunci(at, "edit_kirim_63.04_").value
        assert kirim["Dikirim"].any() and (kirim["Status sebenarnya"] == "draft").all()  # counted though unmarked
        [n] = [
            int(re.search(r"nyata (\d+)\)", c.value).group(1)) for c in at.caption if "n inovasi simulasi" in c.value
        ]
        assert n == kirim["Dikirim"].sum()

        bukti = tabel_dengan_kunci(at, "edit_bukti_63.04_")
        teratas = bukti.value.iloc[0]
        assert teratas["Indikator"] == "Kematangan (ekspor portal)"
        k = int(re.search(r"Kematangan (\d+) dari 111", teratas["Yang kurang"]).group(1))

        def sid(label: str) -> float:
            return float({m.label: m.value for m in at.metric}[label].replace(".", "").replace(",", "."))

        sebelum = sid("SID")
        at.session_state[bukti.key] = {"edited_rows": {0: {"Diperbaiki": True}}, "added_rows": [], "deleted_rows": []}
        at.run()
        assert not at.exception and at.query_params["skenario"].startswith("B:SID:63.04-")
        # Raising one innovation to 111 adds (111 − k) ÷ MAX(10, n) SID points; its price is that in IID points.
        naik = (111 - k) / max(10, n)
        assert sid("SID simulasi") == pytest.approx(sebelum + naik, abs=0.006)
        maks_total = scoring.load_metodologi("2025").maks_total
        assert float(teratas["Poin IID"].replace(",", ".")) == pytest.approx(naik / maks_total * 100, abs=0.0006)
        assert not any("IID" in m.label for m in at.metric)

        # Every fix the scenario can mark at once: the SID rises, no IID appears.
        bukti = tabel_dengan_kunci(at, "edit_bukti_63.04_")
        semua = {i: {"Diperbaiki": True} for i in range(len(bukti.value))}
        at.session_state[bukti.key] = {"edited_rows": semua, "added_rows": [], "deleted_rows": []}
        at.run()
        assert not at.exception
        assert sid("SID simulasi") > sebelum + naik and not any("IID" in m.label for m in at.metric)


@pytest.mark.usefixtures("demo_env")
class TestInovasi:
    def test_filters_narrow_the_list_and_a_row_opens_the_detail(self) -> None:
        at = buka("inovasi", tahun="2024", wilayah="Kabupaten Hulu Sungai Selatan")
        assert not at.exception
        hasil = tabel_dengan_kunci(at, "hasil_inovasi_")
        semua = len(hasil.value)
        at.radio(key="saring_celah").set_value("ada").run()
        ada = tabel_dengan_kunci(at, "hasil_inovasi_").value
        assert 0 < len(ada) < semua and (ada["Celah"] > 0).all()
        at.multiselect(key="saring_status").set_value(["diterima"]).run()
        diterima = tabel_dengan_kunci(at, "hasil_inovasi_")
        assert set(diterima.value["Status"]) == {"diterima"}
        pilih_baris(at, diterima.key, 0)
        assert not at.exception
        assert at.query_params["inovasi"].startswith("63.06-")
        [indikator] = tabel_berkolom(at, "Terverifikasi")
        assert len(indikator) == 20 and {"Klaim", "Terverifikasi", "Diakui", "Bukti"} <= set(indikator.columns)
        [celah] = tabel_berkolom(at, "ID celah")
        assert not celah.empty
        at.session_state["tautan_tampilan"] = True
        at.run()
        assert "inovasi=63.06-" in at.code[0].value
        assert any(t.value.index.name == "Kolom" for t in at.table)

    def test_last_years_innovation_not_entered_again_opens_its_history(self) -> None:
        at = buka("inovasi", tahun="2025", wilayah=TABALONG)
        belum = tabel_dengan_kunci(at, "belum_input_")
        assert len(belum.value) > 0 and set(belum.value["Tahun ini"]) <= {"belum ada", "draft"}
        pilih_baris(at, belum.key, 0)
        assert not at.exception
        assert at.query_params["riwayat"].startswith("63.09-") and "inovasi" not in at.query_params
        [tahun] = tabel_berkolom(at, "Bagian IID wilayah (poin)")
        assert tahun["Tahun"].iat[-1] == "2025" and tahun["Status"].iat[-1] == "belum diinput ulang"
        assert tahun["Status"].iat[-2] in {"dikirim", "diterima", "ditolak"} and tahun["Tahun"].iat[-2] == "2024"
        [level] = tabel_berkolom(at, "2024")
        assert len(level) == 20 and (level["2025"] == "").all() and level["2024"].str.startswith("klaim ").all()
        assert "aturan usia" in teks(at).lower()

    def test_a_row_of_this_year_shows_its_history_with_changes(self) -> None:
        at = buka("inovasi", tahun="2025", wilayah=TABALONG)
        hasil = tabel_dengan_kunci(at, "hasil_inovasi_")
        pilih_baris(at, hasil.key, 0)
        [tahun] = tabel_berkolom(at, "Bagian IID wilayah (poin)")
        assert tahun["Tahun"].iat[-1] == "2025" and tahun["Kematangan"].iat[-1] != "–"

    def test_text_search_and_an_unknown_innovation_in_the_link(self) -> None:
        at = buka("inovasi", tahun="2024", wilayah="Kabupaten Hulu Sungai Selatan", inovasi="63.09-2024-0001")
        assert any("Inovasi dari tautan tidak dikenal" in i.value for i in at.info)
        at.text_input(key="cari_inovasi").input("posyandu").run()
        nama = tabel_dengan_kunci(at, "hasil_inovasi_").value["Inovasi"]
        assert len(nama) > 0 and nama.str.lower().str.contains("posyandu").all()
