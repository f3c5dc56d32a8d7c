SELECT j.id_inovasi, j.kode_indikator, j.level_klaim, j.status_bukti, j.level_verifikasi, j.catatan_verifikasi
FROM jawaban_sid j
JOIN inovasi i USING (id_inovasi)
WHERE i.tahun = $tahun
ORDER BY j.id_inovasi, j.kode_indikator
