"""Test runner for the SIGKILL test (test_keandalan.py): `python -m tests.impor.importir_jeda TITIK impor …` runs
`python -m dasbor impor …` with a pause at the commit point TITIK (one of dasbor.services.impor.tulis.TITIK_UJI):
it prints "JEDA TITIK" and waits, so the test kills it at that exact statement boundary. The product itself has
no way to pause."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from dasbor.__main__ import main
from dasbor.services.impor import tulis


def _jeda(titik: str) -> Callable[[str], None]:
    def jeda(nama: str) -> None:
        if nama == titik:
            print(f"JEDA {nama}", flush=True)
            time.sleep(600)

    return jeda


if __name__ == "__main__":
    tulis.titik_uji = _jeda(sys.argv[1])
    sys.exit(main(sys.argv[2:]))
