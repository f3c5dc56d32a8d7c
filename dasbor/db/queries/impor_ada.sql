-- How many imports (and non-demo data sources) the database holds: the demo build refuses to replace them
-- without --timpa, since real data would be lost.
SELECT (SELECT count(*) FROM impor_log) + (SELECT count(*) FROM sumber_data WHERE jenis <> 'demo') AS n
