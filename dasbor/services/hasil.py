"""What the Hasil pages show: ranking with last year's change and the published values beside it, trends under
each year's own rule or under one rule, indicator breakdowns, and innovation counts.

Every IID, predikat and point here comes from the shared scoring module (through services.skor or
scoring.kontribusi); this module only selects, joins and aggregates. Plain functions of the published copy
(services.db.database()); the UI layer caches their results per terbitan (dasbor/ui/data.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import scoring
from dasbor.db.connection import Database
from dasbor.lingkup import NASIONAL, lingkup, nama_provinsi, provinsi_dari, provinsi_kolom
from dasbor.services import hasil_terbit
from dasbor.services.db import database
from dasbor.services.skor import (
    daftar_tahun,
    daftar_wilayah,
    data_dinilai,
    data_penilaian,
    metodologi_tahun,
    skor_semua_aturan,
    skor_tahun,
)
from dasbor.visual.format import bilangan

KAB_KOTA = ("kabupaten", "kota")
# The jumlah inovasi term is no indicator of its own in the rule files; in breakdowns it is shown as one row
# of the variable it belongs to (2023 deck: "Jumlah Inovasi & Hasil Kreatif", indicator 36).
KODE_JUMLAH = "jumlah"
NAMA_JUMLAH = "Skor jumlah inovasi"
VARIABEL_JUMLAH = "Jumlah Inovasi dan Hasil Kreatif"
# Innovations known only by the portal's kematangan have no answer per indicator, so no share in
# scoring.kontribusi; their SID points are one row of their own, so a region's rows still add up to its IID.
KODE_PORTAL = "kematangan_portal"
NAMA_PORTAL = "Kematangan dari ekspor portal (tanpa jawaban per indikator)"
# An indicator counts as a strength or weakness when its level is at least half a level away from the
# provincial median: one sixth of the 0–3 scale, about the step a verifier's downgrade makes on average.
AMBANG_JAUH = 0.5


def _data_dinilai(db: Database, tahun: int) -> scoring.DataPenilaian:
    """The year's data as the one rule scores it (skor.data_dinilai), so breakdowns add up to the IID shown."""
    return data_dinilai(data_penilaian(db, tahun), metodologi_tahun(db, tahun), tahun)[0]


def jumlah_kabkota() -> int:
    """How many kabupaten/kota the database holds (13 in Kalsel, 514 nationally), from the wilayah table: the
    regions a map draws and an indicator's median is taken over."""
    return int(daftar_wilayah()["jenis"].isin(KAB_KOTA).sum())


def jumlah_sejawat(kode: str) -> int:
    """How many kab/kota a region's province-view rank (`peringkat`) is among: those of its province."""
    w = daftar_wilayah()
    return int((w["jenis"].isin(KAB_KOTA) & (w["kode_provinsi"] == provinsi_dari(kode))).sum())


def sejawat_peringkat() -> str:
    """Whom the province-view rank is among, for page texts: '13 kab/kota' when the database holds one province;
    else 'kab/kota se-provinsi, 514 kab/kota di 38 provinsi'."""
    w = daftar_wilayah()
    kabkota = w[w["jenis"].isin(KAB_KOTA)]
    n_provinsi = kabkota["kode_provinsi"].nunique()
    if n_provinsi <= 1:
        return f"{bilangan(len(kabkota))} kab/kota"
    return f"kab/kota se-provinsi, {bilangan(len(kabkota))} kab/kota di {bilangan(n_provinsi)} provinsi"


def se_provinsi(baris: pd.DataFrame, kode_wilayah: str, provinsi: bool = True) -> pd.DataFrame:
    """The rows (kode_wilayah, jenis) of the province `kode_wilayah` is or belongs to: the province and its kab/kota,
    or its kab/kota only (`provinsi` False: whom a kab/kota's rank is among). In a province's deployment that is
    every row; nationally a chart drawn for one region shows its province, not 552 rows (16 000 px high)."""
    dalam = provinsi_kolom(baris["kode_wilayah"]) == provinsi_dari(kode_wilayah)
    return baris[dalam] if provinsi else baris[dalam & (baris["jenis"] != "provinsi")]


