SELECT id_impor, waktu, pengguna, nama_file, sha256, tahun, baris, hasil, pesan, id_sumber_data, membatalkan
FROM impor_log
ORDER BY id_impor DESC
