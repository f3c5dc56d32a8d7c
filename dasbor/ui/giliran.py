"""Turns for page runs: at most $DASBOR_SKRIP_SERENTAK (default 2) page scripts of one worker run at once.

Streamlit runs every visitor's page in a thread of its own, and a worker's Python runs one thread at a time (the GIL).
A bimtek room of 65 visitors on two workers is some 33 threads per worker taking turns every few milliseconds on one
core, each pushing the others' data out of the CPU caches: a page view then costs about a third more CPU than alone
(31–37 ms against 26 ms, measured on the 2-core machine) and every visitor finishes near the end. Two runs at a time,
the others waiting their turn (blocked, not spinning), do the same work sooner: in benchmarks/beban.py the room's p95
fell by 12–17 %. Two and not one, so that a long run (a first national Kelengkapan, a deck being built) leaves a turn
to the short page views. A run waits at most BATAS_TUNGGU seconds for its turn and then runs anyway: a run that hangs
can slow the others, never stop them. 0 turns the limit off.

A run gives its turn back while it computes what no cache holds yet or waits for another session computing it
(`di_luar`, in dasbor.ui.data's caches): that is where the long runs are (a first national worklist takes seconds),
and a warm view, which the room is made of, never gets there.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "DASBOR_SKRIP_SERENTAK"
BAWAAN = 2
BATAS_TUNGGU = 20.0


def serentak() -> int:
    """How many page runs of this worker may run at once ($DASBOR_SKRIP_SERENTAK; 0: no limit)."""
    nilai = os.environ.get(ENV, "").strip() or str(BAWAAN)
    if not nilai.isdigit():
        raise ValueError(f"{ENV} harus bilangan bulat 0 atau lebih (0: tanpa batas), bukan {nilai!r}")
    return int(nilai)


@functools.cache
def _giliran() -> threading.BoundedSemaphore | None:
    """The worker's turns, made at the first run (the setting is read once per worker)."""
    n = serentak()
    return threading.BoundedSemaphore(n) if n else None


_lokal = threading.local()  # .pegang: whether this thread's run holds a turn now


@contextmanager
def giliran() -> Iterator[None]:
    """Run the block in a turn: wait (at most BATAS_TUNGGU seconds) until fewer than the limit are running."""
    semafor = _giliran()
    _lokal.pegang = semafor is not None and semafor.acquire(timeout=BATAS_TUNGGU)
    try:
        yield
    finally:
        if _lokal.pegang:
            semafor.release()
        _lokal.pegang = False


@contextmanager
def di_luar() -> Iterator[None]:
    """Run the block with this run's turn given back, and take a turn again after it (waiting as giliran does);
    nothing changes for a thread that holds no turn (a nested block, a command, a test)."""
    semafor = _giliran()
    if not getattr(_lokal, "pegang", False):
        yield
        return
    semafor.release()
    _lokal.pegang = False
    try:
        yield
    finally:
        _lokal.pegang = semafor.acquire(timeout=BATAS_TUNGGU)
