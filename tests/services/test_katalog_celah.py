"""The gap catalogue (dasbor/services/celah.toml) is versioned data with provenance, and names every kind the gap
finders produce."""

from __future__ import annotations

import re
from pathlib import Path

from dasbor.services import kelengkapan as kel
from dasbor.services.katalog_celah import katalog
from scoring.model import KEYAKINAN

LAYANAN = Path(__file__).resolve().parents[2] / "dasbor" / "services"


def test_every_kind_has_texts_a_known_keyakinan_and_a_source() -> None:
    k = katalog()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", k.versi)
    for jenis in k.jenis.values():
        assert jenis.nama and jenis.perbaikan and jenis.di_portal, jenis.kode
        assert jenis.keyakinan in KEYAKINAN, jenis.kode
        assert jenis.sumber.strip(), jenis.kode
    assert k.komitmen.keyakinan in KEYAKINAN and k.komitmen.sumber.startswith("https://")
    assert k.komitmen.minimum_inovasi == 1
    assert kel.KOMITMEN_SKPD.startswith("Komitmen: setiap SKPD melaporkan minimal satu inovasi per tahun (")


def test_every_kind_the_code_writes_is_in_the_catalogue() -> None:
    ditulis = set()
    for berkas in ("celah.py", "celah_portal.py", "lintas_tahun.py"):
        teks = (LAYANAN / berkas).read_text(encoding="utf-8")
        ditulis |= set(re.findall(r'"((?:kematangan|video|tahap|usia|kembar|saran|spd|profil|inovasi)_[a-z_]+)"', teks))
    ditulis -= {"kematangan_portal", "kematangan_sasaran", "kembar_dengan"}  # column names
    assert ditulis and ditulis <= set(kel.JENIS_CELAH), ditulis - set(kel.JENIS_CELAH)
