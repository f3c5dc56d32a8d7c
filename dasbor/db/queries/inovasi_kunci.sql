-- Which wilayah-year owns each innovation id (ids are unique across all years): an import may not reuse an id
-- that belongs to a wilayah-year it does not replace.
SELECT id_inovasi, kode_wilayah, tahun
FROM inovasi
