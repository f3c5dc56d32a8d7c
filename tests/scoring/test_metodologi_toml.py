"""Every methodology TOML validates; a broken copy fails with a readable Indonesian message."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest

from scoring import MetodologiTidakSahError, daftar_versi, load_metodologi, metodologi_untuk_tahun
from scoring.validate import validate_metodologi_raw


def mentah(versi: str) -> dict[str, Any]:
    return tomllib.loads((resources.files("scoring") / "metodologi" / f"{versi}.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("versi", daftar_versi())
def test_setiap_versi_sah(versi: str) -> None:
    assert validate_metodologi_raw(mentah(versi), versi) == []
    m = load_metodologi(versi)
    assert m.versi == versi
    assert m.maks_total == m.maks_spd + m.maks_sid_per_inovasi + m.maks_jumlah


def test_setiap_tahun_punya_tepat_satu_versi() -> None:
    tahun = [t for v in daftar_versi() for t in load_metodologi(v).tahun]
    assert len(tahun) == len(set(tahun))
    assert {metodologi_untuk_tahun(t).versi for t in range(2021, 2027)} == set(daftar_versi())


def _indikator(raw: dict[str, Any], kode: str) -> dict[str, Any]:
    return next(i for i in raw["indikator"] if i["kode"] == kode)


def _hapus_35(raw: dict[str, Any]) -> None:
    raw["indikator"].remove(_indikator(raw, "35"))


# mutation of the parsed TOML, and a phrase the problem list must contain
RUSAK = [
    pytest.param(lambda r: r["pembagi"].update(minimun=10), "[pembagi]: kunci tidak dikenal 'minimun'", id="kunci"),
    pytest.param(lambda r: r["pembagi"].update(minimum="10"), "[pembagi]: 'minimum' bertipe salah (str)", id="tipe"),
    pytest.param(lambda r: r["rumus"].update(keyakinan="yakin"), "keyakinan 'yakin' tidak dikenal", id="keyakinan"),
    pytest.param(
        lambda r: _indikator(r, "12").update(bobot=3),  # 63 − 2 × 3 + 3 × 3 = 66
        "skor_maksimum.spd = 63 tetapi aturan menghasilkan 66",
        id="bobot_tidak_cocok_maksimum",
    ),
    pytest.param(_hapus_35, "indikator 35 tidak ada", id="indikator_35_hilang"),
    pytest.param(
        lambda r: r["indikator"].append(copy.deepcopy(_indikator(r, "16"))), "indikator 16: kode ganda", id="kode_ganda"
    ),
    pytest.param(lambda r: r["pembagi"].update(sumber=" "), "[pembagi]: sumber kosong", id="sumber_kosong"),
    pytest.param(lambda r: r["metodologi"].update(versi="1999"), "versi '1999' tidak sama dengan", id="versi_lain"),
    pytest.param(lambda r: r.pop("usia_inovasi"), "[usia_inovasi] wajib ada", id="usia_hilang"),
    pytest.param(
        lambda r: r["usia_inovasi"].update(umur_maks_tahun=-1), "umur_maks_tahun harus ≥ 0", id="usia_negatif"
    ),
    pytest.param(
        lambda r: r["usia_inovasi"].update(umur_maks_tahun="2"), "'umur_maks_tahun' bertipe salah", id="usia_teks"
    ),
]


@pytest.mark.parametrize(("rusak", "pesan"), RUSAK)
@pytest.mark.parametrize("versi", daftar_versi())
def test_salinan_rusak_ditolak_dengan_pesan_jelas(
    versi: str, rusak: Callable[[dict[str, Any]], None], pesan: str
) -> None:
    raw = mentah(versi)
    rusak(raw)
    problems = validate_metodologi_raw(raw, versi)
    assert any(pesan in p for p in problems), problems
    teks = str(MetodologiTidakSahError(f"{versi}.toml", problems))
    assert teks.startswith(f"berkas metodologi {versi}.toml tidak sah:") and pesan in teks
