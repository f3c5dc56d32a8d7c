"""Start the dashboard server: `python -m dasbor.serve [Streamlit options]` (scripts/app.sh uses it).

With a `pages/` folder beside app.py, Streamlit runs a fresh server's first session in its old
folder-discovery mode: a shared link such as /kelengkapan opens the page file without app.py, so
without its navigation, layout and login gate, until any session has run app.py's st.navigation.
Declaring the process an st.navigation app before Streamlit starts closes that gap.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[1] / "app.py"


def main(argv: list[str]) -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
