"""The app's own settings, declared in one list (name, environment variable, default, meaning), as datasette
declares its SETTINGS. The README's "Pengaturan" table is this list (tests/test_pengaturan.py checks both ways, and
that every environment variable the product reads is declared here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pengaturan:
    nama: str
    env: str
    bawaan: str  # as the README shows it
    arti: str


PENGATURAN = (
    Pengaturan(
        "lingkup",
        "DASBOR_LINGKUP",
        "`lingkup` di `data/lingkup.toml` (63)",
        "Cakupan deployment: kode provinsi Kemendagri (mis. 35) atau `nasional`; judul, wilayah, peta, deck dan "
        "pesan impor mengikutinya",
    ),
    Pengaturan("basis data", "DASBOR_DB", "`data/iid.duckdb`", "Berkas DuckDB yang dibaca dan ditulis"),
    Pengaturan("akun", "DASBOR_AKUN", "`config/akun.yaml`", "Berkas akun (hash bcrypt), di luar git"),
    Pengaturan(
        "wajib masuk", "DASBOR_WAJIB_MASUK", "0", "1: setiap halaman meminta masuk; nilai lain selain 0/1 ditolak"
    ),
    Pengaturan("lama sesi", "DASBOR_SESI_MENIT", "30", "Menit diam sebelum sesi yang masuk berakhir"),
    Pengaturan(
        "domain OIDC",
        "DASBOR_OIDC_DOMAIN",
        "kosong",
        "Domain surel OIDC terverifikasi yang boleh melihat sebagai pembaca tanpa akun (koma atau spasi)",
    ),
    Pengaturan("batas gagal masuk", "DASBOR_MASUK_BATAS", "5", "Gagal masuk berturut-turut sebelum akun dikunci"),
    Pengaturan("lama kunci", "DASBOR_MASUK_KUNCI_MENIT", "15", "Menit akun terkunci setelah batas gagal masuk"),
    Pengaturan(
        "batas wilayah",
        "DASBOR_GEOJSON",
        "`batas` lingkup di `data/lingkup.toml`, selain itu `data/referensi/batas-kabkota-indonesia.geojson`",
        "GeoJSON batas kab/kota untuk peta",
    ),
    Pengaturan("pekerja", "DASBOR_PROSES", "jumlah inti bila lebih dari satu", "Jumlah pekerja Streamlit"),
    Pengaturan("TLS", "DASBOR_TLS_CERT", "kosong", "Berkas PEM sertifikat dan kunci; HAProxy mengakhiri TLS"),
    Pengaturan(
        "panaskan",
        "DASBOR_PANASKAN",
        "1",
        "0 mematikan persiapan pekerja saat menyala (memuat modul dan membuka terbitan)",
    ),
    Pengaturan(
        "skrip serentak",
        "DASBOR_SKRIP_SERENTAK",
        "2",
        "Halaman yang dijalankan bersamaan oleh satu pekerja; kunjungan lain menunggu gilirannya (paling lama 20 "
        "detik); 0: tanpa batas",
    ),
    Pengaturan(
        "hanya baca",
        "DASBOR_HANYA_BACA",
        "0",
        "1 (atau `--hanya-baca`): pekerja hanya membaca terbitan di folder bersama, tanpa migrasi, penerbitan "
        "dan impor (mesin pekerja selain mesin penulis); nilai lain selain 0/1 ditolak",
    ),
    Pengaturan(
        "arsip disimpan", "DASBOR_ARSIP_SIMPAN", "200", "Jumlah impor terbaru yang berkasnya disimpan di arsip impor"
    ),
    Pengaturan(
        "kuota arsip",
        "DASBOR_ARSIP_KUOTA_MB",
        "256",
        "Ukuran seluruh arsip impor (MB, boleh pecahan); yang lebih lama dilepas",
    ),
    Pengaturan(
        "batas cadangan",
        "DASBOR_CADANGAN_MAKS_MB",
        "4096",
        "Ukuran terbesar basis data di dalam cadangan yang mau dipulihkan (MB)",
    ),
)
