"""The Indeks Inovasi Daerah computed from answer tables, vectorised with numpy.

Column contracts (pandas DataFrames):
- inovasi: kode_wilayah, id_inovasi, status_inovasi (draft/dikirim/diterima/ditolak), urusan_utama; optionally
  kematangan_portal (0–kematangan_portal.maks, the portal's SID sum entered before verification, or null)
- jawaban_sid: id_inovasi, kode_indikator (16–35), level_klaim (0–3), status_bukti, level_verifikasi (0–3 or null)
- jawaban_spd: kode_wilayah, kode_indikator (1–15, sub-rows like 2a), level_klaim, status_bukti, level_verifikasi
A missing answer row scores 0. Draft innovations are not part of the submission and are ignored.
An innovation with no answer row at all and a kematangan_portal scores that kematangan (rescaled to the version's
SID maximum per innovation): the portal's export has no indicator-level answers. Answers, where any exist, win.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from scoring.anggota import posisi_di, semua_unik
from scoring.model import BASIS, STATUS_DINILAI, TOLERANSI, DataPenilaian, Metodologi, bulatkan

KOLOM_SKOR = (
    "kode_wilayah",
    "n_inovasi",
    "pembagi",
    "skor_spd",
    "skor_kematangan",
    "skor_jumlah_inovasi",
    "skor_sid",
    "skor_total",
    "iid_mentah",
    "iid",
    "predikat",
    "n_urusan_yandas",
    "syarat_yandas_terpenuhi",
    "n_kematangan_portal",
    "sumber_sid",
    "ada_spd",
)
KOLOM_KEMATANGAN_PORTAL = "kematangan_portal"
SUMBER_SID = ("jawaban", "kematangan", "campuran")


class DataTidakSahError(ValueError):
    pass


def _check_basis(basis: str) -> None:
    if basis not in BASIS:
        raise ValueError(f"basis '{basis}' tidak dikenal ({', '.join(BASIS)})")


def level_efektif(jawaban: pd.DataFrame, basis: str) -> np.ndarray:
    """The level that counts: verified when set, else the claim when its evidence is 'ada', else 0.

    Basis 'klaim' accepts every claim as entered (what the kabupaten would get if nothing were cut).
    """
    _check_basis(basis)
    # An explicit copy: pandas 3.1's to_numpy(copy=True, na_value=...) hands back the column's own buffer when
    # it holds no NaN, and the in-place steps below would then overwrite the caller's level_klaim.
    level = np.array(jawaban["level_klaim"].to_numpy(dtype=float, na_value=0.0), dtype=float, copy=True)
    if basis == "klaim":
        return level
    level *= (jawaban["status_bukti"] == "ada").to_numpy(dtype=bool, na_value=False)
    verif = jawaban["level_verifikasi"]  # in place, not np.where: this runs over millions of rows
    np.copyto(level, verif.to_numpy(dtype=float, na_value=0.0), where=verif.notna().to_numpy())
    return level


# Keys are matched by scoring.anggota.posisi_di: Arrow's hash lookup for pyarrow-backed strings (what DuckDB and
# read_csv give under pandas 3; Index.get_indexer would first turn them into Python objects, ~5× the rest of
# hitung_skor at national scale), one lookup per category for the categoricals services.skor reads (benchmarks/skor.py).


def _bobot(kode: pd.Series, m: Metodologi, aspek: str) -> np.ndarray:
    bobot = {i.kode: i.bobot for i in m.indikator_aspek(aspek)}
    posisi = posisi_di(kode, pd.Series(list(bobot), dtype=object))
    if (posisi < 0).any():
        unknown = sorted({str(k) for k in kode[posisi < 0]})
        raise DataTidakSahError(f"kode indikator {aspek} tidak dikenal: {', '.join(unknown[:5])}")
    return np.fromiter(bobot.values(), dtype=float, count=len(bobot))[posisi]


def _posisi_inovasi(inovasi: pd.DataFrame, jawaban: pd.DataFrame) -> np.ndarray:
    """Row of data.inovasi that each answer belongs to."""
    if not semua_unik(inovasi["id_inovasi"]):
        raise DataTidakSahError("tabel inovasi memuat id_inovasi ganda atau kosong")
    pos = posisi_di(jawaban["id_inovasi"], inovasi["id_inovasi"])
    if (pos < 0).any():
        raise DataTidakSahError("jawaban_sid memuat id_inovasi yang tidak ada di tabel inovasi")
    return pos


def _jumlahkan(pos: np.ndarray, nilai: np.ndarray | None, size: int) -> np.ndarray:
    """Σ nilai (or a count) per position; float even when there is nothing to add (np.bincount then gives ints)."""
    return np.bincount(pos, weights=nilai, minlength=size).astype(float, copy=False)


def predikat_untuk(iid: np.ndarray | float, m: Metodologi) -> np.ndarray:
    """Band of each (rounded) IID under the version's own cut-offs; 0 is 'Tidak Dapat Dinilai'."""
    iid = np.atleast_1d(np.asarray(iid, dtype=float))
    hasil = np.full(iid.shape, m.predikat_nol, dtype=object)
    for p in reversed(m.predikat):  # lowest band first, so higher bands overwrite
        hasil[iid >= p.batas_bawah - TOLERANSI] = p.nama
    return hasil


