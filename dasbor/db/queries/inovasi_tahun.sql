-- Innovations of one assessment year with their perangkat daerah; the scoring input plus the profile.
-- The portal's kematangan is renamed for the scoring contract (scoring.compute: kematangan_portal), which keeps
-- `kematangan` for the computed sum.
SELECT i.id_inovasi, i.tahun, i.kode_wilayah, i.id_perangkat_daerah, p.nama_perangkat_daerah,
       i.nama_inovasi, i.tahapan, i.inisiator, i.jenis, i.bentuk, i.urusan_utama, i.urusan_lain,
       i.tanggal_uji_coba, i.tanggal_penerapan, i.status_inovasi, i.rancang_bangun, i.tujuan, i.manfaat,
       i.hasil_inovasi, i.tautan_video, i.id_sumber_data,
       i.kematangan AS kematangan_portal, i.tanggal_pengembangan, i.lintang, i.bujur, i.koordinat_teks,
       i.akun_portal, i.ada_video, i.kembar_dengan, i.sumber
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.tahun = $tahun
ORDER BY i.kode_wilayah, i.id_inovasi
