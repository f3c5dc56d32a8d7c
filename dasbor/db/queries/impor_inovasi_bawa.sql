-- One wilayah-year's innovations exactly as stored, provenance included: what an SPD-only entry writes back
-- unchanged, since an import replaces whole wilayah-years.
SELECT *
FROM inovasi
WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun
ORDER BY id_inovasi
