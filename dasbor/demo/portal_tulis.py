"""Write an innovation list as the national IID portal exports it (sheet `Data`, 19 text columns; see
dasbor/excel/portal.py and ../shared/reference/portal-ekspor.md). For tests, the demo and anyone who needs a
portal file without the portal; the dashboard itself never sends files to the portal.

Public API (stable):
- `tulis_portal(baris, nama_pemda, keterangan=None) -> bytes`: one .xlsx. `baris` has the columns `read_portal` returns
  (`KOLOM_BARIS_PORTAL` without `_baris`; any may be missing, missing = "-"), in our vocabulary. Every cell is
  written as text, as the portal does: `-` for empty, dates `dd-mm-yyyy`, kematangan `85.00`, `Admin OPD` as
  `NAMA OPD (akun)`, coordinates `lintang, bujur` with dot decimals (or `koordinat_teks` when there is no pair).
  Optional columns written instead of the derived text, so a test can set exactly what a cell holds:
  `judul` (Judul Inovasi), `admin_opd`, `koordinat`, `pemda` (a per-row Pemda, for mixed files) and
  `nama_inisiator`.
- `beri_keanehan(baris, seed) -> DataFrame`: the same innovations dressed with the quirks of a real export:
  coordinates with comma decimals, as Google Maps links and as plus codes (those lose their pair and keep the
  text); double spaces in `Admin OPD` and titles; and for about one row in forty a second row with the same
  title in another case entered by another OPD account (column `kembar`: True on those copies). Its data columns hold what `read_portal` must give back; the override columns hold
  what is written.
- `admin_opd`, `koordinat_titik`, `koordinat_koma`, `tautan_maps`, `plus_code`: the cell spellings themselves.
"""

from __future__ import annotations

import io
import zlib
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook

from dasbor.excel.portal import (
    BENTUK,
    FORMAT_TANGGAL,
    INISIATOR,
    JENIS,
    JUDUL_PORTAL,
    KOSONG,
    LEMBAR_PORTAL,
    TAHAPAN,
    VIDEO,
)
from dasbor.excel.portal_nilai import rapikan
from dasbor.excel.write import _isi

# Our vocabulary -> the portal's spelling, per column.
KEMBALI = {
    kolom: {v: k for k, v in peta.items()}
    for kolom, peta in (("inisiator", INISIATOR), ("bentuk", BENTUK), ("jenis", JENIS), ("tahapan", TAHAPAN))
}
PLUS = "23456789CFGHJMPQRVWX"  # the Open Location Code alphabet


def _ada(nilai: Any) -> bool:
    if nilai is None:
        return False
    try:
        return not bool(pd.isna(nilai))
    except (TypeError, ValueError):
        return True


def admin_opd(nama: str, akun: str | None) -> str:
    return f"{nama} ({akun})" if akun else nama


def koordinat_titik(lintang: float, bujur: float) -> str:
    return f"{lintang}, {bujur}"


def koordinat_koma(lintang: float, bujur: float) -> str:
    return f"{str(lintang).replace('.', ',')}, {str(bujur).replace('.', ',')}"


def tautan_maps(lintang: float, bujur: float) -> str:
    return f"https://www.google.com/maps/place/Kantor/@{lintang},{bujur},17z/data=!3m1!4b1"


def plus_code(lintang: float, bujur: float, tempat: str) -> str:
    """A plus-code-shaped place ('6PC2+7M Pelaihari, …'); the reader cannot turn it into a pair, as for real."""
    kode = zlib.crc32(f"{lintang:.4f},{bujur:.4f}".encode())
    huruf = "".join(PLUS[(kode >> (5 * i)) % 20] for i in range(6))
    return f"{huruf[:4]}+{huruf[4:]} {tempat}"


def _tanggal(nilai: Any) -> str:
    if isinstance(nilai, pd.Timestamp | datetime):
        nilai = nilai.date()
    return nilai.strftime(FORMAT_TANGGAL) if isinstance(nilai, date) else str(nilai)


def _sel(b: dict[str, Any], nama_pemda: str, no: int) -> list[str]:
    """The 19 cells of one innovation, as text."""

    def ambil(kolom: str) -> Any:
        nilai = b.get(kolom)
        return nilai if _ada(nilai) else None

    def teks(kolom: str, ubah: Any = str) -> str:
        nilai = ambil(kolom)
        return KOSONG if nilai is None else ubah(nilai)

    if ambil("koordinat") is not None:
        koordinat = str(b["koordinat"])
    elif ambil("lintang") is not None and ambil("bujur") is not None:
        koordinat = koordinat_titik(float(b["lintang"]), float(b["bujur"]))
    else:
        koordinat = teks("koordinat_teks")
    admin = ambil("admin_opd")
    if admin is None and ambil("nama_perangkat_daerah") is not None:
        admin = admin_opd(str(b["nama_perangkat_daerah"]), ambil("akun_portal"))
    video = {v: k for k, v in VIDEO.items()}
    return [
        str(no),
        str(ambil("judul") or ambil("nama_inovasi") or KOSONG),
        str(ambil("pemda") or nama_pemda),
        admin or KOSONG,
        teks("inisiator", lambda v: KEMBALI["inisiator"].get(v, v)),
        teks("nama_inisiator"),
        teks("bentuk", lambda v: KEMBALI["bentuk"].get(v, v)),
        teks("jenis", lambda v: KEMBALI["jenis"].get(v, v)),
        teks("asta_cita"),
        teks("urusan_utama"),
        teks("urusan_lain"),
        teks("kematangan", lambda v: f"{float(v):.2f}"),
        teks("tahapan", lambda v: KEMBALI["tahapan"].get(v, v)),
        teks("tanggal_input", _tanggal),
        teks("tanggal_penerapan", _tanggal),
        teks("tanggal_pengembangan", _tanggal),
        koordinat,
        teks("ada_video", lambda v: video[bool(v)]),
        teks("tautan_video"),
    ]


