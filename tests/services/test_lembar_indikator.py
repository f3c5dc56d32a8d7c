"""The indicator worksheet of one innovation (issue 23 §3): the SID weights every rule version shows, the live
estimate (hand-computed and recomputed naively), and a save that is an import of its wilayah-year: answers win over
the portal's kematangan, the disagreement is listed, the IID moves by the hand-computed amount, the import log holds
it, undo restores every row, and an operator outside the pemda or a stale sheet writes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import scoring
from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.services import impor, kiriman
from dasbor.services import lembar_indikator as lembar
from dasbor.services.db import stempel
from tests.conftest import bersihkan_cache
from tests.impor.bantu import isi_db
from tests.services.test_kiriman import PORTAL, TAHUN, portal_db  # noqa: F401 (the fixture)

# The portal's SID weights, the same 2023–2026 (shared/reference/portal-ekspor.md), indicators 16–35 in order.
BOBOT_PORTAL = [3, 2, 2, 2, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 2, 3, 2, 3, 2, 4]
KODE_SID = [str(k) for k in range(16, 36)]


def isian(level: dict[str, int | None], lengkap: set[str] | None = None) -> pd.DataFrame:
    """A filled sheet: the level per indicator (missing = left empty) and the indicators whose nomor, tanggal and
    tentang are all ticked (default: every filled one)."""
    lengkap = set(level) if lengkap is None else lengkap
    return pd.DataFrame(
        {
            "kode_indikator": KODE_SID,
            "level_klaim": pd.array([level.get(k) for k in KODE_SID], dtype="Int64"),
            **{b: [k in lengkap for k in KODE_SID] for b in lembar.BUKTI},
        }
    )


@pytest.mark.parametrize("versi", scoring.daftar_versi())
def test_bobot_sid_setiap_versi_sama_dengan_portal(versi: str) -> None:
    m = scoring.load_metodologi(versi)
    sid = m.indikator_aspek("SID")
    assert [i.kode for i in sid] == KODE_SID
    assert [i.bobot for i in sid] == BOBOT_PORTAL
    assert sum(BOBOT_PORTAL) == 37 and m.maks_sid_per_inovasi == 37 * 3 == 111
    # the sheet shows them with the level texts of the version's catalogue, and says which and how sure
    isi = lembar.lembar(m, pd.DataFrame(columns=["kode_indikator", "level_klaim", "status_bukti"]))
    assert isi["bobot"].tolist() == BOBOT_PORTAL and isi["level_klaim"].isna().all() and not isi["bukti_ada"].any()
    assert isi.loc[19, "jenis_file"] == "Video (tautan)" and isi.loc[0, "jenis_file"] == "Surat (PDF)"
    assert f"aturan {versi}" in lembar.asal_teks(m, m.tahun[0]) and sid[0].asal.keyakinan in lembar.asal_teks(
        m, m.tahun[0]
    )


# (levels, indicators with complete evidence, terisi, klaim, bukti_lengkap), by hand from BOBOT_PORTAL
KASUS = [
    ({}, set(), 0, 0.0, 0.0),
    (dict.fromkeys(KODE_SID, 3), set(KODE_SID), 20, 111.0, 111.0),
    (dict.fromkeys(KODE_SID, 3), set(KODE_SID) - {"35"}, 20, 111.0, 99.0),  # the video without evidence: 4 × 3
    ({"16": 1, "35": 2}, {"16"}, 2, 3.0 + 8.0, 3.0),
    ({"16": 0, "17": 2, "33": 3}, {"16", "17", "33"}, 3, 0.0 + 4.0 + 9.0, 13.0),
]


@pytest.mark.parametrize(("level", "lengkap", "terisi", "klaim", "bukti"), KASUS)
def test_estimasi_tabel(level, lengkap, terisi, klaim, bukti) -> None:
    m = scoring.load_metodologi("2025")
    est = lembar.estimasi(m, isian(level, lengkap))
    assert (est.terisi, est.jumlah, est.klaim, est.bukti_lengkap, est.maks) == (terisi, 20, klaim, bukti, 111.0)
    # naive second computation from the catalogue
    bobot = m.katalog().set_index("kode_indikator")["bobot"]
    assert est.klaim == sum(bobot[k] * v for k, v in level.items())
    assert est.bukti_lengkap == sum(bobot[k] * v for k, v in level.items() if k in lengkap)


@pytest.fixture
def tulis_env(portal_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:  # noqa: F811
    """A private writable copy of the portal-like database (63.01 2025 from the portal only), as the app's."""
    path = tmp_path / "iid.duckdb"
    shutil.copy(portal_db, path)
    monkeypatch.setenv("DASBOR_DB", str(path))
    bersihkan_cache()
    yield path
    bersihkan_cache()


