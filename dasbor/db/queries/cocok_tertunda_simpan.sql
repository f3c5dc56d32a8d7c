-- Keep one uncertain pair an import left open (inside the import's transaction); the same pair from a later import
-- replaces the earlier.
INSERT OR REPLACE INTO cocok_tertunda (
    kode_wilayah, tahun, id_inovasi_baru, id_inovasi_ada, kunci_baris, tahun_ada, nama_inovasi_berkas,
    nama_inovasi_ada, perangkat_daerah_berkas, perangkat_daerah_ada, beda, alasan, id_impor
)
VALUES (
    $kode_wilayah, $tahun, $id_inovasi_baru, $id_inovasi_ada, $kunci_baris, $tahun_ada, $nama_inovasi_berkas,
    $nama_inovasi_ada, $perangkat_daerah_berkas, $perangkat_daerah_ada, $beda, $alasan, $id_impor
)
