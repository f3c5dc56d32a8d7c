-- One archived file of the import history, with the name and format it was imported under.
SELECT l.id_impor, l.nama_file, l.sha256, a.format, a.isi
FROM impor_berkas b
JOIN impor_log l USING (id_impor)
JOIN impor_arsip a USING (kunci)
WHERE b.id_impor = $id_impor
