"""Gaps in a year's submissions and what fixing each one is worth in IID points, priced by the scoring module.

A gap is something Kemendagri does not (yet) count: evidence that is empty, rejected or needs repair, a claimed
level above the verified one, an empty wajib indicator, an innovation that was not sent or was rejected, an
innovation still at the inisiatif stage, an empty required profile field. What "fixing" means is different for
each kind and is spelled out in PERBAIKAN (shown in the UI and the exports). The worklist and its files are
services/daftar_kerja.py; the page drill-down helpers are services/telusur_celah.py.

Worth ("nilai perbaikan") = IID of the region with only that gap fixed minus its IID now, unrounded, on basis
terverifikasi. Level fixes are priced with scoring.kontribusi (poin_per_level × levels gained): a level change
never moves n, the divisor MAX(k, n), the jumlah term or the yandas gate, so that price is exact. Fixes that
change an innovation's status do move them and are re-scored in full with scoring.hitung_skor.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.services.db import database
from dasbor.services.lintas_tahun import BASIS, JENIS_LINTAS, PERBAIKAN_LINTAS, baris_celah, lintas_tahun_db
from dasbor.services.skor import data_penilaian, metodologi_tahun

JENIS_CELAH = {
    "bukti_kosong": "Bukti dukung kosong",
    "bukti_ditolak": "Bukti dukung ditolak",
    "bukti_perlu_perbaikan": "Bukti dukung perlu perbaikan",
    "klaim_di_atas_verifikasi": "Level klaim di atas level terverifikasi",
    "wajib_kosong": "Indikator wajib kosong",
    "inovasi_draft": "Inovasi belum dikirim (draft)",
    "inovasi_ditolak": "Inovasi ditolak verifikator",
    "tahap_inisiatif": "Inovasi masih tahap inisiatif",
    "profil_kosong": "Kolom profil wajib kosong",
    **JENIS_LINTAS,
}
# The gap kinds the matrix counts: the evidence problems and the claimed-above-verified level of the issue.
JENIS_MATRIKS = ("bukti_kosong", "bukti_ditolak", "bukti_perlu_perbaikan", "klaim_di_atas_verifikasi", "wajib_kosong")

# What fixing each kind of gap means, i.e. the modelling choice behind its worth.
PERBAIKAN = {
    "bukti_kosong": "Unggah bukti dukung yang membuktikan level yang diklaim; bila diterima, level klaim dihitung.",
    "bukti_ditolak": "Ganti bukti dukung yang ditolak dengan dokumen yang membuktikan level klaim; bila diterima, "
    "level klaim dihitung.",
    "bukti_perlu_perbaikan": "Perbaiki bukti dukung sesuai catatan verifikator; bila diterima, level klaim dihitung.",
    "klaim_di_atas_verifikasi": "Lengkapi bukti sampai membuktikan level yang diklaim (verifikator hanya mengakui "
    "level yang lebih rendah); nilai = naik dari level terverifikasi ke level klaim.",
    "wajib_kosong": "Isi indikator wajib dengan bukti untuk level 1 (level berikutnya dari 0) sesuai aturan tahun ini.",
    "inovasi_draft": "Kirim inovasi apa adanya: dinilai dengan jawaban yang ada (bukti 'ada' dihitung pada level "
    "klaim). Mengubah n, pembagi MAX(k, n), skor jumlah inovasi dan syarat yandas, sehingga dihitung ulang penuh; "
    "nilainya bisa negatif bila kematangannya di bawah rata-rata.",
    "inovasi_ditolak": "Inovasi yang ditolak tetap menjadi pembagi tetapi kematangannya 0. Nilai = bila inovasi "
    "diterima dengan jawaban dan verifikasi yang ada sekarang (dihitung ulang penuh).",
    "tahap_inisiatif": "Bawa inovasi ke tahap uji coba atau penerapan. Rumus IID tidak memuat tahapan, jadi nilai "
    "langsungnya 0; satu sumber (BSKDN kepada Pemprov Banten, gatra.com) menyebut inovasi yang belum diuji coba "
    "dikurangi nilainya, tetapi besarnya tidak diketahui sehingga tidak dihitung.",
    "profil_kosong": "Isi kolom profil yang wajib. Kolom profil tidak masuk rumus IID (nilai langsung 0), tetapi "
    "proposal yang tidak lengkap berisiko ditolak verifikator.",
    **PERBAIKAN_LINTAS,
}

# Required profile fields of a reported innovation ("Proposal Inovasi Daerah"; metodologi-iid.md §4). The video
# link is left out on purpose: its evidence is indikator 35 and is priced there.
PROFIL_WAJIB = {
    "nama_inovasi": "nama inovasi",
    "id_perangkat_daerah": "perangkat daerah",
    "tahapan": "tahapan",
    "inisiator": "inisiator",
    "jenis": "jenis",
    "bentuk": "bentuk",
    "urusan_utama": "urusan",
    "rancang_bangun": "rancang bangun",
    "tujuan": "tujuan",
    "manfaat": "manfaat",
    "hasil_inovasi": "hasil inovasi",
}
# Dates are required only from the stage at which they exist.
TANGGAL_WAJIB = {
    "tanggal_uji_coba": ("waktu uji coba", ("uji coba", "penerapan")),
    "tanggal_penerapan": ("waktu penerapan", ("penerapan",)),
}

KOLOM_CELAH = (
    "id_celah",
    "jenis_celah",
    "aspek",
    "kode_wilayah",
    "id_inovasi",
    "kode_indikator",
    "status_bukti",
    "level_klaim",
    "level_verifikasi",
    "level_diakui",
    "level_sasaran",
    "status_sasaran",
    "catatan_verifikasi",
    "kolom_kosong",
    "nilai_perbaikan",
    "aditif",
)

KOLOM_JALAN = (
    "kode_wilayah",
    "iid",
    "iid_mentah",
    "predikat",
    "predikat_berikut",
    "batas_berikut",
    "kurang_poin",
    "jumlah_perbaikan",
    "tercapai",
    "iid_sesudah",
    "predikat_sesudah",
    "poin_semua_perbaikan",
    "n_inovasi",
    "pembagi_minimum",
    "kursi_kosong",
    "n_urusan_yandas",
    "urusan_yandas_kurang",
    "syarat_yandas_berlaku",
    "minimum_urusan_yandas",
)

PD_PEMDA = "pemda"  # drill-down key of region-level (SPD) gaps, which belong to no perangkat daerah
PD_TANPA = "tanpa"  # innovations whose perangkat daerah is not filled in
NAMA_PD_PEMDA = "Tingkat pemda (indikator SPD)"
NAMA_PD_TANPA = "Tanpa perangkat daerah"

KOMITMEN_SKPD = (
    "Komitmen: setiap SKPD melaporkan minimal satu inovasi per tahun (Brida Kalsel, bimtek 27 Mei 2025; "
    "https://www.langkar.id/dorong-lompatan-layanan-publik-pemprov-kalsel-gelar-bimtek-inovasi-daerah-2025)."
)


@dataclass(frozen=True)
class Kelengkapan:
    """Everything the Kelengkapan, Simulasi and Inovasi pages and the exports need for one year."""

    tahun: int
    versi: str
    keyakinan: str  # how surely the year's rule is known (scoring Berlaku.asal)
    celah: pd.DataFrame  # the worklist, one row per gap (columns: see hitung_celah)
    jalan: pd.DataFrame  # per region: next band, fastest set of fixes, divisor seats, yandas urusan
    jalan_rincian: pd.DataFrame  # kode_wilayah, urutan, id_celah of each region's fastest set
    komitmen: pd.DataFrame  # per perangkat daerah: innovations reported against the commitment
    skor: pd.DataFrame  # the year's scores on BASIS (scoring.hitung_skor columns + nama_wilayah, jenis)
    keterangan_sintetis: str  # description of the synthetic sources behind the year's data; "" when all of it is real
    data: scoring.DataPenilaian  # the year's answers (with explicit empty wajib rows, see lengkapi_wajib)
    inovasi: pd.DataFrame  # every innovation with its profile, kematangan and its gaps counted and priced

    @property
    def aturan(self) -> str:
        """Where the numbers come from, for captions and exports."""
        return f"Aturan IID {self.versi} (keyakinan: {self.keyakinan}), basis {BASIS}"


def lengkapi_wajib(data: scoring.DataPenilaian, m: scoring.Metodologi) -> scoring.DataPenilaian:
    """Add an explicit empty row (level 0, evidence kosong) for every wajib indicator that has no answer row.

    A missing row and an empty row both score 0, so scores do not change; the explicit row can then be priced by
    scoring.kontribusi like any other answer.
    """

    def tambah(jawaban: pd.DataFrame, kunci: str, pemilik: pd.Index, aspek: str) -> pd.DataFrame:
        wajib = [i.kode for i in m.indikator_aspek(aspek) if i.wajib]
        semua = pd.MultiIndex.from_product([pemilik, wajib], names=[kunci, "kode_indikator"])
        ada = pd.MultiIndex.from_frame(jawaban[[kunci, "kode_indikator"]].astype(str))
        hilang = semua.difference(ada).to_frame(index=False)
        if hilang.empty:
            return jawaban
        hilang = hilang.assign(level_klaim=0, status_bukti="kosong", level_verifikasi=np.nan)
        return pd.concat([jawaban, hilang.reindex(columns=jawaban.columns)], ignore_index=True)

    wilayah = pd.Index(pd.unique(pd.concat([data.inovasi["kode_wilayah"], data.jawaban_spd["kode_wilayah"]])))
    # An innovation known only by the portal's kematangan (no answer row) scores that kematangan; an empty row
    # would turn it into answers that win and score 0 (scoring.compute), so it gets none.
    inovasi = data.inovasi
    hanya_portal = ~inovasi["id_inovasi"].isin(data.jawaban_sid["id_inovasi"])
    if "kematangan_portal" in inovasi:
        hanya_portal &= inovasi["kematangan_portal"].notna()
    else:
        hanya_portal &= False
    return scoring.DataPenilaian(
        inovasi=data.inovasi,
        jawaban_sid=tambah(data.jawaban_sid, "id_inovasi", pd.Index(inovasi.loc[~hanya_portal, "id_inovasi"]), "SID"),
        jawaban_spd=tambah(data.jawaban_spd, "kode_wilayah", wilayah.astype(str), "SPD"),
    )


def terapkan_celah(data: scoring.DataPenilaian, celah: pd.DataFrame) -> scoring.DataPenilaian:
    """The data as it would be with the given gaps fixed (level_sasaran / status_sasaran of each row)."""
    level = celah[celah["level_sasaran"].notna()]
    perubahan = pd.DataFrame(
        {
            "aspek": level["aspek"].to_numpy(),
            "kode_wilayah": level["kode_wilayah"].to_numpy(),
            "id_inovasi": level["id_inovasi"].to_numpy(),
            "kode_indikator": level["kode_indikator"].to_numpy(),
            "level_baru": level["level_sasaran"].to_numpy(dtype=float),
        }
    )
    hasil = scoring.terapkan_perubahan_level(data, perubahan, BASIS)
    status = celah[celah["status_sasaran"].notna()].set_index("id_inovasi")["status_sasaran"]
    if status.empty:
        return hasil
    inovasi = hasil.inovasi.copy()
    pilih = inovasi["id_inovasi"].isin(status.index)
    inovasi.loc[pilih, "status_inovasi"] = inovasi.loc[pilih, "id_inovasi"].map(status)
    return scoring.DataPenilaian(inovasi=inovasi, jawaban_sid=hasil.jawaban_sid, jawaban_spd=hasil.jawaban_spd)


def _kolom(frame: pd.DataFrame, nama: str) -> pd.Series:
    """An optional column (the scoring contract does not require it), empty when absent."""
    return frame[nama] if nama in frame else pd.Series(None, index=frame.index, dtype=object)


def _celah_jawaban(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """Answer-level gaps of submitted, scored innovations and of every region's SPD answers."""
    poin = scoring.kontribusi(data, m, BASIS)
    sid, spd = data.jawaban_sid, data.jawaban_spd
    # kontribusi returns the SID rows then the SPD rows, each in input order; the check keeps that contract honest.
    kode = pd.concat([sid["kode_indikator"], spd["kode_indikator"]], ignore_index=True).astype(str)
    if not (poin["kode_indikator"].astype(str).to_numpy() == kode.to_numpy()).all():
        raise RuntimeError("urutan baris kontribusi tidak sesuai urutan jawaban")
    status_inovasi = data.inovasi.set_index("id_inovasi")["status_inovasi"]
    baris = pd.DataFrame(
        {
            "aspek": poin["aspek"].to_numpy(),
            "kode_wilayah": poin["kode_wilayah"].astype(str).to_numpy(),
            "id_inovasi": poin["id_inovasi"].to_numpy(),
            "kode_indikator": kode.to_numpy(),
            "level_klaim": pd.concat([sid["level_klaim"], spd["level_klaim"]], ignore_index=True)
            .astype(float)
            .fillna(0.0)
            .to_numpy(),
            "level_verifikasi": pd.concat([sid["level_verifikasi"], spd["level_verifikasi"]], ignore_index=True)
            .astype(float)
            .to_numpy(),
            "status_bukti": pd.concat([sid["status_bukti"], spd["status_bukti"]], ignore_index=True).to_numpy(),
            "catatan_verifikasi": pd.concat(
                [_kolom(sid, "catatan_verifikasi"), _kolom(spd, "catatan_verifikasi")], ignore_index=True
            ).to_numpy(),
            "level_diakui": poin["level"].to_numpy(),
            "poin_per_level": poin["poin_per_level"].to_numpy(),
        }
    )
    # Rows of drafts and of rejected innovations are worth nothing until the innovation itself counts; they are
    # covered by that innovation's own gap (inovasi_draft / inovasi_ditolak) instead of one row per answer.
    dinilai = (baris["aspek"] == "SPD") | baris["id_inovasi"].map(status_inovasi).isin(scoring.STATUS_DINILAI)
    baris = baris[dinilai]
    wajib = {i.kode for i in m.indikator if i.wajib}
    klaim, diakui = baris["level_klaim"], baris["level_diakui"]
    bukti_bermasalah = baris["status_bukti"] != "ada"
    jenis = np.select(
        [
            (klaim > 0) & bukti_bermasalah,
            (klaim > 0) & ~bukti_bermasalah & (baris["level_verifikasi"] < klaim),
            (klaim == 0) & (diakui == 0) & baris["kode_indikator"].isin(wajib),
        ],
        ["bukti_" + baris["status_bukti"].astype(str), "klaim_di_atas_verifikasi", "wajib_kosong"],
        default="",
    )
    baris = baris.assign(jenis_celah=jenis)[jenis != ""]
    # Fixing raises the counted level to the claim (or to 1 for an empty wajib indicator), never lowers it.
    sasaran = np.where(baris["jenis_celah"] == "wajib_kosong", 1.0, baris["level_klaim"])
    sasaran = np.maximum(sasaran, baris["level_diakui"])
    return baris.assign(
        level_sasaran=sasaran,
        status_sasaran=None,
        nilai_perbaikan=(sasaran - baris["level_diakui"]) * baris["poin_per_level"],
        aditif=True,
        id_celah=baris["aspek"]
        + ":"
        + np.where(baris["aspek"] == "SID", baris["id_inovasi"], baris["kode_wilayah"])
        + ":"
        + baris["kode_indikator"],
    ).drop(columns="poin_per_level")


