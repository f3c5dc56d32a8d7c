"""Reading and checking a template workbook against the database and the year's rule version: every problem at
once with its sheet, Excel row and column, and nothing written."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import date

import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.excel.berkas import baca_berkas
from dasbor.excel.portal import BukuPortal
from dasbor.excel.read import KOLOM_BARIS, BukuKerja, MasalahBerkas
from dasbor.excel.skema import LEMBAR_DATA, LEMBAR_PERANGKAT_DAERAH
from dasbor.services.db import stempel
from dasbor.services.impor.pemeriksaan import Pemeriksaan, batasi, tanda_keputusan
from dasbor.services.impor.pencatat import Pencatat
from dasbor.services.impor.perangkat_daerah import pemilik_perangkat_daerah, periksa_perangkat_daerah
from dasbor.services.impor.portal import KOLOM_DARI_PORTAL, periksa_portal
from dasbor.services.impor.spd import bawa_wilayah
from dasbor.services.skor import metodologi_tahun


def tahun_impor(db: Database) -> list[int]:
    """Years a file can be imported for: those in periode and those a rule version covers (a new year is added
    to periode by its first import)."""
    berlaku = {t for m in scoring.semua_metodologi() for t in m.tahun}
    return sorted(berlaku | set(db.query("periode")["tahun"].astype(int)))


def _periksa_isi(db: Database, buku: BukuKerja, tahun: int, m: scoring.Metodologi) -> list[MasalahBerkas]:
    """Problems that need the database or several rows: codes, duplicates, orphans, coverage."""
    catat = Pencatat(buku)
    inovasi, sid, spd = (buku.frames[n] for n in ("inovasi", "jawaban_sid", "jawaban_spd"))
    wilayah = set(db.query("wilayah")["kode_wilayah"])
    opd = pemilik_perangkat_daerah(db, buku)

    for lembar, frame in (("inovasi", inovasi), ("jawaban_spd", spd)):
        beda = frame["tahun"].notna() & (frame["tahun"] != tahun)
        catat.baris(lembar, beda, "tahun", lambda r: f"tahun {int(r['tahun'])} berbeda dengan tahun impor {tahun}.")
        asing = frame["kode_wilayah"].notna() & ~frame["kode_wilayah"].isin(wilayah)
        catat.baris(
            lembar,
            asing,
            "kode_wilayah",
            lambda r: f"kode wilayah '{r['kode_wilayah']}' tidak dikenal; lihat daftar kode di lembar referensi.",
        )

    ada_pd = inovasi["id_perangkat_daerah"].notna()
    catat.baris(
        "inovasi",
        ada_pd & ~inovasi["id_perangkat_daerah"].isin(opd.index),
        "id_perangkat_daerah",
        lambda r: f"perangkat daerah '{r['id_perangkat_daerah']}' tidak dikenal; lihat lembar referensi.",
    )
    milik = inovasi["id_perangkat_daerah"].map(opd)
    catat.baris(
        "inovasi",
        ada_pd & milik.notna() & inovasi["kode_wilayah"].isin(wilayah) & (milik != inovasi["kode_wilayah"]),
        "id_perangkat_daerah",
        lambda r: (
            f"perangkat daerah '{r['id_perangkat_daerah']}' milik wilayah {opd[r['id_perangkat_daerah']]}, "
            f"bukan {r['kode_wilayah']}."
        ),
    )

    for lembar, frame, aspek in (("jawaban_sid", sid, "SID"), ("jawaban_spd", spd, "SPD")):
        kode = [i.kode for i in m.indikator_aspek(aspek)]
        catat.baris(
            lembar,
            frame["kode_indikator"].notna() & ~frame["kode_indikator"].isin(kode),
            "kode_indikator",
            lambda r, a=aspek, k=kode: (
                f"kode indikator {a} '{r['kode_indikator']}' tidak ada di aturan versi "
                f"{m.versi}; kode yang sah: {', '.join(k)}."
            ),
        )

    for lembar, frame, kunci in (
        ("inovasi", inovasi, ["id_inovasi"]),
        ("jawaban_sid", sid, ["id_inovasi", "kode_indikator"]),
        ("jawaban_spd", spd, ["kode_wilayah", "kode_indikator"]),
    ):
        catat.ganda(lembar, frame, kunci)

    catat.baris(
        "jawaban_sid",
        sid["id_inovasi"].notna() & ~sid["id_inovasi"].isin(inovasi["id_inovasi"].dropna()),
        "id_inovasi",
        lambda r: f"jawaban untuk inovasi '{r['id_inovasi']}' yang tidak ada di lembar inovasi.",
    )

    # An id is an innovation's identity across years (the same id is expected again next year), and an
    # innovation belongs to one wilayah: an id already submitted by another wilayah would merge two innovations.
    diganti = set(inovasi["kode_wilayah"].dropna()) | set(spd["kode_wilayah"].dropna())
    pengajuan = db.query("inovasi_kunci")
    pengajuan = pengajuan[~((pengajuan["tahun"] == tahun) & pengajuan["kode_wilayah"].isin(diganti))]
    pemilik = pengajuan.drop_duplicates("id_inovasi", keep="last").set_index("id_inovasi")
    milik = inovasi["id_inovasi"].map(pemilik["kode_wilayah"])
    catat.baris(
        "inovasi",
        milik.notna() & inovasi["kode_wilayah"].isin(wilayah) & (milik != inovasi["kode_wilayah"]),
        "id_inovasi",
        lambda r: (
            f"id_inovasi '{r['id_inovasi']}' sudah dipakai inovasi wilayah "
            f"{pemilik.at[r['id_inovasi'], 'kode_wilayah']} (tahun {pemilik.at[r['id_inovasi'], 'tahun']}); satu id "
            f"milik satu wilayah, bukan {r['kode_wilayah']}. Pakai id inovasi dari ekspor aplikasi nasional."
        ),
    )

    # An import replaces whole wilayah-years: a wilayah present in only one of the two sheets would lose the
    # other sheet's data without anyone having asked for that. A pemda with no stored SPD (a portal import) has
    # none to lose, so its innovations alone are a faithful copy.
    di_inovasi, di_spd = set(inovasi["kode_wilayah"].dropna()) & wilayah, set(spd["kode_wilayah"].dropna()) & wilayah
    ada_spd = set(db.query("jawaban_spd_tahun", {"tahun": tahun})["kode_wilayah"])
    for kode in sorted((di_inovasi - di_spd) & ada_spd):
        catat.masalah.append(
            MasalahBerkas(
                f"wilayah {kode} ada di lembar inovasi tetapi tidak punya satu pun baris di jawaban_spd. Impor "
                "mengganti seluruh data wilayah-tahun, sehingga jawaban SPD-nya akan terhapus; isi jawaban_spd.",
                "jawaban_spd",
            )
        )
    # A wilayah with SPD rows and no innovation rows is an SPD entry (a pemda imported from the portal, whose
    # export has no SPD): its innovations are carried over unchanged (_bawa_hanya_spd), never deleted.
    if inovasi.empty and spd.empty:
        catat.masalah.append(MasalahBerkas("berkas tidak berisi data: lembar inovasi dan jawaban_spd kosong."))
    return catat.masalah


def _tabel_bersih(buku: BukuKerja, tahun: int) -> dict[str, pd.DataFrame]:
    data = {n: buku.frames[n].drop(columns=KOLOM_BARIS).reset_index(drop=True) for n in LEMBAR_DATA}
    for n in ("inovasi", "jawaban_sid", "jawaban_spd"):
        data[n]["tahun"] = tahun  # the answers belong to this year's submission of each innovation
    for n in LEMBAR_DATA:
        for k in LEMBAR_DATA[n]:
            if k.jenis == "level":
                data[n][k.nama] = pd.array(data[n][k.nama], dtype="Int8")
            elif k.jenis == "tanggal":
                data[n][k.nama] = pd.to_datetime(data[n][k.nama])
    return data


def _jaring_pengaman(buku: BukuKerja, data: dict[str, pd.DataFrame], m: scoring.Metodologi) -> list[MasalahBerkas]:
    """The scoring module's own input contract as the last gate; anything it finds that the checks above did
    not is reported at its Excel row (normally nothing)."""
    temuan = scoring.validate_data(scoring.DataPenilaian(data["inovasi"], data["jawaban_sid"], data["jawaban_spd"]), m)
    return [
        MasalahBerkas(
            t.pesan,
            t.tabel,
            int(buku.frames[t.tabel][KOLOM_BARIS].iat[t.baris]) if t.baris is not None else None,
            t.kolom,
            buku.huruf.get(t.tabel, {}).get(t.kolom or ""),
        )
        for t in temuan
    ]


def check_import(
    db: Database,
    isi: bytes,
    tahun: int,
    nama_file: str,
    hari_ini: date | None = None,
    wilayah_boleh: Collection[str] | None = None,
    keputusan: pd.DataFrame | None = None,
) -> Pemeriksaan:
    """Check a workbook, the template or the portal's export (recognised, never chosen), completely: every problem
    at once (at most MAKS_PER_KOLOM per column, plus a count), and nothing written. `wilayah_boleh` are the regions the importing account may write (an operator's); None means
    every region (an admin, the local shell). `keputusan` are the user's decisions on uncertain matches of a
    portal export (portal.KOLOM_KEPUTUSAN)."""
    periksa = Pemeriksaan(nama_file, hashlib.sha256(isi).hexdigest(), tahun, [], stempel=stempel(db), isi=isi)
    _periksa(db, periksa, hari_ini, wilayah_boleh, keputusan)
    periksa.keputusan = tanda_keputusan(keputusan)
    periksa.jumlah_masalah = len(periksa.masalah)
    periksa.masalah = batasi(periksa.masalah)
    periksa.peringatan = batasi(periksa.peringatan)
    return periksa


def _periksa(
    db: Database,
    periksa: Pemeriksaan,
    hari_ini: date | None,
    wilayah_boleh: Collection[str] | None,
    keputusan: pd.DataFrame | None,
) -> None:
    try:
        m = metodologi_tahun(db, periksa.tahun)
    except scoring.TahunTidakDikenalError as exc:
        periksa.masalah.append(MasalahBerkas(f"tahun {periksa.tahun} tidak dicakup versi aturan mana pun ({exc})."))
        return
    if wilayah_boleh is not None and periksa.tahun not in set(db.query("periode")["tahun"].astype(int)):
        # A first import of a year adds it to periode for the whole province: a decision for an admin.
        periksa.masalah.append(
            MasalahBerkas(
                f"tahun penilaian {periksa.tahun} belum dibuka di dasbor. Impor pertama sebuah tahun membukanya untuk "
                "seluruh provinsi, sehingga hanya admin yang boleh melakukannya; minta admin mengimpor lebih dulu."
            )
        )
        return
    # The file stage (checks, format, parse) runs in a limited child and hands back plain frames; what needs the
    # database runs here, on those frames.
    wilayah = db.query("wilayah")[["kode_wilayah", "nama_wilayah", "jenis"]]
    buku = baca_berkas(periksa.isi, hari_ini or date.today(), wilayah)
    if isinstance(buku, BukuPortal):
        periksa_portal(db, periksa, buku, wilayah_boleh, keputusan)
    else:
        _periksa_templat(db, periksa, buku, m, wilayah_boleh)


def _periksa_templat(
    db: Database,
    periksa: Pemeriksaan,
    buku: BukuKerja,
    m: scoring.Metodologi,
    wilayah_boleh: Collection[str] | None,
) -> None:
    periksa.masalah = list(buku.masalah)
    periksa.peringatan = list(buku.catatan)
    if not set(LEMBAR_DATA) <= set(buku.frames):
        return  # a sheet is missing or the file is unreadable: cross-sheet checks would only mislead
    periksa.masalah += periksa_wilayah_operator(buku, wilayah_boleh)
    masalah_pd, peringatan_pd, periksa.perangkat_daerah_baru = periksa_perangkat_daerah(db, buku)
    periksa.masalah += masalah_pd
    periksa.peringatan += peringatan_pd
    periksa.masalah += _periksa_isi(db, buku, periksa.tahun, m)
    if periksa.masalah:
        return
    data = _tabel_bersih(buku, periksa.tahun)
    periksa.masalah += _jaring_pengaman(buku, data, m)
    if not periksa.masalah:
        data["inovasi"] = _isi_portal_tetap(db, data["inovasi"], periksa.tahun)
        periksa.data = _bawa_hanya_spd(db, periksa, data)
        periksa.wilayah = sorted(set(data["inovasi"]["kode_wilayah"]) | set(data["jawaban_spd"]["kode_wilayah"]))


def _isi_portal_tetap(db: Database, inovasi: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """A template row of an innovation that is stored already keeps what only the portal's export carries and the
    template has no column for (kematangan, coordinates, the portal account, video, the pengembangan date, the
    twin it was entered with): a template export of a portal year imported back would otherwise wipe the kematangan
    its SID rests on."""
    tanpa_kolom = [k for k in (*KOLOM_DARI_PORTAL, "kembar_dengan") if k not in inovasi]
    if not tanpa_kolom or inovasi.empty:
        return inovasi
    lama = pd.concat(
        [
            db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": k, "tahun": tahun})
            for k in inovasi["kode_wilayah"].unique()
        ],
        ignore_index=True,
    ).set_index("id_inovasi")
    return inovasi.assign(**{k: inovasi["id_inovasi"].map(lama[k].astype(object)) for k in tanpa_kolom})


def _bawa_hanya_spd(db: Database, periksa: Pemeriksaan, data: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The file's tables plus, for each wilayah present only in jawaban_spd, its stored innovations and SID
    answers (provenance included), so that the import, which replaces whole wilayah-years, changes only its SPD."""
    for kode in sorted(set(data["jawaban_spd"]["kode_wilayah"]) - set(data["inovasi"]["kode_wilayah"])):
        inovasi, sid = bawa_wilayah(db, kode, periksa.tahun)
        data["inovasi"] = pd.concat([data["inovasi"], inovasi], ignore_index=True)
        data["jawaban_sid"] = pd.concat([data["jawaban_sid"], sid], ignore_index=True)
        periksa.peringatan.append(
            MasalahBerkas(
                f"wilayah {kode}: hanya jawaban SPD di berkas ini; {len(inovasi)} inovasi dan jawaban SID-nya tetap "
                "seperti tersimpan (isian SPD).",
                "jawaban_spd",
            )
        )
    return data


# --- Operator boundaries: an operator imports and undoes only for its own kode_wilayah. ---------------------------


def periksa_wilayah_operator(buku: BukuKerja, wilayah_boleh: Collection[str] | None) -> list[MasalahBerkas]:
    """Every row of a region the account may not write, by sheet and Excel row (answers follow their innovation,
    so the inovasi rows name them)."""
    if wilayah_boleh is None:
        return []
    boleh = sorted(set(wilayah_boleh))
    milik = ", ".join(boleh) or "tidak ada"
    catat = Pencatat(buku)
    for lembar in ("inovasi", "jawaban_spd", LEMBAR_PERANGKAT_DAERAH):
        frame = buku.frames.get(lembar)
        if frame is None:
            continue
        catat.baris(
            lembar,
            frame["kode_wilayah"].notna() & ~frame["kode_wilayah"].isin(boleh),
            "kode_wilayah",
            lambda r: (
                f"baris untuk wilayah {r['kode_wilayah']}, di luar wilayah akun Anda ({milik}). Operator hanya boleh "
                "mengimpor data wilayahnya sendiri: hapus baris ini, atau minta admin mengimpornya."
            ),
        )
    return catat.masalah
