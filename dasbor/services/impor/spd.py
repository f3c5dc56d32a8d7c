"""SPD entered by hand (issue 23 §2): the portal's export carries no SPD, so a pemda imported from it has none until
an admin, or the pemda's operator, enters the levels of the year's SPD indicators and whether the evidence is in
hand. Three ways in, one path: the SPD page's worksheet, the template's `jawaban_spd` sheet alone, and
`python -m dasbor spd` all build the same checked import (`Pemeriksaan`, format 'spd') of that one wilayah-year:
its innovations and SID answers carried over unchanged, provenance included, and its SPD answers as entered. So
the preview, the commit, the history, undo, the archive and publishing are the import's own (tulis.simpan)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection

import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.excel.read import MasalahBerkas
from dasbor.services.db import stempel
from dasbor.services.impor.pemeriksaan import Pemeriksaan
from dasbor.services.skor import metodologi_tahun

KOLOM_ISIAN = ("kode_indikator", "level", "bukti_ada")  # one row per SPD indicator entered
LEMBAR_ISIAN = "isian SPD"  # where problems are said to be (a CSV file, the page's worksheet, the options)
YA = {"ya", "y", "1", "true", "ada", "benar"}
TIDAK = {"tidak", "t", "0", "false", "kosong", "", "salah"}
# The portal's worksheet names the kind of file each piece of evidence is (reference: portal-ekspor.md); the
# catalogue does not record it per indicator, so the page says what the portal accepts, as an assumption.
JENIS_FILE = "PDF/gambar, atau surat (PDF) (asumsi: jenis per indikator tidak tercatat di katalog)"


def lembar_spd(db: Database, tahun: int, kode_wilayah: str) -> pd.DataFrame:
    """The year's SPD indicators laid out like the portal's worksheet, with what is stored now: kode_indikator,
    Indikator, Keterangan, Informasi, Bobot, Parameter (the three level texts), Data Pendukung (evidence per
    level), Jenis File, level (stored claim, empty when none), bukti_ada. Texts from the year's rule version."""
    m = metodologi_tahun(db, tahun)
    kini = db.query("impor_spd_wilayah_tahun", {"kode_wilayah": kode_wilayah, "tahun": tahun}).set_index(
        "kode_indikator"
    )
    baris = []
    for i in m.indikator_aspek("SPD"):
        ada = i.kode in kini.index
        baris.append(
            {
                "kode_indikator": i.kode,
                "Indikator": f"{i.kode}. {i.nama}",
                "Keterangan": f"Variabel {i.variabel}; {'wajib' if i.wajib else 'tidak wajib'}",
                "Informasi": f"Aturan {m.versi}; keyakinan {i.asal.keyakinan}",
                "Bobot": i.bobot,
                "Parameter": " | ".join(f"{n}: {teks}" for n, teks in enumerate(i.level, start=1)),
                "Data Pendukung": " | ".join(f"{n}: {teks}" for n, teks in enumerate(i.bukti, start=1)),
                "Jenis File": JENIS_FILE,
                "level": int(kini.at[i.kode, "level_klaim"])
                if ada and pd.notna(kini.at[i.kode, "level_klaim"])
                else None,
                "bukti_ada": bool(ada and kini.at[i.kode, "status_bukti"] == "ada"),
            }
        )
    return pd.DataFrame(baris)


