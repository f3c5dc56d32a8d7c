"""Benchmark of the indicator worksheet on the demo's largest pemda-year (Kabupaten Tabalong 2025, 291
innovations): the live estimate (one rerun of the page's computation), building the save as an import of the
wilayah-year, the commit and its undo, on a temporary copy of the demo database. Prints the figures; asserts
nothing.

    .venv/bin/python benchmarks/lembar.py [--ulang 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from dasbor.db.connection import Database, db_path  # noqa: E402
from dasbor.demo.lewat_portal import bangun_demo  # noqa: E402
from dasbor.services import impor  # noqa: E402
from dasbor.services import lembar_indikator as lembar  # noqa: E402
from dasbor.services.db import stempel  # noqa: E402
from dasbor.services.skor import metodologi_tahun  # noqa: E402

TAHUN, WILAYAH = 2025, "63.09"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=5)
    ulang = parser.parse_args().ulang
    if not db_path().exists():  # the demo as `python -m dasbor demo` builds it, portal path included
        bangun_demo(db_path())
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "iid.duckdb"
        shutil.copy(db_path(), salinan)
        db = Database(salinan)
        m = metodologi_tahun(db, TAHUN)
        inovasi = db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": WILAYAH, "tahun": TAHUN})
        id_inovasi = str(inovasi["id_inovasi"].iat[0])
        kode = [i.kode for i in m.indikator_aspek("SID")]
        isian = pd.DataFrame(
            {
                "kode_indikator": kode,
                "level_klaim": pd.array([3] * len(kode), dtype="Int64"),
                **dict.fromkeys(lembar.BUKTI, True),
            }
        )
        waktu: dict[str, list[float]] = {"estimasi": [], "periksa_lembar": [], "commit": [], "batalkan": []}

        def ukur(nama: str, fungsi):  # noqa: ANN001, ANN202
            mulai = time.perf_counter()
            hasil = fungsi()
            waktu[nama].append(time.perf_counter() - mulai)
            return hasil

        for _ in range(ulang):
            ukur("estimasi", lambda: lembar.estimasi(m, isian))
            periksa = ukur(
                "periksa_lembar", lambda: lembar.periksa_lembar(db, TAHUN, WILAYAH, id_inovasi, isian, stempel(db))
            )
            ukur("commit", lambda p=periksa: impor.commit_import(db, p, "bench"))
            ukur("batalkan", lambda: impor.undo_last_import(db, "bench"))
        db.close()
    print(f"Lembar indikator {WILAYAH} {TAHUN}: {len(inovasi)} inovasi, {periksa.baris} baris ditulis ulang per simpan")
    for nama, detik in waktu.items():
        print(f"  {nama:<15} median {statistics.median(detik):6.3f} s  (maks {max(detik):.3f} s, {ulang} kali)")


if __name__ == "__main__":
    main()
