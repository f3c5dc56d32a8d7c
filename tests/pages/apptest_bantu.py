"""AppTest helpers shared by the page tests: open a page as a link does, and read the figures it drew."""

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def buka(halaman: str, **query: str | list[str]) -> AppTest:
    """Open a page as a link does: app.py's navigation, that page, the URL's query parameters, one run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if halaman != "ringkasan":
        at.switch_page(f"pages/{halaman}.py")
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _urai(nilai):
    """Plotly 7 sends numeric arrays as {'dtype', 'bdata'(, 'shape')}: turn them back into lists."""
    if isinstance(nilai, dict):
        if "bdata" in nilai and "dtype" in nilai:
            larik = np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=nilai["dtype"])
            if "shape" in nilai:
                larik = larik.reshape([int(n) for n in str(nilai["shape"]).split(",")])
            return larik.tolist()
        return {k: _urai(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_urai(v) for v in nilai]
    return nilai


def grafik(at: AppTest) -> list[dict]:
    return [_urai(json.loads(el.proto.spec)) for el in at.get("plotly_chart")]
