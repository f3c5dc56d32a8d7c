"""Layer rules of the pieces built for the Hasil pages: the figure and file makers stay free of Streamlit (the
bimtek slides and command lines reuse them), nothing in ui/ or pages/ reaches the database directly, and pages
never compute scores themselves."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TANPA_STREAMLIT = ("charts.py", "ekspor.py", "palette.py", "format.py")
LARANGAN = {
    **{
        str(p.relative_to(ROOT)): {"duckdb", "dasbor.db"}
        | ({"streamlit", "dasbor.services"} if p.name in TANPA_STREAMLIT else set())
        for p in (ROOT / "dasbor" / "ui").glob("*.py")
    },
    **{str(p.relative_to(ROOT)): {"duckdb", "dasbor.db", "scoring"} for p in (ROOT / "pages").glob("*.py")},
    # scoring is pure: the methodology and everything derived from it, with no app, database or chart library
    **{str(p.relative_to(ROOT)): {"streamlit", "duckdb", "plotly", "dasbor"} for p in (ROOT / "scoring").glob("*.py")},
}


def impor(path: Path) -> set[str]:
    nama: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            nama |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            nama.add(node.module)
    return nama


def test_the_streamlit_free_pieces_are_checked() -> None:
    assert all(f"dasbor/ui/{n}" in LARANGAN and "streamlit" in LARANGAN[f"dasbor/ui/{n}"] for n in TANPA_STREAMLIT)
    assert {"scoring/model.py", "scoring/katalog.py", "scoring/loader.py"} <= set(LARANGAN)


@pytest.mark.parametrize("berkas", sorted(LARANGAN))
def test_layer_imports(berkas: str) -> None:
    dilarang = LARANGAN[berkas]
    salah = sorted(n for n in impor(ROOT / berkas) if any(n == d or n.startswith(d + ".") for d in dilarang))
    assert not salah, f"{berkas} mengimpor {salah}"
