"""Turns for page runs (dasbor/ui/giliran.py): never more than the limit at once, nobody stuck behind a hung run, the
limit off with 0, a wrong value refused by name, and app.py running the page inside a turn."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dasbor.ui import giliran as modul

ROOT = Path(__file__).resolve().parents[2]
TUNGGU = 10  # seconds any wait below is bounded by; never reached when the code is right
_GILIRAN = modul._giliran  # the cached maker itself (a test may replace the module's name)


@pytest.fixture(autouse=True)
def giliran_baru(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test reads the setting afresh (the worker reads it once, at its first run)."""
    _GILIRAN.cache_clear()
    yield
    monkeypatch.delenv(modul.ENV, raising=False)
    _GILIRAN.cache_clear()


def _serbu(n: int, lepas: threading.Event) -> tuple[list[threading.Thread], dict[str, int], threading.Lock]:
    """n threads, each entering a turn and staying in it until `lepas` is set; counts who is in and the most at once."""
    hitung = {"di_dalam": 0, "paling_banyak": 0, "selesai": 0}
    gembok = threading.Lock()

    def jalan() -> None:
        with modul.giliran():
            with gembok:
                hitung["di_dalam"] += 1
                hitung["paling_banyak"] = max(hitung["paling_banyak"], hitung["di_dalam"])
            lepas.wait(TUNGGU)
            with gembok:
                hitung["di_dalam"] -= 1
                hitung["selesai"] += 1

    utas = [threading.Thread(target=jalan) for _ in range(n)]
    for u in utas:
        u.start()
    return utas, hitung, gembok


def _sampai(syarat, batas: float = TUNGGU) -> bool:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if syarat():
            return True
        time.sleep(0.01)
    return syarat()


def test_never_more_runs_at_once_than_the_limit_and_every_run_gets_its_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(modul.ENV, "2")
    lepas = threading.Event()
    utas, hitung, _ = _serbu(6, lepas)
    assert _sampai(lambda: hitung["di_dalam"] == 2)
    time.sleep(0.3)  # room for a third to get in, were the limit not kept
    assert hitung["di_dalam"] == 2
    lepas.set()
    for u in utas:
        u.join(TUNGGU)
    assert hitung == {"di_dalam": 0, "paling_banyak": 2, "selesai": 6}


def test_a_run_waits_at_most_the_bound_and_then_runs_without_taking_a_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(modul.ENV, "1")
    monkeypatch.setattr(modul, "BATAS_TUNGGU", 0.2)
    semafor = modul._giliran()
    assert semafor.acquire(timeout=TUNGGU)  # a run that hangs holds the only turn
    selesai = threading.Event()

    def lewat() -> None:
        with modul.giliran():
            pass
        selesai.set()

    jalan = threading.Thread(target=lewat)
    jalan.start()
    assert selesai.wait(TUNGGU)
    semafor.release()  # a BoundedSemaphore refuses one release too many: the late run gave back nothing it had not taken
    assert semafor.acquire(blocking=False)
    semafor.release()


def test_zero_turns_the_limit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(modul.ENV, "0")
    lepas = threading.Event()
    utas, hitung, _ = _serbu(5, lepas)
    assert _sampai(lambda: hitung["di_dalam"] == 5)
    lepas.set()
    for u in utas:
        u.join(TUNGGU)
    assert hitung["selesai"] == 5


@pytest.mark.parametrize("nilai", ["dua", "-1", "1.5"])
def test_a_wrong_value_is_refused_by_name(monkeypatch: pytest.MonkeyPatch, nilai: str) -> None:
    monkeypatch.setenv(modul.ENV, nilai)
    with pytest.raises(ValueError, match="DASBOR_SKRIP_SERENTAK harus bilangan bulat"):
        modul.giliran().__enter__()


class _SemaforDiamati(threading.BoundedSemaphore):
    """A worker's turns that say when a run asks for one."""

    def __init__(self, n: int) -> None:
        super().__init__(n)
        self.diminta = threading.Event()

    def acquire(self, blocking: bool = True, timeout: float | None = None) -> bool:
        self.diminta.set()
        return super().acquire(blocking, timeout)


def test_app_runs_the_page_in_a_turn(demo_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    semafor = _SemaforDiamati(1)
    monkeypatch.setattr(modul, "_giliran", lambda: semafor)
    monkeypatch.setattr(modul, "BATAS_TUNGGU", 120.0)
    assert semafor.acquire(timeout=TUNGGU)  # another visitor's page holds the only turn
    semafor.diminta.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    kunjungan = threading.Thread(target=at.run)
    kunjungan.start()
    assert semafor.diminta.wait(120), "app.py tidak meminta giliran"
    time.sleep(0.3)
    menunggu = kunjungan.is_alive()
    semafor.release()
    kunjungan.join(120)
    assert menunggu, "halaman berjalan tanpa menunggu giliran"
    assert not at.exception
    assert at.title, "halaman tidak tergambar setelah gilirannya tiba"


def test_a_run_computing_what_no_cache_holds_gives_its_turn_to_others(monkeypatch: pytest.MonkeyPatch) -> None:
    from dasbor.ui import data

    monkeypatch.setenv(modul.ENV, "1")
    simpanan = data._Simpanan(maks=4)
    mulai_hitung, boleh_selesai = threading.Event(), threading.Event()
    urutan: list[str] = []

    def hitung() -> int:
        mulai_hitung.set()
        boleh_selesai.wait(TUNGGU)
        return 42

    def lama() -> None:  # a first visit: the value is not cached yet, and takes long
        with modul.giliran():
            urutan.append(f"lama dapat {simpanan.ambil(('t', 'x'), hitung)}")

    def pendek() -> None:  # a warm view of another visitor
        with modul.giliran():
            urutan.append("pendek")

    a = threading.Thread(target=lama)
    a.start()
    assert mulai_hitung.wait(TUNGGU)
    b = threading.Thread(target=pendek)
    b.start()
    b.join(TUNGGU)  # gets the only turn while the first run computes
    assert urutan == ["pendek"]
    boleh_selesai.set()
    a.join(TUNGGU)
    assert urutan == ["pendek", "lama dapat 42"]
    semafor = modul._giliran()
    assert semafor.acquire(blocking=False)  # every turn given back exactly once
    semafor.release()


def test_giving_back_a_turn_outside_a_turn_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(modul.ENV, "1")
    with modul.di_luar():  # a command or a test: no turn held, none taken
        pass
    semafor = modul._giliran()
    assert semafor.acquire(blocking=False)
    semafor.release()
    with modul.giliran():
        with modul.di_luar():
            assert semafor.acquire(blocking=False)  # the turn is free while outside
            semafor.release()
        assert not semafor.acquire(blocking=False)  # and held again after
