-- Urusan names already in use, offered in the template's drop-down so new rows spell them the same way.
SELECT DISTINCT urusan_utama AS urusan
FROM inovasi
WHERE urusan_utama IS NOT NULL
ORDER BY urusan
