"""Validation of methodology files and of answer tables; problems come back as readable Indonesian text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from scoring.katalog import urai
from scoring.model import (
    ASPEK,
    KEYAKINAN,
    KOLOM_INOVASI,
    KOLOM_SID,
    KOLOM_SPD,
    LEVEL_MAKS,
    STATUS_BUKTI,
    STATUS_INOVASI,
    DataPenilaian,
    Metodologi,
)

ASAL = {"keyakinan": str, "sumber": str, "catatan": str}
NUM = (int, float)
INDIKATOR = {
    "kode": str,
    "aspek": str,
    "nama": str,
    "variabel": str,
    "bobot": NUM,
    "wajib": bool,
    "level": list,
    "bukti": list,
}

# Section -> allowed keys and their types; unknown keys are errors so a typo in a TOML file fails loudly.
# A version file (scoring/metodologi/<versi>.toml): its own rules, and the catalogue it uses (scoring/katalog.py).
SKEMA: dict[str, dict[str, Any]] = {
    "metodologi": {"versi": str, "nama": str, "dasar_hukum": str},
    "rumus": {"keterangan": str, **ASAL},
    "pembagi": {"minimum": int, "ditolak_dihitung": dict, **ASAL},
    "pembagi.ditolak_dihitung": {"nilai": bool, **ASAL},
    "jumlah_inovasi": {
        "poin_per_inovasi": NUM,
        "batas_inovasi": int,
        "status_dihitung": list,
        "syarat_yandas": dict,
        **ASAL,
    },
    "jumlah_inovasi.syarat_yandas": {"minimum_urusan": int, "urusan": list, **ASAL},
    "skor_maksimum": {"spd": NUM, "sid_per_inovasi": NUM, "jumlah_inovasi": NUM, "total": NUM, **ASAL},
    "pembulatan": {"iid_digit": int, "cara": str, **ASAL},
    "predikat_nol": {"nama": str, **ASAL},
    "usia_inovasi": {"umur_maks_tahun": int, "pengembangan_dihitung": bool, **ASAL},
    "kematangan_portal": {"maks": NUM, "basis_terverifikasi": dict, **ASAL},
    "kematangan_portal.basis_terverifikasi": {"dipakai": bool, **ASAL},
    "berlaku[]": {"tahun": int, **ASAL},
    "predikat[]": {"nama": str, "batas_bawah": NUM, **ASAL},
    "katalog": {"berkas": str, "indikator": list, **ASAL},
    "katalog.indikator[]": {"kode": list, "bobot": NUM, "wajib": bool, **ASAL},
}
# An indicator catalogue (scoring/metodologi/katalog/<nama>.toml).
SKEMA_KATALOG: dict[str, dict[str, Any]] = {
    "katalog": {"nama": str, **ASAL},
    "indikator[]": INDIKATOR,
}
# Keys a section may leave out ("catatan" everywhere). A version's [katalog] takes the catalogue's sumber unless it
# names its own, and a [[katalog.indikator]] row changes only what it names.
OPSIONAL: dict[str, set[str]] = {
    "jumlah_inovasi": {"syarat_yandas"},
    "katalog": {"sumber", "indikator"},
    "katalog.indikator[]": {"bobot", "wajib", "keyakinan", "sumber"},
}
KODE_SPD = re.compile(r"^(1[0-5]|[1-9])[a-z]?$")
KODE_SID = {str(i) for i in range(16, 36)}


def _opsional(section: str, key: str, opsional: dict[str, set[str]]) -> bool:
    return key == "catatan" or key in opsional.get(section, set())


class MetodologiTidakSahError(ValueError):
    """`problems` as validation wrote them; the message adds the line of the file each one is on, when the file's
    text is given and the line can be found (a missing section has none)."""

    def __init__(self, berkas: str, problems: list[str], teks: str = "") -> None:
        self.berkas = berkas
        self.problems = problems
        baris = [baris_masalah(teks, p) for p in problems]
        rinci = [p if n is None else f"baris {n}: {p}" for n, p in zip(baris, problems, strict=True)]
        super().__init__(f"berkas metodologi {berkas} tidak sah:\n- " + "\n- ".join(rinci))


_MASALAH_TABEL = re.compile(r"^\[(\[?)([\w.]+)\]\]?(?: ke-(\d+))?: (.*)$")
_MASALAH_KUNCI = re.compile(r"(?:kunci(?: tidak dikenal)? |^)'(\w+)'|^(keyakinan|sumber) ")
_MASALAH_NILAI = re.compile(r"^(\w+)\.(\w+)\b")


def _header(baris: list[str], pola: str, ke: int = 1) -> int | None:
    """0-based index of the ke-th table header line matching `pola`."""
    cocok = [n for n, b in enumerate(baris) if re.match(pola, b)]
    return cocok[ke - 1] if len(cocok) >= ke else None


def _kunci(baris: list[str], header: int, kunci: str) -> int | None:
    """0-based index of the line `kunci = …` inside the table whose header is on line `header`."""
    for n in range(header + 1, len(baris)):
        if baris[n].startswith("["):
            return None
        if re.match(rf"^{re.escape(kunci)}\s*=", baris[n]):
            return n
    return None


def baris_masalah(teks: str, masalah: str) -> int | None:
    """The 1-based line of a TOML file's text that a validation problem is about, or None.

    Reads the problem's own prefix: '[bagian]: …' and '[[bagian]] ke-n: …' point at that table (and at the key the
    rest names, if any), 'indikator K: …' at the row whose kode names K, 'bagian.kunci …' at that key.
    """
    baris = teks.splitlines()
    header, sisa = None, masalah
    if m := _MASALAH_TABEL.match(masalah):
        ganda, bagian, ke, sisa = m.groups()
        pola = rf"^\[\[{re.escape(bagian)}\]\]" if ganda else rf"^\[{re.escape(bagian)}\]"
        header = _header(baris, pola, int(ke or 1))
    elif m := re.match(r"^indikator (\S+?):? ", masalah):
        kode = re.compile(rf'^kode = .*"{re.escape(m.group(1))}"')
        return next((n + 1 for n, b in enumerate(baris) if kode.match(b)), None)
    elif m := _MASALAH_NILAI.match(masalah):
        header, sisa = _header(baris, rf"^\[(?:[\w.]+\.)?{re.escape(m.group(1))}\]"), f"'{m.group(2)}'"
    elif masalah.startswith("versi '"):
        header, sisa = _header(baris, r"^\[metodologi\]"), "'versi'"
    if header is None:
        return None
    k = _MASALAH_KUNCI.search(sisa)
    n = _kunci(baris, header, k.group(1) or k.group(2)) if k else None
    return (header if n is None else n) + 1


def _check_table(
    where: str, table: Any, spec: dict[str, Any], section: str, opsional: dict[str, set[str]]
) -> list[str]:
    if not isinstance(table, dict):
        return [f"{where}: harus berupa tabel"]
    problems = [f"{where}: kunci tidak dikenal '{k}'" for k in table if k not in spec]
    for key, tipe in spec.items():
        if key not in table:
            if not _opsional(section, key, opsional):
                problems.append(f"{where}: kunci '{key}' wajib ada")
            continue
        value = table[key]
        if not isinstance(value, tipe) or (tipe is int and isinstance(value, bool)):
            problems.append(f"{where}: '{key}' bertipe salah ({type(value).__name__})")
    if isinstance(table.get("keyakinan"), str) and table["keyakinan"] not in KEYAKINAN:
        problems.append(f"{where}: keyakinan '{table['keyakinan']}' tidak dikenal ({', '.join(KEYAKINAN)})")
    if "sumber" in spec and isinstance(table.get("sumber"), str) and not table["sumber"].strip():
        problems.append(f"{where}: sumber kosong")
    return problems


def _structure(raw: dict[str, Any], skema: dict[str, dict[str, Any]], opsional: dict[str, set[str]]) -> list[str]:
    puncak = {s.split(".")[0].removesuffix("[]") for s in skema}
    problems = [f"kunci puncak tidak dikenal '{k}'" for k in raw if k not in puncak]
    for section, spec in skema.items():
        jalur = section.removesuffix("[]")
        parent, _, child = jalur.rpartition(".")
        table = raw.get(parent) if parent else raw
        if not isinstance(table, dict) or child not in table:
            if not (parent and _opsional(parent, child, opsional)):
                problems.append(
                    f"[[{jalur}]] wajib berisi minimal satu baris" if section.endswith("[]") else f"[{jalur}] wajib ada"
                )
            continue
        value = table[child]
        if not section.endswith("[]"):
            problems += _check_table(f"[{jalur}]", value, spec, section, opsional)
            continue
        if not isinstance(value, list) or not value:
            problems.append(f"[[{jalur}]] wajib berisi minimal satu baris")
            continue
        for n, row in enumerate(value, start=1):
            problems += _check_table(f"[[{jalur}]] ke-{n}", row, spec, section, opsional)
    return problems


def _indikator(rows: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    kode = [r["kode"] for r in rows]
    problems += [f"indikator {k}: kode ganda" for k in sorted({k for k in kode if kode.count(k) > 1})]
    for r in rows:
        k = r["kode"]
        if r["aspek"] not in ASPEK:
            problems.append(f"indikator {k}: aspek '{r['aspek']}' bukan SPD atau SID")
        elif r["aspek"] == "SPD" and not KODE_SPD.match(k):
            problems.append(f"indikator {k}: kode SPD harus 1–15 (boleh bersub-baris seperti 2a)")
        elif r["aspek"] == "SID" and k not in KODE_SID:
            problems.append(f"indikator {k}: kode SID harus 16–35")
        if not r["bobot"] > 0:
            problems.append(f"indikator {k}: bobot harus positif")
        for field in ("level", "bukti"):
            if len(r[field]) != LEVEL_MAKS or not all(isinstance(x, str) and x.strip() for x in r[field]):
                problems.append(f"indikator {k}: '{field}' harus berisi {LEVEL_MAKS} teks tidak kosong")
    spd_utama = {re.sub(r"[a-z]$", "", r["kode"]) for r in rows if r["aspek"] == "SPD"}
    missing = sorted({str(i) for i in range(1, 16)} - spd_utama, key=int)
    missing += sorted(KODE_SID - {r["kode"] for r in rows if r["aspek"] == "SID"}, key=int)
    problems += [f"indikator {k} tidak ada" for k in missing]
    return problems


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-6)


def _consistency(raw: dict[str, Any], versi: str) -> list[str]:
    problems: list[str] = []
    if raw["metodologi"]["versi"] != versi:
        problems.append(f"versi '{raw['metodologi']['versi']}' tidak sama dengan nama berkas '{versi}'")
    tahun = [b["tahun"] for b in raw["berlaku"]]
    problems += [f"tahun {t} tercantum ganda di [[berlaku]]" for t in sorted({t for t in tahun if tahun.count(t) > 1})]
    rows = raw["indikator"]
    problems += _indikator(rows)
    maks = raw["skor_maksimum"]
    jumlah = raw["jumlah_inovasi"]
    expected = {
        "spd": LEVEL_MAKS * sum(r["bobot"] for r in rows if r["aspek"] == "SPD"),
        "sid_per_inovasi": LEVEL_MAKS * sum(r["bobot"] for r in rows if r["aspek"] == "SID"),
        "jumlah_inovasi": jumlah["poin_per_inovasi"] * jumlah["batas_inovasi"],
    }
    expected["total"] = sum(expected.values())
    for key, value in expected.items():
        if not _close(maks[key], value):
            problems.append(f"skor_maksimum.{key} = {maks[key]} tetapi aturan menghasilkan {value:g}")
    if raw["pembagi"]["minimum"] < 1:
        problems.append("pembagi.minimum harus ≥ 1")
    unknown = [s for s in jumlah["status_dihitung"] if s not in STATUS_INOVASI]
    problems += [f"jumlah_inovasi.status_dihitung: status '{s}' tidak dikenal" for s in unknown]
    yandas = jumlah.get("syarat_yandas")
    if yandas and not 1 <= yandas["minimum_urusan"] <= len(yandas["urusan"]):
        problems.append("syarat_yandas.minimum_urusan harus antara 1 dan banyaknya urusan")
    batas = [p["batas_bawah"] for p in raw["predikat"]]
    if len(set(batas)) != len(batas):
        problems.append("batas_bawah predikat tidak boleh sama")
    problems += [
        f"predikat '{p['nama']}': batas_bawah harus di (0, 100]"
        for p in raw["predikat"]
        if not 0 < p["batas_bawah"] <= 100
    ]
    if raw["usia_inovasi"]["umur_maks_tahun"] < 1:  # the window [Y − umur, Y − 1] must hold a year
        problems.append("usia_inovasi.umur_maks_tahun harus ≥ 1")
    if not raw["kematangan_portal"]["maks"] > 0:
        problems.append("kematangan_portal.maks harus positif")
    if raw["pembulatan"]["cara"] != "setengah_ke_atas":
        problems.append("pembulatan.cara yang dikenal hanya 'setengah_ke_atas'")
    return problems


def validate_katalog_raw(raw: dict[str, Any], nama: str) -> list[str]:
    """Return readable problems for one parsed catalogue file; an empty list means it is usable."""
    problems = _structure(raw, SKEMA_KATALOG, {})
    if problems:
        return problems
    if raw["katalog"]["nama"] != nama:
        problems.append(f"[katalog]: nama '{raw['katalog']['nama']}' tidak sama dengan nama berkas '{nama}'")
    return problems + _indikator(raw["indikator"])


def _ubahan(pakai: dict[str, Any], katalog: dict[str, Any]) -> list[str]:
    """The [[katalog.indikator]] rows of a version name codes of its catalogue, each code once."""
    ada = {i["kode"] for i in katalog["indikator"]}
    problems: list[str] = []
    dilihat: set[str] = set()
    for n, ubah in enumerate(pakai.get("indikator", []), start=1):
        where = f"[[katalog.indikator]] ke-{n}"
        if not ubah["kode"] or not all(isinstance(k, str) for k in ubah["kode"]):
            problems.append(f"{where}: 'kode' harus daftar kode indikator (teks), tidak kosong")
            continue
        for kode in ubah["kode"]:
            if kode not in ada:
                problems.append(f"{where}: indikator {kode} tidak ada di katalog '{pakai['berkas']}'")
            elif kode in dilihat:
                problems.append(f"{where}: indikator {kode} sudah diubah di baris sebelumnya")
            dilihat.add(kode)
        if len(ubah) == 1:
            problems.append(f"{where}: tidak mengubah apa pun selain menyebut kode")
    return problems


def validate_metodologi_raw(raw: dict[str, Any], versi: str, katalog: dict[str, Any]) -> list[str]:
    """Return readable problems for one parsed version file read with its (valid) catalogue; an empty list
    means the version is usable."""
    problems = _structure(raw, SKEMA, OPSIONAL)
    if problems:
        return problems
    problems = _ubahan(raw["katalog"], katalog)
    if problems:
        return problems
    return _consistency(urai(raw, katalog), versi)


@dataclass(frozen=True)
class Masalah:
    """One problem in an answer table: `baris` is the 0-based row position in the frame."""

    tabel: str
    baris: int | None
    kolom: str | None
    pesan: str


def _level_problems(tabel: str, frame: pd.DataFrame, kolom: str, wajib: bool) -> list[Masalah]:
    nilai = pd.to_numeric(frame[kolom], errors="coerce")
    kosong = frame[kolom].isna()
    bukan_angka = nilai.isna() & ~kosong
    salah = ~kosong & ~bukan_angka & ((nilai % 1 != 0) | (nilai < 0) | (nilai > LEVEL_MAKS))
    problems = [
        Masalah(tabel, i, kolom, f"level '{frame[kolom].iat[i]}' bukan bilangan bulat 0–{LEVEL_MAKS}")
        for i in np.flatnonzero((bukan_angka | salah).to_numpy())
    ]
    if wajib:
        problems += [Masalah(tabel, i, kolom, "level wajib diisi (0–3)") for i in np.flatnonzero(kosong.to_numpy())]
    return problems


def _enum_problems(tabel: str, frame: pd.DataFrame, kolom: str, boleh: tuple[str, ...]) -> list[Masalah]:
    salah = ~frame[kolom].isin(boleh)
    return [
        Masalah(tabel, i, kolom, f"nilai '{frame[kolom].iat[i]}' tidak dikenal; pilihan: {', '.join(boleh)}")
        for i in np.flatnonzero(salah.to_numpy())
    ]


def _duplicate_problems(tabel: str, frame: pd.DataFrame, kunci: list[str]) -> list[Masalah]:
    ganda = frame.duplicated(kunci, keep="first")
    return [
        Masalah(
            tabel,
            i,
            kunci[-1],
            f"baris ganda untuk {' + '.join(kunci)} = {' / '.join(str(frame[k].iat[i]) for k in kunci)}",
        )
        for i in np.flatnonzero(ganda.to_numpy())
    ]


def validate_data(data: DataPenilaian, m: Metodologi) -> list[Masalah]:
    """Every problem in the three answer tables at once; an empty list means the data can be scored."""
    problems: list[Masalah] = []
    tabel = {
        "inovasi": (data.inovasi, KOLOM_INOVASI),
        "jawaban_sid": (data.jawaban_sid, KOLOM_SID),
        "jawaban_spd": (data.jawaban_spd, KOLOM_SPD),
    }
    for nama, (frame, kolom) in tabel.items():
        problems += [Masalah(nama, None, k, f"kolom '{k}' tidak ada") for k in kolom if k not in frame.columns]
    if problems:
        return problems
    inovasi = data.inovasi
    problems += _enum_problems("inovasi", inovasi, "status_inovasi", STATUS_INOVASI)
    problems += _duplicate_problems("inovasi", inovasi, ["id_inovasi"])
    for nama, aspek, kunci in (("jawaban_sid", "SID", "id_inovasi"), ("jawaban_spd", "SPD", "kode_wilayah")):
        frame = tabel[nama][0]
        kode = {i.kode for i in m.indikator_aspek(aspek)}
        problems += [
            Masalah(
                nama,
                i,
                "kode_indikator",
                f"kode indikator {aspek} '{frame['kode_indikator'].iat[i]}' tidak dikenal di metodologi {m.versi}",
            )
            for i in np.flatnonzero((~frame["kode_indikator"].isin(kode)).to_numpy())
        ]
        problems += _level_problems(nama, frame, "level_klaim", wajib=False)
        problems += _level_problems(nama, frame, "level_verifikasi", wajib=False)
        problems += _enum_problems(nama, frame, "status_bukti", STATUS_BUKTI)
        problems += _duplicate_problems(nama, frame, [kunci, "kode_indikator"])
    sid = data.jawaban_sid
    asing = ~sid["id_inovasi"].isin(inovasi["id_inovasi"])
    problems += [
        Masalah("jawaban_sid", i, "id_inovasi", f"inovasi '{sid['id_inovasi'].iat[i]}' tidak ada di tabel inovasi")
        for i in np.flatnonzero(asing.to_numpy())
    ]
    return problems
