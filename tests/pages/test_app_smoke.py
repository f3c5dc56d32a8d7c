"""The app starts on the demo database and shows the synthetic-data notice."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def test_app_starts_and_labels_synthetic_data(demo_env: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("SINTETIS" in w.value for w in at.warning)
