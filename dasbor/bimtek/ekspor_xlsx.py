"""The Excel data pack: every number shown in the deck, as numbers, one sheet per slide, with its source."""

from __future__ import annotations

import io

import pandas as pd

from dasbor.bimtek.model import Deck
from dasbor.ekspor.tabel import LEBAR_MAKS, nama_lembar, netralkan


def _netralkan_frame(frame: pd.DataFrame) -> pd.DataFrame:
    hasil = frame.rename(columns=lambda k: netralkan(str(k)))
    teks = hasil.select_dtypes(include=["object", "string"]).columns
    for kolom in teks:
        hasil[kolom] = hasil[kolom].map(netralkan, na_action="ignore")
    return hasil


def tulis_xlsx(deck: Deck) -> bytes:
    """One sheet 'Keterangan' (event, rule version, data origin, slide list), one per slide, one 'Catatan'."""
    buf = io.BytesIO()
    dipakai = {"Keterangan", "Catatan"}
    lembar_slide = [nama_lembar(f"{i:02d} {s.judul}", dipakai) for i, s in enumerate(deck.slides, start=1)]
    # strings_to_formulas off as well: a text cell must never become a formula, whatever its first character.
    opsi = {"options": {"strings_to_formulas": False, "strings_to_urls": False}}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs=opsi) as writer:
        tebal = writer.book.add_format({"bold": True})
        merah = writer.book.add_format({"bold": True, "font_color": "#A3001B"})

        def tulis(frame: pd.DataFrame, lembar: str, baris_awal: int) -> int:
            frame = _netralkan_frame(frame)
            frame.to_excel(writer, sheet_name=lembar, startrow=baris_awal, index=False)
            ws = writer.sheets[lembar]
            for j, kolom in enumerate(frame.columns):
                panjang = max([len(str(kolom)), *(len(str(v)) for v in frame[kolom])])
                ws.set_column(j, j, min(panjang + 2, LEBAR_MAKS))
            return baris_awal + len(frame) + 2

        def kepala(lembar: str, judul: str, sumber: str) -> int:
            ws = writer.book.add_worksheet(lembar)  # pandas writes into it later by name
            baris = 0
            if deck.sintetis:
                ws.write_string(baris, 0, deck.label_sintetis, merah)
                baris += 1
            ws.write_string(baris, 0, str(netralkan(judul)), tebal)
            ws.write_string(baris + 1, 0, str(netralkan(sumber)))
            return baris + 3

        baris = kepala("Keterangan", deck.acara.nama, f"Paket data bimtek, tahun penilaian {deck.tahun}")
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
        baris = tulis(meta, "Keterangan", baris)
        daftar = pd.DataFrame(
            {
                "slide": range(1, len(deck.slides) + 1),
                "judul": [s.judul for s in deck.slides],
                "lembar": lembar_slide,
                "sumber": [s.sumber for s in deck.slides],
            }
        )
        tulis(daftar, "Keterangan", baris)

        for slide, lembar in zip(deck.slides, lembar_slide, strict=True):
            baris = kepala(lembar, slide.judul, slide.sumber)
            for nama, frame in slide.data.items():
                writer.sheets[lembar].write_string(baris, 0, nama, tebal)
                baris = tulis(frame, lembar, baris + 1)

        catatan = pd.DataFrame(
            [(i, s.judul, c) for i, s in enumerate(deck.slides, start=1) for c in s.catatan],
            columns=["slide", "judul", "catatan"],
        )
        tulis(catatan, "Catatan", kepala("Catatan", "Catatan pembicara", "Angka dan sumbernya per slide"))
    return buf.getvalue()
