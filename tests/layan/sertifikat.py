"""A self-signed certificate for 127.0.0.1 made by the openssl command, in the one-PEM form HAProxy reads."""

from __future__ import annotations

import subprocess
from pathlib import Path


def buat_sertifikat(folder: Path) -> tuple[Path, Path]:
    """(PEM with certificate and private key, for --tls-cert; PEM with the certificate alone, for clients)."""
    kunci, sertifikat = folder / "kunci.pem", folder / "sertifikat.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(kunci), "-out", str(sertifikat),
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    gabungan = folder / "dasbor.pem"
    gabungan.write_bytes(sertifikat.read_bytes() + kunci.read_bytes())
    gabungan.chmod(0o600)
    return gabungan, sertifikat
