"""What-if scenarios for one region and year, scored by the shared scoring module.

A scenario only ever lives in the URL and in memory: it is applied to a copy of the region's data, scored with
scoring.hitung_skor, and shown next to (never mixed into) the real figures. It is written into the URL as one
short text so it can be shared as a link:

    L:<aspek>:<kunci>:<kode_indikator>:<level>   an answer counts at that level (kunci: id_inovasi, or the
                                                 kode_wilayah for SPD)
    B:<id_celah>                                 the evidence of that gap is fixed (see services.kelengkapan); for an
                                                 innovation known only from the portal, its kematangan is raised
    I:<id_inovasi>:<1|0>                         the innovation is sent (1) or withdrawn from the submission (0)
    T:<urusan>:<level>                           a hypothetical innovation with every SID indicator at that level;
                                                 urusan is an index into URUSAN_TAMBAHAN
joined by commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

import scoring
from dasbor.halaman import halaman
from dasbor.services import skor as layanan_skor
from dasbor.services.harga_celah import hanya_portal
from dasbor.services.kelengkapan import BASIS, Kelengkapan, terapkan_celah

MAKS_BAGIAN = 500  # a shared link stays well under browser URL limits
LAINNYA = "urusan lain (di luar 6 urusan wajib pelayanan dasar)"
AWALAN_TAMBAHAN = "SIMULASI-"
_POLA = {
    "L": re.compile(r"L:(SID|SPD):([0-9A-Za-z.\-]+):([0-9a-z]+):([0-3])"),
    "B": re.compile(r"B:((?:SID|SPD):[0-9A-Za-z.\-]+:[0-9a-z]+)"),
    "I": re.compile(r"I:([0-9A-Za-z.\-]+):([01])"),
    "T": re.compile(r"T:([0-9]):([0-3])"),
}


@dataclass(frozen=True)
class Skenario:
    level: tuple[tuple[str, str, str, int], ...] = ()  # (aspek, kunci, kode_indikator, level)
    bukti: tuple[str, ...] = ()  # id_celah of answer gaps whose evidence counts as fixed
    kirim: tuple[tuple[str, bool], ...] = ()  # (id_inovasi, sent?)
    tambahan: tuple[tuple[int, int], ...] = ()  # (index into URUSAN_TAMBAHAN, level of all 20 SID indicators)

    def kosong(self) -> bool:
        return not (self.level or self.bukti or self.kirim or self.tambahan)


@dataclass(frozen=True)
class Hasil:
    nyata: pd.Series  # the region's computed row (scoring.hitung_skor columns + nama_wilayah, peringkat)
    simulasi: pd.Series  # the same under the scenario; never written anywhere
    # Every region: kode_wilayah, nama_wilayah, jenis, ada_spd, iid, skor_sid, peringkat_nyata, peringkat_simulasi;
    # a rank is among the region's peers: by IID among the pemda with SPD, by SID among those without.
    peringkat: pd.DataFrame


def urusan_tambahan(m: scoring.Metodologi) -> tuple[str, ...]:
    """Urusan a hypothetical innovation may have: the 6 urusan wajib pelayanan dasar, then 'other'."""
    return (*scoring.aturan_yandas(m).syarat_yandas.urusan, LAINNYA)


def tulis(s: Skenario) -> str:
    bagian = [f"B:{b}" for b in s.bukti]
    bagian += [f"L:{a}:{k}:{i}:{v}" for a, k, i, v in s.level]
    bagian += [f"I:{i}:{int(v)}" for i, v in s.kirim]
    bagian += [f"T:{u}:{v}" for u, v in s.tambahan]
    return ",".join(bagian)


def celah_simulasi(kel: Kelengkapan, kode_wilayah: str) -> pd.DataFrame:
    """The region's gaps a scenario can mark fixed: an answer raised to its target level, or a portal-only
    innovation's kematangan raised (status gaps are the send/withdraw part of a scenario)."""
    celah = kel.celah
    return celah[
        (celah["kode_wilayah"] == kode_wilayah) & (celah["level_sasaran"].notna() | celah["kematangan_sasaran"].notna())
    ]


def ada_spd(kel: Kelengkapan, kode_wilayah: str) -> bool:
    """Whether the region has SPD answers; without them it has SID alone, and a scenario cannot invent SPD."""
    return bool((kel.data.jawaban_spd["kode_wilayah"] == kode_wilayah).any())


