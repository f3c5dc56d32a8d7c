SELECT count(*) AS n_inovasi
FROM impor_cadangan_inovasi
WHERE id_impor = $id_impor
