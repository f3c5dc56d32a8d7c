"""One IID per region-year on every surface (issue 23 §6, §2): the services behind Ringkasan and Peringkat, the
`hasil` CLI, the Kelengkapan page headline, the Impor preview (and the IID once that import is confirmed) and the
bimtek deck all give the same number, through services.skor.nilai_wilayah.

Two regions of 2025, made through the real import path:
- Kabupaten Tanah Laut (63.01), portal only: its 2025 list replaced by a portal export (kematangan, no answers,
  nothing marked, no SPD). Scored as if every eligible innovation were sent, SID only, ranked apart.
- Kabupaten Kotabaru (63.02), mixed: its demo list (answers, marked status, SPD) re-imported from a portal export
  with two new rows, one of them then marked 'dikirim': SID from answers and one portal kematangan.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import scoring
from dasbor.__main__ import main
from dasbor.bimtek import bahan, susun
from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.demo.portal_tulis import tulis_portal
from dasbor.services import hasil, impor, kiriman, skor, status_inovasi
from dasbor.visual.format import angka
from tests.conftest import bersihkan_cache
from tests.impor.test_halaman_impor import XLSX, _halaman_impor, _masuk
from tests.pages.apptest_bantu import buka

TAHUN = 2025
PORTAL, CAMPUR = "63.01", "63.02"
NAMA = {PORTAL: "Kabupaten Tanah Laut", CAMPUR: "Kabupaten Kotabaru"}
# Portal-only rows: (title, OPD, kematangan, tanggal_penerapan); 2025 admits 2023–2024 (the age rule).
BARIS_PORTAL = [
    ("Layanan Cepat Desa", "Dinas Kominfo", 100.0, date(2023, 3, 1)),
    ("Klinik Keliling", "Dinas Kesehatan", 90.0, date(2024, 5, 2)),
    ("Sekolah Sore", "Dinas Pendidikan", 80.0, date(2023, 9, 9)),
    ("Arsip Lama", "Dinas Kominfo", 111.0, date(2021, 6, 1)),  # too old
    ("Rendah", "Dinas Sosial", 5.0, date(2024, 7, 7)),
]


def _portal(baris: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nama_inovasi": [b[0] for b in baris],
            "nama_perangkat_daerah": [b[1] for b in baris],
            "kematangan": [b[2] for b in baris],
            "tanggal_penerapan": [b[3] for b in baris],
            "tahapan": "penerapan",
            "jenis": "digital",
            "bentuk": "pelayanan publik",
            "inisiator": "ASN",
            "urusan_utama": "kesehatan",
            "ada_video": True,
        }
    )


def _impor(isi: bytes) -> impor.Pemeriksaan:
    periksa = _periksa(isi)
    assert periksa.sah, [str(m) for m in periksa.masalah]
    impor.simpan(periksa, "uji", periksa.sha256)
    bersihkan_cache()
    return periksa


def _periksa(isi: bytes) -> impor.Pemeriksaan:
    db = terbitan.kini().db
    return impor.check_import(db, isi, TAHUN, "daftar-inovasi.xlsx")


def _lama(path: Path, kode: str) -> pd.DataFrame:
    db = Database(path, read_only=True)
    try:
        return db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": kode, "tahun": TAHUN})
    finally:
        db.close()


@pytest.fixture
def dua_wilayah(salinan_env: Path) -> Path:
    with terbitan.penulis(salinan_env, paksa=True) as db, db.transaction() as cur:
        param = {"t": TAHUN, "w": PORTAL}
        cur.execute(
            "DELETE FROM jawaban_sid WHERE tahun = $t AND id_inovasi IN "
            "(SELECT id_inovasi FROM inovasi WHERE tahun = $t AND kode_wilayah = $w)",
            param,
        )
        cur.execute("DELETE FROM inovasi WHERE tahun = $t AND kode_wilayah = $w", param)
        cur.execute("DELETE FROM jawaban_spd WHERE tahun = $t AND kode_wilayah = $w", param)
    bersihkan_cache()
    _impor(tulis_portal(_portal(BARIS_PORTAL), NAMA[PORTAL]))
    lama = _lama(salinan_env, CAMPUR)
    baru = _portal([("Inovasi Portal Dikirim", "Dinas Kesehatan", 99.0, date(2024, 1, 5))] * 1)
    baru = pd.concat([baru, _portal([("Inovasi Portal Draft", "Dinas Sosial", 111.0, date(2024, 2, 5))])])
    campur = pd.concat([lama.assign(kematangan=50.0), baru], ignore_index=True)
    _impor(tulis_portal(campur, NAMA[CAMPUR]))
    sesudah = _lama(salinan_env, CAMPUR).set_index("nama_inovasi")
    status_inovasi.simpan_status(
        TAHUN,
        CAMPUR,
        pd.DataFrame({"id_inovasi": [sesudah.at["Inovasi Portal Dikirim", "id_inovasi"]], "status_inovasi": "dikirim"}),
        "uji",
    )
    bersihkan_cache()
    return salinan_env


def _satu_aturan() -> pd.DataFrame:
    return skor.skor_tahun(TAHUN).set_index("kode_wilayah")


def _peringkat_sid_saja(s: pd.DataFrame, kode: str) -> int:
    """A naive second count: 1 + the kab/kota without SPD whose SID is higher. Besides Tanah Laut these are the
    demo's own portal-only pemda of 2025 (HST 63.04, Barito Kuala 63.07)."""
    tanpa_spd = s[(s["jenis"] != "provinsi") & ~s["ada_spd"]]
    assert set(tanpa_spd.index) == {kode, "63.04", "63.07"}
    return 1 + int((tanpa_spd["skor_sid"] > tanpa_spd.at[kode, "skor_sid"]).sum())