def _kosong(nilai: pd.Series) -> pd.Series:
    """Null, NaT or only whitespace."""
    return nilai.isna() | nilai.astype(str).str.strip().eq("")


def _iid_per_status(wilayah: scoring.DataPenilaian, m: scoring.Metodologi, ubah: list[tuple[str, str]]) -> np.ndarray:
    """Unrounded IID of one region with nothing changed (first value) and with each (id_inovasi, new status).

    Every scenario becomes its own pseudo-region holding a full copy of the region's data, scored in a single
    scoring.hitung_skor call. Regions are scored independently, so this equals scoring each scenario alone
    (one vectorised pass instead of one call per innovation).
    """
    n, s = len(wilayah.inovasi), len(ubah) + 1
    inovasi = wilayah.inovasi.reset_index(drop=True)
    status = np.tile(inovasi["status_inovasi"].to_numpy(dtype=object), s)
    posisi = pd.Series(np.arange(n), index=inovasi["id_inovasi"])
    for j, (id_inovasi, baru) in enumerate(ubah, start=1):
        status[j * n + posisi[id_inovasi]] = baru
    kode = np.arange(s).astype(str)
    sid, spd = wilayah.jawaban_sid, wilayah.jawaban_spd
    pemilik = np.repeat(kode, n)
    pemilik_sid = np.repeat(kode, len(sid))
    data = scoring.DataPenilaian(
        inovasi=pd.DataFrame(
            {
                "kode_wilayah": pemilik,
                "id_inovasi": pemilik + "|" + np.tile(inovasi["id_inovasi"].to_numpy(dtype=str), s),
                "status_inovasi": status,
                "urusan_utama": np.tile(inovasi["urusan_utama"].to_numpy(dtype=object), s),
                # innovations without answers score the portal's kematangan (scoring.compute)
                **(
                    {"kematangan_portal": np.tile(inovasi["kematangan_portal"].to_numpy(dtype=float), s)}
                    if "kematangan_portal" in inovasi
                    else {}
                ),
            }
        ),
        jawaban_sid=pd.concat([sid] * s, ignore_index=True).assign(
            id_inovasi=pemilik_sid + "|" + np.tile(sid["id_inovasi"].to_numpy(dtype=str), s)
        ),
        jawaban_spd=pd.concat([spd] * s, ignore_index=True).assign(kode_wilayah=np.repeat(kode, len(spd))),
    )
    return scoring.hitung_skor(data, m, BASIS).set_index("kode_wilayah").loc[kode, "iid_mentah"].to_numpy()


