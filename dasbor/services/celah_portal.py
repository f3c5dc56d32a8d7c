"""The gaps a portal export row proves, for innovations known only from it (a kematangan, no indicator answers),
each priced in IID points by the scoring module on the set the region's IID is computed on (the data handed in:
skor.data_dinilai), and again on the set the send advice picks (`nilai_saran`).

- kematangan_nol / kematangan_kurang: raising k to the portal's maximum (111) adds (111 − k) ÷ MAX(k, n) SID points,
  priced with scoring.poin_kematangan; additive (n, the divisor and the jumlah term stay).
- video_kosong: Video «Tidak Ada» means the portal's 20th SID indicator (Kualitas Inovasi, bobot 4) is empty: up to
  12 kematangan points, part of the innovation's kematangan gap (not additive).
- tahap_belum_penerapan, usia_keluar, profil_belum_diketahui: not in the formula, 0 points (see celah.toml).
- usia_gagal, kembar, saran_kirim, saran_tahan: a status change (count it, remove the duplicate, send, hold),
  re-scored in full; a change that would lower the IID is no fix and is worth 0 (the advice then says hold).
- spd_kosong: a region without SPD answers; worth = every SPD indicator at level 3, re-scored.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import scoring
from dasbor.services.harga_celah import daftar_kosong, kosong, nilai_ubah_status
from dasbor.services.lintas_tahun import BASIS
from dasbor.services.usia import nilai_usia, tahun_penerapan
from scoring.anggota import ada_di

# Fields of the portal export a profile may miss; no source says the portal requires them before sending.
PROFIL_PORTAL = {
    "id_perangkat_daerah": "perangkat daerah",
    "inisiator": "inisiator",
    "jenis": "jenis",
    "bentuk": "bentuk",
    "urusan_utama": "urusan utama",
}


def _tanggal(tahun: int, akhir: bool) -> str:
    return f"31-12-{tahun}" if akhir else f"01-01-{tahun}"


def indikator_video(m: scoring.Metodologi) -> scoring.model.Indikator:
    """The portal's 20th SID indicator (Kualitas Inovasi: the video), by position in the rule's SID catalogue."""
    return m.indikator_aspek("SID")[19]


def _baris(inovasi: pd.DataFrame, jenis: str, **kolom: object) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_wilayah": inovasi["kode_wilayah"].astype(str).to_numpy(),
            "id_inovasi": inovasi["id_inovasi"].to_numpy(),
            "jenis_celah": jenis,
            "aspek": "INOVASI",
            **{k: (v.reindex(inovasi.index).to_numpy() if isinstance(v, pd.Series) else v) for k, v in kolom.items()},
        },
        index=inovasi.index,
    )


def _kematangan(
    portal: pd.DataFrame, m: scoring.Metodologi, poin: pd.Series, poin_saran: pd.Series
) -> list[pd.DataFrame]:
    maks = m.kematangan_portal.maks
    k = portal["kematangan_portal"].astype(float)
    kurang = portal[k < maks]
    naik = maks - k[kurang.index]
    per = kurang["id_inovasi"].map(poin).astype(float)
    per_saran = kurang["id_inovasi"].map(poin_saran).astype(float)
    kematangan = _baris(
        kurang,
        "",
        aspek="SID",
        kematangan=k[kurang.index],
        kematangan_sasaran=maks,
        nilai_perbaikan=naik * per,
        nilai_saran=naik * per_saran,
        aditif=True,
        yang_kurang=pd.Series(
            [
                f"Kematangan {x:.0f} dari {maks:.0f}: "
                + ("belum ada indikator yang diisi" if x == 0 else "ada indikator yang belum level 3")
                for x in k[kurang.index]
            ],
            index=kurang.index,
            dtype=object,
        ),
    )
    kematangan["jenis_celah"] = np.where(k[kurang.index] == 0, "kematangan_nol", "kematangan_kurang")
    kematangan["id_celah"] = "SID:" + kematangan["id_inovasi"] + ":kematangan"

    bagian = [kematangan]
    if "ada_video" in portal:
        video = indikator_video(m)
        tanpa = portal[portal["ada_video"].eq(False).fillna(False).astype(bool)]
        # Points of the empty video indicator on the portal's scale, never past the maximum.
        naik = np.minimum(video.bobot * scoring.model.LEVEL_MAKS / m.skala_kematangan_portal, maks - k[tanpa.index])
        baris = _baris(
            tanpa,
            "video_kosong",
            aspek="SID",
            kode_indikator=video.kode,
            kematangan=k[tanpa.index],
            kematangan_sasaran=k[tanpa.index] + naik,
            nilai_perbaikan=naik * tanpa["id_inovasi"].map(poin).astype(float),
            nilai_saran=naik * tanpa["id_inovasi"].map(poin_saran).astype(float),
            aditif=False,
            yang_kurang=f"Video «Tidak Ada»: indikator SID ke-20 ({video.nama}, bobot {video.bobot:g}) kosong",
        )
        baris["id_celah"] = "SID:" + baris["id_inovasi"] + ":video"
        bagian.append(baris)
    return bagian


def _usia(portal: pd.DataFrame, m: scoring.Metodologi, tahun: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(fails the rule this year, with the date that would make it count; counts now but drops out next year)."""
    usia = nilai_usia(portal, m, tahun)
    awal, akhir = m.usia.jendela(tahun)
    terap = tahun_penerapan(portal)
    gagal = portal[~usia["memenuhi_usia"].astype(bool)]
    teks = []
    for i in gagal.index:
        alasan = usia.at[i, "alasan_usia"]
        if pd.notna(terap[i]) and terap[i] > akhir:
            teks.append(
                f"{alasan}; dihitung bila diterapkan paling lambat {_tanggal(akhir, True)}, selain itu dinilai "
                f"mulai IID {int(terap[i]) + 1}"
            )
        elif m.usia.pengembangan_dihitung:
            teks.append(
                f"{alasan}; dihitung bila Tanggal Pengembangan antara {_tanggal(awal, False)} dan "
                f"{_tanggal(akhir, True)}"
            )
        else:
            teks.append(f"{alasan}; aturan {m.versi} tidak menghitung pengembangan")
    bisa = [not (pd.notna(terap[i]) and terap[i] > akhir) and m.usia.pengembangan_dihitung for i in gagal.index]
    gagal_baris = _baris(gagal, "usia_gagal", yang_kurang=pd.Series(teks, index=gagal.index, dtype=object))
    gagal_baris["bisa"] = bisa
    keluar = portal[usia["keluar_tahun_depan"].astype(bool)]
    keluar_baris = _baris(
        keluar, "usia_keluar", nilai_perbaikan=0.0, nilai_saran=0.0, aditif=True, yang_kurang=usia["alasan_usia"]
    )
    return gagal_baris, keluar_baris


