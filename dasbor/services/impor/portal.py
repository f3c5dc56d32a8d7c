"""Checking the national portal's innovation-list export (issue 18). The file is read by dasbor.excel.portal and its
rows are matched to the pemda's innovations by services.cocok_inovasi; what comes out is the same wilayah-year
tables a template import writes, so preview, commit, undo, the log and the published copy are the template's
own. The list replaces that pemda-year's innovations:
- a matched row keeps the existing id, and on a re-import of the same year that year's SID answers, status and
  the profile fields the export lacks (so importing the same file again changes nothing);
- a new row gets a new unique id and status 'draft';
- the SPD answers stay as they were (the export has none);
- rows with one normalised title are kept and point at each other (`kembar_dengan`);
- perangkat daerah not yet known are created, with the template's near-name warning."""

from __future__ import annotations

import re
from collections.abc import Collection

import pandas as pd

from dasbor.db.connection import Database
from dasbor.excel.portal import LEMBAR_PORTAL, BukuPortal
from dasbor.excel.read import MasalahBerkas
from dasbor.excel.skema import KOLOM_PERANGKAT_DAERAH
from dasbor.excel.terbatas import BatasTerlampaui, jalankan_terbatas
from dasbor.services.cocok_inovasi import HasilCocok, TerlaluBanyakRaguError, baku, cocokkan
from dasbor.services.impor.pemeriksaan import Pemeriksaan
from dasbor.services.impor.perangkat_daerah import nama_mirip

# Columns of inovasi the export sets, and those it lacks that a re-import of the same year keeps.
KOLOM_DARI_PORTAL = (
    "nama_inovasi",
    "inisiator",
    "jenis",
    "bentuk",
    "urusan_utama",
    "urusan_lain",
    "tahapan",
    "tanggal_penerapan",
    "tautan_video",
    "kematangan",
    "tanggal_pengembangan",
    "lintang",
    "bujur",
    "koordinat_teks",
    "akun_portal",
    "asta_cita",
    "ada_video",
)
KOLOM_DIPERTAHANKAN = ("tanggal_uji_coba", "rancang_bangun", "tujuan", "manfaat", "hasil_inovasi", "status_inovasi")
KOLOM_TANGGAL = ("tanggal_penerapan", "tanggal_pengembangan", "tanggal_uji_coba")
# The decision file of `impor --keputusan` and the page's review table: one line per uncertain pair.
KOLOM_KEPUTUSAN = ("kunci_baris", "id_inovasi", "keputusan")
KEPUTUSAN = ("sama", "beda")
# An undecided pair whose row came in as new, as the import stores it for review (table cocok_tertunda).
KOLOM_TERTUNDA = (
    "id_inovasi_baru",
    "id_inovasi_ada",
    "kunci_baris",
    "tahun_ada",
    "nama_inovasi_berkas",
    "nama_inovasi_ada",
    "perangkat_daerah_berkas",
    "perangkat_daerah_ada",
    "beda",
    "alasan",
)


