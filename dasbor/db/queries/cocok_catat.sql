-- A decision on a pending pair in the history (hasil 'cocok'): who, when, what; it also moves the data stamp, so
-- a preview checked before it is refused and a new copy is published.
INSERT INTO impor_log (pengguna, nama_file, sha256, tahun, baris, hasil, pesan)
VALUES ($pengguna, '-', '-', $tahun, 1, 'cocok', $pesan)
