-- Before an import stores its own open pairs: a wilayah-year's earlier pairs stay only when their row's id was in
-- the list before ($id_impor's copy of what it replaced) and is in it again. A pair whose row left the list, or
-- whose id this import gives afresh (numbers freed by an undo are given again), would show the wrong evidence.
DELETE FROM cocok_tertunda
WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun
  AND NOT (
      id_inovasi_baru IN (
          SELECT id_inovasi FROM impor_cadangan_inovasi
          WHERE id_impor = $id_impor AND kode_wilayah = $kode_wilayah AND tahun = $tahun
      )
      AND id_inovasi_baru IN (SELECT id_inovasi FROM inovasi WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun)
  )
