"""Build the synthetic Kalsel demo database, calibrated so computed IID matches every published value (±0,3).

The innovation data is invented; only `hasil_resmi` (copied from data/referensi) is real. Every draw comes from a
random generator seeded by (seed, kode_wilayah, tahun), so the same seed always gives the same database.
Calibration: each region-year has one quality knob q in [0, 1]; every level, evidence status and verdict is a
monotone function of q over fixed random draws, so IID(q) is non-decreasing and a bisection finds the target
(dasbor/demo/kalibrasi.py).
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

import scoring
from dasbor.demo.kalibrasi import Salinan, TahunWilayah, calibrate, draws, jawaban
from dasbor.demo.kosakata import KECAMATAN, NAMA_INOVASI, OPD_KABUPATEN, OPD_PROVINSI, RSUD, URUSAN_YANDAS
from dasbor.lingkup import provinsi_kolom

SEED = 20231212
PROVINSI = "63"  # the province calibrated here; any other scope gets the synthetic country (dasbor/demo/nasional.py)
TAHUN = (2021, 2022, 2023, 2024, 2025)
TAHUN_SEMENTARA = 2025  # the latest year: verification still under way, as at the 2025 field validation
REFERENSI = Path(__file__).resolve().parents[2] / "data" / "referensi"

# Innovations reported per year. Published anchors: Tabalong 175 (2023) and 291 (2025), Balangan 200 and
# Tapin 65 (2025); the rest sit in the published 15–150 range.
JUMLAH_INOVASI = {
    "63": (60, 70, 85, 95, 110),
    "63.01": (25, 30, 38, 45, 52),
    "63.02": (15, 18, 22, 28, 33),
    "63.03": (45, 60, 75, 90, 105),
    "63.04": (20, 28, 35, 40, 48),
    "63.05": (22, 30, 40, 52, 65),
    "63.06": (80, 95, 110, 125, 140),
    "63.07": (24, 30, 36, 42, 50),
    "63.08": (35, 45, 50, 58, 66),
    "63.09": (120, 150, 175, 230, 291),
    "63.10": (30, 38, 46, 55, 62),
    "63.11": (40, 60, 90, 140, 200),
    "63.71": (50, 65, 80, 90, 100),
    "63.72": (12, 18, 25, 32, 40),
}

# Synthetic IID targets where nothing is published: HSS and Tabalong near the top, Banjarbaru low early on,
# Tanah Bumbu 9th of 13 in 2024 as reported. Published values in hasil_resmi override these.
TARGET_SINTETIS = {
    "63": (45.0, 48.5, 50.2, 51.7, 56.0),
    "63.01": (38.0, 41.0, 44.0, 47.0, 50.0),
    "63.02": (30.0, 33.0, 37.0, 40.0, 43.0),
    "63.03": (48.0, 53.0, 57.6, 58.9, 61.0),
    "63.04": (33.0, 39.0, 43.0, 46.0, 49.0),
    "63.05": (42.0, 48.0, 55.0, 68.7, 71.0),
    "63.06": (66.0, 67.0, 69.0, 71.0, 74.0),
    "63.07": (40.0, 44.0, 47.0, 50.0, 53.0),
    "63.08": (52.0, 58.9, 57.0, 59.0, 60.0),
    "63.09": (72.0, 79.4, 80.0, 81.0, 84.0),
    "63.10": (37.0, 42.0, 45.0, 47.5, 51.0),
    "63.11": (44.0, 52.0, 61.0, 70.0, 97.6),
    "63.71": (51.0, 58.6, 60.7, 58.4, 62.0),
    "63.72": (16.7, 24.0, 31.0, 36.0, 40.0),
}


def _rng(seed: int, *parts: object) -> np.random.Generator:
    return np.random.default_rng([seed, *(zlib.crc32(str(p).encode()) for p in parts)])


def load_referensi() -> tuple[pd.DataFrame, pd.DataFrame]:
    wilayah = pd.read_csv(REFERENSI / "wilayah-kalsel.csv", dtype={"kode_wilayah": str})
    resmi = pd.read_csv(REFERENSI / "hasil-resmi-kalsel.csv", dtype={"kode_wilayah": str})
    return wilayah, resmi


def target_iid(resmi: pd.DataFrame) -> dict[tuple[str, int], float]:
    target = {(k, t): v for k, values in TARGET_SINTETIS.items() for t, v in zip(TAHUN, values, strict=True)}
    for row in resmi.dropna(subset=["nilai_iid"]).itertuples():
        target[(row.kode_wilayah, int(row.tahun_penilaian))] = float(row.nilai_iid)
    return target


def fingerprint(frames: dict[str, pd.DataFrame]) -> str:
    """SHA-256 over the generated tables: the same seed must always give the same fingerprint."""
    h = hashlib.sha256()
    for name in sorted(frames):
        h.update(name.encode())
        h.update(pd.util.hash_pandas_object(frames[name].astype(str), index=False).to_numpy().tobytes())
    return h.hexdigest()


CATATAN_VERIFIKASI = {
    "16": "SK tidak menyebut nama inovasi",
    "31": "Tidak ada surat/perjanjian dari daerah pereplikasi",
    "35": "Tautan video tidak dapat dibuka atau substansi kurang",
    "33": "Rekap penerima manfaat tidak bertanggal",
    "18": "Kutipan DPA tidak memuat nomenklatur inovasi",
}
CATATAN_UMUM = "Dokumen tidak sesuai parameter yang dipilih"


def perangkat_daerah(kode: str, jenis: str) -> pd.DataFrame:
    if jenis == "provinsi":
        rows = list(OPD_PROVINSI)
    else:
        rows = [*OPD_KABUPATEN, (RSUD[kode], "RSUD", "kesehatan")]
        rows += [(f"Kecamatan {k}", f"Kec. {k}", "tata kelola pemerintahan") for k in KECAMATAN[kode][:3]]
        if jenis == "kota":  # a city has kecamatan and kelurahan but no village-development office
            rows = [r for r in rows if r[1] != "DPMD"]
    return pd.DataFrame(
        {
            "id_perangkat_daerah": [f"{kode}-PD{i + 1:02d}" for i in range(len(rows))],
            "kode_wilayah": kode,
            "nama_perangkat_daerah": [r[0] for r in rows],
            "singkatan": [r[1] for r in rows],
            "urusan": [r[2] for r in rows],
        }
    )


def pool_inovasi(rng: np.random.Generator, kode: str, n: int, opd: pd.DataFrame) -> pd.DataFrame:
    """A region's innovations in reporting order: one per urusan wajib pelayanan dasar first, then the rest,
    then local variants per kecamatan once the names run out. Earlier entries recur in later years."""
    names = list(NAMA_INOVASI)
    order = [int(rng.choice([i for i, x in enumerate(names) if x[2] == u])) for u in URUSAN_YANDAS]
    rest = [i for i in rng.permutation(len(names)) if i not in order]
    entries = [names[i] for i in order + rest]
    for kec in KECAMATAN[kode]:
        entries += [
            (f"{a} {kec.upper()}", f"{p} Kecamatan {kec}", u, j)
            for a, p, u, j in (names[i] for i in rng.permutation(len(names)))
        ]
    entries = entries[:n]
    # Arrays made once, not a list or Series per innovation: rng.choice draws the same index from any of them.
    semua = opd["id_perangkat_daerah"].to_numpy(dtype=object)
    pd_by_urusan = {u: np.array(ids, dtype=object) for u, ids in opd.groupby("urusan")["id_perangkat_daerah"]}
    id_pd = [
        str(rng.choice(pd_by_urusan.get(u, semua))) if rng.random() < 0.85 else str(rng.choice(semua))
        for _, _, u, _ in entries
    ]
    return pd.DataFrame(
        {
            "nama_inovasi": [f"{a} ({p})" for a, p, _, _ in entries],
            "akronim": [a for a, _, _, _ in entries],
            "urusan_utama": [u for _, _, u, _ in entries],
            "jenis": [j for _, _, _, j in entries],
            "id_perangkat_daerah": id_pd,
            "inisiator": rng.choice(
                ["perangkat daerah", "ASN", "kepala daerah", "masyarakat", "anggota DPRD"],
                len(entries),
                p=[0.6, 0.2, 0.12, 0.05, 0.03],
            ),
            "bentuk": rng.choice(
                ["pelayanan publik", "tata kelola pemerintahan daerah", "inovasi daerah lainnya"],
                len(entries),
                p=[0.6, 0.3, 0.1],
            ),
            "u_tahapan": rng.random(len(entries)),
            "u_profil": rng.random(len(entries)),
            "urusan_lain": np.where(rng.random(len(entries)) < 0.25, rng.choice(URUSAN_YANDAS, len(entries)), None),
        }
    )


def _tanggal(rng: np.random.Generator, u_tahapan: float, tahun: int) -> tuple[str, date | None, date | None]:
    """Stage and dates of an innovation entered for the first time in `tahun`; they stay with it in later
    years. Most were applied the year before, some that year or two years before (the latter are in their last
    year under a two-year age rule)."""
    tahapan = "inisiatif" if u_tahapan < 0.05 else "uji coba" if u_tahapan < 0.10 else "penerapan"
    mulai = date(tahun - int(rng.choice([0, 1, 2], p=[0.2, 0.55, 0.25])), int(rng.integers(1, 13)), 1)
    mulai = mulai.replace(day=int(rng.integers(1, 29)))
    uji_coba = None if tahapan == "inisiatif" else date(mulai.year - (mulai.month <= 4), (mulai.month - 5) % 12 + 1, 1)
    return tahapan, uji_coba, mulai if tahapan == "penerapan" else None


def _tanggal_kolom(kolom: pd.Series) -> pd.Series:
    """Dates as a datetime column: as they are when they already are one (the synthetic country's arrays), else
    from the date objects the calibrated demo draws."""
    if pd.api.types.is_datetime64_any_dtype(kolom):
        return kolom.reset_index(drop=True)
    return pd.to_datetime(pd.Series(kolom.tolist(), dtype=object))


def profil_inovasi(baris: pd.DataFrame) -> pd.DataFrame:
    """The profile texts and dates of innovations (akronim, u_profil, tahapan, both dates, nama_wilayah)."""
    nama, wilayah = baris["akronim"], baris["nama_wilayah"]
    lengkap = baris["u_profil"].to_numpy() > 0.08  # about one in twelve lacks its rancang bangun, a required field
    return pd.DataFrame(
        {
            "tahapan": baris["tahapan"].to_numpy(),
            "tanggal_uji_coba": _tanggal_kolom(baris["tanggal_uji_coba"]),
            "tanggal_penerapan": _tanggal_kolom(baris["tanggal_penerapan"]),
            "rancang_bangun": np.where(
                lengkap,
                [
                    f"{n} lahir dari permasalahan layanan di {w}: proses lama, data tersebar, dan warga harus "
                    "datang berkali-kali. Dasar hukum, isu strategis, metode pembaharuan, keunggulan, dan tahapan "
                    "penggunaan diuraikan dalam dokumen rancang bangun."
                    for n, w in zip(nama, wilayah, strict=True)
                ],
                None,
            ),
            "tujuan": [f"Mempercepat dan mempermudah layanan melalui {n}" for n in nama],
            "manfaat": [f"Warga {w} memperoleh layanan lebih cepat, murah, dan terukur" for w in wilayah],
            "hasil_inovasi": [f"Waktu layanan {n} turun dan kepuasan masyarakat meningkat" for n in nama],
        }
    )


# Carry-over between years, as operators do it: innovations still admitted by the year's age rule are entered
# again with updated answers, except a few still eligible ones that are forgotten (the gap "belum diinput
# ulang") and a few entered again with every answer unchanged (the gap "belum diperbarui").
LUPA = 0.07
TIDAK_DIPERBARUI = 0.06


@dataclass
class _TahunLalu:
    """A region's submission of the previous year: pool row, status and SID claims/evidence per innovation."""

    pool: np.ndarray
    status: np.ndarray
    klaim: np.ndarray
    bukti: np.ndarray


def _sebagian(rng: np.random.Generator, calon: np.ndarray, bagian: float) -> np.ndarray:
    """At least one (when there is any) and about `bagian` of the candidates, drawn without replacement."""
    k = min(len(calon), max(1, round(bagian * len(calon))))
    return rng.choice(calon, k, replace=False) if k else calon[:0]


def _bawa(
    rng: np.random.Generator,
    lalu: _TahunLalu | None,
    penerapan: dict[int, date | None],
    tahun: int,
    m: scoring.Metodologi,
) -> np.ndarray:
    """Pool rows of last year entered again this year: still admitted by the age rule, minus the forgotten."""
    if lalu is None:
        return np.array([], dtype=int)
    layak = np.array([m.usia.layak(penerapan[j].year if penerapan[j] else None, tahun) for j in lalu.pool])
    lupa = _sebagian(rng, lalu.pool[layak & (lalu.status != "draft")], LUPA)
    return lalu.pool[layak & ~np.isin(lalu.pool, lupa)]


@dataclass
class _Daerah:
    """What one region carries from year to year while the demo is built."""

    kode: str
    nama: str
    n_draft: list[int]  # per year: the last innovations of the year's list are drafts
    pool: pd.DataFrame
    rng_pool: np.random.Generator  # stage and dates of each new innovation, drawn year after year
    identitas: dict[int, tuple[str, str, date | None, date | None]]  # pool row -> id, tahapan, uji coba, penerapan
    lalu: _TahunLalu | None = None


def _siapkan(
    seed: int, w: _Daerah, i: int, tahun: int, m: scoring.Metodologi
) -> tuple[TahunWilayah, np.ndarray, pd.DataFrame]:
    """A region's innovations of the year (carried over and new, in reporting order) and its fixed draws: all
    that its answers depend on besides the quality knob. Also the pool rows in that order, and those rows with
    their identities."""
    sid_kode = [x.kode for x in m.indikator_aspek("SID")]
    spd_kode = [x.kode for x in m.indikator_aspek("SPD")]
    kode, n_draft, identitas, lalu = w.kode, w.n_draft[i], w.identitas, w.lalu
    n = JUMLAH_INOVASI[kode][i] + n_draft
    d = draws(_rng(seed, kode, tahun), n, len(sid_kode), len(spd_kode))
    r = _rng(seed, kode, tahun, "lintas")
    bawa = _bawa(r, lalu, {j: identitas[j][3] for j in identitas}, tahun, m)[:n]
    baru = np.arange(len(identitas), len(identitas) + n - len(bawa))
    if len(identitas) + len(baru) > len(w.pool):
        raise RuntimeError(f"nama inovasi demo untuk {kode} habis")
    for k, j in enumerate(baru, start=1):
        identitas[int(j)] = (f"{kode}-{tahun}-{k:04d}", *_tanggal(w.rng_pool, w.pool.at[j, "u_tahapan"], tahun))
    urutan = r.permutation(np.concatenate([bawa, baru]).astype(int))
    salinan = None
    if lalu is not None:
        posisi_lalu = {int(j): x for x, j in enumerate(lalu.pool)}
        terkirim = [j for j in urutan[: n - n_draft] if j in posisi_lalu and lalu.status[posisi_lalu[j]] != "draft"]
        tetap = _sebagian(r, np.array(terkirim, dtype=int), TIDAK_DIPERBARUI)
        asal = np.array([posisi_lalu.get(int(j), 0) for j in urutan])
        salinan = Salinan(np.isin(urutan, tetap), lalu.klaim[asal], lalu.bukti[asal])
    tahun_pool = w.pool.iloc[urutan].reset_index(drop=True)
    tahun_pool[["id_inovasi", "tahapan", "tanggal_uji_coba", "tanggal_penerapan"]] = pd.DataFrame(
        [identitas[int(j)] for j in urutan]
    )
    urusan = tahun_pool["urusan_utama"].tolist()
    t = TahunWilayah(kode, d, urusan, sid_kode, spd_kode, tahun == TAHUN_SEMENTARA, n_draft, salinan)
    return t, urutan, tahun_pool


def _catat(
    w: _Daerah, t: TahunWilayah, q: float, tahun: int, urutan: np.ndarray, tahun_pool: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """The region-year's rows of inovasi, jawaban_sid and jawaban_spd at its calibrated q; keeps what next year
    carries over in w.lalu."""
    status, sid, spd = jawaban(t, q)
    n = len(status)
    w.lalu = _TahunLalu(
        urutan,
        status,
        sid["level_klaim"].to_numpy().reshape(n, -1),
        sid["status_bukti"].to_numpy().reshape(n, -1),
    )
    ids = tahun_pool["id_inovasi"].to_numpy()
    video_ada = sid.loc[sid["kode_indikator"] == "35", "status_bukti"].to_numpy() == "ada"
    inovasi = pd.concat(
        [
            pd.DataFrame(
                {
                    "id_inovasi": ids,
                    "tahun": tahun,
                    "kode_wilayah": w.kode,
                    "status_inovasi": status,
                    "tautan_video": np.where(
                        video_ada,
                        [f"https://www.youtube.com/watch?v=demo{zlib.crc32(x.encode()):08x}" for x in ids],
                        None,
                    ),
                }
            ),
            tahun_pool[
                ["id_perangkat_daerah", "nama_inovasi", "inisiator", "jenis", "bentuk", "urusan_utama", "urusan_lain"]
            ],
            profil_inovasi(tahun_pool.assign(nama_wilayah=w.nama)),
        ],
        axis=1,
    )
    lemah = sid["status_bukti"].isin(["ditolak", "perlu_perbaikan"]) & sid["level_verifikasi"].notna()
    jawaban_sid = sid.assign(
        id_inovasi=ids[sid["baris"].to_numpy()],
        tahun=tahun,
        catatan_verifikasi=np.where(
            lemah, [CATATAN_VERIFIKASI.get(k, CATATAN_UMUM) for k in sid["kode_indikator"]], None
        ),
    ).drop(columns="baris")
    jawaban_spd = spd.assign(kode_wilayah=w.kode, tahun=tahun, catatan_verifikasi=None)
    return {"inovasi": inovasi, "jawaban_sid": jawaban_sid, "jawaban_spd": jawaban_spd}


def build_frames(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """All demo tables as DataFrames, deterministic for a seed, calibrated to the published IID values.

    Year by year, all regions at once: a region's year depends on its previous year, but regions are independent,
    so each year's calibration bisects every region together (dasbor/demo/kalibrasi.py says why). Every random
    generator belongs to one region (or region-year), so the order regions are visited in changes no draw; the
    rows come out region by region, year by year."""
    wilayah, resmi = load_referensi()
    target = target_iid(resmi)
    daerah: list[_Daerah] = []
    frames: dict[str, list[pd.DataFrame]] = {"perangkat_daerah": []}
    for w in wilayah.itertuples():
        opd = perangkat_daerah(w.kode_wilayah, w.jenis)
        frames["perangkat_daerah"].append(opd.drop(columns="urusan"))
        daerah.append(
            _Daerah(
                kode=w.kode_wilayah,
                nama=w.nama_wilayah,
                n_draft=[max(1, round(0.05 * n)) for n in JUMLAH_INOVASI[w.kode_wilayah]],
                pool=pool_inovasi(_rng(seed, w.kode_wilayah, "pool"), w.kode_wilayah, 100_000, opd),
                rng_pool=_rng(seed, w.kode_wilayah, "tanggal"),
                identitas={},
            )
        )
    per_tahun: list[list[dict[str, pd.DataFrame]]] = []  # [year][region]
    for i, tahun in enumerate(TAHUN):
        m = scoring.metodologi_untuk_tahun(tahun)
        siap = [_siapkan(seed, w, i, tahun, m) for w in daerah]
        qs = calibrate([t for t, _, _ in siap], [target[(w.kode, tahun)] for w in daerah], m)
        per_tahun.append([_catat(w, t, q, tahun, *rest) for w, (t, *rest), q in zip(daerah, siap, qs, strict=True)])
    for name in ("inovasi", "jawaban_sid", "jawaban_spd"):
        frames[name] = [per_tahun[i][a][name] for a in range(len(daerah)) for i in range(len(TAHUN))]
    out = {name: pd.concat(parts, ignore_index=True) for name, parts in frames.items()}
    out["wilayah"] = wilayah.rename(columns={"perkiraan_pusat_lat": "lat", "perkiraan_pusat_lng": "lng"}).assign(
        kode_provinsi=provinsi_kolom(wilayah["kode_wilayah"])
    )
    out["hasil_resmi"] = resmi.rename(columns={"tahun_penilaian": "tahun"}).drop(columns="nama_wilayah")
    out["periode"] = pd.DataFrame(
        {
            "tahun": list(TAHUN),
            "versi_metodologi": [scoring.metodologi_untuk_tahun(t).versi for t in TAHUN],
            "status": ["sementara" if t == TAHUN_SEMENTARA else "final" for t in TAHUN],
            "batas_pelaporan": pd.to_datetime(["2021-08-13", "2022-09-17", "2023-07-28", "2024-08-22", "2025-08-23"]),
        }
    )
    return out
