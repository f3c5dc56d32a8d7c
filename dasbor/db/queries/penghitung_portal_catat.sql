-- Counters typed, in the history (hasil 'penghitung'): who, when, what; it also moves the data stamp, so a new
-- copy is published and cached pages recompute.
INSERT INTO impor_log (pengguna, nama_file, sha256, tahun, baris, hasil, pesan)
VALUES ($pengguna, '-', '-', $tahun, 1, 'penghitung', $pesan)
