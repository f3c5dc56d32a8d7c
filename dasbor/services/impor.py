"""Excel import officials can trust: check a workbook against the database and the year's rule version, show what
it would change, commit it as one transaction that keeps a copy of what it replaces, undo the last import, and
export any wilayah-year in the same format. Used by the Impor page and by `python -m dasbor impor`."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database, sql, statements
from dasbor.db.write import insert_frame
from dasbor.excel.read import KOLOM_BARIS, BukuKerja, MasalahBerkas, read_workbook
from dasbor.excel.skema import KOLOM_PERANGKAT_DAERAH, LEMBAR_DATA, LEMBAR_PERANGKAT_DAERAH
from dasbor.excel.write import Referensi, write_workbook
from dasbor.services.db import stempel
from dasbor.services.skor import data_penilaian, metodologi_tahun

# Test hook, used by tests/impor/test_keandalan.py: when this environment variable names one of the points
# in TITIK_UJI, the importer prints "JEDA <point>" and waits there, so a test can SIGKILL it at that exact point
# of its commit. It is never set in normal use.
JEDA_UJI = "DASBOR_UJI_JEDA_IMPOR"
TITIK_UJI = ("mulai", "setelah_cadangan", "setelah_hapus", "sebelum_commit", "setelah_commit")


def _titik_uji(nama: str) -> None:
    if os.environ.get(JEDA_UJI) == nama:
        print(f"JEDA {nama}", flush=True)
        time.sleep(600)


class DataBerubahError(RuntimeError):
    """The database changed between checking a file and confirming its import."""


class ImporDitolakError(PermissionError):
    """The signed-in account may not do this for every region it touches (an operator outside its regions)."""


@dataclass
class Pemeriksaan:
    """A checked file: its problems, or the clean tables ready to be written."""

    nama_file: str
    sha256: str
    tahun: int
    masalah: list[MasalahBerkas]
    data: dict[str, pd.DataFrame] = field(default_factory=dict)  # skema columns only, ready for the tables
    wilayah: list[str] = field(default_factory=list)
    stempel: tuple[int, ...] = ()
    # Shown with the preview but not blocking: cleaned cells, perangkat daerah names close to existing ones.
    peringatan: list[MasalahBerkas] = field(default_factory=list)
    perangkat_daerah_baru: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=[k.nama for k in KOLOM_PERANGKAT_DAERAH])
    )

    @property
    def sah(self) -> bool:
        return not self.masalah

    @property
    def baris(self) -> int:
        return sum(len(f) for f in self.data.values())


def tahun_impor(db: Database) -> list[int]:
    """Years a file can be imported for: those in periode and those a rule version covers (a new year is added
    to periode by its first import)."""
    berlaku = {t for m in scoring.semua_metodologi() for t in m.tahun}
    return sorted(berlaku | set(db.query("periode")["tahun"].astype(int)))


def referensi(db: Database, tahun: int) -> Referensi:
    m = metodologi_tahun(db, tahun)
    yandas = m.syarat_yandas.urusan if m.syarat_yandas else ()
    return Referensi(
        wilayah=db.query("wilayah"),
        perangkat_daerah=db.query("perangkat_daerah"),
        indikator=pd.DataFrame(
            {
                "kode_indikator": [i.kode for i in m.indikator],
                "aspek": [i.aspek for i in m.indikator],
                "nama_indikator": [i.nama for i in m.indikator],
            }
        ),
        urusan=tuple(sorted(set(yandas) | set(db.query("urusan")["urusan"]))),
        versi_metodologi=m.versi,
    )


def _data_wilayah_tahun(db: Database, tahun: int, wilayah: list[str]) -> dict[str, pd.DataFrame]:
    data = data_penilaian(db, tahun)
    inovasi = data.inovasi[data.inovasi["kode_wilayah"].isin(wilayah)]
    return {
        "inovasi": inovasi,
        "jawaban_sid": data.jawaban_sid[data.jawaban_sid["id_inovasi"].isin(inovasi["id_inovasi"])],
        "jawaban_spd": data.jawaban_spd[data.jawaban_spd["kode_wilayah"].isin(wilayah)].assign(tahun=tahun),
    }


def ekspor(db: Database, tahun: int, wilayah: list[str]) -> bytes:
    """The wilayah-years as a workbook in the import format; importing it back changes nothing."""
    data = _data_wilayah_tahun(db, tahun, wilayah)
    nama = db.query("wilayah").set_index("kode_wilayah")["nama_wilayah"]
    daftar = ", ".join(nama.get(k, k) for k in wilayah)
    keterangan = f"Ekspor data {daftar} tahun {tahun} dari Dasbor IID Kalsel, {date.today().isoformat()}."
    return write_workbook(data, referensi(db, tahun), tahun, keterangan)


def templat(db: Database, tahun: int) -> bytes:
    kosong = {n: pd.DataFrame(columns=[k.nama for k in kolom]) for n, kolom in LEMBAR_DATA.items()}
    return write_workbook(kosong, referensi(db, tahun), tahun, "Templat kosong. Baca petunjuk ini sebelum mengisi.")


class _Pencatat:
    """Collects semantic problems with their Excel position, from rows of a sheet's frame."""

    def __init__(self, buku: BukuKerja) -> None:
        self.buku = buku
        self.masalah: list[MasalahBerkas] = []

    def baris(self, lembar: str, mask: pd.Series, kolom: str, pesan: Callable[[pd.Series], str]) -> None:
        frame = self.buku.frames[lembar]
        for i in np.flatnonzero(np.asarray(mask)):
            row = frame.iloc[i]
            self.masalah.append(
                MasalahBerkas(pesan(row), lembar, int(row[KOLOM_BARIS]), kolom, self.buku.huruf[lembar].get(kolom))
            )

    def ganda(self, lembar: str, frame: pd.DataFrame, kunci: list[str]) -> None:
        """Rows repeating an earlier row's key, each naming the row it repeats."""
        ganda, pertama = _ganda(frame, kunci)
        self.baris(
            lembar,
            ganda,
            kunci[-1],
            lambda r: (
                f"baris ganda: {' + '.join(kunci)} = {' / '.join(str(r[x]) for x in kunci)} "
                f"sudah ada di baris {int(pertama[r.name])}."
            ),
        )


