"""The layer rules of the README's table, kept by the code: what each folder may import, no private Streamlit
paths anywhere, and no import cycles between packages."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KODE = sorted(
    p
    for folder in ("app.py", "pages", "dasbor", "scoring", "penguji", "benchmarks", "scripts")
    for p in ([ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"))
)
# Folder -> imports it must not make. A prefix bans the package and everything below it.
# The demo is a tool beside cli/ (issue 25 §6): the read path (db, services, ui, pages) and what it draws never
# import it, so reading never builds synthetic data.
LARANGAN = {
    "scoring": ("streamlit", "duckdb", "plotly", "dasbor"),
    "dasbor/db": ("streamlit", "dasbor.ui", "dasbor.demo"),
    "dasbor/excel": ("streamlit", "dasbor.ui", "dasbor.demo"),
    "dasbor/ekspor": ("streamlit", "dasbor.ui", "dasbor.services", "dasbor.db", "duckdb", "dasbor.demo"),
    "dasbor/bimtek": ("streamlit", "dasbor.ui", "dasbor.demo"),
    "dasbor/services": ("streamlit", "dasbor.ui", "dasbor.demo"),
    "dasbor/cli": ("streamlit", "dasbor.ui"),
    "dasbor/demo": ("streamlit", "dasbor.ui"),
    "dasbor/visual": ("streamlit", "dasbor.ui", "dasbor.db", "duckdb", "dasbor.demo"),
    "dasbor/ui": ("duckdb", "dasbor.db", "dasbor.demo"),
    # Pages ask the UI cache (dasbor.ui.data) or a service and never compute scores themselves; the Impor page
    # hands the services a database handle but runs no query of its own (test_pages_run_no_queries).
    "pages": ("duckdb", "dasbor.db", "scoring", "dasbor.demo"),
}
PRIVAT = ("streamlit.runtime", "streamlit.web")
# What drives the app from outside (a browser, a websocket visitor speaking Streamlit's wire protocol) serves tests
# and benchmarks only: it lives in penguji/, and the product (dasbor/, pages/, app.py) never imports it.
PRODUK = ("app.py", "pages/", "dasbor/")
MESIN_UJI = ("websockets", "playwright", "streamlit.proto", "penguji")
# The one reach into Streamlit's internals, kept behind dasbor.serve.declare_st_navigation_app: Streamlit 1.67 has
# no public way to make a fresh server's first visitor on a shared link run app.py's st.navigation while a pages/
# folder exists (see that function); tests/layan/test_serve.py fails loudly when Streamlit changes it.
# The profile of `benchmarks/beban.py --profil` times each script run by wrapping Streamlit's ScriptRunner in a worker
# of its own: measurement only, never imported by the product.
PRIVAT_DIIZINKAN = {
    "dasbor/serve.py": "streamlit.runtime.pages_manager",
    "benchmarks/pekerja_profil.py": "streamlit.runtime.scriptrunner.script_runner",
}


def impor(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports are not used in this project)."""
    nama: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            nama |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            nama |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return nama


def _di_bawah(nama: str, awalan: str) -> bool:
    return nama == awalan or nama.startswith(awalan + ".")


