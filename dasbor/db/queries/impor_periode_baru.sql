-- An import for a year that periode does not list yet adds it as provisional, under the rule version in force.
INSERT INTO periode (tahun, versi_metodologi, status, batas_pelaporan)
SELECT $tahun, $versi_metodologi, 'sementara', NULL
WHERE NOT EXISTS (SELECT 1 FROM periode WHERE tahun = $tahun);
