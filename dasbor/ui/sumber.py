"""Where every number comes from, said on the page: the synthetic-data banner, and the rule version, its keyakinan,
the basis and the period status behind a computed score. Reused by every page that shows numbers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dasbor.ui import data
from dasbor.ui.filter import BASIS_LABEL
from dasbor.visual.format import nama_pendek, tanpa_markdown


def banner_sintetis(*tahun: int) -> bool:
    """One short warning line naming the given years whose innovation data is synthetic (demo), and in a mixed year
    which regions, with the details behind a button beside it: on a phone the first screen is for the numbers, not
    the notice. A region imported for real is never named. True when any is synthetic."""
    asal = [a for a in map(data.asal_tahun, tahun) if a.ada_sintetis]
    if not asal:
        return False
    semua = [str(a.tahun) for a in asal if not a.campuran]
    teks = [f"Data {', '.join(semua)} SINTETIS (data demo)"] if semua else []
    teks += [
        f"Data {a.tahun} SINTETIS (demo) hanya untuk {', '.join(map(nama_pendek, a.sintetis))}"
        for a in asal
        if a.campuran
    ]
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="banner_sintetis"):
        st.warning(f"**{'; '.join(teks)}**", icon="⚠️")
        with st.popover("Rincian", help="Dari mana data demo ini berasal"):
            st.markdown("**Bukan data resmi.** " + tanpa_markdown(asal[0].keterangan))
            for a in asal:
                if a.campuran:
                    st.markdown(f"{a.tahun}: hasil impor (bukan sintetis): " + tanpa_markdown(", ".join(a.nyata)))
    return True


def keterangan_aturan(tahun: int, versi: str | None = None) -> str:
    """'aturan IID 2023 (keyakinan terkonfirmasi)' for the year's own rule, or the re-scoring rule named so."""
    m = data.metodologi(tahun, versi)
    berlaku = m.berlaku_tahun(tahun)
    if berlaku is None:
        return f"aturan {m.versi} diterapkan ulang pada tahun {tahun} (bukan aturan tahun itu)"
    return f"aturan {m.versi} (keyakinan: {berlaku.asal.keyakinan})"


def catatan_skor(tahun: int, basis: str, versi: str | None = None) -> str:
    """One plain-text line under a chart or in an Excel sheet: how the numbers were made and from what data."""
    return (
        f"IID {tahun} dihitung dasbor dengan {keterangan_aturan(tahun, versi)}, basis {BASIS_LABEL[basis].lower()}, "
        f"dari {_asal_data(tahun)}; periode {data.status_periode(tahun)}. Nilai resmi hanya yang bertanda sumber."
        + "".join(f" {k}." for k in _catatan_portal(tahun, basis, versi))
    )


def _catatan_portal(tahun: int, basis: str, versi: str | None = None) -> list[str]:
    """What numbers of the year rest on a portal import: SID from the portal's kematangan, pemda without SPD
    answers (the export has none; they have SID alone, no IID), pemda with nothing marked as sent."""
    s = data.skor_tahun(tahun, basis, versi)

    def nama(pilih: pd.Series) -> str:
        return ", ".join(nama_pendek(n) for n in s.loc[pilih, "nama_wilayah"])

    catatan = []
    if (portal := s["sumber_sid"] != "jawaban").any():
        catatan.append(f"SID dari kematangan portal: {nama(portal)}")
    if (tanpa := ~s["ada_spd"].astype(bool)).any():
        catatan.append(
            f"SPD belum diisi (ekspor portal tidak memuat SPD), hanya SID, tanpa IID dan predikat, diperingkat "
            f"terpisah: {nama(tanpa)}"
        )
    if (semua := s["semua_layak_dikirim"].astype(bool)).any():
        catatan.append(
            f"Belum ada inovasi bertanda dikirim, dihitung bila setiap inovasi yang layak dikirim: {nama(semua)}"
        )
    return catatan


def _asal_data(tahun: int) -> str:
    asal = data.asal_tahun(tahun)
    if asal.campuran:
        return f"data inovasi hasil impor, kecuali {', '.join(map(nama_pendek, asal.sintetis))} (SINTETIS, demo)"
    return "data inovasi SINTETIS (demo)" if asal.ada_sintetis else "data inovasi hasil impor"


def catatan_tren(basis: str, versi: str | None = None) -> str:
    """The note under a multi-year chart: which rule scored which year (read once per published copy: it walks
    every region of every year)."""
    return data.olahan(_catatan_tren, basis, versi)


def _catatan_tren(basis: str, versi: str | None) -> str:
    tahun = data.daftar_tahun()
    aturan = "; ".join(f"{t}: {keterangan_aturan(t, versi)}" for t in tahun)
    tahun_sintetis = [t for t in tahun if data.asal_tahun(t).ada_sintetis]
    asal = (
        f"data inovasi SINTETIS (demo) untuk {', '.join(map(str, tahun_sintetis))}"
        if tahun_sintetis
        else "data hasil impor"
    )
    tanpa_spd = [
        f"{nama_pendek(r.nama_wilayah)} {t}"
        for t in tahun
        for r in data.skor_tahun(t, basis, versi).itertuples()
        if not r.ada_spd
    ]
    sid_saja = f" Tanpa IID (SPD belum diisi, hanya SID): {', '.join(tanpa_spd)}." if tanpa_spd else ""
    return (
        f"IID dihitung dasbor, basis {BASIS_LABEL[basis].lower()}, dari {asal}. {aturan}. Belah ketupat = nilai resmi."
        + sid_saja
    )


def _singkat_data(*tahun: int) -> str:
    asal = [data.asal_tahun(t) for t in tahun]
    if any(a.ada_sintetis and not a.campuran for a in asal):
        return "data inovasi SINTETIS"
    return "data impor, sebagian SINTETIS" if any(a.campuran for a in asal) else "data impor"


def label_grafik(tahun: int, basis: str, versi: str | None = None) -> str:
    """The short provenance under a chart title: 'Hitungan dasbor · aturan 2023 (terkonfirmasi) · basis …'."""
    m = data.metodologi(tahun, versi)
    berlaku = m.berlaku_tahun(tahun)
    aturan = f"aturan {m.versi} ({berlaku.asal.keyakinan})" if berlaku else f"aturan {m.versi} diterapkan ulang"
    portal = " · sebagian dari kematangan portal" if _catatan_portal(tahun, basis, versi) else ""
    return (
        f"Hitungan dasbor · {aturan} · basis {basis} · {_singkat_data(tahun)} · periode {data.status_periode(tahun)}"
        + portal
    )


def label_grafik_tren(basis: str, versi: str | None = None) -> str:
    """The short provenance under a multi-year chart: which rule scored which years."""
    tahun = data.daftar_tahun()
    if versi:
        aturan = f"semua tahun dengan aturan {versi}"
    else:
        per_versi: dict[str, list[int]] = {}
        for t in tahun:
            per_versi.setdefault(data.metodologi(t).versi, []).append(t)
        aturan = "aturan tiap tahun: " + ", ".join(
            f"{min(ts)}–{max(ts)} → {v}" if len(ts) > 1 else f"{ts[0]} → {v}" for v, ts in per_versi.items()
        )
    return f"Hitungan dasbor · {aturan} · basis {basis} · {_singkat_data(*tahun)}"
