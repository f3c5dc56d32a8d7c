"""The README promises commands, options, files and environment variables; this fails when one of them no
longer exists in the code (a renamed option or a removed benchmark would otherwise go unnoticed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dasbor.__main__ import main as _main_dasbor
from scoring.cli import main as _main_scoring

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# A module, its sub-command words (`akun tambah`), then the rest of the command up to the end of the code span.
PERINTAH = re.compile(r"python -m (dasbor|scoring)(?![.\w])((?: [a-z][a-z-]*)*)([^`|]*)")
BERKAS = re.compile(r"\b((?:scripts|benchmarks|deploy|pages|data/referensi)/[\w.-]+\.\w+)")
VARIABEL = re.compile(r"\bDASBOR_[A-Z_]+\b")
KODE = [
    p
    for folder in ("dasbor", "scoring", "pages", "scripts", "deploy", "benchmarks")
    for p in (ROOT / folder).rglob("*")
    if p.is_file() and p.suffix in {".py", ".sh", ".cfg", ".template", ".toml"}
] + [ROOT / "app.py"]


def _perintah() -> dict[tuple[str, str], set[str]]:
    """(module, sub-command) -> the options the README uses with it."""
    hasil: dict[tuple[str, str], set[str]] = {}
    for modul, sub, sisa in PERINTAH.findall(README):
        opsi = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", sisa))
        hasil.setdefault((modul, sub.strip()), set()).update(opsi)
    return hasil


def test_the_readme_names_commands() -> None:
    assert ("dasbor", "demo") in _perintah() and ("scoring", "metodologi") in _perintah()


@pytest.mark.parametrize("modul", ["dasbor", "scoring"])
def test_python_m_runs_each_readme_module(modul: str) -> None:
    """The one place the process boundary matters: `python -m X` must reach the same main() that the test below
    asks in-process (a broken __main__ would otherwise go unnoticed)."""
    bantuan = subprocess.run(
        [sys.executable, "-m", modul, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert bantuan.returncode == 0, bantuan.stderr
    assert f"usage: python -m {modul}" in bantuan.stdout


@pytest.mark.parametrize(("modul", "sub"), sorted(_perintah()))
def test_every_readme_command_and_option_exists(modul: str, sub: str, capsys: pytest.CaptureFixture) -> None:
    # The same parser `python -m` builds (the test above checks that path), asked in-process: one interpreter
    # start and import of the app per command was most of this file's time.
    main = _main_dasbor if modul == "dasbor" else _main_scoring
    with pytest.raises(SystemExit) as keluar:
        main([*sub.split(), "--help"])
    bantuan = capsys.readouterr()
    assert keluar.value.code == 0, bantuan.err
    hilang = sorted(o for o in _perintah()[(modul, sub)] if o not in bantuan.out)
    assert not hilang, f"python -m {modul} {sub}: README menyebut {hilang}, tetapi --help tidak"


@pytest.mark.parametrize("berkas", sorted(set(BERKAS.findall(README))))
def test_every_readme_file_exists(berkas: str) -> None:
    assert (ROOT / berkas).exists(), berkas


@pytest.mark.parametrize("nama", sorted(set(VARIABEL.findall(README))))
def test_every_readme_environment_variable_is_read_by_the_code(nama: str) -> None:
    assert any(nama in p.read_text(encoding="utf-8", errors="replace") for p in KODE), nama
