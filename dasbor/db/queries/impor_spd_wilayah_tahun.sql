-- One wilayah-year's SPD answers with their provenance: the portal export has no SPD, so they stay as they are.
SELECT *
FROM jawaban_spd
WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun
ORDER BY kode_indikator
