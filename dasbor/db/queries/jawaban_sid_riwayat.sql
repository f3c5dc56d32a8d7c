-- One innovation's SID answers in every year it was entered.
SELECT tahun, id_inovasi, kode_indikator, level_klaim, status_bukti, level_verifikasi, catatan_verifikasi
FROM jawaban_sid
WHERE id_inovasi = CAST($id_inovasi AS TEXT)
ORDER BY tahun, kode_indikator
