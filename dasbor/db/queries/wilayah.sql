SELECT kode_wilayah, nama_wilayah, jenis, lat, lng, luas_km2
FROM wilayah
ORDER BY kode_wilayah
