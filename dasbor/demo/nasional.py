"""The synthetic country of the national rehearsal (issue 25 §5): every pemda of the national reference (38 provinsi,
416 kabupaten, 98 kota) × 2021–2026, SINTETIS and deterministic for a seed, or one province of it.

Nothing here is calibrated: outside the calibrated demo (dasbor/demo/generator.py) no published value is known, so
each region-year's quality knob q comes from a fixed draw (a region's own level, a slow rise, some year-to-year
noise) and the answers follow from q by the calibrated demo's own monotone model (dasbor/demo/kalibrasi.py). The
innovations carry over between years as operators enter them (kept while the age rule admits them, a few forgotten,
a few re-entered unchanged), and in the newest year a few kab/kota come only from their portal export
(`jalur_portal`, taken in by the real import path as the calibrated demo's JALUR_PORTAL).

Every draw is a counter-based hash of (seed, purpose, the region's place in the national reference, the
innovation's number in its region, year, indicator), not a stream: the whole country is generated a year at a time
in flat arrays (no loop over regions), and a province generated alone gets exactly its rows of the country.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

import scoring
from dasbor.demo.generator import CATATAN_UMUM, CATATAN_VERIFIKASI, LUPA, TIDAK_DIPERBARUI, profil_inovasi
from dasbor.demo.kalibrasi import RAWAN_BAWAAN, RAWAN_SID, SULIT_SID, level_klaim, level_verifikasi, status_bukti
from dasbor.demo.kosakata import NAMA_INOVASI, OPD_KABUPATEN, OPD_PROVINSI, URUSAN_YANDAS
from dasbor.lingkup import BATAS_NASIONAL, NASIONAL, referensi

TAHUN = (2021, 2022, 2023, 2024, 2025, 2026)
TAHUN_SEMENTARA = 2026  # the newest year: verification still under way
BATAS_PELAPORAN = ("2021-08-13", "2022-09-17", "2023-07-28", "2024-08-22", "2025-08-23", "2026-08-21")
KETERANGAN = (
    "Data gladi nasional SINTETIS dibangkitkan dengan seed {seed}: seluruh pemda Indonesia (atau satu provinsinya), "
    "inovasi, jawaban indikator, dan bukti dukung rekaan, tidak dikalibrasi ke nilai resmi mana pun."
)
# Innovations per region-year: a region's own size (25 to 125, 65 on average: about 36 000 a year nationally), from
# three quarters of it in 2021 to a quarter more in 2026, and ±10 % from year to year.
UKURAN_MIN, UKURAN_RENTANG = 25, 100
# Quality knob q per region-year: a region's own level in [0,2; 0,8], 0,03 higher each year, ±0,05 noise.
MUTU_MIN, MUTU_RENTANG, MUTU_NAIK, MUTU_ACAK = 0.2, 0.6, 0.03, 0.1
BAGIAN_DRAF = 0.05
# Kab/kota of the newest year that come only from their portal export: about one in fifty.
BAGIAN_JALUR_PORTAL = 0.02
# Where an innovation was first applied, as in the calibrated demo: the year it is entered, one or two before.
MUNDUR_PENERAPAN = (0, 1, 2)
PELUANG_MUNDUR = (0.2, 0.55, 0.25)
INISIATOR = ("perangkat daerah", "ASN", "kepala daerah", "masyarakat", "anggota DPRD")
PELUANG_INISIATOR = (0.6, 0.2, 0.12, 0.05, 0.03)
BENTUK = ("pelayanan publik", "tata kelola pemerintahan daerah", "inovasi daerah lainnya")
PELUANG_BENTUK = (0.6, 0.3, 0.1)


# splitmix64's constants (Steele, Lea and Flood 2014): each key is mixed in with the finaliser.
_EMAS = np.uint64(0x9E3779B97F4A7C15)
_KALI = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
_GESER = (np.uint64(30), np.uint64(27), np.uint64(31))


def _aduk(x: np.ndarray) -> np.ndarray:
    x = x + _EMAS
    x = (x ^ (x >> _GESER[0])) * _KALI[0]
    x = (x ^ (x >> _GESER[1])) * _KALI[1]
    return x ^ (x >> _GESER[2])


def seragam(seed: int, tujuan: str, *kunci: np.ndarray | int) -> np.ndarray:
    """Uniform draws in [0, 1), one per element of the broadcast keys: a hash of (seed, purpose, keys), so a draw
    depends on its own keys only, never on which other rows are generated or in which order."""
    bentuk = np.broadcast_shapes(*(np.shape(k) for k in kunci))
    h = np.full(bentuk or (1,), seed ^ zlib.crc32(tujuan.encode()), dtype=np.uint64)
    for k in kunci:
        h = _aduk(h ^ np.asarray(k, dtype=np.int64).astype(np.uint64))
    return ((h >> np.uint64(11)).astype(np.float64) * 2.0**-53).reshape(bentuk)


def _pilih(u: np.ndarray, peluang: tuple[float, ...]) -> np.ndarray:
    """Index of the option each uniform draw falls in, options weighted by `peluang`."""
    return np.searchsorted(np.cumsum(peluang)[:-1], u, side="right")


def _normal(seed: int, tujuan: str, *kunci: np.ndarray | int) -> np.ndarray:
    """Standard normal draws (Box–Muller over two uniform draws of the same keys)."""
    u1, u2 = seragam(seed, tujuan + "/1", *kunci), seragam(seed, tujuan + "/2", *kunci)
    return np.sqrt(-2 * np.log1p(-u1)) * np.cos(2 * np.pi * u2)


def _luas_km2(geometri: dict) -> tuple[float, float, float]:
    """Area in km² of a (Multi)Polygon in degrees (outer rings less holes, at the ring's own latitude), and the
    centre of its bounding box as (lat, lng) for a region without a label point."""
    poligon = geometri["coordinates"] if geometri["type"] == "MultiPolygon" else [geometri["coordinates"]]
    luas, semua = 0.0, []
    for p in poligon:
        for i, cincin in enumerate(p):
            x, y = np.asarray(cincin, dtype=float).T
            derajat = abs(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2
            luas += (-1 if i else 1) * derajat * np.cos(np.radians(y.mean())) * 111.32**2
            semua.append(np.c_[x, y])
    (x0, y0), (x1, y1) = np.min(np.vstack(semua), axis=0), np.max(np.vstack(semua), axis=0)
    return luas, (y0 + y1) / 2, (x0 + x1) / 2


@cache
def _pusat_luas() -> pd.DataFrame:
    """kode_wilayah, lat, lng, luas_km2 of every kab/kota from the national boundary file (its label point)."""
    fitur = json.loads(BATAS_NASIONAL.read_text(encoding="utf-8"))["features"]
    baris = []
    for f in fitur:
        luas, lat, lng = _luas_km2(f["geometry"])
        p = f["properties"]
        baris.append((p["kode"], p.get("lat_pusat") or lat, p.get("lng_pusat") or lng, round(luas, 3)))
    return pd.DataFrame(baris, columns=["kode_wilayah", "lat", "lng", "luas_km2"])


def wilayah_nasional(kode_lingkup: str = NASIONAL) -> pd.DataFrame:
    """The regions of the scope from the national reference, with approximate centres and areas from the boundary
    file; a province's centre is the mean of its kab/kota centres and its area their sum."""
    ref = pd.DataFrame(
        [(w.kode_wilayah, w.nama_wilayah, w.jenis, w.kode_provinsi) for w in referensi()],
        columns=["kode_wilayah", "nama_wilayah", "jenis", "kode_provinsi"],
    )
    ref = ref.merge(_pusat_luas(), on="kode_wilayah", how="left")
    kabkota = ref[ref["jenis"] != "provinsi"].groupby("kode_provinsi")
    prov = pd.DataFrame(
        {"lat": kabkota["lat"].mean(), "lng": kabkota["lng"].mean(), "luas_km2": kabkota["luas_km2"].sum()}
    )
    adalah_prov = ref["jenis"] == "provinsi"
    for kolom in ("lat", "lng", "luas_km2"):
        ref.loc[adalah_prov, kolom] = ref.loc[adalah_prov, "kode_provinsi"].map(prov[kolom]).to_numpy()
    if kode_lingkup != NASIONAL:
        ref = ref[ref["kode_provinsi"] == kode_lingkup]
    return ref.reset_index(drop=True)


def _opd_templat(jenis: str) -> tuple[tuple[str, str, str], ...]:
    """The offices of one kind of pemda; '{nama}' stands for the region's name (its own hospital)."""
    if jenis == "provinsi":
        umum = tuple(o for o in OPD_PROVINSI if not o[0].startswith(("RSUD", "RSJ")))
        return (*umum, ("RSUD Provinsi {nama}", "RSUD Prov", "kesehatan"))
    kabupaten = (*OPD_KABUPATEN, ("RSUD {nama}", "RSUD", "kesehatan"))
    # a city has kecamatan and kelurahan but no village-development office
    return kabupaten if jenis == "kabupaten" else tuple(o for o in kabupaten if o[1] != "DPMD")


JENIS_PEMDA = ("provinsi", "kabupaten", "kota")
OPD = {j: _opd_templat(j) for j in JENIS_PEMDA}


def perangkat_daerah_nasional(wilayah: pd.DataFrame) -> pd.DataFrame:
    bagian = []
    for jenis, templat in OPD.items():
        w = wilayah[wilayah["jenis"] == jenis]
        kode = np.repeat(w["kode_wilayah"].to_numpy(), len(templat))
        nama = np.repeat(w["nama_wilayah"].str.removeprefix("Provinsi ").to_numpy(), len(templat))
        i = np.tile(np.arange(len(templat)), len(w))
        bagian.append(
            pd.DataFrame(
                {
                    "id_perangkat_daerah": [f"{k}-PD{n + 1:02d}" for k, n in zip(kode, i, strict=True)],
                    "kode_wilayah": kode,
                    "nama_perangkat_daerah": [templat[n][0].format(nama=m) for n, m in zip(i, nama, strict=True)],
                    "singkatan": [templat[n][1] for n in i],
                }
            )
        )
    return pd.concat(bagian, ignore_index=True).sort_values("id_perangkat_daerah", ignore_index=True)


@dataclass
class _Identitas:
    """Every innovation created so far, by identity number g: its region (row of the scope's wilayah), number in
    the region, id, and stage and dates, which stay with it year after year."""

    wilayah: np.ndarray
    nomor: np.ndarray
    id_inovasi: np.ndarray
    tahapan: np.ndarray
    tanggal_uji_coba: np.ndarray  # datetime64[s], NaT when none
    tanggal_penerapan: np.ndarray


@dataclass
class _TahunLalu:
    """A year's submissions, per row: identity, status, SID claims and evidence (carried to the next year)."""

    g: np.ndarray
    status: np.ndarray
    klaim: np.ndarray
    bukti: np.ndarray


class _Negara:
    """The scope's regions and the draws that do not change from year to year."""

    def __init__(self, seed: int, wilayah: pd.DataFrame) -> None:
        self.seed = seed
        self.w = wilayah
        self.nomor = _nomor(wilayah["kode_wilayah"])
        n = self.nomor
        self.ukuran = UKURAN_MIN + UKURAN_RENTANG * seragam(seed, "ukuran", n) ** 1.5
        self.mutu = MUTU_MIN + MUTU_RENTANG * seragam(seed, "mutu", n)
        # Each region's innovation names in its own order, one for every urusan wajib pelayanan dasar first.
        urusan = np.array([u for _, _, u, _ in NAMA_INOVASI])
        kunci = seragam(seed, "nama", n[:, None], np.arange(len(NAMA_INOVASI))[None, :])
        for u in URUSAN_YANDAS:
            kolom = np.flatnonzero(urusan == u)
            terkecil = kolom[np.argmin(kunci[:, kolom], axis=1)]
            kunci[np.arange(len(n)), terkecil] -= 1
        self.urutan_nama = np.argsort(kunci, axis=1, kind="stable")
        self.identitas = _Identitas(*(np.array([], dtype=t) for t in (int, int, object, object, "M8[s]", "M8[s]")))
        self.berikut = np.zeros(len(n), dtype=int)  # the next innovation number of each region

    def jumlah(self, tahun: int) -> np.ndarray:
        i = tahun - TAHUN[0]
        tren = 0.75 + 0.5 * i / (len(TAHUN) - 1)
        acak = 0.9 + 0.2 * seragam(self.seed, "jumlah", self.nomor, tahun)
        return np.maximum(1, np.round(self.ukuran * tren * acak)).astype(int)

    def q(self, tahun: int) -> np.ndarray:
        naik = MUTU_NAIK * (tahun - TAHUN[0])
        return np.clip(self.mutu + naik + MUTU_ACAK * (seragam(self.seed, "q", self.nomor, tahun) - 0.5), 0.02, 0.98)

    def buat(self, per_wilayah: np.ndarray, tahun: int) -> np.ndarray:
        """New innovations, `per_wilayah` in each region, first entered in `tahun`; their identity numbers."""
        w = np.repeat(np.arange(len(per_wilayah)), per_wilayah)
        ke = np.arange(len(w)) - np.repeat(np.cumsum(per_wilayah) - per_wilayah, per_wilayah)
        nomor = self.berikut[w] + ke
        self.berikut += per_wilayah
        r = self.nomor[w]
        u = seragam(self.seed, "tahapan", r, nomor)
        tahapan = np.where(u < 0.05, "inisiatif", np.where(u < 0.10, "uji coba", "penerapan")).astype(object)
        mulai_tahun = tahun - np.array(MUNDUR_PENERAPAN)[_pilih(seragam(self.seed, "mundur", r, nomor), PELUANG_MUNDUR)]
        bulan = 1 + (12 * seragam(self.seed, "bulan", r, nomor)).astype(int)
        hari = 1 + (28 * seragam(self.seed, "hari", r, nomor)).astype(int)
        mulai = pd.to_datetime(pd.DataFrame({"year": mulai_tahun, "month": bulan, "day": hari})).to_numpy("M8[s]")
        uji = pd.to_datetime(
            pd.DataFrame({"year": mulai_tahun - (bulan <= 4), "month": (bulan - 5) % 12 + 1, "day": 1})
        ).to_numpy("M8[s]")
        kode = self.w["kode_wilayah"].to_numpy()[w]
        baru = _Identitas(
            w,
            nomor,
            np.array([f"{k}-{tahun}-{x + 1:04d}" for k, x in zip(kode, ke, strict=True)], dtype=object),
            tahapan,
            np.where(tahapan == "inisiatif", np.datetime64("NaT"), uji),
            np.where(tahapan == "penerapan", mulai, np.datetime64("NaT")),
        )
        awal = len(self.identitas.wilayah)
        self.identitas = _Identitas(
            *(np.concatenate([a, b]) for a, b in zip(vars(self.identitas).values(), vars(baru).values(), strict=True))
        )
        return np.arange(awal, awal + len(w))


def _bawa(negara: _Negara, lalu: _TahunLalu | None, tahun: int, jumlah: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Identities of last year entered again this year (still admitted by the age rule, minus the forgotten), at
    most the year's count per region, in identity order; and their rows in last year's arrays."""
    if lalu is None:
        return np.array([], dtype=int), np.array([], dtype=int)
    idt = negara.identitas
    awal, akhir = scoring.metodologi_untuk_tahun(tahun).usia.jendela(tahun)
    tanggal = idt.tanggal_penerapan[lalu.g]
    diterapkan = tanggal.astype("M8[Y]").astype(int) + 1970
    layak = np.isnat(tanggal) | ((diterapkan >= awal) & (diterapkan <= akhir))
    lupa = (seragam(negara.seed, "lupa", negara.nomor[idt.wilayah[lalu.g]], idt.nomor[lalu.g], tahun) < LUPA) & (
        lalu.status != "draft"
    )
    baris = np.flatnonzero(layak & ~lupa)
    baris = baris[np.lexsort((idt.nomor[lalu.g[baris]], idt.wilayah[lalu.g[baris]]))]
    w = idt.wilayah[lalu.g[baris]]
    ke = np.arange(len(w)) - np.searchsorted(w, w)
    baris = baris[ke < jumlah[w]]
    return lalu.g[baris], baris


@dataclass
class _HasilTahun:
    inovasi: pd.DataFrame
    jawaban_sid: pd.DataFrame
    jawaban_spd: pd.DataFrame
    lalu: _TahunLalu


def _tahun(negara: _Negara, lalu: _TahunLalu | None, tahun: int) -> _HasilTahun:
    seed, idt = negara.seed, negara.identitas
    m = scoring.metodologi_untuk_tahun(tahun)
    jumlah = negara.jumlah(tahun)
    g_bawa, asal = _bawa(negara, lalu, tahun, jumlah)
    g_baru = negara.buat(jumlah - np.bincount(idt.wilayah[g_bawa], minlength=len(jumlah)), tahun)
    g = np.concatenate([g_bawa, g_baru])
    asal = np.concatenate([asal, np.full(len(g_baru), -1)])  # row in last year's arrays, -1 for a new one
    idt = negara.identitas
    w, nomor = idt.wilayah[g], idt.nomor[g]
    r = negara.nomor[w]
    # The region's reporting order; its last BAGIAN_DRAF (at least one) are drafts.
    urut = np.lexsort((seragam(seed, "urutan", r, nomor, tahun), w))
    g, w, nomor, r, asal = g[urut], w[urut], nomor[urut], r[urut], asal[urut]
    ke = np.arange(len(w)) - np.searchsorted(w, w)
    draf = ke >= jumlah[w] - np.maximum(1, np.round(BAGIAN_DRAF * jumlah[w]))

    sid_kode = [x.kode for x in m.indikator_aspek("SID")]
    spd_kode = [x.kode for x in m.indikator_aspek("SPD")]
    k = np.arange(len(sid_kode))[None, :]
    q = negara.q(tahun)
    qi = q[w][:, None]
    mutu = 0.6 * _normal(seed, "mutu_inovasi", r, nomor, tahun)
    offset = np.array([-SULIT_SID.get(x, 0.0) for x in sid_kode])[None, :] + mutu[:, None]
    klaim = level_klaim(qi, seragam(seed, "sid_level", r[:, None], nomor[:, None], tahun, k), offset)
    rawan = np.array([RAWAN_SID.get(x, RAWAN_BAWAAN) for x in sid_kode])[None, :]
    bukti = status_bukti(
        klaim,
        seragam(seed, "sid_bukti", r[:, None], nomor[:, None], tahun, k),
        seragam(seed, "sid_jenis", r[:, None], nomor[:, None], tahun, k),
        rawan,
        qi,
    )
    # A few entered again with every answer as last year's (the gap "belum diperbarui").
    if lalu is not None:
        salin = (asal >= 0) & (seragam(seed, "salin", r, nomor, tahun) < TIDAK_DIPERBARUI)
        salin &= ~draf
        salin[salin] = lalu.status[asal[salin]] != "draft"
        klaim[salin] = lalu.klaim[asal[salin]]
        bukti[salin] = lalu.bukti[asal[salin]]
    sementara = tahun == TAHUN_SEMENTARA
    terverifikasi = (seragam(seed, "verifikasi", r, nomor, tahun) < (0.6 if sementara else 1.0)) & ~draf
    tolak = seragam(seed, "tolak", r, nomor, tahun) < 0.1 * (1 - q[w])
    status = np.where(terverifikasi, np.where(tolak, "ditolak", "diterima"), "dikirim").astype(object)
    status[draf] = "draft"
    turun = seragam(seed, "sid_turun", r[:, None], nomor[:, None], tahun, k)
    verif = np.where(terverifikasi[:, None], level_verifikasi(klaim, bukti, turun, qi), np.nan)

    ids = idt.id_inovasi[g]
    kode_wilayah = negara.w["kode_wilayah"].to_numpy()[w]
    nama = np.array([NAMA_INOVASI[i] for i in range(len(NAMA_INOVASI))], dtype=object)
    indeks_nama = negara.urutan_nama[w, nomor % len(NAMA_INOVASI)]
    putaran = nomor // len(NAMA_INOVASI)
    akronim = np.array([f"{a} {p + 1}.0" if p else a for a, p in zip(nama[indeks_nama, 0], putaran, strict=True)])
    urusan = nama[indeks_nama, 2]
    video_ada = bukti[:, sid_kode.index("35")] == "ada"
    jenis_pemda = negara.w["jenis"].to_numpy()[w]
    id_pd = _perangkat_daerah_inovasi(seed, r, nomor, urusan, jenis_pemda, kode_wilayah)
    inovasi = pd.DataFrame(
        {
            "id_inovasi": ids,
            "tahun": tahun,
            "kode_wilayah": kode_wilayah,
            "status_inovasi": status,
            "tautan_video": np.where(
                video_ada, [f"https://www.youtube.com/watch?v=demo{zlib.crc32(x.encode()):08x}" for x in ids], None
            ),
            "id_perangkat_daerah": id_pd,
            "nama_inovasi": [f"{a} ({p})" for a, p in zip(akronim, nama[indeks_nama, 1], strict=True)],
            "inisiator": np.array(INISIATOR)[_pilih(seragam(seed, "inisiator", r, nomor), PELUANG_INISIATOR)],
            "jenis": nama[indeks_nama, 3],
            "bentuk": np.array(BENTUK)[_pilih(seragam(seed, "bentuk", r, nomor), PELUANG_BENTUK)],
            "urusan_utama": urusan,
            "urusan_lain": np.where(
                seragam(seed, "urusan_lain", r, nomor) < 0.25,
                np.array(URUSAN_YANDAS)[(len(URUSAN_YANDAS) * seragam(seed, "urusan_lain/2", r, nomor)).astype(int)],
                None,
            ),
        }
    )
    profil = pd.DataFrame(
        {
            "akronim": akronim,
            "u_profil": seragam(seed, "profil", r, nomor),
            "tahapan": idt.tahapan[g],
            "tanggal_uji_coba": idt.tanggal_uji_coba[g],
            "tanggal_penerapan": idt.tanggal_penerapan[g],
            "nama_wilayah": negara.w["nama_wilayah"].to_numpy()[w],
        }
    )
    inovasi = pd.concat([inovasi, profil_inovasi(profil)], axis=1)
    n_sid = len(sid_kode)
    kode_sid = np.tile(np.array(sid_kode, dtype=object), len(g))
    verif_rata = verif.ravel()
    bukti_rata = bukti.ravel()
    lemah = np.isin(bukti_rata, ["ditolak", "perlu_perbaikan"]) & ~np.isnan(verif_rata)
    catatan = np.array([CATATAN_VERIFIKASI.get(x, CATATAN_UMUM) for x in sid_kode], dtype=object)
    jawaban_sid = pd.DataFrame(
        {
            "kode_indikator": kode_sid,
            "level_klaim": klaim.ravel(),
            "status_bukti": bukti_rata,
            "level_verifikasi": verif_rata,
            "id_inovasi": np.repeat(ids, n_sid),
            "tahun": tahun,
            "catatan_verifikasi": np.where(lemah, np.tile(catatan, len(g)), None),
        }
    )
    jawaban_spd = _spd(negara, tahun, q, spd_kode, sementara)
    return _HasilTahun(inovasi, jawaban_sid, jawaban_spd, _TahunLalu(g, status, klaim, bukti))


def _perangkat_daerah_inovasi(
    seed: int, r: np.ndarray, nomor: np.ndarray, urusan: np.ndarray, jenis: np.ndarray, kode: np.ndarray
) -> np.ndarray:
    """The office entering each innovation: one of its region's offices of the innovation's urusan (85 %), else
    any of them, as in the calibrated demo."""
    u_mana, u_sesuai = seragam(seed, "opd", r, nomor), seragam(seed, "opd_sesuai", r, nomor)
    indeks = np.zeros(len(r), dtype=int)
    for j, templat in OPD.items():
        ini = jenis == j
        per_urusan: dict[str, list[int]] = {}
        for i, (_, _, u) in enumerate(templat):
            per_urusan.setdefault(u, []).append(i)
        for u in np.unique(urusan[ini]):
            pilihan = np.array(per_urusan.get(u, range(len(templat))))
            baris = ini & (urusan == u) & (u_sesuai < 0.85)
            indeks[baris] = pilihan[(len(pilihan) * u_mana[baris]).astype(int)]
        lain = ini & (u_sesuai >= 0.85)
        indeks[lain] = (len(templat) * u_mana[lain]).astype(int)
    return np.array([f"{k}-PD{i + 1:02d}" for k, i in zip(kode, indeks, strict=True)], dtype=object)


def _spd(negara: _Negara, tahun: int, q: np.ndarray, spd_kode: list[str], sementara: bool) -> pd.DataFrame:
    seed, r = negara.seed, negara.nomor[:, None]
    k = np.arange(len(spd_kode))[None, :]
    qi = q[:, None]
    u_level = seragam(seed, "spd_level", r, tahun, k)
    klaim = level_klaim(qi, u_level, 0.3)
    bukti = status_bukti(klaim, seragam(seed, "spd_bukti", r, tahun, k), u_level, 0.12, qi)
    verif = (
        np.full(klaim.shape, np.nan)
        if sementara
        else level_verifikasi(klaim, bukti, seragam(seed, "spd_turun", r, tahun, k), qi)
    )
    return pd.DataFrame(
        {
            "kode_indikator": np.tile(np.array(spd_kode, dtype=object), len(negara.nomor)),
            "level_klaim": klaim.ravel(),
            "status_bukti": bukti.ravel(),
            "level_verifikasi": verif.ravel(),
            "kode_wilayah": np.repeat(negara.w["kode_wilayah"].to_numpy(), len(spd_kode)),
            "tahun": tahun,
            "catatan_verifikasi": None,
        }
    )


def _nomor(kode: pd.Series) -> np.ndarray:
    """The regions' places in the national reference: the key of their draws."""
    return kode.map({w.kode_wilayah: i for i, w in enumerate(referensi())}).to_numpy(dtype=int)


def jalur_portal(seed: int, wilayah: pd.DataFrame) -> tuple[tuple[int, str], ...]:
    """The region-years taken in through the portal import path: about BAGIAN_JALUR_PORTAL of the kab/kota of
    `wilayah`, in the newest year."""
    kabkota = wilayah[wilayah["jenis"] != "provinsi"]
    dipilih = seragam(seed, "jalur_portal", _nomor(kabkota["kode_wilayah"])) < BAGIAN_JALUR_PORTAL
    return tuple((TAHUN_SEMENTARA, k) for k in kabkota["kode_wilayah"][dipilih])


def build_frames_nasional(seed: int, kode_lingkup: str = NASIONAL) -> dict[str, pd.DataFrame]:
    """Every demo table of the synthetic country (or of one province of it) as DataFrames, deterministic for a
    seed; the same tables and columns as the calibrated demo's build_frames."""
    return bangun_wilayah(seed, wilayah_nasional(kode_lingkup))


def bangun_wilayah(seed: int, wilayah: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """build_frames_nasional for any rows of wilayah_nasional(): each region gets the rows it gets in the country."""
    negara = _Negara(seed, wilayah)
    lalu = None
    per_tahun = []
    for tahun in TAHUN:
        hasil = _tahun(negara, lalu, tahun)
        per_tahun.append(hasil)
        lalu = hasil.lalu
    return {
        "wilayah": wilayah,
        "periode": pd.DataFrame(
            {
                "tahun": list(TAHUN),
                "versi_metodologi": [scoring.metodologi_untuk_tahun(t).versi for t in TAHUN],
                "status": ["sementara" if t == TAHUN_SEMENTARA else "final" for t in TAHUN],
                "batas_pelaporan": pd.to_datetime(list(BATAS_PELAPORAN)),
            }
        ),
        "perangkat_daerah": perangkat_daerah_nasional(wilayah),
        "inovasi": pd.concat([h.inovasi for h in per_tahun], ignore_index=True),
        "jawaban_sid": pd.concat([h.jawaban_sid for h in per_tahun], ignore_index=True),
        "jawaban_spd": pd.concat([h.jawaban_spd for h in per_tahun], ignore_index=True),
        "hasil_resmi": pd.DataFrame(
            columns=["kode_wilayah", "tahun", "nilai_iid", "predikat", "peringkat", "lingkup_peringkat", "status"]
            + ["keyakinan", "catatan", "sumber"]
        ),
    }