def _kembar(portal: pd.DataFrame) -> pd.DataFrame:
    """One row per duplicated pair, on the twin with the lower kematangan (the higher id on a tie)."""
    pasangan = portal[portal["kembar_dengan"].notna()] if "kembar_dengan" in portal else portal.iloc[:0]

    def per_id(kolom: str) -> dict:
        return dict(zip(portal["id_inovasi"], portal[kolom], strict=True)) if kolom in portal else {}

    k = dict(zip(portal["id_inovasi"], portal["kematangan_portal"].astype(float), strict=True))
    pilih = [
        i
        for i, sendiri, lain in zip(pasangan.index, pasangan["id_inovasi"], pasangan["kembar_dengan"], strict=True)
        # its twin is no portal-only row: this row is the one to resolve
        if lain not in k or k[sendiri] < k[lain] or (k[sendiri] == k[lain] and sendiri > lain)
    ]
    kembar = pasangan.loc[pilih]
    nama, pd_lain = per_id("nama_inovasi"), per_id("nama_perangkat_daerah")
    teks = [
        f"Judul sama dengan «{nama.get(lain, lain)}» ({pd_lain.get(lain, '') or 'akun lain'}): satu inovasi "
        "diinput dua kali"
        for lain in kembar["kembar_dengan"]
    ]
    return _baris(kembar, "kembar", yang_kurang=pd.Series(teks, index=kembar.index, dtype=object))


