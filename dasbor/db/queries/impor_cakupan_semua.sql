-- The regions every entry of the history replaced (imports) or changed (status changes): who may see its file.
SELECT id_impor, kode_wilayah
FROM impor_cakupan
