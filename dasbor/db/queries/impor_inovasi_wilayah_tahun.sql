-- Every column of one wilayah-year's innovations: what a portal import keeps of a matched innovation.
SELECT i.*, p.nama_perangkat_daerah
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.kode_wilayah = $kode_wilayah AND i.tahun = $tahun
ORDER BY i.id_inovasi