def bawa_wilayah(db: Database, kode_wilayah: str, tahun: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A wilayah-year's innovations (every column, provenance included) and SID answers as stored, for an import
    that only changes its SPD."""
    return (
        db.query("impor_inovasi_bawa", {"kode_wilayah": kode_wilayah, "tahun": tahun}),
        db.query("impor_sid_wilayah_tahun", {"kode_wilayah": kode_wilayah, "tahun": tahun}),
    )


def _ya_tidak(nilai: object) -> bool | None:
    if isinstance(nilai, bool):
        return nilai
    teks = "" if nilai is None or (isinstance(nilai, float) and pd.isna(nilai)) else str(nilai).strip().lower()
    return True if teks in YA else False if teks in TIDAK else None


def _masalah_isian(isian: pd.DataFrame, m: scoring.Metodologi) -> list[MasalahBerkas]:
    """Every bad row of the entry, by its row number (1 = the first indicator entered) and column."""
    kode_sah = [i.kode for i in m.indikator_aspek("SPD")]
    masalah = []
    for n, r in enumerate(isian.to_dict("records"), start=1):
        kode = str(r["kode_indikator"]).strip()
        if kode not in kode_sah:
            masalah.append(
                MasalahBerkas(
                    f"indikator SPD '{kode}' tidak ada di aturan versi {m.versi}; yang sah: {', '.join(kode_sah)}.",
                    LEMBAR_ISIAN,
                    n,
                    "kode_indikator",
                )
            )
        level = pd.to_numeric(pd.Series([r["level"]]), errors="coerce").iat[0]
        if pd.isna(level) or level not in (0, 1, 2, 3):
            masalah.append(MasalahBerkas(f"level '{r['level']}' bukan 0, 1, 2 atau 3.", LEMBAR_ISIAN, n, "level"))
        if _ya_tidak(r["bukti_ada"]) is None:
            masalah.append(
                MasalahBerkas(f"bukti_ada '{r['bukti_ada']}' bukan ya atau tidak.", LEMBAR_ISIAN, n, "bukti_ada")
            )
    ganda = isian["kode_indikator"].astype(str).str.strip()
    for kode in sorted(set(ganda[ganda.duplicated()])):
        masalah.append(
            MasalahBerkas(f"indikator {kode} diisi lebih dari sekali.", LEMBAR_ISIAN, None, "kode_indikator")
        )
    return masalah


def spd_baru(lama: pd.DataFrame, isian: pd.DataFrame, kode_wilayah: str, tahun: int) -> pd.DataFrame:
    """The wilayah-year's SPD answers once the (checked) entry is applied: indicators not entered stay as they
    are; an entered one takes the claim and evidence given, and keeps its verification only while the claimed
    level is unchanged (the verifier judged that claim). Changed rows carry no id_sumber_data yet: the commit
    gives them the entry's own."""
    kolom = ["kode_wilayah", "tahun", "kode_indikator", "level_klaim", "status_bukti", "level_verifikasi",
             "catatan_verifikasi", "id_sumber_data"]  # fmt: skip
    hasil = lama.reindex(columns=kolom).astype(object).set_index("kode_indikator", drop=False)
    for r in isian.to_dict("records"):
        kode, level = str(r["kode_indikator"]).strip(), int(float(r["level"]))
        status = "ada" if _ya_tidak(r["bukti_ada"]) else "kosong"
        if kode in hasil.index:
            sama_level = hasil.at[kode, "level_klaim"] == level
            if sama_level and hasil.at[kode, "status_bukti"] == status:
                continue
            if not sama_level:
                hasil.loc[kode, ["level_verifikasi", "catatan_verifikasi"]] = [pd.NA, None]
            hasil.loc[kode, ["level_klaim", "status_bukti", "id_sumber_data"]] = [level, status, pd.NA]
        else:
            hasil.loc[kode] = [kode_wilayah, tahun, kode, level, status, pd.NA, None, pd.NA]
    hasil = hasil.reset_index(drop=True)
    for k in ("level_klaim", "level_verifikasi"):
        hasil[k] = pd.array(pd.to_numeric(hasil[k]), dtype="Int8")
    hasil["id_sumber_data"] = pd.array(pd.to_numeric(hasil["id_sumber_data"]), dtype="Int64")
    hasil["tahun"] = tahun
    return hasil


def isian_csv(isian: pd.DataFrame) -> bytes:
    """The entry as the CSV that is archived with it (and that `python -m dasbor spd --berkas` reads back)."""
    return isian[list(KOLOM_ISIAN)].to_csv(index=False).encode("utf-8")


def periksa_spd(
    db: Database,
    tahun: int,
    kode_wilayah: str,
    isian: pd.DataFrame,
    nama_file: str,
    wilayah_boleh: Collection[str] | None = None,
) -> Pemeriksaan:
    """Check an SPD entry (KOLOM_ISIAN) for one wilayah-year completely, nothing written: every problem at once,
    or the wilayah-year's tables with the SPD applied, ready for preview and tulis.simpan. `wilayah_boleh` are the
    regions the account may write (an operator's); None means every region."""
    isi = isian_csv(isian.reindex(columns=list(KOLOM_ISIAN)))
    periksa = Pemeriksaan(nama_file, hashlib.sha256(isi).hexdigest(), tahun, [], stempel=stempel(db), isi=isi)
    periksa.format = "spd"
    kurang = [k for k in KOLOM_ISIAN if k not in isian.columns]
    if kurang:
        periksa.masalah.append(
            MasalahBerkas(f"isian tanpa kolom {', '.join(kurang)}; kolomnya {', '.join(KOLOM_ISIAN)}.", LEMBAR_ISIAN)
        )
    if kode_wilayah not in set(db.query("wilayah")["kode_wilayah"]):
        periksa.masalah.append(MasalahBerkas(f"kode wilayah '{kode_wilayah}' tidak dikenal.", LEMBAR_ISIAN))
    elif wilayah_boleh is not None and kode_wilayah not in set(wilayah_boleh):
        periksa.masalah.append(
            MasalahBerkas(
                f"wilayah {kode_wilayah} di luar wilayah akun Anda ({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}); "
                "operator hanya boleh mengisi SPD pemdanya sendiri.",
                LEMBAR_ISIAN,
            )
        )
    if tahun not in set(db.query("periode")["tahun"].astype(int)):
        periksa.masalah.append(
            MasalahBerkas(f"tahun {tahun} belum ada di dasbor; impor daftar inovasinya lebih dulu.", LEMBAR_ISIAN)
        )
    if isian.empty:
        periksa.masalah.append(MasalahBerkas("isian SPD kosong: tidak ada indikator yang diisi.", LEMBAR_ISIAN))
    if periksa.masalah:
        periksa.jumlah_masalah = len(periksa.masalah)
        return periksa
    m = metodologi_tahun(db, tahun)
    periksa.masalah = _masalah_isian(isian, m)
    periksa.jumlah_masalah = len(periksa.masalah)
    if periksa.masalah:
        return periksa
    inovasi, sid = bawa_wilayah(db, kode_wilayah, tahun)
    lama = db.query("impor_spd_wilayah_tahun", {"kode_wilayah": kode_wilayah, "tahun": tahun})
    periksa.data = {"inovasi": inovasi, "jawaban_sid": sid, "jawaban_spd": spd_baru(lama, isian, kode_wilayah, tahun)}
    periksa.wilayah = [kode_wilayah]
    return periksa
