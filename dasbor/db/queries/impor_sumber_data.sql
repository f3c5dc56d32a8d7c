-- Data from an import is real: its source row says so (sintetis = false) and names the file.
INSERT INTO sumber_data (jenis, sintetis, keterangan)
VALUES ('impor', false, $keterangan)
RETURNING id_sumber_data
