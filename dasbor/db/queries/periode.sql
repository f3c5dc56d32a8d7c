SELECT tahun, versi_metodologi, status, batas_pelaporan
FROM periode
ORDER BY tahun
