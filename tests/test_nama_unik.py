"""pytest imports test modules by base name (rootdir mode), so two test files with one name break collection."""

from collections import Counter
from pathlib import Path


def test_test_files_have_unique_base_names() -> None:
    names = Counter(p.name for p in Path(__file__).parent.rglob("test_*.py"))
    assert [n for n, k in names.items() if k > 1] == []