def cakupan_pemda() -> str:
    """The pemda the database holds, in words: 'provinsi dan 13 kab/kota', or '38 provinsi dan 514 kab/kota'."""
    w = daftar_wilayah()
    n_provinsi = int((w["jenis"] == "provinsi").sum())
    provinsi = "provinsi" if n_provinsi <= 1 else f"{bilangan(n_provinsi)} provinsi"
    return f"{provinsi} dan {bilangan(jumlah_kabkota())} kab/kota"


def pembanding_bawaan() -> tuple[str, ...]:
    """The default comparison pair (Tren, Bandingkan, the deck's trend slide): the scope's declared pair
    (data/lingkup.toml) where the latest year scores those regions, topped up with the first kab/kota, then the
    province, that it does score, so a new deployment's pages open on regions with data."""
    tahun = daftar_tahun()
    return pasangan_berdata(skor_tahun(max(tahun))) if tahun else lingkup().pembanding


def wilayah_berdata() -> pd.DataFrame:
    """The regions the region filters offer: those the latest year scores (every region of a province deployment
    once it has data; a new deployment shows the pemda imported so far), or all of `wilayah` before any data."""
    wilayah = daftar_wilayah()
    tahun = daftar_tahun()
    if not tahun:
        return wilayah
    berdata = wilayah[wilayah["kode_wilayah"].isin(skor_tahun(max(tahun))["kode_wilayah"])]
    return berdata if not berdata.empty else wilayah


def pasangan_berdata(skor: pd.DataFrame) -> tuple[str, ...]:
    """pembanding_bawaan for one year's scores: the declared pair where scored, topped up from the scored regions."""
    urut = skor.assign(provinsi=skor["jenis"].eq("provinsi")).sort_values(["provinsi", "kode_wilayah"])
    berdata = list(urut["kode_wilayah"])
    pasangan = [k for k in lingkup().pembanding if k in berdata]
    pasangan += [k for k in berdata if k not in pasangan]
    return tuple(pasangan[: len(lingkup().pembanding)])


def teks_peringkat(kode: str, skor: pd.DataFrame) -> str:
    """A region's two ranks in words, from one year's scores (hitung_skor_tahun): the province view's and the IGA
    cluster's, 'peringkat 3 dari 13 kab/kota di Kalimantan Selatan; klaster kabupaten: 3 dari 11 kabupaten di
    Kalimantan Selatan' (nationally: 'klaster kabupaten nasional: 41 dari 416')."""
    baris = skor[skor["kode_wilayah"] == kode].iloc[0]
    jenis = baris["jenis"]
    tempat = "nasional" if lingkup().nasional else f"di {lingkup().nama}"
    n_klaster = int((skor["jenis"] == jenis).sum())
    klaster = f"klaster {jenis} {tempat}: {baris['peringkat_klaster']} dari {n_klaster}"
    if jenis == "provinsi":
        return klaster
    provinsi = provinsi_dari(kode)
    sejawat = se_provinsi(skor, kode, provinsi=False)
    return f"peringkat {baris['peringkat']} dari {len(sejawat)} kab/kota di {nama_provinsi(provinsi)}; {klaster}"


def keterangan_klaster(skor: pd.DataFrame) -> str:
    """What the cluster rank column means for the regions scored: 'Peringkat klaster: di antara 11 kabupaten dan
    2 kota di Kalimantan Selatan (klaster IGA: kabupaten dan kota dinilai terpisah).'"""
    n = skor["jenis"].value_counts()
    tempat = "se-Indonesia" if lingkup().nasional else f"di {lingkup().nama}"
    bagian = [f"{bilangan(n[j])} {j}" for j in ("kabupaten", "kota") if n.get(j, 0)]
    return f"Peringkat klaster: di antara {' dan '.join(bagian)} {tempat} (klaster IGA: kabupaten dan kota dinilai terpisah)."


