"""Display tables of the Kelengkapan, Simulasi and Inovasi pages: service frames in, Indonesian columns out.

Numbers stay numbers (so a clicked column header sorts 10 after 9 and the CSV/Excel downloads hold numbers);
the page shows them the Indonesian way (67,04) through a pandas Styler built from format_kolom() at display time,
because st.dataframe's own number formats follow no Indonesian locale. Missing levels are shown as "–".
The editable tables of Simulasi (st.data_editor, which takes no Styler) show their read-only numbers as text.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dasbor.services.celah import DI_PORTAL, JENIS_CELAH, PERBAIKAN
from dasbor.services.daftar_kerja import KOLOM_DAFTAR, STATUS_BUKTI, daftar_kerja
from dasbor.ui import unduh
from dasbor.visual.format import angka, bilangan


def _poin(v: float) -> str:
    return angka(v, 3)  # a single SID fix in a large region is worth thousandths of a point


# Column header -> how the page shows its numbers. Headers not listed are text or whole counts.
FORMAT: dict[str, Callable[[float], str]] = {
    "Poin IID": _poin,
    KOLOM_DAFTAR["nilai_perbaikan"]: _poin,
    KOLOM_DAFTAR["nilai_saran"]: _poin,
    KOLOM_DAFTAR["kematangan"]: bilangan,
    "IID sesudahnya (belum dibulatkan)": _poin,
    "Nilai input ulang terbesar (poin IID)": _poin,
    "Nilai celah bukti inovasi itu (poin IID)": _poin,
    "Bobot": angka,
    "Skor (bobot × diakui)": angka,
    "IID": angka,
    "Kurang (poin)": angka,
    "Klaim": bilangan,
    "Terverifikasi": bilangan,
    "Diakui": bilangan,
    "Kematangan": bilangan,
    KOLOM_DAFTAR["level_klaim"]: bilangan,
    KOLOM_DAFTAR["level_diakui"]: bilangan,
    KOLOM_DAFTAR["level_sasaran"]: bilangan,
}


def format_kolom(tabel: pd.DataFrame) -> dict[str, Callable[[float], str]]:
    """The display formats of the table's number columns (for unduh.dataframe(format_kolom=…))."""
    return {k: f for k, f in FORMAT.items() if k in tabel.columns}


def tampilkan(tabel: pd.DataFrame, *, nama: str, key: str, **argumen):
    """unduh.dataframe of a display table: its number columns in their Indonesian formats, no index."""
    return unduh.dataframe(tabel, nama=nama, key=key, format_kolom=format_kolom(tabel), hide_index=True, **argumen)


def arti_celah() -> pd.DataFrame:
    """Every gap kind of the catalogue: what fixing it means (and how it is priced), and what to do in the portal."""
    return (
        pd.DataFrame({"Arti perbaikan dan nilainya": PERBAIKAN, "Yang dikerjakan di portal": DI_PORTAL})
        .rename(index=JENIS_CELAH)
        .rename_axis("Jenis celah")
    )


def perangkat_daerah(ringkas: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Perangkat daerah": ringkas["nama_perangkat_daerah"],
            "Celah": ringkas["jumlah"],
            "Poin IID": ringkas["poin"],
            "Draft/ditolak": ringkas["status"],
        }
    )


def indikator_spd(celah: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Indikator": celah["kode_indikator"] + " " + celah["nama_indikator"],
            "Celah": celah["jenis_celah"].map(JENIS_CELAH),
            "Yang kurang": celah["yang_kurang"],
            "Poin IID": celah["nilai_perbaikan"],
        }
    )


def inovasi_bercelah(daftar: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Inovasi": daftar["nama_inovasi"],
            "Status": daftar["status_inovasi"],
            "Celah": daftar["jumlah"],
            "Poin IID": daftar["poin"],
        }
    )


