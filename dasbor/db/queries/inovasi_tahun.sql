-- Innovations of one assessment year with their perangkat daerah; the scoring input plus the profile.
SELECT i.id_inovasi, i.tahun, i.kode_wilayah, i.id_perangkat_daerah, p.nama_perangkat_daerah,
       i.nama_inovasi, i.tahapan, i.inisiator, i.jenis, i.bentuk, i.urusan_utama, i.urusan_lain,
       i.tanggal_uji_coba, i.tanggal_penerapan, i.status_inovasi, i.rancang_bangun, i.tujuan, i.manfaat,
       i.hasil_inovasi, i.tautan_video, i.id_sumber_data
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.tahun = $tahun
ORDER BY i.kode_wilayah, i.id_inovasi
