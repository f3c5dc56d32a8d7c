"""The portal's own counters of a pemda-year (issue 23 §7): what its innovation page shows (Dilaporkan, Dikirim,
Skor Jumlah Inovasi, Inisiatif, Uji Coba, Penerapan, and the "Pengukuran Mandiri" index with its date), typed by
an admin or the pemda's operator, stored (migration 005) and set beside the dashboard's own numbers with every
difference flagged. The skor jumlah inovasi is checked against the year's rule file (poin per inovasi × MIN(dikirim,
batas)), never a literal."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pandas as pd

import scoring
from dasbor.db.connection import Database, sql
from dasbor.services.db import penulis
from dasbor.services.skor import metodologi_tahun, nilai_tahun
from dasbor.services.usia import DITANDAI
from dasbor.visual.format import angka

ANGKA_BULAT = ("dilaporkan", "dikirim", "inisiatif", "uji_coba", "penerapan")
KOLOM = (*ANGKA_BULAT, "skor_jumlah_inovasi", "indeks_mandiri", "tanggal_indeks")
LABEL = {
    "dilaporkan": "Dilaporkan",
    "dikirim": "Dikirim",
    "skor_jumlah_inovasi": "Skor Jumlah Inovasi",
    "inisiatif": "Inisiatif",
    "uji_coba": "Uji Coba",
    "penerapan": "Penerapan",
    "indeks_mandiri": "Pengukuran Mandiri (indeks)",
}
TOLERANSI = 0.005  # the portal shows two decimals


class PenghitungDitolakError(ValueError):
    """Counters that cannot be stored: a negative or non-whole count, an index outside 0–100, another pemda."""


def simpan_penghitung(
    tahun: int,
    kode_wilayah: str,
    nilai: dict[str, object],
    pengguna: str,
    wilayah_boleh: Collection[str] | None = None,
) -> None:
    """Store one pemda-year's counters as typed (None = not typed) under the writer lock, logged in the history and
    published; PenghitungDitolakError names what is wrong, nothing written."""
    if wilayah_boleh is not None and kode_wilayah not in set(wilayah_boleh):
        raise PenghitungDitolakError(
            f"Wilayah {kode_wilayah} di luar wilayah akun Anda; operator hanya mengisi penghitung pemdanya sendiri."
        )
    salah = []
    for k in ANGKA_BULAT:
        v = nilai.get(k)
        if v is not None and (float(v) < 0 or not float(v).is_integer()):
            salah.append(f"{LABEL[k]} harus bilangan bulat ≥ 0 (diisi {v})")
    if (v := nilai.get("skor_jumlah_inovasi")) is not None and float(v) < 0:
        salah.append(f"Skor Jumlah Inovasi tidak boleh negatif (diisi {v})")
    if (v := nilai.get("indeks_mandiri")) is not None and not 0 <= float(v) <= 100:
        salah.append(f"Pengukuran Mandiri harus 0–100 (diisi {v})")
    if salah:
        raise PenghitungDitolakError("; ".join(salah) + ". Tidak ada yang disimpan.")
    params = {k: nilai.get(k) for k in KOLOM}
    for k in ANGKA_BULAT:
        params[k] = None if params[k] is None else int(float(params[k]))
    ringkas = ", ".join(f"{LABEL.get(k, k)} {v}" for k, v in params.items() if v is not None)
    with penulis() as db, db.transaction() as cur:
        cur.execute(
            sql("penghitung_portal_simpan"),
            {**params, "kode_wilayah": kode_wilayah, "tahun": tahun, "pengguna": pengguna},
        )
        cur.execute(
            sql("penghitung_portal_catat"),
            {
                "pengguna": pengguna,
                "tahun": tahun,
                "pesan": f"Penghitung portal {kode_wilayah}: {ringkas or 'dikosongkan'}",
            },
        )


def penghitung_tersimpan(db: Database, tahun: int, kode_wilayah: str) -> pd.Series | None:
    """The counters typed for the pemda-year, or None."""
    semua = db.query("penghitung_portal", {"tahun": tahun})
    baris = semua[semua["kode_wilayah"] == kode_wilayah]
    return None if baris.empty else baris.iloc[0]


def skor_jumlah_aturan(m: scoring.Metodologi, dikirim: float) -> float:
    """The year's skor jumlah inovasi for `dikirim` sent innovations, from the rule file (yandas gate aside)."""
    return m.poin_per_inovasi * min(dikirim, m.batas_inovasi)


