-- Core schema. No foreign keys on purpose: DuckDB checks them eagerly, which blocks the
-- delete-and-reinsert of one wilayah-year that an import does inside a single transaction.
-- Referential integrity is enforced by import validation and tested on the demo data.

CREATE SEQUENCE seq_sumber_data START 1;
CREATE TABLE sumber_data (
    id_sumber_data INTEGER PRIMARY KEY DEFAULT nextval('seq_sumber_data'),
    jenis TEXT NOT NULL CHECK (jenis IN ('demo', 'impor')),
    sintetis BOOLEAN NOT NULL,
    keterangan TEXT NOT NULL,
    dibuat_pada TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE wilayah (
    kode_wilayah TEXT PRIMARY KEY,
    nama_wilayah TEXT NOT NULL,
    jenis TEXT NOT NULL CHECK (jenis IN ('provinsi', 'kabupaten', 'kota')),
    lat DOUBLE,
    lng DOUBLE,
    luas_km2 DOUBLE
);

CREATE TABLE periode (
    tahun INTEGER PRIMARY KEY,
    versi_metodologi TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sementara', 'final')),
    batas_pelaporan DATE
);

CREATE TABLE perangkat_daerah (
    id_perangkat_daerah TEXT PRIMARY KEY,
    kode_wilayah TEXT NOT NULL,
    nama_perangkat_daerah TEXT NOT NULL,
    singkatan TEXT,
    UNIQUE (kode_wilayah, nama_perangkat_daerah)
);

CREATE TABLE inovasi (
    id_inovasi TEXT PRIMARY KEY,
    tahun INTEGER NOT NULL,
    kode_wilayah TEXT NOT NULL,
    id_perangkat_daerah TEXT,
    nama_inovasi TEXT NOT NULL,
    tahapan TEXT CHECK (tahapan IN ('inisiatif', 'uji coba', 'penerapan')),
    inisiator TEXT CHECK (inisiator IN ('kepala daerah', 'anggota DPRD', 'perangkat daerah', 'ASN', 'masyarakat')),
    jenis TEXT CHECK (jenis IN ('digital', 'non digital')),
    bentuk TEXT CHECK (bentuk IN ('tata kelola pemerintahan daerah', 'pelayanan publik', 'inovasi daerah lainnya')),
    urusan_utama TEXT,
    urusan_lain TEXT,
    tanggal_uji_coba DATE,
    tanggal_penerapan DATE,
    status_inovasi TEXT NOT NULL CHECK (status_inovasi IN ('draft', 'dikirim', 'diterima', 'ditolak')),
    rancang_bangun TEXT,
    tujuan TEXT,
    manfaat TEXT,
    hasil_inovasi TEXT,
    tautan_video TEXT,
    id_sumber_data INTEGER NOT NULL
);

CREATE TABLE jawaban_sid (
    id_inovasi TEXT NOT NULL,
    kode_indikator TEXT NOT NULL,
    level_klaim TINYINT CHECK (level_klaim BETWEEN 0 AND 3),
    status_bukti TEXT NOT NULL CHECK (status_bukti IN ('ada', 'kosong', 'ditolak', 'perlu_perbaikan')),
    level_verifikasi TINYINT CHECK (level_verifikasi BETWEEN 0 AND 3),
    catatan_verifikasi TEXT,
    PRIMARY KEY (id_inovasi, kode_indikator)
);

CREATE TABLE jawaban_spd (
    kode_wilayah TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    kode_indikator TEXT NOT NULL,
    level_klaim TINYINT CHECK (level_klaim BETWEEN 0 AND 3),
    status_bukti TEXT NOT NULL CHECK (status_bukti IN ('ada', 'kosong', 'ditolak', 'perlu_perbaikan')),
    level_verifikasi TINYINT CHECK (level_verifikasi BETWEEN 0 AND 3),
    catatan_verifikasi TEXT,
    id_sumber_data INTEGER NOT NULL,
    PRIMARY KEY (kode_wilayah, tahun, kode_indikator)
);

-- Officially published values: real facts with their sources, never computed by us.
CREATE TABLE hasil_resmi (
    kode_wilayah TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    nilai_iid DOUBLE,
    predikat TEXT,
    peringkat INTEGER,
    lingkup_peringkat TEXT,
    status TEXT NOT NULL CHECK (status IN ('sementara', 'final')),
    keyakinan TEXT NOT NULL,
    catatan TEXT,
    sumber TEXT NOT NULL
);

CREATE SEQUENCE seq_impor_log START 1;
CREATE TABLE impor_log (
    id_impor INTEGER PRIMARY KEY DEFAULT nextval('seq_impor_log'),
    waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
    pengguna TEXT NOT NULL,
    nama_file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    tahun INTEGER,
    baris INTEGER NOT NULL,
    hasil TEXT NOT NULL,
    pesan TEXT,
    id_sumber_data INTEGER
);
