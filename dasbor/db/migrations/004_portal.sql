-- The national portal's innovation-list export (issue 18). The export carries fields our template lacks
-- (kematangan, the pengembangan date, coordinates, the portal account behind `Admin OPD`) and a new jenis
-- `teknologi`; the jenis CHECK cannot be widened in place, so `inovasi` is rebuilt as in migration 003.
-- Every row records where it came from (`sumber`: demo, templat or portal), set by whoever writes it.
--   kematangan      the innovation's SID sum as the pemda entered it before verification (0–111); NULL when
--                   the row came with indicator-level answers only
--   lintang, bujur  decimal degrees when the portal's Koordinat could be read; koordinat_teks keeps the cell
--                   as written when it could not (a plus code, prose)
--   kembar_dengan   id_inovasi of another row of the same wilayah-year with the same normalised title
--                   (the portal lets two OPD accounts enter one title); the user resolves it in the portal

CREATE TABLE inovasi_baru (
    id_inovasi TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    kode_wilayah TEXT NOT NULL,
    id_perangkat_daerah TEXT,
    nama_inovasi TEXT NOT NULL,
    tahapan TEXT CHECK (tahapan IN ('inisiatif', 'uji coba', 'penerapan')),
    inisiator TEXT CHECK (inisiator IN ('kepala daerah', 'anggota DPRD', 'perangkat daerah', 'ASN', 'masyarakat')),
    jenis TEXT CHECK (jenis IN ('digital', 'non digital', 'teknologi')),
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
    kematangan DOUBLE CHECK (kematangan BETWEEN 0 AND 111),
    tanggal_pengembangan DATE,
    lintang DOUBLE CHECK (lintang BETWEEN -90 AND 90),
    bujur DOUBLE CHECK (bujur BETWEEN -180 AND 180),
    koordinat_teks TEXT,
    akun_portal TEXT,
    asta_cita TEXT,
    ada_video BOOLEAN,
    kembar_dengan TEXT,
    sumber TEXT NOT NULL CHECK (sumber IN ('demo', 'templat', 'portal')),
    PRIMARY KEY (id_inovasi, tahun)
);
INSERT INTO inovasi_baru BY NAME
SELECT i.*, CASE WHEN s.jenis = 'demo' THEN 'demo' ELSE 'templat' END AS sumber
FROM inovasi i
LEFT JOIN sumber_data s USING (id_sumber_data);
DROP TABLE inovasi;
ALTER TABLE inovasi_baru RENAME TO inovasi;

-- The undo copy carries exactly the live table's columns (migration 002).
ALTER TABLE impor_cadangan_inovasi ADD COLUMN kematangan DOUBLE;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN tanggal_pengembangan DATE;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN lintang DOUBLE;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN bujur DOUBLE;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN koordinat_teks TEXT;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN akun_portal TEXT;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN asta_cita TEXT;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN ada_video BOOLEAN;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN kembar_dengan TEXT;
ALTER TABLE impor_cadangan_inovasi ADD COLUMN sumber TEXT;
UPDATE impor_cadangan_inovasi c SET sumber = CASE WHEN s.jenis = 'demo' THEN 'demo' ELSE 'templat' END
FROM impor_log l LEFT JOIN sumber_data s USING (id_sumber_data)
WHERE l.id_impor = c.id_impor;
UPDATE impor_cadangan_inovasi SET sumber = 'templat' WHERE sumber IS NULL;

-- The archive: every imported file, byte for byte, so a region keeps its own copy after the central server
-- purges old data and the import history can hand the file back.
CREATE TABLE impor_berkas (
    id_impor INTEGER PRIMARY KEY,
    format TEXT NOT NULL CHECK (format IN ('templat', 'portal')),
    isi BLOB NOT NULL
);

-- The user's word on an uncertain match between a portal row (its normalised title and perangkat daerah,
-- `kunci_baris`) and an existing innovation: the same innovation ('sama') or not ('beda'). Remembered for
-- every later import of the same wilayah.
CREATE TABLE cocok_keputusan (
    kode_wilayah TEXT NOT NULL,
    kunci_baris TEXT NOT NULL,
    id_inovasi TEXT NOT NULL,
    keputusan TEXT NOT NULL CHECK (keputusan IN ('sama', 'beda')),
    pengguna TEXT NOT NULL,
    waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (kode_wilayah, kunci_baris, id_inovasi)
);
