"""`python -m dasbor hasil`: one row per pemda with its IID by the one rule (services.skor.nilai_wilayah), what it
rests on, and where its SID comes from (issue 18 §6, issue 23 §2 and §6)."""

from __future__ import annotations

import argparse
import sys

from dasbor.cli.bacaan import buka_tahun, cetak_tabel, opsi_baca

KOLOM = (
    "kode_wilayah",
    "nama_wilayah",
    "iid",
    "predikat",
    "peringkat",
    "spd",
    "sid",
    "n_inovasi_dinilai",
    "sumber_sid",
    "dasar_nilai",
    "peringkat_sid_saja",
)


def cmd_hasil(args: argparse.Namespace) -> int:
    from dasbor.services.kiriman import SUMBER_PORTAL, hasil_pemda

    db = buka_tahun(args.tahun)
    if db is None:
        return 2
    hasil = hasil_pemda(db, args.tahun, args.basis)
    # Notices go to standard error, so the table on standard output stays machine-readable.
    tanpa_spd = hasil.loc[~hasil["ada_spd"], "nama_wilayah"].tolist()
    if tanpa_spd:
        print(
            f"Tanpa jawaban SPD (ekspor portal tidak memuat SPD): {', '.join(tanpa_spd)}; hanya SID yang ditampilkan, "
            "tanpa IID, predikat dan peringkat; diperingkat terpisah menurut SID (peringkat_sid_saja). Isi SPD dengan "
            "`python -m dasbor spd` atau halaman SPD.",
            file=sys.stderr,
        )
    semua = hasil.loc[hasil["semua_layak_dikirim"], "nama_wilayah"].tolist()
    if semua:
        print(
            f"Belum ada inovasi bertanda dikirim/diterima: {', '.join(semua)}; nilainya = bila setiap inovasi yang "
            "memenuhi aturan usia dikirim.",
            file=sys.stderr,
        )
    portal = hasil.loc[hasil["sumber_sid"] != "jawaban", "nama_wilayah"].tolist()
    if portal:
        print(f"SID {SUMBER_PORTAL} (sumber_sid kematangan/campuran): {', '.join(portal)}.", file=sys.stderr)
    cetak_tabel(hasil[list(KOLOM)].round({"iid": 2, "spd": 6, "sid": 6}), args.format)
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    perintah = sub.add_parser("hasil", help="IID, predikat dan peringkat setiap pemda pada satu tahun")
    opsi_baca(perintah, None)
    perintah.add_argument(
        "--basis",
        choices=("klaim", "terverifikasi"),
        default="terverifikasi",
        help="basis skor (bawaan: terverifikasi)",
    )
    perintah.set_defaults(func=cmd_hasil)