def _db(path: Path) -> Database:
    bersihkan_cache()
    return terbitan.kini(path).db


def test_simpan_menang_atas_kematangan_portal_tercatat_dan_dibatalkan(tulis_env: Path) -> None:
    db = _db(tulis_env)
    sebelum = _data(db)
    inovasi = kiriman.daftar_inovasi(db, TAHUN).set_index("id_inovasi")
    assert inovasi.at["p2", "kematangan"] == 90.0 and inovasi.at["p2", "dari_kematangan_portal"]
    sid_lama = kiriman.hasil_pemda(db, TAHUN, "klaim").set_index("kode_wilayah").at[PORTAL, "sid"]
    assert sid_lama == pytest.approx((100 + 90 + 80 + 5) / 10 + 4 * 0.38)

    # every indicator at level 3, the video at 0: 111 − 12 = 99
    level = dict.fromkeys(KODE_SID, 3) | {"35": 0}
    id_impor = lembar.simpan_lembar(TAHUN, PORTAL, "p2", isian(level, set(KODE_SID) - {"18"}), "uji", stempel(db))

    db = _db(tulis_env)
    inovasi = kiriman.daftar_inovasi(db, TAHUN).set_index("id_inovasi")
    assert inovasi.at["p2", "kematangan"] == 99.0 and not inovasi.at["p2", "dari_kematangan_portal"]
    # the region's SID moves by (99 − 90) ÷ MAX(10, 4)
    hasil = kiriman.hasil_pemda(db, TAHUN, "klaim").set_index("kode_wilayah")
    assert hasil.at[PORTAL, "sid"] == pytest.approx(sid_lama + 9 / 10)
    assert hasil.at[PORTAL, "sumber_sid"] == "campuran"
    # the disagreement with the portal is listed
    selisih = kiriman.selisih_kematangan(db, TAHUN).set_index("id_inovasi")
    assert list(selisih.index) == ["p2"]
    assert (selisih.at["p2", "kematangan_jawaban"], selisih.at["p2", "kematangan_portal"]) == (99.0, 90.0)
    # the rows stored: 20 answers, evidence 'ada' but for the unticked one, provenance of the innovation unchanged
    jawaban = lembar.jawaban_inovasi(TAHUN, "p2").set_index("kode_indikator")
    assert len(jawaban) == 20 and jawaban.at["35", "level_klaim"] == 0
    assert jawaban.at["18", "status_bukti"] == "kosong" and (jawaban.drop(index="18")["status_bukti"] == "ada").all()
    baris = db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": PORTAL, "tahun": TAHUN})
    assert set(baris["sumber"]) == {"portal"} and baris["id_sumber_data"].nunique() == 1
    # logged as an import, with nothing archived
    log = impor.riwayat(db).iloc[0]
    assert (int(log["id_impor"]), log["hasil"], log["pengguna"]) == (id_impor, "diimpor", "uji")
    assert log["nama_file"] == "lembar indikator p2" and impor.berkas_impor(db, id_impor) is None

    assert impor.batalkan("uji", None, id_impor) == id_impor
    db = _db(tulis_env)
    assert kiriman.daftar_inovasi(db, TAHUN).set_index("id_inovasi").at["p2", "kematangan"] == 90.0
    assert kiriman.selisih_kematangan(db, TAHUN).empty
    assert _data(db) == sebelum  # every row of the data back (the log and the undo copy aside)


