"""`python -m dasbor saran-kirim`: which eligible innovations to send for the highest IID (issue 18 §5)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from dasbor.cli.bacaan import buka_tahun, cetak_tabel, opsi_baca, wilayah_dikenal
from dasbor.visual.format import angka

if TYPE_CHECKING:
    from dasbor.services.kiriman import Saran

KOLOM = ("id_inovasi", "nama_inovasi", "kematangan", "disarankan", "alasan")


def _ringkasan(saran: Saran) -> dict[str, object]:
    return {
        "versi_metodologi": saran.versi,
        "n_layak": saran.n_layak,
        "n_disarankan": saran.n_saran,
        "iid_semua_layak_dikirim": None if saran.iid_semua is None else round(saran.iid_semua, 6),
        "iid_saran": None if saran.iid_saran is None else round(saran.iid_saran, 6),
        "sid_semua_layak_dikirim": round(saran.sid_semua, 6),
        "sid_saran": round(saran.sid_saran, 6),
        "tambahan_poin": round(saran.tambahan_poin, 6),
        "ada_spd": saran.ada_spd,
        "dari_kematangan_portal": saran.dari_kematangan_portal,
        "asumsi": list(saran.asumsi),
    }


def cmd_saran_kirim(args: argparse.Namespace) -> int:
    from dasbor.services import skor
    from dasbor.services.kiriman import SUMBER_PORTAL, hitung_saran

    db = buka_tahun(args.tahun)
    if db is None or not wilayah_dikenal(db, [args.wilayah]):
        return 2
    saran = hitung_saran(db, args.tahun, args.wilayah)
    tabel = saran.tabel[list(KOLOM)].assign(kematangan=saran.tabel["kematangan"].round(6))
    ringkasan = _ringkasan(saran)
    # The region-year's IID now, by the one rule every page shows (the advice's numbers are scenarios beside it).
    kini = skor.nilai_tahun(db, args.tahun).set_index("kode_wilayah")
    sekarang = kini.loc[args.wilayah] if args.wilayah in kini.index else None
    ringkasan["iid_sekarang"] = (
        None if sekarang is None or not sekarang["ada_spd"] else round(float(sekarang["iid"]), 2)
    )
    ringkasan["dasar_nilai_sekarang"] = None if sekarang is None else skor.dasar_teks(sekarang)
    if args.format == "json":
        print(json.dumps({"ringkasan": ringkasan, "inovasi": tabel.to_dict("records")}, ensure_ascii=False, indent=1))
        return 0
    cetak_tabel(tabel, "csv")
    # The summary goes to standard error: the CSV on standard output stays one table.
    satuan = "IID" if saran.ada_spd else "SID (tanpa jawaban SPD: IID tidak dihitung)"
    semua = saran.iid_semua if saran.ada_spd else saran.sid_semua
    disarankan = saran.iid_saran if saran.ada_spd else saran.sid_saran
    if sekarang is None:
        teks_kini = "Sekarang: belum ada data"
    elif sekarang["ada_spd"]:
        teks_kini = f"Sekarang (basis terverifikasi): IID {angka(sekarang['iid'])} ({sekarang['predikat']}), {skor.dasar_teks(sekarang)}"
    else:
        teks_kini = f"Sekarang (basis terverifikasi): SID {angka(sekarang['skor_sid'])}, {skor.dasar_teks(sekarang)}"
    baris = [
        teks_kini,
        f"Aturan {saran.versi}, basis klaim"
        + (f", kematangan {SUMBER_PORTAL}" if saran.dari_kematangan_portal else ""),
        f"{satuan} bila semua {saran.n_layak} inovasi yang memenuhi usia dikirim: {angka(semua)}",
        f"{satuan} dengan saran ({saran.n_saran} dikirim): {angka(disarankan)} (+{angka(saran.tambahan_poin, 3)} poin)",
        "Bergantung pada: " + "; ".join(saran.asumsi),
    ]
    print("\n".join(baris), file=sys.stderr)
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    perintah = sub.add_parser("saran-kirim", help="inovasi yang sebaiknya dikirim agar IID setinggi mungkin")
    opsi_baca(perintah, "satu")
    perintah.set_defaults(func=cmd_saran_kirim)
