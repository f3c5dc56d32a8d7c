-- Where each wilayah's data of one year comes from (demo or an import), for labelling per wilayah.
SELECT d.kode_wilayah, s.id_sumber_data, s.jenis, s.sintetis, s.keterangan, s.dibuat_pada
FROM (SELECT kode_wilayah, id_sumber_data FROM inovasi WHERE tahun = $tahun
      UNION SELECT kode_wilayah, id_sumber_data FROM jawaban_spd WHERE tahun = $tahun) d
JOIN sumber_data s USING (id_sumber_data)
ORDER BY d.kode_wilayah, s.id_sumber_data
