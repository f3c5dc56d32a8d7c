SELECT kode_wilayah, kode_indikator, level_klaim, status_bukti, level_verifikasi, catatan_verifikasi
FROM jawaban_spd
WHERE tahun = $tahun
ORDER BY kode_wilayah, kode_indikator
