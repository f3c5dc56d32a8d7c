"""The one page registry: every page of the app with its sidebar section, label and icon, in sidebar order. app.py
builds the navigation from it; the tests and benchmarks take their page lists from it, and tests/test_lapisan.py
fails when a file in pages/ is missing here (or an entry has no file). No Streamlit here, so that the tests and
benchmarks can read it without starting a script run.

Page icons are emoji: a ':material/…:' page icon makes the browser fetch a favicon from the internet."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Halaman:
    nama: str  # pages/<nama>.py, and the URL path /<nama> (the default page is served at /)
    judul: str  # the sidebar label
    ikon: str
    bagian: str  # the sidebar section
    bawaan: bool = False  # the page at /
    menulis: bool = False  # the page writes to the database by design (every other page only reads)

    @property
    def berkas(self) -> str:
        return f"pages/{self.nama}.py"

    @property
    def tempat(self) -> str:
        """Where a user finds the page, in words: 'halaman Data › SPD dan penghitung portal'."""
        return f"halaman {self.bagian} › {self.judul}"

    @property
    def jalur(self) -> str:
        """The URL path without the leading slash: '' for the default page."""
        return "" if self.bawaan else self.nama


HALAMAN = (
    Halaman("ringkasan", "Ringkasan", "🏠", "Hasil", bawaan=True),
    Halaman("peringkat", "Peringkat", "🏆", "Hasil"),
    Halaman("tren", "Tren", "📈", "Hasil"),
    Halaman("bandingkan", "Bandingkan", "⚖️", "Hasil"),
    Halaman("profil", "Profil Wilayah", "📍", "Hasil"),
    Halaman("metodologi", "Metodologi", "📘", "Metodologi"),
    Halaman("kelengkapan", "Kelengkapan", "🧩", "Kelengkapan"),
    Halaman("simulasi", "Simulasi", "🧪", "Kelengkapan"),
    Halaman("inovasi", "Inovasi", "💡", "Kelengkapan"),
    Halaman("lembar", "Lembar indikator", "📝", "Kelengkapan", menulis=True),
    Halaman("presentasi", "Presentasi", "📽️", "Bimtek"),
    Halaman("impor", "Impor", "📥", "Data", menulis=True),
    Halaman("spd", "SPD dan penghitung portal", "🏛️", "Data", menulis=True),
    Halaman("akun", "Akun", "🔑", "Data"),
)
# The pages of results and their method: what a shared link most often opens.
HASIL = tuple(h.nama for h in HALAMAN if h.bagian in ("Hasil", "Metodologi"))


def halaman(nama: str) -> Halaman:
    return next(h for h in HALAMAN if h.nama == nama)


def per_bagian() -> dict[str, list[Halaman]]:
    """The registry grouped by sidebar section, sections in order of first appearance."""
    bagian: dict[str, list[Halaman]] = {}
    for h in HALAMAN:
        bagian.setdefault(h.bagian, []).append(h)
    return bagian
