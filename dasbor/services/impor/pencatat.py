"""Problems with their Excel position: sheet, row and column letter, collected from rows of a sheet's frame."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from dasbor.excel.read import KOLOM_BARIS, BukuKerja, MasalahBerkas


class Pencatat:
    """Collects semantic problems with their Excel position, from rows of a sheet's frame."""

    def __init__(self, buku: BukuKerja) -> None:
        self.buku = buku
        self.masalah: list[MasalahBerkas] = []

    def baris(self, lembar: str, mask: pd.Series, kolom: str, pesan: Callable[[pd.Series], str]) -> None:
        frame = self.buku.frames[lembar]
        for i in np.flatnonzero(np.asarray(mask)):
            row = frame.iloc[i]
            self.masalah.append(
                MasalahBerkas(pesan(row), lembar, int(row[KOLOM_BARIS]), kolom, self.buku.huruf[lembar].get(kolom))
            )

    def ganda(self, lembar: str, frame: pd.DataFrame, kunci: list[str]) -> None:
        """Rows repeating an earlier row's key, each naming the row it repeats."""
        ganda, pertama = ganda_pertama(frame, kunci)
        self.baris(
            lembar,
            ganda,
            kunci[-1],
            lambda r: (
                f"baris ganda: {' + '.join(kunci)} = {' / '.join(str(r[x]) for x in kunci)} "
                f"sudah ada di baris {int(pertama[r.name])}."
            ),
        )


def ganda_pertama(frame: pd.DataFrame, kunci: list[str]) -> tuple[pd.Series, pd.Series]:
    """Rows repeating an earlier row's key, and the Excel row of that first occurrence."""
    ada = frame[kunci].notna().all(axis=1)
    ganda = frame.duplicated(kunci, keep="first") & ada
    pertama = frame.groupby(kunci, dropna=True)[KOLOM_BARIS].transform("min")
    return ganda, pertama
