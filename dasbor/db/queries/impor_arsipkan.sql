-- Keep the imported file byte for byte with its format, under the import's id (migration 004's archive).
INSERT INTO impor_berkas (id_impor, format, isi) VALUES ($id_impor, $format, $isi)
