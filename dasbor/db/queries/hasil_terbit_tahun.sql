-- The years whose results a publish stored, with the fingerprints they were computed at (migration 010).
SELECT tahun, sidik, versi_hitung, detik, dihitung_pada
FROM hasil_terbit_tahun
ORDER BY tahun
