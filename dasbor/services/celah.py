"""Gap finding and pricing: every gap of a year's submissions and what fixing it is worth in IID points, priced
by the scoring module on the set the region's IID is computed on.

A gap is something Kemendagri does not (yet) count: evidence that is empty, rejected or needs repair, a claimed
level above the verified one, an empty wajib indicator, an innovation that was not sent or was rejected, an
innovation still at the inisiatif stage, an empty required profile field; for an innovation known only from the
portal's export, what its row proves (services/celah_portal.py). What "fixing" means is different for each kind
and is spelled out in the catalogue (celah.toml, shown in the UI and the exports).

Worth ("nilai perbaikan") = IID of the region with only that gap fixed minus its IID now, unrounded, on basis
terverifikasi. Level fixes are priced with scoring.kontribusi (poin_per_level × levels gained) and kematangan
fixes with scoring.poin_kematangan: neither moves n, the divisor MAX(k, n), the jumlah term or the yandas gate,
so that price is exact. Fixes that change an innovation's status do move them and are re-scored in full with
scoring.hitung_skor.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring
from dasbor.services.celah_portal import celah_portal
from dasbor.services.harga_celah import daftar_kosong, hanya_portal, kosong, nilai_ubah_status
from dasbor.services.katalog_celah import katalog
from dasbor.services.kiriman import saran_per_inovasi
from dasbor.services.lintas_tahun import BASIS
from scoring.anggota import ada_di

JENIS_CELAH = katalog().nama()
# The gap kinds the matrix counts: the evidence problems and the claimed-above-verified level of the issue, and the
# one indicator a portal export row proves empty (the video).
JENIS_MATRIKS = (
    "bukti_kosong",
    "bukti_ditolak",
    "bukti_perlu_perbaikan",
    "klaim_di_atas_verifikasi",
    "wajib_kosong",
    "video_kosong",
)
# What fixing each kind of gap means, i.e. the modelling choice behind its worth; and what to do in the portal.
PERBAIKAN = katalog().perbaikan()
DI_PORTAL = katalog().di_portal()
# Status-like gaps of the export, re-scored in full (services.celah_portal).
JENIS_HITUNG_ULANG = ("usia_gagal", "kembar", "saran_kirim", "saran_tahan")

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
    "kematangan",
    "kematangan_sasaran",
    "nilai_perbaikan",
    "nilai_saran",
    "aditif",
)

PD_PEMDA = "pemda"  # drill-down key of region-level (SPD) gaps, which belong to no perangkat daerah
PD_TANPA = "tanpa"  # innovations whose perangkat daerah is not filled in
NAMA_PD_PEMDA = "Tingkat pemda (indikator SPD)"
NAMA_PD_TANPA = "Tanpa perangkat daerah"


def lengkapi_wajib(data: scoring.DataPenilaian, m: scoring.Metodologi) -> scoring.DataPenilaian:
    """Add an explicit empty row (level 0, evidence kosong) for every wajib indicator that has no answer row.

    A missing row and an empty row both score 0, so scores do not change; the explicit row can then be priced by
    scoring.kontribusi like any other answer. Two owners get none: an innovation known only from the portal's
    export (one answer row would make its answers win over its kematangan, scoring it 0; its gaps are the
    export's, services.celah_portal), and a region without any SPD answer (it has no SPD to fill in row by row:
    its gap is spd_kosong, and an explicit row would make it look as if it had SPD).
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

    inovasi = data.inovasi[~hanya_portal(data).to_numpy(bool)]
    wilayah = pd.Index(pd.unique(data.jawaban_spd["kode_wilayah"]))
    return scoring.DataPenilaian(
        inovasi=data.inovasi,
        jawaban_sid=tambah(data.jawaban_sid, "id_inovasi", pd.Index(inovasi["id_inovasi"]), "SID"),
        jawaban_spd=tambah(data.jawaban_spd, "kode_wilayah", wilayah.astype(str), "SPD"),
    )


def terapkan_celah(data: scoring.DataPenilaian, celah: pd.DataFrame) -> scoring.DataPenilaian:
    """The data as it would be with the given gaps fixed (level_sasaran / kematangan_sasaran / status_sasaran of
    each row). A kematangan fix raises the portal's kematangan of an innovation known only from the export and
    never adds an answer (which would win over it); of several fixes of one innovation the highest counts, and
    none lowers what it has."""
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
    inovasi = hasil.inovasi
    if "kematangan_sasaran" in celah and celah["kematangan_sasaran"].notna().any():
        sasaran = celah[celah["kematangan_sasaran"].notna()].groupby("id_inovasi")["kematangan_sasaran"].max()
        inovasi = inovasi.copy()
        pilih = ada_di(inovasi["id_inovasi"], sasaran.index)
        kini = inovasi.loc[pilih, "kematangan_portal"].astype(float)
        inovasi.loc[pilih, "kematangan_portal"] = np.maximum(
            kini.to_numpy(), inovasi.loc[pilih, "id_inovasi"].map(sasaran).to_numpy(float)
        )
    status = celah[celah["status_sasaran"].notna()].set_index("id_inovasi")["status_sasaran"]
    if not status.empty:
        inovasi = inovasi.copy()
        pilih = ada_di(inovasi["id_inovasi"], status.index)
        inovasi.loc[pilih, "status_inovasi"] = inovasi.loc[pilih, "id_inovasi"].map(status)
    return scoring.DataPenilaian(inovasi=inovasi, jawaban_sid=hasil.jawaban_sid, jawaban_spd=hasil.jawaban_spd)


