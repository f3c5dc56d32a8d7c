"""Portal-like rows (kematangan, no indicator answers, no status) in a real DuckDB built by the project's
migrations: read back by `inovasi`, scored by `hasil`, advised by `saran-kirim` (issue 18 §3–6)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dasbor.__main__ import main
from dasbor.cli import hasil as hasil_cli
from dasbor.cli import inovasi as inovasi_cli
from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.demo.ekspor_portal import JALUR_PORTAL
from dasbor.services import kiriman
from tests.conftest import bersihkan_cache

TAHUN = 2025
PORTAL = "63.01"  # every 2025 innovation replaced by portal rows; its SPD answers removed
# id, nama, kematangan, urusan, penerapan, pengembangan, lintang, bujur, kembar_dengan
BARIS = [
    ("p1", "=SUM(A1) Layanan Cepat", 100.0, "pendidikan", date(2023, 3, 1), None, -3.8, 114.8, None),
    ("p2", "Klinik Desa", 90.0, "kesehatan", date(2024, 5, 2), None, None, None, "p3"),
    ("p3", "Klinik  Desa", 80.0, "kesehatan", date(2021, 1, 9), date(2024, 2, 1), None, None, "p2"),
    ("p4", "Arsip Lama", 111.0, "pariwisata", date(2021, 6, 1), None, None, None, None),  # too old
    ("p5", "Baru Sekali", 111.0, "pariwisata", date(2025, 1, 1), None, None, None, None),  # too new
    ("p6", "Rendah", 5.0, "sosial", date(2024, 7, 7), None, None, None, None),
]


@pytest.fixture(scope="module")
def portal_db(tmp_path_factory: pytest.TempPathFactory, demo_db: Path) -> Path:
    path = tmp_path_factory.mktemp("portal") / "iid.duckdb"
    path.write_bytes(demo_db.read_bytes())
    with terbitan.penulis(path, paksa=True) as db, db.transaction() as cur:
        param = {"t": TAHUN, "w": PORTAL}
        cur.execute(
            "DELETE FROM jawaban_sid WHERE tahun = $t AND id_inovasi IN "
            "(SELECT id_inovasi FROM inovasi WHERE tahun = $t AND kode_wilayah = $w)",
            param,
        )
        cur.execute("DELETE FROM inovasi WHERE tahun = $t AND kode_wilayah = $w", param)
        cur.execute("DELETE FROM jawaban_spd WHERE tahun = $t AND kode_wilayah = $w", param)
        sumber = cur.execute("SELECT min(id_sumber_data) FROM sumber_data").fetchone()[0]
        for id_, nama, kematangan, urusan, terap, kembang, lintang, bujur, kembar in BARIS:
            cur.execute(
                "INSERT INTO inovasi (id_inovasi, tahun, kode_wilayah, nama_inovasi, tahapan, jenis, bentuk, "
                "urusan_utama, tanggal_penerapan, status_inovasi, id_sumber_data, kematangan, tanggal_pengembangan, "
                "lintang, bujur, kembar_dengan, sumber) VALUES ($id, $t, $w, $nama, 'penerapan', 'teknologi', "
                "'pelayanan publik', $urusan, $terap, 'draft', $sumber, $k, $kembang, $lintang, $bujur, $kembar, "
                "'portal')",
                {
                    **param,
                    "id": id_,
                    "nama": nama,
                    "urusan": urusan,
                    "terap": terap,
                    "sumber": sumber,
                    "k": kematangan,
                    "kembang": kembang,
                    "lintang": lintang,
                    "bujur": bujur,
                    "kembar": kembar,
                },
            )
    return path


@pytest.fixture
def db(portal_db: Path) -> Database:
    bersihkan_cache()
    return terbitan.kini(portal_db).db


@pytest.fixture
def env(portal_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bersihkan_cache()
    monkeypatch.setenv("DASBOR_DB", str(portal_db))
    return portal_db


def test_daftar_inovasi_usia_dan_kematangan(db: Database) -> None:
    inovasi = kiriman.daftar_inovasi(db, TAHUN).set_index("id_inovasi")
    portal = inovasi.loc[[b[0] for b in BARIS]]
    assert portal["kematangan"].tolist() == [100.0, 90.0, 80.0, 111.0, 111.0, 5.0]
    assert portal["dari_kematangan_portal"].all()
    assert portal["memenuhi_usia"].tolist() == [True, True, True, False, False, True]
    assert portal.at["p4", "alasan_usia"] == "terlalu lama: diterapkan 2021, tanpa pengembangan 2023–2024"
    assert portal.at["p5", "alasan_usia"] == "terlalu baru: diterapkan 2025"
    assert portal.at["p3", "alasan_usia"] == "diterapkan 2021, dikembangkan 2024"
    # 2026 admits 2024–2025: the one applied 2023 without development ages out, so does p3 (developed 2024 is
    # still in the 2026 window, so not p3)
    assert (
        portal.at["p1", "keluar_tahun_depan"]
        and "tidak lagi dinilai 2026 kecuali dikembangkan 2024–2025" in (portal.at["p1", "alasan_usia"])
    )
    assert not portal.loc[["p2", "p3", "p6"], "keluar_tahun_depan"].any()
    menua = kiriman.akan_menua(db, TAHUN)
    assert "p1" in set(menua["id_inovasi"]) and "p2" not in set(menua["id_inovasi"])
    assert list(menua.columns[:3]) == ["kode_wilayah", "nama_perangkat_daerah", "id_inovasi"]


def test_hasil_tanpa_tanda_dan_tanpa_spd(db: Database) -> None:
    hasil = kiriman.hasil_pemda(db, TAHUN, "klaim").set_index("kode_wilayah")
    baris = hasil.loc[PORTAL]
    # nothing marked: the four eligible are sent: (100 + 90 + 80 + 5) / MAX(10, 4) + 4 × 0,38 = 27,5 + 1,52
    assert baris["semua_layak_dikirim"] and baris["sumber_sid"] == "kematangan"
    assert baris["sid"] == pytest.approx(29.02)
    assert baris["n_inovasi_dinilai"] == 4
    assert (
        pd.isna(baris["iid"]) and pd.isna(baris["predikat"]) and pd.isna(baris["peringkat"]) and pd.isna(baris["spd"])
    )
    # The demo's own portal-only pemda of this year (JALUR_PORTAL) are in the same state as PORTAL.
    jalur = sorted(k for t, k in JALUR_PORTAL if t == TAHUN)
    demo_portal = hasil.loc[jalur]
    assert (demo_portal["sumber_sid"] == "kematangan").all() and demo_portal["semua_layak_dikirim"].all()
    assert (
        demo_portal["iid"].isna().all() and demo_portal["peringkat"].isna().all() and not demo_portal["ada_spd"].any()
    )
    lain = hasil.drop(index=[PORTAL, *jalur])
    assert (lain["sumber_sid"] == "jawaban").all() and not lain["semua_layak_dikirim"].any()
    assert lain["iid"].notna().all() and lain["ada_spd"].all()
    kabkota = lain[lain["jenis"] != "provinsi"]
    assert sorted(kabkota["peringkat"].astype(int)) == list(range(1, len(kabkota) + 1))


def test_saran_kirim_menahan_yang_rendah(db: Database) -> None:
    saran = kiriman.hitung_saran(db, TAHUN, PORTAL)
    tabel = saran.tabel.set_index("id_inovasi")
    assert sorted(tabel.index) == ["p1", "p2", "p3", "p6"]  # eligible only
    # 2025: MAX(10, n), 0,38 each, no yandas gate: below 10 innovations every one adds its kematangan ÷ 10 + 0,38
    assert (tabel["disarankan"] == "ya").all() and saran.n_saran == 4
    assert saran.sid_saran == pytest.approx(29.02) and saran.sid_semua == pytest.approx(29.02)
    assert saran.iid_semua is None and not saran.ada_spd and saran.dari_kematangan_portal
    assert any(a.startswith("pembagi MAX(10, n): asumsi") for a in saran.asumsi)
    assert any(a.startswith("aturan usia inovasi: terkonfirmasi") for a in saran.asumsi)


def test_kematangan_jawaban_berbeda_didaftar(db: Database) -> None:
    assert kiriman.selisih_kematangan(db, TAHUN).empty  # demo rows have no portal value, portal rows no answers


def test_cli_inovasi_kolom_dan_format(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inovasi", "--tahun", str(TAHUN), "--wilayah", PORTAL]) == 0
    keluar = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert ", ".join(keluar.columns) == (
        "kode_wilayah, id_inovasi, nama_inovasi, perangkat_daerah, jenis, bentuk, tahapan, kematangan, "
        "tanggal_penerapan, tanggal_pengembangan, lintang, bujur, memenuhi_usia, alasan_usia, status_inovasi, "
        "kembar_dengan, sumber"
    )
    assert list(keluar.columns) == list(inovasi_cli.KOLOM)
    baris = keluar.set_index("id_inovasi")
    assert baris.at["p1", "nama_inovasi"] == "'=SUM(A1) Layanan Cepat"  # formula neutralised
    assert baris.at["p1", "tanggal_penerapan"] == "2023-03-01" and baris.at["p1", "tanggal_pengembangan"] == ""
    assert baris.at["p3", "tanggal_pengembangan"] == "2024-02-01"
    assert (baris.at["p1", "lintang"], baris.at["p1", "bujur"]) == ("-3.8", "114.8")
    assert baris.at["p2", "lintang"] == "" and baris.at["p2", "kembar_dengan"] == "p3"
    assert baris["memenuhi_usia"].tolist() == ["ya", "ya", "ya", "tidak", "tidak", "ya"]
    assert set(baris["sumber"]) == {"portal"} and set(baris["jenis"]) == {"teknologi"}
    assert baris.at["p6", "kematangan"] == "5.0"


def test_cli_inovasi_json_dan_demo(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inovasi", "--tahun", str(TAHUN), "--wilayah", "63.02", "--format", "json"]) == 0
    baris = json.loads(capsys.readouterr().out)
    assert baris and all(list(b) == list(inovasi_cli.KOLOM) for b in baris)
    assert {b["sumber"] for b in baris} == {"demo"} and {b["memenuhi_usia"] for b in baris} <= {"ya", "tidak"}


def test_cli_hasil(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hasil", "--tahun", str(TAHUN), "--basis", "klaim"]) == 0
    keluar = capsys.readouterr()
    tabel = pd.read_csv(io.StringIO(keluar.out), dtype={"kode_wilayah": str})
    assert list(tabel.columns) == list(hasil_cli.KOLOM)
    assert ", ".join(tabel.columns) == (
        "kode_wilayah, nama_wilayah, iid, predikat, peringkat, spd, sid, n_inovasi_dinilai, sumber_sid, dasar_nilai, "
        "peringkat_sid_saja"
    )
    baris = tabel.set_index("kode_wilayah").loc[PORTAL]
    assert pd.isna(baris["iid"]) and baris["sumber_sid"] == "kematangan" and baris["sid"] == pytest.approx(29.02)
    assert baris["dasar_nilai"] == "semua_layak"
    # ranked by SID among the pemda without SPD only: this one and the demo's two portal-only regions
    tanpa_spd = tabel[tabel["iid"].isna()].set_index("kode_wilayah")
    assert set(tanpa_spd.index) == {PORTAL, "63.04", "63.07"}
    assert tanpa_spd.sort_values("sid", ascending=False)["peringkat_sid_saja"].tolist() == [1, 2, 3]
    assert tabel.set_index("kode_wilayah").drop(index=tanpa_spd.index)["peringkat_sid_saja"].isna().all()
    assert "Tanpa jawaban SPD" in keluar.err and "bila setiap inovasi yang memenuhi aturan usia dikirim" in keluar.err
    assert "dari kematangan portal" in keluar.err


def test_cli_saran_kirim(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["saran-kirim", "--tahun", str(TAHUN), "--wilayah", PORTAL]) == 0
    keluar = capsys.readouterr()
    tabel = pd.read_csv(io.StringIO(keluar.out))
    assert list(tabel.columns) == ["id_inovasi", "nama_inovasi", "kematangan", "disarankan", "alasan"]
    assert len(tabel) == 4 and tabel["alasan"].notna().all()
    assert "dari kematangan portal" in keluar.err and "29,02" in keluar.err and "Bergantung pada:" in keluar.err
    assert main(["saran-kirim", "--tahun", str(TAHUN), "--wilayah", "63.02", "--format", "json"]) == 0
    isi = json.loads(capsys.readouterr().out)
    r = isi["ringkasan"]
    assert r["n_disarankan"] <= r["n_layak"] == len(isi["inovasi"])
    assert r["iid_saran"] >= r["iid_semua_layak_dikirim"] - 1e-9  # the advice never does worse than sending all
    assert r["tambahan_poin"] == pytest.approx(r["iid_saran"] - r["iid_semua_layak_dikirim"], abs=1e-5)
    assert all(b["disarankan"] in ("ya", "tidak") and b["alasan"] for b in isi["inovasi"])


@pytest.mark.parametrize(
    ("argv", "pesan"),
    [
        (["inovasi", "--tahun", "2019"], "Tahun 2019 tidak ada di basis data"),
        (["inovasi", "--tahun", "2025", "--wilayah", "63.99"], "Kode wilayah tidak dikenal: 63.99"),
        (["hasil", "--tahun", "2019"], "Tahun 2019 tidak ada di basis data"),
        (["saran-kirim", "--tahun", "2025", "--wilayah", "63.99"], "Kode wilayah tidak dikenal: 63.99"),
        (["saran-kirim", "--tahun", "2019", "--wilayah", "63.01"], "Tahun 2019 tidak ada di basis data"),
    ],
)
def test_salah_pakai_keluar_2(env: Path, capsys: pytest.CaptureFixture[str], argv: list[str], pesan: str) -> None:
    assert main(argv) == 2
    assert pesan in capsys.readouterr().err