def provinsi_dinilai(skor: pd.DataFrame) -> dict[str, str]:
    """The provinces one year's scores cover, code to name in code order: one in a province's deployment, up to 38
    nationally (a province counts once any of its pemda is scored)."""
    kode = sorted(provinsi_kolom(skor["kode_wilayah"]).unique())
    return {k: nama_provinsi(k) for k in kode}


def peringkat_di(skor: pd.DataFrame, di: str, jenis: str) -> pd.DataFrame:
    """The rows of one ranking view, best first, from peringkat(). `di` is a province code: its kab/kota (`jenis`
    'semua', 'kabupaten' or 'kota'), ranked among the province's kab/kota. Or NASIONAL: one IGA cluster (`jenis`
    'kabupaten', 'kota' or 'provinsi') across the country, where peringkat and perubahan_peringkat are the
    cluster's, so a chart and a table read one rank column whatever the view."""
    if di == NASIONAL:
        d = skor[skor["jenis"] == jenis]
        d = d.assign(peringkat=d["peringkat_klaster"], perubahan_peringkat=d["perubahan_peringkat_klaster"])
    else:
        d = se_provinsi(skor, di, provinsi=False)
        d = d if jenis == "semua" else d[d["jenis"] == jenis]
    return d.sort_values("peringkat")


def tahun_sebelumnya(tahun: int) -> int | None:
    lalu = [t for t in daftar_tahun() if t < tahun]
    return max(lalu) if lalu else None


def status_periode(tahun: int) -> str:
    """'final' or 'sementara' (verification still under way) as recorded in `periode`."""
    periode = database().query("periode").set_index("tahun")
    return str(periode.at[tahun, "status"]) if tahun in periode.index else "sementara"


def hasil_resmi() -> pd.DataFrame:
    """Officially published values (real facts, each with its source), all years."""
    return database().query("hasil_resmi")


def peringkat(tahun: int, basis: str) -> pd.DataFrame:
    """Scores of the year with last year's rank and IID beside them, and the published value with its source.

    perubahan_peringkat > 0 means the region climbed (each year ranked under its own rule version);
    perubahan_peringkat_klaster is the same for the IGA cluster rank.
    """
    skor = skor_tahun(tahun, basis).copy()
    lalu = tahun_sebelumnya(tahun)
    if lalu is None:
        skor[["peringkat_lalu", "peringkat_klaster_lalu", "iid_lalu"]] = np.nan
        skor["predikat_lalu"] = None
    else:
        sebelum = skor_tahun(lalu, basis)[["kode_wilayah", "peringkat", "peringkat_klaster", "iid", "predikat"]]
        sebelum = sebelum.rename(
            columns={
                "peringkat": "peringkat_lalu",
                "peringkat_klaster": "peringkat_klaster_lalu",
                "iid": "iid_lalu",
                "predikat": "predikat_lalu",
            }
        )
        skor = skor.merge(sebelum, on="kode_wilayah", how="left")
    skor["perubahan_peringkat"] = skor["peringkat_lalu"] - skor["peringkat"]
    skor["perubahan_peringkat_klaster"] = skor["peringkat_klaster_lalu"] - skor["peringkat_klaster"]
    skor["perubahan_iid"] = skor["iid"] - skor["iid_lalu"]
    resmi = hasil_resmi()
    resmi = resmi[resmi["tahun"] == tahun][
        [
            "kode_wilayah",
            "nilai_iid",
            "predikat",
            "peringkat",
            "lingkup_peringkat",
            "status",
            "keyakinan",
            "catatan",
            "sumber",
        ]
    ].rename(
        columns={
            "nilai_iid": "nilai_resmi",
            "predikat": "predikat_resmi",
            "peringkat": "peringkat_resmi",
            "lingkup_peringkat": "lingkup_resmi",
            "status": "status_resmi",
            "keyakinan": "keyakinan_resmi",
            "catatan": "catatan_resmi",
            "sumber": "sumber_resmi",
        }
    )
    skor = skor.merge(resmi, on="kode_wilayah", how="left")
    skor["selisih_resmi"] = skor["iid"] - skor["nilai_resmi"]
    return skor.sort_values(["jenis", "peringkat"], key=lambda s: s.eq("provinsi") if s.name == "jenis" else s)


