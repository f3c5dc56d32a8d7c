-- A cheap fingerprint of the data; cached results are keyed on it so an import invalidates them. The history's
-- newest id stays last: tulis._berubah_sejak reads the entries after it (a status change moves only that one).
SELECT (SELECT count(*) FROM inovasi) AS n_inovasi,
       (SELECT coalesce(max(id_sumber_data), 0) FROM sumber_data) AS sumber_terakhir,
       (SELECT coalesce(max(id_impor), 0) FROM impor_log) AS impor_terakhir