def pemilik_jawaban(kel: Kelengkapan, kode_wilayah: str) -> dict[str, str]:
    """Whose answer levels a scenario may change, with their labels: the region's SPD (when it has SPD answers)
    and each innovation with indicator answers. An answer given to an innovation known only from the portal would
    win over its kematangan and score it as if nothing else were filled in: such innovations are raised through
    their kematangan gaps only."""
    inovasi = kel.data.inovasi
    milik = inovasi[(inovasi["kode_wilayah"] == kode_wilayah) & ~hanya_portal(kel.data).to_numpy(bool)]
    spd = {"SPD": "Indikator SPD (pemda)"} if ada_spd(kel, kode_wilayah) else {}
    return spd | dict(zip(milik["id_inovasi"], milik["nama_inovasi"], strict=True))


def baca(teks: str | None, kel: Kelengkapan, kode_wilayah: str) -> tuple[Skenario, list[str]]:
    """Parse and check a scenario against the region's data; unknown parts are dropped with a message each."""
    if not teks:
        return Skenario(), []
    bagian = [b for b in teks.split(",") if b][:MAKS_BAGIAN]
    pesan = [] if len(teks.split(",")) <= MAKS_BAGIAN else [f"Skenario dipotong: paling banyak {MAKS_BAGIAN} bagian."]
    inovasi = set(kel.data.inovasi.loc[kel.data.inovasi["kode_wilayah"] == kode_wilayah, "id_inovasi"])
    id_celah = set(celah_simulasi(kel, kode_wilayah)["id_celah"])
    pemilik_boleh = set(pemilik_jawaban(kel, kode_wilayah))
    kode = {a: {i.kode for i in scoring.load_metodologi(kel.versi).indikator_aspek(a)} for a in ("SID", "SPD")}
    level, bukti, kirim, tambahan = {}, [], {}, []
    n_urusan = len(urusan_tambahan(scoring.load_metodologi(kel.versi)))
    for b in bagian:
        cocok = _POLA.get(b[:1])
        m = cocok.fullmatch(b) if cocok else None
        if m and b[0] == "L":
            aspek, kunci, indikator, v = m.groups()
            pemilik = kunci in inovasi if aspek == "SID" else kunci == kode_wilayah
            if pemilik and (kunci if aspek == "SID" else "SPD") not in pemilik_boleh:
                pesan.append(
                    f"Bagian skenario «{b[:40]}»: "
                    + (
                        "inovasi ini hanya dikenal dari ekspor portal (tanpa jawaban per indikator); naikkan "
                        "kematangannya lewat celahnya."
                        if aspek == "SID"
                        else f"SPD wilayah ini belum diisi; isi di {halaman('spd').tempat}, simulasi tidak mengarangnya."
                    )
                    + " Diabaikan."
                )
                continue
            if pemilik and indikator in kode[aspek]:
                level[(aspek, kunci, indikator)] = int(v)
                continue
        elif m and b[0] == "B" and m.group(1) in id_celah:
            bukti.append(m.group(1))
            continue
        elif m and b[0] == "I" and m.group(1) in inovasi:
            kirim[m.group(1)] = m.group(2) == "1"
            continue
        elif m and b[0] == "T" and int(m.group(1)) < n_urusan:
            tambahan.append((int(m.group(1)), int(m.group(2))))
            continue
        pesan.append(f"Bagian skenario «{b[:40]}» tidak dikenal untuk wilayah dan tahun ini; diabaikan.")
    s = Skenario(
        level=tuple((*k, v) for k, v in level.items()),
        bukti=tuple(dict.fromkeys(bukti)),
        kirim=tuple(kirim.items()),
        tambahan=tuple(tambahan),
    )
    return s, pesan


