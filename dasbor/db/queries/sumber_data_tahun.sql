-- Where the innovation data of one year comes from; any synthetic source must be labelled in the UI.
SELECT s.id_sumber_data, s.jenis, s.sintetis, s.keterangan, s.dibuat_pada
FROM sumber_data s
WHERE s.id_sumber_data IN (SELECT id_sumber_data FROM inovasi WHERE tahun = $tahun
                           UNION SELECT id_sumber_data FROM jawaban_spd WHERE tahun = $tahun)
ORDER BY s.id_sumber_data
