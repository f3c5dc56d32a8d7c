-- The latest import that has not been undone yet: what "Batalkan impor terakhir" would reverse.
SELECT id_impor, waktu, pengguna, nama_file, sha256, tahun, baris
FROM impor_log
WHERE hasil = 'diimpor'
  AND id_impor NOT IN (SELECT membatalkan FROM impor_log WHERE membatalkan IS NOT NULL)
ORDER BY id_impor DESC
LIMIT 1
