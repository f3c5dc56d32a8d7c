"""The demo's innovations as the national portal would export them: one file per pemda and year, with the quirks
of a real export (dasbor/demo/portal_tulis.py), so a new user can try the portal import path on data that
matches the demo database. Synthetic: the file name ends in -SINTETIS and the workbook's properties say so (the
export itself has 19 columns, so no cell carries the label).

Public API:
- `FOLDER` ("portal-demo"), written next to the database file (bawaan data/portal-demo/).
- `nama_berkas(kode_wilayah, tahun)` -> '63.01-2024-SINTETIS.xlsx'.
- `baris_portal(frames, kode_wilayah, tahun)`: one region-year's innovations in the portal's fields, before
  the quirks. Kematangan is the innovation's SID sum on the klaim basis as `scoring.hitung_kematangan` computes
  it (Σ bobot × level_klaim, at most 111), whatever its status: the portal holds what the pemda entered.
- `berkas_portal(frames, kode_wilayah, tahun)`: one region-year's file as bytes.
- `tulis_ekspor_demo(frames, folder, pilihan=None)`: every region-year's file (or those of `pilihan`); returns
  the paths.
- `JALUR_PORTAL`: the region-years the demo database takes in through the portal import path.
"""

from __future__ import annotations

import re
import zlib
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

import scoring
from dasbor.demo.portal_tulis import beri_keanehan, tulis_portal

FOLDER = "portal-demo"
KETERANGAN = (
    "DATA DEMO SINTETIS: ekspor daftar inovasi portal IID rekaan dari basis data demo dasbor ({nama}, {tahun}); "
    "bukan data resmi."
)
BACA_SAYA = (
    "Berkas di folder ini adalah DATA DEMO SINTETIS, dibangkitkan oleh `python -m dasbor demo` dari basis data "
    "demo: ekspor daftar inovasi dalam format portal IID nasional (lembar Data, 19 kolom), {cakupan}, lengkap "
    "dengan keanehan ekspor asli (koma desimal, tautan Google Maps, plus code, spasi ganda, judul kembar "
    "dari dua akun OPD). Coba impor: python -m dasbor impor {contoh} --tahun {tahun} --periksa\n"
)
# Asta Cita (the national priorities since late 2024), as the portal lists them; older years have none.
ASTA_CITA = (
    "Memperkuat pembangunan sumber daya manusia (SDM), sains, teknologi, pendidikan, kesehatan, prestasi "
    "olahraga, kesetaraan gender, serta penguatan peran perempuan, pemuda, dan penyandang disabilitas",
    "Membangun dari desa dan dari bawah untuk pertumbuhan ekonomi, pemerataan ekonomi, dan pemberantasan kemiskinan",
    "Memperkuat reformasi politik, hukum, dan birokrasi, serta memperkuat pencegahan dan pemberantasan korupsi "
    "dan narkoba",
)
TAHUN_ASTA_CITA = 2025
# Region-years the demo database holds only as their portal export, read by the real import path (reader, matcher,
# checks): no indicator answers, no SPD, nothing marked sent, as a pemda that only uploaded the portal's list.
# The newest year; two kab/kota without a published value that year, so the calibration to every published value
# is untouched. Still synthetic data (the rows keep the demo's source): only the path is real.
JALUR_PORTAL = ((2025, "63.04"), (2025, "63.07"))
PUSAT_PROVINSI = "63.72"  # the provincial offices stand in Banjarbaru


def nama_berkas(kode_wilayah: str, tahun: int) -> str:
    return f"{kode_wilayah}-{tahun}-SINTETIS.xlsx"


def _acak(*bagian: object) -> float:
    """A fixed number in [0, 1) per key: the same innovation gets the same draws in every year's file."""
    return zlib.crc32("|".join(map(str, bagian)).encode()) / 2**32


def _akun(singkatan: str, nama_wilayah: str) -> str:
    daerah = re.sub(r"^(kabupaten|kota|provinsi)\s+", "", nama_wilayah.lower())
    return f"{re.sub(r'[^a-z0-9]', '', singkatan.lower())}.{re.sub(r'[^a-z0-9]', '', daerah)}"


def _kematangan(frames: dict[str, pd.DataFrame], tahun: int) -> pd.Series:
    """Klaim SID sum per id_inovasi of one year, by the scoring module, drafts included."""
    inovasi = frames["inovasi"].loc[frames["inovasi"]["tahun"] == tahun]
    jawaban = frames["jawaban_sid"].loc[frames["jawaban_sid"]["tahun"] == tahun]
    data = scoring.DataPenilaian(
        inovasi=inovasi[list(scoring.KOLOM_INOVASI)].assign(status_inovasi="diterima"),
        jawaban_sid=jawaban[list(scoring.KOLOM_SID)],
        jawaban_spd=pd.DataFrame(columns=list(scoring.KOLOM_SPD)),
    )
    hasil = scoring.hitung_kematangan(data, scoring.metodologi_untuk_tahun(tahun), basis="klaim")
    return hasil.set_index("id_inovasi")["kematangan"].clip(upper=111.0)


