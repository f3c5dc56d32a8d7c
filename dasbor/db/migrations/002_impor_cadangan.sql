-- Undo for imports ("Batalkan impor terakhir"). An import records which wilayah-years it replaced
-- (impor_cakupan) and copies the rows it replaced into impor_cadangan_* under its id_impor, in the same
-- transaction as the replacement; undo deletes what is now in those wilayah-years and puts the copies back.
-- The copies are made with CREATE TABLE AS … LIMIT 0 so they carry exactly the live tables' columns:
-- a later migration that changes inovasi, jawaban_sid, jawaban_spd or periode must change its copy too.

-- For an undo entry in the log: the id_impor it reversed (NULL for an import).
ALTER TABLE impor_log ADD COLUMN membatalkan INTEGER;

CREATE TABLE impor_cakupan (
    id_impor INTEGER NOT NULL,
    kode_wilayah TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    PRIMARY KEY (id_impor, kode_wilayah, tahun)
);

CREATE TABLE impor_cadangan_inovasi AS SELECT 0::INTEGER AS id_impor, * FROM inovasi LIMIT 0;
CREATE TABLE impor_cadangan_jawaban_sid AS SELECT 0::INTEGER AS id_impor, * FROM jawaban_sid LIMIT 0;
CREATE TABLE impor_cadangan_jawaban_spd AS SELECT 0::INTEGER AS id_impor, * FROM jawaban_spd LIMIT 0;
CREATE TABLE impor_cadangan_periode AS SELECT 0::INTEGER AS id_impor, * FROM periode LIMIT 0;
