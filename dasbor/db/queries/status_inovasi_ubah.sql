-- Set the send status of one innovation of a wilayah-year; returns the row it changed (none: no such innovation).
UPDATE inovasi SET status_inovasi = $status_inovasi
WHERE id_inovasi = $id_inovasi AND tahun = $tahun AND kode_wilayah = $kode_wilayah
RETURNING id_inovasi