def terapkan(data: scoring.DataPenilaian, kel: Kelengkapan, kode_wilayah: str, s: Skenario) -> scoring.DataPenilaian:
    """The region's data under the scenario: fixed evidence, then explicit levels, sent/withdrawn, additions."""
    m = scoring.load_metodologi(kel.versi)
    celah = kel.celah[kel.celah["id_celah"].isin(s.bukti)]
    hasil = terapkan_celah(data, celah)
    if s.level:
        perubahan = pd.DataFrame(
            [
                {
                    "aspek": a,
                    "kode_wilayah": kode_wilayah,
                    "id_inovasi": k if a == "SID" else None,
                    "kode_indikator": i,
                    "level_baru": float(v),
                }
                for a, k, i, v in s.level
            ]
        )
        hasil = scoring.terapkan_perubahan_level(hasil, perubahan, BASIS)
    inovasi = hasil.inovasi.copy()
    for id_inovasi, dikirim in s.kirim:
        pilih = inovasi["id_inovasi"] == id_inovasi
        kini = inovasi.loc[pilih, "status_inovasi"]
        # Sending a draft makes it 'dikirim'; a verified innovation keeps its verdict. Withdrawing takes it out
        # of the submission, which scoring treats like a draft.
        inovasi.loc[pilih, "status_inovasi"] = kini.where(kini != "draft", "dikirim") if dikirim else "draft"
    sid = hasil.jawaban_sid
    if s.tambahan:
        urusan = urusan_tambahan(m)
        kode_sid = [i.kode for i in m.indikator_aspek("SID")]
        baru = pd.DataFrame(
            {
                "kode_wilayah": kode_wilayah,
                "id_inovasi": [f"{AWALAN_TAMBAHAN}{j + 1}" for j in range(len(s.tambahan))],
                "status_inovasi": "dikirim",
                "urusan_utama": [urusan[u] for u, _ in s.tambahan],
            }
        )
        inovasi = pd.concat([inovasi, baru.reindex(columns=inovasi.columns)], ignore_index=True)
        jawaban = pd.DataFrame(
            [
                {
                    "id_inovasi": f"{AWALAN_TAMBAHAN}{j + 1}",
                    "kode_indikator": k,
                    "level_klaim": float(v),
                    "status_bukti": "ada",
                }
                for j, (_, v) in enumerate(s.tambahan)
                for k in kode_sid
            ]
        )
        sid = pd.concat([sid, jawaban.reindex(columns=sid.columns)], ignore_index=True)
    return scoring.DataPenilaian(inovasi=inovasi, jawaban_sid=sid, jawaban_spd=hasil.jawaban_spd)


def simulasikan(kel: Kelengkapan, kode_wilayah: str, s: Skenario, skor: pd.DataFrame | None = None) -> Hasil:
    """Real and simulated scores of the region, and every region's real vs simulated rank. `skor` is the year's
    skor.skor_tahun on the verified basis (the page passes its cached copy; read here when not given). A region
    without SPD answers is simulated on its SID alone: no IID either side, its rank among the pemda without SPD
    (`peringkat_sid_saja`)."""
    m = scoring.load_metodologi(kel.versi)
    # Real and simulated by the one rule (services.skor.nilai_wilayah): "nyata" is the IID every page shows (from
    # the stored data: kel.data holds empty wajib answers added for the worklist, which would look like SPD).
    wilayah = kel.skor[["kode_wilayah", "nama_wilayah", "jenis"]]
    nyata = (layanan_skor.skor_tahun(kel.tahun, BASIS) if skor is None else skor).reset_index(drop=True)
    data = terapkan(kel.data.bagian_wilayah(kode_wilayah), kel, kode_wilayah, s)
    simulasi = layanan_skor.nilai_wilayah(data, m, kel.tahun, wilayah, BASIS).iloc[0]
    sim = nyata.copy()
    pilih = sim["kode_wilayah"] == kode_wilayah
    for kolom in simulasi.index.drop(["kode_wilayah", "peringkat", "peringkat_sid_saja"]):
        sim.loc[pilih, kolom] = simulasi[kolom]
    lengkap = sim["ada_spd"].astype(bool)
    sim["peringkat"] = pd.Series(pd.NA, index=sim.index, dtype="Int64")
    sim.loc[lengkap, "peringkat"] = layanan_skor.peringkat_wilayah(sim[lengkap]).to_numpy()
    # A pemda without SPD stays without it in any scenario (baca drops SPD levels for it): its SID is ranked
    # among the pemda without SPD, as services.skor.nilai_wilayah ranks it.
    sim["peringkat_sid_saja"] = pd.Series(pd.NA, index=sim.index, dtype="Int64")
    if not lengkap.all():
        sim.loc[~lengkap, "peringkat_sid_saja"] = layanan_skor.peringkat_sid_saja(sim[~lengkap]).to_numpy()
    peringkat = nyata[["kode_wilayah", "nama_wilayah", "jenis", "ada_spd", "iid", "skor_sid"]].copy()
    peringkat["peringkat_nyata"] = nyata["peringkat"].fillna(nyata["peringkat_sid_saja"]).to_numpy()
    peringkat["peringkat_simulasi"] = sim["peringkat"].fillna(sim["peringkat_sid_saja"]).to_numpy()
    return Hasil(
        nyata=nyata[pilih].iloc[0],
        simulasi=sim[pilih].iloc[0],
        peringkat=peringkat.sort_values("kode_wilayah", ignore_index=True),
    )