def periksa_portal(
    db: Database,
    periksa: Pemeriksaan,
    buku: BukuPortal,
    wilayah_boleh: Collection[str] | None,
    keputusan: pd.DataFrame | None,
) -> None:
    """Fill `periksa` from a portal export as read (`buku`): problems, notices, the tables to write, the uncertain
    pairs."""
    periksa.format = "portal"
    periksa.masalah = list(buku.masalah)
    periksa.peringatan = list(buku.catatan)
    baru, masalah_keputusan = keputusan_sah(keputusan)
    periksa.masalah += masalah_keputusan
    if periksa.masalah:
        return
    kode, tahun = str(buku.kode_wilayah), periksa.tahun
    if wilayah_boleh is not None and kode not in set(wilayah_boleh):
        periksa.masalah.append(
            MasalahBerkas(
                f"berkas ini daftar inovasi {buku.nama_pemda} ({kode}), di luar wilayah akun Anda "
                f"({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}). Operator hanya boleh mengimpor daftar "
                "pemdanya sendiri; minta admin mengimpornya.",
                LEMBAR_PORTAL,
                None,
                "Pemda",
                buku.huruf.get("Pemda"),
            )
        )
        return
    baris = buku.baris.reset_index(drop=True)
    id_pd, periksa.perangkat_daerah_baru, mirip = _perangkat_daerah(db, kode, baris, buku.huruf.get("Admin OPD"))
    # First: a near name needs a decision, the reader's notices are information (the list is bounded per column).
    periksa.peringatan = mirip + periksa.peringatan

    ada = db.query("impor_cocok_ada", {"kode_wilayah": kode, "tahun": tahun})
    dulu = db.query("cocok_keputusan", {"kode_wilayah": kode})[list(KOLOM_KEPUTUSAN)]
    # The matching is as untrusted as the file's rows: it runs in a limited child too (issue 24 M6).
    try:
        tanpa_baru, akhir = jalankan_terbatas(_cocokkan, baris, ada, dulu, baru, tahun)
    except TerlaluBanyakRaguError as exc:
        periksa.masalah.append(
            MasalahBerkas(str(exc), LEMBAR_PORTAL, None, "Judul Inovasi", buku.huruf.get("Judul Inovasi"))
        )
        return
    except BatasTerlampaui as exc:
        periksa.masalah.append(
            MasalahBerkas(
                f"pencocokan baris berkas dengan inovasi yang tersimpan {exc}; berkas ditolak. Bila banyak judul "
                "sama berulang, bedakan judulnya di portal lalu unduh dan impor lagi."
            )
        )
        return
    periksa.ragu, hasil = tanpa_baru.ragu, akhir.baris
    dipakai = set(hasil["kunci_baris"])
    periksa.keputusan_baru = baru[baru["kunci_baris"].isin(dipakai)].assign(kode_wilayah=kode)
    abaikan = baru[~baru["kunci_baris"].isin(dipakai)]
    periksa.peringatan += [
        MasalahBerkas(f"keputusan untuk '{k}' (id {i}) tidak dipakai: tidak ada baris berkas dengan judul dan OPD itu.")
        for k, i in zip(abaikan["kunci_baris"], abaikan["id_inovasi"], strict=True)
    ]

    lama = db.query("impor_inovasi_wilayah_tahun", {"kode_wilayah": kode, "tahun": tahun}).set_index("id_inovasi")
    ids = _id_inovasi(db, kode, tahun, hasil["id_inovasi"])
    # What stays undecided after this check's decisions, for rows that come in as new: reviewed on Inovasi.
    terbuka = akhir.ragu[akhir.ragu["posisi"].map(hasil["id_inovasi"].isna())]
    periksa.tertunda = (
        terbuka.assign(id_inovasi_baru=terbuka["posisi"].map(ids).to_numpy(), id_inovasi_ada=terbuka["id_inovasi"])
        .reindex(columns=list(KOLOM_TERTUNDA))
        .reset_index(drop=True)
    )
    inovasi = pd.DataFrame({"id_inovasi": ids, "tahun": tahun, "kode_wilayah": kode, "id_perangkat_daerah": id_pd})
    for k in KOLOM_DARI_PORTAL:
        inovasi[k] = baris[k].to_numpy()
    for k in KOLOM_DIPERTAHANKAN:
        # As objects: mapping through an empty date column (a pemda's first import) cannot cast NaN to a date.
        inovasi[k] = ids.map(lama[k].astype(object)).to_numpy() if k in lama else None
    inovasi["status_inovasi"] = inovasi["status_inovasi"].astype(object).fillna("draft")
    # The older (≈2023) export carries the uji coba date: where a row has one, the file's wins over the kept one.
    uji_coba = baris["tanggal_uji_coba"]
    inovasi["tanggal_uji_coba"] = uji_coba.where(uji_coba.notna(), inovasi["tanggal_uji_coba"]).to_numpy()
    inovasi["kembar_dengan"] = _kembar_dengan(ids, hasil["kelompok_kembar"])
    for k in KOLOM_TANGGAL:
        inovasi[k] = pd.to_datetime(inovasi[k])
    sid = db.query("impor_sid_wilayah_tahun", {"kode_wilayah": kode, "tahun": tahun})
    periksa.data = {
        "inovasi": inovasi,
        "jawaban_sid": sid[sid["id_inovasi"].isin(ids)].reset_index(drop=True),
        "jawaban_spd": db.query("impor_spd_wilayah_tahun", {"kode_wilayah": kode, "tahun": tahun}),
    }
    periksa.wilayah = [kode]


def _cocokkan(
    baris: pd.DataFrame, ada: pd.DataFrame, dulu: pd.DataFrame, baru: pd.DataFrame, tahun: int
) -> tuple[HasilCocok, HasilCocok]:
    """The pairs still open before this check's own decisions (so that a decision just taken stays visible, and can
    be changed, until the import is confirmed) and the matching with those decisions applied."""
    tanpa_baru = cocokkan(baris, ada, dulu, tahun)
    if baru.empty:
        return tanpa_baru, tanpa_baru
    gabungan = pd.concat([dulu, baru], ignore_index=True)
    return tanpa_baru, cocokkan(baris, ada, gabungan.drop_duplicates(["kunci_baris", "id_inovasi"], keep="last"), tahun)