def bandingkan(db: Database, tahun: int, kode_wilayah: str) -> pd.DataFrame:
    """Per counter: the portal's value (as typed), ours, and whether they differ (`beda`) with a note saying how
    ours is counted. Ours: innovations reported this year, those marked sent (or counted as sent where nothing is
    marked), skor jumlah inovasi and IID from the one rule (services.skor), counts per tahapan of all reported."""
    m = metodologi_tahun(db, tahun)
    portal = penghitung_tersimpan(db, tahun, kode_wilayah)
    inovasi = db.query("inovasi_tahun", {"tahun": tahun})
    inovasi = inovasi[inovasi["kode_wilayah"] == kode_wilayah]
    skor = nilai_tahun(db, tahun).set_index("kode_wilayah")
    s = skor.loc[kode_wilayah] if kode_wilayah in skor.index else None
    ditandai = int(inovasi["status_inovasi"].isin(DITANDAI).sum())
    semua_layak = s is not None and bool(s["semua_layak_dikirim"])
    tahapan = inovasi["tahapan"].value_counts()
    kita = {
        "dilaporkan": (len(inovasi), "inovasi tahun ini di dasbor (semua status)"),
        "dikirim": (
            (int(s["n_inovasi"]), "belum ada yang ditandai: yang memenuhi aturan usia dihitung terkirim")
            if semua_layak
            else (ditandai, "bertanda dikirim, diterima atau ditolak")
        ),
        "skor_jumlah_inovasi": (
            float(s["skor_jumlah_inovasi"]) if s is not None else None,
            f"aturan {m.versi}: {angka(m.poin_per_inovasi)} × MIN(dikirim, {m.batas_inovasi})"
            + (", dengan syarat urusan pelayanan dasar" if m.syarat_yandas is not None else ""),
        ),
        "inisiatif": (int(tahapan.get("inisiatif", 0)), "tahapan inisiatif"),
        "uji_coba": (int(tahapan.get("uji coba", 0)), "tahapan uji coba"),
        "penerapan": (int(tahapan.get("penerapan", 0)), "tahapan penerapan"),
        "indeks_mandiri": (
            float(s["iid"]) if s is not None and bool(s["ada_spd"]) else None,
            "IID hitungan dasbor" if s is not None and bool(s["ada_spd"]) else "dasbor: SPD belum diisi, tanpa IID",
        ),
    }
    baris = []
    for k, (nilai_kita, cara) in kita.items():
        nilai_portal = None if portal is None or pd.isna(portal[k]) else float(portal[k])
        beda = nilai_portal is not None and nilai_kita is not None and abs(nilai_portal - nilai_kita) > TOLERANSI
        baris.append(
            {
                "penghitung": LABEL[k],
                "portal": nilai_portal,
                "dasbor": nilai_kita,
                "beda": beda,
                "catatan": cara,
                "bulat": k in ANGKA_BULAT,
            }
        )
    if portal is not None and pd.notna(portal["dikirim"]) and pd.notna(portal["skor_jumlah_inovasi"]):
        harus = skor_jumlah_aturan(m, float(portal["dikirim"]))
        beda = abs(float(portal["skor_jumlah_inovasi"]) - harus) > TOLERANSI
        baris.append(
            {
                "penghitung": "Skor Jumlah Inovasi portal menurut aturan",
                "portal": float(portal["skor_jumlah_inovasi"]),
                "dasbor": harus,
                "beda": beda,
                "catatan": f"{angka(m.poin_per_inovasi)} × MIN({int(portal['dikirim'])} dikirim portal, {m.batas_inovasi}) "
                f"= {angka(harus)} (aturan {m.versi}, keyakinan {m.jumlah_asal.keyakinan})",
                "bulat": False,
            }
        )
    return pd.DataFrame(baris)


def tanggal_indeks(portal: pd.Series | None) -> date | None:
    """When the portal last updated its "Pengukuran Mandiri" index, as typed."""
    if portal is None or pd.isna(portal["tanggal_indeks"]):
        return None
    return pd.Timestamp(portal["tanggal_indeks"]).date()