def _status_efektif(status: pd.Series, basis: str) -> pd.Series:
    if basis == "klaim":  # every claim accepted: a rejected innovation is treated as accepted
        status = status.replace("ditolak", "diterima")
    return status


def _dari_portal(inovasi: pd.DataFrame, pos: np.ndarray, m: Metodologi, basis: str) -> np.ndarray:
    """Which innovations score their portal kematangan: those with no answer row at all and a value there (on
    the verified basis only when the version lets the unverified claim stand in, see KematanganPortal)."""
    if KOLOM_KEMATANGAN_PORTAL not in inovasi.columns:
        return np.zeros(len(inovasi), dtype=bool)
    if basis == "terverifikasi" and not m.kematangan_portal.basis_terverifikasi:
        return np.zeros(len(inovasi), dtype=bool)
    tanpa_jawaban = np.bincount(pos, minlength=len(inovasi)) == 0
    return tanpa_jawaban & inovasi[KOLOM_KEMATANGAN_PORTAL].notna().to_numpy(bool)


def _kematangan(data: DataPenilaian, m: Metodologi, basis: str) -> dict[str, np.ndarray]:
    inovasi = data.inovasi
    jawaban = data.jawaban_sid
    skor = _bobot(jawaban["kode_indikator"], m, "SID") * level_efektif(jawaban, basis)
    pos = _posisi_inovasi(inovasi, jawaban)
    kematangan = _jumlahkan(pos, skor, len(inovasi))
    portal = _dari_portal(inovasi, pos, m, basis)
    if portal.any():
        nilai = inovasi[KOLOM_KEMATANGAN_PORTAL].to_numpy(dtype=float, na_value=0.0) * m.skala_kematangan_portal
        kematangan = np.where(portal, nilai, kematangan)
    tanda = _tanda_status(inovasi["status_inovasi"], m, basis)
    return {
        "kematangan": np.where(tanda["dinilai"], kematangan, 0.0),
        "dihitung_pembagi": tanda["dihitung_pembagi"],
        "dihitung_jumlah": tanda["dihitung_jumlah"],
        "dari_kematangan_portal": portal,
    }


def _tanda_status(status: pd.Series, m: Metodologi, basis: str) -> dict[str, np.ndarray]:
    """What a status decides: kematangan scored, in n (the divisor), in the jumlah count."""
    # Decided once per distinct status (a handful) and spread back by code: isin over every row of a pyarrow
    # column costs more than the rest of a small region's scoring.
    kode, unik = pd.factorize(status, use_na_sentinel=False)
    unik = _status_efektif(pd.Series(unik, dtype=object), basis)
    dihitung_pembagi = STATUS_DINILAI + ("ditolak",) if m.ditolak_dihitung else STATUS_DINILAI
    return {
        "dinilai": unik.isin(STATUS_DINILAI).to_numpy(bool)[kode],
        "dihitung_pembagi": unik.isin(dihitung_pembagi).to_numpy(bool)[kode],
        "dihitung_jumlah": unik.isin(m.status_jumlah).to_numpy(bool)[kode],
    }


