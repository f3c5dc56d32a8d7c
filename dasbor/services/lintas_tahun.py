"""Innovations across years: the re-check the provincial bimtek exists for ("pengecekan kembali inovasi-inovasi
daerah yang mungkin belum terinput atau terupdate"), as two gap kinds priced in IID points like the others.

- belum_diinput_ulang: submitted last year (sent, whatever the verdict), still admitted this year by the year's
  age rule (scoring AturanUsia), and missing from this year's submission or still a draft. Worth = the region's
  IID with the innovation re-entered exactly as it was last year (its status and answers, so its verified levels
  count, or its portal kematangan) minus the IID now: entered as a draft (which moves nothing) and then given
  last year's status (scoring.iid_ubah_status, exact). Re-entering moves n, the divisor MAX(k, n), the jumlah term and
  the yandas gate, so the worth can be negative: an innovation weaker than the region's average lowers the
  average more than its jumlah points add.
- belum_diperbarui: submitted again with every answer (indicator, level klaim, status bukti) identical to last
  year's. Worth = its open evidence gaps, priced as for any other submission: Σ over its answers of the levels
  claimed but not counted × poin_per_level (scoring.kontribusi), the sum of its bukti_* and
  klaim_di_atas_verifikasi rows in the Kelengkapan worklist. Those rows stay in the worklist; this one only
  names the innovation, so it is not additive (jalan tercepat must not count the same points twice).

Pure pandas and the scoring module; the database is read only by `lintas_tahun_db`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.services.katalog_celah import katalog
from dasbor.services.skor import data_dinilai, data_penilaian, metodologi_tahun
from dasbor.services.usia import layak_usia
from dasbor.visual.format import angka, bilangan
from scoring.anggota import ada_di

# Gaps are the distance between what a region claimed and what Kemendagri counts, so they are always priced
# on the verified basis (on basis 'klaim' every claim already counts and no evidence gap costs anything): here
# and in the Kelengkapan worklist, which imports it.
BASIS = "terverifikasi"

JENIS_LINTAS = katalog().nama("belum_diinput_ulang", "belum_diperbarui")
PERBAIKAN_LINTAS = katalog().perbaikan(*JENIS_LINTAS)
KOLOM_LINTAS = (
    "jenis",
    "kode_wilayah",
    "id_inovasi",
    "nama_inovasi",
    "id_perangkat_daerah",
    "nama_perangkat_daerah",
    "tahun_sebelumnya",
    "status_sebelumnya",
    "status_kini",
    "nilai_perbaikan",
)


def _inti(data: scoring.DataPenilaian, id_inovasi: pd.Series | None = None) -> scoring.DataPenilaian:
    """The scoring contract's columns only (scoring.KOLOM_*), optionally only some innovations."""
    # kematangan_portal too, where present: innovations without answers score it (scoring.compute)
    kolom = [*scoring.KOLOM_INOVASI, *(["kematangan_portal"] if "kematangan_portal" in data.inovasi else [])]
    inovasi, sid = data.inovasi[kolom], data.jawaban_sid[list(scoring.KOLOM_SID)]
    if id_inovasi is not None:
        inovasi, sid = inovasi[ada_di(inovasi["id_inovasi"], id_inovasi)], sid[ada_di(sid["id_inovasi"], id_inovasi)]
    return scoring.DataPenilaian(inovasi, sid, data.jawaban_spd[list(scoring.KOLOM_SPD)])


