-- Archived files kept byte for byte from before migration 008 (names included), for re-writing.
SELECT kunci, format, isi FROM impor_arsip WHERE mentah ORDER BY kunci
