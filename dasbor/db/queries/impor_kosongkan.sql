-- Remove the current content of the wilayah-years in an import's impor_cakupan: before the import writes
-- the file's rows, and again when the import is undone. Answers first, while their innovations still say
-- which wilayah-year they belong to.
DELETE FROM jawaban_sid j
WHERE EXISTS (SELECT 1 FROM inovasi i JOIN impor_cakupan c USING (kode_wilayah, tahun)
              WHERE c.id_impor = $id_impor AND i.id_inovasi = j.id_inovasi AND i.tahun = j.tahun);

DELETE FROM inovasi i
WHERE EXISTS (SELECT 1 FROM impor_cakupan c
              WHERE c.id_impor = $id_impor AND c.kode_wilayah = i.kode_wilayah AND c.tahun = i.tahun);

DELETE FROM jawaban_spd s
WHERE EXISTS (SELECT 1 FROM impor_cakupan c
              WHERE c.id_impor = $id_impor AND c.kode_wilayah = s.kode_wilayah AND c.tahun = s.tahun);