def test_the_one_rule_by_hand(dua_wilayah: Path) -> None:
    s = _satu_aturan()
    p = s.loc[PORTAL]
    # Nothing marked: the 4 eligible are counted as sent; 2025: MAX(10, n), 0,38 each, no yandas gate:
    # (100 + 90 + 80 + 5) ÷ 10 + 4 × 0,38 = 29,02. No SPD: no IID, no predikat, ranked apart by SID.
    assert p["dasar_nilai"] == "semua_layak" and p["sumber_sid"] == "kematangan" and not p["ada_spd"]
    assert p["skor_sid"] == pytest.approx(29.02) and p["n_inovasi"] == 4
    assert pd.isna(p["iid"]) and pd.isna(p["predikat"]) and pd.isna(p["peringkat"])
    assert p["peringkat_sid_saja"] == _peringkat_sid_saja(s, PORTAL)
    c = s.loc[CAMPUR]
    assert c["dasar_nilai"] == "ditandai" and c["sumber_sid"] == "campuran" and c["ada_spd"]
    # A naive second computation: the marked data of that region alone, scored directly.
    m = skor.metodologi_tahun(terbitan.kini().db, TAHUN)
    sendiri = scoring.hitung_skor(skor.data_penilaian(terbitan.kini().db, TAHUN).bagian_wilayah(CAMPUR), m).iloc[0]
    assert c["iid"] == sendiri["iid"] and c["predikat"] == sendiri["predikat"]
    kabkota = s[(s["jenis"] != "provinsi") & s["ada_spd"]]
    assert sorted(kabkota["peringkat"].astype(int)) == list(range(1, len(kabkota) + 1))


