-- A status change in the history (hasil 'status'): who, when, what; it also moves the data stamp, so a new copy
-- is published (a preview of the same wilayah-year checked before it is refused: impor_perubahan_sejak).
INSERT INTO impor_log (pengguna, nama_file, sha256, tahun, baris, hasil, pesan)
VALUES ($pengguna, '-', '-', $tahun, $baris, 'status', $pesan)
RETURNING id_impor