def keputusan_sah(keputusan: pd.DataFrame | None) -> tuple[pd.DataFrame, list[MasalahBerkas]]:
    """The user's decisions as (kunci_baris, id_inovasi, keputusan), and a problem for each unusable line."""
    kosong = pd.DataFrame(columns=list(KOLOM_KEPUTUSAN))
    if keputusan is None or keputusan.empty:
        return kosong, []
    kurang = [k for k in KOLOM_KEPUTUSAN if k not in keputusan]
    if kurang:
        return kosong, [
            MasalahBerkas(f"keputusan tanpa kolom {', '.join(kurang)}; kolomnya {', '.join(KOLOM_KEPUTUSAN)}.")
        ]
    k = keputusan[list(KOLOM_KEPUTUSAN)].astype("string").apply(lambda s: s.str.strip()).reset_index(drop=True)
    k = k[k["keputusan"].fillna("") != ""]  # a pair left blank is not decided yet
    salah = ~k["keputusan"].str.lower().isin(KEPUTUSAN) | k["kunci_baris"].isna() | k["id_inovasi"].isna()
    # Line numbers as in the decision file: its header is line 1.
    masalah = [
        MasalahBerkas(
            f"keputusan baris {r.Index + 2}: '{r.keputusan}' untuk '{r.kunci_baris}' / '{r.id_inovasi}' tidak dapat "
            "dipakai; isi kunci_baris dan id_inovasi seperti dicetak pratinjau, dan keputusan 'sama' atau 'beda'."
        )
        for r in k[salah].itertuples()
    ]
    k["keputusan"] = k["keputusan"].str.lower()
    return k[~salah].astype(object).reset_index(drop=True), masalah


def _perangkat_daerah(
    db: Database, kode: str, baris: pd.DataFrame, huruf: str | None
) -> tuple[list[str | None], pd.DataFrame, list[MasalahBerkas]]:
    """Per row the id of its perangkat daerah (an existing one of the pemda whose name is equal once normalised,
    else a new one), the new ones to insert, and a warning for each new name close to an existing one."""
    semua = db.query("perangkat_daerah")
    milik = semua[semua["kode_wilayah"] == kode]
    per_nama = {baku(n): i for n, i in zip(milik["nama_perangkat_daerah"], milik["id_perangkat_daerah"], strict=True)}
    nomor = [
        int(m.group(1)) for i in semua["id_perangkat_daerah"] if (m := re.fullmatch(rf"{re.escape(kode)}-PD(\d+)", i))
    ]
    berikut = max(nomor, default=0) + 1
    terpakai = set(semua["id_perangkat_daerah"])
    baru: list[dict] = []
    peringatan: list[MasalahBerkas] = []
    ids: list[str | None] = []
    for nama, excel in zip(baris["nama_perangkat_daerah"], baris["_baris"], strict=True):
        if nama is None or pd.isna(nama) or not str(nama).strip():
            ids.append(None)
            continue
        kunci = baku(str(nama))
        if kunci not in per_nama:
            while f"{kode}-PD{berikut:02d}" in terpakai:
                berikut += 1
            per_nama[kunci] = f"{kode}-PD{berikut:02d}"
            terpakai.add(per_nama[kunci])
            baru.append({"id_perangkat_daerah": per_nama[kunci], "kode_wilayah": kode, "nama_perangkat_daerah": nama})
            if mirip := nama_mirip(milik.set_index("id_perangkat_daerah"), kode, str(nama)):
                peringatan.append(
                    MasalahBerkas(
                        f"perangkat daerah baru '{nama}' akan ditambahkan; mirip yang sudah ada di wilayah {kode}: "
                        f"{'; '.join(mirip)}. Bila sama, samakan nama OPD-nya di portal lalu unduh dan impor lagi; "
                        "bila memang berbeda, lanjutkan.",
                        LEMBAR_PORTAL,
                        int(excel),
                        "Admin OPD",
                        huruf,
                    )
                )
        ids.append(per_nama[kunci])
    kolom = [k.nama for k in KOLOM_PERANGKAT_DAERAH]
    return ids, pd.DataFrame(baru, columns=kolom), peringatan


def _id_inovasi(db: Database, kode: str, tahun: int, cocok: pd.Series) -> pd.Series:
    """The matched id of each row, and for the others a new id `KODE-TAHUN-pNNNN` no innovation has used."""
    terpakai = set(db.query("inovasi_kunci")["id_inovasi"])
    n = 0
    hasil = []
    for i in cocok:
        if i is None or pd.isna(i):
            n += 1
            while f"{kode}-{tahun}-p{n:04d}" in terpakai:
                n += 1
            i = f"{kode}-{tahun}-p{n:04d}"
        hasil.append(str(i))
    return pd.Series(hasil, dtype=object)


def _kembar_dengan(ids: pd.Series, kelompok: pd.Series) -> list[str | None]:
    """For rows sharing a normalised title, the id of another row of the group: the first row points at the
    second, every other row at the first."""
    pertama: dict[int, list[str]] = {}
    for i, k in zip(ids, kelompok, strict=True):
        if k is not None and not pd.isna(k):
            pertama.setdefault(int(k), []).append(i)
    hasil: list[str | None] = []
    for i, k in zip(ids, kelompok, strict=True):
        if k is None or pd.isna(k):
            hasil.append(None)
        else:
            grup = pertama[int(k)]
            hasil.append(grup[1] if i == grup[0] and len(grup) > 1 else grup[0])
    return hasil