def _ganda(frame: pd.DataFrame, kunci: list[str]) -> tuple[pd.Series, pd.Series]:
    """Rows repeating an earlier row's key, and the Excel row of that first occurrence."""
    ada = frame[kunci].notna().all(axis=1)
    ganda = frame.duplicated(kunci, keep="first") & ada
    pertama = frame.groupby(kunci, dropna=True)[KOLOM_BARIS].transform("min")
    return ganda, pertama


def _periksa_isi(db: Database, buku: BukuKerja, tahun: int, m: scoring.Metodologi) -> list[MasalahBerkas]:
    """Problems that need the database or several rows: codes, duplicates, orphans, coverage."""
    catat = _Pencatat(buku)
    inovasi, sid, spd = (buku.frames[n] for n in ("inovasi", "jawaban_sid", "jawaban_spd"))
    wilayah = set(db.query("wilayah")["kode_wilayah"])
    opd = _pemilik_perangkat_daerah(db, buku)

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
    # other sheet's data without anyone having asked for that.
    di_inovasi, di_spd = set(inovasi["kode_wilayah"].dropna()) & wilayah, set(spd["kode_wilayah"].dropna()) & wilayah
    for kode in sorted(di_inovasi - di_spd):
        catat.masalah.append(
            MasalahBerkas(
                f"wilayah {kode} ada di lembar inovasi tetapi tidak punya satu pun baris di jawaban_spd. Impor "
                "mengganti seluruh data wilayah-tahun, sehingga jawaban SPD-nya akan terhapus; isi jawaban_spd.",
                "jawaban_spd",
            )
        )
    for kode in sorted(di_spd - di_inovasi):
        catat.masalah.append(
            MasalahBerkas(
                f"wilayah {kode} ada di lembar jawaban_spd tetapi tidak punya satu pun inovasi. Impor mengganti "
                "seluruh data wilayah-tahun, sehingga semua inovasinya akan terhapus; isi lembar inovasi.",
                "inovasi",
            )
        )
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
) -> Pemeriksaan:
    """Check a workbook completely; every problem at once, and nothing written. `wilayah_boleh` are the regions
    the importing account may write (an operator's); None means every region (an admin, the local shell)."""
    periksa = Pemeriksaan(nama_file, hashlib.sha256(isi).hexdigest(), tahun, [], stempel=stempel(db))
    try:
        m = metodologi_tahun(db, tahun)
    except scoring.TahunTidakDikenalError as exc:
        periksa.masalah.append(MasalahBerkas(f"tahun {tahun} tidak dicakup versi aturan mana pun ({exc})."))
        return periksa
    buku = read_workbook(isi, hari_ini)
    periksa.masalah = list(buku.masalah)
    periksa.peringatan = list(buku.catatan)
    if not set(LEMBAR_DATA) <= set(buku.frames):
        return periksa  # a sheet is missing or the file is unreadable: cross-sheet checks would only mislead
    periksa.masalah += _periksa_wilayah_operator(buku, wilayah_boleh)
    masalah_pd, peringatan_pd, periksa.perangkat_daerah_baru = _periksa_perangkat_daerah(db, buku)
    periksa.masalah += masalah_pd
    periksa.peringatan += peringatan_pd
    periksa.masalah += _periksa_isi(db, buku, tahun, m)
    if periksa.masalah:
        return periksa
    data = _tabel_bersih(buku, tahun)
    periksa.masalah += _jaring_pengaman(buku, data, m)
    if not periksa.masalah:
        periksa.data = data
        periksa.wilayah = sorted(set(data["inovasi"]["kode_wilayah"]) | set(data["jawaban_spd"]["kode_wilayah"]))
    return periksa


