-- Status changes logged after import $id_impor in one of its wilayah-years: undoing the import would silently
-- put those innovations back to their status before it. An entry written before status changes recorded their
-- wilayah (no impor_cakupan row) counts when its year is one of the import's. A decision on a pending pair
-- (hasil 'cocok': a merge moves an innovation's year to another id) is undone the same silent way, so it counts too.
SELECT l.id_impor, l.waktu, l.pengguna, l.pesan
FROM impor_log l
WHERE l.hasil IN ('status', 'cocok')
  AND l.id_impor > $id_impor
  AND (EXISTS (SELECT 1 FROM impor_cakupan s JOIN impor_cakupan c USING (kode_wilayah, tahun)
               WHERE s.id_impor = l.id_impor AND c.id_impor = $id_impor)
       OR (NOT EXISTS (SELECT 1 FROM impor_cakupan s WHERE s.id_impor = l.id_impor)
           AND l.tahun IN (SELECT tahun FROM impor_cakupan WHERE id_impor = $id_impor)))
ORDER BY l.id_impor