def _data(db: Database) -> dict[str, list]:
    cur = db.cursor()
    try:
        return {
            t: cur.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("inovasi", "jawaban_sid", "jawaban_spd", "periode")
        }
    finally:
        cur.close()


def test_operator_wilayah_lain_dan_lembar_basi_tidak_menulis(tulis_env: Path) -> None:
    db = _db(tulis_env)
    sebelum = isi_db(db)
    isi = isian({"16": 3})
    with pytest.raises(impor.ImporDitolakError, match="di luar wilayah akun Anda"):
        lembar.simpan_lembar(TAHUN, PORTAL, "p2", isi, "op", stempel(db), wilayah_boleh=["63.02"])
    basi = stempel(db)
    lembar.simpan_lembar(TAHUN, PORTAL, "p1", isi, "lain", basi)  # someone else saved meanwhile
    sesudah = isi_db(_db(tulis_env))
    with pytest.raises(impor.DataBerubahError):
        lembar.simpan_lembar(TAHUN, PORTAL, "p2", isi, "op", basi, wilayah_boleh=[PORTAL])
    with pytest.raises(lembar.LembarDitolakError, match="tidak ada di daftar"):
        lembar.simpan_lembar(TAHUN, PORTAL, "tidak-ada", isi, "op", stempel(_db(tulis_env)))
    assert isi_db(_db(tulis_env)) == sesudah != sebelum
    # the operator of that pemda may
    lembar.simpan_lembar(TAHUN, PORTAL, "p2", isi, "op", stempel(_db(tulis_env)), wilayah_boleh=[PORTAL])
    assert lembar.jawaban_inovasi(TAHUN, "p2")["level_klaim"].tolist() == [3]


def test_kolom_verifikator_tetap(tulis_env: Path) -> None:
    """A demo innovation with verified answers: the sheet changes the claims and evidence, never the verifier's
    level and note; a 'ditolak' verdict stays unless the evidence is now ticked complete."""
    db = _db(tulis_env)
    lama = db.query("impor_sid_wilayah_tahun", {"kode_wilayah": "63.02", "tahun": TAHUN})
    terverifikasi = lama[lama["level_verifikasi"].notna()]
    id_inovasi = terverifikasi["id_inovasi"].iat[0]
    lama = lama[lama["id_inovasi"] == id_inovasi].set_index("kode_indikator")
    kode = [k for k in KODE_SID if k in lama.index]
    ditolak, lengkap = kode[0], kode[1]
    level = dict.fromkeys(kode, 1)
    with terbitan.penulis(tulis_env) as tulis, tulis.transaction() as cur:
        cur.execute(
            "UPDATE jawaban_sid SET status_bukti = 'ditolak', catatan_verifikasi = 'Tanggal SK tidak terbaca' "
            "WHERE id_inovasi = $i AND tahun = $t AND kode_indikator IN ($a, $b)",
            {"i": id_inovasi, "t": TAHUN, "a": ditolak, "b": lengkap},
        )
    db = _db(tulis_env)
    lembar.simpan_lembar(TAHUN, "63.02", id_inovasi, isian(level, set(kode) - {ditolak}), "uji", stempel(db))
    baru = lembar.jawaban_inovasi(TAHUN, id_inovasi).set_index("kode_indikator")
    assert (baru.loc[kode, "level_klaim"] == 1).all()
    assert baru.at[ditolak, "status_bukti"] == "ditolak" and baru.at[lengkap, "status_bukti"] == "ada"
    assert baru.at[ditolak, "catatan_verifikasi"] == "Tanggal SK tidak terbaca"
    pd.testing.assert_series_equal(
        baru.loc[kode, "level_verifikasi"].astype("Int64"), lama.loc[kode, "level_verifikasi"].astype("Int64")
    )