def _profil(portal: pd.DataFrame) -> pd.DataFrame:
    kosong_kolom = pd.DataFrame(
        {label: kosong(portal[kolom]) for kolom, label in PROFIL_PORTAL.items() if kolom in portal},
        index=portal.index,
    )
    if "tanggal_penerapan" in portal and "tahapan" in portal:
        kosong_kolom["tanggal penerapan"] = portal["tahapan"].eq("penerapan") & kosong(portal["tanggal_penerapan"])
    if {"lintang", "koordinat_teks"} <= set(portal.columns):
        kosong_kolom["koordinat"] = portal["lintang"].isna() & kosong(portal["koordinat_teks"])
    daftar = daftar_kosong(kosong_kolom)
    pilih = portal[daftar != ""]
    return _baris(
        pilih,
        "profil_belum_diketahui",
        kolom_kosong=daftar[pilih.index],
        nilai_perbaikan=0.0,
        nilai_saran=0.0,
        aditif=True,
        yang_kurang="Kosong (belum diketahui wajib): " + daftar[pilih.index],
    )


def _status(
    data: scoring.DataPenilaian,
    m: scoring.Metodologi,
    portal: pd.DataFrame,
    saran: pd.DataFrame,
    usia_gagal: pd.DataFrame,
    kembar: pd.DataFrame,
) -> list[pd.DataFrame]:
    """The gaps whose fix changes a status, priced together by full re-scoring, never below 0."""
    dihitung = portal["status_inovasi"].isin(scoring.STATUS_DINILAI)
    disarankan = portal["id_inovasi"].map(pd.Series(saran["disarankan"].to_numpy(), index=saran["id_inovasi"]))
    layak = disarankan.notna()
    kirim = portal[layak & ~dihitung & disarankan.eq(True)]
    tahan = portal[layak & dihitung & disarankan.eq(False)]
    usia = usia_gagal[usia_gagal["bisa"] & ~ada_di(usia_gagal["id_inovasi"], portal.loc[dihitung, "id_inovasi"])]
    kembar_dihitung = kembar[ada_di(kembar["id_inovasi"], portal.loc[dihitung, "id_inovasi"])]
    ubah = pd.concat(
        [
            _baris(kirim, "saran_kirim", status_sasaran="dikirim"),
            _baris(tahan, "saran_tahan", status_sasaran="draft"),
            usia.assign(status_sasaran="dikirim"),
            kembar_dihitung.assign(status_sasaran="draft"),
        ],
        ignore_index=True,
    )
    ubah["nilai_perbaikan"] = np.maximum(nilai_ubah_status(data, m, ubah), 0.0) if len(ubah) else 0.0
    nilai = dict(zip(zip(ubah["id_inovasi"], ubah["jenis_celah"], strict=True), ubah["nilai_perbaikan"], strict=True))
    hasil = []
    for jenis, frame in (("usia_gagal", usia_gagal), ("kembar", kembar)):
        harga = np.array([nilai.get((i, jenis), np.nan) for i in frame["id_inovasi"]], dtype=float)
        hasil.append(
            frame.assign(nilai_perbaikan=np.where(np.isnan(harga), 0.0, harga), nilai_saran=np.nan, aditif=False)
        )
    status = ubah[ubah["jenis_celah"].isin(["saran_kirim", "saran_tahan"])]
    status = status.assign(
        nilai_saran=0.0,
        aditif=False,
        status_sasaran=None,  # the advice's own set, not a fix a scenario applies one by one
        yang_kurang=[
            "Memenuhi aturan usia dan disarankan dikirim, belum ditandai kirim"
            if jenis == "saran_kirim"
            else f"Saran: tahan; mengirimnya menurunkan IID sebesar {nilai:.3f} poin".replace(".", ",")
            for jenis, nilai in zip(status["jenis_celah"], status["nilai_perbaikan"], strict=True)
        ],
    )
    return [*hasil, status]


