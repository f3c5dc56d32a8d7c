-- Per assessment year, a fingerprint of everything its stored results (hasil_terbit_tahun) are computed from: the
-- year's innovations, SID and SPD answers and periode row, and the wilayah table (its names and kinds are in every
-- row). Row counts and sums of whole-row hashes: a change to any column of any of those rows changes it, and a
-- year nobody touched keeps it, so a publish recomputes only the years an import changed. Perangkat daerah are
-- left out: no stored result reads them, and every import that adds one would otherwise recompute every year.
WITH inovasi_tahun AS (
    SELECT tahun, count(*) AS n, sum(hash(i)::HUGEINT) AS h FROM inovasi i GROUP BY tahun
), sid AS (
    SELECT tahun, count(*) AS n, sum(hash(j)::HUGEINT) AS h FROM jawaban_sid j GROUP BY tahun
), spd AS (
    SELECT tahun, count(*) AS n, sum(hash(j)::HUGEINT) AS h FROM jawaban_spd j GROUP BY tahun
), semua_wilayah AS (
    SELECT count(*) AS n, coalesce(sum(hash(w)::HUGEINT), 0) AS h FROM wilayah w
)
SELECT p.tahun,
       concat_ws(':', hash(p), coalesce(i.n, 0), coalesce(i.h, 0), coalesce(s.n, 0), coalesce(s.h, 0),
                 coalesce(d.n, 0), coalesce(d.h, 0), w.n, w.h) AS sidik
FROM periode p
LEFT JOIN inovasi_tahun i USING (tahun)
LEFT JOIN sid s USING (tahun)
LEFT JOIN spd d USING (tahun)
CROSS JOIN semua_wilayah w
ORDER BY p.tahun
