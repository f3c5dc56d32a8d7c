"""The rule versions as tables for the Metodologi page: every value with its keyakinan and source, and what
changed from one version to the next. Read straight from the scoring module's frozen objects (the TOML files);
the band and indicator tables are the version's own (Metodologi.pita(), Metodologi.katalog())."""

from __future__ import annotations

import pandas as pd

import scoring
from scoring.model import Asal, Metodologi

# The four confidence labels of shared/reference/metodologi-iid.md §0, as officials should read them.
KETERANGAN_KEYAKINAN = {
    "terkonfirmasi": "Dinyatakan langsung oleh sumber resmi (Kemendagri/BSKDN, situs pemda) atau oleh dua sumber independen.",
    "satu-sumber": "Disebut satu media atau satu pejabat; masuk akal tetapi belum dicek silang.",
    "kode-pihak-ketiga": "Diambil dari kode/dokumen aplikasi pemda atau vendor yang mengaku menyalin pedoman resmi.",
    "asumsi": "Deduksi tim dasbor (aritmetika, konsistensi antarsumber); perlakukan sebagai hipotesis.",
}


def daftar_versi() -> tuple[str, ...]:
    return scoring.daftar_versi()


def load(versi: str) -> Metodologi:
    return scoring.load_metodologi(versi)


def _baris(unsur: str, nilai: object, asal: Asal) -> dict[str, object]:
    return {"unsur": unsur, "nilai": nilai, "keyakinan": asal.keyakinan, "catatan": asal.catatan, "sumber": asal.sumber}


def _teks_yandas(m: Metodologi) -> str:
    if m.syarat_yandas is None:
        return "tidak ada"
    s = m.syarat_yandas
    return (
        f"skor jumlah inovasi 0 bila kurang dari {s.minimum_urusan} dari {len(s.urusan)} urusan tercakup: "
        + ", ".join(s.urusan)
    )


def unsur_aturan(m: Metodologi) -> pd.DataFrame:
    """Formula and every scalar rule of a version: unsur, nilai, keyakinan, catatan, sumber."""
    baris = [
        _baris("Rumus", m.rumus, m.rumus_asal),
        _baris("Pembagi SID", f"MAX({m.pembagi_minimum}, n)", m.pembagi_asal),
        _baris("Inovasi ditolak ikut pembagi", "ya" if m.ditolak_dihitung else "tidak", m.ditolak_asal),
        _baris(
            "Skor jumlah inovasi",
            f"MIN(n, {m.batas_inovasi}) × {m.poin_per_inovasi:g}".replace(".", ",")
            + f"; n = inovasi berstatus {', '.join(m.status_jumlah)}",
            m.jumlah_asal,
        ),
    ]
    if m.syarat_yandas is not None:
        baris.append(_baris("Syarat urusan wajib pelayanan dasar", _teks_yandas(m), m.syarat_yandas.asal))
    baris += [
        _baris(
            "Skor maksimum",
            f"SPD {m.maks_spd:g} + SID per inovasi {m.maks_sid_per_inovasi:g} + jumlah inovasi {m.maks_jumlah:g} "
            f"= {m.maks_total:g}",
            m.maks_asal,
        ),
        _baris("Pembulatan IID", f"{m.digit_iid} desimal, setengah ke atas", m.pembulatan_asal),
        _baris("IID 0", m.predikat_nol, m.predikat_nol_asal),
        _baris(
            "Usia inovasi",
            f"dinilai bila tahun penerapan di [tahun penilaian − {m.usia.umur_maks_tahun}, tahun penilaian − 1]"
            + (", atau tahun pengembangan di jendela itu" if m.usia.pengembangan_dihitung else ""),
            m.usia.asal,
        ),
    ]
    return pd.DataFrame(baris)


def tabel_berlaku(m: Metodologi) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"tahun": b.tahun, "keyakinan": b.asal.keyakinan, "catatan": b.asal.catatan, "sumber": b.asal.sumber}
            for b in m.berlaku
        ]
    )


def pita_semua_versi() -> pd.DataFrame:
    """Metodologi.pita() of every version with its versi (for one chart of all bands)."""
    return pd.concat([m.pita().assign(versi=m.versi) for m in scoring.semua_metodologi()], ignore_index=True)


def perubahan_versi(lama: Metodologi, baru: Metodologi) -> pd.DataFrame:
    """Every rule value that differs between two versions: bagian, unsur, sebelum, sesudah, keyakinan (of the
    new value). Provenance notes that changed without the rule changing are not listed."""
    baris: list[dict[str, object]] = []

    def banding(bagian: str, unsur: str, a: object, b: object, asal: Asal | None) -> None:
        if a != b:
            baris.append(
                {
                    "bagian": bagian,
                    "unsur": unsur,
                    "sebelum": a,
                    "sesudah": b,
                    "keyakinan": asal.keyakinan if asal else "",
                }
            )

    p_lama = {p.nama: p for p in lama.predikat}
    for p in baru.predikat:
        banding(
            "Predikat",
            f"batas bawah {p.nama}",
            p_lama[p.nama].batas_bawah if p.nama in p_lama else None,
            p.batas_bawah,
            p.asal,
        )
    banding("Rumus", "pembagi minimum", lama.pembagi_minimum, baru.pembagi_minimum, baru.pembagi_asal)
    banding("Rumus", "inovasi ditolak ikut pembagi", lama.ditolak_dihitung, baru.ditolak_dihitung, baru.ditolak_asal)
    banding("Jumlah inovasi", "poin per inovasi", lama.poin_per_inovasi, baru.poin_per_inovasi, baru.jumlah_asal)
    banding("Jumlah inovasi", "batas inovasi", lama.batas_inovasi, baru.batas_inovasi, baru.jumlah_asal)
    banding(
        "Jumlah inovasi",
        "status dihitung",
        ", ".join(lama.status_jumlah),
        ", ".join(baru.status_jumlah),
        baru.jumlah_asal,
    )
    banding(
        "Jumlah inovasi",
        "syarat urusan wajib pelayanan dasar",
        _teks_yandas(lama),
        _teks_yandas(baru),
        baru.syarat_yandas.asal if baru.syarat_yandas else None,
    )
    banding("Skor maksimum", "total", lama.maks_total, baru.maks_total, baru.maks_asal)
    banding("Pembulatan", "desimal IID", lama.digit_iid, baru.digit_iid, baru.pembulatan_asal)
    i_lama = {i.kode: i for i in lama.indikator}
    i_baru = {i.kode: i for i in baru.indikator}
    for kode in [i.kode for i in lama.indikator if i.kode not in i_baru]:
        banding("Indikator", f"{kode} {i_lama[kode].nama}", "ada", "dihapus", None)
    for i in baru.indikator:
        if i.kode not in i_lama:
            banding("Indikator", f"{i.kode} {i.nama}", "tidak ada", "baru", i.asal)
            continue
        a = i_lama[i.kode]
        for medan, label in (("nama", "nama"), ("variabel", "variabel"), ("bobot", "bobot"), ("wajib", "wajib")):
            banding("Indikator", f"{i.kode} {label}", getattr(a, medan), getattr(i, medan), i.asal)
        for n in range(3):
            banding("Indikator", f"{i.kode} level {n + 1}", a.level[n], i.level[n], i.asal)
            banding("Indikator", f"{i.kode} bukti level {n + 1}", a.bukti[n], i.bukti[n], i.asal)
    return pd.DataFrame(baris, columns=["bagian", "unsur", "sebelum", "sesudah", "keyakinan"])
