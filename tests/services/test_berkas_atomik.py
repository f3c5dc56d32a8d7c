"""The one atomic file write: the new content replaces the old in one rename, owner-only, and a write that fails
leaves the old file and no temporary file behind. The accounts file is written through it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from dasbor.berkas_atomik import tulis_atomik


def test_replaces_the_file_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "akun.yaml"
    path.write_text("lama", encoding="utf-8")
    tulis_atomik(path, "baru é")
    assert path.read_text(encoding="utf-8") == "baru é"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["akun.yaml"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    path.write_text("lama", encoding="utf-8")
    with pytest.raises(TypeError):
        tulis_atomik(path, 42)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "lama" and [p.name for p in tmp_path.iterdir()] == ["status.json"]


def test_the_accounts_file_is_written_through_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dasbor.services import akun

    dipanggil: list[Path] = []
    monkeypatch.setattr(akun, "tulis_atomik", lambda path, isi: dipanggil.append(path) or path.write_text(isi))
    akun._simpan({"a": {"peran": "pembaca"}}, tmp_path / "akun.yaml")
    assert dipanggil == [tmp_path / "akun.yaml"] and "peran: pembaca" in (tmp_path / "akun.yaml").read_text()
