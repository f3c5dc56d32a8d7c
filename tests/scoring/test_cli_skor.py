"""`python -m scoring`: once as a real subprocess from the repository root (the module runs and its output is
what a shell sees), and otherwise through the same main() in-process, with stdout, stderr and the exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from penguji.perintah import di_sini
from scoring.cli import main

ROOT = Path(__file__).resolve().parents[2]

SPD = """kode_wilayah,kode_indikator,level
63.01,1,3
63.01,2a,2
63.01,12,
63.02,5a,1
"""
SID = """kode_wilayah,id_inovasi,kode_indikator,level,status_inovasi,urusan
63.01,A,16,3,dikirim,pendidikan
63.01,A,35,2,,pendidikan
63.01,B,16,1,ditolak,kesehatan
63.01,C,17,3,draft,
63.02,D,33,3,diterima,sosial
"""
# 2023. 63.01: SPD 1 × 3 + 1 × 2 + 2 × 0 (empty) = 5; A = 3 × 3 + 4 × 2 = 17 (empty status = dikirim),
#   B rejected: 0 but in n, C draft: ignored → n = 2; 17 ÷ MAX(10, 2) = 1.7; jumlah 1 × 0.38 (only A);
#   SID 2.08; total 7.08; IID 2.832 → 2.83.
# 63.02: SPD 0.75 × 1 = 0.75; D = 3 × 3 = 9 ÷ 10 = 0.9; jumlah 0.38; SID 1.28; total 2.03; IID 0.812 → 0.81.
HARAPAN = [
    {
        "kode_wilayah": "63.01",
        "n_inovasi": 2,
        "skor_spd": 5.0,
        "skor_sid": 2.08,
        "skor_jumlah_inovasi": 0.38,
        "skor_total": 7.08,
        "iid": 2.83,
        "predikat": "Kurang Inovatif",
    },
    {
        "kode_wilayah": "63.02",
        "n_inovasi": 1,
        "skor_spd": 0.75,
        "skor_sid": 1.28,
        "skor_jumlah_inovasi": 0.38,
        "skor_total": 2.03,
        "iid": 0.81,
        "predikat": "Kurang Inovatif",
    },
]


def jalankan_proses(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scoring", *args], cwd=ROOT, capture_output=True, text=True)


def jalankan(*args: str) -> subprocess.CompletedProcess[str]:
    return di_sini(main, args)


def tulis(folder: Path, spd: str = SPD, sid: str = SID) -> tuple[Path, Path]:
    (folder / "spd.csv").write_text(spd, encoding="utf-8")
    (folder / "sid.csv").write_text(sid, encoding="utf-8")
    return folder / "spd.csv", folder / "sid.csv"


def hitung(
    spd: Path, sid: Path, *extra: str, versi: str = "2023", proses: bool = False
) -> subprocess.CompletedProcess[str]:
    return (jalankan_proses if proses else jalankan)(
        "hitung", "--metodologi", versi, "--spd", str(spd), "--sid", str(sid), *extra
    )


def test_hitung_json(tmp_path: Path) -> None:
    hasil = hitung(*tulis(tmp_path), proses=True)
    assert hasil.returncode == 0, hasil.stderr
    assert json.loads(hasil.stdout) == HARAPAN


def test_hitung_csv(tmp_path: Path) -> None:
    hasil = hitung(*tulis(tmp_path), "--format", "csv")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.splitlines() == [
        "kode_wilayah,n_inovasi,skor_spd,skor_sid,skor_jumlah_inovasi,skor_total,iid,predikat",
        "63.01,2,5.0,2.08,0.38,7.08,2.83,Kurang Inovatif",
        "63.02,1,0.75,1.28,0.38,2.03,0.81,Kurang Inovatif",
    ]


@pytest.mark.parametrize(
    ("urusan_kelima", "jumlah", "iid"),
    [
        # 5 innovations (no status column: all dikirim), each 35 at 3 = 12 → 60 ÷ MAX(12, 5) = 5;
        # 5 of 6 urusan → jumlah 5 × 0.38 = 1.9; total 6.9; IID 2.76
        ("perumahan rakyat dan kawasan permukiman", 1.9, 2.76),
        # the fifth in a non-yandas urusan: 4 of 6 → jumlah 0; total 5; IID 2.0
        ("pertanian", 0.0, 2.0),
    ],
)
def test_hitung_2026_syarat_yandas_dari_kolom_urusan(
    tmp_path: Path, urusan_kelima: str, jumlah: float, iid: float
) -> None:
    urusan = ["pendidikan", "kesehatan", "pekerjaan umum dan penataan ruang", "sosial", urusan_kelima]
    sid = "kode_wilayah,id_inovasi,kode_indikator,level,urusan\n" + "".join(
        f"63.01,I{j},35,3,{u}\n" for j, u in enumerate(urusan)
    )
    hasil = hitung(*tulis(tmp_path, spd="kode_wilayah,kode_indikator,level\n", sid=sid), versi="2026")
    assert hasil.returncode == 0, hasil.stderr
    [wilayah] = json.loads(hasil.stdout)
    assert (wilayah["n_inovasi"], wilayah["skor_jumlah_inovasi"], wilayah["iid"]) == (5, jumlah, iid)


def _ganti(teks: str, lama: str, baru: str) -> str:
    assert lama in teks
    return teks.replace(lama, baru, 1)


# (spd, sid, the file the message must name, CSV line, column, a phrase of the message)
MASUKAN_SALAH = [
    pytest.param(_ganti(SPD, "63.01,2a,2", "63.01,99,2"), SID, "spd", 3, "kode_indikator", "'99'", id="kode_spd"),
    pytest.param(SPD, _ganti(SID, "63.02,D,33", "63.02,D,2a"), "sid", 6, "kode_indikator", "'2a'", id="kode_sid"),
    pytest.param(_ganti(SPD, "63.01,1,3", "63.01,1,4"), SID, "spd", 2, "level", "'4'", id="level_4"),
    pytest.param(_ganti(SPD, "63.02,5a,1", "63.02,5a,-1"), SID, "spd", 5, "level", "'-1'", id="level_negatif"),
    pytest.param(SPD, _ganti(SID, "63.01,B,16,1", "63.01,B,16,1.5"), "sid", 4, "level", "'1.5'", id="level_pecahan"),
    pytest.param(SPD, _ganti(SID, "63.01,B,16,1", "63.01,B,16,tiga"), "sid", 4, "level", "'tiga'", id="level_teks"),
    pytest.param(SPD, _ganti(SID, "ditolak", "selesai"), "sid", 4, "status_inovasi", "'selesai'", id="status"),
    pytest.param(SPD, _ganti(SID, "63.02,D", ",D"), "sid", 6, "kode_wilayah", "wajib diisi", id="wilayah_kosong"),
    pytest.param(SPD, _ganti(SID, "63.01,A,35", "63.02,A,35"), "sid", 3, "kode_wilayah", "baris 2", id="inovasi_beda"),
    pytest.param(SPD + "63.02,5a,2\n", SID, "spd", 6, "kode_indikator", "ganda", id="baris_ganda"),
    pytest.param(SPD.replace(",level", ",nilai"), SID, "spd", 1, "level", "tidak ada", id="kolom_hilang"),
]


@pytest.mark.parametrize(("spd", "sid", "berkas", "baris", "kolom", "frasa"), MASUKAN_SALAH)
def test_masukan_salah_keluar_2_dengan_lokasi(
    tmp_path: Path, spd: str, sid: str, berkas: str, baris: int, kolom: str, frasa: str
) -> None:
    hasil = hitung(*tulis(tmp_path, spd, sid))
    assert (hasil.returncode, hasil.stdout) == (2, "")
    [pesan] = hasil.stderr.splitlines()
    assert pesan.startswith(f"galat: {tmp_path / berkas}.csv, baris {baris}, kolom '{kolom}': ")
    assert frasa in pesan


def test_berkas_tidak_ada(tmp_path: Path) -> None:
    spd, _ = tulis(tmp_path)
    hasil = hitung(spd, tmp_path / "tidak_ada.csv")
    assert (hasil.returncode, hasil.stdout) == (2, "")
    assert hasil.stderr == f"galat: {tmp_path / 'tidak_ada.csv'}: berkas tidak ditemukan\n"


def test_semua_masalah_dilaporkan_sekaligus(tmp_path: Path) -> None:
    spd = _ganti(_ganti(SPD, "63.01,1,3", "63.01,1,4"), "63.02,5a,1", "63.02,5a,x")
    hasil = hitung(*tulis(tmp_path, spd, _ganti(SID, "ditolak", "selesai")))
    assert hasil.returncode == 2 and hasil.stdout == ""
    assert len(hasil.stderr.splitlines()) == 3


def test_versi_tidak_dikenal(tmp_path: Path) -> None:
    hasil = hitung(*tulis(tmp_path), versi="2024")
    assert (hasil.returncode, hasil.stdout) == (2, "")
    assert "versi metodologi tidak dikenal: '2024'" in hasil.stderr
    assert "tahun 2024 dinilai dengan versi 2023" in hasil.stderr


def test_metodologi_daftar_versi_dan_tahun() -> None:
    hasil = jalankan("metodologi")
    assert hasil.returncode == 0, hasil.stderr
    baris = hasil.stdout.splitlines()
    assert [b.split()[0] for b in baris if not b.startswith(" ")] == ["2022", "2023", "2025", "2026"]
    tahun_2021 = next(b for b in baris if b.strip().startswith("tahun 2021"))
    assert "[asumsi]" in tahun_2021 and "meminjam" in tahun_2021  # 2021 borrows 2022 and says so


def test_metodologi_satu_versi_sebagai_json() -> None:
    hasil = jalankan("metodologi", "2026")
    assert hasil.returncode == 0, hasil.stderr
    m = json.loads(hasil.stdout)
    assert (m["versi"], m["pembagi_minimum"], m["maks_total"]) == ("2026", 12, 250)
    assert [p["batas_bawah"] for p in m["predikat"]] == [65.01, 40.01, 0.01]
    assert m["syarat_yandas"]["minimum_urusan"] == 5
    assert len(m["indikator"]) == 40
    i35 = next(i for i in m["indikator"] if i["kode"] == "35")
    assert (i35["bobot"], len(i35["level"]), len(i35["bukti"])) == (4, 3, 3)
    asal = [v for k, v in m.items() if k.endswith("_asal")] + [i["asal"] for i in m["indikator"]]
    assert all(set(a) == {"keyakinan", "sumber", "catatan"} and a["sumber"] for a in asal)


def test_metodologi_versi_tidak_dikenal() -> None:
    hasil = jalankan("metodologi", "1999")
    assert (hasil.returncode, hasil.stdout) == (2, "")
    assert "'1999'" in hasil.stderr
