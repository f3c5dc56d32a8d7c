"""`python -m dasbor kelengkapan`: one worklist workbook per region for a bimtek."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dasbor.cli.bacaan import buka_tahun


def cmd_kelengkapan(args: argparse.Namespace) -> int:
    """One worklist workbook per kabupaten/kota and the province (one coded sheet per perangkat daerah, the
    Ringkasan sheet as their index), and a one-line summary per region."""
    from dasbor.services import asal, daftar_kerja, skor
    from dasbor.services import kelengkapan as kel
    from dasbor.visual.format import angka, bilangan

    db = buka_tahun(args.tahun)
    if db is None:
        return 2
    if args.provinsi is not None and (alasan := skor.provinsi_asing(db, args.provinsi)):
        print(alasan, file=sys.stderr)
        return 2
    hasil = kel.hitung_kelengkapan(db, args.tahun, args.provinsi)
    keluaran = Path(args.keluaran)
    try:
        keluaran.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"Folder keluaran {keluaran} tidak dapat dibuat: {exc.strerror}.", file=sys.stderr)
        return 2
    hari = date.today()
    nilai = skor.nilai_tahun(db, args.tahun, kel.BASIS).set_index("kode_wilayah")
    print(f"Kelengkapan {args.tahun}: {hasil.aturan}.")
    if label := asal.asal_dari(
        hasil.data.inovasi, db.query("wilayah"), db.query("sumber_data_tahun", {"tahun": args.tahun}), args.tahun
    ).label():
        print(f"{label}, bukan data resmi.")
    for wilayah in hasil.skor.sort_values("kode_wilayah").itertuples():
        berkas = keluaran / daftar_kerja.nama_berkas(hasil, wilayah.kode_wilayah, hari, "xlsx")
        berkas.write_bytes(daftar_kerja.ekspor_xlsx(hasil, wilayah.kode_wilayah, hari))
        celah = hasil.celah[hasil.celah["kode_wilayah"] == wilayah.kode_wilayah]
        poin = celah.loc[celah["aditif"], "nilai_perbaikan"].sum()
        status = int((~celah["aditif"]).sum())
        n = nilai.loc[wilayah.kode_wilayah]
        kini = f"IID {angka(n['iid'])} ({n['predikat']})" if n["ada_spd"] else f"SID {angka(n['skor_sid'])}"
        print(
            f"{wilayah.nama_wilayah}: {kini}, {skor.dasar_teks(n)}; {bilangan(len(celah))} celah, {angka(poin)} poin "
            f"IID dipertaruhkan (+{bilangan(status)} dinilai terpisah: status, usia, kembar, lintas tahun), "
            f"{bilangan(celah['id_perangkat_daerah'].nunique())} perangkat daerah -> {berkas.name}"
        )
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    kelengkapan = sub.add_parser(
        "kelengkapan", help="tulis daftar kerja kelengkapan bukti (satu berkas Excel per wilayah) untuk bimtek"
    )
    kelengkapan.add_argument("--tahun", type=int, required=True, help="tahun penilaian, mis. 2024")
    kelengkapan.add_argument("--keluaran", required=True, help="folder tujuan berkas .xlsx")
    kelengkapan.add_argument(
        "--provinsi", metavar="KODE", help="hanya pemda satu provinsi (bimtek satu provinsi di basis data nasional)"
    )
    kelengkapan.set_defaults(func=cmd_kelengkapan)