def hitung_kematangan(data: DataPenilaian, m: Metodologi, basis: str = "terverifikasi") -> pd.DataFrame:
    """Per innovation: kematangan = Σ bobot × level over indicators 16–35 (0–111); rejected scores 0.

    Returns the inovasi frame's key columns plus `kematangan`, `dihitung_pembagi` (counts in n for the
    divisor), `dihitung_jumlah` (counts for skor jumlah inovasi) and `dari_kematangan_portal` (scored from the
    portal's kematangan, not from answers).
    """
    kunci = data.inovasi[["kode_wilayah", "id_inovasi", "status_inovasi", "urusan_utama"]]
    return kunci.reset_index(drop=True).assign(**_kematangan(data, m, basis))


def selisih_kematangan_portal(data: DataPenilaian, m: Metodologi, toleransi: float = 0.005) -> pd.DataFrame:
    """Innovations whose indicator-level answers (which win) sum, as claimed, to something else than the portal's
    kematangan for them: kode_wilayah, id_inovasi, kematangan_jawaban (Σ bobot × level klaim),
    kematangan_portal (rescaled to the version's SID maximum), selisih (jawaban − portal). Empty without a
    kematangan_portal column."""
    kolom = ["kode_wilayah", "id_inovasi", "kematangan_jawaban", "kematangan_portal", "selisih"]
    inovasi = data.inovasi
    if KOLOM_KEMATANGAN_PORTAL not in inovasi.columns:
        return pd.DataFrame(columns=kolom)
    jawaban = data.jawaban_sid
    pos = _posisi_inovasi(inovasi, jawaban)
    klaim = _jumlahkan(pos, _bobot(jawaban["kode_indikator"], m, "SID") * level_efektif(jawaban, "klaim"), len(inovasi))
    ada_jawaban = np.bincount(pos, minlength=len(inovasi)) > 0
    portal = inovasi[KOLOM_KEMATANGAN_PORTAL].to_numpy(dtype=float, na_value=np.nan) * m.skala_kematangan_portal
    beda = ada_jawaban & ~np.isnan(portal) & (np.abs(klaim - np.nan_to_num(portal)) > toleransi)
    return pd.DataFrame(
        {
            "kode_wilayah": inovasi["kode_wilayah"].to_numpy()[beda],
            "id_inovasi": inovasi["id_inovasi"].to_numpy()[beda],
            "kematangan_jawaban": klaim[beda],
            "kematangan_portal": portal[beda],
            "selisih": (klaim - portal)[beda],
        },
        columns=kolom,
    )


def _wilayah(data: DataPenilaian) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """Sorted kode_wilayah of all the data, and the position in it of every inovasi row and SPD row."""
    kode = pd.concat([data.inovasi["kode_wilayah"], data.jawaban_spd["kode_wilayah"]], ignore_index=True)
    codes, unik = pd.factorize(kode.astype(str), sort=True, use_na_sentinel=False)
    n = len(data.inovasi)
    return pd.Index(unik), codes[:n], codes[n:]


def hitung_skor(data: DataPenilaian, m: Metodologi, basis: str = "terverifikasi") -> pd.DataFrame:
    """IID per kode_wilayah under one methodology version.

    SPD = Σ bobot × level (indicators 1–15); SID = Σ kematangan ÷ MAX(k, n) + skor jumlah inovasi;
    IID = (SPD + SID) ÷ skor total maksimum × 100, rounded half up; predikat from the version's bands.
    Columns: see KOLOM_SKOR. `n_kematangan_portal` counts the innovations in n scored from the portal's
    kematangan; `sumber_sid` says where the kematangan term comes from (SUMBER_SID: all from answers, all from
    the portal, or both); `ada_spd` is False for a region without any SPD answer row, whose SPD is 0 here and
    must not be shown as a score (the portal export carries no SPD).
    """
    return _skor(data, m, basis)[0]


