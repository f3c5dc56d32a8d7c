"""The import format written back: an empty template for a year, and any wilayah-year exported so that importing
it again changes nothing."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dasbor.db.connection import Database
from dasbor.excel.skema import LEMBAR_DATA
from dasbor.excel.write import Referensi, write_workbook
from dasbor.lingkup import lingkup
from dasbor.services.skor import data_penilaian, metodologi_tahun


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
    keterangan = f"Ekspor data {daftar} tahun {tahun} dari {lingkup().judul_aplikasi}, {date.today().isoformat()}."
    return write_workbook(data, referensi(db, tahun), tahun, keterangan)


def templat(db: Database, tahun: int) -> bytes:
    kosong = {n: pd.DataFrame(columns=[k.nama for k in kolom]) for n, kolom in LEMBAR_DATA.items()}
    return write_workbook(kosong, referensi(db, tahun), tahun, "Templat kosong. Baca petunjuk ini sebelum mengisi.")
