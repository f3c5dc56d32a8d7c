"""The Excel data pack: every number shown in the deck, as numbers, one sheet per slide, with its source.

Written with the one table writer (dasbor.ekspor.tabel.Buku): formulas neutralised, predikat cells in the palette,
and the house page setup (dasbor.ekspor.cetak), so every sheet prints with the event, year, rule and data label.
"""

from __future__ import annotations

import pandas as pd

from dasbor.bimtek.model import Deck
from dasbor.ekspor.cetak import Kop
from dasbor.ekspor.tabel import Buku
from dasbor.lingkup import lingkup


def tulis_xlsx(deck: Deck) -> bytes:
    """One sheet 'Keterangan' (event, rule version, data origin, slide list), one per slide, one 'Catatan'."""
    kop = Kop(
        f"Paket data bimtek: {deck.acara.nama}",
        wilayah=deck.daerah or lingkup().nama,
        tahun=deck.tahun,
        versi=deck.versi_metodologi,
        label_sintetis=deck.label_sintetis,
    )
    buku = Buku(kop)
    lembar_keterangan = buku.lembar("Keterangan")
    lembar_slide = [buku.lembar(f"{i:02d} {s.judul}") for i, s in enumerate(deck.slides, start=1)]

    def kepala(ws, judul: str, sumber: str) -> int:
        baris = 0
        if deck.sintetis:
            buku.teks(ws, baris, 0, deck.label_sintetis, buku.merah)
            baris += 1
        buku.teks(ws, baris, 0, judul, buku.tebal)
        buku.teks(ws, baris + 1, 0, sumber)
        return baris + 3

    baris = kepala(lembar_keterangan, deck.acara.nama, f"Paket data bimtek, tahun penilaian {deck.tahun}")
    meta = pd.DataFrame(
        {
            "butir": ["Acara", "Tempat", "Tanggal", "Tahun penilaian", "Aturan IID", "Keyakinan aturan", "Basis"],
            "nilai": [
                deck.acara.nama,
                deck.acara.tempat,
                deck.acara.tanggal.isoformat(),
                str(deck.tahun),
                f"versi {deck.versi_metodologi}",
                deck.keyakinan,
                deck.basis,
            ],
        }
    )
    baris = buku.tabel(lembar_keterangan, meta, baris)
    daftar = pd.DataFrame(
        {
            "slide": range(1, len(deck.slides) + 1),
            "judul": [s.judul for s in deck.slides],
            "lembar": [ws.get_name() for ws in lembar_slide],
            "sumber": [s.sumber for s in deck.slides],
        }
    )
    buku.tabel(lembar_keterangan, daftar, baris)

    for slide, ws in zip(deck.slides, lembar_slide, strict=True):
        baris = kepala(ws, slide.judul, slide.sumber)
        for nama, frame in slide.data.items():
            buku.teks(ws, baris, 0, nama, buku.tebal)
            baris = buku.tabel(ws, frame, baris + 1)

    catatan = pd.DataFrame(
        [(i, s.judul, c) for i, s in enumerate(deck.slides, start=1) for c in s.catatan],
        columns=["slide", "judul", "catatan"],
    )
    lembar_catatan = buku.lembar("Catatan")  # slide sheets are numbered ("01 …"), so this name stays free
    buku.tabel(lembar_catatan, catatan, kepala(lembar_catatan, "Catatan pembicara", "Angka dan sumbernya per slide"))
    return buku.tutup()
