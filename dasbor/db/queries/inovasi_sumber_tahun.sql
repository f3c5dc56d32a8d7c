-- Where each innovation of a year comes from (services.asal): only the two columns provenance needs, so that
-- the first page of a visitor does not read the year's innovations whole.
SELECT kode_wilayah, sumber
FROM inovasi
WHERE tahun = $tahun
