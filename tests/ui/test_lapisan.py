"""Layer rules: the shared figures, palette, formatting and file writers (dasbor/visual, dasbor/ekspor) stay free of
Streamlit and of the services, so the bimtek slides and the command line reuse them without importing the UI; the
bimtek model and the command line never import dasbor.ui; nothing in ui/ or pages/ reaches the database directly,
and pages never compute scores themselves."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETRAL = ("dasbor/visual", "dasbor/ekspor")
# cli/senyap.py imports streamlit only to quiet its loggers; the rule here is about the UI layer.
TANPA_UI = ("dasbor/bimtek", "dasbor/cli")


def _berkas(*folder: str) -> list[Path]:
    return [p for f in folder for p in (ROOT / f).glob("*.py")]


LARANGAN = {
    **{str(p.relative_to(ROOT)): {"duckdb", "dasbor.db"} for p in (ROOT / "dasbor" / "ui").glob("*.py")},
    **{str(p.relative_to(ROOT)): {"duckdb", "dasbor.db", "scoring"} for p in (ROOT / "pages").glob("*.py")},
    **{str(p.relative_to(ROOT)): {"dasbor.ui", "streamlit"} for p in _berkas("dasbor/bimtek")},
    **{str(p.relative_to(ROOT)): {"dasbor.ui"} for p in _berkas("dasbor/cli")},
    **{
        str(p.relative_to(ROOT)): {"streamlit", "dasbor.ui", "dasbor.services", "dasbor.db", "duckdb"}
        for p in _berkas(*NETRAL)
    },
}


def impor(path: Path) -> set[str]:
    nama: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            nama |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            nama.add(node.module)
    return nama


def test_the_neutral_pieces_are_checked() -> None:
    assert {"dasbor/visual/charts.py", "dasbor/visual/palette.py", "dasbor/ekspor/tabel.py"} <= set(LARANGAN)
    assert all(any(n.startswith(f) for n in LARANGAN) for f in (*NETRAL, *TANPA_UI))


@pytest.mark.parametrize("berkas", sorted(LARANGAN))
def test_layer_imports(berkas: str) -> None:
    dilarang = LARANGAN[berkas]
    salah = sorted(n for n in impor(ROOT / berkas) if any(n == d or n.startswith(d + ".") for d in dilarang))
    assert not salah, f"{berkas} mengimpor {salah}"
