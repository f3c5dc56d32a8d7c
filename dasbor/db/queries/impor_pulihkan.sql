-- Undo, after impor_kosongkan: put back the rows copied when the import ran. The periode row of the year
-- is replaced by its copy, so a periode the import added disappears and an existing one is unchanged.
DELETE FROM periode WHERE tahun IN (SELECT tahun FROM impor_cakupan WHERE id_impor = $id_impor);

INSERT INTO periode BY NAME
SELECT * EXCLUDE (id_impor) FROM impor_cadangan_periode WHERE id_impor = $id_impor;

INSERT INTO inovasi BY NAME
SELECT * EXCLUDE (id_impor) FROM impor_cadangan_inovasi WHERE id_impor = $id_impor;

INSERT INTO jawaban_sid BY NAME
SELECT * EXCLUDE (id_impor) FROM impor_cadangan_jawaban_sid WHERE id_impor = $id_impor;

INSERT INTO jawaban_spd BY NAME
SELECT * EXCLUDE (id_impor) FROM impor_cadangan_jawaban_spd WHERE id_impor = $id_impor;
