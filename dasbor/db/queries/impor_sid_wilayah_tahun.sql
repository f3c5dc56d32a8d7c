-- One wilayah-year's SID answers: a portal import keeps those of the innovations it matches.
SELECT j.*
FROM jawaban_sid j
JOIN inovasi i USING (id_inovasi, tahun)
WHERE i.kode_wilayah = $kode_wilayah AND i.tahun = $tahun
ORDER BY j.id_inovasi, j.kode_indikator
