-- Copy the rows an import is about to replace (the wilayah-years in its impor_cakupan) under its id_impor,
-- inside the import's own transaction, so that "Batalkan impor terakhir" can put them back exactly.
INSERT INTO impor_cadangan_inovasi BY NAME
SELECT $id_impor AS id_impor, i.*
FROM inovasi i
WHERE EXISTS (SELECT 1 FROM impor_cakupan c
              WHERE c.id_impor = $id_impor AND c.kode_wilayah = i.kode_wilayah AND c.tahun = i.tahun);

INSERT INTO impor_cadangan_jawaban_sid BY NAME
SELECT $id_impor AS id_impor, j.*
FROM jawaban_sid j
WHERE EXISTS (SELECT 1 FROM inovasi i JOIN impor_cakupan c USING (kode_wilayah, tahun)
              WHERE c.id_impor = $id_impor AND i.id_inovasi = j.id_inovasi AND i.tahun = j.tahun);

INSERT INTO impor_cadangan_jawaban_spd BY NAME
SELECT $id_impor AS id_impor, s.*
FROM jawaban_spd s
WHERE EXISTS (SELECT 1 FROM impor_cakupan c
              WHERE c.id_impor = $id_impor AND c.kode_wilayah = s.kode_wilayah AND c.tahun = s.tahun);

-- The year's periode row too: an import of a year not yet in periode adds it, and undo must remove it again.
INSERT INTO impor_cadangan_periode BY NAME
SELECT $id_impor AS id_impor, p.*
FROM periode p
WHERE p.tahun IN (SELECT tahun FROM impor_cakupan WHERE id_impor = $id_impor);
