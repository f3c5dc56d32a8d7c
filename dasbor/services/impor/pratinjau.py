"""What an import would change, before it is written: innovations new, changed or removed, and IID before → after
per wilayah, computed by the one rule (services.skor.nilai_wilayah) on the year's data with the file's wilayah-years
swapped in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.excel.skema import LEMBAR_DATA
from dasbor.services.impor.pemeriksaan import Pemeriksaan
from dasbor.services.impor.portal import KOLOM_DARI_PORTAL, KOLOM_DIPERTAHANKAN
from dasbor.services.impor.riwayat import sumber_wilayah
from dasbor.services.skor import dasar_teks, data_penilaian, metodologi_tahun, nilai_wilayah


def _normal(nilai: object) -> object:
    """One cell in a form that compares equal whether it came from the database or from a workbook."""
    if nilai is None or nilai is pd.NA or (isinstance(nilai, float) and np.isnan(nilai)) or nilai is pd.NaT:
        return None
    if isinstance(nilai, pd.Timestamp | date):
        return nilai.isoformat()[:10]
    if isinstance(nilai, np.integer | float | np.floating) and float(nilai).is_integer():
        return int(nilai)
    return nilai


# What a portal import writes of an innovation, compared before and after (id first).
KOLOM_SIDIK_PORTAL = ("id_inovasi", "id_perangkat_daerah", *KOLOM_DARI_PORTAL, *KOLOM_DIPERTAHANKAN, "kembar_dengan")


def _sidik_inovasi(inovasi: pd.DataFrame, sid: pd.DataFrame, kolom: list[str]) -> pd.Series:
    """Per id_inovasi (the first of `kolom`), a digest of those profile columns and all of its SID answers: equal
    digests mean unchanged."""
    jawab = [k.nama for k in LEMBAR_DATA["jawaban_sid"]]
    per_id: dict[str, list[tuple]] = {}
    # Only these innovations' answers: the year's table holds every wilayah's (200 000 rows in 2025).
    for row in sid.loc[sid["id_inovasi"].isin(inovasi["id_inovasi"]), jawab].itertuples(index=False):
        per_id.setdefault(row[0], []).append(tuple(_normal(x) for x in row))
    return pd.Series(
        {
            row[0]: hashlib.sha256(
                repr((tuple(_normal(x) for x in row), sorted(per_id.get(row[0], []), key=repr))).encode()
            ).hexdigest()
            for row in inovasi[kolom].itertuples(index=False)
        },
        dtype=object,
    )


def _jawaban_spd(spd: pd.DataFrame) -> set[tuple]:
    kolom = [k.nama for k in LEMBAR_DATA["jawaban_spd"] if k.nama != "tahun"]
    return {tuple(_normal(x) for x in row) for row in spd[kolom].itertuples(index=False)}


@dataclass(frozen=True)
class Pratinjau:
    """What an import would change: per wilayah (counts and IID before → after) and per changed innovation."""

    ringkasan: pd.DataFrame
    rincian: pd.DataFrame
    versi_metodologi: str
    keyakinan_rumus: str
    basis: str


def preview(db: Database, periksa: Pemeriksaan, basis: str = "terverifikasi") -> Pratinjau:
    """Innovations new / changed / removed and IID before → after per wilayah in the file, computed by the shared
    scoring module on the year's data with the file's wilayah-years swapped in."""
    m = metodologi_tahun(db, periksa.tahun)
    lama = data_penilaian(db, periksa.tahun)
    baru = periksa.data
    diganti = lama.inovasi["kode_wilayah"].isin(periksa.wilayah)
    # The file's rows as the year's query hands them to scoring (inovasi_tahun.sql): the portal's kematangan under
    # its scoring name, or a portal-only pemda would be previewed with kematangan 0.
    inovasi_baru = baru["inovasi"].rename(columns={"kematangan": "kematangan_portal"})
    sesudah = scoring.DataPenilaian(
        inovasi=pd.concat([lama.inovasi[~diganti], inovasi_baru], ignore_index=True),
        jawaban_sid=pd.concat(
            [
                lama.jawaban_sid[~lama.jawaban_sid["id_inovasi"].isin(lama.inovasi.loc[diganti, "id_inovasi"])],
                baru["jawaban_sid"],
            ],
            ignore_index=True,
        ),
        jawaban_spd=pd.concat(
            [lama.jawaban_spd[~lama.jawaban_spd["kode_wilayah"].isin(periksa.wilayah)], baru["jawaban_spd"]],
            ignore_index=True,
        ),
    )
    # The one rule (services.skor.nilai_wilayah) on both sides, so "after" is exactly what the pages show once
    # the import is confirmed: the marked status, else every eligible innovation; no IID without SPD.
    wilayah = db.query("wilayah")
    skor_lama = nilai_wilayah(lama, m, periksa.tahun, wilayah, basis).set_index("kode_wilayah")
    skor_baru = nilai_wilayah(sesudah, m, periksa.tahun, wilayah, basis).set_index("kode_wilayah")
    if periksa.format == "portal":  # the export's own columns (kematangan, coordinates…) count as changes too
        kolom = list(KOLOM_SIDIK_PORTAL)
        inovasi_lama = pd.concat(
            [
                db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": k, "tahun": periksa.tahun})
                for k in periksa.wilayah
            ]
        )
    else:
        kolom, inovasi_lama = [k.nama for k in LEMBAR_DATA["inovasi"]], lama.inovasi[diganti]
    sidik_lama = _sidik_inovasi(inovasi_lama, lama.jawaban_sid, kolom)
    sidik_baru = _sidik_inovasi(baru["inovasi"], baru["jawaban_sid"], kolom)
    nama_inovasi = pd.concat(
        [lama.inovasi.set_index("id_inovasi")["nama_inovasi"], baru["inovasi"].set_index("id_inovasi")["nama_inovasi"]]
    )
    wilayah_inovasi = pd.concat(
        [lama.inovasi.set_index("id_inovasi")["kode_wilayah"], baru["inovasi"].set_index("id_inovasi")["kode_wilayah"]]
    )
    perubahan = pd.concat(
        [
            pd.Series("baru", index=sidik_baru.index.difference(sidik_lama.index)),
            pd.Series("dihapus", index=sidik_lama.index.difference(sidik_baru.index)),
            pd.Series(
                "berubah",
                index=[i for i in sidik_baru.index.intersection(sidik_lama.index) if sidik_baru[i] != sidik_lama[i]],
            ),
        ]
    )
    rincian = pd.DataFrame(
        {
            "kode_wilayah": wilayah_inovasi[~wilayah_inovasi.index.duplicated(keep="last")].reindex(perubahan.index),
            "id_inovasi": perubahan.index,
            "nama_inovasi": nama_inovasi[~nama_inovasi.index.duplicated(keep="last")].reindex(perubahan.index),
            "perubahan": perubahan.to_numpy(),
        }
    ).sort_values(["kode_wilayah", "perubahan", "id_inovasi"], ignore_index=True)
    nama = db.query("wilayah").set_index("kode_wilayah")["nama_wilayah"]
    sumber = sumber_wilayah(db, periksa.tahun)
    sumber_label = (
        sumber.assign(label=np.where(sumber["sintetis"], "demo (SINTETIS)", sumber["jenis"]))
        .groupby("kode_wilayah")["label"]
        .agg(lambda x: ", ".join(sorted(set(x))))
    )
    baris = []
    for kode in periksa.wilayah:
        r = rincian[rincian["kode_wilayah"] == kode]["perubahan"].value_counts()
        spd_lama = _jawaban_spd(lama.jawaban_spd[lama.jawaban_spd["kode_wilayah"] == kode])
        spd_baru = _jawaban_spd(baru["jawaban_spd"][baru["jawaban_spd"]["kode_wilayah"] == kode])
        n_baru = int((baru["inovasi"]["kode_wilayah"] == kode).sum())
        baris.append(
            {
                "kode_wilayah": kode,
                "nama_wilayah": nama.get(kode, kode),
                "data_sebelum": sumber_label.get(kode, "belum ada"),
                "inovasi_baru": int(r.get("baru", 0)),
                "inovasi_berubah": int(r.get("berubah", 0)),
                "inovasi_dihapus": int(r.get("dihapus", 0)),
                "inovasi_tetap": n_baru - int(r.get("baru", 0)) - int(r.get("berubah", 0)),
                "jawaban_spd_berubah": len({x[1] for x in spd_lama ^ spd_baru}),
                "iid_sebelum": skor_lama["iid"].get(kode, np.nan),
                "predikat_sebelum": skor_lama["predikat"].get(kode),
                "iid_sesudah": skor_baru["iid"].get(kode, np.nan),
                "predikat_sesudah": skor_baru["predikat"].get(kode),
                "sid_sebelum": skor_lama["skor_sid"].get(kode, np.nan),
                "sid_sesudah": skor_baru["skor_sid"].get(kode, np.nan),
                "dasar_sesudah": dasar_teks(skor_baru.loc[kode]) if kode in skor_baru.index else "",
            }
        )
    return Pratinjau(pd.DataFrame(baris), rincian, m.versi, m.rumus_asal.keyakinan, basis)