def _belum_diinput_ulang(
    kini: scoring.DataPenilaian, lalu: scoring.DataPenilaian, m: scoring.Metodologi, tahun: int
) -> pd.DataFrame:
    terkirim = lalu.inovasi[lalu.inovasi["status_inovasi"] != "draft"]
    status_kini = kini.inovasi.set_index("id_inovasi")["status_inovasi"]
    hilang = terkirim[~ada_di(terkirim["id_inovasi"], status_kini[status_kini != "draft"].index)]
    hilang = hilang[layak_usia(hilang, m, tahun)]
    # Only the scoring columns, and only the innovations to re-enter.
    kini, lalu = _inti(kini), _inti(lalu, hilang["id_inovasi"])
    nilai = pd.Series(np.nan, index=hilang.index)
    if not hilang.empty:
        # Every one of them entered at once as a draft, exactly as last year (a draft counts for nothing, so the
        # IID does not move); then each one's worth is its status set back to last year's, on its own.
        tetap = ~ada_di(kini.inovasi["id_inovasi"], hilang["id_inovasi"])
        dasar = scoring.DataPenilaian(
            inovasi=pd.concat([kini.inovasi[tetap], lalu.inovasi.assign(status_inovasi="draft")], ignore_index=True),
            jawaban_sid=pd.concat(
                [kini.jawaban_sid[~ada_di(kini.jawaban_sid["id_inovasi"], hilang["id_inovasi"])], lalu.jawaban_sid],
                ignore_index=True,
            ),
            jawaban_spd=kini.jawaban_spd,
        )
        sekarang = scoring.hitung_skor(kini, m, BASIS).set_index("kode_wilayah")["iid_mentah"]
        sesudah = scoring.iid_ubah_status(
            dasar, m, hilang["id_inovasi"].tolist(), hilang["status_inovasi"].tolist(), BASIS
        )
        nilai[:] = sesudah - hilang["kode_wilayah"].astype(str).map(sekarang).fillna(0.0).to_numpy(float)
    return hilang.assign(
        jenis="belum_diinput_ulang",
        status_sebelumnya=hilang["status_inovasi"],
        status_kini=hilang["id_inovasi"].map(status_kini),
        nilai_perbaikan=nilai,
    )


def _sidik_jawaban(jawaban: pd.DataFrame) -> pd.Series:
    """Per id_inovasi, its answers (indicator, level klaim, status bukti) as one comparable text."""
    level = jawaban["level_klaim"].astype("Float64").astype(str)
    baris = jawaban["kode_indikator"].astype(str) + "=" + level + "/" + jawaban["status_bukti"].astype(str)
    return baris.groupby(jawaban["id_inovasi"]).agg(lambda x: ";".join(sorted(x)))


