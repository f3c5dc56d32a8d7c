"""Run a parse of an untrusted file in a forked child under an address-space limit and a timeout.

The sheet XML checks (sheet_xml.py) refuse every resource bomb we know of before any parser runs; this is the
second wall for the ones we do not know. A child that runs out of memory, crashes or hangs costs its own life and a
refusal, never the server process (a Streamlit worker) that serves a room of visitors. Forking is cheap here:
the child shares the parent's already imported modules and needs no pickling of its arguments."""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Above what the process already maps: reading the busiest demo year (30.310 rows) needs about 140 MB.
BATAS_MEMORI = 1024 * 1024 * 1024
BATAS_DETIK = 120.0


class BatasTerlampaui(RuntimeError):
    """The child passed its memory or time limit, or died; str() says which, in Indonesian."""


def _vm_sekarang() -> int:
    """This process's mapped address space (VmSize), in bytes."""
    with open("/proc/self/status", encoding="ascii") as f:
        for baris in f:
            if baris.startswith("VmSize:"):
                return int(baris.split()[1]) * 1024
    return 0


def _anak(kirim: Any, fungsi: Callable[..., Any], args: tuple[Any, ...], memori: int) -> None:
    lunak, keras = resource.getrlimit(resource.RLIMIT_AS)
    batas = _vm_sekarang() + memori
    if lunak != resource.RLIM_INFINITY:
        batas = min(batas, lunak)  # never loosen a limit the parent runs under
    resource.setrlimit(resource.RLIMIT_AS, (batas, keras))
    try:
        hasil: tuple[str, Any] = ("ok", fungsi(*args))
    except MemoryError:
        hasil = ("memori", None)
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it there
        hasil = ("galat", exc)
    try:
        kirim.send(hasil)
    except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
        kirim.send(("galat", RuntimeError(f"{type(exc).__name__}: {exc}")))


def jalankan_terbatas(
    fungsi: Callable[..., T], *args: Any, memori: int = BATAS_MEMORI, detik: float = BATAS_DETIK
) -> T:
    """fungsi(*args) in a forked child limited to `memori` bytes more address space and `detik` seconds.
    Returns its result; re-raises its exception; raises BatasTerlampaui when a limit ended it."""
    ctx = multiprocessing.get_context("fork")
    terima, kirim = ctx.Pipe(duplex=False)
    anak = ctx.Process(target=_anak, args=(kirim, fungsi, args, memori), daemon=True)
    anak.start()
    kirim.close()
    try:
        if not terima.poll(detik):
            raise BatasTerlampaui(f"melampaui batas waktu {detik:.0f} detik")
        try:
            status, hasil = terima.recv()
        except EOFError:
            raise BatasTerlampaui("terhenti (kehabisan memori atau galat fatal)") from None
    finally:
        if anak.is_alive():
            anak.kill()
        anak.join()
        terima.close()
    if status == "memori":
        raise BatasTerlampaui(f"melampaui batas memori {memori // (1024 * 1024)} MB")
    if status == "galat":
        raise hasil
    return hasil
