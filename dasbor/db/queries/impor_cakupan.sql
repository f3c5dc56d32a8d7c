SELECT kode_wilayah, tahun
FROM impor_cakupan
WHERE id_impor = $id_impor
ORDER BY kode_wilayah