def nilai_celah_bukti(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.Series:
    """Per id_inovasi, what its open evidence gaps are worth: Σ (level klaim − level counted) × poin_per_level
    over its answers, the same price the worklist gives its bukti_* and klaim_di_atas_verifikasi rows."""
    poin = scoring.kontribusi(data, m, BASIS)
    sid = poin[poin["aspek"] == "SID"].reset_index(drop=True)
    klaim = data.jawaban_sid["level_klaim"].astype(float).fillna(0.0).to_numpy()
    naik = np.maximum(klaim - sid["level"].to_numpy(), 0.0) * sid["poin_per_level"].to_numpy()
    return pd.Series(naik).groupby(sid["id_inovasi"].to_numpy()).sum()


def _belum_diperbarui(kini: scoring.DataPenilaian, lalu: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    terkirim_kini = kini.inovasi[kini.inovasi["status_inovasi"] != "draft"]
    terkirim_lalu = lalu.inovasi[lalu.inovasi["status_inovasi"] != "draft"].set_index("id_inovasi")
    ulang = terkirim_kini[ada_di(terkirim_kini["id_inovasi"], terkirim_lalu.index)]
    sidik_kini = _sidik_jawaban(kini.jawaban_sid[ada_di(kini.jawaban_sid["id_inovasi"], ulang["id_inovasi"])])
    sidik_lalu = _sidik_jawaban(lalu.jawaban_sid[ada_di(lalu.jawaban_sid["id_inovasi"], ulang["id_inovasi"])])
    sama = ulang["id_inovasi"].map(sidik_kini).eq(ulang["id_inovasi"].map(sidik_lalu)).fillna(False)
    sama &= ada_di(ulang["id_inovasi"], sidik_kini.index)  # an innovation without any answer has nothing to update
    ulang = ulang[sama.astype(bool)]
    return ulang.assign(
        jenis="belum_diperbarui",
        status_sebelumnya=ulang["id_inovasi"].map(terkirim_lalu["status_inovasi"]),
        status_kini=ulang["status_inovasi"],
        nilai_perbaikan=ulang["id_inovasi"].map(nilai_celah_bukti(kini, m)).fillna(0.0),
    )


def celah_lintas_tahun(
    kini: scoring.DataPenilaian, lalu: scoring.DataPenilaian, m: scoring.Metodologi, tahun: int
) -> pd.DataFrame:
    """Both gap kinds of year `tahun` against the year before (columns KOLOM_LINTAS), by region and worth."""
    hasil = pd.concat([_belum_diinput_ulang(kini, lalu, m, tahun), _belum_diperbarui(kini, lalu, m)], ignore_index=True)
    hasil = hasil.assign(tahun_sebelumnya=tahun - 1).reindex(columns=KOLOM_LINTAS)
    hasil["nilai_perbaikan"] = hasil["nilai_perbaikan"].astype(float)
    return hasil.sort_values(
        ["kode_wilayah", "jenis", "nilai_perbaikan", "id_inovasi"],
        ascending=[True, True, False, True],
        ignore_index=True,
    )


def lintas_tahun_db(db: Database, tahun: int, provinsi: str | None = None) -> pd.DataFrame:
    """The gaps of `tahun` read from the database (of one province's pemda when `provinsi` is named); empty when
    the year before has no data. Both years are taken on the set their IID is computed on, so a portal-only year
    (nothing marked) is compared too."""
    if tahun - 1 not in set(db.query("periode")["tahun"].astype(int)):
        return pd.DataFrame(columns=KOLOM_LINTAS)

    def dinilai(t: int) -> scoring.DataPenilaian:
        return data_dinilai(data_penilaian(db, t, provinsi), metodologi_tahun(db, t), t)[0]

    return celah_lintas_tahun(dinilai(tahun), dinilai(tahun - 1), metodologi_tahun(db, tahun), tahun)


def baris_celah(lintas: pd.DataFrame) -> pd.DataFrame:
    """The gaps as rows of the Kelengkapan worklist (services.kelengkapan.hitung_celah columns), to be appended
    to it: whole-innovation rows, not additive, priced as above."""
    kurang = np.where(
        lintas["jenis"] == "belum_diinput_ulang",
        "Dilaporkan tahun "
        + lintas["tahun_sebelumnya"].astype(str)
        + ", masih memenuhi aturan usia, "
        + np.where(lintas["status_kini"] == "draft", "tahun ini masih draft", "belum diinput tahun ini"),
        "Semua jawaban (indikator, level klaim, status bukti) sama dengan tahun "
        + lintas["tahun_sebelumnya"].astype(str),
    )
    return pd.DataFrame(
        {
            "id_celah": "INOVASI:" + lintas["id_inovasi"] + ":" + lintas["jenis"],
            "jenis_celah": lintas["jenis"],
            "aspek": "INOVASI",
            "kode_wilayah": lintas["kode_wilayah"],
            "id_inovasi": lintas["id_inovasi"],
            "nilai_perbaikan": lintas["nilai_perbaikan"],
            "aditif": False,
            "status_inovasi": lintas["status_kini"],
            "id_perangkat_daerah": lintas["id_perangkat_daerah"],
            "nama_perangkat_daerah": lintas["nama_perangkat_daerah"],
            "nama_inovasi": lintas["nama_inovasi"],
            "nama_indikator": "",
            "wajib": False,
            "bukti_sasaran": "",
            "yang_kurang": kurang,
            "perbaikan": lintas["jenis"].map(PERBAIKAN_LINTAS),
            "di_portal": lintas["jenis"].map(katalog().di_portal()),
            "cara_hitung": np.where(
                lintas["jenis"] == "belum_diinput_ulang",
                "hitung ulang penuh (scoring.hitung_skor)",
                "jumlah celah bukti (scoring.kontribusi)",
            ),
        }
    )


def ringkasan_wilayah(celah: pd.DataFrame) -> pd.DataFrame:
    """Per region of a worklist: the cross-year gaps counted, the best single re-entry and the evidence points of
    the unchanged ones. Re-entry worths are not summed: each one moves the divisor, so they do not add up."""
    lintas = celah[celah["jenis_celah"].isin(JENIS_LINTAS)]
    ulang = lintas[lintas["jenis_celah"] == "belum_diinput_ulang"].groupby("kode_wilayah")["nilai_perbaikan"]
    sama = lintas[lintas["jenis_celah"] == "belum_diperbarui"].groupby("kode_wilayah")["nilai_perbaikan"]
    hasil = pd.DataFrame(
        {
            "belum_diinput_ulang": ulang.size(),
            "nilai_input_ulang_terbesar": ulang.max(),
            "belum_diperbarui": sama.size(),
            "nilai_celah_bukti": sama.sum(),
        }
    )
    hasil = hasil.fillna({"belum_diinput_ulang": 0, "belum_diperbarui": 0, "nilai_celah_bukti": 0.0})
    return hasil.astype({"belum_diinput_ulang": int, "belum_diperbarui": int}).rename_axis("kode_wilayah").reset_index()


def teks_wilayah(celah: pd.DataFrame, kode_wilayah: str, tahun: int) -> list[str]:
    """The cross-year re-check of one region in sentences, for the Kelengkapan page and the bimtek slides; none
    when no region has such a gap (the first year in the database has nothing to compare with)."""
    if not celah["jenis_celah"].isin(JENIS_LINTAS).any():
        return []
    lintas = celah[(celah["kode_wilayah"] == kode_wilayah) & celah["jenis_celah"].isin(JENIS_LINTAS)]
    ulang = lintas.loc[lintas["jenis_celah"] == "belum_diinput_ulang", "nilai_perbaikan"]
    sama = lintas.loc[lintas["jenis_celah"] == "belum_diperbarui", "nilai_perbaikan"]
    baris = []
    if len(ulang):
        baris.append(
            f"{bilangan(len(ulang))} inovasi {tahun - 1} belum diinput ulang: masing-masing bernilai "
            f"{angka(ulang.min(), 3)} s.d. {angka(ulang.max(), 3)} poin IID bila diinput ulang (bisa negatif: "
            "menambah pembagi)."
        )
    if len(sama):
        baris.append(
            f"{bilangan(len(sama))} inovasi diinput ulang tanpa pembaruan: celah buktinya bernilai "
            f"{angka(sama.sum(), 3)} poin IID."
        )
    return baris or [f"Inovasi {tahun - 1} yang masih memenuhi aturan usia sudah diinput ulang dan diperbarui."]


def teks_aturan_usia(m: scoring.Metodologi, tahun: int) -> str:
    """The age rule behind 'still eligible', with its keyakinan, as other assumptions are shown on the pages."""
    asal = m.usia.asal
    awal, akhir = m.usia.jendela(tahun)
    jendela = str(awal) if awal == akhir else f"{awal}–{akhir}"
    teks = (
        f"Aturan usia inovasi {tahun} (aturan {m.versi}): inovasi dinilai bila diterapkan {jendela}"
        + (f" atau dikembangkan {jendela}" if m.usia.pengembangan_dihitung else "")
        + f"; inovasi tanpa tanggal penerapan dianggap masih memenuhi (keyakinan: {asal.keyakinan})."
    )
    return teks + (f" Asumsi: {asal.catatan}" if asal.keyakinan == "asumsi" else "")
