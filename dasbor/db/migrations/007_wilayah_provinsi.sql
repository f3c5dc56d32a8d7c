-- Every region knows its province (issue 25 §2), so that a deployment of any province, or of the whole country,
-- ranks within a province and filters by it. The code is the Kemendagri prefix, as in
-- data/referensi/wilayah-indonesia.csv: '63' for the province itself and for '63.01'. The kind (provinsi,
-- kabupaten, kota) is the existing `jenis`. A fresh database is given its scope's rows from that reference
-- (dasbor/db/migrate.py); a database made before this migration keeps its rows and gains the column here.
ALTER TABLE wilayah ADD COLUMN kode_provinsi TEXT;
UPDATE wilayah SET kode_provinsi = split_part(kode_wilayah, '.', 1);
