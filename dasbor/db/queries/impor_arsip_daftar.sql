-- The archived imports, newest first, with their content's key and size: what retention and the quota choose from
-- (dasbor/services/impor/arsip.py).
SELECT b.id_impor, b.kunci, a.ukuran
FROM impor_berkas b
JOIN impor_arsip a USING (kunci)
ORDER BY b.id_impor DESC
