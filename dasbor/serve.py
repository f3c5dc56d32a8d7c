"""Start the dashboard: `python -m dasbor.serve [--proses N] [--tls-cert FILE.pem] [--hanya-baca] [Streamlit options]`
(scripts/app.sh uses it), or only the HAProxy in front of worker groups on other machines:
`python -m dasbor.serve --depan HOST:PORT,HOST:PORT [--tls-cert FILE.pem] [--server.port P]`.

N (also $DASBOR_PROSES; default: the number of cores when there is more than one) Streamlit workers run behind
HAProxy (dasbor/peluncur.py, config in deploy/); `--proses 1` is one Streamlit process on the given port, no proxy.
`--server.port P` is the port visitors use either way. With `--tls-cert` (or $DASBOR_TLS_CERT) HAProxy
terminates TLS on that port, and stands in front even of a single worker: Streamlit itself would serve plain HTTP.
`--hanya-baca` (also $DASBOR_HANYA_BACA=1) makes a worker group that only reads the published copies (a shared
folder mounted read-only on a machine other than the writer's): no migration, no publish, no write.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def declare_st_navigation_app() -> None:
    """Make this process an st.navigation app before its first session, as a visit to / would.

    Streamlit decides per process whether an entrypoint with a `pages/` folder beside it is a legacy pages-folder
    app, and keeps deciding so until some session has run `st.navigation`: a fresh server's first visitor on a
    shared link such as /kelengkapan then gets the page file alone, without app.py's navigation, layout and login
    gate. Streamlit 1.67 offers no public switch for this (no config option; its docs say only that the folder is
    ignored "as soon as any session of your app executes st.navigation"), so this one function sets the class flag
    that st.navigation itself sets. tests/layan/test_serve.py fails loudly when Streamlit moves or fixes it."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


def jumlah_proses(argv: list[str], env: dict[str, str] | os._Environ) -> tuple[int, list[str]]:
    """The worker count (--proses N / --proses=N, else $DASBOR_PROSES, else the cores when more than one) and the
    remaining Streamlit options."""
    nilai, sisa = ambil_opsi(argv, "--proses", "jumlah pekerja")
    if nilai is None:
        nilai = env.get("DASBOR_PROSES")
    if nilai is None:
        return max(os.cpu_count() or 1, 1), sisa
    if not nilai.isdigit() or int(nilai) < 1:
        raise SystemExit(f"--proses/DASBOR_PROSES harus bilangan bulat ≥ 1, bukan {nilai!r}")
    return int(nilai), sisa


def ambil_opsi(argv: list[str], nama: str, arti: str) -> tuple[str | None, list[str]]:
    """The value of `nama VALUE` / `nama=VALUE` in argv (the last one given, None when absent) and the other options."""
    sisa: list[str] = []
    nilai = None
    i = 0
    while i < len(argv):
        if argv[i] == nama:
            if i + 1 >= len(argv):
                raise SystemExit(f"{nama} perlu {arti}")
            nilai, i = argv[i + 1], i + 2
            continue
        if argv[i].startswith(f"{nama}="):
            nilai = argv[i].split("=", 1)[1]
        else:
            sisa.append(argv[i])
        i += 1
    return nilai, sisa


def sertifikat_tls(argv: list[str], env: dict[str, str] | os._Environ) -> tuple[Path | None, list[str]]:
    """The TLS certificate (--tls-cert FILE / --tls-cert=FILE, else $DASBOR_TLS_CERT) and the other options."""
    nilai, sisa = ambil_opsi(argv, "--tls-cert", "nama berkas PEM")
    nilai = nilai or env.get("DASBOR_TLS_CERT") or None
    return (Path(nilai) if nilai else None), sisa


def grup_depan(argv: list[str]) -> tuple[list[str], list[str]]:
    """The worker groups of `--depan HOST:PORT,HOST:PORT` (none: this is not a front) and the other options."""
    nilai, sisa = ambil_opsi(argv, "--depan", "daftar grup HOST:PORT,HOST:PORT")
    if nilai is None:
        return [], sisa
    grup = [g.strip() for g in nilai.split(",") if g.strip()]
    for g in grup:
        host, _, port = g.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise SystemExit(f"--depan: {g!r} bukan HOST:PORT (mis. 10.0.0.11:8501)")
    if not grup:
        raise SystemExit("--depan perlu setidaknya satu grup pekerja HOST:PORT")
    return grup, sisa


def panaskan_di_latar() -> None:
    """Prepare this worker for its first visitor on a thread while Streamlit starts (dasbor.ui.data.siapkan: the
    services imported, the published copy open, its stored results checked), so that the first visit pays neither.
    The results themselves were computed when the copy was published. DASBOR_PANASKAN=0 turns it off."""
    if os.environ.get("DASBOR_PANASKAN", "1") == "0":
        return
    from dasbor.ui.data import siapkan

    threading.Thread(target=siapkan, name="panaskan-cache", daemon=True).start()


def jalankan_satu(opsi: list[str]) -> None:
    """`streamlit run app.py` with the given options, in this process so that the declaration holds."""
    declare_st_navigation_app()
    panaskan_di_latar()
    sys.argv = ["streamlit", "run", str(APP), *opsi]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)


def siapkan_basis_data(path: Path) -> None:
    """Refuse a missing database (scripts/app.sh builds the demo on first start; a missing file is a mistake to
    report, not to fill), and bring one made by an older version up to this code's schema and results: opening the
    writer applies the new migrations, and publishes with the scores this code computes (hasil_terbit), so the
    workers never read a copy older than the queries of this code (an upgrade would break every page until the next
    import otherwise) and never score every year themselves. Nothing is published when it is current."""
    # Importing the services' gateway to the database is what has a publish store the scores (hasil_terbit).
    import dasbor.services.db  # noqa: F401
    from dasbor.db.terbitan import penulis

    if not path.exists():
        raise SystemExit(
            f"Basis data {path} tidak ada. Periksa DASBOR_DB, pulihkan cadangan (python -m dasbor pulihkan "
            "BERKAS), atau bangun data demo (python -m dasbor demo; bash scripts/app.sh melakukannya sendiri)."
        )
    with penulis(path):
        pass


def periksa_terbitan(path: Path) -> None:
    """A read-only group starts only on a published copy it can open (the shared folder mounted, the writer run)."""
    from dasbor.db import terbitan

    try:
        terbitan.kini(path)
    except terbitan.BasisDataTidakAdaError as exc:
        raise SystemExit(str(exc)) from None
    finally:
        terbitan.tutup_semua()


def main(argv: list[str]) -> None:
    from dasbor.db.connection import db_path
    from dasbor.db.terbitan import hanya_baca

    grup, argv = grup_depan(argv)
    tls, argv = sertifikat_tls(argv, os.environ)
    if grup:  # the front holds no data: only HAProxy, in front of the groups
        from dasbor.peluncur import Peluncur

        sys.exit(Peluncur(0, argv, tls, grup=grup).jalankan())
    if "--hanya-baca" in argv:
        argv = [a for a in argv if a != "--hanya-baca"]
        os.environ["DASBOR_HANYA_BACA"] = "1"  # for this process and every worker it starts
    try:
        baca_saja = hanya_baca()
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    if baca_saja:
        periksa_terbitan(db_path())
    else:
        siapkan_basis_data(db_path())
    proses, opsi = jumlah_proses(argv, os.environ)
    if proses == 1 and tls is None:
        jalankan_satu(opsi)
        return
    from dasbor.peluncur import Peluncur

    sys.exit(Peluncur(proses, opsi, tls).jalankan())


if __name__ == "__main__":
    main(sys.argv[1:])
