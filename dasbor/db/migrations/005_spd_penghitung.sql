-- Issue 23 §2 and §7. SPD entered by hand (the SPD page, the template's jawaban_spd sheet alone, `python -m dasbor
-- spd`) is an import of its own kind: logged, undoable and published like one, and archived as the rows entered
-- (a CSV) under format 'spd'. DuckDB cannot alter a CHECK constraint, so the archive table is rebuilt.
CREATE TABLE impor_berkas_baru (
    id_impor INTEGER PRIMARY KEY,
    format TEXT NOT NULL CHECK (format IN ('templat', 'portal', 'spd')),
    isi BLOB NOT NULL
);
INSERT INTO impor_berkas_baru SELECT id_impor, format, isi FROM impor_berkas;
DROP TABLE impor_berkas;
ALTER TABLE impor_berkas_baru RENAME TO impor_berkas;

-- The portal's own counters of a pemda-year as its innovation page shows them, typed by an admin or the pemda's
-- operator, to be set beside ours: reported, sent, skor jumlah inovasi, per tahapan, and the "Pengukuran Mandiri"
-- index with the time the portal last updated it. Empty means "not typed".
CREATE TABLE penghitung_portal (
    kode_wilayah TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    dilaporkan INTEGER CHECK (dilaporkan >= 0),
    dikirim INTEGER CHECK (dikirim >= 0),
    skor_jumlah_inovasi DOUBLE CHECK (skor_jumlah_inovasi >= 0),
    inisiatif INTEGER CHECK (inisiatif >= 0),
    uji_coba INTEGER CHECK (uji_coba >= 0),
    penerapan INTEGER CHECK (penerapan >= 0),
    indeks_mandiri DOUBLE CHECK (indeks_mandiri BETWEEN 0 AND 100),
    tanggal_indeks DATE,
    pengguna TEXT NOT NULL,
    waktu TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (kode_wilayah, tahun)
);
