-- Results computed when data is published (issue 25 §4). Every publish (import, undo, restore, status or SPD
-- change, demo) computes the scores the published copy serves and the per-region breakdowns the pages start from,
-- once, and stores them here, so that a server reads them instead of scoring each year in each worker
-- (dasbor/services/hasil_terbit.py writes and reads them).
--
-- hasil_terbit_tahun: one row per assessment year whose results are stored.
--   sidik         fingerprint of everything the year's results are computed from (the year's innovations, SID
--                 and SPD answers and its periode row, and the wilayah table: queries/hasil_terbit_sidik.sql)
--   versi_hitung  fingerprint of the code and rule files that computed them
--   detik         how long computing the year took
-- A stored year is read only while both fingerprints match the data and the code reading it; otherwise it is
-- computed as before, and the next publish stores it again. A publish recomputes only the years whose
-- fingerprint changed (an import of one region-year recomputes that year).
CREATE TABLE hasil_terbit_tahun (
    tahun INTEGER PRIMARY KEY,
    sidik TEXT NOT NULL,
    versi_hitung TEXT NOT NULL,
    detik DOUBLE NOT NULL,
    dihitung_pada TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- skor_terbit: services.skor.nilai_wilayah's rows for every year x basis x rule version (each year is also scored
-- under the other versions, as Tren's "one rule for all years" does), in its row order (`baris`).
CREATE TABLE skor_terbit (
    tahun INTEGER NOT NULL,
    basis TEXT NOT NULL,
    versi_metodologi TEXT NOT NULL,
    baris INTEGER NOT NULL,
    kode_wilayah TEXT NOT NULL,
    nama_wilayah TEXT NOT NULL,
    jenis TEXT NOT NULL,
    n_inovasi BIGINT NOT NULL,
    pembagi BIGINT NOT NULL,
    skor_spd DOUBLE,
    skor_kematangan DOUBLE,
    skor_jumlah_inovasi DOUBLE,
    skor_sid DOUBLE,
    skor_total DOUBLE,
    iid_mentah DOUBLE,
    iid DOUBLE,
    predikat TEXT,
    n_urusan_yandas BIGINT NOT NULL,
    syarat_yandas_terpenuhi BOOLEAN NOT NULL,
    n_kematangan_portal BIGINT NOT NULL,
    sumber_sid TEXT NOT NULL,
    ada_spd BOOLEAN NOT NULL,
    peringkat BIGINT,
    peringkat_sid_saja BIGINT,
    peringkat_klaster BIGINT,
    semua_layak_dikirim BOOLEAN NOT NULL,
    dasar_nilai TEXT NOT NULL,
    PRIMARY KEY (tahun, basis, versi_metodologi, kode_wilayah)
);

-- rincian_terbit: services.hasil.rincian_indikator's rows (every region x indicator: IID points and mean level) for
-- every year x basis under the year's own rule version, in its row order (`baris`): what Profil and Bandingkan
-- start from.
CREATE TABLE rincian_terbit (
    tahun INTEGER NOT NULL,
    basis TEXT NOT NULL,
    versi_metodologi TEXT NOT NULL,
    baris INTEGER NOT NULL,
    kode_wilayah TEXT NOT NULL,
    nama_wilayah TEXT NOT NULL,
    jenis TEXT NOT NULL,
    kode_indikator TEXT NOT NULL,
    aspek TEXT NOT NULL,
    variabel TEXT NOT NULL,
    nama_indikator TEXT NOT NULL,
    bobot DOUBLE,
    urutan BIGINT NOT NULL,
    poin_iid DOUBLE,
    level_rata DOUBLE,
    PRIMARY KEY (tahun, basis, versi_metodologi, kode_wilayah, kode_indikator)
);
