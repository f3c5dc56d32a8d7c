"""Results computed when data is published (issue 25 §4): every publish stores the scores of every year, basis and
rule version; they are exactly what computing gives, they are read instead of computed, and a stored year that no
longer matches its data or the code is never read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import scoring
from dasbor.db import cadangan, terbitan
from dasbor.db.connection import Database
from dasbor.services import hasil, hasil_terbit, skor

VERSI = [None, *(m.versi for m in scoring.semua_metodologi())]


@pytest.fixture
def db_baru(salinan_db: Path) -> Iterator[Path]:
    yield salinan_db
    terbitan.tutup_semua()


def _tahun_tersimpan(path: Path) -> dict[int, tuple[str, str]]:
    simpan = terbitan.kini(path).db.query("hasil_terbit_tahun")
    return {r.tahun: (r.sidik, r.versi_hitung) for r in simpan.itertuples()}


def _ubah_spd(cur: duckdb.DuckDBPyConnection, tahun: int) -> None:
    """One verified SPD answer of a region-year raised to level 3: that region's IID of that year changes."""
    kode, indikator = cur.execute(
        "SELECT kode_wilayah, kode_indikator FROM jawaban_spd WHERE tahun = $t AND level_verifikasi < 3 ORDER BY ALL",
        {"t": tahun},
    ).fetchone()
    cur.execute(
        "UPDATE jawaban_spd SET level_verifikasi = 3 WHERE tahun = $t AND kode_wilayah = $k AND kode_indikator = $i",
        {"t": tahun, "k": kode, "i": indikator},
    )


def test_stored_results_are_exactly_the_computed_ones_for_every_year_basis_and_version(demo_env: Path) -> None:
    db = terbitan.kini(demo_env).db
    tahun = skor.daftar_tahun()
    assert hasil_terbit.tahun_segar(db) == set(tahun)
    wilayah = db.query("wilayah")
    for t in tahun:
        data = skor.data_penilaian(db, t)  # read once per year; hitung_skor_tahun is this call per basis and version
        for basis in scoring.BASIS:
            for versi in VERSI:
                m = skor.metodologi_tahun(db, t, versi)
                dihitung = skor.nilai_wilayah(data, m, t, wilayah, basis, skor.metodologi_tahun(db, t))
                tersimpan = hasil_terbit.skor(db, t, basis, m.versi)
                assert tersimpan is not None, (t, basis, versi)
                pd.testing.assert_frame_equal(tersimpan, dihitung, check_exact=True)
                assert len(dihitung) == 14
                if versi is None:  # the breakdown is stored under the year's own rule
                    rincian = hasil.rincian_dari(skor.data_dinilai(data, m, t)[0], m, basis, dihitung)
                    tersimpan = hasil_terbit.rincian(db, t, basis, m.versi)
                    assert tersimpan is not None, (t, basis)
                    pd.testing.assert_frame_equal(tersimpan, rincian, check_exact=True)


def test_the_stored_rows_are_what_readers_get_until_the_data_changes(db_baru: Path) -> None:
    # Planted in the writer and published with it: a read that computed instead would never show 99.
    with terbitan.penulis(db_baru, paksa=True) as db, db.transaction() as cur:
        cur.execute("UPDATE skor_terbit SET iid = 99 WHERE tahun = 2024 AND kode_wilayah = '63.09'")
    terbitan.tutup_semua()
    baca = terbitan.kini(db_baru).db
    assert skor.nilai_tahun(baca, 2024).set_index("kode_wilayah").at["63.09", "iid"] == 99

    db = Database(db_baru)  # the writer, changed and not published: its stored 2024 no longer matches its data
    try:
        with db.transaction() as cur:
            _ubah_spd(cur, 2024)
        assert hasil_terbit.tahun_segar(db) == {2021, 2022, 2023, 2025}
        nilai = skor.nilai_tahun(db, 2024)
        pd.testing.assert_frame_equal(nilai, skor.hitung_skor_tahun(db, 2024), check_exact=True)
        assert nilai.set_index("kode_wilayah").at["63.09", "iid"] != 99
    finally:
        db.close()