def test_every_surface_shows_the_same_number(dua_wilayah: Path, akun_admin: str, capsys) -> None:
    s = _satu_aturan()
    # Ringkasan and Peringkat (services.hasil) and hasil_pemda
    p = hasil.peringkat(TAHUN, "terverifikasi").set_index("kode_wilayah")
    h = kiriman.hasil_pemda(terbitan.kini().db, TAHUN).set_index("kode_wilayah")
    for kode in (PORTAL, CAMPUR):
        for kolom in ("iid", "predikat", "peringkat"):
            assert str(p.at[kode, kolom]) == str(s.at[kode, kolom]) == str(h.at[kode, kolom]), (kode, kolom)
        assert h.at[kode, "sid"] == pytest.approx(s.at[kode, "skor_sid"])

    # the hasil CLI
    assert main(["hasil", "--tahun", str(TAHUN)]) == 0
    cli = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"kode_wilayah": str}).set_index("kode_wilayah")
    assert pd.isna(cli.at[PORTAL, "iid"]) and cli.at[PORTAL, "sid"] == pytest.approx(29.02)
    assert cli.at[PORTAL, "peringkat_sid_saja"] == _peringkat_sid_saja(s, PORTAL)
    assert cli.at[PORTAL, "dasar_nilai"] == "semua_layak"
    assert (
        cli.at[CAMPUR, "iid"] == pytest.approx(s.at[CAMPUR, "iid"])
        and cli.at[CAMPUR, "peringkat"] == s.at[CAMPUR, "peringkat"]
    )

    # the saran-kirim CLI says the IID now beside its scenarios
    import json

    for kode in (PORTAL, CAMPUR):
        assert main(["saran-kirim", "--tahun", str(TAHUN), "--wilayah", kode, "--format", "json"]) == 0
        r = json.loads(capsys.readouterr().out)["ringkasan"]
        if kode == PORTAL:
            assert r["iid_sekarang"] is None and r["dasar_nilai_sekarang"].startswith("SID saja")
        else:
            assert (
                r["iid_sekarang"] == s.at[kode, "iid"]
                and r["dasar_nilai_sekarang"] == "sesuai status kirim yang ditandai"
            )

    # the bimtek deck
    b = bahan.kumpulkan(TAHUN, "terverifikasi")
    deck = susun.susun_deck(b, [PORTAL, CAMPUR], acara=None)
    slide = {sl.kunci: sl for sl in deck.slides}
    r_portal = slide[susun.kunci_wilayah(PORTAL)].data["ringkasan"].iloc[0]
    assert pd.isna(r_portal["iid"]) and r_portal["sid"] == pytest.approx(29.02)
    teks_portal = " ".join(" ".join(bg.baris) for bg in slide[susun.kunci_wilayah(PORTAL)].isi)
    assert "SID 29,02" in teks_portal and "SPD belum diisi" in teks_portal and "IID" not in teks_portal.split("·")[0]
    # kematangan on portal data: the strongest is the 100 (the 111 is too old to count)
    assert "100/111 · Layanan Cepat Desa" in teks_portal
    r_campur = slide[susun.kunci_wilayah(CAMPUR)].data["ringkasan"].iloc[0]
    assert r_campur["iid"] == s.at[CAMPUR, "iid"] and r_campur["predikat"] == s.at[CAMPUR, "predikat"]
    # "if fixed" never lowers the number it stands beside
    assert b.sesudah.at[CAMPUR, "iid_sesudah"] >= s.at[CAMPUR, "iid"]
    assert b.sesudah.at[PORTAL, "sid_sesudah"] >= s.at[PORTAL, "skor_sid"] - 1e-9

    # the Kelengkapan page headline
    for kode in (PORTAL, CAMPUR):
        at = buka("kelengkapan", tahun=str(TAHUN), wilayah=NAMA[kode])
        metrik = {m.label: m.value for m in at.metric}
        if kode == PORTAL:
            assert metrik[f"SID {TAHUN} (tanpa SPD)"] == "29,02" and metrik["Predikat"].startswith("–")
        else:
            assert metrik[f"IID {TAHUN} (hitungan)"] == angka(s.at[kode, "iid"])
            assert metrik["Predikat"] == s.at[kode, "predikat"]
        assert any("bila semua yang memenuhi aturan usia dikirim" in c.value for c in at.caption) == (kode == PORTAL)

    # the Impor preview, and the IID once that import is confirmed
    baris = [*BARIS_PORTAL[:2], ("Sekolah Sore", "Dinas Pendidikan", 110.0, date(2023, 9, 9)), BARIS_PORTAL[3]]
    isi = tulis_portal(_portal(baris), NAMA[PORTAL])
    at = _masuk(_halaman_impor())
    at.selectbox(key="impor_tahun").select(TAHUN).run()
    at.file_uploader(key="impor_berkas").set_value(("daftar-inovasi.xlsx", isi, XLSX))
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    [pratinjau] = [d.value.iloc[0] for d in at.dataframe if "IID sesudah" in d.value.columns]
    assert pratinjau["IID sebelum"] == "–" and pratinjau["IID sesudah"] == "–"  # still no SPD
    # three eligible now: (100 + 90 + 110) ÷ 10 + 3 × 0,38 = 31,14
    assert pratinjau["SID sesudah"] == "31,14" and "SPD belum diisi" in pratinjau["Dasar nilai sesudah"]
    at.button(key="konfirmasi_impor").click().run()
    assert not at.exception, at.exception
    bersihkan_cache()
    assert _satu_aturan().at[PORTAL, "skor_sid"] == pytest.approx(31.14)


