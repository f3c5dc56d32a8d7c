"""The indicator worksheet of one innovation (issue 23 §3), laid out like the portal's own: Indikator · Keterangan ·
Informasi · Bobot · Parameter · Data Pendukung · Jenis File, one row per SID indicator of the year's rule version.

For the bimtek: an OPD picks the level of each indicator and ticks the evidence it holds (nomor, tanggal, tentang
of the document), sees the kematangan estimate move as the portal's header does ("n/20 SID"), saves, then enters
the same in the portal. The level texts, weights and evidence are the rule version's catalogue (versioned data with
provenance, `scoring/metodologi/katalog/`); the sheet says which catalogue and how sure it is for the year.

Saved answers are `jawaban_sid` rows of that innovation and, as everywhere in scoring, answers win over the portal's
kematangan (scoring.compute); where they disagree the innovation appears in the "selisih kematangan" list. A save
is written as an import of its wilayah-year (dasbor.services.impor.tulis.commit_import): one transaction that keeps
a copy of what it replaces, logged in the import history, undone by "Batalkan impor terakhir", published as a new
copy. The verifier's columns (level_verifikasi, catatan_verifikasi) of an answer are kept as they were.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.services.db import database, penulis
from dasbor.services.impor.pemeriksaan import Pemeriksaan
from dasbor.services.impor.tulis import ImporDitolakError, commit_import
from dasbor.services.skor import metodologi_tahun
from scoring.model import LEVEL_MAKS, Indikator

BUKTI = ("nomor", "tanggal", "tentang")  # what one bukti dukung names, as the portal's form asks for it
# The verifier's word on an answer's evidence: kept when the operator's ticks do not make the evidence complete.
STATUS_VERIFIKATOR = ("ditolak", "perlu_perbaikan")
KOLOM_LEMBAR = ("Indikator", "Keterangan", "Informasi", "Bobot", "Parameter", "Data Pendukung", "Jenis File")
FORMAT = "lembar"  # the import-log format of a worksheet save (no file is archived)


class LembarDitolakError(ValueError):
    """A worksheet that cannot be saved: unknown innovation or indicator, a level out of range."""


def jenis_file(indikator: Indikator) -> str:
    """The portal's three evidence kinds (surat PDF, PDF/gambar, video link). Which indicator takes which is not in
    any source we hold: read from the catalogue's own texts (a video indicator; evidence that is a decree or letter),
    so the page labels the column as inferred."""
    if "video" in indikator.nama.lower():
        return "Video (tautan)"
    surat = ("SK ", "Perkada", "Perda", "Surat", "MoU", "Peraturan")
    if any(b.startswith(surat) for b in indikator.bukti):
        return "Surat (PDF)"
    return "PDF/gambar"


def asal_teks(m: scoring.Metodologi, tahun: int) -> str:
    """Which catalogue's level texts the sheet shows for `tahun`, and how sure that is (the version's own note)."""
    sid = m.indikator_aspek("SID")
    asal = sid[0].asal
    return (
        f"Teks level, bobot dan bukti: katalog indikator aturan {m.versi} untuk tahun {tahun} "
        f"(keyakinan {asal.keyakinan}). {asal.catatan}".strip()
    )


def lembar(m: scoring.Metodologi, jawaban: pd.DataFrame) -> pd.DataFrame:
    """One row per SID indicator in rule-file order: kode_indikator, the seven portal columns' contents
    (indikator, keterangan, informasi as the three level texts, bobot, jenis_file; bukti_1..3 for Data Pendukung),
    wajib, and the innovation's current answer: level_klaim (<NA> when none) and bukti_ada (evidence complete)."""
    lama = jawaban.set_index("kode_indikator") if not jawaban.empty else pd.DataFrame()
    baris = []
    for i in m.indikator_aspek("SID"):
        ada = i.kode in lama.index
        level = lama.at[i.kode, "level_klaim"] if ada else pd.NA
        baris.append(
            {
                "kode_indikator": i.kode,
                "indikator": f"{i.kode}. {i.nama}",
                "keterangan": f"{i.variabel}" + (" · wajib" if i.wajib else ""),
                "level_1": i.level[0],
                "level_2": i.level[1],
                "level_3": i.level[2],
                "bukti_1": i.bukti[0],
                "bukti_2": i.bukti[1],
                "bukti_3": i.bukti[2],
                "bobot": i.bobot,
                "jenis_file": jenis_file(i),
                "wajib": i.wajib,
                "level_klaim": pd.NA if pd.isna(level) else int(level),
                "bukti_ada": bool(ada and lama.at[i.kode, "status_bukti"] == "ada"),
            }
        )
    return pd.DataFrame(baris).astype({"level_klaim": "Int64"})


