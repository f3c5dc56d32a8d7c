-- How many innovations of a year were submitted (not draft), the province's and every kab/kota's: a headline of
-- Ringkasan, counted here rather than by reading the whole year's innovations (36 000 a year nationally).
SELECT count(*) AS n
FROM inovasi
WHERE tahun = $tahun AND status_inovasi <> 'draft'