def _relatif(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def test_every_layer_folder_exists_and_is_checked() -> None:
    assert all((ROOT / folder).is_dir() for folder in LARANGAN), [f for f in LARANGAN if not (ROOT / f).is_dir()]


@pytest.mark.parametrize("berkas", [_relatif(p) for p in KODE])
def test_layer_rules(berkas: str) -> None:
    dilarang = [d for folder, ds in LARANGAN.items() if berkas.startswith(folder + "/") for d in ds]
    dilarang += PRIVAT
    izin = PRIVAT_DIIZINKAN.get(berkas)
    salah = sorted(
        n for n in impor(ROOT / berkas) if any(_di_bawah(n, d) for d in dilarang) and not (izin and _di_bawah(n, izin))
    )
    assert not salah, f"{berkas} mengimpor {salah}"


def _mesin_uji(berkas: str) -> list[str]:
    return sorted(n for n in impor(ROOT / berkas) if any(_di_bawah(n, d) for d in MESIN_UJI))


@pytest.mark.parametrize("berkas", [b for b in map(_relatif, KODE) if b.startswith(PRODUK)])
def test_product_never_imports_test_machinery(berkas: str) -> None:
    assert not _mesin_uji(berkas), f"{berkas} mengimpor {_mesin_uji(berkas)}"


def test_test_machinery_rule_sees_the_websocket_visitor() -> None:
    # The rule above would fail if the visitor moved back into dasbor/: it sees both of its wire-protocol imports.
    assert {"websockets.asyncio.client", "streamlit.proto.BackMsg_pb2"} <= set(_mesin_uji("penguji/kunjungan_ws.py"))


@pytest.mark.parametrize("berkas", sorted(_relatif(p) for p in (ROOT / "pages").glob("*.py")))
def test_pages_run_no_queries(berkas: str) -> None:
    panggilan = {
        node.func.attr
        for node in ast.walk(ast.parse((ROOT / berkas).read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not panggilan & {"query", "execute", "cursor", "transaksi_baca", "sql"}, berkas


def _paket(berkas: str) -> str | None:
    """The package a file belongs to: dasbor.<sub> for the app's packages, scoring, or None for the rest."""
    bagian = berkas.removesuffix(".py").split("/")
    if bagian[0] == "scoring":
        return "scoring"
    if bagian[0] == "dasbor":
        return "dasbor." + bagian[1] if len(bagian) > 2 else "dasbor"
    return None


def _siklus(graf: dict[str, set[str]]) -> list[str]:
    """One cycle in a directed graph, or [] (depth-first search with colours)."""
    warna: dict[str, int] = {}
    jalur: list[str] = []

    def kunjungi(n: str) -> list[str]:
        warna[n] = 1
        jalur.append(n)
        for m in sorted(graf.get(n, ())):
            if warna.get(m) == 1:
                return [*jalur[jalur.index(m) :], m]
            if m not in warna and (hasil := kunjungi(m)):
                return hasil
        warna[n] = 2
        jalur.pop()
        return []

    for n in sorted(graf):
        if n not in warna and (hasil := kunjungi(n)):
            return hasil
    return []


def test_no_import_cycles_between_packages() -> None:
    graf: dict[str, set[str]] = defaultdict(set)
    paket_dikenal = {_paket(_relatif(p)) for p in KODE} - {None}
    for p in KODE:
        asal = _paket(_relatif(p))
        if asal is None:
            continue
        for nama in impor(p):
            tujuan = next((k for k in sorted(paket_dikenal, key=len, reverse=True) if _di_bawah(nama, k)), None)
            if tujuan and tujuan != asal and tujuan != "dasbor":
                graf[asal].add(tujuan)
    assert _siklus(graf) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert _siklus({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _siklus({"a": {"b"}, "b": set()}) == []


def halaman_tanpa_daftar(folder: Path, daftar: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(page files not in the registry, registry entries without a file): both must be empty."""
    berkas = {p.stem for p in folder.glob("*.py")}
    return sorted(berkas - set(daftar)), sorted(set(daftar) - berkas)


def test_every_page_is_in_the_one_page_registry() -> None:
    from dasbor.halaman import HALAMAN

    assert halaman_tanpa_daftar(ROOT / "pages", tuple(h.nama for h in HALAMAN)) == ([], [])


def test_a_planted_page_missing_from_the_registry_fails(tmp_path: Path) -> None:
    from dasbor.halaman import HALAMAN

    for h in HALAMAN:
        (tmp_path / h.berkas.removeprefix("pages/")).touch()
    (tmp_path / "baru.py").touch()
    assert halaman_tanpa_daftar(tmp_path, tuple(h.nama for h in HALAMAN)) == (["baru"], [])
    (tmp_path / "akun.py").unlink()
    assert halaman_tanpa_daftar(tmp_path, tuple(h.nama for h in HALAMAN)) == (["baru"], ["akun"])
