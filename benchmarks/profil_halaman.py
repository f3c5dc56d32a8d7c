"""Where a warm page view spends its server time, per page of the room's mix (`benchmarks/beban.py --profil`).

One worker (benchmarks/pekerja_profil.py) on the benchmark's database; every page is opened twice to warm it, then
`ulang` times with only its script thread's CPU time taken (the figure per view), then `ulang` times under cProfile.
The profiled runs split a view by the Streamlit calls and services it spends in: tables (Styler, Arrow, editors), Plotly
charts, recorded elements replayed (dasbor.ui.rekaman), download buttons, other widgets and layout, text elements,
app.py's part (navigation, login gate, style), cache lookups (data.olahan, data.sekali), queries and scoring, and the
rest (the page's own code, pandas). A share of the profiled time
is applied to the unprofiled CPU time: cProfile slows Python code more than C code, so the split is a guide."""

from __future__ import annotations

import asyncio
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from dasbor.peluncur import free_port
from penguji.kunjungan_ws import kunjungi
from penguji.server_lokal import tunggu_sehat

ROOT = Path(__file__).resolve().parents[1]
# Category -> the functions (a folder or file of the path, and names) whose cumulative time it is; none of them calls
# another's. Streamlit's elements are counted where the page calls them (their protobuf and message queue included).
_ELEMEN = "streamlit/elements/"
KATEGORI: dict[str, list[tuple[str, set[str]]]] = {
    "tabel (Styler, Arrow)": [(_ELEMEN, {"dataframe", "data_editor", "table"})],
    "grafik (Plotly)": [(_ELEMEN, {"plotly_chart"})],
    "elemen terekam": [("dasbor/ui/rekaman.py", {"gambar"})],
    "tombol unduh": [(_ELEMEN, {"download_button"})],
    "pilihan & tata letak": [
        (
            _ELEMEN,
            {"selectbox", "multiselect", "radio", "button", "text_input", "number_input", "checkbox", "toggle"}
            | {"segmented_control", "pills", "slider", "select_slider", "date_input"}
            | {"columns", "container", "tabs", "popover", "expander"},
        )
    ],
    "teks (markdown, metric)": [
        (
            _ELEMEN,
            {"markdown", "caption", "metric", "title", "header", "subheader", "html", "code", "write"}
            | {"info", "warning", "success", "error"},
        )
    ],
    "app.py (navigasi, gerbang)": [("streamlit/commands/navigation.py", {"navigation"})]
    + [("streamlit/commands/page_config.py", {"set_page_config"}), ("dasbor/ui/akun.py", {"gerbang"})]
    + [("dasbor/ui/data.py", {"segarkan"})],  # its style sheet (st.html) counts as text
    "kunci cache": [("dasbor/ui/data.py", {"olahan", "tersimpan"})],
    "kueri & skor": [("dasbor/db/connection.py", {"query"}), ("scoring/compute.py", {"hitung_skor"})],
}
LAIN = "lain (kode halaman, pandas)"


async def _kunjungi_semua(url: str, halaman: list[tuple[str, str]], kali: int) -> int:
    """Each page `kali` times, one after another; the number of exception elements seen."""
    pengecualian = 0
    for _ in range(kali):
        for jalur, query in halaman:
            pengecualian += (await kunjungi(url, jalur, query, batas_detik=300)).pengecualian
    return pengecualian


def _waktu(folder: Path) -> dict[str, list[float]]:
    cpu: dict[str, list[float]] = defaultdict(list)
    for baris in (folder / "waktu.tsv").read_text(encoding="utf-8").splitlines():
        halaman, ms, _ = baris.split("\t")
        cpu[halaman].append(float(ms))
    return cpu


def _bagian(berkas: list[Path]) -> tuple[float, dict[str, float]]:
    """Profiled seconds per view, and per category."""
    st = pstats.Stats(*map(str, berkas))
    total = max(v[3] for v in st.stats.values())  # the script run itself has the largest cumulative time
    bagian = dict.fromkeys(KATEGORI, 0.0)
    for (path, _, fungsi), (_, _, _, kumulatif, _) in st.stats.items():
        for kategori, fungsi_kategori in KATEGORI.items():
            if any(tempat in path and fungsi in nama for tempat, nama in fungsi_kategori):
                bagian[kategori] += kumulatif
    n = len(berkas)
    return total / n, {k: v / n for k, v in bagian.items()}


def profil(db: Path, halaman: list[tuple[str, str]], ulang: int) -> dict[str, tuple[float, dict[str, float]]]:
    """Per page: the median CPU ms of a warm view's script run, and that time split by category (ms)."""
    with tempfile.TemporaryDirectory(prefix="bench-profil-") as tmp:
        folder = Path(tmp)
        port = free_port()
        env = {**os.environ, "DASBOR_DB": str(db), "DASBOR_PANASKAN": "1", "DASBOR_PROFIL": str(folder)}
        perintah = [sys.executable, str(ROOT / "benchmarks" / "pekerja_profil.py"), "--proses", "1"]
        perintah += ["--server.port", str(port), "--server.address", "127.0.0.1"]
        proc = subprocess.Popen(perintah, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            tunggu_sehat(proc, url, 120)
            asyncio.run(_kunjungi_semua(url, halaman, 2))
            (folder / "waktu.tsv").unlink()
            pengecualian = asyncio.run(_kunjungi_semua(url, halaman, ulang))
            cpu = _waktu(folder)
            (folder / "PROFIL").touch()
            pengecualian += asyncio.run(_kunjungi_semua(url, halaman, ulang))
        finally:
            proc.kill()
            proc.wait()
        if pengecualian:
            print(f"    {pengecualian} elemen pengecualian selama profil")
        hasil = {}
        for jalur, _ in halaman:
            nama = jalur or "ringkasan"
            total, bagian = _bagian(sorted(folder.glob(f"{nama}.*.prof")))
            ms = statistics.median(cpu[nama])
            skala = ms / (total * 1000)
            rinci = {k: v * 1000 * skala for k, v in bagian.items()}
            rinci[LAIN] = ms - sum(rinci.values())
            hasil[nama] = (ms, rinci)
        return hasil


def cetak(hasil: dict[str, tuple[float, dict[str, float]]], detik: Callable[[float, int], str]) -> None:
    """The profile table: page, CPU ms per warm view, its three largest costs."""
    print("Profil kunjungan hangat per halaman (satu pekerja, ms CPU utas skrip; rincian dari cProfile, kira-kira)")
    print(f"{'halaman':<14}{'ms':>7}  tiga biaya terbesar")
    for nama, (ms, rinci) in hasil.items():
        tiga = sorted(rinci.items(), key=lambda kv: -kv[1])[:3]
        print(f"{nama:<14}{detik(ms, 1):>7}  " + "; ".join(f"{k} {detik(v, 1)}" for k, v in tiga))
    rata = statistics.mean(ms for ms, _ in hasil.values())
    print(f"{'rata-rata':<14}{detik(rata, 1):>7}  (campuran rata: satu kunjungan tiap halaman)")
