-- Merge a pending pair: the row's submission of year $tahun (id $id_baru) becomes a submission of the existing
-- innovation $id_ada. Its status, answers and twin marks move with it; decisions about $id_baru now speak of
-- $id_ada (one already said about $id_ada wins); the row's other pending pairs are settled by this answer.
UPDATE jawaban_sid SET id_inovasi = CAST($id_ada AS TEXT)
WHERE id_inovasi = CAST($id_baru AS TEXT) AND tahun = $tahun;
UPDATE inovasi SET id_inovasi = CAST($id_ada AS TEXT)
WHERE id_inovasi = CAST($id_baru AS TEXT) AND tahun = $tahun AND kode_wilayah = CAST($kode_wilayah AS TEXT);
UPDATE inovasi SET kembar_dengan = CAST($id_ada AS TEXT)
WHERE kembar_dengan = CAST($id_baru AS TEXT) AND tahun = $tahun AND kode_wilayah = CAST($kode_wilayah AS TEXT);
DELETE FROM cocok_keputusan
WHERE kode_wilayah = CAST($kode_wilayah AS TEXT) AND id_inovasi = CAST($id_baru AS TEXT)
  AND kunci_baris IN (
      SELECT kunci_baris FROM cocok_keputusan
      WHERE kode_wilayah = CAST($kode_wilayah AS TEXT) AND id_inovasi = CAST($id_ada AS TEXT)
  );
UPDATE cocok_keputusan SET id_inovasi = CAST($id_ada AS TEXT)
WHERE kode_wilayah = CAST($kode_wilayah AS TEXT) AND id_inovasi = CAST($id_baru AS TEXT);
DELETE FROM cocok_tertunda
WHERE kode_wilayah = CAST($kode_wilayah AS TEXT) AND tahun = $tahun AND id_inovasi_baru = CAST($id_baru AS TEXT);
