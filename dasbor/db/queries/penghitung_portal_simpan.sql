-- One pemda-year's portal counters as typed; a second entry replaces the first.
INSERT OR REPLACE INTO penghitung_portal
    (kode_wilayah, tahun, dilaporkan, dikirim, skor_jumlah_inovasi, inisiatif, uji_coba, penerapan,
     indeks_mandiri, tanggal_indeks, pengguna, waktu)
VALUES ($kode_wilayah, $tahun, $dilaporkan, $dikirim, $skor_jumlah_inovasi, $inisiatif, $uji_coba, $penerapan,
        $indeks_mandiri, $tanggal_indeks, $pengguna, current_timestamp)
