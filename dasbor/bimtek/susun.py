"""Build a bimtek Deck from the gathered data (bahan.Bahan): pure slide builders, testable without a database.

Scores come from the services (which call the shared scoring module) through bahan.kumpulkan; this module only
selects, orders and words them, and says on every slide where each number comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

import scoring
from dasbor.bimtek import figur, tata_letak
from dasbor.bimtek.bahan import JUMLAH_CELAH, Bahan, kumpulkan, wilayah_provinsi
from dasbor.bimtek.model import Acara, Bagian, BimtekError, Deck, Slide
from dasbor.lingkup import Lingkup, lingkup, lingkup_wilayah
from dasbor.services import skor as skor_layanan
from dasbor.services.hasil import pasangan_berdata, pembanding_bawaan
from dasbor.services.lintas_tahun import teks_wilayah
from dasbor.services.nasional import konteks_nasional
from dasbor.services.skor import TEKS_DASAR
from dasbor.visual import charts, peta
from dasbor.visual.format import angka, bilangan, nama_pendek, nama_pendek_unik, tanggal
from dasbor.visual.gaya import PROYEKTOR

SLIDE_TETAP = {
    "judul": "Judul acara",
    "peta": "Peta predikat kabupaten/kota",
    "peringkat": "Peringkat kabupaten/kota",
    "nasional": "{singkatan} dalam konteks nasional",
    "tren": "Tren wilayah pilihan",
    "penutup": "Penutup: daftar tindakan",
}
AWALAN_WILAYAH = "wilayah:"
JUMLAH_INOVASI_TERKUAT = 3
BATAS_NAMA_ACARA = 120
TINDAKAN = {
    "kosong": "Unggah bukti",
    "ditolak": "Ganti bukti yang ditolak",
    "perlu_perbaikan": "Perbaiki bukti",
}


def acara_bawaan(daerah: Lingkup | None = None) -> Acara:
    """The event a deck is for unless named: today, at the bimtek place of `daerah` (default: the deployment's)."""
    return Acara("Bimtek Indeks Inovasi Daerah", (daerah or lingkup()).tempat_bimtek, date.today())


def kunci_wilayah(kode: str) -> str:
    return f"{AWALAN_WILAYAH}{kode}"


def pilihan_slide(wilayah: pd.DataFrame) -> dict[str, str]:
    """Every slide the facilitator can choose, key -> label, in the default order (province slide last)."""
    urut = wilayah.assign(provinsi=wilayah["jenis"].eq("provinsi")).sort_values(["provinsi", "kode_wilayah"])
    per_wilayah = {
        kunci_wilayah(k): f"Wilayah: {n}" for k, n in zip(urut["kode_wilayah"], urut["nama_wilayah"], strict=True)
    }
    tetap = {k: v.format(singkatan=lingkup_wilayah(wilayah["kode_wilayah"]).singkatan) for k, v in SLIDE_TETAP.items()}
    penutup = tetap.pop("penutup")
    return {**tetap, **per_wilayah, "penutup": penutup}


def urutan_bawaan(wilayah: pd.DataFrame, hanya: Sequence[str] | None = None) -> list[str]:
    """The default deck: fixed slides around one slide per kabupaten/kota (or only the regions in `hanya`)."""
    kab_kota = wilayah.loc[wilayah["jenis"] != "provinsi", "kode_wilayah"].sort_values().tolist()
    kode = [k for k in kab_kota if k in hanya] if hanya else kab_kota
    if hanya:
        kode += [k for k in hanya if k not in kode]  # e.g. the province, when asked for explicitly
    return ["judul", "peta", "peringkat", "nasional", "tren", *map(kunci_wilayah, kode), "penutup"]


def _slide_judul(b: Bahan, acara: Acara) -> Slide:
    baris = (
        acara.tempat,
        tanggal(acara.tanggal),
        f"Tahun penilaian {b.tahun}",
        f"Aturan IID versi {b.m.versi} · basis {b.basis}",
    )
    data = pd.DataFrame(
        [
            {
                "nama_acara": acara.nama,
                "tempat": acara.tempat,
                "tanggal": acara.tanggal,
                "tahun_penilaian": b.tahun,
                "versi_metodologi": b.m.versi,
                "keyakinan_aturan": b.keyakinan,
                "basis": b.basis,
                "data_sintetis": b.sintetis,
            }
        ]
    )
    return Slide(
        kunci="judul",
        jenis="judul",
        judul=acara.nama,
        isi=(Bagian(None, tuple(t for t in baris if t)),),
        data={"acara": data},
        sumber=b.sumber_hitung,
        catatan=(
            f"{acara.nama}, {acara.tempat}, {tanggal(acara.tanggal)}. Tahun penilaian {b.tahun}.",
            f"Aturan IID versi {b.m.versi}: {b.m.nama}; dasar hukum: {b.m.dasar_hukum}.",
            f"Aturan untuk tahun {b.tahun}: keyakinan {b.keyakinan}. {b.catatan_aturan} Sumber: {b.sumber_aturan}",
            f"Data: {b.keterangan_data}",
        ),
    )


def _sebaran_predikat(kab_kota: pd.DataFrame, m: scoring.Metodologi) -> str:
    """'13 kabupaten/kota: 3 Sangat Inovatif, 8 Inovatif, 2 Kurang Inovatif'."""
    jumlah = kab_kota["predikat"].value_counts()
    urutan = [p.nama for p in m.predikat] + [m.predikat_nol]
    return f"{len(kab_kota)} kabupaten/kota: " + ", ".join(f"{jumlah[p]} {p}" for p in urutan if jumlah.get(p, 0))


def _figur_peta(kab_kota: pd.DataFrame, b: Bahan):
    lebar, tinggi = tata_letak.FIGUR_KIRI.piksel()
    fig = peta.peta_predikat(kab_kota, b.batas, "", gaya=PROYEKTOR)
    # The map is taller than wide: its legend goes to the free room on its right, so the map keeps the height.
    fig.update_layout(
        width=lebar,
        height=tinggi,
        margin={"t": 10, "b": 10, "l": 0, "r": 240},
        legend={"orientation": "v", "yref": "paper", "y": 0.5, "yanchor": "middle", "x": 1.02, "xanchor": "left"},
    )
    return fig


def _slide_peta(b: Bahan) -> Slide:
    """The province map of the pages (same figure function, projector style), band counts and thresholds beside."""
    kab_kota = _lengkap(b.skor[b.skor["jenis"] != "provinsi"]).merge(
        b.wilayah[["kode_wilayah", "lat", "lng"]], on="kode_wilayah"
    )
    fig = None if kab_kota.empty else _figur_peta(kab_kota, b)
    sebaran = (
        (_sebaran_predikat(kab_kota, b.m), "Label: nama singkat dan IID; warna: predikat.")
        if fig is not None
        else (TANPA_SPD,)
    )
    ambang = tuple(f"{p.nama} ≥ {angka(p.batas_bawah)}" for p in b.m.predikat)
    asal = b.batas.asal or b.batas.pesan  # where the boundaries come from, or why the tiles are drawn
    isi = (
        Bagian(None, sebaran),
        Bagian(f"Ambang predikat versi {b.m.versi}", ambang),
        *_bagian_tak_dipetakan(b),
    )
    kolom = ["kode_wilayah", "nama_wilayah", "iid", "predikat", "peringkat", "versi_metodologi", "basis"]
    catatan = [
        f"{r.nama_wilayah} ({nama_pendek(r.nama_wilayah)}): IID {angka(r.iid)}, {r.predikat}, peringkat {r.peringkat}."
        for r in kab_kota.sort_values("peringkat").itertuples()
    ]
    return Slide(
        kunci="peta",
        jenis="peta",
        judul=f"Peta predikat IID {b.tahun} di {b.daerah.nama}",
        isi=isi,
        figur=fig,
        data={"peta": kab_kota.sort_values("peringkat")[kolom]},
        sumber=b.sumber_hitung,
        catatan=(*catatan, asal, b.sumber_hitung),
    )


# A new deployment whose pemda are all portal-only has no IID, predikat or rank yet: the slides say so.
TANPA_SPD = "Belum ada kabupaten/kota dengan SPD: belum ada IID, predikat dan peringkat (hanya SID, di bawah)."


def _lengkap(skor: pd.DataFrame) -> pd.DataFrame:
    """The pemda with SPD answers: only they have an IID, predikat and rank (skor.nilai_wilayah)."""
    return skor[skor["ada_spd"].astype(bool)]


def _teks_sid_saja(r: pd.Series | tuple, dasar: bool = True) -> str:
    r = r if isinstance(r, pd.Series) else pd.Series(r._asdict())
    teks = f"{nama_pendek(r['nama_wilayah'])}: SID {angka(r['skor_sid'])}, peringkat SID {r['peringkat_sid_saja']}"
    return f"{teks} ({TEKS_DASAR[r['dasar_nilai']]})" if dasar else teks


def _bagian_sid_saja(b: Bahan) -> tuple[Bagian, ...]:
    """The pemda without SPD, ranked apart by SID and never among those with a whole IID. A basis they all share is
    said once, so the text column fits the projector."""
    sid_saja = b.skor[~b.skor["ada_spd"].astype(bool)]
    if sid_saja.empty:
        return ()
    dasar = sid_saja["dasar_nilai"].unique()
    sama = len(dasar) == 1
    baris = tuple(_teks_sid_saja(r, dasar=not sama) for _, r in sid_saja.iterrows())
    if sama:
        baris += (f"Dasar nilai: {TEKS_DASAR[dasar[0]]}.",)
    return (Bagian("SPD belum diisi: SID saja, diperingkat terpisah", baris),)


def _bagian_tak_dipetakan(b: Bahan) -> tuple[Bagian, ...]:
    """The map slide names the pemda without SPD in one line (their SID and rank are on the ranking slide): the
    map's text column must fit the projector."""
    sid_saja = b.skor[~b.skor["ada_spd"].astype(bool) & (b.skor["jenis"] != "provinsi")]
    if sid_saja.empty:
        return ()
    nama = ", ".join(map(nama_pendek, sid_saja["nama_wilayah"]))
    return (Bagian(None, (f"SPD belum diisi, tanpa predikat (SID saja, lihat slide peringkat): {nama}",)),)


def _slide_peringkat(b: Bahan) -> Slide:
    kab_kota = _lengkap(b.skor[b.skor["jenis"] != "provinsi"]).sort_values("peringkat")
    provinsi = _lengkap(b.skor[b.skor["jenis"] == "provinsi"])
    fig, ringkas = None, [TANPA_SPD]
    if not kab_kota.empty:
        lebar, tinggi = tata_letak.FIGUR_KIRI.piksel()
        fig = charts.batang_peringkat(kab_kota, b.m.pita(), "", gaya=PROYEKTOR)
        fig.update_layout(width=lebar, height=tinggi, margin={"t": 60})
        terbaik, terlemah = kab_kota.iloc[0], kab_kota.iloc[-1]
        ringkas = [
            _sebaran_predikat(kab_kota, b.m),
            f"Tertinggi: {nama_pendek(terbaik['nama_wilayah'])} {angka(terbaik['iid'])}",
            f"Terendah: {nama_pendek(terlemah['nama_wilayah'])} {angka(terlemah['iid'])}",
        ]
    prov = [f"IID {angka(r.iid)} · {r.predikat} (dinilai di antara provinsi)" for r in provinsi.itertuples()]
    isi = (Bagian(None, tuple(ringkas)), Bagian(b.daerah.nama_pemda, tuple(prov)), *_bagian_sid_saja(b))
    kolom = ["peringkat", "kode_wilayah", "nama_wilayah", "iid", "predikat", "n_inovasi", "versi_metodologi", "basis"]
    data = pd.concat([kab_kota[kolom], provinsi[kolom].assign(peringkat=pd.NA)], ignore_index=True)
    ambang = "; ".join(f"{p.nama} ≥ {angka(p.batas_bawah)} ({p.asal.keyakinan}, {p.asal.sumber})" for p in b.m.predikat)
    catatan = [
        f"{r.peringkat}. {r.nama_wilayah}: IID {angka(r.iid)} ({r.predikat}), {bilangan(r.n_inovasi)} inovasi dihitung."
        for r in kab_kota.itertuples()
    ]
    catatan += [
        f"{r.nama_wilayah}: IID {angka(r.iid)} ({r.predikat}); dinilai di antara provinsi."
        for r in provinsi.itertuples()
    ]
    catatan += [f"Ambang predikat versi {b.m.versi}: {ambang}.", b.sumber_hitung]
    return Slide(
        kunci="peringkat",
        jenis="peringkat",
        judul=f"Peringkat IID {b.tahun}: kabupaten/kota di {b.daerah.nama}",
        isi=isi,
        figur=fig,
        data={"peringkat": data},
        sumber=b.sumber_hitung,
        catatan=tuple(catatan),
    )


def _slide_nasional(b: Bahan) -> Slide:
    resmi = b.resmi[b.resmi["tahun"] == b.tahun].merge(
        b.skor[["kode_wilayah", "iid"]].rename(columns={"iid": "iid_hitung"}), on="kode_wilayah", how="left"
    )
    bernilai = resmi[resmi["nilai_iid"].notna()]
    fig = None
    if not bernilai.empty:
        lebar, tinggi = tata_letak.FIGUR_KIRI.piksel()
        fig = figur.figur_resmi(
            bernilai.assign(nama=nama_pendek_unik(bernilai["nama_wilayah"]), nilai_resmi=bernilai["nilai_iid"]),
            "Hitungan dasbor (data SINTETIS)" if b.sintetis else "Hitungan dasbor",
            lebar,
            tinggi,
        )
    nasional = konteks_nasional()
    nasional = nasional[nasional["tahun_penilaian"] == b.tahun]
    baris_nasional: list[str] = []
    for r in nasional.itertuples():
        dari = f" dari {bilangan(r.jumlah_pemda)}" if pd.notna(r.jumlah_pemda) else ""
        baris_nasional += [f"{bilangan(r.pemda_melapor)}{dari} pemda melapor", f"{bilangan(r.jumlah_inovasi)} inovasi"]
        if pd.notna(r.sangat_inovatif):
            baris_nasional.append(
                f"{bilangan(r.sangat_inovatif)} Sangat Inovatif, {bilangan(r.inovatif)} Inovatif, "
                f"{bilangan(r.kurang_inovatif)} Kurang Inovatif"
            )
    baris_resmi = []
    for r in resmi.itertuples():
        bagian = [
            " ".join(
                str(v) for v in (angka(r.nilai_iid) if pd.notna(r.nilai_iid) else None, r.predikat) if pd.notna(v)
            ),
            f"peringkat {r.peringkat} {r.lingkup_peringkat}" if pd.notna(r.peringkat) else "",
            "sementara" if r.status == "sementara" else "",
        ]
        baris_resmi.append(f"{nama_pendek(r.nama_wilayah)}: {', '.join(t for t in bagian if t)}")
    isi = (
        Bagian(f"Nasional {b.tahun}", tuple(baris_nasional) or ("Belum ada angka nasional yang dikutip.",)),
        Bagian(
            f"Nilai resmi {b.daerah.singkatan} {b.tahun}",
            tuple(baris_resmi) or ("Belum ada nilai resmi yang ditemukan.",),
        ),
    )
    catatan = [
        f"{r.nama_wilayah} {b.tahun}: nilai resmi {angka(r.nilai_iid)}, predikat {r.predikat if pd.notna(r.predikat) else '–'}"
        f", status {r.status}, keyakinan {r.keyakinan}; hitungan dasbor {angka(r.iid_hitung)}. Sumber: {r.sumber}"
        for r in resmi.itertuples()
    ]
    catatan += [
        f"Nasional {b.tahun}: {bilangan(r.pemda_melapor)} pemda melapor, {bilangan(r.jumlah_inovasi)} inovasi "
        f"(keyakinan {r.keyakinan}{'; ' + r.catatan if pd.notna(r.catatan) else ''}). Sumber: {r.sumber}"
        for r in nasional.itertuples()
    ]
    catatan.append(b.sumber_hitung)
    kolom_resmi = ["kode_wilayah", "nama_wilayah", "tahun", "nilai_iid", "iid_hitung", "predikat", "peringkat"]
    kolom_resmi += ["lingkup_peringkat", "status", "keyakinan", "catatan", "sumber"]
    return Slide(
        kunci="nasional",
        jenis="nasional",
        judul=f"{b.daerah.nama} dalam konteks nasional ({b.tahun})",
        isi=isi,
        figur=fig,
        data={"nilai_resmi": resmi[kolom_resmi], "nasional": nasional},
        sumber="Nilai resmi dan angka nasional: publikasi yang dikutip (tautan di catatan). " + b.sumber_hitung,
        catatan=tuple(catatan),
    )


def _slide_tren(b: Bahan, wilayah_pilihan: Sequence[str]) -> Slide:
    tren = b.skor_semua[b.skor_semua["kode_wilayah"].isin(wilayah_pilihan)].copy()
    urut = {k: i for i, k in enumerate(wilayah_pilihan)}
    tren = tren.sort_values(["kode_wilayah", "tahun"], key=lambda s: s.map(urut) if s.name == "kode_wilayah" else s)
    label = dict(zip(tren["nama_wilayah"], nama_pendek_unik(tren["nama_wilayah"]), strict=True))
    tren["nama"] = tren["nama_wilayah"].map(label)
    resmi = b.resmi[
        b.resmi["kode_wilayah"].isin(wilayah_pilihan) & b.resmi["nilai_iid"].notna() & (b.resmi["tahun"] <= b.tahun)
    ]
    resmi = resmi.assign(nama=resmi["nama_wilayah"].map(label), nilai_resmi=resmi["nilai_iid"])
    versi = b.skor_semua.drop_duplicates("tahun")[["tahun", "versi_metodologi"]]
    puncak = [scoring.load_metodologi(v).predikat[0] for v in versi["versi_metodologi"]]
    ambang = versi.assign(batas=[p.batas_bawah for p in puncak], predikat=[p.nama for p in puncak])
    lebar, tinggi = tata_letak.FIGUR_KIRI.piksel()
    fig = figur.figur_tren(tren, resmi, ambang, lebar, tinggi)
    baris = []
    for nama, seri in tren.groupby("nama", sort=False):
        awal, akhir = seri.iloc[0], seri.iloc[-1]
        baris.append(
            f"{nama}: {angka(awal['iid'])} ({awal['tahun']}) → {angka(akhir['iid'])} ({akhir['tahun']})"
            if len(seri) > 1
            else f"{nama}: {angka(akhir['iid'])} ({akhir['tahun']})"
        )
    rentang = versi.groupby("versi_metodologi", sort=False)["tahun"].agg(["min", "max"])
    ganti = ", ".join(
        f"versi {v} ({r['min']}" + (f"–{r['max']})" if r["max"] > r["min"] else ")") for v, r in rentang.iterrows()
    )
    catatan = [
        f"{r.nama_wilayah} {r.tahun}: IID {angka(r.iid)} ({r.predikat}), aturan versi {r.versi_metodologi}."
        for r in tren.itertuples()
    ]
    catatan += [
        f"{r.nama_wilayah} {r.tahun}: nilai resmi {angka(r.nilai_iid)} (keyakinan {r.keyakinan}). Sumber: {r.sumber}"
        for r in resmi.itertuples()
    ]
    catatan += [
        f"Aturan per tahun: {ganti}. Garis titik-titik: ambang predikat tertinggi tiap tahun; "
        "berlian: nilai resmi yang dipublikasikan.",
        b.sumber_hitung,
    ]
    judul = " dan ".join(tren["nama"].unique()) if len(wilayah_pilihan) <= 2 else "wilayah pilihan"
    kolom = ["tahun", "kode_wilayah", "nama_wilayah", "iid", "predikat", "versi_metodologi", "basis"]
    return Slide(
        kunci="tren",
        jenis="tren",
        judul=f"Tren IID: {judul}",
        isi=(
            Bagian(None, tuple(baris)),
            Bagian("Aturan IID per tahun", (ganti,)),
        ),
        figur=fig,
        data={"tren": tren[kolom], "nilai_resmi": resmi.drop(columns=["nama", "nilai_resmi"])},
        sumber="Tiap tahun dihitung dengan aturannya sendiri; nilai resmi dari publikasi (tautan di catatan). "
        + b.sumber_hitung,
        catatan=tuple(catatan),
    )


def _celah_wilayah(b: Bahan, kode: str) -> pd.DataFrame:
    return b.celah[b.celah["kode_wilayah"] == kode].head(JUMLAH_CELAH)


def _teks_celah(r: pd.Series) -> str:
    inovasi = f" · {r['nama_inovasi']}" if pd.notna(r["nama_inovasi"]) else ""
    return f"+{angka(r['nilai_iid'])} poin · {r['nama_indikator']}: {r['masalah']}{inovasi}"


def _teks_sesudah(b: Bahan, kode: str, predikat: str | None) -> str:
    s = b.sesudah.loc[kode]
    if pd.isna(s["iid_sesudah"]):
        return f"Jika ketiganya diperbaiki: SID terverifikasi {angka(s['sid_sesudah'])} (SPD belum diisi, tanpa IID)"
    naik = " (naik predikat)" if s["predikat_sesudah"] != predikat else ""
    return f"Jika ketiganya diperbaiki: IID terverifikasi {angka(s['iid_sesudah'])}, {s['predikat_sesudah']}{naik}"


def _teks_jarak(iid: float, m: scoring.Metodologi) -> str:
    if pd.isna(iid):
        return "Predikat menunggu SPD"
    berikut = m.predikat_berikutnya(iid)
    if berikut is None:
        return "Sudah di predikat tertinggi"
    return f"+{angka(berikut.jarak)} poin ke {berikut.nama}"


def _slide_tanpa_data(b: Bahan, kode: str) -> Slide:
    nama = b.wilayah.set_index("kode_wilayah").at[kode, "nama_wilayah"]
    pesan = f"Belum ada data penilaian {b.tahun} untuk {nama}."
    return Slide(
        kunci_wilayah(kode), "wilayah", nama, isi=(Bagian(None, (pesan,)),), sumber=b.sumber_hitung, catatan=(pesan,)
    )


def _slide_wilayah(b: Bahan, kode: str) -> Slide:
    if kode not in set(b.skor["kode_wilayah"]):
        return _slide_tanpa_data(b, kode)
    r = b.baris_skor(kode)
    lengkap = bool(r["ada_spd"])
    kelompok = b.skor[
        ((b.skor["jenis"] == "provinsi") == (r["jenis"] == "provinsi")) & (b.skor["ada_spd"].astype(bool) == lengkap)
    ]
    if r["jenis"] == "provinsi":
        lingkup = "dinilai di antara provinsi"
    elif lengkap:
        lingkup = f"peringkat {r['peringkat']} dari {len(kelompok)} kabupaten/kota"
    else:
        lingkup = f"peringkat SID {r['peringkat_sid_saja']} dari {len(kelompok)} kabupaten/kota tanpa SPD"
    dasar = skor_layanan.dasar_teks(r)
    lebar, tinggi = tata_letak.FIGUR_ATAS.piksel()
    fig = figur.figur_posisi(float(r["iid"]), b.m, lebar, tinggi) if lengkap else None
    celah = _celah_wilayah(b, kode)
    terkuat = (
        b.kematangan[(b.kematangan["kode_wilayah"] == kode) & (b.kematangan["kematangan"] > 0)]
        .sort_values(["kematangan", "id_inovasi"], ascending=[False, True])
        .head(JUMLAH_INOVASI_TERKUAT)
    )
    maks = b.m.maks_sid_per_inovasi
    baris_celah = (
        (*(_teks_celah(c) for _, c in celah.iterrows()), _teks_sesudah(b, kode, r["predikat"]))
        if not celah.empty
        else ("Tidak ada celah bukti dukung: setiap klaim diakui penuh.",)
    )
    baris_terkuat = tuple(
        f"{angka(i.kematangan, 0)}/{angka(maks, 0)} · {i.nama_inovasi} · {i.singkatan}" for i in terkuat.itertuples()
    ) or ("Belum ada inovasi yang dinilai.",)
    utama = (
        f"IID {angka(r['iid'])} · {r['predikat']} · {_teks_jarak(float(r['iid']), b.m)}"
        if lengkap
        else f"SID {angka(r['skor_sid'])} · SPD belum diisi: tanpa IID dan predikat"
    )
    ringkas = (
        utama,
        # One line with the basis: a region slide's text must fit the projector above its two columns.
        f"{lingkup[:1].upper()}{lingkup[1:]} · {bilangan(r['n_inovasi'])} inovasi dihitung · dasar nilai: {dasar}",
    )
    nilai = (
        f"IID {angka(r['iid'])} ({r['predikat']})"
        if lengkap
        else f"SID {angka(r['skor_sid'])} (SPD belum diisi, tanpa IID dan predikat)"
    )
    catatan = [
        f"{r['nama_wilayah']} {b.tahun}: {nilai}, {lingkup}; "
        f"{bilangan(r['n_inovasi'])} inovasi dihitung, pembagi {r['pembagi']}; dasar nilai: {dasar}.",
        f"{_teks_jarak(float(r['iid']), b.m)} (ambang dari aturan versi {b.m.versi}).",
    ]
    catatan += [
        f"Celah {i}: indikator {c['kode_indikator']} {c['nama_indikator']}"
        + (f", inovasi {c['nama_inovasi']} ({c['nama_perangkat_daerah']})" if pd.notna(c["nama_inovasi"]) else "")
        + (
            f"; level sasaran {c['level_sasaran']}, diakui level {int(c['level'])}"
            if pd.notna(c["level_sasaran"])
            else f"; kematangan {angka(c['kematangan'], 0)} → {angka(c['kematangan_sasaran'], 0)}"
        )
        + f", {c['masalah']}; "
        f"bukti yang dibutuhkan: {c['bukti_dibutuhkan']}; nilai +{angka(c['nilai_iid'], 3)} poin IID."
        for i, (_, c) in enumerate(celah.iterrows(), start=1)
    ]
    if not celah.empty:
        catatan.append(_teks_sesudah(b, kode, r["predikat"]) + " (dihitung ulang penuh dengan scoring.selisih_iid).")
    catatan += [
        f"Inovasi terkuat: {i.nama_inovasi} ({i.singkatan}), kematangan {angka(i.kematangan, 0)} dari {angka(maks, 0)}."
        for i in terkuat.itertuples()
    ]
    lintas = b.lintas[b.lintas["kode_wilayah"] == kode]
    teks_lintas = tuple(teks_wilayah(b.lintas, kode, b.tahun))
    catatan += [
        f"Lintas tahun: {c.nama_inovasi} ({c.nama_perangkat_daerah}): {c.yang_kurang}; nilai "
        f"{angka(c.nilai_perbaikan, 3)} poin IID."
        for c in lintas.itertuples()
    ]
    catatan += [
        "Nilai celah = poin per level × (level klaim − level yang diakui), dari scoring.kontribusi, atau poin per "
        "kematangan × (111 − kematangan) dari scoring.poin_kematangan, basis terverifikasi.",
        b.sumber_hitung,
    ]
    berikut = b.m.predikat_berikutnya(float(r["iid"])) if lengkap else None
    ringkasan = pd.DataFrame(
        [
            {
                "kode_wilayah": kode,
                "nama_wilayah": r["nama_wilayah"],
                "iid": r["iid"],
                "predikat": r["predikat"],
                "peringkat": r["peringkat"] if r["jenis"] != "provinsi" else pd.NA,
                "sid": r["skor_sid"],
                "dasar_nilai": dasar,
                "n_inovasi": r["n_inovasi"],
                "predikat_berikutnya": berikut.nama if berikut else None,
                "jarak_ke_predikat_berikutnya": berikut.jarak if berikut else None,
                "iid_terverifikasi_sesudah_3_perbaikan": b.sesudah.at[kode, "iid_sesudah"],
                "predikat_sesudah_3_perbaikan": b.sesudah.at[kode, "predikat_sesudah"],
                "versi_metodologi": b.m.versi,
                "basis": b.basis,
            }
        ]
    )
    return Slide(
        kunci=kunci_wilayah(kode),
        jenis="wilayah",
        judul=r["nama_wilayah"],
        isi=(
            Bagian(None, ringkas),
            Bagian("Tiga celah paling bernilai", baris_celah),
            Bagian("Inovasi terkuat (kematangan)", baris_terkuat),
            *((Bagian("Cek ulang lintas tahun", teks_lintas),) if teks_lintas else ()),
        ),
        figur=fig,
        data={
            "ringkasan": ringkasan,
            "celah": celah.reset_index(drop=True),
            "inovasi_terkuat": terkuat[
                ["id_inovasi", "nama_inovasi", "id_perangkat_daerah", "singkatan", "kematangan"]
            ].reset_index(drop=True),
            "lintas_tahun": lintas[
                ["jenis_celah", "id_inovasi", "nama_inovasi", "nama_perangkat_daerah", "yang_kurang", "nilai_perbaikan"]
            ].reset_index(drop=True),
        },
        sumber="Celah dihitung pada basis terverifikasi. " + b.sumber_hitung,
        catatan=tuple(catatan),
    )


def _tindakan(c: pd.Series) -> str:
    if pd.isna(c["level_sasaran"]):  # a portal-only innovation: its kematangan, not one indicator
        return f"Isi indikator SID sampai kematangan {angka(c['kematangan_sasaran'], 0)}: {c['nama_inovasi']}"
    kerja = TINDAKAN.get(c["status_bukti"], f"Perkuat bukti ke level {c['level_sasaran']}")
    return f"{kerja}: {c['nama_indikator']}"


def _slide_penutup(b: Bahan, kode_wilayah: Sequence[str]) -> Slide:
    baris = []
    for kode in (k for k in kode_wilayah if k in set(b.skor["kode_wilayah"])):
        r = b.baris_skor(kode)
        celah = _celah_wilayah(b, kode)
        utama = celah.iloc[0] if not celah.empty else None
        berikut = b.m.predikat_berikutnya(float(r["iid"])) if r["ada_spd"] else None
        baris.append(
            {
                "kode_wilayah": kode,
                "nama_wilayah": r["nama_wilayah"],
                "iid": r["iid"],
                "predikat": r["predikat"],
                "predikat_berikutnya": berikut.nama if berikut else None,
                "jarak_ke_predikat_berikutnya": berikut.jarak if berikut else None,
                "tindakan_utama": _tindakan(utama) if utama is not None else "Pertahankan: tidak ada celah bukti",
                "nilai_tindakan_utama": utama["nilai_iid"] if utama is not None else 0.0,
                "nilai_tiga_celah": celah["nilai_iid"].sum(),
                "iid_terverifikasi_sesudah": b.sesudah.at[kode, "iid_sesudah"],
                "predikat_sesudah": b.sesudah.at[kode, "predikat_sesudah"],
                "sid_terverifikasi_sesudah": b.sesudah.at[kode, "sid_sesudah"],
            }
        )
    data = pd.DataFrame(baris)
    tabel = pd.DataFrame(
        {
            "Wilayah": nama_pendek_unik(data["nama_wilayah"]),
            "IID": data["iid"].map(angka),
            "Predikat": data["predikat"],
            "Ke predikat berikutnya": [
                f"+{angka(j)} poin" if pd.notna(j) else ("tertinggi" if pd.notna(i) else "menunggu SPD")
                for j, i in zip(data["jarak_ke_predikat_berikutnya"], data["iid"], strict=True)
            ],
            "Tindakan utama": data["tindakan_utama"],
            "Setelah 3 perbaikan (terverifikasi)": [
                f"SID {angka(sid)}" if pd.isna(s) else (f"{angka(s)} ↑ {ps}" if ps != p else angka(s))
                for s, ps, p, sid in zip(
                    data["iid_terverifikasi_sesudah"],
                    data["predikat_sesudah"],
                    data["predikat"],
                    data["sid_terverifikasi_sesudah"],
                    strict=True,
                )
            ],
        }
    )
    catatan = [
        f"{r.nama_wilayah}: {r.tindakan_utama} (+{angka(r.nilai_tindakan_utama, 3)} poin); "
        f"tiga celah teratas bernilai +{angka(r.nilai_tiga_celah, 3)} poin IID; setelah ketiganya diperbaiki "
        f"IID terverifikasi {angka(r.iid_terverifikasi_sesudah)} ({r.predikat_sesudah})."
        for r in data.itertuples()
    ]
    catatan += [
        "Nilai celah dihitung pada basis terverifikasi dengan scoring.kontribusi; IID setelah perbaikan dihitung "
        "ulang penuh dengan scoring.selisih_iid.",
        b.sumber_hitung,
    ]
    return Slide(
        kunci="penutup",
        jenis="penutup",
        judul="Daftar tindakan per wilayah",
        tabel=tabel,
        data={"tindakan": data},
        sumber="Celah dihitung pada basis terverifikasi. " + b.sumber_hitung,
        catatan=tuple(catatan),
    )


def _periksa_acara(acara: Acara) -> None:
    if not acara.nama.strip():
        raise BimtekError("Nama acara tidak boleh kosong.")
    if len(acara.nama) > BATAS_NAMA_ACARA or len(acara.tempat) > BATAS_NAMA_ACARA:
        raise BimtekError(f"Nama acara dan tempat paling panjang {BATAS_NAMA_ACARA} karakter.")


def periksa_pilihan(
    wilayah: pd.DataFrame, wilayah_pilihan: Sequence[str], urutan: Sequence[str] | None = None
) -> list[str]:
    """The slide keys in order (default: urutan_bawaan), after refusing regions and slides the region list does
    not know, an empty choice, or a trend slide without regions."""
    kode_dikenal = set(wilayah["kode_wilayah"])
    asing = [k for k in wilayah_pilihan if k not in kode_dikenal]
    if asing:
        contoh = wilayah.set_index("kode_wilayah")["nama_wilayah"]
        kab_kota = wilayah.loc[wilayah["jenis"] != "provinsi", "kode_wilayah"]
        contoh_kode = kab_kota.iloc[0] if len(kab_kota) else ""
        raise BimtekError(
            f"Kode wilayah tidak dikenal: {', '.join(asing)}. Contoh kode: {contoh_kode} ({contoh.get(contoh_kode, '')})."
        )
    urutan = list(dict.fromkeys(urutan if urutan is not None else urutan_bawaan(wilayah)))
    pilihan = pilihan_slide(wilayah)
    tidak_dikenal = [k for k in urutan if k not in pilihan]
    if tidak_dikenal:
        raise BimtekError(f"Slide tidak dikenal: {', '.join(tidak_dikenal)}.")
    if not urutan:
        raise BimtekError("Pilih sedikitnya satu slide.")
    if "tren" in urutan and not wilayah_pilihan:
        raise BimtekError("Slide tren membutuhkan sedikitnya satu wilayah pilihan.")
    return urutan


def build_deck(
    tahun: int,
    basis: str = "terverifikasi",
    wilayah_pilihan: Sequence[str] | None = None,
    urutan: Sequence[str] | None = None,
    acara: Acara | None = None,
    provinsi: str | None = None,
) -> Deck:
    """The deck for one assessment year from the published data (gathers, then susun_deck): of one province's
    pemda (`provinsi`, needed when the database holds several). The choices are checked against the province's
    regions first, so a bad one is refused before the year's data is gathered."""
    wilayah = wilayah_provinsi(provinsi)
    dalam = set(wilayah["kode_wilayah"])
    acara = acara or acara_bawaan(lingkup_wilayah(dalam))
    # The trend slide's regions unless chosen: the pages' comparison pair (data/lingkup.toml, where data holds it),
    # or the province's own pair when the deck is for another province than the pages'.
    if wilayah_pilihan is None:
        wilayah_pilihan = [k for k in pembanding_bawaan() if k in dalam] or list(lingkup_wilayah(dalam).pembanding)
    _periksa_acara(acara)
    periksa_pilihan(wilayah, wilayah_pilihan, urutan)
    return susun_deck(kumpulkan(tahun, basis, provinsi), wilayah_pilihan, urutan, acara)


def susun_deck(
    b: Bahan,
    wilayah_pilihan: Sequence[str] | None = None,
    urutan: Sequence[str] | None = None,
    acara: Acara | None = None,
) -> Deck:
    """The deck from gathered data: `urutan` lists slide keys in order (default: urutan_bawaan);
    `wilayah_pilihan` are the regions of the trend slide."""
    acara = acara or acara_bawaan()
    wilayah_pilihan = pasangan_berdata(b.skor) if wilayah_pilihan is None else wilayah_pilihan
    _periksa_acara(acara)
    urutan = periksa_pilihan(b.wilayah, wilayah_pilihan, urutan)
    per_wilayah = [k.removeprefix(AWALAN_WILAYAH) for k in urutan if k.startswith(AWALAN_WILAYAH)]
    tindakan_untuk = per_wilayah or b.skor.loc[b.skor["jenis"] != "provinsi", "kode_wilayah"].sort_values().tolist()
    pembuat = {
        "judul": lambda: _slide_judul(b, acara),
        "peta": lambda: _slide_peta(b),
        "peringkat": lambda: _slide_peringkat(b),
        "nasional": lambda: _slide_nasional(b),
        "tren": lambda: _slide_tren(b, wilayah_pilihan),
        "penutup": lambda: _slide_penutup(b, tindakan_untuk),
    }
    slides = [
        _slide_wilayah(b, k.removeprefix(AWALAN_WILAYAH)) if k.startswith(AWALAN_WILAYAH) else pembuat[k]()
        for k in urutan
    ]
    return Deck(
        acara=acara,
        tahun=b.tahun,
        basis=b.basis,
        versi_metodologi=b.m.versi,
        keyakinan=b.keyakinan,
        sintetis=b.sintetis,
        wilayah_sintetis=b.asal.kode_sintetis if b.asal.campuran else frozenset(),
        nama_sintetis=b.asal.sintetis if b.asal.campuran else (),
        slides=slides,
        daerah=b.daerah.nama,
    )
