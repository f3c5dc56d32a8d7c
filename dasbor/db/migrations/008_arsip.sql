-- The import archive keeps what the readers read, once per content (issue 24 L1, M1). An imported file is
-- re-written as a plain workbook of the cell values of the sheets a reader reads (the portal's `Data`, the
-- template's data sheets), with the portal's `Nama Inisiator` (people's names) blanked; media, styles and other
-- sheets are gone. `kunci` is the SHA-256 of those values, so two imports of one content store it once.
-- impor_berkas maps an import to its content; DASBOR_ARSIP_SIMPAN and DASBOR_ARSIP_KUOTA_MB bound the archive.
-- Files archived before this migration move over as they were (`mentah`, keyed by the SHA-256 of their bytes):
-- SQL cannot re-write a workbook. The next import re-writes them like its own file (services/impor/arsip.py).
CREATE TABLE impor_arsip (
    kunci TEXT PRIMARY KEY,
    format TEXT NOT NULL CHECK (format IN ('templat', 'portal', 'spd')),
    isi BLOB NOT NULL,
    ukuran BIGINT NOT NULL,
    mentah BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO impor_arsip
SELECT sha256(isi), any_value(format), any_value(isi), any_value(octet_length(isi)), true
FROM impor_berkas
GROUP BY sha256(isi);

CREATE TABLE impor_berkas_baru (
    id_impor INTEGER PRIMARY KEY,
    kunci TEXT NOT NULL
);
INSERT INTO impor_berkas_baru SELECT id_impor, sha256(isi) FROM impor_berkas;
DROP TABLE impor_berkas;
ALTER TABLE impor_berkas_baru RENAME TO impor_berkas;
