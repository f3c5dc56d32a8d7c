"""A command's main() run in the test's own process, answered like subprocess.run: most CLI tests are about what a
command prints and returns, not about the process boundary, and an interpreter start with the app's imports cost
1–3 s per call. Tests where a second process is the point (file locks, signals, the README's literal command
lines) keep subprocess.run."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections.abc import Callable, Sequence

import pytest


def di_sini(
    main: Callable[[list[str]], int | None],
    args: Sequence[str],
    env: dict[str, str] | None = None,
    masukan: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """main(args) with `env` set and `masukan` on stdin, its output captured and argparse's SystemExit taken as the
    exit code, as a CompletedProcess."""
    with pytest.MonkeyPatch.context() as mp:
        for nama, nilai in (env or {}).items():
            mp.setenv(nama, nilai)
        mp.setattr(sys, "stdin", io.StringIO(masukan or ""))
        keluar, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(keluar), contextlib.redirect_stderr(err):
            try:
                kode = main(list(args))
            except SystemExit as exc:  # argparse's refusals; a message as the code exits 1, as in a process
                kode = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return subprocess.CompletedProcess(list(args), kode or 0, keluar.getvalue(), err.getvalue())
