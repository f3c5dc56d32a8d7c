-- The uncertain pairs an import left open for one wilayah-year that are still open: the row's id is still in that
-- year, the innovation it resembles still exists, and no decision covers the pair.
SELECT t.id_inovasi_baru, t.id_inovasi_ada, t.kunci_baris, t.tahun_ada, t.nama_inovasi_berkas, t.nama_inovasi_ada,
       t.perangkat_daerah_berkas, t.perangkat_daerah_ada, t.beda, t.alasan, t.id_impor,
       EXISTS (
           SELECT 1 FROM inovasi i WHERE i.id_inovasi = t.id_inovasi_ada AND i.tahun = t.tahun
       ) AS ada_tahun_ini
FROM cocok_tertunda t
WHERE t.kode_wilayah = CAST($kode_wilayah AS TEXT) AND t.tahun = $tahun
  AND EXISTS (
      SELECT 1 FROM inovasi i
      WHERE i.id_inovasi = t.id_inovasi_baru AND i.tahun = t.tahun AND i.kode_wilayah = t.kode_wilayah
  )
  AND EXISTS (SELECT 1 FROM inovasi i WHERE i.id_inovasi = t.id_inovasi_ada AND i.kode_wilayah = t.kode_wilayah)
  AND NOT EXISTS (
      SELECT 1 FROM cocok_keputusan k
      WHERE k.kode_wilayah = t.kode_wilayah AND k.kunci_baris = t.kunci_baris AND k.id_inovasi = t.id_inovasi_ada
  )
ORDER BY t.nama_inovasi_berkas, t.id_inovasi_baru, t.id_inovasi_ada
