"""New perangkat daerah an import brings, checked against those already known: a clash is a problem, a name close
to an existing one of the same region is a warning (a second spelling of one office is a decision, not an
accident). Shared by the template's optional sheet and the portal's `Admin OPD` column."""

from __future__ import annotations

import difflib

import pandas as pd

from dasbor.db.connection import Database
from dasbor.excel.read import BukuKerja, MasalahBerkas
from dasbor.excel.skema import KOLOM_PERANGKAT_DAERAH, LEMBAR_PERANGKAT_DAERAH
from dasbor.services.cocok_inovasi import baku
from dasbor.services.impor.pencatat import Pencatat

MIRIP = 0.85  # difflib ratio from which two perangkat daerah names of one region are worth a second look


def pemilik_perangkat_daerah(db: Database, buku: BukuKerja) -> pd.Series:
    """kode_wilayah per id_perangkat_daerah: those in the database plus the new ones of the file's own sheet."""
    ada = db.query("perangkat_daerah").set_index("id_perangkat_daerah")["kode_wilayah"]
    baru = buku.frames.get(LEMBAR_PERANGKAT_DAERAH)
    if baru is None or baru.empty:
        return ada
    baru = baru.dropna(subset=["id_perangkat_daerah", "kode_wilayah"]).set_index("id_perangkat_daerah")
    tambahan = baru.loc[~baru.index.isin(ada.index) & ~baru.index.duplicated(), "kode_wilayah"]
    return pd.concat([ada, tambahan])


def periksa_perangkat_daerah(
    db: Database, buku: BukuKerja
) -> tuple[list[MasalahBerkas], list[MasalahBerkas], pd.DataFrame]:
    """Problems, warnings and the rows to insert for the optional perangkat_daerah sheet. A row equal to an existing
    perangkat daerah is accepted and changes nothing; a name close to an existing one of the same region is a
    warning, so that a second spelling of the same office is a decision and not an accident."""
    kolom = [k.nama for k in KOLOM_PERANGKAT_DAERAH]
    frame = buku.frames.get(LEMBAR_PERANGKAT_DAERAH)
    if frame is None or frame.empty:
        return [], [], pd.DataFrame(columns=kolom)
    lembar = LEMBAR_PERANGKAT_DAERAH
    catat, ingat = Pencatat(buku), Pencatat(buku)
    ada = db.query("perangkat_daerah").set_index("id_perangkat_daerah")
    id_pd, wilayah_pd, nama_pd = frame["id_perangkat_daerah"], frame["kode_wilayah"], frame["nama_perangkat_daerah"]
    catat.baris(
        lembar,
        wilayah_pd.notna() & ~wilayah_pd.isin(set(db.query("wilayah")["kode_wilayah"])),
        "kode_wilayah",
        lambda r: f"kode wilayah '{r['kode_wilayah']}' tidak dikenal; lihat daftar kode di lembar referensi.",
    )
    for kunci in (["id_perangkat_daerah"], ["kode_wilayah", "nama_perangkat_daerah"]):
        catat.ganda(lembar, frame, kunci)
    dikenal = id_pd.isin(ada.index)
    sama = (
        dikenal & (wilayah_pd == id_pd.map(ada["kode_wilayah"])) & (nama_pd == id_pd.map(ada["nama_perangkat_daerah"]))
    )
    catat.baris(
        lembar,
        dikenal & ~sama,
        "id_perangkat_daerah",
        lambda r: (
            f"id '{r['id_perangkat_daerah']}' sudah dipakai perangkat daerah "
            f"'{ada.at[r['id_perangkat_daerah'], 'nama_perangkat_daerah']}' wilayah "
            f"{ada.at[r['id_perangkat_daerah'], 'kode_wilayah']}. Pakai id lain untuk perangkat daerah baru, atau salin "
            "baris itu persis bila maksudnya perangkat daerah yang sama."
        ),
    )
    id_nama = dict(zip(zip(ada["kode_wilayah"], ada["nama_perangkat_daerah"], strict=True), ada.index, strict=True))
    kembar = pd.Series([id_nama.get((w, n)) for w, n in zip(wilayah_pd, nama_pd, strict=True)], index=frame.index)
    baru = nama_pd.notna() & wilayah_pd.notna() & id_pd.notna() & ~dikenal
    catat.baris(
        lembar,
        baru & kembar.notna(),
        "nama_perangkat_daerah",
        lambda r: (
            f"perangkat daerah '{r['nama_perangkat_daerah']}' sudah ada di wilayah {r['kode_wilayah']} dengan id "
            f"{kembar[r.name]}; pakai id itu di lembar inovasi dan hapus baris ini."
        ),
    )
    mirip = {
        i: nama_mirip(ada, w, n)
        for i, w, n in zip(frame.index, wilayah_pd, nama_pd, strict=True)
        if baru[i] and pd.isna(kembar[i])
    }
    ingat.baris(
        lembar,
        pd.Series([bool(mirip.get(i)) for i in frame.index], index=frame.index),
        "nama_perangkat_daerah",
        lambda r: (
            f"perangkat daerah baru '{r['nama_perangkat_daerah']}' mirip yang sudah ada di wilayah {r['kode_wilayah']}: "
            f"{'; '.join(mirip[r.name])}. Bila sama, pakai id itu di lembar inovasi dan hapus baris ini; bila memang "
            "berbeda, lanjutkan."
        ),
    )
    tulis = frame.loc[baru & kembar.isna(), kolom] if not catat.masalah else frame.iloc[:0][kolom]
    return catat.masalah, ingat.masalah, tulis.reset_index(drop=True)


def nama_mirip(ada: pd.DataFrame, kode_wilayah: str, nama: str) -> list[str]:
    """Existing perangkat daerah of the region whose name is the same once normalised, or close by difflib."""
    sendiri = baku(nama)
    return [
        f"'{r.nama_perangkat_daerah}' ({r.Index})"
        for r in ada[ada["kode_wilayah"] == kode_wilayah].itertuples()
        if baku(r.nama_perangkat_daerah) == sendiri
        or difflib.SequenceMatcher(None, baku(r.nama_perangkat_daerah), sendiri).ratio() >= MIRIP
    ]
