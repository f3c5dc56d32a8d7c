SELECT kode_wilayah, nama_wilayah, jenis, kode_provinsi, lat, lng, luas_km2
FROM wilayah
ORDER BY kode_wilayah
