"""The published national average IID is read with its source, and the columns older readers use stay."""

from dasbor.services import nasional


def test_national_average_iid_with_its_source() -> None:
    rata = nasional.rata_rata_iid().set_index("tahun")
    # temuan-baru.md: 2024 46,01 (okezone), 2025 49,43 (selalukabar); no other year was published
    assert rata["rata_rata_iid"].to_dict() == {2024: 46.01, 2025: 49.43}
    assert rata["sumber"].str.startswith("https://").all() and (rata["keyakinan"] == "terkonfirmasi").all()
    semua = nasional.konteks_nasional()
    assert {"tahun_penilaian", "pemda_melapor", "jumlah_inovasi", "sumber"} <= set(semua.columns)