def _normal(nilai: object) -> object:
    """One cell in a form that compares equal whether it came from the database or from a workbook."""
    if nilai is None or nilai is pd.NA or (isinstance(nilai, float) and np.isnan(nilai)) or nilai is pd.NaT:
        return None
    if isinstance(nilai, pd.Timestamp | date):
        return nilai.isoformat()[:10]
    if isinstance(nilai, np.integer | float | np.floating) and float(nilai).is_integer():
        return int(nilai)
    return nilai


def _sidik_inovasi(inovasi: pd.DataFrame, sid: pd.DataFrame) -> pd.Series:
    """Per id_inovasi, a digest of its profile and all of its SID answers: equal digests mean unchanged."""
    kolom = [k.nama for k in LEMBAR_DATA["inovasi"]]
    jawab = [k.nama for k in LEMBAR_DATA["jawaban_sid"]]
    per_id: dict[str, list[tuple]] = {}
    for row in sid[jawab].itertuples(index=False):
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
    sesudah = scoring.DataPenilaian(
        inovasi=pd.concat([lama.inovasi[~diganti], baru["inovasi"]], ignore_index=True),
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
    skor_lama = scoring.hitung_skor(lama, m, basis).set_index("kode_wilayah")
    skor_baru = scoring.hitung_skor(sesudah, m, basis).set_index("kode_wilayah")
    sidik_lama = _sidik_inovasi(lama.inovasi[diganti], lama.jawaban_sid)
    sidik_baru = _sidik_inovasi(baru["inovasi"], baru["jawaban_sid"])
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
            }
        )
    return Pratinjau(pd.DataFrame(baris), rincian, m.versi, m.rumus_asal.keyakinan, basis)


def _jalankan(cur: object, nama: str, params: dict) -> None:
    for statement in statements(nama):
        cur.execute(statement, params)