def peringkat_kabkota_berlokasi(tahun: int, basis: str) -> pd.DataFrame:
    """peringkat() of the 13 kab/kota with their approximate centre (lat, lng) for the maps."""
    p = peringkat(tahun, basis)
    return p[p["jenis"].isin(KAB_KOTA)].merge(daftar_wilayah()[["kode_wilayah", "lat", "lng"]], on="kode_wilayah")


@dataclass(frozen=True)
class Ringkasan:
    """The headline numbers of one year (kab/kota only unless named provinsi)."""

    provinsi: pd.Series
    n_inovasi: int  # submitted (not draft) innovations of the province and all kab/kota
    per_predikat: dict[str, int]
    terbaik: pd.Series
    terlemah: pd.Series
    penggerak: pd.Series | None  # largest IID rise since last year; None in the first year


def ringkasan(tahun: int, basis: str) -> Ringkasan:
    hasil = peringkat(tahun, basis)
    kabkota = hasil[hasil["jenis"].isin(KAB_KOTA)]  # in rank order, the pemda with SID only after the others
    if kabkota["ada_spd"].any():
        # by IID: with several provinces each has its own rank 1 (a stable sort keeps one province's rank order)
        kabkota = kabkota[kabkota["ada_spd"]].sort_values("iid_mentah", ascending=False, kind="stable")
    m = metodologi_tahun(database(), tahun)
    urutan = [p.nama for p in m.predikat] + [m.predikat_nol]
    hitung = kabkota["predikat"].value_counts()
    naik = kabkota.dropna(subset=["perubahan_iid"])
    provinsi = hasil[hasil["jenis"] == "provinsi"]
    # A new deployment imports its pemda one by one: until the province's own data is in, its row is empty.
    kosong = pd.Series(dict.fromkeys(hasil.columns, np.nan) | {"nama_wilayah": lingkup().nama_pemda, "predikat": "–"})
    return Ringkasan(
        provinsi=provinsi.iloc[0] if not provinsi.empty else kosong,
        n_inovasi=int(database().query("inovasi_dilaporkan", {"tahun": tahun}).at[0, "n"]),
        per_predikat={p: int(hitung.get(p, 0)) for p in urutan},
        terbaik=kabkota.iloc[0],
        terlemah=kabkota.iloc[-1],
        penggerak=None if naik.empty else naik.loc[naik["perubahan_iid"].idxmax()],
    )


def tren(basis: str, versi: str | None = None) -> pd.DataFrame:
    """IID of every region in every year: each year under its own rule version, or all under `versi`."""
    return pd.concat([skor_tahun(t, basis, versi) for t in daftar_tahun()], ignore_index=True)


def pita_tren(versi: str | None = None) -> pd.DataFrame:
    """Band ranges per year (tahun, predikat, bawah, atas, versi) as a trend chart shades them."""
    db = database()
    bagian = []
    for t in daftar_tahun():
        m = metodologi_tahun(db, t, versi)
        bagian.append(m.pita().assign(tahun=t, versi=m.versi))
    return pd.concat(bagian, ignore_index=True)


def pertumbuhan(tren_wilayah: pd.DataFrame) -> pd.DataFrame:
    """Per region: IID change per year, the average change in points and the compound annual growth (%).

    Input: rows of tren() for the chosen regions. Growth is (last ÷ first)^(1 ÷ years) − 1 and is left empty
    when the first value is 0 (growth from nothing is undefined).
    """
    baris = []
    for (kode, nama), grup in tren_wilayah.sort_values("tahun").groupby(["kode_wilayah", "nama_wilayah"], sort=False):
        tahun = grup["tahun"].to_numpy()
        iid = grup["iid"].to_numpy(dtype=float)
        rekam = {"kode_wilayah": kode, "nama_wilayah": nama}
        for i in range(1, len(tahun)):
            rekam[f"Δ {tahun[i]}"] = iid[i] - iid[i - 1]
        rentang = tahun[-1] - tahun[0]
        rekam["rata_rata_perubahan"] = (iid[-1] - iid[0]) / rentang if rentang else np.nan
        rekam["pertumbuhan_tahunan"] = (
            ((iid[-1] / iid[0]) ** (1 / rentang) - 1) * 100 if rentang and iid[0] > 0 else np.nan
        )
        baris.append(rekam)
    return pd.DataFrame(baris)