def _nilai_ubah_status(data: scoring.DataPenilaian, m: scoring.Metodologi, ubah: pd.DataFrame) -> np.ndarray:
    """Worth of changing each listed innovation's status (columns id_inovasi, status_sasaran) on its own.

    A status change moves n, the divisor, the jumlah term and possibly the yandas gate, so each one is
    re-scored in full on its region's data (a region's IID depends on nothing else).
    """
    nilai = pd.Series(0.0, index=ubah.index)
    for kode, grup in ubah.groupby("kode_wilayah"):
        iid = _iid_per_status(
            data.bagian_wilayah(str(kode)), m, list(zip(grup["id_inovasi"], grup["status_sasaran"], strict=True))
        )
        nilai[grup.index] = iid[1:] - iid[0]
    return nilai.to_numpy()


def _celah_inovasi(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """Gaps of whole innovations: not sent, rejected, still at the inisiatif stage, empty profile fields."""
    inovasi = data.inovasi.reset_index(drop=True)
    kunci = inovasi[["kode_wilayah", "id_inovasi"]].astype(str)
    bagian = [pd.DataFrame(columns=KOLOM_CELAH)]

    status_sasaran = inovasi["status_inovasi"].map({"draft": "dikirim", "ditolak": "diterima"})
    pilih = status_sasaran.notna()
    ubah = kunci[pilih].assign(
        status_sasaran=status_sasaran[pilih],
        jenis_celah="inovasi_" + inovasi.loc[pilih, "status_inovasi"],
        aditif=False,
    )
    bagian.append(ubah.assign(nilai_perbaikan=_nilai_ubah_status(data, m, ubah)))

    if "tahapan" in inovasi:
        inisiatif = kunci[inovasi["tahapan"] == "inisiatif"]
        bagian.append(inisiatif.assign(jenis_celah="tahap_inisiatif", nilai_perbaikan=0.0, aditif=True))

    # Only the profile columns the data has are checked: the scoring contract itself needs none of them.
    kosong = pd.DataFrame(
        {label: _kosong(inovasi[kolom]) for kolom, label in PROFIL_WAJIB.items() if kolom in inovasi},
        index=inovasi.index,
    )
    for kolom, (label, tahapan) in TANGGAL_WAJIB.items():
        if kolom in inovasi and "tahapan" in inovasi:
            kosong[label] = inovasi["tahapan"].isin(tahapan) & _kosong(inovasi[kolom])
    daftar = pd.Series([", ".join(kosong.columns[baris]) for baris in kosong.to_numpy(bool)], index=inovasi.index)
    profil = kunci[daftar != ""]
    bagian.append(
        profil.assign(jenis_celah="profil_kosong", nilai_perbaikan=0.0, aditif=True, kolom_kosong=daftar[profil.index])
    )

    hasil = pd.concat([b for b in bagian if not b.empty] or bagian[:1], ignore_index=True)
    return hasil.assign(aspek="INOVASI", id_celah="INOVASI:" + hasil["id_inovasi"] + ":" + hasil["jenis_celah"])


def _yang_kurang(celah: pd.DataFrame) -> pd.Series:
    klaim = celah["level_klaim"].map(lambda x: f"{x:.0f}" if pd.notna(x) else "–")
    verif = celah["level_verifikasi"].map(lambda x: f"{x:.0f}" if pd.notna(x) else "–")
    teks = {
        "bukti_kosong": "Bukti dukung untuk level " + klaim + " belum diunggah",
        "bukti_ditolak": "Bukti dukung untuk level " + klaim + " ditolak verifikator",
        "bukti_perlu_perbaikan": "Bukti dukung untuk level " + klaim + " perlu diperbaiki",
        "klaim_di_atas_verifikasi": "Klaim level " + klaim + ", diakui verifikator level " + verif,
        "wajib_kosong": pd.Series("Indikator wajib belum diisi (level 0)", index=celah.index),
        "inovasi_draft": pd.Series("Inovasi masih draft, belum dikirim", index=celah.index),
        "inovasi_ditolak": pd.Series("Inovasi ditolak verifikator (tetap menjadi pembagi)", index=celah.index),
        "tahap_inisiatif": pd.Series("Tahapan masih inisiatif (belum uji coba atau penerapan)", index=celah.index),
        "profil_kosong": "Kosong: "
        + celah["kolom_kosong"].astype(object).fillna(""),  # all-NaN (float) when no profile gap
    }
    hasil = pd.Series("", index=celah.index, dtype=object)
    for jenis, nilai in teks.items():
        pilih = celah["jenis_celah"] == jenis
        hasil[pilih] = nilai[pilih]
    return hasil


def _indikator(celah: pd.DataFrame, m: scoring.Metodologi) -> pd.DataFrame:
    """Name, wajib flag and the evidence that proves the target level, from the year's rule version."""
    katalog = {i.kode: i for i in m.indikator}

    def bukti(kode: object, sasaran: float) -> str:
        if kode not in katalog or pd.isna(sasaran) or sasaran < 1:
            return ""
        i = katalog[kode]
        s = int(sasaran)
        return f"Level {s} ({i.level[s - 1]}): {i.bukti[s - 1]}"

    kode = celah["kode_indikator"]
    return pd.DataFrame(
        {
            "nama_indikator": kode.map(lambda k: katalog[k].nama if k in katalog else ""),
            "wajib": kode.map(lambda k: katalog[k].wajib if k in katalog else False).astype(bool),
            "bukti_sasaran": [bukti(k, s) for k, s in zip(kode, celah["level_sasaran"], strict=True)],
        },
        index=celah.index,
    )


def hitung_celah(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """The worklist of one year, every gap with its worth for its region, highest worth first.

    `data` should come through lengkapi_wajib so that missing wajib answers are listed too. Columns: KOLOM_CELAH
    plus the innovation's perangkat daerah and name where the inovasi frame has them, nama_indikator, wajib,
    bukti_sasaran, yang_kurang, perbaikan (what fixing means) and cara_hitung (how the worth was computed).
    """
    celah = pd.concat(
        [_celah_jawaban(data, m).reindex(columns=KOLOM_CELAH), _celah_inovasi(data, m).reindex(columns=KOLOM_CELAH)],
        ignore_index=True,
    )
    celah["aditif"] = celah["aditif"].astype(bool)
    celah["nilai_perbaikan"] = celah["nilai_perbaikan"].astype(float)
    profil = data.inovasi.set_index("id_inovasi")
    for kolom in ("status_inovasi", "id_perangkat_daerah", "nama_perangkat_daerah", "nama_inovasi"):
        celah[kolom] = celah["id_inovasi"].map(profil[kolom]) if kolom in profil else None
    spd = celah["aspek"] == "SPD"
    tanpa_pd = ~spd & _kosong(celah["id_perangkat_daerah"])
    celah.loc[spd, ["id_perangkat_daerah", "nama_perangkat_daerah"]] = [PD_PEMDA, NAMA_PD_PEMDA]
    celah.loc[tanpa_pd, ["id_perangkat_daerah", "nama_perangkat_daerah"]] = [PD_TANPA, NAMA_PD_TANPA]
    celah = pd.concat([celah, _indikator(celah, m)], axis=1)
    celah["yang_kurang"] = _yang_kurang(celah)
    celah["perbaikan"] = celah["jenis_celah"].map(PERBAIKAN)
    celah["cara_hitung"] = np.select(
        [celah["level_sasaran"].notna(), celah["status_sasaran"].notna()],
        ["poin per level (scoring.kontribusi) × kenaikan level", "hitung ulang penuh (scoring.hitung_skor)"],
        default="tidak masuk rumus IID",
    )
    return celah.sort_values(
        ["nilai_perbaikan", "kode_wilayah", "id_celah"], ascending=[False, True, True], ignore_index=True
    )


def jalan_tercepat(
    data: scoring.DataPenilaian, celah: pd.DataFrame, m: scoring.Metodologi
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per region the smallest set of fixes from the worklist that lifts it into the next band.

    Candidates are the additive fixes (one answer row each, positive worth). Why greedy by worth is a smallest
    set: fixing a set S raises the region's unrounded IID by exactly Σ_{i∈S} w_i, because each fix changes one
    answer's level and a level change never moves n, the divisor or the jumlah term; rounding and banding happen
    only on the final sum and are both non-decreasing. With the worths sorted w_1 ≥ w_2 ≥ …, any k fixes add at
    most w_1 + … + w_k. So if the best k (the greedy prefix of length k) do not reach the band, no k fixes do, and
    the first prefix that reaches it is a smallest set. Status fixes (sending a draft, an accepted rejection) move
    the divisor and interact with every other fix, so they are not candidates here; the worklist prices them.
    The chosen set is re-scored in full as a check, and extended in the rare case float noise at a band edge
    makes the prefix sum and the full score disagree.

    Returns (per region summary, rincian: kode_wilayah, urutan, id_celah of the chosen fixes).
    """
    skor = scoring.hitung_skor(data, m, BASIS).set_index("kode_wilayah")
    urutan = [m.predikat_nol, *(p.nama for p in reversed(m.predikat))]  # lowest band first
    yandas = scoring.aturan_yandas(m).syarat_yandas.urusan
    per_inovasi = scoring.hitung_kematangan(data, m, BASIS)
    tercakup = per_inovasi[per_inovasi["dihitung_jumlah"]].groupby("kode_wilayah")["urusan_utama"].agg(set)
    ringkas, rincian = [], []
    for kode, baris in skor.iterrows():
        peringkat_kini = urutan.index(baris["predikat"])
        berikut = m.predikat_berikutnya(baris["iid"])
        kandidat = celah[(celah["kode_wilayah"] == kode) & celah["aditif"] & (celah["nilai_perbaikan"] > 0)]
        kandidat = kandidat.sort_values(["nilai_perbaikan", "id_celah"], ascending=[False, True])
        k, sesudah = 0, baris
        if berikut is not None and not kandidat.empty:
            kumulatif = baris["iid_mentah"] + kandidat["nilai_perbaikan"].cumsum().to_numpy()
            band = scoring.predikat_untuk(scoring.bulatkan(kumulatif, m.digit_iid), m)
            cukup = np.flatnonzero([urutan.index(b) > peringkat_kini for b in band])
            k = int(cukup[0]) + 1 if cukup.size else 0
            wilayah = data.bagian_wilayah(str(kode))
            while k:
                sesudah = scoring.hitung_skor(terapkan_celah(wilayah, kandidat.iloc[:k]), m, BASIS).iloc[0]
                if urutan.index(sesudah["predikat"]) > peringkat_kini or k == len(kandidat):
                    break
                k += 1
        tercapai = berikut is not None and urutan.index(sesudah["predikat"]) > peringkat_kini
        rincian.append(
            pd.DataFrame(
                {
                    "kode_wilayah": kode,
                    "urutan": np.arange(1, k + 1),
                    "id_celah": kandidat["id_celah"].iloc[:k].to_numpy(),
                }
            )
        )
        kurang = sorted(set(yandas) - tercakup.get(kode, set()))
        ringkas.append(
            {
                "kode_wilayah": kode,
                "iid": baris["iid"],
                "iid_mentah": baris["iid_mentah"],
                "predikat": baris["predikat"],
                "predikat_berikut": berikut.nama if berikut else None,
                "batas_berikut": berikut.batas_bawah if berikut else np.nan,
                "kurang_poin": berikut.jarak if berikut else 0.0,
                "jumlah_perbaikan": k if tercapai else 0,
                "tercapai": tercapai,
                "iid_sesudah": sesudah["iid"] if tercapai else np.nan,
                "predikat_sesudah": sesudah["predikat"] if tercapai else None,
                "poin_semua_perbaikan": float(kandidat["nilai_perbaikan"].sum()),
                "n_inovasi": int(baris["n_inovasi"]),
                "pembagi_minimum": m.pembagi_minimum,
                "kursi_kosong": max(0, m.pembagi_minimum - int(baris["n_inovasi"])),
                "n_urusan_yandas": len(set(yandas) & tercakup.get(kode, set())),
                "urusan_yandas_kurang": kurang,
                "syarat_yandas_berlaku": m.syarat_yandas is not None,
                "minimum_urusan_yandas": m.syarat_yandas.minimum_urusan if m.syarat_yandas else None,
            }
        )
    kolom_rincian = ["kode_wilayah", "urutan", "id_celah"]
    return (
        pd.DataFrame(ringkas, columns=KOLOM_JALAN),
        pd.concat([pd.DataFrame(columns=kolom_rincian), *rincian], ignore_index=True),
    )


def komitmen_skpd(perangkat: pd.DataFrame, inovasi: pd.DataFrame) -> pd.DataFrame:
    """Per perangkat daerah: innovations reported (sent, whatever the verdict) and drafts, against at least one."""
    dilaporkan = inovasi[inovasi["status_inovasi"] != "draft"].groupby("id_perangkat_daerah").size()
    draft = inovasi[inovasi["status_inovasi"] == "draft"].groupby("id_perangkat_daerah").size()
    hasil = perangkat[["kode_wilayah", "id_perangkat_daerah", "nama_perangkat_daerah", "singkatan"]].copy()
    hasil["dilaporkan"] = hasil["id_perangkat_daerah"].map(dilaporkan).fillna(0).astype(int)
    hasil["draft"] = hasil["id_perangkat_daerah"].map(draft).fillna(0).astype(int)
    hasil["memenuhi"] = hasil["dilaporkan"] >= 1
    return hasil.sort_values(["kode_wilayah", "dilaporkan", "nama_perangkat_daerah"], ignore_index=True)


def _inovasi_dengan_celah(data: scoring.DataPenilaian, celah: pd.DataFrame, m: scoring.Metodologi) -> pd.DataFrame:
    """The innovations with kematangan (verified and as claimed) and the number and worth of their gaps."""
    verif = scoring.hitung_kematangan(data, m, BASIS).set_index("id_inovasi")["kematangan"]
    klaim = scoring.hitung_kematangan(data, m, "klaim").set_index("id_inovasi")["kematangan"]
    # A belum_diperbarui row repeats the worth of the innovation's own evidence rows: counted, not added again.
    celah = celah.assign(nilai_perbaikan=celah["nilai_perbaikan"].where(celah["jenis_celah"] != "belum_diperbarui", 0))
    per = celah[celah["id_inovasi"].notna()].groupby("id_inovasi")
    inovasi = data.inovasi.copy()
    inovasi["kematangan"] = inovasi["id_inovasi"].map(verif)
    inovasi["kematangan_klaim"] = inovasi["id_inovasi"].map(klaim)
    inovasi["jumlah_celah"] = inovasi["id_inovasi"].map(per.size()).fillna(0).astype(int)
    inovasi["poin_celah"] = inovasi["id_inovasi"].map(per["nilai_perbaikan"].sum()).fillna(0.0)
    return inovasi


def hitung_kelengkapan(db: Database, tahun: int) -> Kelengkapan:
    """Worklist, fastest paths and SKPD commitment of every region in one year (uncached; the CLI uses this)."""
    m = metodologi_tahun(db, tahun)
    data = lengkapi_wajib(data_penilaian(db, tahun), m)
    # Last year's innovations not entered again, or entered unchanged (services.lintas_tahun), join the worklist.
    lintas = baris_celah(lintas_tahun_db(db, tahun)).fillna(
        {"id_perangkat_daerah": PD_TANPA, "nama_perangkat_daerah": NAMA_PD_TANPA}
    )
    celah = pd.concat([hitung_celah(data, m), lintas], ignore_index=True).sort_values(
        ["nilai_perbaikan", "kode_wilayah", "id_celah"], ascending=[False, True, True], ignore_index=True
    )
    wilayah = db.query("wilayah")[["kode_wilayah", "nama_wilayah", "jenis"]]
    nama = wilayah.set_index("kode_wilayah")["nama_wilayah"]
    celah.insert(celah.columns.get_loc("kode_wilayah") + 1, "nama_wilayah", celah["kode_wilayah"].map(nama))
    jalan, rincian = jalan_tercepat(data, celah, m)
    jalan.insert(1, "nama_wilayah", jalan["kode_wilayah"].map(nama))
    skor = wilayah.merge(scoring.hitung_skor(data, m, BASIS), on="kode_wilayah")
    sumber = db.query("sumber_data_tahun", {"tahun": tahun})
    inovasi = _inovasi_dengan_celah(data, celah, m)
    return Kelengkapan(
        tahun=tahun,
        versi=m.versi,
        keyakinan=m.asal_tahun(tahun).keyakinan,
        celah=celah,
        jalan=jalan,
        jalan_rincian=rincian,
        komitmen=komitmen_skpd(db.query("perangkat_daerah"), data.inovasi),
        skor=skor,
        keterangan_sintetis=" ".join(sumber.loc[sumber["sintetis"], "keterangan"].astype(str)),
        data=data,
        inovasi=inovasi,
    )


def kelengkapan(tahun: int) -> Kelengkapan:
    """The year's Kelengkapan from the published copy (uncached; the UI layer keeps one per terbitan)."""
    return hitung_kelengkapan(database(), tahun)
