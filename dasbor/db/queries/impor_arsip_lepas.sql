-- Drop one import's link to the archive (retention, quota); impor_arsip_yatim.sql then removes unlinked content.
DELETE FROM impor_berkas WHERE id_impor = $id_impor
