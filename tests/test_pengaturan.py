"""The one list of the app's settings (dasbor/pengaturan.py) against the README's table, both ways, and against the
environment variables the product actually reads."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from dasbor.pengaturan import PENGATURAN

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PRODUK = [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "dasbor").rglob("*.py")]


def baris_readme(teks: str) -> list[tuple[str, str, str, str]]:
    """The rows of the README's '## Pengaturan' table: (nama, env, bawaan, arti)."""
    bagian = teks.split("\n## Pengaturan\n", 1)[1].split("\n## ", 1)[0]
    baris = [b for b in bagian.splitlines() if b.startswith("| ") and not b.startswith("| Pengaturan ")]
    return [tuple(s.strip() for s in b.strip("|").split(" | ")) for b in baris]  # type: ignore[misc]


# Names the launcher sets for its own workers and HAProxy (and their sticky cookies), not settings a person gives.
BUKAN_PENGATURAN = {"DASBOR_PEKERJA", "DASBOR_GRUP"}


def nama_dasbor(path: Path) -> set[str]:
    """Every string constant in a file that is a DASBOR_* name: whatever reads the environment names it so."""
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"DASBOR_[A-Z_]+", node.value)
    }


def test_the_readme_table_is_the_settings_list() -> None:
    assert baris_readme(README) == [(p.nama, f"`{p.env}`", p.bawaan, p.arti) for p in PENGATURAN]


def test_the_table_reader_sees_a_changed_default() -> None:
    berubah = README.replace("| `DASBOR_SESI_MENIT` | 30 |", "| `DASBOR_SESI_MENIT` | 45 |")
    assert berubah != README and baris_readme(berubah) != baris_readme(README)


def test_every_variable_the_product_reads_is_declared() -> None:
    dibaca = set().union(*(nama_dasbor(p) for p in PRODUK)) - BUKAN_PENGATURAN
    assert dibaca == {p.env for p in PENGATURAN}


def test_the_name_finder_sees_a_variable(tmp_path: Path) -> None:
    berkas = tmp_path / "x.py"
    berkas.write_text('import os\nos.environ.get("DASBOR_A")\n_angka("DASBOR_B", 5)\nx = "DASBOR_c"\n')
    assert nama_dasbor(berkas) == {"DASBOR_A", "DASBOR_B"}


def test_names_and_variables_are_unique() -> None:
    assert len({p.nama for p in PENGATURAN}) == len({p.env for p in PENGATURAN}) == len(PENGATURAN)
    assert all(re.fullmatch(r"DASBOR_[A-Z_]+", p.env) for p in PENGATURAN)