def tulis_portal(baris: pd.DataFrame, nama_pemda: str, keterangan: str | None = None) -> bytes:
    """The innovations as a portal export, every cell text (see the module docstring). `keterangan` goes into
    the workbook's properties (title and description), never into a cell: the export has 19 columns only."""
    wb = Workbook()
    if keterangan:
        wb.properties.title = wb.properties.description = keterangan
    ws = wb.active
    ws.title = LEMBAR_PORTAL
    for j, judul in enumerate(JUDUL_PORTAL, start=1):
        _isi(ws.cell(row=1, column=j), judul)
    for i, b in enumerate(baris.to_dict("records")):
        for j, nilai in enumerate(_sel(b, nama_pemda, i + 1), start=1):
            _isi(ws.cell(row=i + 2, column=j), nilai)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _spasi_ganda(teks: str, u: float) -> str:
    """The same text with one space doubled (where depends on u), as typed into the portal."""
    kata = teks.split(" ")
    if len(kata) < 2:
        return teks + " "
    k = 1 + int(u * (len(kata) - 1))
    return " ".join(kata[:k]) + "  " + " ".join(kata[k:])


def beri_keanehan(baris: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """The innovations with a real export's quirks (see the module docstring); deterministic for a seed."""
    rng = np.random.default_rng(seed)
    hasil = baris.reset_index(drop=True).copy()
    for kolom in ("judul", "admin_opd", "koordinat", "lintang", "bujur", "koordinat_teks"):
        if kolom not in hasil:
            hasil[kolom] = None
    hasil = hasil.astype(dict.fromkeys(("judul", "admin_opd", "koordinat", "koordinat_teks"), object))
    hasil["kembar"] = False
    n = len(hasil)
    u_koordinat, u_spasi, u_posisi = rng.random(n), rng.random(n), rng.random(n)
    for i in range(n):
        b = hasil.loc[i]
        if _ada(b["lintang"]) and _ada(b["bujur"]):
            lintang, bujur = float(b["lintang"]), float(b["bujur"])
            if u_koordinat[i] < 0.10:
                hasil.at[i, "koordinat"] = koordinat_koma(lintang, bujur)
            elif u_koordinat[i] < 0.17:
                hasil.at[i, "koordinat"] = tautan_maps(lintang, bujur)
            elif u_koordinat[i] < 0.22:
                teks = plus_code(lintang, bujur, "Kantor Pemda")
                hasil.loc[i, ["koordinat", "koordinat_teks", "lintang", "bujur"]] = [teks, teks, None, None]
        if _ada(b.get("nama_perangkat_daerah")) and u_spasi[i] < 0.3:
            hasil.at[i, "admin_opd"] = admin_opd(
                _spasi_ganda(str(b["nama_perangkat_daerah"]), u_posisi[i]), b.get("akun_portal")
            )
        if _ada(b.get("nama_inovasi")) and 0.3 <= u_spasi[i] < 0.4:
            hasil.at[i, "judul"] = _spasi_ganda(str(b["nama_inovasi"]), u_posisi[i])
    if n >= 2 and "nama_perangkat_daerah" in hasil:
        asal = rng.choice(n, max(1, n // 40), replace=False)
        kembar = []
        for j in sorted(int(x) for x in asal):
            lain = hasil.loc[(j + 1 + int(rng.integers(n - 1))) % n]  # another row's OPD and account
            salinan = hasil.loc[j].copy()
            salinan["judul"] = str(salinan["nama_inovasi"]).upper()
            salinan["nama_inovasi"] = rapikan(salinan["judul"])
            salinan["nama_perangkat_daerah"] = lain["nama_perangkat_daerah"]
            salinan["akun_portal"] = lain.get("akun_portal")
            salinan["admin_opd"] = None
            salinan["kembar"] = True
            if "kematangan" in hasil and _ada(salinan["kematangan"]):
                salinan["kematangan"] = round(float(salinan["kematangan"]) / 2, 2)
            kembar.append(salinan)
        hasil = pd.concat([hasil, pd.DataFrame(kembar)], ignore_index=True)
        # Entered later by the other account, the copies sit among the rows, not at the end.
        hasil = hasil.iloc[rng.permutation(len(hasil))].reset_index(drop=True)
    return hasil
