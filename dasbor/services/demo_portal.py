"""The demo database as a real deployment holds it (issue 23 §4): in the newest year some pemda come only from their
portal export. The build writes every other region-year from its generated answers, then reads the region-years of
JALUR_PORTAL from the very files `python -m dasbor demo` writes to portal-demo/, through the import's own checks
(dasbor.services.impor.check_import: the portal reader, the matcher against earlier years, the new ids) and writes
the tables that check produced: innovations with the portal's kematangan, no indicator answers, no SPD, every row a
draft. The rows keep the demo's source (SINTETIS): the data is invented, only the path is real. Nothing is logged
as an import, so `demo` can rebuild the file without --timpa."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dasbor.db.connection import Database
from dasbor.db.write import insert_frame
from dasbor.demo.build import build_demo_db
from dasbor.demo.ekspor_portal import JALUR_PORTAL, berkas_portal, nama_berkas
from dasbor.demo.generator import SEED
from dasbor.services.asal import SUMBER_SINTETIS
from dasbor.services.impor.periksa import check_import


def lewat_portal(db: Database, frames: dict[str, pd.DataFrame], id_sumber: int) -> None:
    """Take JALUR_PORTAL's region-years into `db` through the portal import's checks (see the module)."""
    for tahun, kode in JALUR_PORTAL:
        isi = berkas_portal(frames, kode, tahun)
        if isi is None:
            continue
        periksa = check_import(db, isi, tahun, nama_berkas(kode, tahun))
        if not periksa.sah:  # the demo's own export must read cleanly; anything else is a bug to see at once
            raise RuntimeError(f"ekspor portal demo {kode} {tahun} tidak sah: {periksa.masalah[:3]}")
        with db.transaction() as cur:
            if not periksa.perangkat_daerah_baru.empty:
                insert_frame(cur, "perangkat_daerah", periksa.perangkat_daerah_baru)
            inovasi = periksa.data["inovasi"].assign(id_sumber_data=id_sumber, sumber=SUMBER_SINTETIS)
            insert_frame(cur, "inovasi", inovasi)
            insert_frame(cur, "jawaban_sid", periksa.data["jawaban_sid"])
            insert_frame(cur, "jawaban_spd", periksa.data["jawaban_spd"])


def bangun_demo(
    path: Path, seed: int = SEED, frames: dict[str, pd.DataFrame] | None = None, timpa: bool = False
) -> dict[str, int]:
    """build_demo_db with the portal path: what `python -m dasbor demo` and the app's first start build."""
    return build_demo_db(path, seed, frames, timpa, lewat_portal=lewat_portal)
