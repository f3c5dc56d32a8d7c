"""One dashboard worker that measures its own script runs, for `benchmarks/beban.py --profil`.

    DASBOR_PROFIL=FOLDER python benchmarks/pekerja_profil.py [dasbor.serve options]

Starts the worker as `python -m dasbor.serve` does, with Streamlit's ScriptRunner wrapped: every script run appends
its page, the CPU milliseconds of its thread and its wall milliseconds to FOLDER/waktu.tsv; while FOLDER/PROFIL
exists, each run is also profiled with cProfile into FOLDER/<page>.<n>.prof. Measurement only: it changes nothing the
page does, and the profiler's own cost stays out of the timed runs."""

from __future__ import annotations

import cProfile
import itertools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner  # noqa: E402

from dasbor import serve  # noqa: E402

FOLDER = Path(os.environ["DASBOR_PROFIL"])
_nomor = itertools.count()
_jalankan = ScriptRunner._run_script


def _run_script_diukur(self: ScriptRunner, rerun_data) -> None:
    halaman = rerun_data.page_name or "ringkasan"
    profil = cProfile.Profile() if (FOLDER / "PROFIL").exists() else None
    cpu, dinding = time.thread_time(), time.perf_counter()
    if profil:
        profil.enable()
    try:
        _jalankan(self, rerun_data)
    finally:
        if profil:
            profil.disable()
        cpu, dinding = time.thread_time() - cpu, time.perf_counter() - dinding
        if profil:
            profil.dump_stats(FOLDER / f"{halaman}.{next(_nomor)}.prof")
        with open(FOLDER / "waktu.tsv", "a", encoding="utf-8") as f:
            f.write(f"{halaman}\t{cpu * 1000:.3f}\t{dinding * 1000:.3f}\n")


ScriptRunner._run_script = _run_script_diukur

if __name__ == "__main__":
    serve.main(sys.argv[1:])