def indikator_inovasi(jawaban: pd.DataFrame) -> pd.DataFrame:
    """services.kelengkapan.jawaban_inovasi as shown: levels, evidence, the gap and its worth per indicator."""
    return pd.DataFrame(
        {
            "Indikator": jawaban["kode_indikator"] + " " + jawaban["nama_indikator"],
            "Wajib": jawaban["wajib"].map({True: "ya", False: ""}),
            "Bobot": jawaban["bobot"].astype(float),
            "Klaim": jawaban["level_klaim"].astype(float),
            "Terverifikasi": jawaban["level_verifikasi"].astype(float),
            "Diakui": jawaban["level_diakui"].astype(float),
            "Bukti": jawaban["status_bukti"].map(STATUS_BUKTI).fillna("tidak diisi"),
            "Skor (bobot × diakui)": jawaban["skor"].astype(float),
            "Celah": jawaban["jenis_celah"],
            "Nilai perbaikan (poin IID)": jawaban["nilai_perbaikan"].astype(float),
        }
    )


def daftar(celah: pd.DataFrame) -> pd.DataFrame:
    """The worklist (services.daftar_kerja.daftar_kerja) with empty texts blank; numbers stay numbers."""
    tampil = daftar_kerja(celah)
    teks = tampil.select_dtypes(exclude="number").columns
    tampil[teks] = tampil[teks].fillna("")
    return tampil


def _jalan_ringkas(baris: pd.Series) -> str:
    if pd.isna(baris["predikat_berikut"]):
        return ""
    if baris["tercapai"]:
        return f"{bilangan(baris['jumlah_perbaikan'])} perbaikan → {angka(baris['iid_sesudah'])}"
    return f"tidak cukup (semua perbaikan: +{angka(baris['poin_semua_perbaikan'])})"


def jalan_tercepat(jalan: pd.DataFrame) -> pd.DataFrame:
    """Per region: band now, next band and the distance, the fastest set of fixes, divisor seats, yandas urusan."""
    ada_berikut = jalan["predikat_berikut"].notna()
    return pd.DataFrame(
        {
            "Wilayah": jalan["nama_wilayah"],
            "IID": jalan["iid"],
            "Predikat": jalan["predikat"],
            "Predikat berikutnya": jalan["predikat_berikut"].where(ada_berikut, "— (sudah tertinggi)"),
            "Kurang (poin)": jalan["kurang_poin"].where(ada_berikut),
            "Perbaikan tercepat": jalan.apply(_jalan_ringkas, axis=1),
            "Inovasi lengkap lagi agar pembagi bukan minimum": jalan["kursi_kosong"],
            "Urusan yandas belum tercakup": jalan["urusan_yandas_kurang"].map(
                lambda u: "; ".join(u) if len(u) else "lengkap"
            ),
        }
    )


def _indikator(celah: pd.DataFrame) -> list[str]:
    """The indicator a fix is on; a portal-only innovation is raised through its kematangan, not one indicator."""
    return [
        f"{k} {n}" if isinstance(k, str) and k else "Kematangan (ekspor portal)"
        for k, n in zip(celah["kode_indikator"], celah["nama_indikator"], strict=True)
    ]


def rincian_jalan(rincian: pd.DataFrame, iid_mentah: float) -> pd.DataFrame:
    """The chosen fixes in order, with the unrounded IID after each one (worths add up exactly)."""
    return pd.DataFrame(
        {
            "Urutan": rincian["urutan"],
            "Perangkat daerah": rincian["nama_perangkat_daerah"],
            "Inovasi": rincian["nama_inovasi"].fillna(""),
            "Indikator": _indikator(rincian),
            "Yang kurang": rincian["yang_kurang"],
            "Poin IID": rincian["nilai_perbaikan"],
            "IID sesudahnya (belum dibulatkan)": iid_mentah + rincian["nilai_perbaikan"].cumsum(),
        }
    )


