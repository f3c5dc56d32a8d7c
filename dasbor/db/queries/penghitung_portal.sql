-- The portal counters typed for one year, every pemda that has them.
SELECT kode_wilayah, tahun, dilaporkan, dikirim, skor_jumlah_inovasi, inisiatif, uji_coba, penerapan,
       indeks_mandiri, tanggal_indeks, pengguna, waktu
FROM penghitung_portal
WHERE tahun = $tahun
ORDER BY kode_wilayah
