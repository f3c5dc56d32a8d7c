"""Where every number comes from, said on the page: the synthetic-data banner, and the rule version, its keyakinan,
the basis and the period status behind a computed score. Reused by every page that shows numbers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dasbor.ui import data
from dasbor.ui.filter import BASIS_LABEL
from dasbor.visual.format import nama_pendek, tanpa_markdown


def banner_sintetis(*tahun: int) -> bool:
    """One short warning line naming the given years whose innovation data is synthetic (demo), with the details
    behind a button beside it: on a phone the first screen is for the numbers, not the notice. True when any is."""
    sumber_per_tahun = {t: data.sumber_sintetis(t) for t in tahun}
    sumber_per_tahun = {t: s for t, s in sumber_per_tahun.items() if not s.empty}
    if not sumber_per_tahun:
        return False
    keterangan = next(iter(sumber_per_tahun.values()))["keterangan"].iat[0]
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="banner_sintetis"):
        st.warning(f"**Data {', '.join(map(str, sumber_per_tahun))} SINTETIS (data demo)**", icon="⚠️")
        with st.popover("Rincian", help="Dari mana data demo ini berasal"):
            st.markdown("**Bukan data resmi.** " + tanpa_markdown(keterangan))
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
    answers (the export has none; their IID holds SID alone), pemda with nothing marked as sent."""
    s = data.skor_tahun(tahun, basis, versi)

    def nama(pilih: pd.Series) -> str:
        return ", ".join(nama_pendek(n) for n in s.loc[pilih, "nama_wilayah"])

    catatan = []
    if (portal := s["sumber_sid"] != "jawaban").any():
        catatan.append(f"SID dari kematangan portal: {nama(portal)}")
    if (tanpa := ~s["ada_spd"].astype(bool)).any():
        catatan.append(f"Tanpa jawaban SPD, IID hanya dari SID (bukan nilai lengkap): {nama(tanpa)}")
    if (semua := s["semua_layak_dikirim"].astype(bool)).any():
        catatan.append(
            f"Belum ada inovasi bertanda dikirim, dihitung bila setiap inovasi yang layak dikirim: {nama(semua)}"
        )
    return catatan


def _asal_data(tahun: int) -> str:
    return "data inovasi SINTETIS (demo)" if not data.sumber_sintetis(tahun).empty else "data inovasi hasil impor"


def catatan_tren(basis: str, versi: str | None = None) -> str:
    """The note under a multi-year chart: which rule scored which year."""
    tahun = data.daftar_tahun()
    aturan = "; ".join(f"{t}: {keterangan_aturan(t, versi)}" for t in tahun)
    tahun_sintetis = [t for t in tahun if not data.sumber_sintetis(t).empty]
    asal = (
        f"data inovasi SINTETIS (demo) untuk {', '.join(map(str, tahun_sintetis))}"
        if tahun_sintetis
        else "data hasil impor"
    )
    return (
        f"IID dihitung dasbor, basis {BASIS_LABEL[basis].lower()}, dari {asal}. {aturan}. Belah ketupat = nilai resmi."
    )


def _singkat_data(*tahun: int) -> str:
    return "data inovasi SINTETIS" if any(not data.sumber_sintetis(t).empty for t in tahun) else "data impor"


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