def _kolom(frame: pd.DataFrame, nama: str) -> pd.Series:
    """An optional column (the scoring contract does not require it), empty when absent."""
    return frame[nama] if nama in frame else pd.Series(None, index=frame.index, dtype=object)


def _celah_jawaban(
    data: scoring.DataPenilaian, data_saran: scoring.DataPenilaian, m: scoring.Metodologi
) -> pd.DataFrame:
    """Answer-level gaps of submitted, scored innovations and of every region's SPD answers; `nilai_saran` prices
    the same fix on the advised set (data_saran: the same answers, the advice's statuses)."""
    poin = scoring.kontribusi(data, m, BASIS)
    poin_saran = scoring.kontribusi(data_saran, m, BASIS)["poin_per_level"].to_numpy()
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
            "poin_saran": poin_saran,
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
        nilai_saran=(sasaran - baris["level_diakui"]) * baris["poin_saran"],
        aditif=True,
        id_celah=baris["aspek"]
        + ":"
        + np.where(baris["aspek"] == "SID", baris["id_inovasi"], baris["kode_wilayah"])
        + ":"
        + baris["kode_indikator"],
    ).drop(columns=["poin_per_level", "poin_saran"])


def _celah_inovasi(data: scoring.DataPenilaian, m: scoring.Metodologi, portal: pd.Series) -> pd.DataFrame:
    """Gaps of whole innovations with indicator answers (those known only from the portal get the export's gaps,
    services.celah_portal): not sent, rejected, still at the inisiatif stage, empty profile fields."""
    inovasi = data.inovasi[~portal.to_numpy(bool)].reset_index(drop=True)
    kunci = inovasi[["kode_wilayah", "id_inovasi"]].astype(str)
    bagian = [pd.DataFrame(columns=KOLOM_CELAH)]

    status_sasaran = inovasi["status_inovasi"].map({"draft": "dikirim", "ditolak": "diterima"})
    pilih = status_sasaran.notna()
    ubah = kunci[pilih].assign(
        status_sasaran=status_sasaran[pilih],
        jenis_celah="inovasi_" + inovasi.loc[pilih, "status_inovasi"],
        aditif=False,
    )
    bagian.append(ubah.assign(nilai_perbaikan=nilai_ubah_status(data, m, ubah)))

    if "tahapan" in inovasi:
        inisiatif = kunci[inovasi["tahapan"] == "inisiatif"]
        bagian.append(
            inisiatif.assign(jenis_celah="tahap_inisiatif", nilai_perbaikan=0.0, nilai_saran=0.0, aditif=True)
        )

    # Only the profile columns the data has are checked: the scoring contract itself needs none of them.
    kosong_kolom = pd.DataFrame(
        {label: kosong(inovasi[kolom]) for kolom, label in PROFIL_WAJIB.items() if kolom in inovasi},
        index=inovasi.index,
    )
    for kolom, (label, tahapan) in TANGGAL_WAJIB.items():
        if kolom in inovasi and "tahapan" in inovasi:
            kosong_kolom[label] = inovasi["tahapan"].isin(tahapan) & kosong(inovasi[kolom])
    daftar = daftar_kosong(kosong_kolom)
    profil = kunci[daftar != ""]
    bagian.append(
        profil.assign(
            jenis_celah="profil_kosong",
            nilai_perbaikan=0.0,
            nilai_saran=0.0,
            aditif=True,
            kolom_kosong=daftar[profil.index],
        )
    )

    hasil = pd.concat([b for b in bagian if not b.empty] or bagian[:1], ignore_index=True)
    return hasil.assign(aspek="INOVASI", id_celah="INOVASI:" + hasil["id_inovasi"] + ":" + hasil["jenis_celah"])


def _level(x: float) -> str:
    return f"{x:.0f}" if pd.notna(x) else "–"


# The text of each gap kind found here, from its row (klaim, verifikasi, kolom_kosong); the export's gaps come
# with their own.
TEKS_YANG_KURANG = {
    "bukti_kosong": lambda k, v, kolom: f"Bukti dukung untuk level {_level(k)} belum diunggah",
    "bukti_ditolak": lambda k, v, kolom: f"Bukti dukung untuk level {_level(k)} ditolak verifikator",
    "bukti_perlu_perbaikan": lambda k, v, kolom: f"Bukti dukung untuk level {_level(k)} perlu diperbaiki",
    "klaim_di_atas_verifikasi": lambda k, v, kolom: f"Klaim level {_level(k)}, diakui verifikator level {_level(v)}",
    "wajib_kosong": lambda k, v, kolom: "Indikator wajib belum diisi (level 0)",
    "inovasi_draft": lambda k, v, kolom: "Inovasi masih draft, belum dikirim",
    "inovasi_ditolak": lambda k, v, kolom: "Inovasi ditolak verifikator (tetap menjadi pembagi)",
    "tahap_inisiatif": lambda k, v, kolom: "Tahapan masih inisiatif (belum uji coba atau penerapan)",
    "profil_kosong": lambda k, v, kolom: "Kosong: " + ("" if pd.isna(kolom) else kolom),
}