def baris_portal(
    frames: dict[str, pd.DataFrame], kode_wilayah: str, tahun: int, kematangan: pd.Series | None = None
) -> pd.DataFrame:
    """One region-year's innovations in the portal's fields (see the module docstring). `kematangan` (per
    id_inovasi) saves recomputing the year when writing every region."""
    kematangan = _kematangan(frames, tahun) if kematangan is None else kematangan
    wilayah = frames["wilayah"].set_index("kode_wilayah")
    nama_wilayah = str(wilayah.at[kode_wilayah, "nama_wilayah"])
    pusat = kode_wilayah if pd.notna(wilayah.at[kode_wilayah, "lat"]) else PUSAT_PROVINSI
    lat, lng = float(wilayah.at[pusat, "lat"]), float(wilayah.at[pusat, "lng"])
    pd_ = frames["perangkat_daerah"].set_index("id_perangkat_daerah")
    inovasi = frames["inovasi"]
    inovasi = inovasi.loc[(inovasi["kode_wilayah"] == kode_wilayah) & (inovasi["tahun"] == tahun)]
    baris = []
    for b in inovasi.itertuples():
        u = [_acak(b.id_inovasi, k) for k in range(5)]
        penerapan = b.tanggal_penerapan.date() if pd.notna(b.tanggal_penerapan) else None
        # Developed a year after it was first applied (about half of those applied two years before), so the
        # pengembangan date stays inside the age window and never changes which innovations count.
        kembang = penerapan and penerapan.year <= tahun - 2 and u[0] < 0.5
        singkatan = pd_.at[b.id_perangkat_daerah, "singkatan"] if pd.notna(b.id_perangkat_daerah) else None
        baris.append(
            {
                "id_inovasi": b.id_inovasi,
                "nama_inovasi": b.nama_inovasi,
                "nama_perangkat_daerah": pd_.at[b.id_perangkat_daerah, "nama_perangkat_daerah"]
                if singkatan is not None
                else None,
                "akun_portal": _akun(str(singkatan), nama_wilayah) if singkatan is not None else None,
                "inisiator": b.inisiator,
                "bentuk": b.bentuk,
                "jenis": b.jenis,
                "asta_cita": ASTA_CITA[int(u[1] * len(ASTA_CITA))] if tahun >= TAHUN_ASTA_CITA and u[2] < 0.6 else None,
                "urusan_utama": b.urusan_utama,
                "urusan_lain": b.urusan_lain,
                "kematangan": float(kematangan.get(b.id_inovasi, 0.0)),
                "tahapan": b.tahapan,
                "tanggal_input": date(tahun, 1 + int(u[3] * 6), 1 + int(u[4] * 28)),
                "tanggal_penerapan": penerapan,
                "tanggal_pengembangan": date(penerapan.year + 1, penerapan.month, penerapan.day) if kembang else None,
                "lintang": round(lat + (u[1] - 0.5) / 10, 6),
                "bujur": round(lng + (u[2] - 0.5) / 10, 6),
                "ada_video": pd.notna(b.tautan_video),
                "tautan_video": b.tautan_video,
            }
        )
    return pd.DataFrame(baris)


def berkas_portal(
    frames: dict[str, pd.DataFrame],
    kode_wilayah: str,
    tahun: int,
    kematangan: pd.Series | None = None,
    nama_wilayah: str | None = None,
) -> bytes | None:
    """One region-year's export file, quirks included (None when it has no innovation): the bytes written to the
    folder, and what the build imports for the region-years of JALUR_PORTAL."""
    baris = baris_portal(frames, kode_wilayah, tahun, kematangan)
    if baris.empty:
        return None
    if nama_wilayah is None:
        nama_wilayah = str(frames["wilayah"].set_index("kode_wilayah").at[kode_wilayah, "nama_wilayah"])
    berkas = beri_keanehan(baris.drop(columns="id_inovasi"), seed=zlib.crc32(f"{kode_wilayah}-{tahun}".encode()))
    return tulis_portal(berkas, nama_wilayah, KETERANGAN.format(nama=nama_wilayah, tahun=tahun))


def tulis_ekspor_demo(
    frames: dict[str, pd.DataFrame], folder: Path, pilihan: tuple[tuple[int, str], ...] | None = None
) -> list[Path]:
    """Write every region-year's portal export (with quirks), or those of `pilihan` (tahun, kode_wilayah): the
    synthetic country's 3 312 would take minutes, into `folder`; earlier demo exports there are replaced. Returns
    the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    for lama in folder.glob("*-SINTETIS.xlsx"):
        lama.unlink()
    nama = dict(zip(frames["wilayah"]["kode_wilayah"], frames["wilayah"]["nama_wilayah"], strict=True))
    ditulis = []
    for tahun in sorted(int(t) for t in np.unique(frames["inovasi"]["tahun"])):
        kode_tahun = [k for t, k in pilihan if t == tahun] if pilihan is not None else frames["wilayah"]["kode_wilayah"]
        if not len(kode_tahun):
            continue
        kematangan = _kematangan(frames, tahun)
        for kode in kode_tahun:
            isi = berkas_portal(frames, kode, tahun, kematangan, nama[kode])
            if isi is None:
                continue
            path = folder / nama_berkas(kode, tahun)
            path.write_bytes(isi)
            ditulis.append(path)
    if ditulis:
        # The example to try: the newest year's first kab/kota file.
        tahun = max(int(p.name.split("-")[-2]) for p in ditulis)
        terbaru = [p.name for p in ditulis if f"-{tahun}-" in p.name]
        contoh = next((n for n in terbaru if "." in n.split("-")[0]), terbaru[0])
        cakupan = (
            "satu berkas per pemda dan tahun"
            if pilihan is None
            else "satu berkas per pemda-tahun yang masuk ke basis data demo lewat jalur portal"
        )
        (folder / "BACA-SAYA.txt").write_text(
            BACA_SAYA.format(contoh=contoh, tahun=tahun, cakupan=cakupan), encoding="utf-8"
        )
    return ditulis