@dataclass(frozen=True)
class Estimasi:
    """The portal header's live figures: indicators filled of all, kematangan as claimed (every level counts, what
    the portal's estimate shows) and as it would stand verified if the evidence ticked is what the verifier sees."""

    terisi: int
    jumlah: int
    klaim: float
    bukti_lengkap: float
    maks: float


def _jawaban(id_inovasi: str, isian: pd.DataFrame, lama: pd.DataFrame | None = None) -> pd.DataFrame:
    """jawaban_sid rows from the sheet: one per indicator with a level (an indicator left empty has no row, as
    the portal sends none); status_bukti 'ada' when nomor, tanggal and tentang are all ticked, else the
    verifier's earlier verdict (ditolak, perlu_perbaikan) when there was one, else 'kosong'. The verifier's
    columns are kept from `lama`."""
    isi = isian[isian["level_klaim"].notna()]
    lengkap = isi[list(BUKTI)].fillna(False).astype(bool).all(axis=1)
    lama = (lama if lama is not None else pd.DataFrame(columns=["kode_indikator"])).set_index("kode_indikator")
    status_lama = isi["kode_indikator"].map(lama["status_bukti"]) if "status_bukti" in lama else None
    status = pd.Series("kosong", index=isi.index, dtype=object)
    if status_lama is not None:
        status = status.where(~status_lama.isin(STATUS_VERIFIKATOR), status_lama)
    status = status.where(~lengkap, "ada")

    def dari_lama(kolom: str) -> pd.Series:
        return isi["kode_indikator"].map(lama[kolom]) if kolom in lama else pd.Series(pd.NA, index=isi.index)

    return pd.DataFrame(
        {
            "id_inovasi": id_inovasi,
            "kode_indikator": isi["kode_indikator"].astype(str),
            "level_klaim": isi["level_klaim"].astype(int),
            "status_bukti": status.astype(str),
            "level_verifikasi": dari_lama("level_verifikasi").astype("Int64"),
            "catatan_verifikasi": dari_lama("catatan_verifikasi").astype(object),
        }
    ).reset_index(drop=True)


def estimasi(m: scoring.Metodologi, isian: pd.DataFrame) -> Estimasi:
    """The estimate for the sheet as filled (kode_indikator, level_klaim, nomor, tanggal, tentang), computed by the
    scoring module's own kematangan (basis klaim; and terverifikasi with no verifier level, so only answers whose
    evidence is complete count), never by a second formula here."""
    jawaban = _jawaban("lembar", isian)
    inovasi = pd.DataFrame(
        {"kode_wilayah": ["-"], "id_inovasi": ["lembar"], "status_inovasi": ["dikirim"], "urusan_utama": [None]}
    )
    data = scoring.DataPenilaian(inovasi, jawaban.assign(level_verifikasi=pd.NA), pd.DataFrame())
    klaim = float(scoring.hitung_kematangan(data, m, "klaim")["kematangan"].iat[0])
    lengkap = float(scoring.hitung_kematangan(data, m, "terverifikasi")["kematangan"].iat[0])
    return Estimasi(
        terisi=len(jawaban),
        jumlah=len(m.indikator_aspek("SID")),
        klaim=klaim,
        bukti_lengkap=lengkap,
        maks=m.maks_sid_per_inovasi,
    )


