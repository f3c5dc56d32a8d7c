"""A checked file: its problems (bounded per column), or the tables ready to be written, as every import job
passes it on."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dasbor.excel.read import MasalahBerkas
from dasbor.excel.skema import KOLOM_PERANGKAT_DAERAH


@dataclass(frozen=True)
class Konfirmasi:
    """What a confirm is bound to: the preview the user had on screen (its file, year, decisions on uncertain pairs
    and the data stamp it was computed at). `tulis.simpan` refuses a check that is not that preview."""

    sha256: str
    tahun: int
    keputusan: tuple[tuple[str, str, str], ...] = ()
    stempel: tuple[int, ...] = ()


def tanda_keputusan(keputusan: pd.DataFrame | None) -> tuple[tuple[str, str, str], ...]:
    """The decisions (portal.KOLOM_KEPUTUSAN) as a comparable value."""
    if keputusan is None or keputusan.empty:
        return ()
    return tuple(sorted(tuple(str(x) for x in r) for r in keputusan.to_numpy()))


@dataclass
class Pemeriksaan:
    """A checked file: its problems, or the clean tables ready to be written."""

    nama_file: str
    sha256: str
    tahun: int
    masalah: list[MasalahBerkas]
    data: dict[str, pd.DataFrame] = field(default_factory=dict)  # skema columns only, ready for the tables
    wilayah: list[str] = field(default_factory=list)
    stempel: tuple[int, ...] = ()
    # Shown with the preview but not blocking: cleaned cells, perangkat daerah names close to existing ones.
    peringatan: list[MasalahBerkas] = field(default_factory=list)
    perangkat_daerah_baru: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=[k.nama for k in KOLOM_PERANGKAT_DAERAH])
    )
    format: str = "templat"  # or "portal": the national portal's export (and the inovasi rows' `sumber`)
    isi: bytes = field(default=b"", repr=False)  # the file itself, archived with the import
    jumlah_masalah: int = 0  # before the list was bounded (batasi)
    # A portal export only: the uncertain pairs for the user (cocok_inovasi's `ragu`, with evidence), and the
    # decisions this check applied that are not remembered yet (written with the import).
    ragu: pd.DataFrame = field(default_factory=pd.DataFrame)
    keputusan_baru: pd.DataFrame = field(default_factory=pd.DataFrame)
    # A portal export only: the pairs left undecided whose row comes in as a new innovation (portal.KOLOM_TERTUNDA),
    # kept with the import for review on the Inovasi page.
    tertunda: pd.DataFrame = field(default_factory=pd.DataFrame)
    keputusan: tuple[tuple[str, str, str], ...] = ()  # the user's decisions this check applied (tanda_keputusan)

    @property
    def konfirmasi(self) -> Konfirmasi:
        """The confirm of exactly this preview."""
        return Konfirmasi(self.sha256, self.tahun, self.keputusan, self.stempel)

    @property
    def sah(self) -> bool:
        return not self.masalah

    @property
    def baris(self) -> int:
        """The file's data rows. A portal export's are its innovations: the SID and SPD answers written with
        them are carried over from the database, not read from the file."""
        if self.format == "portal":
            return len(self.data.get("inovasi", ()))
        return sum(len(f) for f in self.data.values())


MAKS_PER_KOLOM = 20  # problems listed per sheet column; a file wrong in every row needs the pattern, not 50 000 lines


def batasi(daftar: list[MasalahBerkas], maks: int = MAKS_PER_KOLOM) -> list[MasalahBerkas]:
    """The first `maks` problems of each sheet column, in the file's order, and per column one line counting the
    rest."""
    per_kolom: dict[tuple, int] = {}
    hasil: list[MasalahBerkas] = []
    for m in daftar:
        kunci = (m.lembar, m.kolom, m.huruf)
        per_kolom[kunci] = per_kolom.get(kunci, 0) + 1
        if per_kolom[kunci] <= maks:
            hasil.append(m)
    for (lembar, kolom, huruf), n in per_kolom.items():
        if n > maks:
            hasil.append(
                MasalahBerkas(
                    f"… dan {n - maks} masalah lain di kolom ini yang tidak ditampilkan (jumlahnya {n}); perbaiki "
                    "pola yang terlihat di atas lalu periksa lagi.",
                    lembar,
                    None,
                    kolom,
                    huruf,
                )
            )
    return hasil