def commit_import(db: Database, periksa: Pemeriksaan, pengguna: str) -> int:
    """Write a checked file as one transaction: copy the wilayah-years it replaces, delete them, insert the
    file's rows, log the import. A crash at any point leaves the database as it was before. Returns id_impor."""
    if not periksa.sah:
        raise ValueError("berkas yang bermasalah tidak boleh diimpor")
    m = metodologi_tahun(db, periksa.tahun)
    ringkas = ", ".join(periksa.wilayah)
    keterangan = (
        f"Impor berkas {periksa.nama_file} (SHA-256 {periksa.sha256[:16]}…) oleh {pengguna}: wilayah {ringkas}, "
        f"tahun {periksa.tahun}."
    )
    pesan = (
        f"{ringkas}: {len(periksa.data['inovasi'])} inovasi, {len(periksa.data['jawaban_sid'])} jawaban SID, "
        f"{len(periksa.data['jawaban_spd'])} jawaban SPD"
    )
    with db.transaction() as cur:
        _titik_uji("mulai")
        # Checked against one state of the data; if another import landed since, the preview is stale.
        sekarang = tuple(int(x) for x in cur.execute(sql("stempel_data")).fetchone())
        if sekarang != periksa.stempel:
            raise DataBerubahError("Data di basis data berubah sejak berkas diperiksa. Periksa berkas sekali lagi.")
        [(id_sumber,)] = cur.execute(sql("impor_sumber_data"), {"keterangan": keterangan}).fetchall()
        [(id_impor,)] = cur.execute(
            sql("impor_catat"),
            {
                "pengguna": pengguna,
                "nama_file": periksa.nama_file,
                "sha256": periksa.sha256,
                "tahun": periksa.tahun,
                "baris": periksa.baris,
                "pesan": pesan,
                "id_sumber_data": id_sumber,
            },
        ).fetchall()
        cakupan = pd.DataFrame({"id_impor": id_impor, "kode_wilayah": periksa.wilayah, "tahun": periksa.tahun})
        insert_frame(cur, "impor_cakupan", cakupan)
        _jalankan(cur, "impor_cadangkan", {"id_impor": id_impor})
        _titik_uji("setelah_cadangan")
        _jalankan(cur, "impor_kosongkan", {"id_impor": id_impor})
        _titik_uji("setelah_hapus")
        cur.execute(sql("impor_periode_baru"), {"tahun": periksa.tahun, "versi_metodologi": m.versi})
        insert_frame(cur, "inovasi", periksa.data["inovasi"].assign(id_sumber_data=id_sumber, sumber="templat"))
        insert_frame(cur, "jawaban_sid", periksa.data["jawaban_sid"])
        insert_frame(cur, "jawaban_spd", periksa.data["jawaban_spd"].assign(id_sumber_data=id_sumber))
        if not periksa.perangkat_daerah_baru.empty:
            insert_frame(cur, "perangkat_daerah", periksa.perangkat_daerah_baru)
        _titik_uji("sebelum_commit")
    _titik_uji("setelah_commit")
    return int(id_impor)


def impor_terakhir(db: Database) -> pd.Series | None:
    """The import that "Batalkan impor terakhir" would reverse, or None."""
    terakhir = db.query("impor_terakhir")
    return None if terakhir.empty else terakhir.iloc[0]


def undo_last_import(db: Database, pengguna: str, wilayah_boleh: Collection[str] | None = None) -> int | None:
    """Restore exactly the content the last not-yet-undone import replaced, in one transaction, and log it.
    Returns the id_impor that was undone, or None when there is nothing to undo. An operator (`wilayah_boleh`)
    may undo only an import that touched nothing but its regions: ImporDitolakError otherwise, nothing changed.
    New perangkat daerah an import added stay: they are reference data of no year, and importing the same file
    again finds them unchanged."""
    with db.transaction() as cur:
        terakhir = cur.execute(sql("impor_terakhir")).df()
        if terakhir.empty:
            return None
        id_impor = int(terakhir["id_impor"].iat[0])
        params = {"id_impor": id_impor}
        cakupan = cur.execute(sql("impor_cakupan"), params).df()["kode_wilayah"]
        if alasan := _alasan_tolak_batal(id_impor, cakupan, wilayah_boleh):
            raise ImporDitolakError(alasan)
        _jalankan(cur, "impor_kosongkan", params)
        _jalankan(cur, "impor_pulihkan", params)
        [(n_inovasi,)] = cur.execute(sql("impor_cadangan_jumlah"), params).fetchall()
        cur.execute(
            sql("impor_catat_batal"),
            {
                **params,
                "pengguna": pengguna,
                "baris": int(n_inovasi),
                "pesan": f"Membatalkan impor #{id_impor}; {n_inovasi} inovasi dipulihkan",
            },
        )
    return id_impor