def _skor(data: DataPenilaian, m: Metodologi, basis: str) -> tuple[pd.DataFrame, dict[str, np.ndarray], np.ndarray]:
    """hitung_skor's frame, and what the functions pricing a change reuse of it: the per-innovation arrays
    (_kematangan) and each innovation's row in the frame."""
    wilayah, iw, ispd = _wilayah(data)
    w = len(wilayah)
    per_inovasi = _kematangan(data, m, basis)
    n = _jumlahkan(iw, per_inovasi["dihitung_pembagi"].astype(float), w)
    total_kematangan = _jumlahkan(iw, per_inovasi["kematangan"], w)
    pembagi = np.maximum(m.pembagi_minimum, n)
    dihitung_jumlah = per_inovasi["dihitung_jumlah"]
    n_jumlah = _jumlahkan(iw, dihitung_jumlah.astype(float), w)
    jumlah = m.poin_per_inovasi * np.minimum(n_jumlah, m.batas_inovasi)
    n_yandas = np.zeros(w)
    terpenuhi = np.ones(w, dtype=bool)
    if m.syarat_yandas is not None:
        urusan = data.inovasi["urusan_utama"]
        pilih = dihitung_jumlah & urusan.isin(m.syarat_yandas.urusan).to_numpy(bool)
        pasangan = pd.DataFrame({"w": iw[pilih], "u": urusan.to_numpy()[pilih]}).drop_duplicates()
        n_yandas = _jumlahkan(pasangan["w"].to_numpy(int), None, w)
        terpenuhi = n_yandas >= m.syarat_yandas.minimum_urusan
        jumlah = np.where(terpenuhi, jumlah, 0.0)
    n_portal = _jumlahkan(
        iw, (per_inovasi["dari_kematangan_portal"] & per_inovasi["dihitung_pembagi"]).astype(float), w
    )
    sumber_sid = np.where(n_portal == 0, "jawaban", np.where(n_portal == n, "kematangan", "campuran"))
    spd = data.jawaban_spd
    skor_spd = _jumlahkan(ispd, _bobot(spd["kode_indikator"], m, "SPD") * level_efektif(spd, basis), w)
    skor_kematangan = total_kematangan / pembagi
    skor_sid = skor_kematangan + jumlah
    total = skor_spd + skor_sid
    iid_mentah = total / m.maks_total * 100
    iid = bulatkan(iid_mentah, m.digit_iid)
    skor = pd.DataFrame(
        {
            "kode_wilayah": wilayah.to_numpy(),
            "n_inovasi": n.astype(int),
            "pembagi": pembagi.astype(int),
            "skor_spd": skor_spd,
            "skor_kematangan": skor_kematangan,
            "skor_jumlah_inovasi": jumlah,
            "skor_sid": skor_sid,
            "skor_total": total,
            "iid_mentah": iid_mentah,
            "iid": iid,
            "predikat": predikat_untuk(iid, m),
            "n_urusan_yandas": n_yandas.astype(int),
            "syarat_yandas_terpenuhi": terpenuhi,
            "n_kematangan_portal": n_portal.astype(int),
            "sumber_sid": sumber_sid.astype(object),
            "ada_spd": _jumlahkan(ispd, None, w) > 0,
        }
    )
    return skor, per_inovasi, iw


def kontribusi(data: DataPenilaian, m: Metodologi, basis: str = "terverifikasi") -> pd.DataFrame:
    """Every answer row's share of its region's IID, in IID points (unrounded). Innovations scored from the
    portal's kematangan have no answer rows and so no share here (the identity below then leaves them out).

    Per region, Σ kontribusi_iid + skor_jumlah_inovasi ÷ total × 100 equals iid_mentah. Also gives
    `poin_per_level`: the IID points one level more (or less) on that row is worth, because a level
    change never moves n, the divisor or the jumlah term.
    """
    skor, _, iw = _skor(data, m, basis)
    pembagi_wilayah = skor["pembagi"].to_numpy(float)
    sid = data.jawaban_sid
    pos = _posisi_inovasi(data.inovasi, sid)
    wilayah_sid = skor["kode_wilayah"].to_numpy()[iw[pos]]
    dinilai = _tanda_status(data.inovasi["status_inovasi"], m, basis)["dinilai"][pos]
    pembagi = pembagi_wilayah[iw[pos]]
    poin_sid = np.where(dinilai, _bobot(sid["kode_indikator"], m, "SID") / pembagi / m.maks_total * 100, 0.0)
    spd = data.jawaban_spd
    poin_spd = _bobot(spd["kode_indikator"], m, "SPD") / m.maks_total * 100
    level_sid = level_efektif(sid, basis)
    level_spd = level_efektif(spd, basis)
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "aspek": "SID",
                    "kode_wilayah": wilayah_sid,
                    "id_inovasi": sid["id_inovasi"].to_numpy(),
                    "kode_indikator": sid["kode_indikator"].to_numpy(),
                    "level": level_sid,
                    "poin_per_level": poin_sid,
                    "kontribusi_iid": poin_sid * level_sid,
                }
            ),
            pd.DataFrame(
                {
                    "aspek": "SPD",
                    "kode_wilayah": spd["kode_wilayah"].astype(str).to_numpy(),
                    "id_inovasi": None,
                    "kode_indikator": spd["kode_indikator"].to_numpy(),
                    "level": level_spd,
                    "poin_per_level": poin_spd,
                    "kontribusi_iid": poin_spd * level_spd,
                }
            ),
        ],
        ignore_index=True,
    )