def _katalog(m: scoring.Metodologi) -> pd.DataFrame:
    indikator = m.katalog()[["kode_indikator", "aspek", "variabel", "nama_indikator", "bobot"]]
    jumlah = pd.DataFrame(
        {
            "kode_indikator": [KODE_JUMLAH],
            "aspek": ["SID"],
            "variabel": [VARIABEL_JUMLAH],
            "nama_indikator": [NAMA_JUMLAH],
            "bobot": [np.nan],
        }
    )
    portal = jumlah.assign(kode_indikator=KODE_PORTAL, variabel="Kematangan inovasi", nama_indikator=NAMA_PORTAL)
    return pd.concat([indikator, portal, jumlah], ignore_index=True).assign(urutan=lambda d: range(len(d)))


def rincian_indikator(tahun: int, basis: str, versi: str | None = None) -> pd.DataFrame:
    """Every region × indicator (plus the portal kematangan and jumlah inovasi rows): IID points and mean level
    (0–3), as the published copy stores them under the year's own rule (hasil_terbit), else computed
    (rincian_dari).

    Per region the poin_iid sum to the unrounded IID (scoring.kontribusi's identity). level_rata is the level
    for SPD and the mean over assessed innovations for SID; it is empty for the jumlah and portal rows, for the
    SPD of a pemda without SPD answers, and for the SID of one without an assessed innovation with answers.
    """
    db = database()
    m = metodologi_tahun(db, tahun, versi)
    tersimpan = hasil_terbit.rincian(db, tahun, basis, m.versi)
    if tersimpan is not None:
        return tersimpan
    return rincian_dari(_data_dinilai(db, tahun), m, basis, skor_tahun(tahun, basis, versi))


def rincian_dari(data: scoring.DataPenilaian, m: scoring.Metodologi, basis: str, skor: pd.DataFrame) -> pd.DataFrame:
    """rincian_indikator of the data a year's IID is computed on (skor.data_dinilai), under rule `m`, beside that
    year's scores `skor` (nilai_wilayah under `m` and `basis`)."""
    k = scoring.kontribusi(data, m, basis)
    # The mean level of an SID indicator is taken over the innovations that are assessed (poin_per_level > 0);
    # drafts and rejected ones score nothing and would only dilute it.
    dinilai = k[k["poin_per_level"] > 0]
    poin = k.groupby(["kode_wilayah", "kode_indikator"])["kontribusi_iid"].sum().rename("poin_iid")
    level = dinilai.groupby(["kode_wilayah", "kode_indikator"])["level"].mean().rename("level_rata")
    skor = skor[["kode_wilayah", "nama_wilayah", "jenis", "skor_jumlah_inovasi", "pembagi"]]
    katalog = _katalog(m)
    grid = skor[["kode_wilayah", "nama_wilayah", "jenis"]].merge(katalog, how="cross")
    rincian = grid.merge(poin.reset_index(), on=["kode_wilayah", "kode_indikator"], how="left").merge(
        level.reset_index(), on=["kode_wilayah", "kode_indikator"], how="left"
    )
    jumlah = skor.set_index("kode_wilayah")["skor_jumlah_inovasi"] / m.maks_total * 100
    baris_jumlah = rincian["kode_indikator"] == KODE_JUMLAH
    rincian.loc[baris_jumlah, "poin_iid"] = rincian.loc[baris_jumlah, "kode_wilayah"].map(jumlah).to_numpy()
    per_inovasi = scoring.hitung_kematangan(data, m, basis)
    portal = per_inovasi[per_inovasi["dari_kematangan_portal"]].groupby("kode_wilayah")["kematangan"].sum()
    poin_portal = portal / skor.set_index("kode_wilayah")["pembagi"].reindex(portal.index) / m.maks_total * 100
    baris_portal = rincian["kode_indikator"] == KODE_PORTAL
    rincian.loc[baris_portal, "poin_iid"] = rincian.loc[baris_portal, "kode_wilayah"].map(poin_portal).to_numpy()
    rincian["poin_iid"] = rincian["poin_iid"].fillna(0.0)
    # A missing answer is level 0, but only where the aspect has answers at all: a pemda that has not entered SPD
    # has no SPD level (not 0; it would show every SPD indicator as a weakness and pull the medians down), and one
    # whose assessed innovations are known only from the portal has their kematangan, no level per SID indicator.
    dijawab = pd.MultiIndex.from_frame(dinilai[["kode_wilayah", "aspek"]].drop_duplicates())
    ada = pd.MultiIndex.from_frame(rincian[["kode_wilayah", "aspek"]]).isin(dijawab)
    indikator = ~(baris_jumlah | baris_portal) & ada
    rincian.loc[indikator, "level_rata"] = rincian.loc[indikator, "level_rata"].fillna(0.0)
    rincian["versi_metodologi"] = m.versi
    return rincian.sort_values(["kode_wilayah", "urutan"]).reset_index(drop=True)