def _yang_kurang(celah: pd.DataFrame) -> pd.Series:
    hasil = celah["yang_kurang"].astype(object).fillna("").to_numpy(dtype=object, copy=True)
    jenis = celah["jenis_celah"].to_numpy(dtype=object)
    klaim, verif = celah["level_klaim"].to_numpy(dtype=object), celah["level_verifikasi"].to_numpy(dtype=object)
    kolom = celah["kolom_kosong"].to_numpy(dtype=object)
    for nama, teks in TEKS_YANG_KURANG.items():
        pilih = np.flatnonzero(jenis == nama)  # only the rows of this kind are written
        hasil[pilih] = [teks(klaim[i], verif[i], kolom[i]) for i in pilih]
    return pd.Series(hasil, index=celah.index, dtype=object)


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


def data_saran(data: scoring.DataPenilaian, saran: pd.DataFrame) -> scoring.DataPenilaian:
    """The year as the send advice would send it: exactly the advised innovations 'dikirim', the rest held (as
    services.kiriman scores the advice)."""
    kirim = saran.loc[saran["disarankan"], "id_inovasi"]
    status = np.where(ada_di(data.inovasi["id_inovasi"], kirim), "dikirim", "draft")
    return scoring.DataPenilaian(data.inovasi.assign(status_inovasi=status), data.jawaban_sid, data.jawaban_spd)


def hitung_celah(data: scoring.DataPenilaian, m: scoring.Metodologi, tahun: int) -> pd.DataFrame:
    """The worklist of one year, every gap with its worth for its region, highest worth first.

    `data` is the year on the set its IID is computed on (skor.data_dinilai), through lengkapi_wajib so
    that missing wajib answers are listed too. Columns: KOLOM_CELAH (nilai_saran: the same fix priced on the set
    the send advice picks; empty for a status fix, which is re-scored on the computed set only) plus the
    innovation's perangkat daerah and name where the inovasi frame has them, nama_indikator, wajib,
    bukti_sasaran, yang_kurang, perbaikan (what fixing means), di_portal (what to do in the portal) and
    cara_hitung (how the worth was computed).
    """
    saran = saran_per_inovasi(data, m, tahun)
    advis = data_saran(data, saran)
    portal = hanya_portal(data)
    kolom = [*KOLOM_CELAH, "yang_kurang"]
    celah = pd.concat(
        [
            _celah_jawaban(data, advis, m).reindex(columns=kolom),
            _celah_inovasi(data, m, portal).reindex(columns=kolom),
            celah_portal(data, advis, m, tahun, portal, saran).reindex(columns=kolom),
        ],
        ignore_index=True,
    )
    celah["aditif"] = celah["aditif"].astype(bool)
    celah["nilai_perbaikan"] = celah["nilai_perbaikan"].astype(float)
    celah["nilai_saran"] = celah["nilai_saran"].astype(float)
    profil = data.inovasi.set_index("id_inovasi")
    for kolom in ("status_inovasi", "id_perangkat_daerah", "nama_perangkat_daerah", "nama_inovasi"):
        celah[kolom] = celah["id_inovasi"].map(profil[kolom]) if kolom in profil else None
    spd = celah["aspek"] == "SPD"
    tanpa_pd = ~spd & kosong(celah["id_perangkat_daerah"])
    celah.loc[spd, ["id_perangkat_daerah", "nama_perangkat_daerah"]] = [PD_PEMDA, NAMA_PD_PEMDA]
    celah.loc[tanpa_pd, ["id_perangkat_daerah", "nama_perangkat_daerah"]] = [PD_TANPA, NAMA_PD_TANPA]
    celah = pd.concat([celah, _indikator(celah, m)], axis=1)
    celah["yang_kurang"] = _yang_kurang(celah)
    celah["perbaikan"] = celah["jenis_celah"].map(PERBAIKAN)
    celah["di_portal"] = celah["jenis_celah"].map(DI_PORTAL)
    celah["cara_hitung"] = np.select(
        [
            celah["level_sasaran"].notna(),
            celah["kematangan_sasaran"].notna(),
            celah["status_sasaran"].notna() | celah["jenis_celah"].isin(JENIS_HITUNG_ULANG),
            celah["jenis_celah"] == "spd_kosong",
        ],
        [
            "poin per level (scoring.kontribusi) × kenaikan level",
            "poin per kematangan (scoring.poin_kematangan) × kenaikan kematangan",
            "hitung ulang dengan status baru (scoring.iid_ubah_status)",
            "SPD setiap indikator level 3, dihitung modul skor (scoring.hitung_skor)",
        ],
        default="tidak masuk rumus IID",
    )
    return celah.sort_values(
        ["nilai_perbaikan", "kode_wilayah", "id_celah"], ascending=[False, True, True], ignore_index=True
    )