def poin_kematangan(data: DataPenilaian, m: Metodologi, basis: str = "terverifikasi") -> pd.DataFrame:
    """What one point of the portal's kematangan is worth in IID points, per innovation scored from it.

    Raising a portal-scored innovation's kematangan moves only the kematangan term of its region: n, the divisor
    MAX(k, n), the jumlah term and the yandas gate stay, so the worth is exact and adds up over innovations:
    skala_kematangan_portal ÷ MAX(k, n) ÷ skor total maksimum × 100. Columns: kode_wilayah, id_inovasi,
    dari_kematangan_portal, poin_per_kematangan (0 for an innovation not scored from the portal or not counted).
    """
    skor, per_inovasi, iw = _skor(data, m, basis)
    pembagi = skor["pembagi"].to_numpy(float)[iw]
    dinilai = _tanda_status(data.inovasi["status_inovasi"], m, basis)["dinilai"]
    portal = per_inovasi["dari_kematangan_portal"]
    poin = np.where(portal & dinilai, m.skala_kematangan_portal / pembagi / m.maks_total * 100, 0.0)
    return pd.DataFrame(
        {
            "kode_wilayah": data.inovasi["kode_wilayah"].astype(str).to_numpy(),
            "id_inovasi": data.inovasi["id_inovasi"].to_numpy(),
            "dari_kematangan_portal": portal,
            "poin_per_kematangan": poin,
        }
    )


def iid_ubah_status(
    data: DataPenilaian,
    m: Metodologi,
    id_inovasi: Sequence[str],
    status_baru: Sequence[str],
    basis: str = "terverifikasi",
) -> np.ndarray:
    """Unrounded IID of each innovation's region with only that innovation's status changed (one change per entry,
    each on its own; the others stay as they are).

    Exact without re-scoring each scenario: a status decides whether the innovation's kematangan is in the sum,
    whether it is in n (the divisor MAX(k, n)), in the jumlah count and in the yandas coverage, and the region's
    IID is a function of those totals. tests/scoring/test_iid_ubah_status.py checks it against hitung_skor.
    """
    _check_basis(basis)
    skor, kini, iw = _skor(data, m, basis)  # kini: what each innovation's status decides now
    w_n = len(skor)
    # Each innovation's kematangan as if it counted (from answers or the portal).
    terkirim = DataPenilaian(data.inovasi.assign(status_inovasi="dikirim"), data.jawaban_sid, data.jawaban_spd)
    kematangan = _kematangan(terkirim, m, basis)["kematangan"]
    i = pd.Series(np.arange(len(data.inovasi)), index=data.inovasi["id_inovasi"].to_numpy()).loc[list(id_inovasi)]
    i = i.to_numpy()
    w = iw[i]
    baru = _tanda_status(pd.Series(list(status_baru), dtype=object), m, basis)
    total = _jumlahkan(iw, kini["kematangan"], w_n)[w] - kini["kematangan"][i] + baru["dinilai"] * kematangan[i]
    n = _jumlahkan(iw, kini["dihitung_pembagi"].astype(float), w_n)[w]
    n = n - kini["dihitung_pembagi"][i] + baru["dihitung_pembagi"]
    jumlah_kini = kini["dihitung_jumlah"]
    n_jumlah = _jumlahkan(iw, jumlah_kini.astype(float), w_n)[w] - jumlah_kini[i] + baru["dihitung_jumlah"]
    terpenuhi = np.ones(len(i), dtype=bool)
    if m.syarat_yandas is not None:
        urusan = data.inovasi["urusan_utama"].to_numpy(dtype=object)
        yandas = data.inovasi["urusan_utama"].isin(m.syarat_yandas.urusan).to_numpy(bool)
        pilih = jumlah_kini & yandas
        per_urusan = pd.DataFrame({"w": iw[pilih], "u": urusan[pilih]}).groupby(["w", "u"]).size()
        sendiri = per_urusan.reindex(pd.MultiIndex.from_arrays([w, urusan[i]])).fillna(0).to_numpy()
        tercakup = skor["n_urusan_yandas"].to_numpy(float)[w]
        # this innovation's urusan loses its coverage when it was the only one, gains it when it had none
        tercakup = tercakup - (yandas[i] & jumlah_kini[i] & ~baru["dihitung_jumlah"] & (sendiri == 1))
        tercakup = tercakup + (yandas[i] & ~jumlah_kini[i] & baru["dihitung_jumlah"] & (sendiri == 0))
        terpenuhi = tercakup >= m.syarat_yandas.minimum_urusan
    sid = total / np.maximum(m.pembagi_minimum, n) + np.where(
        terpenuhi, m.poin_per_inovasi * np.minimum(n_jumlah, m.batas_inovasi), 0.0
    )
    return (skor["skor_spd"].to_numpy()[w] + sid) / m.maks_total * 100


