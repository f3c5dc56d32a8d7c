INSERT INTO impor_log (pengguna, nama_file, sha256, tahun, baris, hasil, pesan, id_sumber_data)
VALUES ($pengguna, $nama_file, $sha256, $tahun, $baris, 'diimpor', $pesan, $id_sumber_data)
RETURNING id_impor