def _spd_kosong(data: scoring.DataPenilaian, m: scoring.Metodologi) -> pd.DataFrame:
    """Regions with innovations and no SPD answer: worth = every SPD indicator at level 3, scored."""
    wilayah = pd.Index(data.inovasi["kode_wilayah"].astype(str).unique())
    tanpa = pd.Series(wilayah.difference(data.jawaban_spd["kode_wilayah"].astype(str).unique()), dtype=object)
    if tanpa.empty:
        return pd.DataFrame()
    kode_spd = [i.kode for i in m.indikator_aspek("SPD")]
    # SPD does not depend on the innovations: the regions' SPD alone at level 3, scored by the scoring module,
    # is what entering it adds (their SPD is 0 now).
    penuh = scoring.DataPenilaian(
        inovasi=data.inovasi.iloc[:0],
        jawaban_sid=data.jawaban_sid.iloc[:0],
        jawaban_spd=pd.DataFrame(
            [(w, k, 3.0, "ada", np.nan) for w in tanpa for k in kode_spd], columns=list(scoring.KOLOM_SPD)
        ),
    )
    nilai = tanpa.map(scoring.hitung_skor(penuh, m, BASIS).set_index("kode_wilayah")["iid_mentah"]).to_numpy()
    return pd.DataFrame(
        {
            "kode_wilayah": tanpa.to_numpy(),
            "id_inovasi": None,
            "jenis_celah": "spd_kosong",
            "aspek": "SPD",
            "id_celah": "SPD:" + tanpa.to_numpy() + ":semua",
            "nilai_perbaikan": nilai,
            "nilai_saran": nilai,
            "aditif": False,
            "yang_kurang": f"SPD belum diisi: {len(kode_spd)} indikator SPD, paling banyak {m.maks_spd:g} poin",
        }
    )


def celah_portal(
    data: scoring.DataPenilaian,
    data_saran: scoring.DataPenilaian,
    m: scoring.Metodologi,
    tahun: int,
    portal: pd.Series,
    saran: pd.DataFrame,
) -> pd.DataFrame:
    """Every gap the export proves. `data`: the year on the set its IID is computed on; `data_saran`: the same on
    the advised set; `portal`: which innovations are known only from the export (harga_celah.hanya_portal);
    `saran`: kiriman.saran_per_inovasi of the year."""
    inovasi = data.inovasi
    baris = inovasi[portal.to_numpy(bool)]
    poin = scoring.poin_kematangan(data, m, BASIS).set_index("id_inovasi")["poin_per_kematangan"]
    poin_saran = scoring.poin_kematangan(data_saran, m, BASIS).set_index("id_inovasi")["poin_per_kematangan"]
    bagian = [_spd_kosong(data, m)]
    if not baris.empty:
        bagian += _kematangan(baris, m, poin, poin_saran)
        if "tahapan" in baris:
            belum = baris[baris["tahapan"].isin(["inisiatif", "uji coba"])]
            bagian.append(
                _baris(
                    belum,
                    "tahap_belum_penerapan",
                    nilai_perbaikan=0.0,
                    nilai_saran=0.0,
                    aditif=True,
                    yang_kurang="Tahapan " + belum["tahapan"].astype(object) + f"; aturan {m.versi} tidak memuat "
                    "tahapan (asumsi: 0 poin)",
                )
            )
        gagal, keluar = _usia(baris, m, tahun)
        bagian += [keluar, _profil(baris)]
        bagian += _status(data, m, baris, saran, gagal, _kembar(baris))
    kolom = pd.DataFrame(columns=["id_celah", "id_inovasi", "jenis_celah", "kode_wilayah"])
    hasil = pd.concat([kolom, *(b for b in bagian if not b.empty)], ignore_index=True)
    tanpa_id = hasil["id_celah"].isna()
    hasil.loc[tanpa_id, "id_celah"] = "INOVASI:" + hasil["id_inovasi"].astype(str) + ":" + hasil["jenis_celah"]
    return hasil.drop(columns=["bisa", "status_sasaran"], errors="ignore")
