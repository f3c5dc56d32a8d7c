"""The scope is declared once (issue 25 §1): no province literal in product code, and the scope's values derive from
data/lingkup.toml and $DASBOR_LINGKUP.

A province literal is a kab/kota code of the national reference ('63.06'), a region's name ('Tabalong',
'Kalimantan Selatan'), a province's short form declared in data/lingkup.toml ('Kalsel', any case, so file names such
as wilayah-kalsel.csv count too), or a count of regions ('13 kab/kota', 'dari 13'), in any string the product uses.
Docstrings and comments may keep their examples; data/, dasbor/demo/ and tests/ are where the province lives."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from dasbor import lingkup as modul_lingkup
from dasbor.lingkup import BERKAS, Lingkup, LingkupError, lingkup, referensi

ROOT = Path(__file__).resolve().parents[1]
PRODUK = sorted(
    p
    for p in [
        ROOT / "app.py",
        *(ROOT / "pages").rglob("*.py"),
        *(ROOT / "dasbor").rglob("*.py"),
        *(ROOT / "scoring").rglob("*.py"),
    ]
    if "demo" not in p.relative_to(ROOT).parts
)
# Texts another change moves out of the code into versioned data with their sources (issue 25 §6: the gap text
# catalogue and the SKPD commitment rule of services/kelengkapan.py); a source citation names its province.
DIKECUALIKAN = {"dasbor/services/kelengkapan.py": {"Kalsel", "kalsel", "Banten"}}


def _nama_pendek(nama: str) -> str:
    for awalan in ("Provinsi ", "Kabupaten ", "Kota "):
        nama = nama.removeprefix(awalan)
    return nama


KODE_KABKOTA = {w.kode_wilayah for w in referensi() if w.jenis != "provinsi"}
POLA_KODE = re.compile(r"(?<![\d.])(\d{2}\.\d{2})(?!\d)")
POLA_NAMA = re.compile(
    r"\b("
    + "|".join(sorted({re.escape(_nama_pendek(w.nama_wilayah)) for w in referensi()}, key=len, reverse=True))
    + r")\b"
)
SINGKATAN = {
    t["singkatan"]
    for t in tomllib.loads(BERKAS.read_text(encoding="utf-8")).values()
    if isinstance(t, dict) and "singkatan" in t
}
POLA_SINGKATAN = re.compile("|".join(map(re.escape, SINGKATAN)), re.IGNORECASE)
POLA_JUMLAH = re.compile(
    r"\b\d+\s+(?:kab/kota|kabupaten/kota|kabupaten|kota|wilayah|pemda|provinsi)\b|\bdari \d+\s*$", re.IGNORECASE
)


def _docstring(node: ast.AST) -> ast.Constant | None:
    badan = getattr(node, "body", None)
    if (
        isinstance(badan, list)
        and badan
        and isinstance(badan[0], ast.Expr)
        and isinstance(badan[0].value, ast.Constant)
    ):
        return badan[0].value
    return None


def literal_provinsi(sumber: str) -> list[str]:
    """The province literals in the strings a module's code uses (docstrings excluded), in order of appearance."""
    pohon = ast.parse(sumber)
    dok = {id(d) for n in ast.walk(pohon) if (d := _docstring(n)) is not None}
    temuan: list[tuple[int, int, str]] = []
    for node in ast.walk(pohon):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in dok:
            teks = node.value
            ketemu = [m.group(1) for m in POLA_KODE.finditer(teks) if m.group(1) in KODE_KABKOTA]
            ketemu += POLA_NAMA.findall(teks) + POLA_SINGKATAN.findall(teks) + POLA_JUMLAH.findall(teks)
            temuan += [(node.lineno, node.col_offset, k) for k in ketemu]
    return [k for *_, k in sorted(temuan)]


def periksa_berkas(path: Path, kecuali: set[str] | frozenset[str] = frozenset()) -> None:
    temuan = [k for k in literal_provinsi(path.read_text(encoding="utf-8")) if k not in kecuali]
    assert not temuan, f"{path.name}: literal provinsi {temuan}; turunkan dari dasbor.lingkup atau tabel wilayah"


@pytest.mark.parametrize("berkas", [p.relative_to(ROOT).as_posix() for p in PRODUK])
def test_no_province_literal_in_product_code(berkas: str) -> None:
    periksa_berkas(ROOT / berkas, DIKECUALIKAN.get(berkas, set()))


