"""Backups that restore: one file (a zip) holding a byte copy of the writer database, taken under the writer lock
after a CHECKPOINT, and a manifest (time, schema version, row counts per table, SHA-256 and size of the copy).

A restore runs entirely under the writer lock (two restores, or a restore and an import, never interleave) and
checks everything before it touches anything: the zip's members and their declared sizes (against the manifest, a
cap and the free disk, before a byte is written), the hash, the schema version (a backup from newer code is
refused: this code cannot know its tables), the catalog (exactly the objects our migrations create: a view or
macro smuggled into a backup would run in every server, issue 24 M2), and the row counts against the manifest.
The copy is extracted to a file of its own (unique name, 0600) and opened read-only, which never creates a missing
file. Then it backs up the state it replaces into a file of the same kind (so `pulihkan` of that file undoes the
restore), brings an older copy up to this code's schema, checks the copy's hash once more and swaps it in with one
rename, and publishes a new copy for running servers."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dasbor.db import berkas_pribadi, katalog, terbitan
from dasbor.db.connection import Database, buka
from dasbor.db.migrate import migration_files

FORMAT = "dasbor-iid-cadangan/1"
MANIFEST = "manifest.json"
ISI = "iid.duckdb"
_POTONGAN = 1 << 20
MAKS_MANIFEST = 1 << 16  # a manifest of a few hundred tables is a few kB
# The largest database a backup may hold ($DASBOR_CADANGAN_MAKS_MB, default 4 GiB): a backup is refused before its
# copy is written when the copy would be larger, or would not leave SISA_DISK free on the database's disk.
MAKS_MB_BAWAAN = 4096
SISA_DISK = 256 << 20

# The points of a restore where a test stops one run to interleave another. In the product `titik_uji` does nothing
# and nothing (no setting, no environment variable) changes that; only tests/db/test_cadangan.py replaces it.
TITIK_UJI = ("setelah_ekstrak", "sebelum_tukar")


def _tanpa_jeda(nama: str) -> None:
    """The product's hook: no pause anywhere."""


titik_uji: Callable[[str], None] = _tanpa_jeda


class CadanganError(ValueError):
    """A backup that must not be restored; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Manifest:
    format: str
    waktu: str  # UTC, ISO 8601
    versi_skema: int  # number of the last migration applied
    migrasi: list[str]
    jumlah_baris: dict[str, int]
    sha256: str  # of the database copy (ISI)
    ukuran: int


def versi_kode() -> int:
    """The schema version this code creates: the number of its last migration."""
    return max(_nomor(nama) for nama, _ in migration_files())


def _nomor(migrasi: str) -> int:
    cocok = re.match(r"(\d+)_", migrasi)
    return int(cocok.group(1)) if cocok else 0


def _isi_tabel(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of every base table. The table names come from the database's own catalog, never from a user,
    and are quoted as identifiers: a count per table cannot be written with bound parameters."""
    nama = [
        r[0]
        for r in cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' ORDER BY 1"
        ).fetchall()
    ]
    hasil = {}
    for t in nama:
        kutip = '"' + t.replace('"', '""') + '"'
        hasil[t] = int(cur.execute(f"SELECT count(*) FROM {kutip}").fetchone()[0])
    return hasil


