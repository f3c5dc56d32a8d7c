"""The demo's portal exports: one quirky, readable, synthetic-labelled file per pemda and year whose kematangan is
each innovation's klaim SID sum, and whose rows match the demo innovations they came from."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from openpyxl import load_workbook

import scoring
from dasbor.demo.ekspor_portal import tulis_ekspor_demo
from dasbor.excel.portal import read_portal
from dasbor.services.cocok_inovasi import cocokkan

TAHUN = (2024, 2025)


def frames_kecil() -> dict[str, pd.DataFrame]:
    """Two pemda (the province has no centre point), two years, 12 innovations each, every SID answer."""
    wilayah = pd.DataFrame(
        {
            "kode_wilayah": ["63", "63.01", "63.72"],
            "nama_wilayah": ["Provinsi Kalimantan Selatan", "Kabupaten Tanah Laut", "Kota Banjarbaru"],
            "jenis": ["provinsi", "kabupaten", "kota"],
            "lat": [None, -3.85, -3.45],
            "lng": [None, 114.78, 114.83],
        }
    )
    pd_ = pd.DataFrame(
        {
            "id_perangkat_daerah": ["63-PD01", "63-PD02", "63.01-PD01", "63.01-PD02"],
            "kode_wilayah": ["63", "63", "63.01", "63.01"],
            "nama_perangkat_daerah": [
                "Dinas Kesehatan Provinsi",
                "Dinas Sosial Provinsi",
                "Dinas Kesehatan",
                "Dinas, Pendidikan",
            ],
            "singkatan": ["Dinkes Prov", "Dinsos Prov", "Dinkes", "Disdik"],
        }
    )
    inovasi, jawaban = [], []
    for tahun in TAHUN:
        sid = [i.kode for i in scoring.metodologi_untuk_tahun(tahun).indikator_aspek("SID")]
        for kode in ("63", "63.01"):
            for i in range(12):
                id_ = f"{kode}-{i:04d}"
                inovasi.append(
                    {
                        "id_inovasi": id_,
                        "tahun": tahun,
                        "kode_wilayah": kode,
                        "status_inovasi": "draft" if i == 0 else "dikirim",
                        "tautan_video": None if i % 3 else f"https://www.youtube.com/watch?v={i}",
                        "id_perangkat_daerah": f"{kode}-PD0{1 + i % 2}",
                        "nama_inovasi": f"INOVASI{i} (Inovasi Nomor {i} {kode})",
                        "inisiator": "perangkat daerah",
                        "jenis": "digital",
                        "bentuk": "pelayanan publik",
                        "urusan_utama": "kesehatan",
                        "urusan_lain": None,
                        "tahapan": "penerapan",
                        "tanggal_penerapan": pd.Timestamp(date(tahun - 2 + i % 2, 3, 1 + i)),
                    }
                )
                jawaban += [
                    {
                        "id_inovasi": id_,
                        "tahun": tahun,
                        "kode_indikator": k,
                        "level_klaim": (i + j + tahun) % 4,
                        "status_bukti": "kosong",
                        "level_verifikasi": None,
                    }
                    for j, k in enumerate(sid)
                ]
    return {
        "wilayah": wilayah,
        "perangkat_daerah": pd_,
        "inovasi": pd.DataFrame(inovasi),
        "jawaban_sid": pd.DataFrame(jawaban),
    }


def test_each_pemda_year_is_a_readable_synthetic_portal_export(tmp_path) -> None:
    frames = frames_kecil()
    (tmp_path / "63.01-2019-SINTETIS.xlsx").write_bytes(b"lama")  # an earlier run's file is replaced
    berkas = tulis_ekspor_demo(frames, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "63-2024-SINTETIS.xlsx",
        "63-2025-SINTETIS.xlsx",
        "63.01-2024-SINTETIS.xlsx",
        "63.01-2025-SINTETIS.xlsx",
        "BACA-SAYA.txt",
    ]
    assert "SINTETIS" in (tmp_path / "BACA-SAYA.txt").read_text(encoding="utf-8")
    for path in berkas:
        kode, tahun = path.name.split("-")[0], int(path.name.split("-")[1])
        data = path.read_bytes()
        assert "SINTETIS" in load_workbook(io.BytesIO(data)).properties.title
        buku = read_portal(data)
        assert buku.masalah == [] and buku.kode_wilayah == kode
        bobot = {i.kode: i.bobot for i in scoring.metodologi_untuk_tahun(tahun).indikator_aspek("SID")}
        j = frames["jawaban_sid"]
        j = j[j["tahun"] == tahun]
        naif = (j["kode_indikator"].map(bobot) * j["level_klaim"]).groupby(j["id_inovasi"]).sum()
        i = frames["inovasi"]
        ada = i[(i["kode_wilayah"] == kode) & (i["tahun"] == tahun)].merge(frames["perangkat_daerah"])
        hasil = cocokkan(buku.baris, ada)
        tunggal = hasil.baris["kelompok_kembar"].isna()
        assert hasil.baris.loc[tunggal, "id_inovasi"].notna().all()
        assert tunggal.sum() == 12 - 1 and (~tunggal).sum() == 2  # one title copied by a second account
        kematangan = buku.baris.loc[tunggal, "kematangan"].to_numpy()
        assert (kematangan == naif[hasil.baris.loc[tunggal, "id_inovasi"]].to_numpy()).all()
        assert (buku.baris["kematangan"] <= 111).all()
        assert buku.baris["akun_portal"].str.fullmatch(r"[a-z]+\.[a-z]+").all()
        titik = buku.baris["lintang"].dropna()
        pusat = -3.45 if kode == "63" else -3.85  # the province's offices are in Banjarbaru
        assert ((titik - pusat).abs() <= 0.05).all()
        assert buku.baris["asta_cita"].notna().any() == (tahun >= 2025)