def terapkan_perubahan_level(
    data: DataPenilaian, perubahan: pd.DataFrame, basis: str = "terverifikasi"
) -> DataPenilaian:
    """Return a copy where the given answers count at a new level.

    `perubahan` columns: aspek (SID/SPD), kode_wilayah (SPD) or id_inovasi (SID), kode_indikator, level_baru.
    A row that does not exist yet is added. The new level is written so that it counts under `basis`
    (as a verified level for 'terverifikasi', as the claim for 'klaim').
    """
    _check_basis(basis)

    def apply(jawaban: pd.DataFrame, kunci: str, rows: pd.DataFrame) -> pd.DataFrame:
        if rows.empty:
            return jawaban
        baru = rows[[kunci, "kode_indikator", "level_baru"]].drop_duplicates([kunci, "kode_indikator"], keep="last")
        merged = jawaban.merge(baru, on=[kunci, "kode_indikator"], how="outer", indicator=True)
        kena = merged["_merge"] != "left_only"
        # as text: a categorical status (services.skor reads it so) refuses 'ada' when no answer had it
        merged["status_bukti"] = merged["status_bukti"].astype(str)
        merged.loc[merged["_merge"] == "right_only", "status_bukti"] = "ada"
        kolom = "level_klaim" if basis == "klaim" else "level_verifikasi"
        merged[kolom] = merged[kolom].astype("Float64")
        merged.loc[kena, kolom] = merged.loc[kena, "level_baru"].astype(float)
        if basis == "terverifikasi":
            merged.loc[merged["_merge"] == "right_only", "level_klaim"] = merged["level_baru"]
        return merged[list(jawaban.columns)]

    sid = perubahan[perubahan["aspek"] == "SID"]
    spd = perubahan[perubahan["aspek"] == "SPD"]
    return DataPenilaian(
        inovasi=data.inovasi,
        jawaban_sid=apply(data.jawaban_sid, "id_inovasi", sid),
        jawaban_spd=apply(data.jawaban_spd, "kode_wilayah", spd),
    )


def selisih_iid(
    data: DataPenilaian, m: Metodologi, perubahan: pd.DataFrame, basis: str = "terverifikasi"
) -> pd.DataFrame:
    """IID per region before and after a set of level changes, re-scored in full (no shortcut)."""
    sebelum = hitung_skor(data, m, basis).set_index("kode_wilayah")
    sesudah = hitung_skor(terapkan_perubahan_level(data, perubahan, basis), m, basis).set_index("kode_wilayah")
    return pd.DataFrame(
        {
            "iid_sebelum": sebelum["iid_mentah"],
            "iid_sesudah": sesudah["iid_mentah"],
            "selisih_iid": sesudah["iid_mentah"] - sebelum["iid_mentah"],
            "predikat_sebelum": sebelum["predikat"],
            "predikat_sesudah": sesudah["predikat"],
        }
    ).reset_index()
