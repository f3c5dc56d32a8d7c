"""Backups that restore: one file (a zip) holding a byte copy of the writer database, taken under the writer lock
after a CHECKPOINT, and a manifest (time, schema version, row counts per table, SHA-256 of the copy).

A restore checks everything before it touches anything: the zip, the hash, the schema version (a backup from newer
code is refused: this code cannot know its tables), and the row counts of the copy against the manifest. Then,
under the writer lock, it backs up the state it replaces into a file of the same kind (so `pulihkan` of that file
undoes the restore), swaps the file in with one rename and publishes a new copy for running servers."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dasbor.db import terbitan
from dasbor.db.connection import Database
from dasbor.db.migrate import migration_files

FORMAT = "dasbor-iid-cadangan/1"
MANIFEST = "manifest.json"
ISI = "iid.duckdb"
_POTONGAN = 1 << 20


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
        with zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            z.writestr(MANIFEST, json.dumps(asdict(manifest), indent=2, ensure_ascii=False))
            z.write(salinan, ISI)
        with open(sementara, "rb") as f:
            os.fsync(f.fileno())
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
            shutil.copyfile(db_path, salinan)
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


def periksa_cadangan(berkas: Path, tujuan: Path) -> Manifest:
    """Check a backup completely and extract its database to `tujuan`; CadanganError when it must not be
    restored (tujuan is then removed)."""
    try:
        try:
            with zipfile.ZipFile(berkas) as z:
                try:
                    data = json.loads(z.read(MANIFEST))
                    manifest = Manifest(**data)
                except (KeyError, ValueError, TypeError) as exc:
                    raise CadanganError(f"manifest cadangan tidak ada atau tidak sah ({exc}).") from None
                if manifest.format != FORMAT:
                    raise CadanganError(f"format cadangan '{manifest.format}' tidak dikenal (diharapkan {FORMAT}).")
                if manifest.versi_skema > versi_kode():
                    raise CadanganError(
                        f"cadangan berasal dari skema versi {manifest.versi_skema}, lebih baru dari versi "
                        f"{versi_kode()} yang dikenal program ini. Perbarui program dulu, lalu pulihkan."
                    )
                h = hashlib.sha256()
                with z.open(ISI) as masuk, open(tujuan, "wb") as keluar:
                    while potongan := masuk.read(_POTONGAN):
                        h.update(potongan)
                        keluar.write(potongan)
        except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:
            raise CadanganError(f"berkas cadangan rusak atau terpotong ({type(exc).__name__}: {exc}).") from None
        if h.hexdigest() != manifest.sha256:
            raise CadanganError(
                f"hash SHA-256 isi cadangan ({h.hexdigest()[:12]}…) tidak sama dengan manifest "
                f"({manifest.sha256[:12]}…): berkas berubah atau rusak."
            )
        try:
            con = duckdb.connect(str(tujuan), read_only=True)
            try:
                jumlah = _isi_tabel(con.cursor())
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
    except BaseException:
        tujuan.unlink(missing_ok=True)
        raise


def folder_pulihan(db_path: Path) -> Path:
    """Where a restore keeps the states it replaced: beside the database, never inside the terbitan folder."""
    return Path(db_path).parent / "pulihan"


def pulihkan(db_path: Path, berkas: Path) -> tuple[Manifest, Path | None]:
    """Restore `berkas` over the database at db_path; returns its manifest and the backup of the state it
    replaced (None when there was no database). Running servers switch at their next page load."""
    db_path = Path(db_path)
    sementara = db_path.with_name(db_path.name + ".pulihkan")
    sementara.unlink(missing_ok=True)
    manifest = periksa_cadangan(Path(berkas), sementara)
    try:
        with terbitan.gembok(db_path):
            sebelum = None
            if db_path.exists():
                cap = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                sebelum = folder_pulihan(db_path) / f"{db_path.stem}-sebelum-pulih-{cap}.zip"
                tulis_cadangan(db_path, sebelum)
            # An older backup is brought up to this code's schema before it goes live.
            Database(sementara).close()
            os.replace(sementara, db_path)
            # A WAL left by the replaced file must never be replayed onto the restored one.
            db_path.with_name(db_path.name + ".wal").unlink(missing_ok=True)
            with terbitan.penulis(db_path, paksa=True):
                pass  # publishes the restored state
        return manifest, sebelum
    finally:
        sementara.unlink(missing_ok=True)
