"""Text contrast in a real Chromium (WCAG 2 AA, ≥ 4,5 : 1 for body-size text): captions (the source line under
each number), quotes and code, as the browser computes them: colour, the opacity of every ancestor (Streamlit fades
captions with opacity, not with a colour), and the first opaque background behind.

axe-core is not installed here; the contrast formula is WCAG's own (relative luminance, (L1 + 0,05) ÷ (L2 + 0,05)).
What remains below 4,5 and is Streamlit's own (the sidebar collapse icon, disabled buttons) is not checked here.

The measurement needs no page load of its own: it runs on a visit another check already makes, once that visit's
script run has finished (tests/e2e/test_kontras_chromium.py lists which visit measures which page). The viewport
does not change the colours: the one media query of the fixed CSS (dasbor/ui/layar.py, max-width 640 px) sets
sizes and wrapping only, and every visit used here is wider than that.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from dasbor.halaman import HALAMAN, HASIL

# Which visit measures which page, from the one page registry (dasbor/halaman.py), so that a new page is measured
# on some visit without anyone adding it to a list: the results pages on test_halaman_chromium.py's visit; the other
# pages that only read, outside the Data section, on test_ukuran_layar_chromium.py's projector visit; the rest on a
# visit of their own (test_kontras_chromium.py), except the Lembar and SPD forms, which their own e2e files drive
# (test_lembar_e2e.py, test_spd_e2e.py) without measuring contrast.
DI_HALAMAN = HASIL
DI_UKURAN_LAYAR = tuple(h.nama for h in HALAMAN if not h.menulis and h.bagian != "Data" and h.nama not in HASIL)
TIDAK_DIUKUR = ("lembar", "spd")
SENDIRI = tuple(h.nama for h in HALAMAN if h.nama not in (*DI_HALAMAN, *DI_UKURAN_LAYAR, *TIDAK_DIUKUR))

KELOMPOK = {
    "keterangan": '[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] blockquote',
    "kode": '[data-testid="stCode"] code, [data-testid="stMarkdownContainer"] code',
}
KONTRAS_MIN = 4.5

KONTRAS_JS = """
(kelompok) => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/);
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const campur = (atas, bawah) => [0, 1, 2].map(i => atas[i] * atas[3] + bawah[i] * (1 - atas[3])).concat([1]);
  const luminans = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const latar = (el) => { const lapis = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { lapis.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; for (const l of lapis.reverse()) bg = campur(l, bg); return bg; };
  const hasil = {};
  for (const [nama, sel] of Object.entries(kelompok)) {
    const semua = new Set();
    for (const akar of document.querySelectorAll(sel)) { semua.add(akar); akar.querySelectorAll('*').forEach(e => semua.add(e)); }
    hasil[nama] = [];
    for (const el of semua) {
      const teks = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
      if (!teks || !el.checkVisibility()) continue;
      let alfa = 1; for (let e = el; e; e = e.parentElement) alfa *= Number(getComputedStyle(e).opacity);
      const warna = parse(getComputedStyle(el).color); warna[3] *= alfa;
      const bg = latar(el), fg = campur(warna, bg);
      const [terang, gelap] = [luminans(fg), luminans(bg)].sort((a, b) => b - a);
      hasil[nama].push({teks: teks.slice(0, 50), kontras: (terang + 0.05) / (gelap + 0.05)});
    }
  }
  return hasil;
}
"""


def periksa_kontras(page: Page, jalur: str, tunggu: float) -> None:
    """Measure captions, quotes and code on the page at `jalur` (already loaded, its script run finished, no
    skeleton left) and fail naming the page and every text below KONTRAS_MIN."""
    halaman = jalur.split("?")[0] or "ringkasan"
    hasil = page.evaluate(KONTRAS_JS, KELOMPOK)
    kurang = {nama: [u for u in ukuran if u["kontras"] < KONTRAS_MIN] for nama, ukuran in hasil.items()}
    assert not any(kurang.values()), f"{halaman}: kontras di bawah {KONTRAS_MIN}: {kurang}"
    if halaman == "akun":
        assert len(hasil["kode"]) >= 5, f"{halaman}: {hasil['kode']}"  # the account commands (st.code) and inline code
    elif halaman != "impor":
        assert hasil["keterangan"], f"{halaman}: no caption measured"  # every result page has a source line
    if halaman == "ringkasan":
        # Checked on the same visit as Ringkasan's contrast rather than on a second load of the same page: the
        # province's trend is text in its card, and no st.metric sparkline is left (an svg without an accessible
        # name, the one element axe-core flagged on our pages).
        kartu = page.get_by_test_id("stColumn").filter(has=page.get_by_test_id("stMetric")).first
        pesan = f"{halaman}: the trend has its numbers as text"
        expect(kartu.get_by_text("Tren IID: 2021"), pesan).to_be_visible(timeout=tunggu)
        expect(page.get_by_test_id("stMetricChart"), f"{halaman}: a sparkline is back").to_have_count(0)
