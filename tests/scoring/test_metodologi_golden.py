"""`python -m scoring metodologi [VERSI]` prints exactly what it printed before the catalogue moved into one file.

The fixtures in golden/ are the output of the CLI taken before the refactoring; a difference here is a change in a
methodology value (or in how it is printed), which must be deliberate: regenerate the fixture in the same commit as
the rule change, with a message that says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import daftar_versi
from scoring.cli import main

GOLDEN = Path(__file__).parent / "golden"


def keluaran(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_fixture_untuk_setiap_versi() -> None:
    # a new version file must come with its fixture, and a fixture must not outlive its version
    assert sorted(p.stem.removeprefix("metodologi-") for p in GOLDEN.glob("metodologi-*.json")) == list(daftar_versi())


@pytest.mark.parametrize("versi", daftar_versi())
def test_versi_terurai_sama_dengan_golden(capsys: pytest.CaptureFixture[str], versi: str) -> None:
    assert keluaran(capsys, "metodologi", versi) == (GOLDEN / f"metodologi-{versi}.json").read_text(encoding="utf-8")


def test_daftar_versi_sama_dengan_golden(capsys: pytest.CaptureFixture[str]) -> None:
    assert keluaran(capsys, "metodologi") == (GOLDEN / "metodologi-daftar.txt").read_text(encoding="utf-8")
