-- One innovation's SID answers of one year, for its indicator worksheet.
SELECT kode_indikator, level_klaim, status_bukti, level_verifikasi, catatan_verifikasi
FROM jawaban_sid
WHERE id_inovasi = $id_inovasi AND tahun = $tahun
ORDER BY kode_indikator