def test_results_of_other_code_are_computed_not_read(demo_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database(terbitan.kini(demo_env).path, read_only=True)  # a fresh handle: freshness is found per handle
    monkeypatch.setattr(hasil_terbit, "versi_hitung", lambda: "kode-lain")
    try:
        assert hasil_terbit.tahun_segar(db) == frozenset()
        assert hasil_terbit.skor(db, 2024, "terverifikasi", "2023") is None
        assert hasil_terbit.usang(db)
    finally:
        db.close()


def test_a_publish_recomputes_only_the_year_that_changed(db_baru: Path) -> None:
    sebelum = _tahun_tersimpan(db_baru)
    with terbitan.penulis(db_baru, paksa=True) as db, db.transaction() as cur:
        _ubah_spd(cur, 2024)
    sesudah = _tahun_tersimpan(db_baru)
    assert {t for t in sesudah if sesudah[t] != sebelum[t]} == {2024}
    db = terbitan.kini(db_baru).db
    pd.testing.assert_frame_equal(skor.nilai_tahun(db, 2024), skor.hitung_skor_tahun(db, 2024), check_exact=True)


def test_a_publish_that_cannot_compute_still_publishes_and_readers_compute(
    db_baru: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def gagal(db: Database, tahun: int) -> dict[str, pd.DataFrame]:
        raise RuntimeError("hitungan rusak")

    monkeypatch.setattr(hasil, "hasil_tahun_terbit", gagal)
    sebelum = terbitan.kini(db_baru).id
    with terbitan.penulis(db_baru, paksa=True) as db, db.transaction() as cur:
        _ubah_spd(cur, 2024)
    kini = terbitan.kini(db_baru)
    assert kini.id > sebelum, "the data went out without its results"
    assert hasil_terbit.tahun_segar(kini.db) == {2021, 2022, 2023, 2025}
    pd.testing.assert_frame_equal(
        skor.nilai_tahun(kini.db, 2024), skor.hitung_skor_tahun(kini.db, 2024), check_exact=True
    )


def test_a_backup_from_before_stored_results_restores_and_its_copy_stores_them(
    salinan_db: Path, tmp_path: Path
) -> None:
    # The backup as the code before migration 010 wrote it: the demo database without the results' tables.
    con = duckdb.connect(str(salinan_db))
    con.execute("DROP TABLE skor_terbit")
    con.execute("DROP TABLE rincian_terbit")
    con.execute("DROP TABLE hasil_terbit_tahun")
    con.execute("DELETE FROM schema_migrations WHERE name = '010_hasil_terbit.sql'")
    con.execute("CHECKPOINT")
    jumlah, migrasi = cadangan._isi_tabel(con.cursor()), cadangan._migrasi(con.cursor())
    con.close()
    manifest = cadangan.Manifest(
        cadangan.FORMAT,
        "2026-01-01T00:00:00+00:00",
        9,
        migrasi,
        jumlah,
        cadangan._sha256(salinan_db),
        salinan_db.stat().st_size,
    )
    berkas = tmp_path / "cadangan-009.zip"
    cadangan._tulis_zip(salinan_db, manifest, berkas)
    tujuan = tmp_path / "pulih" / "iid.duckdb"
    tujuan.parent.mkdir()
    try:
        assert cadangan.pulihkan(tujuan, berkas)[0].versi_skema == 9
        db = terbitan.kini(tujuan).db
        assert hasil_terbit.tahun_segar(db) == {2021, 2022, 2023, 2024, 2025}
        pd.testing.assert_frame_equal(
            skor.nilai_tahun(db, 2025, "klaim"), skor.hitung_skor_tahun(db, 2025, "klaim"), check_exact=True
        )
    finally:
        terbitan.tutup_semua()
