-- Link the imports of an old raw archived file to its re-written content (impor_arsip_yatim.sql removes the raw one).
UPDATE impor_berkas SET kunci = $baru WHERE kunci = $lama
