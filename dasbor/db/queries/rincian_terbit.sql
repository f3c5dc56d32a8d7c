-- One year and basis of the stored indicator breakdown, with the columns, types and row order that
-- services.hasil.rincian_indikator gives them.
SELECT kode_wilayah, nama_wilayah, jenis, kode_indikator, aspek, variabel, nama_indikator, bobot, urutan, poin_iid,
       level_rata, versi_metodologi
FROM rincian_terbit
WHERE tahun = $tahun AND basis = $basis AND versi_metodologi = $versi
ORDER BY baris
