-- Append a note to an import's log message (what the archive did with its file).
UPDATE impor_log SET pesan = pesan || $catatan WHERE id_impor = $id_impor