@pytest.mark.parametrize(
    ("sumber", "temuan"),
    [
        ('BAWAAN = ("63.06", "63.09")', ["63.06", "63.09"]),
        ('st.title("Indeks Inovasi Daerah — Kalimantan Selatan")', ["Kalimantan Selatan"]),
        ('x = "Kabupaten Sidoarjo"', ["Sidoarjo"]),
        ('judul = f"Dasbor IID Kalsel {tahun}"', ["Kalsel"]),
        ('p = ROOT / "wilayah-kalsel.csv"', ["kalsel"]),
        ('t = f"{peringkat} dari 13"', ["dari 13"]),
        ('t = "peringkat di antara 13 kab/kota"', ["13 kab/kota"]),
        ('"""Docstring: Tabalong."""\nKAKI = Kotak(11.73, 6.76)\nt = "lebih dari 50 MB"', []),
        ('def f():\n    """Kota Banjarbaru -> Banjarbaru."""\n    return lingkup().nama', []),
    ],
)
def test_the_checker_finds_a_planted_literal(sumber: str, temuan: list[str]) -> None:
    assert literal_provinsi(sumber) == temuan


def test_the_layer_test_fails_on_a_planted_file(tmp_path: Path) -> None:
    ditanam = tmp_path / "halaman.py"
    ditanam.write_text('import streamlit as st\nst.subheader("Provinsi Kalimantan Selatan")\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="Kalimantan Selatan"):
        periksa_berkas(ditanam)


def test_the_default_scope_is_kalimantan_selatan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASBOR_LINGKUP", raising=False)
    sekarang = lingkup()
    assert (sekarang.kode, sekarang.nama, sekarang.nama_pemda, sekarang.judul_aplikasi) == (
        "63",
        "Kalimantan Selatan",
        "Provinsi Kalimantan Selatan",
        "Dasbor IID Kalsel",
    )
    assert sekarang.pembanding == ("63.06", "63.09") and sekarang.tempat_bimtek == "Banjarbaru"
    assert [w.kode_wilayah for w in sekarang.wilayah()][:2] == ["63", "63.01"] and len(sekarang.wilayah()) == 14


def test_another_province_derives_every_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_LINGKUP", "35")
    sekarang = lingkup()
    assert (sekarang.nama, sekarang.nama_pemda, sekarang.judul_aplikasi, sekarang.instansi) == (
        "Jawa Timur",
        "Provinsi Jawa Timur",
        "Dasbor IID Jawa Timur",
        "Brida Provinsi Jawa Timur",
    )
    assert sekarang.pembanding == ("35.01", "35.02") and sekarang.batas.name == "batas-kabkota-indonesia.geojson"
    jenis = [w.jenis for w in sekarang.wilayah()]
    assert (jenis.count("provinsi"), jenis.count("kabupaten"), jenis.count("kota")) == (1, 29, 9)
    assert sekarang.memuat("35.15") and not sekarang.memuat("63.09")


def test_national_scope_holds_every_pemda(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_LINGKUP", "nasional")
    jenis = [w.jenis for w in lingkup().wilayah()]
    assert (jenis.count("provinsi"), jenis.count("kabupaten"), jenis.count("kota")) == (38, 416, 98)
    assert lingkup().memuat("63.09") and lingkup().memuat("35")


def test_an_unknown_scope_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASBOR_LINGKUP", "99")
    with pytest.raises(LingkupError, match="DASBOR_LINGKUP='99' tidak dikenal"):
        lingkup()


def test_a_scope_file_declares_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    berkas = tmp_path / "lingkup.toml"
    berkas.write_text('lingkup = "35"\n["35"]\ninstansi = "Brida Jatim"\npembanding = ["35.15", "35.78"]\n')
    monkeypatch.setattr(modul_lingkup, "BERKAS", berkas)
    monkeypatch.delenv("DASBOR_LINGKUP", raising=False)
    sekarang: Lingkup = lingkup()
    assert (sekarang.kode, sekarang.instansi, sekarang.pembanding, sekarang.singkatan) == (
        "35",
        "Brida Jatim",
        ("35.15", "35.78"),
        "Jawa Timur",
    )