def jawaban_inovasi(tahun: int, id_inovasi: str) -> pd.DataFrame:
    """One innovation's stored SID answers of `tahun` (kode_indikator, level_klaim, status_bukti, level_verifikasi,
    catatan_verifikasi), on the app's database."""
    return database().query("lembar_jawaban", {"tahun": tahun, "id_inovasi": id_inovasi})


def _periksa(m: scoring.Metodologi, inovasi: pd.DataFrame, isian: pd.DataFrame) -> None:
    kode = {i.kode for i in m.indikator_aspek("SID")}
    if bad := sorted(set(isian["kode_indikator"].astype(str)) - kode):
        raise LembarDitolakError(f"Indikator SID tidak dikenal aturan {m.versi}: {', '.join(bad)}.")
    level = isian["level_klaim"].dropna()
    if not level.between(0, LEVEL_MAKS).all():
        raise LembarDitolakError(f"Level harus 0–{LEVEL_MAKS}.")
    if inovasi.empty:
        raise LembarDitolakError("Inovasi tidak ada di daftar wilayah-tahun ini; tidak ada yang disimpan.")


def periksa_lembar(
    db: Database,
    tahun: int,
    kode_wilayah: str,
    id_inovasi: str,
    isian: pd.DataFrame,
    stempel_dilihat: tuple[int, ...],
) -> Pemeriksaan:
    """The wilayah-year as it is now with this innovation's answers replaced by the sheet's, as a checked import
    (`stempel_dilihat`: the data the sheet was drawn from; commit refuses if anything was written since). Every
    other row is carried over unchanged, provenance included."""
    m = metodologi_tahun(db, tahun)
    params = {"kode_wilayah": kode_wilayah, "tahun": tahun}
    with db.transaksi_baca() as query:
        inovasi = query("impor_inovasi_wilayah_tahun", params).drop(columns="nama_perangkat_daerah")
        sid = query("impor_sid_wilayah_tahun", params)
        spd = query("impor_spd_wilayah_tahun", params)
    _periksa(m, inovasi[inovasi["id_inovasi"] == id_inovasi], isian)
    milik = sid["id_inovasi"] == id_inovasi
    baru = _jawaban(id_inovasi, isian, sid[milik].drop(columns=["id_inovasi", "tahun"]))
    sid = pd.concat([sid[~milik], baru.assign(tahun=tahun)[sid.columns]], ignore_index=True)
    sidik = hashlib.sha256(
        json.dumps(baru.drop(columns="catatan_verifikasi").astype(str).values.tolist()).encode()
    ).hexdigest()
    return Pemeriksaan(
        nama_file=f"lembar indikator {id_inovasi}",
        sha256=sidik,
        tahun=tahun,
        masalah=[],
        data={"inovasi": inovasi, "jawaban_sid": sid, "jawaban_spd": spd},
        wilayah=[kode_wilayah],
        stempel=tuple(stempel_dilihat),
        format=FORMAT,
    )


def simpan_lembar(
    tahun: int,
    kode_wilayah: str,
    id_inovasi: str,
    isian: pd.DataFrame,
    pengguna: str,
    stempel_dilihat: tuple[int, ...],
    wilayah_boleh: Collection[str] | None = None,
) -> int:
    """Save one innovation's sheet under the writer lock as an import of its wilayah-year and publish it; returns
    the id_impor ("Batalkan impor terakhir" undoes it). An operator (`wilayah_boleh`) saves only for its own pemda:
    ImporDitolakError otherwise, nothing written."""
    if wilayah_boleh is not None and kode_wilayah not in set(wilayah_boleh):
        raise ImporDitolakError(
            f"Wilayah {kode_wilayah} di luar wilayah akun Anda ({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}); "
            "operator hanya mengisi lembar indikator inovasi pemdanya sendiri. Tidak ada yang ditulis."
        )
    with penulis() as db:
        return commit_import(db, periksa_lembar(db, tahun, kode_wilayah, id_inovasi, isian, stempel_dilihat), pengguna)
