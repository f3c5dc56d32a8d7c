"""The send status of innovations (issue 18 §5): the portal's export carries none, so the status (draft, dikirim,
diterima, ditolak) is set here, by an admin or by an operator for its own pemda, on the Impor page and with
`python -m dasbor status`. One transaction per change set, recorded in the import history (hasil 'status')."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from dasbor.db.connection import Database, sql
from dasbor.kosakata import STATUS_INOVASI
from dasbor.services.db import penulis

# The send statuses, from the one vocabulary (dasbor/kosakata.py).
STATUS = STATUS_INOVASI


class StatusDitolakError(ValueError):
    """A change that cannot be made: an unknown status or innovation, or a region outside the account's."""


def daftar_status(db: Database, tahun: int, kode_wilayah: str) -> pd.DataFrame:
    """The wilayah-year's innovations with their status."""
    return db.query("status_inovasi_daftar", {"tahun": tahun, "kode_wilayah": kode_wilayah})


def ubah_status(
    db: Database,
    tahun: int,
    kode_wilayah: str,
    perubahan: pd.DataFrame,
    pengguna: str,
    wilayah_boleh: Collection[str] | None = None,
) -> int:
    """Set `status_inovasi` of the innovations in `perubahan` (id_inovasi, status_inovasi) of one wilayah-year, all
    or nothing; returns how many were set. StatusDitolakError names what is wrong, nothing changed."""
    if wilayah_boleh is not None and kode_wilayah not in set(wilayah_boleh):
        raise StatusDitolakError(
            f"Wilayah {kode_wilayah} di luar wilayah akun Anda ({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}); "
            "operator hanya boleh mengubah status inovasi pemdanya sendiri."
        )
    salah = sorted(set(perubahan["status_inovasi"]) - set(STATUS))
    if salah:
        raise StatusDitolakError(f"Status tidak dikenal: {', '.join(map(str, salah))}. Pilihan: {', '.join(STATUS)}.")
    if perubahan.empty:
        return 0
    with db.transaction() as cur:
        tidak_ada = []
        for r in perubahan.itertuples(index=False):
            params = {
                "id_inovasi": r.id_inovasi,
                "status_inovasi": r.status_inovasi,
                "tahun": tahun,
                "kode_wilayah": kode_wilayah,
            }
            if not cur.execute(sql("status_inovasi_ubah"), params).fetchall():
                tidak_ada.append(str(r.id_inovasi))
        if tidak_ada:
            raise StatusDitolakError(
                f"Inovasi {', '.join(tidak_ada)} tidak ada di daftar {kode_wilayah} tahun {tahun}; tidak ada yang diubah."
            )
        ringkas = ", ".join(f"{r.id_inovasi} → {r.status_inovasi}" for r in perubahan.itertuples(index=False))
        [(id_catat,)] = cur.execute(
            sql("status_inovasi_catat"),
            {"pengguna": pengguna, "tahun": tahun, "baris": len(perubahan), "pesan": f"{kode_wilayah}: {ringkas}"},
        ).fetchall()
        cur.execute(sql("status_inovasi_cakupan"), {"id_impor": id_catat, "kode_wilayah": kode_wilayah, "tahun": tahun})
    return len(perubahan)


def simpan_status(
    tahun: int,
    kode_wilayah: str,
    perubahan: pd.DataFrame,
    pengguna: str,
    wilayah_boleh: Collection[str] | None = None,
) -> int:
    """ubah_status under the writer lock, published as a new copy: the one write of the page and the CLI."""
    with penulis() as db:
        return ubah_status(db, tahun, kode_wilayah, perubahan, pengguna, wilayah_boleh)
