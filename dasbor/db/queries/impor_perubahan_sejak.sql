-- History entries after $sejak (the impor_terakhir of a data stamp) that may have changed wilayah-years of a
-- pending import (the list $wilayah of kode_wilayah, year $tahun): anything but a status change, and a status
-- change of one of them (or of that year, when it recorded no wilayah). A status change of another pemda or year
-- leaves the preview true, so it is not listed.
SELECT l.id_impor, l.hasil, l.pengguna, l.pesan
FROM impor_log l
WHERE l.id_impor > $sejak
  AND (l.hasil <> 'status'
       OR EXISTS (SELECT 1 FROM impor_cakupan s
                  WHERE s.id_impor = l.id_impor AND s.tahun = $tahun AND list_contains($wilayah, s.kode_wilayah))
       OR (NOT EXISTS (SELECT 1 FROM impor_cakupan s WHERE s.id_impor = l.id_impor) AND l.tahun = $tahun))
ORDER BY l.id_impor
