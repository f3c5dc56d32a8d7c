"""A region-year known only from the portal's innovation-list export, written into a database as the portal import
leaves it (a kematangan, video, tahapan and dates per innovation; no answers, no SPD, nothing marked), for tests
and benchmarks of the gaps at real scale. Deterministic for a seed; shaped after the Jatim 2025 export
(shared/reference/portal-ekspor.md): about a fifth at 111, one in twenty at 0, a sixth without video (then at most
99), a few still at inisiatif or uji coba, most applied 2023–2024, older ones developed, a few twins entered by
two accounts, and perangkat daerah names that share their first 31 characters (schools of one kabupaten)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from dasbor.db import terbitan

# The benchmarks' portal-only region at Pemprov scale (issue 23): kode_wilayah (Kabupaten Tabalong replaced), rows,
# perangkat daerah.
SKALA_PEMPROV = ("63.09", 700, 300)


def baris_portal(
    kode: str, tahun: int, n: int, n_pd: int, seed: int = 7, tahun_id: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(perangkat_daerah rows, inovasi rows) of one portal-only region-year. Ids are `KODE-TAHUN-pNNNN` with
    `tahun_id` (default `tahun`): the same ids in two years are the same innovations entered again."""
    acak = np.random.default_rng(seed)
    jenis_pd = ("SMA NEGERI", "SMK NEGERI", "SLB NEGERI", "DINAS", "BADAN", "UPTD PUSKESMAS")
    nama_pd = [
        f"{jenis_pd[j % len(jenis_pd)]} {j + 1} KABUPATEN CONTOH PROVINSI KALIMANTAN SELATAN" for j in range(n_pd)
    ]
    perangkat = pd.DataFrame(
        {
            "id_perangkat_daerah": [f"{kode}-uji-{j:04d}" for j in range(n_pd)],
            "kode_wilayah": kode,
            "nama_perangkat_daerah": nama_pd,
            "singkatan": None,
        }
    )
    k = np.where(acak.random(n) < 0.22, 111.0, np.round(acak.uniform(20, 110, n)))
    k[acak.random(n) < 0.05] = 0.0
    video = acak.random(n) >= 0.16
    k = np.where(video, k, np.minimum(k, 99.0))
    tahapan = acak.choice(["penerapan", "inisiatif", "uji coba"], n, p=[0.95, 0.03, 0.02])
    terap_tahun = acak.choice([2019, 2021, tahun - 2, tahun - 1, tahun], n, p=[0.03, 0.05, 0.57, 0.325, 0.025])
    terap = pd.to_datetime([f"{t}-{acak.integers(1, 13):02d}-15" for t in terap_tahun])
    lama = terap_tahun < tahun - 2
    kembang = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
    dikembangkan = lama & (acak.random(n) < 0.8)
    kembang[dikembangkan] = pd.Timestamp(f"{tahun - 1}-03-01")
    ids = [f"{kode}-{tahun_id or tahun}-p{j:04d}" for j in range(n)]
    kembar = [None] * n
    for j in range(0, n - 1, 50):  # one pair of twins in every fifty rows, entered by two accounts
        kembar[j], kembar[j + 1] = ids[j + 1], ids[j]
    inovasi = pd.DataFrame(
        {
            "id_inovasi": ids,
            "tahun": tahun,
            "kode_wilayah": kode,
            "id_perangkat_daerah": [perangkat["id_perangkat_daerah"].iat[j % n_pd] for j in range(n)],
            "nama_inovasi": [f"Inovasi Uji {j}" for j in range(n)],
            "tahapan": tahapan,
            "inisiator": acak.choice(["ASN", "perangkat daerah", "kepala daerah", "masyarakat"], n),
            "jenis": "digital",
            "bentuk": "pelayanan publik",
            "urusan_utama": acak.choice(["pendidikan", "kesehatan", "sosial", "pariwisata"], n),
            "tanggal_penerapan": terap,
            "tanggal_pengembangan": kembang,
            "status_inovasi": "draft",
            "kematangan": k,
            "lintang": np.where(acak.random(n) < 0.86, -2.0, np.nan),  # the export writes 'null' for the rest
            "bujur": 115.4,
            "ada_video": video,
            "kembar_dengan": kembar,
            "sumber": "portal",
        }
    )
    return perangkat, inovasi


def tulis_wilayah_portal(
    path: Path, kode: str, tahun: int, n: int, n_pd: int, seed: int = 7, tahun_id: int | None = None
) -> None:
    """Replace the region-year's innovations, answers and SPD in the database at `path` by portal-only rows."""
    perangkat, inovasi = baris_portal(kode, tahun, n, n_pd, seed, tahun_id)
    with terbitan.penulis(path, paksa=True) as db, db.transaction() as cur:
        param = {"t": tahun, "w": kode}
        cur.execute(
            "DELETE FROM jawaban_sid WHERE tahun = $t AND id_inovasi IN "
            "(SELECT id_inovasi FROM inovasi WHERE tahun = $t AND kode_wilayah = $w)",
            param,
        )
        cur.execute("DELETE FROM inovasi WHERE tahun = $t AND kode_wilayah = $w", param)
        cur.execute("DELETE FROM jawaban_spd WHERE tahun = $t AND kode_wilayah = $w", param)
        sumber = cur.execute("SELECT min(id_sumber_data) FROM sumber_data").fetchone()[0]
        ada = cur.execute("SELECT id_perangkat_daerah FROM perangkat_daerah").df()["id_perangkat_daerah"]
        baru = perangkat[~perangkat["id_perangkat_daerah"].isin(ada)]
        cur.register("pd_baru", baru)
        cur.execute("INSERT INTO perangkat_daerah BY NAME SELECT * FROM pd_baru")
        cur.register("inovasi_baru", inovasi.assign(id_sumber_data=sumber))
        cur.execute("INSERT INTO inovasi BY NAME SELECT * FROM inovasi_baru")
