"""`python -m dasbor bimtek`: the bimtek deck (PPTX/PDF) and its Excel data pack."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dasbor.lingkup import lingkup, lingkup_wilayah


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal «{teks}» tidak sah; tulis sebagai YYYY-MM-DD") from None


def cmd_bimtek(args: argparse.Namespace) -> int:
    """Write the bimtek deck (PPTX/PDF) and its Excel data pack ahead of a workshop."""
    from dasbor.bimtek.bahan import wilayah_provinsi
    from dasbor.bimtek.ekspor import siapkan_berkas
    from dasbor.bimtek.model import Acara
    from dasbor.bimtek.susun import BimtekError, acara_bawaan, build_deck, urutan_bawaan

    keluaran = {f: getattr(args, f) for f in ("pptx", "pdf", "xlsx") if getattr(args, f)}
    if not keluaran:
        print("Sebutkan sedikitnya satu berkas keluaran: --pptx, --pdf atau --xlsx.", file=sys.stderr)
        return 2
    try:
        wilayah = wilayah_provinsi(args.provinsi)
        bawaan = acara_bawaan(lingkup_wilayah(wilayah["kode_wilayah"]))
        acara = Acara(args.acara or bawaan.nama, args.tempat or bawaan.tempat, args.tanggal or bawaan.tanggal)
        urutan = urutan_bawaan(wilayah, args.wilayah) if args.wilayah else None
        deck = build_deck(args.tahun, args.basis, args.wilayah or None, urutan, acara, args.provinsi)
    except BimtekError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    berkas = siapkan_berkas(deck, keluaran)
    for format_, path in keluaran.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(berkas[format_])
        print(f"{format_.upper()}: {path} ({len(berkas[format_]) // 1024} KB)")
    label = " — data inovasi SINTETIS (data demo)" if deck.sintetis else ""
    print(f"{len(deck.slides)} slide, tahun penilaian {deck.tahun}, aturan IID versi {deck.versi_metodologi}{label}")
    return 0


def daftarkan(sub: argparse._SubParsersAction) -> None:
    bimtek = sub.add_parser(
        "bimtek",
        help="tulis deck bimtek (PPTX/PDF) dan paket data Excel dari basis data",
        description="Deck bimtek dari basis data: judul, peringkat, konteks nasional, tren, satu slide per "
        "kabupaten/kota, dan daftar tindakan. Dengan --wilayah, tren dan slide per wilayah hanya untuk kode itu.",
    )
    bimtek.add_argument("--tahun", type=int, required=True, help="tahun penilaian, mis. 2024")
    bimtek.add_argument("--basis", choices=("terverifikasi", "klaim"), default="terverifikasi")
    bimtek.add_argument("--pptx", type=Path, help="berkas PowerPoint keluaran")
    bimtek.add_argument("--pdf", type=Path, help="berkas PDF keluaran")
    bimtek.add_argument("--xlsx", type=Path, help="paket data Excel keluaran")
    bimtek.add_argument(
        "--wilayah", nargs="+", metavar="KODE", help=f"kode wilayah, mis. {' '.join(lingkup().pembanding)}"
    )
    bimtek.add_argument(
        "--provinsi",
        metavar="KODE",
        help="kode provinsi pemda yang dibimtek (wajib bila basis data memuat lebih dari satu provinsi, mis. 35)",
    )
    bimtek.add_argument("--acara", help="nama acara pada slide judul")
    bimtek.add_argument("--tempat", help="tempat acara")
    bimtek.add_argument("--tanggal", type=_tanggal, help="tanggal acara, YYYY-MM-DD")
    bimtek.set_defaults(func=cmd_bimtek)
