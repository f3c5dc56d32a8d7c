"""Every methodology TOML and indicator catalogue validates; a broken copy fails with a readable Indonesian message
that names the file the problem is in."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import scoring.loader as loader
from scoring import MetodologiTidakSahError, daftar_versi, load_metodologi, metodologi_untuk_tahun
from scoring.katalog import urai
from scoring.validate import validate_katalog_raw, validate_metodologi_raw

KATALOG = "indikator-2026"


def mentah(versi: str) -> dict[str, Any]:
    return copy.deepcopy(loader.baca_versi(versi)[0])


def katalog_mentah() -> dict[str, Any]:
    return copy.deepcopy(loader.load_katalog(KATALOG))


@pytest.mark.parametrize("versi", daftar_versi())
def test_setiap_versi_sah(versi: str) -> None:
    raw, katalog = loader.baca_versi(versi)
    assert validate_metodologi_raw(raw, versi, katalog) == []
    m = load_metodologi(versi)
    assert m.versi == versi
    assert m.maks_total == m.maks_spd + m.maks_sid_per_inovasi + m.maks_jumlah


@pytest.mark.parametrize("nama", loader.daftar_katalog())
def test_setiap_katalog_sah(nama: str) -> None:
    assert validate_katalog_raw(loader.load_katalog(nama), nama) == []


@pytest.mark.parametrize("versi", daftar_versi())
def test_berkas_versi_hanya_memuat_yang_berbeda(versi: str) -> None:
    # The indicators (names, levels, evidence) live once, in the catalogue; a version file names it.
    raw = mentah(versi)
    assert "indikator" not in raw
    assert raw["katalog"]["berkas"] in loader.daftar_katalog()


def test_setiap_tahun_punya_tepat_satu_versi() -> None:
    tahun = [t for v in daftar_versi() for t in load_metodologi(v).tahun]
    assert len(tahun) == len(set(tahun))
    assert {metodologi_untuk_tahun(t).versi for t in range(2021, 2027)} == set(daftar_versi())


def _indikator(raw: dict[str, Any], kode: str) -> dict[str, Any]:
    return next(i for i in raw["indikator"] if i["kode"] == kode)


def _ubah(raw: dict[str, Any], **baris: Any) -> None:
    raw["katalog"].setdefault("indikator", []).append(baris)


# mutation of the parsed version file, and a phrase the problem list must contain
RUSAK = [
    pytest.param(lambda r: r["pembagi"].update(minimun=10), "[pembagi]: kunci tidak dikenal 'minimun'", id="kunci"),
    pytest.param(lambda r: r["pembagi"].update(minimum="10"), "[pembagi]: 'minimum' bertipe salah (str)", id="tipe"),
    pytest.param(lambda r: r["rumus"].update(keyakinan="yakin"), "keyakinan 'yakin' tidak dikenal", id="keyakinan"),
    pytest.param(lambda r: r["pembagi"].update(sumber=" "), "[pembagi]: sumber kosong", id="sumber_kosong"),
    pytest.param(lambda r: r["metodologi"].update(versi="1999"), "versi '1999' tidak sama dengan", id="versi_lain"),
    pytest.param(lambda r: r.pop("usia_inovasi"), "[usia_inovasi] wajib ada", id="usia_hilang"),
    pytest.param(
        lambda r: r["usia_inovasi"].update(umur_maks_tahun=-1), "umur_maks_tahun harus ≥ 1", id="usia_negatif"
    ),
    pytest.param(
        lambda r: r["usia_inovasi"].update(umur_maks_tahun="2"), "'umur_maks_tahun' bertipe salah", id="usia_teks"
    ),
    pytest.param(lambda r: r["katalog"].pop("keyakinan"), "[katalog]: kunci 'keyakinan' wajib ada", id="katalog_asal"),
    pytest.param(
        lambda r: r["katalog"].update(catatn="x"), "[katalog]: kunci tidak dikenal 'catatn'", id="katalog_kunci"
    ),
    pytest.param(
        lambda r: _ubah(r, kode=["12"], bobot=3),  # 63 − 2 × 3 + 3 × 3 = 66
        "skor_maksimum.spd = 63 tetapi aturan menghasilkan 66",
        id="bobot_tidak_cocok_maksimum",
    ),
    pytest.param(lambda r: _ubah(r, kode=["12"], bobot=0), "indikator 12: bobot harus positif", id="bobot_nol"),
    pytest.param(
        lambda r: _ubah(r, kode=["36"], wajib=True),
        "[[katalog.indikator]] ke-2: indikator 36 tidak ada di katalog 'indikator-2026'",
        id="ubah_kode_asing",
    ),
    pytest.param(
        lambda r: _ubah(r, kode=["16"], keyakinan="asumsi"), "indikator 16 sudah diubah di baris sebelumnya", id="ganda"
    ),
    pytest.param(lambda r: _ubah(r, kode=["1"]), "tidak mengubah apa pun", id="ubah_kosong"),
    pytest.param(lambda r: _ubah(r, kode="1", wajib=False), "'kode' bertipe salah (str)", id="kode_bukan_daftar"),
    pytest.param(
        lambda r: _ubah(r, kode=["1"], nama="lain"), "[[katalog.indikator]] ke-2: kunci tidak dikenal 'nama'", id="nama"
    ),
]


@pytest.mark.parametrize(("rusak", "pesan"), RUSAK)
@pytest.mark.parametrize("versi", daftar_versi())
def test_salinan_rusak_ditolak_dengan_pesan_jelas(
    versi: str, rusak: Callable[[dict[str, Any]], None], pesan: str
) -> None:
    raw = mentah(versi)
    rusak(raw)
    problems = validate_metodologi_raw(raw, versi, katalog_mentah())
    assert any(pesan in p for p in problems), problems
    teks = str(MetodologiTidakSahError(f"{versi}.toml", problems))
    assert teks.startswith(f"berkas metodologi {versi}.toml tidak sah:") and pesan in teks


def _hapus_35(raw: dict[str, Any]) -> None:
    raw["indikator"].remove(_indikator(raw, "35"))


# mutation of the parsed catalogue, and a phrase its problem list must contain
RUSAK_KATALOG = [
    pytest.param(_hapus_35, "indikator 35 tidak ada", id="indikator_35_hilang"),
    pytest.param(
        lambda r: r["indikator"].append(copy.deepcopy(_indikator(r, "16"))), "indikator 16: kode ganda", id="kode_ganda"
    ),
    pytest.param(lambda r: _indikator(r, "16").update(kode="36"), "kode SID harus 16–35", id="kode_sid"),
    pytest.param(lambda r: _indikator(r, "3").update(aspek="SPDX"), "aspek 'SPDX' bukan SPD atau SID", id="aspek"),
    pytest.param(lambda r: _indikator(r, "3").update(level=["a", "b"]), "'level' harus berisi 3 teks", id="level"),
    pytest.param(lambda r: _indikator(r, "3").update(keyakinan="asumsi"), "kunci tidak dikenal 'keyakinan'", id="asal"),
    pytest.param(lambda r: r["katalog"].update(nama="lain"), "nama 'lain' tidak sama dengan nama berkas", id="nama"),
    pytest.param(lambda r: r["katalog"].pop("sumber"), "[katalog]: kunci 'sumber' wajib ada", id="sumber"),
]


@pytest.mark.parametrize(("rusak", "pesan"), RUSAK_KATALOG)
def test_katalog_rusak_ditolak_dengan_pesan_jelas(rusak: Callable[[dict[str, Any]], None], pesan: str) -> None:
    raw = katalog_mentah()
    rusak(raw)
    problems = validate_katalog_raw(raw, KATALOG)
    assert any(pesan in p for p in problems), problems


def test_bobot_katalog_yang_berubah_melanggar_maksimum_setiap_versi() -> None:
    katalog = katalog_mentah()
    _indikator(katalog, "12").update(bobot=3)
    for versi in daftar_versi():
        assert "skor_maksimum.spd = 63 tetapi aturan menghasilkan 66" in validate_metodologi_raw(
            mentah(versi), versi, katalog
        )


KATALOG_UJI = {
    "katalog": {"nama": "uji", "keyakinan": "kode-pihak-ketiga", "sumber": "katalog", "catatan": "dari katalog"},
    "indikator": [
        {"kode": "1", "bobot": 1, "wajib": True, "nama": "satu"},
        {"kode": "2", "bobot": 2, "wajib": False, "nama": "dua"},
    ],
}


@pytest.mark.parametrize(
    ("pakai", "harapan"),
    [
        pytest.param(
            {"keyakinan": "asumsi"},
            [("1", 1, True, "asumsi", "katalog", "dari katalog"), ("2", 2, False, "asumsi", "katalog", "dari katalog")],
            id="semua_dari_katalog",
        ),
        pytest.param(
            {"keyakinan": "asumsi", "catatan": "versi", "sumber": "versi.pdf"},
            [("1", 1, True, "asumsi", "versi.pdf", "versi"), ("2", 2, False, "asumsi", "versi.pdf", "versi")],
            id="asal_versi",
        ),
        pytest.param(
            {
                "keyakinan": "asumsi",
                "catatan": "versi",
                "indikator": [{"kode": ["2"], "bobot": 3, "wajib": True, "keyakinan": "satu-sumber", "catatan": "+"}],
            },
            [("1", 1, True, "asumsi", "katalog", "versi"), ("2", 3, True, "satu-sumber", "katalog", "versi +")],
            id="ubah_satu_indikator",
        ),
        pytest.param(
            {"keyakinan": "asumsi", "indikator": [{"kode": ["1", "2"], "sumber": "lain"}]},
            [("1", 1, True, "asumsi", "lain", "dari katalog"), ("2", 2, False, "asumsi", "lain", "dari katalog")],
            id="ubah_beberapa_kode",
        ),
    ],
)
def test_urai_versi_dengan_katalog(pakai: dict[str, Any], harapan: list[tuple[Any, ...]]) -> None:
    hasil = urai({"metodologi": {"versi": "x"}, "katalog": {"berkas": "uji", **pakai}}, KATALOG_UJI)
    assert "katalog" not in hasil and hasil["metodologi"] == {"versi": "x"}
    kolom = ("kode", "bobot", "wajib", "keyakinan", "sumber", "catatan")
    assert [tuple(i[k] for k in kolom) for i in hasil["indikator"]] == harapan
    assert [i["nama"] for i in hasil["indikator"]] == ["satu", "dua"]  # the rest is the catalogue's


@pytest.fixture
def folder_salinan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of scoring/metodologi/ that the loader reads instead, with its caches emptied around the test."""
    shutil.copytree(Path(str(resources.files("scoring") / "metodologi")), tmp_path / "metodologi")
    monkeypatch.setattr(loader, "_folder", lambda: tmp_path / "metodologi")
    for fungsi in (loader.load_katalog, loader.load_metodologi):
        fungsi.cache_clear()
    yield tmp_path / "metodologi"
    for fungsi in (loader.load_katalog, loader.load_metodologi):
        fungsi.cache_clear()