def komitmen(komitmen: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Perangkat daerah": komitmen["nama_perangkat_daerah"],
            "Inovasi dilaporkan": komitmen["dilaporkan"],
            "Draft belum dikirim": komitmen["draft"],
            "Memenuhi komitmen": komitmen["memenuhi"].map({True: "ya", False: "belum"}),
        }
    )


def rubrik(katalog_baris: pd.Series) -> pd.DataFrame:
    """Levels 1–3 of one indicator with the evidence that proves each (Metodologi.katalog())."""
    return pd.DataFrame(
        {
            "Level": [1, 2, 3],
            "Parameter": [katalog_baris[f"level_{n}"] for n in (1, 2, 3)],
            "Bukti dukung yang membuktikan": [katalog_baris[f"bukti_{n}"] for n in (1, 2, 3)],
        }
    )


def pilihan_bukti(celah: pd.DataFrame, diperbaiki: set[str]) -> pd.DataFrame:
    """The region's answer gaps with a 'Diperbaiki' box (ticked when the scenario fixes it), highest worth first."""
    return pd.DataFrame(
        {
            "Diperbaiki": celah["id_celah"].isin(diperbaiki).to_numpy(),
            "Perangkat daerah": celah["nama_perangkat_daerah"].to_numpy(),
            "Inovasi": celah["nama_inovasi"].fillna("").to_numpy(),
            "Indikator": _indikator(celah),
            "Yang kurang": celah["yang_kurang"].to_numpy(),
            "Poin IID": celah["nilai_perbaikan"].map(_poin).to_numpy(),
        }
    )


def level_jawaban(jawaban: pd.DataFrame) -> pd.DataFrame:
    """services.simulasi.jawaban_untuk_diubah with an editable 'Level simulasi' column."""
    return pd.DataFrame(
        {
            "Indikator": (jawaban["kode_indikator"] + " " + jawaban["nama_indikator"]).to_numpy(),
            "Klaim": jawaban["level_klaim"].astype(int).to_numpy(),
            "Diakui sekarang": jawaban["level_diakui"].astype(int).to_numpy(),
            "Level simulasi": jawaban["level_simulasi"].astype(int).to_numpy(),
        }
    )


def pilihan_kirim(inovasi: pd.DataFrame, kirim: dict[str, bool]) -> pd.DataFrame:
    """The region's innovations (simulasi.inovasi_kirim) with a 'Dikirim' box: in the submission the IID is computed
    on, unless the scenario switches it."""
    return pd.DataFrame(
        {
            "Dikirim": [kirim.get(i, n) for i, n in zip(inovasi["id_inovasi"], inovasi["dikirim"], strict=True)],
            "Inovasi": inovasi["nama_inovasi"].to_numpy(),
            "Status sebenarnya": inovasi["status_inovasi"].to_numpy(),
            "Kematangan": inovasi["kematangan"].map(bilangan).to_numpy(),
            "Urusan": inovasi["urusan_utama"].to_numpy(),
        }
    )


def daftar_inovasi(inovasi: pd.DataFrame) -> pd.DataFrame:
    """Search results of the innovation explorer (services.kelengkapan.Kelengkapan.inovasi rows)."""
    return pd.DataFrame(
        {
            "Inovasi": inovasi["nama_inovasi"].to_numpy(),
            "Perangkat daerah": inovasi["nama_perangkat_daerah"].fillna("—").to_numpy(),
            "Urusan": inovasi["urusan_utama"].to_numpy(),
            "Tahapan": inovasi["tahapan"].to_numpy(),
            "Jenis": inovasi["jenis"].to_numpy(),
            "Status": inovasi["status_inovasi"].to_numpy(),
            "Kematangan": inovasi["kematangan"].astype(float).to_numpy(),
            "Celah": inovasi["jumlah_celah"].to_numpy(),
            "Poin IID": inovasi["poin_celah"].astype(float).to_numpy(),
        }
    )
