"""The demo database as a real deployment holds it (issue 23 §4): in the newest year some pemda come only from their
portal export. The build writes every other region-year from its generated answers, then reads the region-years of
the portal path (JALUR_PORTAL, or the synthetic country's own, dasbor/demo/nasional.py) from the very files `python -m dasbor demo` writes to portal-demo/, through the import's own checks
(dasbor.services.impor.check_import: the portal reader, the matcher against earlier years, the new ids) and writes
the tables that check produced: innovations with the portal's kematangan, no indicator answers, no SPD, every row a
draft. The rows keep the demo's source (SINTETIS): the data is invented, only the path is real. Nothing is logged
as an import, so `demo` can rebuild the file without --timpa."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dasbor.db.connection import Database
from dasbor.db.write import insert_frame
from dasbor.demo import generator, nasional
from dasbor.demo.build import JalurPortal, build_demo_db
from dasbor.demo.ekspor_portal import JALUR_PORTAL, berkas_portal, nama_berkas
from dasbor.demo.generator import PROVINSI, SEED
from dasbor.services.asal import SUMBER_SINTETIS
from dasbor.services.impor.periksa import check_import


def lewat_portal(db: Database, frames: dict[str, pd.DataFrame], id_sumber: int, jalur: JalurPortal) -> None:
    """Take the region-years of `jalur` into `db` through the portal import's checks (see the module)."""
    for tahun, kode in jalur:
        isi = berkas_portal(frames, kode, tahun)
        if isi is None:
            continue
        periksa = check_import(db, isi, tahun, nama_berkas(kode, tahun))
        if not periksa.sah:  # the demo's own export must read cleanly; anything else is a bug to see at once
            raise RuntimeError(f"ekspor portal demo {kode} {tahun} tidak sah: {periksa.masalah[:3]}")
        with db.transaction() as cur:
            if not periksa.perangkat_daerah_baru.empty:
                insert_frame(cur, "perangkat_daerah", periksa.perangkat_daerah_baru)
            insert_frame(
                cur,
                "inovasi",
                periksa.data["inovasi"].assign(
                    id_sumber_data=id_sumber,
                    sumber=SUMBER_SINTETIS,  # invented data: only the path is the portal's
                ),
            )
            insert_frame(cur, "jawaban_sid", periksa.data["jawaban_sid"])
            insert_frame(cur, "jawaban_spd", periksa.data["jawaban_spd"])


def kalibrasi(kode_lingkup: str | None) -> bool:
    """Whether a scope gets the calibrated demo (its own province, and the default), not the synthetic country."""
    return kode_lingkup is None or kode_lingkup == PROVINSI


def bangun_frames(seed: int = SEED, kode_lingkup: str | None = None) -> dict[str, pd.DataFrame]:
    """The demo tables of a scope: the calibrated demo for its province, else the synthetic country or the
    province of it (dasbor/demo/nasional.py)."""
    # through the module, so that a test handing in frames it already generated (tests/db/test_cadangan.py) is heard
    return (
        generator.build_frames(seed) if kalibrasi(kode_lingkup) else nasional.build_frames_nasional(seed, kode_lingkup)
    )


def jalur_demo(seed: int, frames: dict[str, pd.DataFrame], kode_lingkup: str | None) -> JalurPortal:
    """The region-years a scope's demo takes in through the portal path."""
    return JALUR_PORTAL if kalibrasi(kode_lingkup) else nasional.jalur_portal(seed, frames["wilayah"])


def bangun_demo(
    path: Path,
    seed: int = SEED,
    frames: dict[str, pd.DataFrame] | None = None,
    timpa: bool = False,
    kode_lingkup: str | None = None,
) -> dict[str, int]:
    """build_demo_db with the portal path: what `python -m dasbor demo` and the app's first start build, for the
    scope `kode_lingkup` (a province code or 'nasional'; None is the calibrated demo's province)."""
    if kalibrasi(kode_lingkup):
        return build_demo_db(path, seed, frames, timpa, lewat_portal=lewat_portal)
    frames = bangun_frames(seed, kode_lingkup) if frames is None else frames
    return build_demo_db(
        path,
        seed,
        frames,
        timpa,
        lewat_portal=lewat_portal,
        jalur_portal=jalur_demo(seed, frames, kode_lingkup),
        keterangan=nasional.KETERANGAN,
    )
