-- Uncertain matches an import left open (issue 23 §6): a file row that resembled an existing innovation but came
-- in as a new one because nobody decided (the CLI without --keputusan, or the page with the pair left undecided).
-- They wait here for review on the Inovasi page, where an admin or the pemda's operator merges them (the row's
-- year takes the existing id) or confirms two innovations; either answer is remembered in cocok_keputusan, so
-- the next import of the same file agrees. A pair is shown only while both ids exist and no decision covers it,
-- so an undone or replaced import hides its pairs without deleting them.
--   id_inovasi_baru   the id the row got at import (its year is `tahun`)
--   id_inovasi_ada    the innovation it resembles, last recorded in `tahun_ada`
--   kunci_baris       the row's normalised title and perangkat daerah, as cocok_keputusan remembers it
--   beda, alasan      the matcher's evidence, as the import showed it
CREATE TABLE cocok_tertunda (
    kode_wilayah TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    id_inovasi_baru TEXT NOT NULL,
    id_inovasi_ada TEXT NOT NULL,
    kunci_baris TEXT NOT NULL,
    tahun_ada INTEGER,
    nama_inovasi_berkas TEXT,
    nama_inovasi_ada TEXT,
    perangkat_daerah_berkas TEXT,
    perangkat_daerah_ada TEXT,
    beda TEXT,
    alasan TEXT,
    id_impor INTEGER NOT NULL,
    PRIMARY KEY (kode_wilayah, tahun, id_inovasi_baru, id_inovasi_ada)
);
