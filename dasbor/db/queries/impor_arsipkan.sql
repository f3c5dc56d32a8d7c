-- Link an import to its archived content (impor_arsip_simpan.sql stores the content once).
INSERT INTO impor_berkas (id_impor, kunci) VALUES ($id_impor, $kunci)
