-- A pemda's innovations of the import year and earlier, as the portal matcher compares them (title, perangkat
-- daerah and its singkatan; the dates that make a row identical; the details that order identical candidates).
SELECT i.id_inovasi, i.tahun, i.nama_inovasi, p.nama_perangkat_daerah, p.singkatan,
       i.tanggal_penerapan, i.tanggal_pengembangan, i.tanggal_uji_coba, i.kematangan, i.akun_portal, i.tahapan,
       i.jenis, i.tautan_video
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.kode_wilayah = $kode_wilayah AND i.tahun <= $tahun
ORDER BY i.tahun, i.id_inovasi
