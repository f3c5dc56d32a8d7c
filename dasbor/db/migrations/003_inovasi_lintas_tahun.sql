-- Innovations that last across years. `id_inovasi` is an innovation's identity (the national export's
-- innovation id, the same year after year); a row of `inovasi` is its submission for one assessment year,
-- keyed by (id_inovasi, tahun), and the answers in `jawaban_sid` belong to that submission.
-- Before this migration id_inovasi was unique across all years, so every existing answer takes the year of
-- its innovation and nothing is lost. DuckDB cannot drop or widen a primary key in place, so both tables are
-- rebuilt (create, copy, drop, rename) inside this migration's transaction. The undo copy of the answers
-- (migration 002) gains the same column, taken from the innovation copy of the same import.

CREATE TABLE inovasi_baru (
    id_inovasi TEXT NOT NULL,
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
    id_sumber_data INTEGER NOT NULL,
    PRIMARY KEY (id_inovasi, tahun)
);
INSERT INTO inovasi_baru BY NAME SELECT * FROM inovasi;

-- tahun is NOT NULL: an answer whose innovation is missing (import validation forbids it) makes the
-- migration fail loudly instead of being dropped.
CREATE TABLE jawaban_sid_baru (
    id_inovasi TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    kode_indikator TEXT NOT NULL,
    level_klaim TINYINT CHECK (level_klaim BETWEEN 0 AND 3),
    status_bukti TEXT NOT NULL CHECK (status_bukti IN ('ada', 'kosong', 'ditolak', 'perlu_perbaikan')),
    level_verifikasi TINYINT CHECK (level_verifikasi BETWEEN 0 AND 3),
    catatan_verifikasi TEXT,
    PRIMARY KEY (id_inovasi, tahun, kode_indikator)
);
INSERT INTO jawaban_sid_baru BY NAME
SELECT j.*, i.tahun
FROM jawaban_sid j
LEFT JOIN inovasi i USING (id_inovasi);

CREATE TABLE impor_cadangan_jawaban_sid_baru AS
SELECT j.id_impor, j.id_inovasi, i.tahun, j.* EXCLUDE (id_impor, id_inovasi)
FROM impor_cadangan_jawaban_sid j
LEFT JOIN impor_cadangan_inovasi i USING (id_impor, id_inovasi);

DROP TABLE jawaban_sid;
DROP TABLE inovasi;
DROP TABLE impor_cadangan_jawaban_sid;
ALTER TABLE inovasi_baru RENAME TO inovasi;
ALTER TABLE jawaban_sid_baru RENAME TO jawaban_sid;
ALTER TABLE impor_cadangan_jawaban_sid_baru RENAME TO impor_cadangan_jawaban_sid;
