"""Places the city lists lack: names with a lower-case administrative unit, islands and world regions."""

from __future__ import annotations

import pytest

from services.core.models import Dateline
from tests.unit._articles import names, run


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Heavy rain flooded homes in Sangareddy district on Monday.", "Sangareddy"),
        ("The plant is in Al Dhafra region, west of the capital.", "Al Dhafra"),
        ("Firefighters battled a blaze in Evros prefecture.", "Evros"),
        ("Many residents of Balakliia said the shelling had stopped.", "Balakliia"),
        ("Shells fell on the outskirts of Vovchansk overnight.", "Vovchansk"),
    ],
)
def test_name_with_a_unit_after_it_or_residents_before_it_is_a_place(sentence: str, place: str) -> None:
    """A name the gazetteer lacks is a place when "district", "region" or "prefecture" follows it, or
    "residents of" or "the outskirts of" comes before it; it is not the subject of "said"."""
    r = run(sentence)
    assert place in names(r, "place")
    assert place not in names(r, "person")


def test_unit_qualifying_a_noun_outside_a_location_phrase_is_no_place() -> None:
    """ "the Carioca state championship": "state" qualifies the championship; Carioca is no place."""
    assert "Carioca" not in names(run("Flamengo won the Carioca state championship on Sunday."), "place")


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        ("Floods cut roads across Sumatra.", "Sumatra", "ID"),
        ("Tourists left Crete after the fires.", "Crete", "GR"),
        ("Drought spread across the Sahel and West Africa.", "West Africa", None),
        ("The tanker passed the Strait of Malacca on Friday.", "Strait of Malacca", None),
    ],
)
def test_islands_and_regions_are_places(sentence: str, place: str, country: str | None) -> None:
    """Islands, regions and straits are found whole, with their own reading (Crete in Greece, not Nebraska)."""
    found = next(e for e in run(sentence).entities if e.name == place)
    assert found.type == "place"
    assert found.geo is not None and found.geo.country_code == country


def test_dateline_city_the_gazetteer_knows_only_as_another_citys_old_name() -> None:
    """ "SION (Keystone-SDA)" in Swiss copy is the Valais town, not Jerusalem (whose old name is Sion);
    a dateline town the gazetteer lacks is still a place, in the story's country."""
    r = run(
        "Avalanche danger rose in Zermatt and Saas-Fee overnight.",
        dateline=Dateline(text="SION, Feb 11 (Keystone-SDA) -", city="SION", agency="Keystone-SDA"),
    )
    sion = next(e for e in r.entities if e.name == "Sion")
    assert sion.type == "place" and sion.geo is not None and sion.geo.country_code == "CH"
    assert "Jerusalem" not in names(r, "place")
    r = run(
        "The fishermen of Tarouba landed a record catch in Trinidad.",
        dateline=Dateline(text="TAROUBA, July 9 (APP):", city="TAROUBA", agency="APP"),
    )
    assert "Tarouba" in names(r, "place")


def test_unknown_town_followed_by_its_country_or_region() -> None:
    """ "in Täsch, Switzerland", "In Goms, Valais": a town the gazetteer lacks, placed by what follows it."""
    r = run("The avalanche hit in Täsch, Switzerland, on Monday.", "In Goms, Valais, roads were shut.")
    assert {"Täsch", "Goms"} <= names(r, "place")
    assert names(r, "person") == set()


def test_sumo_ranks_introduce_ring_names() -> None:
    """ "ozeki Kotozakura": a rank written in lower case before a wrestler's single ring name."""
    r = run("Yokozuna Hoshoryu beat ozeki Kotozakura on the final day.", '"I fought my sumo," Kotozakura said.')
    assert names(r, "person") == {"Hoshoryu", "Kotozakura"}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("In Kamikoani, a village of about 2,000 people, the school will close.", "Kamikoani"),
        ("He cited the solar plant at Chisamba, north of Lusaka.", "Chisamba"),
        ("She is treated at a private hospital in Perinthalmanna and remains critical.", "Perinthalmanna"),
        ("In Lusaka's Kalingalinga township, shops open at night.", "Kalingalinga"),
    ],
)
def test_town_the_gazetteer_lacks_placed_by_its_context(sentence: str, place: str) -> None:
    """A name no one is called, after "in" at a clause's end, or with "a village of", "north of", "township"."""
    r = run(sentence)
    assert place in names(r, "place")
    assert names(r, "person") == set()


def test_languages_and_half_years_after_in_are_no_places() -> None:
    r = run("The decree was written in Tagalog.", "Profit rose in H2.")
    assert names(r, "place") == set()
