-- Forget a year's stored results before storing them again (or when the year is gone from periode).
DELETE FROM skor_terbit WHERE tahun = $tahun;
DELETE FROM rincian_terbit WHERE tahun = $tahun;
DELETE FROM hasil_terbit_tahun WHERE tahun = $tahun;