def hasil_tahun_terbit(db: Database, tahun: int) -> dict[str, pd.DataFrame]:
    """What a publish stores for a year (hasil_terbit), from one read of its data: the scores of both bases under
    every rule version (skor.skor_semua_aturan) and the indicator breakdown of both bases under the year's own rule
    (rincian_dari), per table."""
    m = metodologi_tahun(db, tahun)
    dinilai = data_dinilai(data_penilaian(db, tahun), m, tahun)
    skor = skor_semua_aturan(dinilai, tahun, db.query("wilayah"))
    rincian = [
        rincian_dari(
            dinilai[0], m, basis, skor[(skor["basis"] == basis) & (skor["versi_metodologi"] == m.versi)]
        ).assign(tahun=tahun, basis=basis)
        for basis in scoring.BASIS
    ]
    return {"skor_terbit": skor, "rincian_terbit": pd.concat(rincian, ignore_index=True)}


def selisih_indikator(rincian: pd.DataFrame, kode_a: str, kode_b: str) -> pd.DataFrame:
    """Per indicator: IID points of A and B and A − B; the rows sum to the gap in unrounded IID."""
    a = rincian[rincian["kode_wilayah"] == kode_a].set_index("kode_indikator")
    b = rincian[rincian["kode_wilayah"] == kode_b].set_index("kode_indikator")
    hasil = a[["aspek", "variabel", "nama_indikator", "urutan"]].copy()
    hasil["poin_a"] = a["poin_iid"]
    hasil["poin_b"] = b["poin_iid"].reindex(hasil.index)
    hasil["level_a"] = a["level_rata"]
    hasil["level_b"] = b["level_rata"].reindex(hasil.index)
    hasil["selisih"] = hasil["poin_a"] - hasil["poin_b"]
    return hasil.reset_index().sort_values("urutan").reset_index(drop=True)


