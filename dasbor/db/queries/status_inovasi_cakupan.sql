-- The wilayah-year a status change touched, under its history entry: an undo of an earlier import of that
-- wilayah-year would revert it, and a pending preview of another wilayah-year is not affected by it.
INSERT INTO impor_cakupan (id_impor, kode_wilayah, tahun)
VALUES ($id_impor, $kode_wilayah, $tahun)
