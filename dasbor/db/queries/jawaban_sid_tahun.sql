SELECT id_inovasi, kode_indikator, level_klaim, status_bukti, level_verifikasi, catatan_verifikasi
FROM jawaban_sid
WHERE tahun = $tahun
ORDER BY id_inovasi, kode_indikator