def _migrasi(cur: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in cur.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while potongan := f.read(_POTONGAN):
            h.update(potongan)
    return h.hexdigest()


def _tulis_zip(salinan: Path, manifest: Manifest, berkas: Path) -> None:
    """Written beside the target and renamed into place, so a crash or a full disk never leaves a half backup
    under the backup's name."""
    berkas.parent.mkdir(parents=True, exist_ok=True)
    sementara = berkas.with_name(berkas.name + ".baru")
    try:
        with os.fdopen(berkas_pribadi.buka_baru(sementara), "wb") as keluar:
            with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
                z.writestr(MANIFEST, json.dumps(asdict(manifest), indent=2, ensure_ascii=False))
                z.write(salinan, ISI)
            keluar.flush()
            os.fsync(keluar.fileno())
        os.replace(sementara, berkas)
    finally:
        sementara.unlink(missing_ok=True)


def tulis_cadangan(db_path: Path, berkas: Path) -> Manifest:
    """Back up the writer database at db_path into `berkas`, under the writer lock (servers keep running: they
    read published copies; an import waits for the lock, and the copy is therefore one committed state)."""
    berkas = Path(berkas)
    salinan = berkas.with_name(berkas.name + ".salinan")
    try:
        with terbitan.penulis(db_path) as db:
            with db.cursor() as cur:
                cur.execute("CHECKPOINT")  # everything committed is in the main file, so a byte copy is complete
                jumlah, migrasi = _isi_tabel(cur), _migrasi(cur)
            berkas.parent.mkdir(parents=True, exist_ok=True)
            berkas_pribadi.salin(db_path, salinan)
        manifest = Manifest(
            FORMAT,
            datetime.now(UTC).isoformat(timespec="seconds"),
            max((_nomor(m) for m in migrasi), default=0),
            migrasi,
            jumlah,
            _sha256(salinan),
            salinan.stat().st_size,
        )
        _tulis_zip(salinan, manifest, berkas)
        return manifest
    finally:
        salinan.unlink(missing_ok=True)


def _batas_mb() -> int:
    nilai = os.environ.get("DASBOR_CADANGAN_MAKS_MB", "").strip()
    if not nilai:
        return MAKS_MB_BAWAAN
    if not nilai.isdigit() or int(nilai) < 1:
        raise CadanganError(f"DASBOR_CADANGAN_MAKS_MB harus bilangan bulat ≥ 1 (MB), bukan {nilai!r}.")
    return int(nilai)


def _baca_manifest(z: zipfile.ZipFile) -> tuple[Manifest, zipfile.ZipInfo]:
    """The manifest (read bounded) and the database member, after checking the zip holds exactly those two."""
    anggota = z.infolist()
    nama = sorted(i.filename for i in anggota)
    if nama != sorted([MANIFEST, ISI]):
        raise CadanganError(f"isi zip harus tepat {MANIFEST} dan {ISI}, bukan: {', '.join(nama[:10]) or 'kosong'}.")
    info = {i.filename: i for i in anggota}
    if info[MANIFEST].file_size > MAKS_MANIFEST:
        raise CadanganError(
            f"{MANIFEST} menyatakan {info[MANIFEST].file_size:,} byte, melebihi batas {MAKS_MANIFEST:,}."
        )
    with z.open(info[MANIFEST]) as f:
        mentah = f.read(MAKS_MANIFEST + 1)
    if len(mentah) > MAKS_MANIFEST:
        raise CadanganError(f"{MANIFEST} lebih besar dari batas {MAKS_MANIFEST:,} byte.")
    try:
        manifest = Manifest(**json.loads(mentah))
    except (ValueError, TypeError) as exc:
        raise CadanganError(f"manifest cadangan tidak sah ({exc}).") from None
    tipe = {"format": str, "waktu": str, "versi_skema": int, "migrasi": list, "jumlah_baris": dict, "sha256": str}
    salah = [k for k, t in {**tipe, "ukuran": int}.items() if not isinstance(getattr(manifest, k), t)]
    if salah or not all(isinstance(m, str) for m in manifest.migrasi):
        raise CadanganError(f"manifest cadangan tidak sah: isian {', '.join(salah) or 'migrasi'} bertipe salah.")
    return manifest, info[ISI]


def _periksa_ukuran(manifest: Manifest, isi: zipfile.ZipInfo, folder: Path) -> None:
    """Refuse a database member before extracting it: its declared size must be the manifest's, under the cap,
    and leave SISA_DISK free (issue 24 L5: a 199 kB backup declaring 200 MB filled the disk before the hash
    refused it). zipfile then never yields more than the declared size."""
    if isi.file_size != manifest.ukuran:
        raise CadanganError(
            f"{ISI} di dalam zip menyatakan {isi.file_size:,} byte, manifest {manifest.ukuran!r}: berkas diubah.".replace(
                ",", "."
            )
        )
    batas = _batas_mb() << 20
    if isi.file_size > batas:
        raise CadanganError(
            f"basis data di dalam cadangan {isi.file_size / 2**20:,.0f} MB, melebihi batas {batas >> 20} MB "
            "(DASBOR_CADANGAN_MAKS_MB).".replace(",", ".")
        )
    bebas = shutil.disk_usage(folder).free
    if isi.file_size + SISA_DISK > bebas:
        raise CadanganError(
            f"ruang disk tidak cukup: basis data di dalam cadangan {isi.file_size / 2**20:,.0f} MB, ruang bebas "
            f"{bebas / 2**20:,.0f} MB (perlu sisa {SISA_DISK >> 20} MB). Kosongkan disk lalu ulangi.".replace(",", ".")
        )


def _ekstrak(z: zipfile.ZipFile, isi: zipfile.ZipInfo, tujuan: Path) -> str:
    """Write the database member into `tujuan` (which exists, 0600) and return its SHA-256."""
    h = hashlib.sha256()
    with z.open(isi) as masuk, open(tujuan, "r+b") as keluar:
        keluar.truncate()
        while potongan := masuk.read(_POTONGAN):
            h.update(potongan)
            keluar.write(potongan)
    return h.hexdigest()


def periksa_cadangan(berkas: Path, tujuan: Path) -> Manifest:
    """Check a backup completely, extracting its database into `tujuan` (an existing file this run owns);
    CadanganError when it must not be restored. The caller holds the writer lock and removes `tujuan`."""
    try:
        with zipfile.ZipFile(berkas) as z:
            manifest, isi = _baca_manifest(z)
            if manifest.format != FORMAT:
                raise CadanganError(f"format cadangan '{manifest.format}' tidak dikenal (diharapkan {FORMAT}).")
            if manifest.versi_skema > versi_kode():
                raise CadanganError(
                    f"cadangan berasal dari skema versi {manifest.versi_skema}, lebih baru dari versi "
                    f"{versi_kode()} yang dikenal program ini. Perbarui program dulu, lalu pulihkan."
                )
            dikenal = [nama for nama, _ in migration_files()]
            if manifest.migrasi != dikenal[: len(manifest.migrasi)]:
                raise CadanganError(f"daftar migrasi di manifest tidak dikenal program ini: {manifest.migrasi!r:.200}.")
            _periksa_ukuran(manifest, isi, tujuan.parent)
            sha = _ekstrak(z, isi, tujuan)
    except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:
        raise CadanganError(f"berkas cadangan rusak atau terpotong ({type(exc).__name__}: {exc}).") from None
    if sha != manifest.sha256:
        raise CadanganError(
            f"hash SHA-256 isi cadangan ({sha[:12]}…) tidak sama dengan manifest "
            f"({str(manifest.sha256)[:12]}…): berkas berubah atau rusak."
        )
    _titik_uji("setelah_ekstrak")
    try:
        con = buka(tujuan, read_only=True)
        try:
            cur = con.cursor()
            if beda := katalog.beda(katalog.katalog(cur), katalog.acuan(manifest.migrasi)):
                lain = f" dan {len(beda) - 8} lainnya" if len(beda) > 8 else ""
                raise CadanganError(
                    "skema basis data di dalam cadangan tidak sama dengan yang dibuat migrasi program ini: "
                    f"{'; '.join(beda[:8])}{lain}."
                )
            if (migrasi := _migrasi(cur)) != manifest.migrasi:
                raise CadanganError(f"migrasi di basis data ({', '.join(migrasi)}) tidak sama dengan manifest.")
            jumlah = _isi_tabel(cur)
        finally:
            con.close()
    except duckdb.Error as exc:
        raise CadanganError(f"basis data di dalam cadangan tidak dapat dibuka ({exc}).") from None
    if jumlah != manifest.jumlah_baris:
        beda = sorted(
            t for t in set(jumlah) | set(manifest.jumlah_baris) if jumlah.get(t) != manifest.jumlah_baris.get(t)
        )
        raise CadanganError(f"jumlah baris tidak sama dengan manifest pada tabel {', '.join(beda)}.")
    return manifest


def _titik_uji(nama: str) -> None:
    titik_uji(nama)  # looked up at each call, so a test's replacement is the one called


def folder_pulihan(db_path: Path) -> Path:
    """Where a restore keeps the states it replaced: beside the database, never inside the terbitan folder;
    owner-only, like the backups in it."""
    return Path(db_path).parent / "pulihan"


def pulihkan(db_path: Path, berkas: Path) -> tuple[Manifest, Path | None]:
    """Restore `berkas` over the database at db_path; returns its manifest and the backup of the state it
    replaced (None when there was no database). Running servers switch at their next page load."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with terbitan.gembok(db_path):
        # A name of this run's own (0600): a second restore can neither remove nor replace it.
        fd, nama = tempfile.mkstemp(prefix=db_path.name + ".pulihkan-", dir=db_path.parent)
        os.close(fd)
        sementara = Path(nama)
        try:
            manifest = periksa_cadangan(Path(berkas), sementara)
            sebelum = None
            if db_path.exists():
                cap = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                folder = folder_pulihan(db_path)
                folder.mkdir(mode=0o700, exist_ok=True)
                os.chmod(folder, 0o700)  # also a folder an older version made with the umask's mode
                sebelum = folder / f"{db_path.stem}-sebelum-pulih-{cap}.zip"
                tulis_cadangan(db_path, sebelum)
            if manifest.migrasi != [nama for nama, _ in migration_files()]:
                # An older backup is brought up to this code's schema before it goes live. Only a file that is
                # still there is opened for writing: a writer open would create an empty one.
                if not sementara.is_file():
                    raise CadanganError(f"salinan sementara {sementara.name} hilang sebelum dimigrasikan.")
                Database(sementara).close()
                sha = _sha256(sementara)
            else:
                sha = manifest.sha256
            _titik_uji("sebelum_tukar")
            if not sementara.is_file() or _sha256(sementara) != sha:
                raise CadanganError(
                    f"salinan sementara {sementara.name} berubah setelah diperiksa; tidak ada yang diganti."
                )
            os.replace(sementara, db_path)
            # A WAL left by the replaced file must never be replayed onto the restored one.
            db_path.with_name(db_path.name + ".wal").unlink(missing_ok=True)
            with terbitan.penulis(db_path, paksa=True):
                pass  # publishes the restored state
            return manifest, sebelum
        finally:
            for sisa in (sementara, sementara.with_name(sementara.name + ".wal")):
                sisa.unlink(missing_ok=True)