def test_katalog_bukan_toml_disebut_baris_dan_kolomnya(folder_salinan: Path) -> None:
    berkas = folder_salinan / "katalog" / f"{KATALOG}.toml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("bobot = 4", "bobot = = 4", 1), encoding="utf-8")
    baris = next(n for n, b in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1) if "= = 4" in b)
    with pytest.raises(MetodologiTidakSahError) as e:
        load_metodologi("2023")
    assert e.value.berkas == f"katalog/{KATALOG}.toml"
    assert f"line {baris}, column" in str(e.value)


def test_katalog_rusak_disebut_berkasnya_saat_memuat_versi(folder_salinan: Path) -> None:
    berkas = folder_salinan / "katalog" / f"{KATALOG}.toml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace('kode = "35"', 'kode = "36"'), encoding="utf-8")
    with pytest.raises(MetodologiTidakSahError) as e:
        load_metodologi("2026")
    assert e.value.berkas == f"katalog/{KATALOG}.toml"
    assert "indikator 36: kode SID harus 16–35" in e.value.problems


def test_versi_yang_menyebut_katalog_tak_ada(folder_salinan: Path) -> None:
    berkas = folder_salinan / "2025.toml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace(f'"{KATALOG}"', '"indikator-1999"'), encoding="utf-8")
    with pytest.raises(MetodologiTidakSahError) as e:
        load_metodologi("2025")
    assert e.value.berkas == "katalog/indikator-1999.toml"
    assert f"tersedia: {KATALOG}" in str(e.value)