def selisih_per(selisih: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """selisih_indikator() summed to 'aspek' or 'variabel' (in rule-file order): poin_a, poin_b, selisih."""
    kunci = ["aspek"] if tingkat == "aspek" else ["aspek", "variabel"]
    return (
        selisih.groupby(kunci, sort=False)
        .agg(poin_a=("poin_a", "sum"), poin_b=("poin_b", "sum"), selisih=("selisih", "sum"))
        .reset_index()
    )


def kekuatan_kelemahan(rincian: pd.DataFrame, kode: str) -> pd.DataFrame:
    """Indicators of one region compared with the median of the kab/kota: level and IID points against it.

    `posisi` is 'kekuatan' when the level is at least AMBANG_JAUH above the median, 'kelemahan' when as far
    below, else empty. The jumlah and portal rows have no level and are left out; an indicator without a level
    (SPD not entered, SID known only as the portal's kematangan) is neither, and the medians are taken over the
    kab/kota that have one.
    """
    indikator = rincian[~rincian["kode_indikator"].isin([KODE_JUMLAH, KODE_PORTAL])]
    kabkota = indikator[indikator["jenis"].isin(KAB_KOTA)]
    median = kabkota.groupby("kode_indikator").agg(
        level_median=("level_rata", "median"), poin_median=("poin_iid", "median")
    )
    wilayah = indikator[indikator["kode_wilayah"] == kode].merge(median, left_on="kode_indikator", right_index=True)
    wilayah["selisih_level"] = wilayah["level_rata"] - wilayah["level_median"]
    wilayah["selisih_poin"] = wilayah["poin_iid"] - wilayah["poin_median"]
    wilayah["posisi"] = np.select(
        [wilayah["selisih_level"] >= AMBANG_JAUH, wilayah["selisih_level"] <= -AMBANG_JAUH],
        ["kekuatan", "kelemahan"],
        "",
    )
    return wilayah.sort_values("selisih_poin", ascending=False).reset_index(drop=True)


def inovasi_tahun(tahun: int) -> pd.DataFrame:
    """All innovations of a year with their perangkat daerah (drafts included; filter on status_inovasi)."""
    return database().query("inovasi_tahun", {"tahun": tahun})


def jumlah_inovasi(tahun: int, kode: list[str], menurut: str) -> pd.DataFrame:
    """Submitted (non-draft) innovations of the given regions counted by one column (urusan_utama, tahapan,
    nama_perangkat_daerah, status_inovasi): columns kode_wilayah, <menurut>, jumlah. Submitted as the IID is
    computed: where a pemda marked nothing, every innovation the age rule admits (skor.data_dinilai)."""
    inovasi = _data_dinilai(database(), tahun).inovasi
    pilih = inovasi[inovasi["kode_wilayah"].isin(kode) & (inovasi["status_inovasi"] != "draft")]
    hitung = pilih.fillna({menurut: "(tidak diisi)"}).groupby(["kode_wilayah", menurut]).size().rename("jumlah")
    return hitung.reset_index().sort_values(["kode_wilayah", "jumlah"], ascending=[True, False]).reset_index(drop=True)


def jumlah_berdampingan(jumlah: pd.DataFrame, menurut: str) -> pd.DataFrame:
    """jumlah_inovasi() with a `wilayah` column (the names shown), one row per <menurut> and one count column per
    region, 0 where a region has none."""
    return jumlah.pivot_table(index=menurut, columns="wilayah", values="jumlah", fill_value=0).reset_index()


def aturan_yandas(tahun: int) -> scoring.Metodologi:
    """The rule version whose urusan wajib pelayanan dasar the year's pages show (scoring.aturan_yandas)."""
    return scoring.aturan_yandas(metodologi_tahun(database(), tahun))


def kematangan(tahun: int, basis: str) -> pd.DataFrame:
    """Per innovation of the year: kematangan and whether the year's rule counts it for the jumlah term."""
    db = database()
    return scoring.hitung_kematangan(_data_dinilai(db, tahun), metodologi_tahun(db, tahun), basis)


def cakupan_yandas(tahun: int, basis: str, kode: str) -> pd.DataFrame:
    """Per urusan wajib pelayanan dasar: the region's innovations that the year's rule counts for the jumlah
    term (scoring.hitung_kematangan decides which) with that urusan as urusan_utama, and whether it is covered."""
    syarat = aturan_yandas(tahun).syarat_yandas
    per_inovasi = kematangan(tahun, basis)
    dihitung = per_inovasi[(per_inovasi["kode_wilayah"] == kode) & per_inovasi["dihitung_jumlah"]]
    hitung = dihitung["urusan_utama"].value_counts()
    return pd.DataFrame(
        {"urusan": list(syarat.urusan), "jumlah": [int(hitung.get(u, 0)) for u in syarat.urusan]}
    ).assign(tercakup=lambda d: d["jumlah"] > 0)
