-- A pemda's innovations of the import year and earlier, as the portal matcher compares them (title, perangkat
-- daerah and its singkatan).
SELECT i.id_inovasi, i.tahun, i.nama_inovasi, p.nama_perangkat_daerah, p.singkatan
FROM inovasi i
LEFT JOIN perangkat_daerah p USING (id_perangkat_daerah)
WHERE i.kode_wilayah = $kode_wilayah AND i.tahun <= $tahun
ORDER BY i.tahun, i.id_inovasi
