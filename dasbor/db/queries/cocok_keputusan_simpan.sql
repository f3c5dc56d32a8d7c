-- Remember one decision (inside the import's transaction); a later word on the same pair replaces the earlier.
INSERT OR REPLACE INTO cocok_keputusan (kode_wilayah, kunci_baris, id_inovasi, keputusan, pengguna)
VALUES ($kode_wilayah, $kunci_baris, $id_inovasi, $keputusan, $pengguna)