def test_the_preview_of_a_mixed_region_equals_the_result(dua_wilayah: Path) -> None:
    """A re-import that drops the marked portal row: the preview's IID is the IID after confirming, and the
    one before is the IID every page shows now."""
    lama = _lama(dua_wilayah, CAMPUR)
    isi = tulis_portal(lama[lama["nama_inovasi"] != "Inovasi Portal Dikirim"], NAMA[CAMPUR])
    periksa = _periksa(isi)
    assert periksa.sah, [str(m) for m in periksa.masalah]
    r = impor.preview(terbitan.kini().db, periksa).ringkasan.set_index("kode_wilayah").loc[CAMPUR]
    sebelum = _satu_aturan().loc[CAMPUR]
    assert r["iid_sebelum"] == sebelum["iid"] and r["predikat_sebelum"] == sebelum["predikat"]
    impor.simpan(periksa, "uji", periksa.sha256)
    bersihkan_cache()
    sesudah = _satu_aturan().loc[CAMPUR]
    assert r["iid_sesudah"] == sesudah["iid"] != sebelum["iid"] and r["predikat_sesudah"] == sesudah["predikat"]
    assert r["dasar_sesudah"] == "sesuai status kirim yang ditandai"


def test_a_region_imported_for_real_is_never_labelled_synthetic(dua_wilayah: Path) -> None:
    """2025 is now mixed: Tanah Laut and Kotabaru came from (portal) imports, the other regions from the demo."""
    from dasbor.services import asal, daftar_kerja, kelengkapan

    a = asal.asal_tahun(TAHUN)
    assert a.campuran and set(a.nyata) == {NAMA[PORTAL], NAMA[CAMPUR]}
    assert NAMA[PORTAL] not in a.label() and "hanya untuk" in a.label() and "Kabupaten Banjar" in a.label()
    # the worklist and its print
    kel = kelengkapan.hitung_kelengkapan(terbitan.kini().db, TAHUN)
    for kode, sintetis in ((PORTAL, False), (CAMPUR, False), ("63.03", True)):
        keterangan = dict(daftar_kerja.lembar_kerja(kel, kode, date(2026, 12, 7))["Keterangan"].to_numpy())
        assert keterangan["Data"].startswith("SINTETIS") == sintetis, kode
        assert ("SINTETIS" in daftar_kerja.kop(kel, kode).label_sintetis) == sintetis, kode
    # the deck: no label on the real regions' slides, the synthetic ones named on the others
    deck = susun.susun_deck(bahan.kumpulkan(TAHUN, "terverifikasi"), [PORTAL, "63.03"], acara=None)
    slide = {sl.kunci: sl for sl in deck.slides}
    assert deck.label_untuk(slide[susun.kunci_wilayah(PORTAL)]) == ""
    assert "hanya untuk" in deck.label_untuk(slide[susun.kunci_wilayah("63.03")])
    assert NAMA[PORTAL] not in deck.label_sintetis and "Kabupaten Banjar" in deck.label_sintetis
    # the pages: the banner names the synthetic regions only
    at = buka("ringkasan", tahun=str(TAHUN))
    [banner] = [w.value for w in at.warning if "SINTETIS" in w.value]
    assert "hanya untuk" in banner and "Tanah Laut" not in banner and "Kotabaru" not in banner


@pytest.mark.parametrize("halaman", ["ringkasan", "peringkat", "tren", "bandingkan", "profil", "simulasi", "inovasi"])
def test_pages_draw_a_pemda_without_spd_as_sid_only(dua_wilayah: Path, halaman: str) -> None:
    at = buka(halaman, tahun=str(TAHUN), wilayah=NAMA[PORTAL])
    teks = " ".join(str(e.value) for jenis in ("markdown", "caption", "warning", "info") for e in at.get(jenis))
    assert "SPD" in teks, halaman
