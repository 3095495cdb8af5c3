"""Places the city lists lack: names with a lower-case administrative unit, islands and world regions."""

from __future__ import annotations

import pytest

from tests.unit._articles import names, run


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Heavy rain flooded homes in Sangareddy district on Monday.", "Sangareddy"),
        ("The plant is in Al Dhafra region, west of the capital.", "Al Dhafra"),
        ("Firefighters battled a blaze in Evros prefecture.", "Evros"),
    ],
)
def test_name_before_a_lower_case_unit_is_a_place(sentence: str, place: str) -> None:
    """A name the gazetteer lacks, followed by "district", "region" or "prefecture", is a place."""
    r = run(sentence)
    assert place in names(r, "place")
    assert place not in names(r, "person")


def test_unit_qualifying_a_noun_outside_a_location_phrase_is_no_place() -> None:
    """ "the Carioca state championship": "state" qualifies the championship; Carioca is no place."""
    assert "Carioca" not in names(run("Flamengo won the Carioca state championship on Sunday."), "place")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Floods cut roads across Sumatra.", "Sumatra"),
        ("Tourists left Crete after the fires.", "Crete"),
        ("Drought spread across the Sahel and West Africa.", "West Africa"),
        ("The tanker passed the Strait of Malacca on Friday.", "Strait of Malacca"),
    ],
)
def test_islands_and_regions_are_places(sentence: str, place: str) -> None:
    """Islands, regions and straits are found whole, with their own reading (Crete in Greece)."""
    r = run(sentence)
    assert place in names(r, "place")
    if place == "Crete":
        assert next(e for e in r.entities if e.name == "Crete").geo.country_code == "GR"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Many residents of Balakliia said the shelling had stopped.", "Balakliia"),
        ("Shells fell on the outskirts of Vovchansk overnight.", "Vovchansk"),
    ],
)
def test_residents_and_outskirts_of_a_name_make_it_a_place(sentence: str, place: str) -> None:
    """ "residents of X", "the outskirts of X": X is a place, not the subject of "said"."""
    r = run(sentence)
    assert place in names(r, "place")
    assert place not in names(r, "person")