def riwayat(db: Database) -> pd.DataFrame:
    return db.query("impor_log")


def sumber_wilayah(db: Database, tahun: int) -> pd.DataFrame:
    """Per wilayah of a year, the sources its data comes from (demo = synthetic, impor = a named file)."""
    return db.query("sumber_data_wilayah", {"tahun": tahun})


# --- Operator boundaries: an operator imports and undoes only for its own kode_wilayah. ---------------------------


def _periksa_wilayah_operator(buku: BukuKerja, wilayah_boleh: Collection[str] | None) -> list[MasalahBerkas]:
    """Every row of a region the account may not write, by sheet and Excel row (answers follow their innovation,
    so the inovasi rows name them)."""
    if wilayah_boleh is None:
        return []
    boleh = sorted(set(wilayah_boleh))
    milik = ", ".join(boleh) or "tidak ada"
    catat = _Pencatat(buku)
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


def _alasan_tolak_batal(id_impor: int, cakupan: pd.Series, wilayah_boleh: Collection[str] | None) -> str | None:
    if wilayah_boleh is None:
        return None
    di_luar = sorted(set(cakupan) - set(wilayah_boleh))
    if not di_luar:
        return None
    return (
        f"Impor terakhir (#{id_impor}) juga mengganti data wilayah {', '.join(di_luar)}, di luar wilayah akun Anda "
        f"({', '.join(sorted(wilayah_boleh)) or 'tidak ada'}). Hanya admin yang dapat membatalkannya."
    )


def alasan_tolak_batal(db: Database, wilayah_boleh: Collection[str] | None) -> str | None:
    """Why this account may not undo the last import, or None when it may (or there is nothing to undo)."""
    terakhir = impor_terakhir(db)
    if terakhir is None:
        return None
    id_impor = int(terakhir["id_impor"])
    return _alasan_tolak_batal(
        id_impor, db.query("impor_cakupan", {"id_impor": id_impor})["kode_wilayah"], wilayah_boleh
    )


def tahun_bawaan(db: Database) -> int:
    """The year the Impor page offers first: the latest year that holds data."""
    return int(db.query("periode")["tahun"].max())


# --- New perangkat daerah from the optional sheet. --------------------------------------------------------------

MIRIP = 0.85  # difflib ratio from which two perangkat daerah names of one region are worth a second look


def _nama_baku(nama: str) -> str:
    """A name without case, punctuation and spacing differences: 'Dinas  Kesehatan.' == 'dinas kesehatan'."""
    return " ".join(re.sub(r"[^\w\s]", " ", nama.casefold()).split())


def _pemilik_perangkat_daerah(db: Database, buku: BukuKerja) -> pd.Series:
    """kode_wilayah per id_perangkat_daerah: those in the database plus the new ones of the file's own sheet."""
    ada = db.query("perangkat_daerah").set_index("id_perangkat_daerah")["kode_wilayah"]
    baru = buku.frames.get(LEMBAR_PERANGKAT_DAERAH)
    if baru is None or baru.empty:
        return ada
    baru = baru.dropna(subset=["id_perangkat_daerah", "kode_wilayah"]).set_index("id_perangkat_daerah")
    tambahan = baru.loc[~baru.index.isin(ada.index) & ~baru.index.duplicated(), "kode_wilayah"]
    return pd.concat([ada, tambahan])


def _periksa_perangkat_daerah(
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
    catat, ingat = _Pencatat(buku), _Pencatat(buku)
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
        i: _nama_mirip(ada, w, n)
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


def _nama_mirip(ada: pd.DataFrame, kode_wilayah: str, nama: str) -> list[str]:
    """Existing perangkat daerah of the region whose name is the same once normalised, or close by difflib."""
    baku = _nama_baku(nama)
    return [
        f"'{r.nama_perangkat_daerah}' ({r.Index})"
        for r in ada[ada["kode_wilayah"] == kode_wilayah].itertuples()
        if _nama_baku(r.nama_perangkat_daerah) == baku
        or difflib.SequenceMatcher(None, _nama_baku(r.nama_perangkat_daerah), baku).ratio() >= MIRIP
    ]
