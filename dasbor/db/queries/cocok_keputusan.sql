-- The user's earlier word on uncertain matches of one wilayah.
SELECT kunci_baris, id_inovasi, keputusan, pengguna, waktu
FROM cocok_keputusan
WHERE kode_wilayah = $kode_wilayah
ORDER BY kunci_baris, id_inovasi
