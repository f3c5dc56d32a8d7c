"""`python -m dasbor bimtek`: files for a workshop prepared ahead of time, and clear refusals."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from dasbor.__main__ import main


def test_writes_pptx_pdf_and_excel_for_the_chosen_regions(
    demo_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    pptx, pdf, xlsx = tmp_path / "deck.pptx", tmp_path / "keluar" / "deck.pdf", tmp_path / "data.xlsx"
    argv = ["bimtek", "--tahun", "2024", "--pptx", str(pptx), "--pdf", str(pdf), "--xlsx", str(xlsx)]
    argv += ["--wilayah", "63.06", "--acara", "Bimtek HSS", "--tempat", "Kandangan", "--tanggal", "2025-05-27"]
    assert main(argv) == 0
    prs = Presentation(io.BytesIO(pptx.read_bytes()))
    judul = [s.shapes.title.text for s in prs.slides]
    assert judul[0] == "Bimtek HSS"
    assert judul[1] == "Peta predikat IID 2024 di Kalimantan Selatan"
    assert judul[5] == "Kabupaten Hulu Sungai Selatan"
    assert len(judul) == 7  # judul, peta, peringkat, nasional, tren, Hulu Sungai Selatan, penutup
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())) == 7
    assert len(openpyxl.load_workbook(xlsx).sheetnames) == 9
    keluaran = capsys.readouterr().out
    assert "7 slide, tahun penilaian 2024" in keluaran and "SINTETIS" in keluaran


@pytest.mark.parametrize(
    ("argv", "pesan"),
    [
        (["--tahun", "2019", "--xlsx", "x.xlsx"], "Tahun 2019 tidak ada di basis data"),
        (["--tahun", "2024", "--wilayah", "63.99", "--xlsx", "x.xlsx"], "Kode wilayah tidak dikenal: 63.99"),
        (["--tahun", "2024"], "Sebutkan sedikitnya satu berkas keluaran"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    demo_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture, argv: list[str], pesan: str
) -> None:
    argv = [str(tmp_path / a) if a.endswith(".xlsx") else a for a in argv]
    assert main(["bimtek", *argv]) == 2
    assert pesan in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_malformed_date_is_a_usage_error(demo_env: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as keluar:
        main(["bimtek", "--tahun", "2024", "--xlsx", "x.xlsx", "--tanggal", "27/05/2025"])
    assert keluar.value.code == 2
    assert "tulis sebagai YYYY-MM-DD" in capsys.readouterr().err
