SELECT id_perangkat_daerah, kode_wilayah, nama_perangkat_daerah, singkatan
FROM perangkat_daerah
ORDER BY kode_wilayah, nama_perangkat_daerah