def rentang_peringkat(tahun: int) -> pd.DataFrame:
    """Every kabupaten/kota's rank if only verified levels count and if every claim were accepted."""
    ranks = [
        layanan_skor.skor_tahun(tahun, basis).set_index("kode_wilayah")[["nama_wilayah", "jenis", "peringkat"]]
        for basis in scoring.BASIS
    ]
    hasil = ranks[0].rename(columns={"peringkat": "peringkat_terverifikasi"})
    hasil["peringkat_klaim"] = ranks[1]["peringkat"]
    # A pemda without SPD has no rank among the others (services.skor.nilai_wilayah), so no range either.
    hasil = hasil[(hasil["jenis"] != "provinsi") & hasil["peringkat_terverifikasi"].notna()].reset_index()
    return hasil.sort_values(["peringkat_terverifikasi", "peringkat_klaim"], ignore_index=True)


def jawaban_untuk_diubah(kel: Kelengkapan, kode_wilayah: str, pemilik: str, s: Skenario) -> pd.DataFrame:
    """The answers of one owner ('SPD' for the region's SPD answers, else an id_inovasi) with the level that
    counts now and the level the scenario gives (columns aspek, kunci, kode_indikator, nama_indikator,
    level_klaim, level_diakui, level_simulasi)."""
    m = scoring.load_metodologi(kel.versi)
    aspek = "SPD" if pemilik == "SPD" else "SID"
    kunci = kode_wilayah if aspek == "SPD" else pemilik
    jawaban = kel.data.jawaban_spd if aspek == "SPD" else kel.data.jawaban_sid
    jawaban = jawaban[jawaban["kode_wilayah" if aspek == "SPD" else "id_inovasi"] == kunci]
    katalog = pd.DataFrame(
        [(i.kode, i.nama) for i in m.indikator_aspek(aspek)], columns=["kode_indikator", "nama_indikator"]
    )
    hasil = katalog.merge(
        jawaban[["kode_indikator", "level_klaim"]].assign(level_diakui=scoring.level_efektif(jawaban, BASIS)),
        on="kode_indikator",
        how="left",
    ).fillna({"level_klaim": 0.0, "level_diakui": 0.0})
    diubah = {(i, v) for a, k, i, v in s.level if a == aspek and k == kunci}
    level = dict(diubah)
    hasil["level_simulasi"] = [
        level.get(k, d) for k, d in zip(hasil["kode_indikator"], hasil["level_diakui"], strict=True)
    ]
    return hasil.assign(aspek=aspek, kunci=kunci)


def level_dari_editor(s: Skenario, awal: pd.DataFrame, level_baru: object) -> Skenario:
    """The scenario with this owner's explicit levels replaced by the edited ones that differ from what counts."""
    aspek, kunci = awal["aspek"].iat[0], awal["kunci"].iat[0]
    lain = tuple(x for x in s.level if (x[0], x[1]) != (aspek, kunci))
    baru = pd.Series(level_baru, index=awal.index).astype(float)
    diubah = awal[baru.notna() & (baru != awal["level_diakui"])]
    milik = tuple((aspek, kunci, k, int(baru[i])) for i, k in zip(diubah.index, diubah["kode_indikator"], strict=True))
    return Skenario(lain + milik, s.bukti, s.kirim, s.tambahan)


def inovasi_kirim(kel: Kelengkapan, kode_wilayah: str) -> pd.DataFrame:
    """The region's innovations (Kelengkapan.inovasi rows, status as marked) with `dikirim`: in the submission the
    IID is computed on. Where nothing is marked, that is every innovation the age rule admits, though each is
    still marked draft (services.skor.data_dinilai)."""
    inovasi = kel.inovasi[kel.inovasi["kode_wilayah"] == kode_wilayah]
    dihitung = kel.data.inovasi.set_index("id_inovasi")["status_inovasi"] != "draft"
    return inovasi.assign(dikirim=inovasi["id_inovasi"].map(dihitung).astype(bool))


def kirim_dari_editor(s: Skenario, inovasi: pd.DataFrame, dikirim: object) -> Skenario:
    """The scenario with 'sent' switched for every innovation (inovasi_kirim rows) whose box differs from whether
    it is in the submission now."""
    nyata = inovasi["dikirim"].to_numpy(bool)
    beda = nyata != pd.Series(dikirim).to_numpy(bool)
    kirim = tuple((i, bool(not n)) for i, n in zip(inovasi["id_inovasi"][beda], nyata[beda], strict=True))
    return Skenario(s.level, s.bukti, kirim, s.tambahan)
