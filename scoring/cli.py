"""Command line for the scoring module (stdlib argparse + pandas only).

    python -m scoring hitung --metodologi 2023 --spd spd.csv --sid sid.csv [--format json|csv]
    python -m scoring metodologi [VERSI]

spd.csv: kode_wilayah, kode_indikator, level. sid.csv: kode_wilayah, id_inovasi, kode_indikator, level, and
optionally status_inovasi (empty = dikirim) and urusan. An empty level means no evidence and scores 0. The
level is taken as a claim with evidence present (basis terverifikasi, nothing verified yet), so a rejected
innovation scores 0 but stays in the divisor.

Bad input exits with status 2 and Indonesian messages on stderr naming the file, the CSV line (header = line 1)
and the column. Stdout stays empty then, because the whole output is built before anything is printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence

import numpy as np
import pandas as pd

from scoring.compute import hitung_skor
from scoring.loader import VersiTidakDikenalError, daftar_versi, load_metodologi, semua_metodologi
from scoring.model import KOLOM_INOVASI, KOLOM_RINGKAS, DataPenilaian, Metodologi
from scoring.validate import validate_data

KOLOM_WAJIB = {
    "spd": ("kode_wilayah", "kode_indikator", "level"),
    "sid": ("kode_wilayah", "id_inovasi", "kode_indikator", "level"),
}
KOLOM_INOVASI_CSV = ("kode_wilayah", "status_inovasi", "urusan")  # one value per innovation
KOLOM_CSV = {"level_klaim": "level", "urusan_utama": "urusan"}  # frame column -> CSV column, for messages
STATUS_BAWAAN = "dikirim"
DIGIT_KELUARAN = 6  # enough for any score; hides float noise such as 3.0400000000000005
MAKS_PESAN = 20
EXIT_INPUT = 2


class InputTidakSahError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _lokasi(berkas: str, baris: int | None, kolom: str | None) -> str:
    """`baris` is the 0-based frame row, so the CSV line is baris + 2; None means the header (line 1)."""
    teks = f"{berkas}, baris {1 if baris is None else baris + 2}"
    return teks if kolom is None else f"{teks}, kolom '{KOLOM_CSV.get(kolom, kolom)}'"


def _baca_csv(path: str, wajib: tuple[str, ...]) -> pd.DataFrame:
    try:
        # Codes stay text ("2a", "16", "63.01"); only an empty cell is missing, so "NA" is not swallowed; blank
        # lines are kept as empty rows so that frame row i is always CSV line i + 2.
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], skip_blank_lines=False)
    except FileNotFoundError:
        raise InputTidakSahError([f"{path}: berkas tidak ditemukan"]) from None
    except (OSError, ValueError) as e:  # pandas parser errors and bad encodings are ValueErrors
        raise InputTidakSahError([f"{path}: berkas tidak dapat dibaca sebagai CSV ({e})"]) from None
    problems = [f"{_lokasi(path, None, k)}: kolom wajib tidak ada" for k in wajib if k not in frame.columns]
    if not problems:
        for k in wajib[:-1]:  # every key column; only `level` may be empty
            problems += [f"{_lokasi(path, i, k)}: wajib diisi" for i in np.flatnonzero(frame[k].isna())]
    if problems:
        raise InputTidakSahError(problems)
    return frame


def _jawaban(frame: pd.DataFrame, kunci: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            kunci: frame[kunci],
            "kode_indikator": frame["kode_indikator"],
            "level_klaim": frame["level"],  # still text here so that validate_data quotes it back as typed
            "status_bukti": np.where(frame["level"].isna(), "kosong", "ada"),
            "level_verifikasi": np.nan,
        }
    )


def _beda_dalam_inovasi(sid: pd.DataFrame, pertama: pd.DataFrame, berkas: str) -> list[str]:
    """Rows that give an innovation another wilayah, status or urusan than its first row did."""
    baris_pertama = sid["id_inovasi"].map(pd.Series(pertama.index, index=pertama["id_inovasi"]))
    problems = []
    for k in KOLOM_INOVASI_CSV:
        nilai_pertama = sid["id_inovasi"].map(pertama.set_index("id_inovasi")[k])
        beda = ~((sid[k] == nilai_pertama) | (sid[k].isna() & nilai_pertama.isna()))
        problems += [
            f"{_lokasi(berkas, i, k)}: inovasi '{sid['id_inovasi'].iat[i]}' sudah tercatat dengan "
            f"{k} '{nilai_pertama.iat[i]}' di baris {baris_pertama.iat[i] + 2}"
            for i in np.flatnonzero(beda)
        ]
    return problems


def _data_penilaian(spd: pd.DataFrame, sid: pd.DataFrame, m: Metodologi, berkas: dict[str, str]) -> DataPenilaian:
    sid = sid.assign(status_inovasi=sid.get("status_inovasi", STATUS_BAWAAN), urusan=sid.get("urusan"))
    sid = sid.fillna({"status_inovasi": STATUS_BAWAAN})
    pertama = sid.drop_duplicates("id_inovasi")  # the first row of each innovation defines it
    data = DataPenilaian(
        inovasi=pertama.rename(columns={"urusan": "urusan_utama"})[list(KOLOM_INOVASI)].reset_index(drop=True),
        jawaban_sid=_jawaban(sid, "id_inovasi"),
        jawaban_spd=_jawaban(spd, "kode_wilayah"),
    )
    # frame row -> CSV row, per table validate_data reports on
    baris_csv = {
        "inovasi": ("sid", pertama.index),
        "jawaban_sid": ("sid", sid.index),
        "jawaban_spd": ("spd", spd.index),
    }
    problems = _beda_dalam_inovasi(sid, pertama, berkas["sid"])
    for p in validate_data(data, m):
        nama, baris = baris_csv[p.tabel]
        problems.append(f"{_lokasi(berkas[nama], None if p.baris is None else baris[p.baris], p.kolom)}: {p.pesan}")
    if problems:
        raise InputTidakSahError(problems)
    return dataclasses.replace(
        data,
        jawaban_sid=data.jawaban_sid.assign(level_klaim=pd.to_numeric(data.jawaban_sid["level_klaim"])),
        jawaban_spd=data.jawaban_spd.assign(level_klaim=pd.to_numeric(data.jawaban_spd["level_klaim"])),
    )


def _metodologi(versi: str) -> Metodologi:
    if versi not in daftar_versi():  # checked first, so that no other path is ever opened
        tahun = {str(t): m.versi for m in semua_metodologi() for t in m.tahun}
        petunjuk = f" (tahun {versi} dinilai dengan versi {tahun[versi]})" if versi in tahun else ""
        raise InputTidakSahError([f"metodologi: {VersiTidakDikenalError(versi)}{petunjuk}"])
    return load_metodologi(versi)


def hitung(args: argparse.Namespace) -> str:
    berkas = {"spd": args.spd, "sid": args.sid}
    m = _metodologi(args.metodologi)
    frames, problems = {}, []
    for nama, path in berkas.items():  # both files, so that every problem is reported at once
        try:
            frames[nama] = _baca_csv(path, KOLOM_WAJIB[nama])
        except InputTidakSahError as e:
            problems += e.problems
    if problems:
        raise InputTidakSahError(problems)
    data = _data_penilaian(frames["spd"], frames["sid"], m, berkas)
    hasil = hitung_skor(data, m)[list(KOLOM_RINGKAS)].round(DIGIT_KELUARAN)
    if args.format == "csv":
        return hasil.to_csv(index=False)
    return json.dumps(hasil.to_dict("records"), ensure_ascii=False, indent=2) + "\n"


def metodologi(args: argparse.Namespace) -> str:
    if args.versi is not None:
        return json.dumps(dataclasses.asdict(_metodologi(args.versi)), ensure_ascii=False, indent=2) + "\n"
    baris = []
    for m in semua_metodologi():
        baris.append(f"{m.versi}  {m.nama}")
        baris += [f"  tahun {b.tahun}  [{b.asal.keyakinan}] {b.asal.catatan}" for b in m.berlaku]
    return "\n".join(baris) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scoring", description="Indeks Inovasi Daerah dari berkas CSV.")
    sub = parser.add_subparsers(required=True, metavar="PERINTAH")
    p = sub.add_parser("hitung", help="hitung IID per kode_wilayah dari jawaban SPD dan SID")
    p.add_argument("--metodologi", required=True, metavar="VERSI", help="versi metodologi, mis. 2023")
    p.add_argument("--spd", required=True, metavar="CSV", help="kolom: kode_wilayah, kode_indikator, level")
    p.add_argument(
        "--sid",
        required=True,
        metavar="CSV",
        help="kolom: kode_wilayah, id_inovasi, kode_indikator, level[, status_inovasi, urusan]",
    )
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.set_defaults(jalankan=hitung)
    p = sub.add_parser("metodologi", help="daftar versi metodologi, atau satu versi lengkap sebagai JSON")
    p.add_argument("versi", nargs="?", metavar="VERSI")
    p.set_defaults(jalankan=metodologi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        keluaran = args.jalankan(args)
    except InputTidakSahError as e:
        sisa = len(e.problems) - MAKS_PESAN
        pesan = [f"galat: {p}" for p in e.problems[:MAKS_PESAN]] + (
            [f"... dan {sisa} masalah lain"] if sisa > 0 else []
        )
        print("\n".join(pesan), file=sys.stderr)
        return EXIT_INPUT
    sys.stdout.write(keluaran)
    return 0
