"""Slides on screen: one slide of a bimtek Deck drawn with Streamlit, plus the navigation around it.

Large type and a high-contrast palette come from fixed CSS (no data in it); every text from the data is
escaped so that neither HTML nor Markdown in a name can change the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dasbor.bimtek.model import Bagian, Deck, Slide
from dasbor.lingkup import nama_provinsi
from dasbor.visual.format import tanpa_markdown

KUNCI_NOMOR = "nomor_slide"
KUNCI_AKTIF = "presentasi_aktif"
PARAM_SLIDE = "slide"

# Sizes: slide body 26 px (≥ 24 px reads from the back of a hall), titles 46 px; the closing table has 14 rows
# and must fit one 1280×720 screen with the navigation row, so it is set at 16 px with tight cells.
CSS_SLIDE = """
<style>
.st-key-slide { color: #111111; }
.st-key-slide p, .st-key-slide li { font-size: 26px !important; line-height: 1.3; color: #111111; }
.st-key-slide li { margin: 0 0 0.2rem 0 !important; }
.st-key-slide ul { margin-bottom: 0 !important; }
.st-key-slide h1 { font-size: 46px !important; line-height: 1.15; color: #111111; padding: 0 0 0.2rem 0; }
/* Streamlit pulls the block after a heading up under it; a heading keeps its own line height and a gap below. */
.st-key-slide h3 { font-size: 28px !important; line-height: 1.2 !important; color: #111111;
  padding: 0.3rem 0 0.35rem 0 !important; margin: 0 !important; }
.st-key-slide table td, .st-key-slide table th, .st-key-slide table td p, .st-key-slide table th p {
  font-size: 16px !important; line-height: 1.15 !important; }
.st-key-slide table td, .st-key-slide table th { padding: 0.15rem 0.4rem !important; color: #111111; }
.st-key-slide table th { background: #111111 !important; }
.st-key-slide table th, .st-key-slide table th * { color: #FFFFFF !important; }
.st-key-slide_acara h1 { font-size: 60px !important; text-align: center; padding-top: 12vh; }
.st-key-slide_acara p { text-align: center; font-size: 32px !important; }
.st-key-slide .st-key-kaki_slide p { font-size: 18px !important; line-height: 1.3; color: #333333; }
/* 1280×720 holds the slide and the navigation row only with tight gaps between the blocks. */
.st-key-slide [data-testid="stVerticalBlock"] { gap: 0.3rem !important; }
.st-key-slide_isi h1 { padding-top: 0 !important; }
/* A region slide's two columns hold up to ten long lines (gaps; innovations and the cross-year re-check stacked);
   18 px with 24 px headings keeps them on one 720 px screen with the navigation row. */
.st-key-slide .st-key-kolom_wilayah li { font-size: 18px !important; line-height: 1.15; }
.st-key-slide .st-key-kolom_wilayah h3 { font-size: 24px !important; }
.st-key-slide .st-key-kaki_slide strong { font-size: 22px; }
.st-key-navigasi p { font-size: 24px !important; font-weight: 700; text-align: center; }
</style>
"""
# Presentation mode: the slide alone on the screen, no sidebar, no Streamlit header or toolbar.
CSS_LAYAR_PENUH = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], .st-key-persiapan { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.8rem 2.5rem 0.5rem 2.5rem !important; max-width: 100% !important; }
</style>
"""
# Keyboard and presenter remotes (which send PageDown/PageUp): each key clicks the matching Streamlit button,
# so keyboard and mouse go through the same callbacks. Keys typed into a field are left alone. Right after a
# page is drawn the button can still be missing from the document for a moment; the click is then retried
# for up to a second instead of losing the key.
SKRIP_TOMBOL = """
<script>
(() => {
  const tombol = {ArrowRight: "slide_berikut", PageDown: "slide_berikut",
                  ArrowLeft: "slide_sebelum", PageUp: "slide_sebelum", Escape: "keluar_presentasi"};
  const klik = (kunci, sisa) => {
    const b = document.querySelector(`.st-key-${kunci} button`);
    if (b && !b.disabled) b.click();
    else if (sisa > 0) setTimeout(() => klik(kunci, sisa - 1), 100);
  };
  if (window.__dasborTombolSlide) document.removeEventListener("keydown", window.__dasborTombolSlide);
  window.__dasborTombolSlide = (e) => {
    const t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
    const kunci = tombol[e.key];
    if (!kunci || !document.querySelector(`.st-key-${kunci}`)) return;
    e.preventDefault();
    klik(kunci, 10);
  };
  document.addEventListener("keydown", window.__dasborTombolSlide);
})();
</script>
"""
LABEL_SINTETIS_MD = ":red[**{}**]"
SKALA_LAYAR = 0.85


def pasang_gaya(layar_penuh: bool) -> None:
    st.html(CSS_SLIDE)
    if layar_penuh:
        st.html(CSS_LAYAR_PENUH)
    st.html(SKRIP_TOMBOL, unsafe_allow_javascript=True)


def nomor_slide(jumlah: int) -> int:
    """The current slide (1..jumlah): kept in session state, taken from ?slide= on a fresh session, in the URL."""
    if KUNCI_NOMOR not in st.session_state:
        raw = st.query_params.get(PARAM_SLIDE, "1")
        # ASCII digits only, and few: str.isdigit() accepts "²" (which int() refuses) and 5 000 digits (over
        # int()'s limit), and either crashed the page.
        if re.fullmatch(r"[0-9]{1,6}", raw):
            st.session_state[KUNCI_NOMOR] = int(raw)
        else:
            st.session_state[KUNCI_NOMOR] = 1
            st.info("Nomor slide pada tautan tidak sah; mulai dari slide 1.")
    nomor = min(max(1, int(st.session_state[KUNCI_NOMOR])), jumlah)
    st.session_state[KUNCI_NOMOR] = nomor
    st.query_params[PARAM_SLIDE] = str(nomor)
    return nomor


def _geser(langkah: int) -> None:
    st.session_state[KUNCI_NOMOR] = int(st.session_state.get(KUNCI_NOMOR, 1)) + langkah


def _mulai() -> None:
    """Like F5 in PowerPoint: presentation mode from the first slide."""
    st.session_state[KUNCI_AKTIF] = True
    st.session_state[KUNCI_NOMOR] = 1


def _keluar() -> None:
    st.session_state[KUNCI_AKTIF] = False


def presentasi_aktif() -> bool:
    return bool(st.session_state.get(KUNCI_AKTIF, False))


def navigasi(nomor: int, jumlah: int) -> None:
    """Previous / n of N / next, and the button that enters or leaves presentation mode."""
    aktif = presentasi_aktif()
    with st.container(key="navigasi", horizontal=True, vertical_alignment="center"):
        st.button("◀ Sebelumnya", key="slide_sebelum", on_click=_geser, args=(-1,), disabled=nomor <= 1)
        st.markdown(f"{nomor} / {jumlah}")
        st.button("Berikutnya ▶", key="slide_berikut", on_click=_geser, args=(1,), disabled=nomor >= jumlah)
        st.space("stretch")
        if aktif:
            st.button("Keluar (Esc)", key="keluar_presentasi", on_click=_keluar)
        else:
            st.button("Mulai presentasi", key="mulai_presentasi", type="primary", on_click=_mulai)


def _daftar(bagian: Sequence[Bagian]) -> None:
    for b in bagian:
        if b.judul:
            st.markdown(f"### {tanpa_markdown(b.judul)}")
        st.markdown("\n".join(f"- {tanpa_markdown(baris)}" for baris in b.baris))


def _kaki(deck: Deck, slide: Slide) -> None:
    with st.container(key="kaki_slide"):
        if label := deck.label_untuk(slide):
            st.markdown(LABEL_SINTETIS_MD.format(tanpa_markdown(label)))
        st.markdown(tanpa_markdown(slide.sumber))


def _figur(slide: Slide) -> None:
    # On screen the slide shares a 720 px projector with the navigation row, which the PPTX page does not have,
    # so the chart is drawn shorter than its PPTX box; everything else in it stays as exported.
    # The region slides' band strip is already a thin strip and is left as it is.
    skala = 1.0 if slide.jenis == "wilayah" else SKALA_LAYAR
    fig = go.Figure(slide.figur).update_layout(height=round((slide.figur.layout.height or 450) * skala))
    # theme=None: the slide's own high-contrast styling, not Streamlit's lighter chart theme.
    st.plotly_chart(fig, theme=None, config={"displayModeBar": False}, key="figur_slide")


def tampilkan_slide(deck: Deck, nomor: int) -> None:
    """Slide `nomor` (1-based) laid out like its PPTX page: chart left and key lines right, or a strip above
    two columns for a region, or the closing table."""
    slide = deck.slides[nomor - 1]
    with st.container(key="slide"):
        with st.container(key="slide_acara" if slide.jenis == "judul" else "slide_isi"):
            st.title(tanpa_markdown(slide.judul), anchor=False)
            if slide.jenis == "judul":
                st.markdown("\n\n".join(tanpa_markdown(b) for bagian in slide.isi for b in bagian.baris))
            elif slide.jenis == "wilayah":
                # A pemda without SPD has no IID strip to draw, and its lines still need the two columns.
                if slide.figur is not None:
                    _figur(slide)
                _daftar(slide.isi[:1])
                # Two columns however many sections: the long gap lines get half the width, and the shorter
                # sections (strongest innovations, the cross-year re-check) stack on the right, so the slide
                # still fits a 1280×720 projector.
                kiri, kanan = st.container(key="kolom_wilayah").columns(2, gap="large")
                with kiri:
                    _daftar(slide.isi[1:2])
                with kanan:
                    _daftar(slide.isi[2:])
            elif slide.figur is not None:
                kiri, kanan = st.columns([8, 4], gap="large")
                with kiri:
                    _figur(slide)
                with kanan:
                    _daftar(slide.isi)
            else:
                _daftar(slide.isi)
            if slide.tabel is not None:
                st.table(slide.tabel.map(tanpa_markdown).rename(columns=tanpa_markdown), hide_index=True)
        _kaki(deck, slide)


def tabel_catatan(slide: Slide) -> pd.DataFrame:
    return pd.DataFrame({"Catatan pembicara": list(slide.catatan)})


KUNCI_URUTAN = "urutan_slide"
KUNCI_DIPINDAH = "slide_dipindah"


def _pindah(arah: int) -> None:
    urutan = list(st.session_state[KUNCI_URUTAN])
    kunci = st.session_state.get(KUNCI_DIPINDAH)
    if kunci not in urutan:
        return
    i = urutan.index(kunci)
    j = min(max(i + arah, 0), len(urutan) - 1)
    urutan[i], urutan[j] = urutan[j], urutan[i]
    st.session_state[KUNCI_URUTAN] = urutan


def _pulihkan(bawaan: list[str]) -> None:
    st.session_state[KUNCI_URUTAN] = list(bawaan)


KUNCI_TREN = "wilayah_tren"
KUNCI_TEMPAT = "acara_tempat"


def pilih_provinsi(wilayah: pd.DataFrame, bawaan: str) -> tuple[str | None, pd.DataFrame]:
    """The province a deck is for, and its regions: a database of several provinces (a national deployment) holds
    its bimtek for one province's pemda (`bawaan`: the province of the pages' comparison pair first). One province's
    database has no choice to make (None, every region). Another province starts its trend regions and slides anew,
    since the previous province's are not among its choices, and its own bimtek place."""
    ada = sorted(wilayah["kode_provinsi"].unique())
    if len(ada) <= 1:
        return None, wilayah

    def mulai_lagi() -> None:
        for kunci in (KUNCI_URUTAN, KUNCI_TREN, KUNCI_DIPINDAH, KUNCI_TEMPAT):
            st.session_state.pop(kunci, None)

    provinsi = st.selectbox(
        "Provinsi bimtek",
        ada,
        index=ada.index(bawaan) if bawaan in ada else 0,
        format_func=lambda k: f"Provinsi {nama_provinsi(k)}",
        key="provinsi_bimtek",
        on_change=mulai_lagi,
        help="Deck bimtek dibuat untuk pemda satu provinsi: provinsinya dan kab/kotanya.",
    )
    return provinsi, wilayah[wilayah["kode_provinsi"] == provinsi]


def atur_urutan(pilihan: dict[str, str], bawaan: list[str]) -> list[str]:
    """The facilitator's slides in order: the multiselect's order is the deck's order; one slide can be moved
    up or down, and the default order restored."""
    st.session_state.setdefault(KUNCI_URUTAN, list(bawaan))
    urutan = st.multiselect(
        "Slide dan urutannya",
        list(pilihan),
        format_func=pilihan.__getitem__,
        key=KUNCI_URUTAN,
        help="Urutan pilihan adalah urutan slide. Slide yang dihapus lalu dipilih lagi masuk di akhir.",
    )
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.selectbox("Pindahkan slide", urutan, format_func=pilihan.__getitem__, key=KUNCI_DIPINDAH)
        st.button("▲ Naikkan", key="slide_naik", on_click=_pindah, args=(-1,), disabled=not urutan)
        st.button("▼ Turunkan", key="slide_turun", on_click=_pindah, args=(1,), disabled=not urutan)
        st.button("Urutan bawaan", key="urutan_bawaan", on_click=_pulihkan, args=(bawaan,))
    return urutan
