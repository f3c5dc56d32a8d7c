-- Archived content no import links to any more.
DELETE FROM impor_arsip WHERE kunci NOT IN (SELECT kunci FROM impor_berkas)
