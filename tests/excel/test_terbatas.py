"""The second wall behind the sheet XML checks: a parse that runs out of memory, hangs or fails ends as a refusal
in a forked child, and this process (a Streamlit worker) lives on."""

from __future__ import annotations

import time

import pytest

from dasbor.excel.terbatas import BatasTerlampaui, jalankan_terbatas


def _rakus() -> None:
    potongan = []
    while True:
        potongan.append(b"x" * (1 << 24))


def _macet() -> None:
    time.sleep(600)


def _gagal() -> None:
    raise ValueError("xml rusak")


def test_the_result_comes_back_from_the_child() -> None:
    assert jalankan_terbatas(sorted, [3, 1, 2]) == [1, 2, 3]


def test_running_out_of_memory_is_a_refusal_not_a_dead_process() -> None:
    with pytest.raises(BatasTerlampaui, match="batas memori 256 MB"):
        jalankan_terbatas(_rakus, memori=256 << 20)


def test_a_hung_parse_is_ended_at_its_time_limit() -> None:
    mulai = time.monotonic()
    with pytest.raises(BatasTerlampaui, match="batas waktu 2 detik"):
        jalankan_terbatas(_macet, detik=2)
    assert time.monotonic() - mulai < 60  # killed, not waited for


def test_an_exception_in_the_child_is_raised_here() -> None:
    with pytest.raises(ValueError, match="xml rusak"):
        jalankan_terbatas(_gagal)
