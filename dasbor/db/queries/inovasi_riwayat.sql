-- One innovation's submissions in every year it was entered (an id lasts across years).
SELECT i.tahun, i.kode_wilayah, i.id_perangkat_daerah, p.nama_perangkat_daerah, i.nama_inovasi, i.tahapan,
       i.tanggal_penerapan, i.status_inovasi
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.id_inovasi = CAST($id_inovasi AS TEXT)
ORDER BY i.tahun
