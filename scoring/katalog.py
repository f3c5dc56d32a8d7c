"""A version file resolved against the indicator catalogue it names.

The catalogue (scoring/metodologi/katalog/*.toml) holds what every version using it shares: the indicators with
their weights, mandatory flags, levels and evidence. A version file names it in [katalog] with the version's own
keyakinan and catatan for it (sumber defaults to the catalogue's), and [[katalog.indikator]] rows record what
differs per indicator in that version: bobot, wajib, keyakinan or sumber replace the catalogue's, and a catatan is
added after the version's note. The result has the shape the parser reads: one `indikator` row per indicator,
each with its own keyakinan, sumber and catatan.
"""

from __future__ import annotations

from typing import Any

# What a [[katalog.indikator]] row may replace; everything else of an indicator is the catalogue's.
GANTI = ("bobot", "wajib", "keyakinan", "sumber")


def ubahan_per_kode(pakai: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {kode: ubah for ubah in pakai.get("indikator", []) for kode in ubah["kode"]}


def urai(raw: dict[str, Any], katalog: dict[str, Any]) -> dict[str, Any]:
    """The version file `raw` with its [katalog] replaced by the catalogue's indicators as this version reads
    them (both already structurally valid)."""
    pakai = raw["katalog"]
    umum = katalog["katalog"]
    dasar = {
        "keyakinan": pakai["keyakinan"],
        "sumber": pakai.get("sumber", umum["sumber"]),
        "catatan": pakai.get("catatan", umum.get("catatan", "")),
    }
    ubahan = ubahan_per_kode(pakai)
    indikator = []
    for baris in katalog["indikator"]:
        ubah = ubahan.get(baris["kode"], {})
        hasil = {**baris, **dasar, **{k: ubah[k] for k in GANTI if k in ubah}}
        if "catatan" in ubah:
            hasil["catatan"] = f"{dasar['catatan']} {ubah['catatan']}".strip()
        indikator.append(hasil)
    return {**{k: v for k, v in raw.items() if k != "katalog"}, "indikator": indikator}
