-- An undo is logged as its own entry pointing at the import it reversed; the import's entry stays as it was.
INSERT INTO impor_log (pengguna, nama_file, sha256, tahun, baris, hasil, pesan, membatalkan)
SELECT $pengguna, nama_file, sha256, tahun, $baris, 'dibatalkan', $pesan, id_impor
FROM impor_log
WHERE id_impor = $id_impor
RETURNING id_impor
