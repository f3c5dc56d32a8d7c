-- One wilayah-year's innovations with their send status, for setting it.
SELECT i.id_inovasi, i.nama_inovasi, p.nama_perangkat_daerah, i.kematangan, i.status_inovasi
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.kode_wilayah = $kode_wilayah AND i.tahun = $tahun
ORDER BY i.id_inovasi
