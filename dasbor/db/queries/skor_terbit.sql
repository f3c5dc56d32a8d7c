-- One year, basis and rule version of the stored scores, with the columns, types and row order that
-- services.skor.nilai_wilayah gives them (its tahun is a Python int, hence BIGINT).
SELECT tahun::BIGINT AS tahun, kode_wilayah, nama_wilayah, jenis, n_inovasi, pembagi, skor_spd, skor_kematangan,
       skor_jumlah_inovasi, skor_sid, skor_total, iid_mentah, iid, predikat, n_urusan_yandas,
       syarat_yandas_terpenuhi, n_kematangan_portal, sumber_sid, ada_spd, peringkat, peringkat_sid_saja,
       peringkat_klaster, semua_layak_dikirim, dasar_nilai, versi_metodologi, basis
FROM skor_terbit
WHERE tahun = $tahun AND basis = $basis AND versi_metodologi = $versi
ORDER BY baris