def _nomor(teks: str, awal: str, ke: int = 1) -> int:
    return [n for n, b in enumerate(teks.splitlines(), 1) if b.startswith(awal)][ke - 1]


@pytest.mark.parametrize(
    ("berkas", "ganti", "pesan", "baris"),
    [
        pytest.param(
            "2023.toml",
            ("minimum = 10", "minimun = 10"),
            "[pembagi]: kunci tidak dikenal 'minimun'",
            lambda t: _nomor(t, "minimun"),
            id="kunci_asing",
        ),
        pytest.param(
            "2023.toml",
            ("spd = 63", "spd = 64"),
            "skor_maksimum.spd = 64 tetapi aturan menghasilkan 63",
            lambda t: _nomor(t, "spd = 64"),
            id="maksimum",
        ),
        pytest.param(
            "2025.toml",
            ('batas_bawah = 40.01\nkeyakinan = "asumsi"', 'batas_bawah = 40.01\nkeyakinan = "yakin"'),
            "[[predikat]] ke-2: keyakinan 'yakin' tidak dikenal",
            lambda t: _nomor(t, 'keyakinan = "yakin"'),
            id="keyakinan_baris_kedua",
        ),
        pytest.param(
            "2026.toml",
            ('kode = ["16"', 'bobot = 0\nkode = ["16"'),
            "indikator 16: bobot harus positif",
            lambda t: _nomor(t, 'kode = ["16"'),
            id="ubahan_indikator",
        ),
        pytest.param(
            f"katalog/{KATALOG}.toml",
            ('kode = "35"', 'kode = "36"'),
            "indikator 36: kode SID harus 16–35",
            lambda t: _nomor(t, 'kode = "36"'),
            id="katalog_kode",
        ),
        pytest.param(
            f"katalog/{KATALOG}.toml",
            ("wajib = true", 'wajib = "ya"'),
            "[[indikator]] ke-1: 'wajib' bertipe salah (str)",
            lambda t: _nomor(t, 'wajib = "ya"'),
            id="katalog_tipe",
        ),
    ],
)
def test_pesan_menyebut_berkas_dan_baris(
    folder_salinan: Path, berkas: str, ganti: tuple[str, str], pesan: str, baris: Callable[[str], int]
) -> None:
    path = folder_salinan / berkas
    teks = path.read_text(encoding="utf-8").replace(*ganti, 1)
    path.write_text(teks, encoding="utf-8")
    versi = berkas.removesuffix(".toml") if not berkas.startswith("katalog/") else "2023"
    with pytest.raises(MetodologiTidakSahError) as e:
        load_metodologi(versi)
    assert e.value.berkas == berkas
    assert f"- baris {baris(teks)}: {pesan}" in str(e.value), str(e.value)
