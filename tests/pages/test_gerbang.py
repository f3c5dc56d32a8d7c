"""The sign-in wall does not depend on app.py (issue 17 item 8): every page file calls the gate itself, so a page
run on its own (a plain `streamlit run app.py` runs the page file alone for a fresh server's first visitor on a
shared link) shows the sign-in form and no data when DASBOR_WAJIB_MASUK requires an account, and an unknown value
of DASBOR_WAJIB_MASUK shows an error instead of the data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
HALAMAN = sorted(p.name for p in (ROOT / "pages").glob("*.py"))


def _isi_data(at: AppTest) -> list[str]:
    """Elements that would carry data: charts, tables, metrics, downloads."""
    jenis = ("plotly_chart", "dataframe", "table", "metric", "download_button", "arrow_data_frame")
    return [j for j in jenis for _ in at.get(j)]


@pytest.mark.parametrize("berkas", HALAMAN)
def test_each_page_file_calls_the_gate_before_anything_else(berkas: str) -> None:
    """The first statement after the imports is the gate, so nothing a page draws or computes comes before it."""
    pohon = ast.parse((ROOT / "pages" / berkas).read_text(encoding="utf-8"))
    badan = [n for n in pohon.body if not isinstance(n, ast.Import | ast.ImportFrom)]
    if isinstance(badan[0], ast.Expr) and isinstance(badan[0].value, ast.Constant):
        badan = badan[1:]  # the module docstring
    pertama = badan[0]
    assert isinstance(pertama, ast.Expr) and isinstance(pertama.value, ast.Call), ast.dump(pertama)
    assert ast.unparse(pertama.value.func) in ("wajib_masuk", "akun.wajib_masuk"), ast.unparse(pertama)


@pytest.mark.parametrize("berkas", HALAMAN)
def test_a_page_run_on_its_own_shows_only_the_sign_in_form(
    berkas: str, demo_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_WAJIB_MASUK", "1")
    monkeypatch.setenv("DASBOR_AKUN", str(tmp_path / "akun.yaml"))
    at = AppTest.from_file(str(ROOT / "pages" / berkas), default_timeout=120).run()
    assert not at.exception, [e.message for e in at.exception]
    assert [t.value for t in at.title] == ["Masuk ke Dasbor IID Kalsel"]
    assert at.text_input(key="masuk_nama") is not None
    assert _isi_data(at) == []


@pytest.mark.parametrize("berkas", ["ringkasan.py", "kelengkapan.py", "akun.py"])
def test_an_unknown_wajib_masuk_value_shows_an_error_not_the_data(
    berkas: str, demo_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASBOR_WAJIB_MASUK", "wajib")
    at = AppTest.from_file(str(ROOT / "pages" / berkas), default_timeout=120).run()
    assert any("DASBOR_WAJIB_MASUK='wajib' tidak dikenal" in e.value for e in at.error)
    assert _isi_data(at) == [] and not at.title


def test_app_py_with_an_unknown_value_shows_the_error_too(demo_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_WAJIB_MASUK", "wajib")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert any("tidak dikenal" in e.value for e in at.error)
    assert _isi_data(at) == []
