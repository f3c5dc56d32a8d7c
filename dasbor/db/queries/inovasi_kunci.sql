-- Where each innovation was submitted (an id lasts across years): an import may not give an id that belongs
-- to one wilayah to another wilayah.
SELECT id_inovasi, kode_wilayah, tahun
FROM inovasi
ORDER BY id_inovasi, tahun
