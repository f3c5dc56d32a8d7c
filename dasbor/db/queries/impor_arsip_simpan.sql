-- An import's normalised content in the archive, once per kunci (the SHA-256 of its cells; migration 008).
INSERT INTO impor_arsip (kunci, format, isi, ukuran) VALUES ($kunci, $format, $isi, octet_length($isi))
ON CONFLICT DO NOTHING
